"""Domain model: immutable dataclasses and typed identifiers shared by every layer."""

from core.model.ids import MealId, UserId
from core.model.meal import ItemSource, Meal, MealItem, MealType
from core.model.profile import Activity, GoalKind, Profile, Sex, UserAccount
from core.model.weight import WeightEntry

__all__ = [
    "Activity",
    "GoalKind",
    "ItemSource",
    "Meal",
    "MealId",
    "MealItem",
    "MealType",
    "Profile",
    "Sex",
    "UserAccount",
    "UserId",
    "WeightEntry",
]
