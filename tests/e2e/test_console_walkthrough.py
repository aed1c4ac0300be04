"""What a new user's week in the terminal turned up (issue #14's walk-through), each through the real conversation.

The game's words before the first close-out, a closed day told before the reply it changes, the trophy count in
French, "delete the pizza" pointing to /meals, and /today's recent-meal buttons right under their heading.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from bots.console.chat import run_console
from bots.console.news import console_news
from tests.e2e.console_driver import chat, chat_with_news
from tests.e2e.test_console_exercise import PROFILE
from tests.fakes.memory import FixedClock
from winstreak.bootstrap import build_app
from winstreak.settings import Settings


def _reply(text: str, line: str) -> str:
    """The reply to the first message ``line``."""
    return text.split(f"you> {line}\n", 1)[1].split("you> ", 1)[0]


def _is_file(path: str) -> bool:
    return Path(path).is_file()


async def test_streak_before_the_first_close_out_and_a_closed_day_told_before_the_reply(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC))  # 12:00 in Paris
    night = datetime(2026, 6, 2, 6, 0, tzinfo=UTC)  # the night passes while the user is away: June 1 closes at 03:00
    text = await chat_with_news([PROFILE, "soup 1500 kcal", "1", "/streak", night, "/streak"], tmp_path, clock)
    first, second = text.split("you> /streak\n")[1:]
    assert "🔥 Streak: 0 days (best 0)." in first
    assert "No day of yours has closed yet: a day you log counts when it closes, at 03:00 the next morning." in first
    assert "starts with the first day you log" not in first  # a meal is logged: that day has begun
    told, reply = second.split("🔥", 1)
    assert "📣 ✅ 2026-06-01: won" in told  # the close-out is told first, and the reply already counts it
    assert reply.startswith(" Streak: 1 day (best 1).") and "No day of yours" not in reply


async def test_french_trophy_count_agrees_and_uses_french_punctuation(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC))
    lines = [PROFILE, "/profile lang=fr", "/trophies", "/streak", "soupe 300 kcal", "1", "/trophies"]
    text = await chat(lines, tmp_path, clock)
    before, after = text.split("you> /trophies\n")[1:]
    assert "🏆 0 trophée sur 28." in before and "🏆 1 trophée sur 28." in after
    assert "📸 Photo : Notez un repas avec une photo." in after  # a space before the colon in French
    assert "Aucune de vos journées n’est encore clôturée" in _reply(text, "/streak")


async def test_delete_the_pizza_points_to_meals_in_both_languages(tmp_path: Path) -> None:
    lines = [PROFILE, "delete the pizza", "/profile lang=fr", "supprime la pizza"]
    text = await chat(lines, tmp_path, FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC)))
    english = _reply(text, "delete the pizza")
    assert "send /meals" in english and "Edit and Delete buttons" in english and "kcal" not in english
    assert "envoyez /meals (ou /meals hier" in _reply(text, "supprime la pizza")


async def test_today_shows_the_exercise_before_the_recent_meals_heading_and_its_buttons(tmp_path: Path) -> None:
    lines = [PROFILE, "soup 300 kcal", "1", "I ran 5 km", "1", "/today"]
    text = await chat(lines, tmp_path, FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC)))
    today = _reply(text, "/today")
    assert today.index("🏃 Exercise today") < today.index("🔁 Tap a meal to log it again:")
    heading_and_after = today.split("🔁 Tap a meal to log it again:\n", 1)[1]
    assert heading_and_after.startswith("[1] 🔁 soup")  # the buttons follow their heading


async def test_a_french_user_reads_where_pictures_and_exports_were_saved_in_french(tmp_path: Path) -> None:
    lines = [PROFILE + " lang=fr", "/trophies", "/export", "/profile lang=en", "/rank"]
    text = await chat(lines, tmp_path, FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC)))
    picture = _reply(text, "/trophies").split("🖼  image enregistrée : ", 1)[1].splitlines()[0]
    export = _reply(text, "/export").split("📦 fichier enregistré : ", 1)[1].splitlines()[0]
    assert _is_file(picture) and _is_file(export) and "saved" not in _reply(text, "/export")
    assert "🖼  saved picture: " in _reply(text, "/rank")  # back in English


async def test_after_deleteme_the_terminal_does_not_bring_the_user_back(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC))
    settings = Settings(data_dir=tmp_path, _env_file=None)  # type: ignore[call-arg]
    app = await build_app(settings, clock=clock)
    lines = iter([PROFILE, "soup 300 kcal", "1", "/deleteme", "1", "/quit"])
    out = io.StringIO()
    try:
        assert app.deps.game_uow is not None
        news = console_news(app.deps, app.deps.game_uow, "ana")
        await run_console(app.conversation, "ana", io.StringIO(), out, interactive=False, image_dir=tmp_path,
                          read=lambda: next(lines) + "\n", news=news)  # fmt: skip
        async with app.deps.uow() as uow:  # the news after the last reply used to create a blank account again
            assert await uow.users.by_identity("console", "ana") is None
    finally:
        await app.close()
    assert "deleted" in out.getvalue().rsplit("you> 1", 1)[1]


async def test_quick_add_shows_the_kcal_given_without_made_up_macros_or_range(tmp_path: Path) -> None:
    lines = [PROFILE, "/add 350 protein bar", "3", "/add 350 bar p=20 c=30 f=10", "3", "/profile lang=fr"]
    text = await chat(
        [*lines, "/add 200 thé", "3", "2 eggs"], tmp_path, FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC))
    )
    bare = _reply(text, "/add 350 protein bar")
    assert "1. protein bar — 350 kcal\nTotal: 350 kcal\n" in bare  # was "(P 0 g · C 0 g · F 0 g)", "likely 350–350"
    assert "1. bar — 350 kcal (P 20 g · C 30 g · F 10 g)" in _reply(text, "/add 350 bar p=20 c=30 f=10")
    assert "1. thé — 200 kcal\nTotal : 200 kcal\n" in _reply(text, "/add 200 thé")
    assert "kcal (probablement " in _reply(text, "2 eggs")  # an estimate keeps its macros and its range
