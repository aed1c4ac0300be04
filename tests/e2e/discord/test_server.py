"""Server (guild) channels: league commands only, /setup needs Manage Server, !prefix and mentions work."""

from __future__ import annotations

from sqlalchemy import select

from bots.discord.bot import WinStreakBot
from storage.chat.tables import ChatGroupRow
from tests.e2e.discord.conftest import GUILD
from tests.e2e.discord.payloads import BOT, MANAGE_GUILD, incoming_message
from tests.e2e.discord.payloads import member as member_payload
from tests.e2e.discord.person import Person
from tests.e2e.discord.standin import StandInDiscord
from winstreak.bootstrap import App

CHANNEL = int(GUILD["channel_id"])


def member(api: StandInDiscord, user_id: int, name: str, admin: bool = False) -> Person:
    roles = [GUILD["admin_role"]] if admin else []
    return Person(api, user_id, name, CHANNEL, GUILD["id"], roles, MANAGE_GUILD if admin else 0)


async def test_setup_by_a_manager_then_members_join_and_see_the_leaderboard(bot: WinStreakBot, wired: App) -> None:
    api = bot.standin  # type: ignore[attr-defined]
    boss, ada = member(api, 7001, "Boss", admin=True), member(api, 7002, "Ada")
    refused = await ada.slash("setup")
    assert "Manage Server" in refused[0].text
    calls = await boss.say("!setup")  # the role's Manage Server permission, from the cached guild
    assert "in the leagues now" in calls[0].text and "never your weight" in calls[0].text
    assert calls[0].path == f"/api/v10/channels/{CHANNEL}/messages"
    async with wired.sessions() as session:
        stored = (await session.execute(select(ChatGroupRow.platform, ChatGroupRow.chat_id, ChatGroupRow.title))).all()
    assert [tuple(row) for row in stored] == [("discord", str(CHANNEL), "Gym Friends #general")]
    joined = await ada.say(f"<@{BOT['id']}> join", mentions=[BOT])
    assert "Welcome to the league, Ada" in joined[0].text
    board = await ada.slash("leaderboard")
    lines = board[0].text.splitlines()  # the same board as the scheduled daily post: weekly RP, streak, rank
    assert lines[0].startswith("🏆 Leaderboard of the week, ") and lines[1] == "1. Ada — 0 pts · 🔥 0 · Bronze III"
    assert lines[2].startswith("No points yet this week") and len(lines) == 3


async def test_unaddressed_chatter_is_ignored_and_personal_commands_point_to_the_private_chat(
    bot: WinStreakBot,
) -> None:
    api = bot.standin  # type: ignore[attr-defined]
    ada = member(api, 7002, "Ada")
    before = len(api.sent())
    await api.dispatch("MESSAGE_CREATE", _plain(api, ada, "I ate pizza 800 kcal"))
    calls = await ada.slash("today")  # meals and weight stay private: the server is pointed to the private chat
    assert len(api.sent()) == before + 1
    assert calls[0].text.startswith("/today is personal: send it to me in a private chat")


def _plain(api: StandInDiscord, person: Person, text: str) -> dict[str, object]:
    return incoming_message(
        api.snowflake(), CHANNEL, person.user, text, GUILD["id"], member=member_payload(person.user, [])
    )
