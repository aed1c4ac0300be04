"""The estimator the app uses: AI provider when configured, offline readers and the text estimator otherwise.

Text goes to the AI provider if there is one (falling back to the offline text estimator on any
failure), voice is transcribed and then treated as text, photos try barcode (food catalogue, then Open
Food Facts when switched on), label, vision model and caption in that order. Every path returns an
:class:`Estimate` whose notes say what happened. Media work runs on a bounded pool
(:mod:`ai.media_pool`); when it is full the estimate is empty with a "busy, try again shortly" note.

The photo and audio readers (Pillow, zxing-cpp, PyAV, numpy: about 35 MB of a process's memory) are
imported on the first photo or voice note, so a bot that only ever sees text never loads them.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import TYPE_CHECKING

from ai import notes
from ai.ai_reply import check_reply
from ai.audio import AudioError
from ai.media_pool import MediaBusy, MediaPool
from ai.openai_compat import AiUnavailable, OpenAICompatClient
from core.errors import InvalidValue
from core.model.estimate import Estimate
from core.ports import FoodCatalog, MealEstimator, SpeechToText

if TYPE_CHECKING:
    from ai.off_product import OpenFoodFactsClient

MAX_PIXELS = 40_000_000  # the largest photo opened by default (ai.images.MAX_PIXELS, without importing Pillow)

log = logging.getLogger(__name__)
TEXT_SPREAD = 0.2
PHOTO_SPREAD = 0.3


def _jpeg(image: bytes, max_pixels: int) -> bytes:
    from ai.images import open_image, to_jpeg

    return to_jpeg(open_image(image, max_pixels=max_pixels))


def _with_notes(estimate: Estimate, *extra: str, transcript: str | None = None) -> Estimate:
    return dataclasses.replace(estimate, notes=(*extra, *estimate.notes), transcript=transcript or estimate.transcript)


def _fallback(barcode: str | None, note: str) -> tuple[str, ...]:
    """The note saying what an unknown barcode fell back to (nothing when there was no barcode)."""
    return (note,) if barcode else ()


class CompositeEstimator:
    """A :class:`core.ports.MealEstimator` composed of the offline text estimator and optional parts."""

    def __init__(
        self,
        text: MealEstimator,
        *,
        speech: SpeechToText | None = None,
        cloud_speech: SpeechToText | None = None,
        catalog: FoodCatalog | None = None,
        ai: OpenAICompatClient | None = None,
        max_pixels: int = MAX_PIXELS,
        products: OpenFoodFactsClient | None = None,
        pool: MediaPool | None = None,
    ) -> None:
        self._text, self._speech, self._cloud_speech = text, speech, cloud_speech
        self._catalog, self._ai, self._max_pixels = catalog, ai, max_pixels
        self._products = products
        self._pool = pool or MediaPool()

    async def from_text(self, text: str, language: str) -> Estimate:
        """The AI provider's estimate when configured and working, else the offline one."""
        if self._ai is None or not text.strip():
            return await self._text.from_text(text, language)
        try:
            reply = await self._ai.estimate_text(text, language)
        except AiUnavailable as err:
            log.warning("AI text estimate failed, using the offline estimator: %s", err)
            return _with_notes(await self._text.from_text(text, language), notes.AI_FAILED)
        checked = await check_reply(reply, self._catalog, TEXT_SPREAD)
        found = (notes.AI_ESTIMATE,) if checked.items else (notes.AI_NOTHING,)
        extra = (notes.AI_CLAMPED,) if checked.clamped else ()
        return Estimate(checked.items, checked.unparsed, None, (*found, *extra))

    async def from_voice(self, audio: bytes, language: str) -> Estimate:
        """Transcribe (provider first when configured, else offline Whisper), then estimate the words."""
        heard: list[str] = []
        transcript: str | None = None
        if self._cloud_speech is not None:
            try:
                transcript = await self._cloud_speech.transcribe(audio, language) or None
            except (AiUnavailable, InvalidValue) as err:
                log.warning("provider transcription failed: %s", err)
                heard.append(notes.VOICE_PROVIDER_FAILED)
        if transcript is None:
            if self._speech is None:
                return Estimate((), notes=(*heard, notes.VOICE_UNAVAILABLE))
            if not self._speech.understands(language):
                heard.append(notes.VOICE_ENGLISH_ONLY)
            try:
                transcript = await self._speech.transcribe(audio, language)
            except AudioError as err:
                return Estimate((), notes=(*heard, str(err)))
            except MediaBusy:
                return Estimate((), notes=(*heard, notes.MEDIA_BUSY))
        estimate = await self.from_text(transcript, language)
        return _with_notes(estimate, *heard, transcript=transcript)

    async def from_photo(self, image: bytes, caption: str, language: str) -> Estimate:
        """Barcode, then nutrition label, then the vision model, then the caption; notes say which."""
        try:
            return await self._from_photo(image, caption, language)
        except MediaBusy:
            return Estimate((), notes=(notes.MEDIA_BUSY,))

    async def _from_photo(self, image: bytes, caption: str, language: str) -> Estimate:
        from ai.images import ImageError
        from ai.label_estimate import label_estimate
        from ai.photo_estimate import barcode_estimate, label_only, product_for, read_photo

        found = await read_photo(image, self._max_pixels, self._pool)
        if isinstance(found, str):
            return await self._caption_or(caption, language, found, notes.PHOTO_USED_CAPTION)
        said: list[str] = []
        label = found.label
        if found.barcode:
            food, where = await product_for(self._catalog, self._products, found.barcode)
            if food is not None:
                return _with_notes(barcode_estimate(food, caption), *([where] if where else []))
            said.append(where)
            label = await self._pool.run(label_only, image, self._max_pixels)
        if label is not None:
            return _with_notes(
                label_estimate(label, caption), *said, *_fallback(found.barcode, notes.BARCODE_USED_LABEL)
            )
        if found.barcode and self._ai is None:  # one reply: how to have it known, then the caption or a request
            return await self._caption_or(caption, language, *said, notes.BARCODE_USED_CAPTION)
        if self._ai is not None:
            try:
                jpeg = await self._pool.run(_jpeg, image, self._max_pixels)
                reply = await self._ai.estimate_photo(jpeg, caption, language)
            except (AiUnavailable, ImageError) as err:
                log.warning("AI photo estimate failed: %s", err)
                said.append(notes.AI_PHOTO_FAILED)
            else:
                checked = await check_reply(reply, self._catalog, PHOTO_SPREAD)
                extra = (notes.AI_CLAMPED,) if checked.clamped else ()
                if checked.items:
                    return Estimate(checked.items, checked.unparsed, None, (*said, notes.AI_ESTIMATE, *extra))
                said.append(notes.AI_NOTHING)
            return await self._caption_or(caption, language, *said, notes.PHOTO_USED_CAPTION)
        return await self._caption_or(caption, language, *said, notes.PHOTO_CAPTION_ONLY)

    async def _caption_or(self, caption: str, language: str, *said: str) -> Estimate:
        """The caption through the offline text estimator; without a caption, ask for a description.

        The last note in ``said`` explains the caption's use; without a caption it becomes a request.
        """
        *before, how = said
        asks = {notes.PHOTO_CAPTION_ONLY: notes.PHOTO_NEEDS_AI, notes.BARCODE_USED_CAPTION: notes.BARCODE_DESCRIBE}
        ask = asks.get(how, notes.PHOTO_DESCRIBE)
        if caption.strip():
            read = await self._text.from_text(caption, language)
            # a caption that names no food ("my lunch") was not used: say so and ask, never "I used your caption"
            return _with_notes(read, *before, how if read.items else ask)
        return Estimate((), notes=(*before, ask))
