"""Part of the composition root: builds the meal estimator (AI provider, Whisper, photo readers) from settings.

:func:`build_estimator` is called by :func:`winstreak.bootstrap.default_estimator`; the offline text
estimator and the food catalogue are passed in, so this module does not depend on their classes.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from ai.estimator import CompositeEstimator
from ai.media_pool import MediaPool
from ai.openai_compat import AiConfig, OpenAICompatClient, ProviderSpeechToText
from ai.whisper_base import base_model_installed, ensure_base_model
from ai.whisper_local import WhisperSpeechToText
from core.model.estimate import Estimate
from core.ports import FoodCatalog, MealEstimator, SpeechToText
from winstreak.settings import Settings

if TYPE_CHECKING:
    from ai.off_product import OpenFoodFactsClient


def build_ai_client(settings: Settings) -> OpenAICompatClient | None:
    """The OpenAI-compatible client when ``WINSTREAK_AI_BASE_URL`` is set, else None."""
    if not settings.ai_base_url:
        return None
    key = settings.ai_api_key.get_secret_value() if settings.ai_api_key else ""
    return OpenAICompatClient(
        AiConfig(
            base_url=settings.ai_base_url,
            api_key=key,
            model=settings.ai_model,
            vision_model=settings.ai_vision_model,
            transcription_model=settings.ai_transcription_model,
            timeout_seconds=settings.ai_timeout_seconds,
            max_retries=settings.ai_max_retries,
        )
    )


def build_products(settings: Settings) -> OpenFoodFactsClient | None:
    """The Open Food Facts product lookup when ``WINSTREAK_OFF_ONLINE`` is on, else None (no request ever)."""
    if not settings.off_online:
        return None
    from ai.off_product import OffConfig, OpenFoodFactsClient, user_agent  # httpx: only when switched on

    return OpenFoodFactsClient(
        OffConfig(
            base_url=settings.off_api_url,
            timeout_seconds=settings.off_timeout_seconds,
            max_retries=settings.off_max_retries,
            user_agent=user_agent(settings.off_contact),
        )
    )


def build_media_pool(settings: Settings) -> MediaPool:
    """The bounded pool voice notes and photos share (``WINSTREAK_MEDIA_WORKERS``, ``_QUEUE``, ``_WAIT_SECONDS``)."""
    return MediaPool(settings.media_workers, settings.media_queue, settings.media_wait_seconds)


def build_speech(settings: Settings, pool: MediaPool | None = None) -> SpeechToText | None:
    """Offline Whisper, unless voice is switched off; multilingual when a base model is given or installed."""
    if not settings.voice_enabled:
        return None
    multilingual, prepare = settings.whisper_multilingual_model, None
    if multilingual is None and base_model_installed():
        multilingual, prepare = settings.data_dir / "models" / "whisper-base", ensure_base_model
    return WhisperSpeechToText(
        multilingual_model=multilingual,
        prepare=prepare,
        threads=settings.whisper_threads,
        max_seconds=settings.voice_max_seconds,
        pool=pool,
    )


def build_estimator(settings: Settings, text: MealEstimator, catalog: FoodCatalog | None = None) -> CompositeEstimator:
    """The full estimator: ``text`` is the offline text estimator, ``catalog`` the food catalogue."""
    ai = build_ai_client(settings)
    cloud = ProviderSpeechToText(ai) if ai is not None and settings.ai_transcription_model else None
    pool = build_media_pool(settings)
    return CompositeEstimator(
        text,
        speech=build_speech(settings, pool),
        cloud_speech=cloud,
        catalog=catalog,
        ai=ai,
        max_pixels=int(settings.photo_max_megapixels * 1_000_000),
        products=build_products(settings),
        pool=pool,
    )


async def estimate_file(
    estimator: MealEstimator, *, voice: Path | None = None, photo: Path | None = None, caption: str = "",
    language: str = "en",
) -> Estimate:  # fmt: skip
    """The estimate of a voice-note or photo file (for ``winstreak estimate --voice/--photo``)."""
    if voice is not None:
        return await estimator.from_voice(await asyncio.to_thread(voice.read_bytes), language)
    if photo is not None:
        return await estimator.from_photo(await asyncio.to_thread(photo.read_bytes), caption, language)
    return await estimator.from_text(caption, language)
