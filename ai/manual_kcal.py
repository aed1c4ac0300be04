"""Reading energy the user states outright ("pizza 800 kcal"): exact, never invented.

The offline text estimator falls back to this; on its own it is the honest minimum
that works with no food database at all.
"""

from __future__ import annotations

from core.food.segment import split_segments
from core.food.stated_kcal import parse_stated_kcal
from core.model.estimate import Estimate
from core.text import N_


class StatedKcalEstimator:
    """A :class:`core.ports.MealEstimator` that only accepts energy stated by the user."""

    NOTE = N_("Give the energy for what I did not understand, e.g. “pizza 800 kcal”.")

    async def from_text(self, text: str, language: str) -> Estimate:
        """Items for segments with stated kcal; the rest is reported as not understood."""
        items, unparsed = [], []
        for segment in split_segments(text):  # the meal parser's cut: commas, "and", "with", "+", new lines
            item = parse_stated_kcal(segment.text)
            if item:
                items.append(item)
            else:
                unparsed.append(segment.text[:200])
        notes = (self.NOTE,) if unparsed else ()
        return Estimate(tuple(items), tuple(unparsed), None, notes)

    async def from_photo(self, image: bytes, caption: str, language: str) -> Estimate:
        """Only the caption can be read by this estimator."""
        estimate = await self.from_text(caption, language) if caption.strip() else Estimate(())
        return Estimate(
            estimate.items,
            estimate.unparsed,
            None,
            (N_("I cannot read photos in this set-up; describe the meal in words."), *estimate.notes),
        )

    async def from_voice(self, audio: bytes, language: str) -> Estimate:
        """No speech recognition in this estimator."""
        return Estimate((), (), None, (N_("I cannot listen to voice notes in this set-up; type the meal instead."),))
