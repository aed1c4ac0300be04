"""Typed identifiers, so a user id is never passed where a meal id belongs."""

from typing import NewType

UserId = NewType("UserId", int)
MealId = NewType("MealId", int)
