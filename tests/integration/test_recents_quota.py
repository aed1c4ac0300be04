"""A repeated meal or a favourite uses no estimate quota: it is built from stored items (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bots.common.buttons import untagged
from bots.common.messages import Incoming, Reply
from tests.fakes.memory import FixedClock
from winstreak.bootstrap import App, build_app
from winstreak.settings import load_settings

pytestmark = pytest.mark.postgres
NOW = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)


async def say(app: App, text: str = "", choice: str | None = None) -> list[Reply]:
    return await app.conversation.handle(Incoming("telegram", "77", "77", "Ana", text=text, choice=choice))


def press(replies: list[Reply], value: str) -> str:
    return next(b.value for r in replies for b in r.flat_buttons if untagged(b.value) == value)


async def test_again_and_favourites_work_when_the_days_estimates_are_used_up(db_url: str, tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path, database_url=db_url, quota_ai_calls_per_day=1, _env_file=None)
    app = await build_app(settings, clock=FixedClock(NOW), migrate=False)
    try:
        soup = await say(app, "soup 250 kcal")
        await say(app, choice=press(soup, "save"))
        await say(app, "/fav save soup")
        refused = await say(app, "apple 52 kcal")
        assert "You have used today's 1 estimates" in refused[0].text
        again = await say(app, "again")
        assert "The same again" in again[0].text and "Total: 250 kcal" in again[0].text
        await say(app, choice=press(again, "save"))
        favourite = await say(app, "/fav soup")
        last = await say(app, choice=press(favourite, "save"))
        star = next(b.value for b in last[0].flat_buttons if untagged(b.value).startswith("/fav add "))
        assert "Kept as the favourite “soup”" in (await say(app, choice=star))[0].text  # same meal: no second one
        async with app.uow() as uow:
            user = await uow.users.by_identity("telegram", "77")
            assert user is not None
            meals = await uow.meals.on_day(user.id, NOW.date())
        assert [m.kcal for m in meals] == [250, 250, 250] and [m.input_kind for m in meals] == [
            "text",
            "repeat",
            "repeat",
        ]
        assert "You have used today's 1 estimates" in (await say(app, "pear 60 kcal"))[0].text  # still used up
    finally:
        await app.close()
