"""Groups: /setup checked with getChatMember, /join with consent, /leaderboard by weekly RP (nicknames only), /leave."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from core.rules.game_rules import GameRules
from storage.gamification.closeout import SqlBulkCloser
from tests.e2e.telegram.conftest import Chat, settings_for
from tests.e2e.telegram.standin import StandInBotAPI
from tests.fakes.memory import FixedClock
from tests.fakes.recording_estimator import RecordingEstimator
from winstreak.bootstrap import App, build_app

GROUP = -100777
MONDAY = date(2026, 11, 16)
RULES = GameRules()


@pytest.fixture
async def wired(
    sqlite_url: str, tmp_path: Path, standin: StandInBotAPI, estimator: RecordingEstimator
) -> AsyncIterator[App]:
    """The wired app on a clock that starts on a Monday at noon (UTC), so days can be closed on cue."""
    settings = settings_for(sqlite_url, tmp_path, standin.base)
    clock = FixedClock(datetime.combine(MONDAY, datetime.min.time(), UTC) + timedelta(hours=12))
    app = await build_app(settings, clock=clock, estimator=estimator, migrate=False)
    try:
        yield app
    finally:
        await app.close()


async def test_setup_refused_to_a_member_and_accepted_from_an_admin(polling: StandInBotAPI) -> None:
    member = Chat(polling, chat_id=GROUP, user_id=61, kind="supergroup", name="Bob", title="Gym friends")
    admin = Chat(polling, chat_id=GROUP, user_id=62, kind="supergroup", name="Cleo", title="Gym friends")
    polling.admins.add((GROUP, 62))
    refused = await member.say("/setup")
    assert "Only a group admin can use /setup" in refused[0].text
    checks = polling.sent(("getChatMember",))
    assert [(c.params["chat_id"], c.params["user_id"]) for c in checks] == [(str(GROUP), "61")]
    accepted = await admin.say("/setup@winstreak_test_bot")
    assert "in the leagues now" in accepted[0].text and "never your weight" in accepted[0].text
    again = await admin.say("/setup")
    assert "already in the leagues" in again[0].text
    settings = await member.say("/groupsettings time=20:30")
    assert "Only a group admin" in settings[0].text
    changed = await admin.say("/groupsettings time=20:30 tz=Europe/Paris leagues=off")
    assert "20:30 (Europe/Paris)" in changed[0].text and "off" in changed[0].text
    wrong = await admin.say("/groupsettings time=25:00")
    assert "HH:MM" in wrong[0].text


async def test_join_leaderboard_leave_show_only_nicknames_and_points(polling: StandInBotAPI, wired: App) -> None:
    admin = Chat(polling, chat_id=GROUP, user_id=71, kind="group", name="Dana", title="Team")
    other = Chat(polling, chat_id=GROUP, user_id=72, kind="group", name="Eli", title="Team")
    polling.admins.add((GROUP, 71))
    early = await other.say("/join")
    assert "not in the leagues yet" in early[0].text
    await admin.say("/setup")
    joined = await other.say("/join")
    assert "Welcome to the league, Eli" in joined[0].text and "nickname, streak, rank" in joined[0].text
    await admin.say("/join")
    board = await admin.say("/leaderboard")
    assert board[0].text.splitlines()[1:] == [  # a tie: the earlier account first (Eli wrote first)
        "1. Eli — 0 pts · 🔥 0 · Bronze III",
        "2. Dana — 0 pts · 🔥 0 · Bronze III",
        "No points yet this week: a day's points count once the day closes, the next morning.",
    ]
    private = Chat(polling, chat_id=72, user_id=72, name="Eli")
    await private.say("/profile sex=male born=1990 height=180 weight=80 activity=light goal=maintain tz=UTC", expect=2)
    clock = wired.deps.clock
    assert isinstance(clock, FixedClock)
    for _ in range(2):  # Monday and Tuesday: 1800 of 2406 kcal, within target each day
        await private.say("pasta 1800 kcal")
        await private.press(polling.sent()[-1], "Save")
        clock.advance(days=1)
    await SqlBulkCloser(wired.engine, RULES).close_out(MONDAY, None)
    await SqlBulkCloser(wired.engine, RULES).close_out(MONDAY + timedelta(days=1), None)
    board = await admin.say("/leaderboard")  # Wednesday: two won days (+20 RP each) count this week
    assert board[0].text.splitlines() == [
        "🏆 Leaderboard of the week, 2026-11-18",
        "1. Eli — 40 pts · 🔥 2 · Bronze III",
        "2. Dana — 0 pts · 🔥 0 · Bronze III",
    ]
    assert "pasta" not in board[0].text and "1800" not in board[0].text
    left = await other.say("/leave")
    assert "Eli left the league" in left[0].text
    board = await admin.say("/leaderboard")
    assert "Eli" not in board[0].text


async def test_personal_commands_and_meals_in_groups_get_one_pointer_to_the_private_chat(
    polling: StandInBotAPI,
) -> None:
    chat = Chat(polling, chat_id=GROUP, user_id=81, kind="group", name="Fay")
    await polling.push(polling.update(message=polling.message(chat.chat, chat.user, text="pizza 800 kcal")))
    today = await chat.say("/today")  # the plain chatter above got no answer: this is the first reply
    assert len(polling.sent()) == 1
    assert (
        today[0].text.startswith("/today is personal: send it to me in a private chat") and "kcal" not in today[0].text
    )
    weight = await chat.say("/weight@winstreak_test_bot 80")
    assert weight[0].text.startswith("/weight is personal") and "80" not in weight[0].text
    meal = await chat.say("@winstreak_test_bot pizza 800 kcal")
    assert meal[0].text.startswith("I log meals in a private chat only") and [c.method for c in meal] == ["sendMessage"]
    help_ = await chat.say("/help")
    assert "/join" in help_[0].text
    assert len(polling.sent()) == 4
