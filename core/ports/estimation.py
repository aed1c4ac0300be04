"""Ports of estimation: the food catalogue, the meal estimator and speech to text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from core.model.estimate import Estimate
from core.model.food import Food, FoodMatch


class FoodCatalog(Protocol):
    """Search and look up foods."""

    async def search(self, query: str, limit: int = 10) -> Sequence[FoodMatch]: ...

    async def by_barcode(self, code: str) -> Food | None: ...

    async def get(self, food_id: str) -> Food | None: ...


class MealEstimator(Protocol):
    """Turns a description, a photo or a voice note into an :class:`Estimate`."""

    async def from_text(self, text: str, language: str) -> Estimate: ...

    async def from_photo(self, image: bytes, caption: str, language: str) -> Estimate: ...

    async def from_voice(self, audio: bytes, language: str) -> Estimate: ...


class SpeechToText(Protocol):
    """Turns a voice note into text; unusable audio raises :class:`core.errors.InvalidValue` (field "audio")."""

    def understands(self, language: str) -> bool: ...

    async def transcribe(self, audio: bytes, language: str) -> str: ...
