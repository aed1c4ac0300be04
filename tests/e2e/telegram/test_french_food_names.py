"""Food names in the user's language over Telegram (real aiogram against the stand-in), with the food catalogue.

The app here is wired with its catalogue (built-in foods seeded) and the offline estimator, not the stated-kcal
fake of the other Telegram tests, so real foods are matched; the names asserted are the food table's own.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage.builtin_foods import load_builtin_rows
from tests.e2e.telegram.conftest import Chat, app_on
from tests.e2e.telegram.standin import StandInBotAPI
from winstreak.bootstrap import App


@pytest.fixture
async def wired(sqlite_url: str, tmp_path: Path, standin: StandInBotAPI) -> AsyncIterator[App]:
    """The wired app with the food catalogue, so the estimator names real foods."""
    async with app_on(sqlite_url, tmp_path, standin, migrate=True) as app:
        yield app


async def test_french_and_english_users_see_the_foods_in_their_language(polling: StandInBotAPI) -> None:
    banane = next(row.name_fr for row in load_builtin_rows(with_extra=False) if row.food.id == "builtin:banana")
    zoe = Chat(polling, chat_id=5301, user_id=5301, language="fr")
    estimate = await zoe.say("une banane")
    assert f" {banane} — " in estimate[0].text and "banana" not in estimate[0].text
    saved = await zoe.press(estimate[0], "Enregistrer")
    assert f": {banane}" in saved[0].text and "banana" not in saved[0].text
    listed = await zoe.say("/meals")
    assert banane in listed[0].text and "banana" not in listed[0].text
    ada = Chat(polling, chat_id=5302, user_id=5302)
    english = await ada.say("a banana")
    assert " banana — " in english[0].text and banane not in english[0].text
