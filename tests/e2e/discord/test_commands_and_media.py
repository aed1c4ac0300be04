"""Slash commands (deferred, answered by follow-ups) and attachments reaching the estimator, through discord.py."""

from __future__ import annotations

import io
import json
import zipfile

from bots.common.buttons import untagged
from bots.discord.bot import WinStreakBot
from core.services.set_reachable import set_reachable
from tests.e2e.discord.person import Person
from tests.e2e.discord.test_private_chat import onboard
from tests.fakes.recording_estimator import RecordingEstimator
from winstreak.bootstrap import App

JPEG = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40
OGG = b"OggS" + bytes(200)
VOICE_MESSAGE = 1 << 13  # message flag IS_VOICE_MESSAGE


async def test_slash_command_is_deferred_then_answered_by_a_follow_up(bot: WinStreakBot) -> None:
    api = bot.standin  # type: ignore[attr-defined]
    ada = Person(api)
    await onboard(ada)
    await ada.say("pizza 800 kcal")
    await ada.press(api.sent()[-1], "Save")
    calls = await ada.slash("today")
    assert "pizza" in calls[0].text and "800" in calls[0].text
    assert calls[0].path.startswith("/api/v10/webhooks/700000000000000001/tok")  # the interaction's follow-up
    defers = [c for c in api.requests(r"POST /api/v10/interactions/\d+/tok\d+/callback") if c.payload["type"] == 5]
    assert len(defers) == 1  # "thinking…" first, within Discord's 3 seconds
    calls = await ada.slash("weight", "63.5")
    assert "63.5" in calls[0].text


async def test_slash_start_from_a_french_client_answers_in_french(bot: WinStreakBot) -> None:
    zoe = Person(bot.standin, user_id=5002, name="Zoé", channel_id=6002)  # type: ignore[attr-defined]
    calls = await zoe.slash("start", expect=2, locale="fr")
    assert calls[0].text.startswith("Bienvenue sur WinStreak, Zoé")


async def test_registered_slash_commands_carry_french_descriptions(bot: WinStreakBot) -> None:
    synced = bot.standin.requests(r"PUT /api/v10/applications/\d+/commands")  # type: ignore[attr-defined]
    commands = {c["name"]: c for c in synced[-1].payload}
    expected = {"today", "undo", "weight", "profile", "help", "start", "leaderboard", "join", "leave", "setup"}
    assert expected <= set(commands)
    assert commands["today"]["description_localizations"]["fr"] != commands["today"]["description"]
    assert [o["name"] for o in commands["weight"]["options"]] == ["details"]


async def test_photo_attachment_with_caption_reaches_the_estimator_and_is_saved(
    bot: WinStreakBot, estimator: RecordingEstimator
) -> None:
    api = bot.standin  # type: ignore[attr-defined]
    ada = Person(api)
    calls = await ada.say("my lunch", attachments=[api.add_file("meal.jpg", JPEG, "image/jpeg")])
    assert estimator.photos == [(JPEG, "my lunch")]  # byte for byte, downloaded by discord.py
    assert [c.path for c in api.requests(r"GET /attachments/")] == ["/attachments/meal.jpg"]
    assert "photo dish" in calls[0].text and "640" in calls[0].text
    saved = await ada.press(calls[0], "Save")
    assert "Saved 640 kcal" in saved[0].text


async def test_voice_message_reaches_the_estimator(bot: WinStreakBot, estimator: RecordingEstimator) -> None:
    api = bot.standin  # type: ignore[attr-defined]
    voice = api.add_file("voice-message.ogg", OGG, "audio/ogg")
    calls = await Person(api).say("", attachments=[voice], flags=VOICE_MESSAGE)
    assert estimator.voices == [OGG]
    assert "a bowl of soup" in calls[0].text and "spoken soup" in calls[0].text


async def test_other_files_are_explained_and_not_estimated(bot: WinStreakBot, estimator: RecordingEstimator) -> None:
    api = bot.standin  # type: ignore[attr-defined]
    calls = await Person(api).say("", attachments=[api.add_file("notes.pdf", b"%PDF-1.4", "application/pdf")])
    assert "text, photos and voice notes" in calls[0].text
    assert estimator.photos == [] and estimator.voices == []


async def test_export_arrives_as_a_file_on_the_follow_up(bot: WinStreakBot) -> None:
    api = bot.standin  # type: ignore[attr-defined]
    ada = Person(api)
    await ada.say("pizza 800 kcal")
    await ada.press(api.sent()[-1], "Save")
    calls = await ada.slash("export")
    assert "1 meal," in calls[0].text
    [(name, data)] = calls[0].files.items()
    assert name.startswith("winstreak-export-") and name.endswith(".zip")
    exported = json.loads(zipfile.ZipFile(io.BytesIO(data)).read("winstreak-export.json"))
    assert exported["meals"][0]["items"][0]["name"] == "pizza"


async def test_a_button_running_a_command_goes_in_as_that_command(bot: WinStreakBot) -> None:
    api = bot.standin  # type: ignore[attr-defined]
    ada = Person(api)
    await ada.say("pizza 800 kcal")
    warning = await ada.slash("deleteme")
    assert {k: untagged(v) for k, v in warning[0].buttons} == {"Yes, delete everything": "/deleteme confirm"}
    done = await ada.press(warning[0], "Yes, delete everything")
    assert "everything about you is deleted" in done[0].text


async def test_a_user_marked_unreachable_is_reachable_again_after_a_dm(bot: WinStreakBot, wired: App) -> None:
    api = bot.standin  # type: ignore[attr-defined]
    ada = Person(api)
    await ada.say("/help")
    assert await set_reachable(wired.uow(), "discord", "5001", False)
    await ada.say("/help")
    async with wired.uow() as uow:
        user = await uow.users.by_identity("discord", "5001")
    assert user is not None and user.active


async def test_a_failure_inside_still_gets_an_answer_and_the_next_message_works(
    bot: WinStreakBot, estimator: RecordingEstimator
) -> None:
    api = bot.standin  # type: ignore[attr-defined]
    ada = Person(api)
    estimator.fail_next_text = 1
    calls = await ada.say("pizza 800 kcal")
    assert "Sorry, something went wrong on our side" in calls[0].text and "(error " in calls[0].text
    calls = await ada.say("pizza 800 kcal")
    assert "800" in calls[0].text and [label for label, _ in calls[0].buttons][:3] == ["Save", "Edit", "Cancel"]


async def test_an_oversized_attachment_is_refused_before_downloading(
    bot: WinStreakBot, estimator: RecordingEstimator
) -> None:
    api = bot.standin  # type: ignore[attr-defined]
    huge = {**api.add_file("huge.jpg", JPEG, "image/jpeg"), "size": 30 * 1024 * 1024}
    calls = await Person(api).say("", attachments=[huge])
    assert "too large" in calls[0].text
    assert estimator.photos == [] and not api.requests(r"GET /attachments/")
