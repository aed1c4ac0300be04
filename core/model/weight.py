"""A weigh-in."""

from dataclasses import dataclass
from datetime import date, datetime

from core.model.ids import UserId


@dataclass(frozen=True, slots=True)
class WeightEntry:
    """One weight reading of a user, filed under their local day."""

    user_id: UserId
    weight_kg: float
    measured_at: datetime
    local_day: date
