"""Not every message is a meal: commands in words, questions, bare numbers, a photo with a non-food caption.

The real conversation on SQLite with the offline estimators; a pending estimate is never dropped silently.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image

from bots.common.conversation import STALE
from bots.common.messages import Incoming, Reply
from tests.fakes.memory import FixedClock
from tests.media_samples import png
from winstreak.bootstrap import App, build_app
from winstreak.settings import load_settings

PROFILE = "/profile sex=male born=1980 height=180 weight=80 activity=light goal=lose rate=0.5 tz=UTC"
NO_ESTIMATE = "There is no estimate waiting. Describe a meal to start one."
STILL_WAITING = "(Your estimate is still waiting: press Save, Edit or Cancel under it.)"


@pytest.fixture
async def app(sqlite_url: str, tmp_path: Path) -> AsyncIterator[App]:
    settings = load_settings(data_dir=tmp_path, database_url=sqlite_url, _env_file=None)
    wired = await build_app(settings, clock=FixedClock(datetime(2026, 5, 4, 12, 0, tzinfo=UTC)), migrate=False)
    await say(wired, PROFILE)
    try:
        yield wired
    finally:
        await wired.close()


async def say(app: App, text: str = "", **kw: object) -> list[Reply]:
    return await app.conversation.handle(Incoming("console", "ana", "ana", "Ana", text=text, **kw))  # type: ignore[arg-type]


def joined(replies: list[Reply]) -> str:
    return "\n".join(r.text for r in replies)


async def meals(app: App) -> list[float]:
    async with app.uow() as uow:
        user = await uow.users.by_identity("console", "ana")
        assert user is not None
        meal = await uow.meals.last(user.id)
    return [] if meal is None else [meal.kcal]


@pytest.mark.parametrize("text", ["save", "Save", "cancel", "edit", "1", "2", "enregistrer"])
async def test_choices_with_nothing_pending_are_answered_not_estimated(app: App, text: str) -> None:
    replies = await say(app, text)
    assert joined(replies) == NO_ESTIMATE
    assert await meals(app) == []


async def test_save_typed_saves_the_pending_estimate(app: App) -> None:
    await say(app, "soup 300 kcal")
    assert "Saved 300 kcal" in joined(await say(app, "save"))
    assert await meals(app) == [300]


async def test_undo_in_words_runs_the_command(app: App) -> None:
    await say(app, "soup 300 kcal")
    await say(app, "save")
    assert joined(await say(app, "undo")).startswith("↩️ Removed 300 kcal (soup).")
    assert await meals(app) == []
    assert "nothing to undo" in joined(await say(app, "undo last meal"))


@pytest.mark.parametrize("undo", ["undo", "/undo"])
async def test_undo_with_an_estimate_waiting_says_the_estimate_is_kept(app: App, undo: str) -> None:
    await say(app, "soup 300 kcal")
    await say(app, "save")
    await say(app, "bread 100 kcal")
    answer = joined(await say(app, undo))
    assert answer.startswith("↩️ Removed 300 kcal (soup).") and STILL_WAITING in answer
    assert "Saved 100 kcal" in joined(await say(app, "save"))
    assert await meals(app) == [100]
    assert STILL_WAITING not in joined(await say(app, undo))  # nothing waiting: nothing said about it


async def test_delete_the_pizza_points_to_undo_and_keeps_a_pending_estimate(app: App) -> None:
    assert "/undo" in joined(await say(app, "delete the pizza"))
    await say(app, "pizza 800 kcal, salad 150 kcal")
    edited = joined(await say(app, "remove 2"))  # acts on the pending estimate
    assert "800" in edited and "salad" not in edited
    assert "did not understand that edit" in joined(await say(app, "delete the pizza"))
    assert "Saved 800 kcal" in joined(await say(app, "save"))


@pytest.mark.parametrize("text", ["what should I eat?", "How many calories are left", "est-ce que c'est bon ?"])
async def test_questions_are_not_meals_and_keep_the_pending_estimate(app: App, text: str) -> None:
    await say(app, "rice 200 kcal")
    answer = joined(await say(app, text))
    assert "looks like a question" in answer and STILL_WAITING in answer
    assert "Saved 200 kcal" in joined(await say(app, "save"))


async def test_a_photo_with_a_non_food_caption_keeps_the_pending_estimate_and_asks_for_words(app: App) -> None:
    await say(app, "pasta 600 kcal")
    replies = await say(app, "my lunch", photo=png(Image.new("RGB", (64, 48), (200, 120, 40))))
    text = joined(replies)
    assert "discarded" not in text and STILL_WAITING in text
    assert "Describe the meal in words" in text and all(not r.buttons for r in replies)
    assert "used your caption" not in text  # the caption named no food: nothing of it was used
    assert "Saved 600 kcal" in joined(await say(app, "save"))


async def test_a_leading_byte_order_mark_or_zero_width_space_is_nothing(app: App) -> None:
    assert joined(await say(app, "\ufeff/today")) == joined(await say(app, "/today"))
    assert joined(await say(app, "\u200b\ufeff/help")) == joined(await say(app, "/help"))


async def test_a_stale_press_changes_nothing(app: App) -> None:
    first = (await say(app, "soup 300 kcal"))[-1]
    await say(app, "bread 100 kcal")
    save = next(b.value for b in first.flat_buttons if b.value.startswith("save|"))
    assert joined(await say(app, choice=save)) == STALE
    assert await meals(app) == []


async def test_a_read_only_button_sent_by_the_outbox_works_without_a_tag(app: App) -> None:
    week = joined(await say(app, choice="/history 1"))  # e.g. the Monday summary's "◀ Earlier week"
    assert "📊 Week" in week
    assert joined(await say(app, choice="/deleteme confirm")) == STALE  # nothing that changes data, though
    assert await meals(app) == []
