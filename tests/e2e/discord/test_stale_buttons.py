"""Buttons bound to their message on Discord: the real discord.py client against the stand-in.

Every estimate's buttons carry their own custom_id now; clicks on an older message are answered as stale.
"""

from __future__ import annotations

import pytest

from bots.common.conversation import STALE
from bots.discord.bot import WinStreakBot
from tests.e2e.discord.conftest import GUILD
from tests.e2e.discord.person import Person
from tests.e2e.discord.standin import StandInDiscord
from winstreak.bootstrap import App


@pytest.fixture(autouse=True)
def operator(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ada (discord:5001) is an operator in these tests."""
    monkeypatch.setenv("WINSTREAK_ADMINS", "discord:5001")


PROFILE = "/profile sex=female born=1990 height=168 weight=64 activity=moderate goal=maintain tz=UTC"


async def last_meal(app: App) -> list[str]:
    async with app.uow() as uow:
        user = await uow.users.by_identity("discord", "5001")
        assert user is not None
        meal = await uow.meals.last(user.id)
    return [] if meal is None else [item.name for item in meal.items]


async def test_old_estimate_buttons_do_not_act_on_the_newer_estimate(bot: WinStreakBot, wired: App) -> None:
    api: StandInDiscord = bot.standin  # type: ignore[attr-defined]
    ada = Person(api)
    await ada.say(PROFILE, expect=2)
    pizza = (await ada.say("pizza 800 kcal"))[0]
    apple = await ada.say("apple 52 kcal", expect=2)
    assert dict(pizza.buttons)["Save"] != dict(apple[1].buttons)["Save"]  # no two estimates share a custom_id
    for label in ("Save", "Edit", "Cancel"):
        assert (await ada.press(pizza, label))[0].text == STALE
    assert await last_meal(wired) == []
    edits = [c.payload for c in api.requests(r"POST /api/v10/interactions/") if c.payload.get("type") == 7]
    assert edits and not any("✔" in e["data"]["content"] for e in edits)  # stale clicks tick nothing
    assert "Saved 52 kcal" in (await ada.press(apple[1], "Save"))[0].text
    assert await last_meal(wired) == ["apple"]


async def test_a_stale_onboarding_button_is_answered_not_silently_ticked(bot: WinStreakBot, wired: App) -> None:
    api: StandInDiscord = bot.standin  # type: ignore[attr-defined]
    ada = Person(api)
    language = (await ada.say("!start", expect=2))[1]
    question = (await ada.press((await ada.press(language, "English"))[0], "Metric (kg, cm)"))[0]
    assert "year were you born" in (await ada.press(question, "Female"))[0].text
    assert (await ada.press(question, "Male"))[0].text == STALE
    async with wired.uow() as uow:
        user = await uow.users.by_identity("discord", "5001")
    assert user is not None and user.profile.sex is not None and user.profile.sex.value == "female"


async def test_an_older_deleteme_confirmation_deletes_nothing(bot: WinStreakBot, wired: App) -> None:
    api: StandInDiscord = bot.standin  # type: ignore[attr-defined]
    ada = Person(api)
    first = (await ada.slash("deleteme"))[0]
    second = (await ada.slash("deleteme"))[0]
    assert (await ada.press(first, "Yes, delete everything"))[0].text == STALE
    async with wired.uow() as uow:
        assert await uow.users.by_identity("discord", "5001") is not None
    assert "everything about you is deleted" in (await ada.press(second, "Yes, delete everything"))[0].text


async def test_admin_in_a_server_channel_points_an_operator_to_a_private_chat(bot: WinStreakBot) -> None:
    api: StandInDiscord = bot.standin  # type: ignore[attr-defined]
    operator = Person(api, 5001, "Ada", int(GUILD["channel_id"]), GUILD["id"])
    assert (await operator.say("!admin stats"))[0].text == "Use /admin in a private chat with me."
    someone = Person(api, 5002, "Bob", int(GUILD["channel_id"]), GUILD["id"])
    assert (await someone.say("!admin stats"))[0].text.startswith("I don't know the command /admin")
