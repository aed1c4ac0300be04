"""Groups: /setup checked with getChatMember, /join with consent, /leaderboard with nicknames only, /leave."""

from __future__ import annotations

from tests.e2e.telegram.conftest import Chat
from tests.e2e.telegram.standin import StandInBotAPI

GROUP = -100777


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


async def test_join_leaderboard_leave_show_only_nicknames_and_points(polling: StandInBotAPI) -> None:
    admin = Chat(polling, chat_id=GROUP, user_id=71, kind="group", name="Dana", title="Team")
    other = Chat(polling, chat_id=GROUP, user_id=72, kind="group", name="Eli", title="Team")
    polling.admins.add((GROUP, 71))
    early = await other.say("/join")
    assert "not in the leagues yet" in early[0].text
    await admin.say("/setup")
    joined = await other.say("/join")
    assert "Welcome to the league, Eli" in joined[0].text and "nickname, streak, rank" in joined[0].text
    await admin.say("/join")
    private = Chat(polling, chat_id=72, user_id=72, name="Eli")
    await private.say("pasta 700 kcal")
    await private.press(polling.sent()[-1], "Save")
    board = await admin.say("/leaderboard")
    lines = board[0].text.splitlines()
    assert lines[1] == "🥇 Eli — 1" and lines[2] == "🥈 Dana — 0"
    assert "pasta" not in board[0].text and "700" not in board[0].text
    left = await other.say("/leave")
    assert "Eli left the league" in left[0].text
    board = await admin.say("/leaderboard")
    assert "Eli" not in board[0].text


async def test_meals_and_private_commands_are_ignored_in_groups(polling: StandInBotAPI) -> None:
    chat = Chat(polling, chat_id=GROUP, user_id=81, kind="group", name="Fay")
    await polling.push(polling.update(message=polling.message(chat.chat, chat.user, text="pizza 800 kcal")))
    await polling.push(polling.update(message=polling.message(chat.chat, chat.user, text="/today")))
    help_ = await chat.say("/help")
    assert "/join" in help_[0].text
    assert len(polling.sent()) == 1
