"""A MealEstimator fake that records photos and voice notes it receives and answers with a fixed item each."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.model import ItemSource, MealItem
from core.model.estimate import Estimate
from core.ports import MealEstimator


def item(name: str, kcal: float) -> MealItem:
    """An item with a ±10 % range."""
    return MealItem(name, 100.0, kcal, 5.0, 20.0, 5.0, ItemSource.AI, kcal * 0.9, kcal * 1.1)


@dataclass
class RecordingEstimator:
    """Text goes to ``inner``; photos and voice notes are recorded and estimated as one known item."""

    inner: MealEstimator
    photos: list[tuple[bytes, str]] = field(default_factory=list)
    voices: list[bytes] = field(default_factory=list)
    fail_next_text: int = 0

    async def from_text(self, text: str, language: str) -> Estimate:
        if self.fail_next_text > 0:
            self.fail_next_text -= 1
            raise RuntimeError("estimator crashed (injected)")
        return await self.inner.from_text(text, language)

    async def from_photo(self, image: bytes, caption: str, language: str) -> Estimate:
        self.photos.append((image, caption))
        return Estimate((item("photo dish", 640.0),))

    async def from_voice(self, audio: bytes, language: str) -> Estimate:
        self.voices.append(audio)
        return Estimate((item("spoken soup", 210.0),), transcript="a bowl of soup")
