"""Building the estimator from settings, and reading amounts from photo captions."""

from __future__ import annotations

from pathlib import Path

import pytest

from ai import notes
from ai.amounts import caption_grams, caption_name
from ai.manual_kcal import StatedKcalEstimator
from winstreak.ai_wiring import build_ai_client, build_estimator, build_speech, estimate_file
from winstreak.settings import load_settings


def test_no_base_url_means_no_ai_client(tmp_path: Path) -> None:
    assert build_ai_client(load_settings(data_dir=tmp_path)) is None


def test_ai_settings_reach_the_client(tmp_path: Path) -> None:
    settings = load_settings(
        data_dir=tmp_path,
        ai_base_url="http://127.0.0.1:11434/v1",
        ai_api_key="sk-local",
        ai_model="llama3.2",
        ai_vision_model="llava",
        ai_timeout_seconds=12,
        ai_max_retries=4,
    )
    client = build_ai_client(settings)
    assert client is not None
    config = client.config
    assert (config.base_url, config.api_key, config.model, config.vision_model) == (
        "http://127.0.0.1:11434/v1", "sk-local", "llama3.2", "llava"
    )  # fmt: skip
    assert (config.timeout_seconds, config.max_retries) == (12, 4)


async def test_voice_can_be_switched_off(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path, voice_enabled=False)
    assert build_speech(settings) is None
    estimate = await build_estimator(settings, StatedKcalEstimator()).from_voice(b"OggS", "en")
    assert estimate.notes == (notes.VOICE_UNAVAILABLE,)


async def test_text_without_ai_goes_to_the_offline_estimator(tmp_path: Path) -> None:
    estimate = await build_estimator(load_settings(data_dir=tmp_path), StatedKcalEstimator()).from_text(
        "pizza 800 kcal", "en"
    )
    assert estimate.total_kcal == 800.0 and estimate.notes == ()


@pytest.mark.parametrize(
    ("caption", "grams"),
    [("500 ml", 500.0), ("half of it, 45g", 45.0), ("33 cl can", 330.0), ("1,5 kg", 1500.0), ("2 oz", 56.7),
     ("a bar", None), ("", None), ("1000 kg", None)],
)  # fmt: skip
def test_caption_amounts(caption: str, grams: float | None) -> None:
    assert caption_grams(caption) == grams


def test_caption_names() -> None:
    assert caption_name("granola 40 g", "x") == "granola"
    assert caption_name("40 g", "Food from the label") == "Food from the label"


async def test_estimate_file_reads_photos_and_voice(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path, voice_enabled=False)
    estimator = build_estimator(settings, StatedKcalEstimator())
    fake = tmp_path / "meal.jpg"
    fake.write_bytes(b"not really a jpeg")
    photo = await estimate_file(estimator, photo=fake, caption="soup 120 kcal")
    assert photo.total_kcal == 120.0 and notes.IMAGE_UNREADABLE in photo.notes
    voice = await estimate_file(estimator, voice=fake)
    assert voice.notes == (notes.VOICE_UNAVAILABLE,)
