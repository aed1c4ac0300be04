"""Meals for another open day: "yesterday …" when estimating, the day and the meal replaced when saving.

The pending estimate remembers ``meal_type``, ``day`` (ISO) and ``replaces`` (a meal id, for /meals edit);
Save files the meal accordingly, and the close-out rule (``core.rules.open_days``) is checked both when the
estimate is made and when it is saved. While yesterday is open, an estimate for today also gets a
"📅 Save for yesterday" button (:func:`with_day_choice`): ``/meals yesterday-save STAMP``, where the stamp names the
estimate it was shown under, so a press under an older estimate changes nothing.
"""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date, timedelta
from typing import Any

from bots.common.deps import BotDeps
from bots.common.i18n import N_, t
from bots.common.messages import Button, Reply
from bots.common.state import ChatState
from core.model import MealId, MealType, UserAccount
from core.model.estimate import Estimate
from core.rules.days import local_day
from core.rules.meal_words import MealWords, read_meal_words
from core.rules.open_days import is_open, open_days
from core.services.log_meal import CLOSED, LogMeal

MEAL_TYPES = frozenset(m.value for m in MealType)


def meal_words(deps: BotDeps, user: UserAccount, text: str) -> tuple[MealWords, date, str | None]:
    """The words read, the day they mean, and a refusal when that day is already closed."""
    words = read_meal_words(text)
    tz, now = user.profile.timezone, deps.clock.now()
    day = local_day(now, tz) - timedelta(days=words.days_back)
    if words.days_back and not is_open(day, tz, now, deps.game_rules):
        return words, day, t(user.profile.language, CLOSED, day=day.isoformat())
    return words, day, None


def remember(pending: dict[str, Any] | None, meal_type: MealType | None, day: date | None) -> None:
    """Keep the meal type and a past day on the pending estimate."""
    if pending is None:
        return
    if meal_type is not None:
        pending["meal_type"] = meal_type.value
    if day is not None:
        pending["day"] = day.isoformat()


KEPT = ("meal_type", "day", "replaces")


def carry_over(before: dict[str, Any], after: dict[str, Any] | None) -> None:
    """Keep the meal type, day and replaced meal when an edit rebuilds the pending estimate."""
    if after is not None:
        after.update({key: before[key] for key in KEPT if key in before})


def day_note(lang: str, day: date) -> str:
    """The line that says the estimate goes to a past day."""
    return t(lang, "📅 For {day}.", day=day.isoformat())


SAVE_KEY = "save_key"  # a random name of one shown estimate: the meal saved from it keeps it (LogMeal.estimate_key)


def log_command(user: UserAccount, estimate: Estimate, pending: dict[str, Any]) -> LogMeal:
    """The order to save the pending estimate, with its type, day, the meal it replaces and its save key."""
    kind = pending.get("meal_type")
    day, replaces = pending.get("day"), pending.get("replaces")
    return LogMeal(
        user.id,
        estimate.items,
        pending.get("description", ""),
        pending.get("input_kind", "text"),
        MealType(kind) if kind in MEAL_TYPES else None,
        date.fromisoformat(day) if isinstance(day, str) else None,
        MealId(replaces) if isinstance(replaces, int) else None,
        key if isinstance(key := pending.get(SAVE_KEY), str) else None,
    )


SAVE_YESTERDAY = "yesterday-save"
YESTERDAY_BUTTON = N_("📅 Save for yesterday")


def estimate_stamp(state: ChatState) -> str:
    """A short name of the pending estimate (from when it was shown), carried by its day button."""
    return hashlib.sha256(str(state.pending_since).encode()).hexdigest()[:8]


def with_day_choice(deps: BotDeps, state: ChatState, user: UserAccount, reply: Reply) -> Reply:
    """Add the "📅 Save for yesterday" row under an estimate for today while yesterday is still open."""
    pending = state.pending
    if not pending or not reply.buttons or any(key in pending for key in ("day", "replaces")):
        return reply
    days = open_days(user.profile.timezone, deps.clock.now(), deps.game_rules)
    if len(days) < 2:
        return reply
    value = f"/meals {SAVE_YESTERDAY} {estimate_stamp(state)}"
    button = Button(t(user.profile.language, YESTERDAY_BUTTON), value)
    return dataclasses.replace(reply, buttons=(*reply.buttons, (button,)))
