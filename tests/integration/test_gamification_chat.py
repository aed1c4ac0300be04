"""/streak, /rank, /trophies and /rules through the real Conversation on SQLite, after a real close-out."""

import io
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image

from bots.common.conversation import Conversation
from bots.common.flows.gamification import gamification_commands
from bots.common.game_text import announcement
from bots.common.messages import Incoming, Reply
from core.events import DaysClosedInBulk
from core.model import ItemSource, MealItem
from core.rules.game_rules import GameRules
from core.services.close_out_due import close_out_due
from core.services.identify import identify
from core.services.log_meal import LogMeal, log_meal
from storage.gamification.closeout import SqlBulkCloser
from storage.gamification.unit_of_work import SqlGameUnitOfWork
from tests.fakes.memory import FixedClock
from winstreak.bootstrap import App, build_app
from winstreak.settings import Settings

PROFILE = "/profile sex=female born=1990 height=168 weight=80 activity=light goal=lose target=70 tz=Europe/Paris"
RULES = GameRules(min_share=0.5)


@pytest.fixture
async def app(sqlite_url: str, tmp_path: Path) -> AsyncIterator[App]:
    settings = Settings(data_dir=tmp_path, database_url=sqlite_url, _env_file=None)  # type: ignore[call-arg]
    wired = await build_app(settings, clock=FixedClock(datetime(2026, 11, 16, 9, 0, tzinfo=UTC)), migrate=False)
    commands = gamification_commands(lambda: SqlGameUnitOfWork(wired.sessions), RULES)
    wired.conversation = Conversation(wired.deps, commands)
    yield wired
    await wired.close()


async def say(app: App, text: str, language: str = "en") -> list[Reply]:
    return await app.conversation.handle(Incoming("console", "ana", "ana", "Ana", text=text, language=language))


def png(reply: Reply) -> tuple[int, int]:
    assert reply.image is not None and reply.image.startswith(b"\x89PNG")
    return Image.open(io.BytesIO(reply.image)).size


async def test_game_commands_after_a_won_day(app: App) -> None:
    await say(app, PROFILE)
    [before] = await say(app, "/streak")
    assert "Streak: 0 days" in before.text and "No day of yours has closed yet" in before.text
    user = await identify(app.uow(), "console", "ana", "Ana")
    clock = app.deps.clock
    assert isinstance(clock, FixedClock)
    item = MealItem("soup", 300, 1100.0, 40.0, 120.0, 30.0, ItemSource.MANUAL, 1000.0, 1200.0)
    await log_meal(app.uow(), clock, LogMeal(user.id, (item,), "soup", "photo"))
    closed = await close_out_due(SqlBulkCloser(app.engine, RULES), datetime(2026, 11, 17, 2, 0, tzinfo=UTC), RULES)
    assert [(str(e.day), e.users) for e in closed if isinstance(e, DaysClosedInBulk)] == [("2026-11-16", 1)]
    announced = {announcement("en", e) for e in closed}
    assert "✅ Trophy unlocked: First win!" in announced
    assert "🍽️ Trophy unlocked: First bite!" not in announced  # an instant trophy: announced when a meal is saved
    [streak] = await say(app, "/streak")
    assert "Streak: 1 day (best 1)" in streak.text and "6 more won days" in streak.text
    [rank] = await say(app, "/rank")
    assert "Bronze III · 20 RP" in rank.text and "80 RP to Bronze II" in rank.text
    assert png(rank) == (1080, 1340)
    [trophies] = await say(app, "/trophies")
    assert trophies.text.startswith("🏆 3 of 28 trophies.")  # first bite, snapshot, first win
    assert png(trophies)[0] == 1080
    [rules] = await say(app, "/rules")
    assert "between 50% and 100%" in rules.text and "Lost: -25 RP" in rules.text and "28 to collect" in rules.text
    assert "/settings exercise on" in rules.text and "50% of that day's exercise kcal, at most 500 kcal" in rules.text


async def test_replies_follow_the_user_language(app: App) -> None:
    await say(app, PROFILE, language="fr")
    await say(app, "/profile lang=fr", language="fr")
    [rules] = await say(app, "/rules", language="fr")
    assert "Série" in rules.text or "série" in rules.text
