"""Real readers behind Telegram: a barcode photo (zxing-cpp), a voice note (Whisper), then Edit and Save."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import zxingcpp

from ai.estimator import CompositeEstimator
from ai.whisper_local import WhisperSpeechToText
from core.model.food import Food
from core.services.estimate_meal import CatalogMealEstimator
from tests.e2e.telegram.conftest import Chat, polling_with
from tests.e2e.telegram.standin import StandInBotAPI
from tests.fakes.food_catalog import SAMPLE_FOODS, FakeFoodCatalog
from tests.media_samples import barcode_picture, jpeg, speak_ogg
from winstreak.bootstrap import App

SPREAD = Food("off:3017620422003", "hazelnut spread", 539, 6.3, 57.5, 30.9, brand="Nutella", barcode="3017620422003")


@pytest.fixture
async def real_readers(wired: App, standin: StandInBotAPI) -> AsyncIterator[StandInBotAPI]:
    catalog = FakeFoodCatalog((*SAMPLE_FOODS, SPREAD))
    estimator = CompositeEstimator(CatalogMealEstimator(catalog), speech=WhisperSpeechToText(), catalog=catalog)
    async with polling_with(wired, standin, estimator=estimator, catalog=catalog) as api:
        yield api


async def test_barcode_photo_with_grams_in_the_caption_is_saved(real_readers: StandInBotAPI) -> None:
    chat = Chat(real_readers)
    picture = jpeg(barcode_picture("3017620422003", zxingcpp.BarcodeFormat.EAN13))
    photo = [{**real_readers.add_file("barcode", picture), "width": 800, "height": 500}]
    calls = await chat.send(photo=photo, caption="30 g")
    assert "hazelnut spread" in calls[0].text and "162 kcal" in calls[0].text  # 539 kcal/100 g × 30 g
    saved = await chat.press(calls[0], "Save")
    assert "Saved 162 kcal" in saved[0].text


@pytest.mark.slow
async def test_voice_note_is_transcribed_estimated_edited_and_saved(
    real_readers: StandInBotAPI, tmp_path: Path
) -> None:
    chat = Chat(real_readers)
    voice = {**real_readers.add_file("voice", speak_ogg("two eggs and a glass of milk", tmp_path)), "duration": 2}
    calls = await chat.send(voice=voice)
    text = calls[0].text.lower()
    assert "egg" in text and "milk" in text, calls[0].text
    edit = await chat.press(calls[0], "Edit")
    assert "remove 2" in edit[0].text
    edited = await chat.say("remove 2")
    items = [line for line in edited[0].text.splitlines() if line[:2] in ("1.", "2.")]
    assert len(items) == 1 and "egg" in items[0], edited[0].text
    saved = await chat.press(edited[0], "Save")
    assert "Saved" in saved[0].text
    today = await chat.say("/today")
    assert "egg" in today[0].text.lower() and "milk" not in today[0].text.lower()
