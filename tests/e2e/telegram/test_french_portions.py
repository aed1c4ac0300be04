"""French all the way around foods over Telegram (real aiogram against the stand-in, app with its catalogue).

/food's portion buttons read French for a French user and English for an English one; a meal's items are listed
apart with the one item separator, so a food name's own comma ("œuf dur" / "egg, boiled") cannot split an item.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from core.food.portion_names import french_portion
from core.item_lists import ITEM_SEPARATOR
from storage.builtin_foods import load_builtin_rows
from tests.e2e.buttons import labels
from tests.e2e.telegram.conftest import Chat, app_on
from tests.e2e.telegram.standin import StandInBotAPI
from winstreak.bootstrap import App


@pytest.fixture
async def wired(sqlite_url: str, tmp_path: Path, standin: StandInBotAPI) -> AsyncIterator[App]:
    """The wired app with the food catalogue, so /food finds real foods with their portions."""
    async with app_on(sqlite_url, tmp_path, standin, migrate=True) as app:
        yield app


def _banana_portions() -> list[str]:
    food = next(row.food for row in load_builtin_rows(with_extra=False) if row.food.id == "builtin:banana")
    return [p.name for p in food.portions[:4]]


async def test_a_french_user_picks_a_portion_named_in_french(polling: StandInBotAPI) -> None:
    english = _banana_portions()
    french = [french_portion(name) for name in english]
    assert all(french) and french != english  # the table's labels are in the glossary
    zoe = Chat(polling, chat_id=5401, user_id=5401, language="fr")
    picked = await zoe.say("/food #builtin:banana")
    shown = labels(picked[0])
    for name, label in zip(english, french, strict=True):
        assert any(b.startswith(f"{label} (") for b in shown) and not any(b.startswith(f"{name} (") for b in shown)
    first = next(b for b in shown if b.startswith(f"{french[0]} ("))
    estimate = await zoe.press(picked[0], first)
    grams = first.rsplit("(", 1)[1].split(" g)")[0]
    assert f"— {grams} g" in estimate[0].text  # the portion pressed is the portion estimated
    ada = Chat(polling, chat_id=5402, user_id=5402)
    assert any(b.startswith(f"{english[0]} (") for b in labels((await ada.say("/food #builtin:banana"))[0]))


async def test_a_meals_items_are_listed_apart_with_the_item_separator(polling: StandInBotAPI) -> None:
    ada = Chat(polling, chat_id=5403, user_id=5403)
    estimate = await ada.say("a boiled egg and a banana")
    assert "egg, boiled" in estimate[0].text
    await ada.press(estimate[0], "Save")
    listed = await ada.say("/meals")
    assert f"egg, boiled{ITEM_SEPARATOR}banana" in listed[0].text or f"banana{ITEM_SEPARATOR}egg, boiled" in (
        listed[0].text
    )
