"""Recents: ``/again`` and the buttons under /today log one of your frequent or recent meals again.

Typed "again", "same as yesterday", "same as yesterday's breakfast", "same as this morning" (or "comme hier",
"pareil qu'hier midi", "pareil que ce matin") reach ``/again`` too. Every repeat is shown as the estimate with
Save / Edit / Cancel before anything is stored; it is built from the stored items, so no estimator runs and no
estimate quota is used.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from bots.common.conversation import CommandHandler
from bots.common.flows import meal_entry, past_days
from bots.common.flows.handler import Request, command
from bots.common.i18n import N_, t
from bots.common.meal_type_text import NAMES
from bots.common.messages import Button, Reply
from core.item_lists import joined_names
from core.model import Meal, MealId, MealItem, MealType
from core.model.estimate import Estimate
from core.ports.favourites import MealHistory
from core.rules.repeat_words import read_repeat
from core.services.food_names import localized_items, localized_meals
from core.services.recent_meals import Recent, meal_to_repeat, recent_meals
from core.services.same_as import same_as

INPUT_KIND = "repeat"
MAX_ROWS = 5  # Discord shows at most five rows of buttons
LABEL_CHARS = 30
TITLE = N_("🔁 Tap a meal to log it again:")
NONE_YET = N_("You have no saved meal to repeat yet: describe one, and after Save it shows up here.")
USAGE = N_("Write /again, “again”, “same as yesterday”, “same as yesterday's breakfast” or “same as this morning”.")
NOT_YESTERDAY = N_("You logged no {meal} yesterday. Yesterday's meals:")
NOTHING_YESTERDAY = N_("You logged no meals yesterday.")
NOT_TODAY = N_("You logged no {meal} today. Today's meals:")
NOTHING_TODAY = N_("You logged no meals today.")
REPEATED = N_("🔁 The same again, from your saved meal: Save logs it for today.")
DISCARDED = N_("(The previous unsaved estimate was discarded.)")


def short_label(meal: Meal) -> str:
    """A button label: the meal's items, cut to fit, and its kcal."""
    words = joined_names(i.name for i in meal.items)
    if len(words) > LABEL_CHARS:
        words = words[: LABEL_CHARS - 1].rstrip(" ,;") + "…"
    return f"🔁 {words} · {meal.kcal:.0f} kcal"


def meal_buttons(meals: Iterable[Meal], rows: int = MAX_ROWS) -> tuple[tuple[Button, ...], ...]:
    """One row per meal (at most ``rows``), each logging that meal again."""
    return tuple((Button(short_label(meal), f"/again {meal.id}"),) for meal in list(meals)[: max(rows, 0)])


def recent_buttons(recents: list[Recent], rows: int = MAX_ROWS) -> tuple[tuple[Button, ...], ...]:
    """The buttons of the frequent and recent meals."""
    return meal_buttons((recent.meal for recent in recents), rows)


async def offer_items(
    req: Request, items: tuple[MealItem, ...], description: str, meal_type: MealType | None, note: str
) -> list[Reply]:
    """Stored items shown as the pending estimate (Save / Edit / Cancel) in the user's language, ``note`` above."""
    state = req.state
    replies = [Reply(t(req.lang, DISCARDED))] if state.pending else []
    estimate = Estimate(await localized_items(req.deps.catalog, items, req.lang))
    shown = meal_entry.offer(req.deps, state, req.user, estimate, description, INPUT_KIND)
    past_days.remember(state.pending, meal_type, None)
    replies.append(dataclasses.replace(shown, text=note + "\n" + shown.text))
    return replies


async def _named(req: Request, recents: list[Recent]) -> list[Recent]:
    """The recent meals with their foods named in the user's language (for the button labels)."""
    meals = await localized_meals(req.deps.catalog, [r.meal for r in recents], req.lang)
    return [dataclasses.replace(r, meal=m) for r, m in zip(recents, meals, strict=True)]


def _together(meals: tuple[Meal, ...]) -> tuple[tuple[MealItem, ...], str]:
    items = tuple(item for meal in meals for item in meal.items)
    description = " + ".join(" ".join(m.description.split()) for m in meals if m.description.strip())
    return items, description[:500]


def recents_commands(history: MealHistory, today: CommandHandler) -> dict[str, CommandHandler]:
    """``/again`` reading past meals through ``history``, and ``today`` with the recent meals under it."""
    shown_today = today

    @command
    async def again(req: Request) -> list[Reply]:
        lang, words = req.lang, req.args.strip()
        if not words:
            recents = await _named(req, await recent_meals(history, req.user.id))
            return [Reply(t(lang, TITLE), recent_buttons(recents))] if recents else [Reply(t(lang, NONE_YET))]
        if words.isdigit():
            meal = await meal_to_repeat(history, req.user.id, MealId(int(words)))
            return await offer_items(req, meal.items, meal.description, None, t(lang, REPEATED))
        ask = read_repeat(words)
        if ask is None:
            return [Reply(t(lang, USAGE))]
        found = await same_as(req.deps.uow(), req.deps.clock, req.user.id, ask)
        if found.meals:
            items, description = _together(found.meals)
            kind = found.meal_type if ask.days_back or ask.today else None
            return await offer_items(req, items, description, kind, t(lang, REPEATED))
        if not ask.days_back and not ask.today:
            return [Reply(t(lang, NONE_YET))]
        if not found.others:
            return [Reply(t(lang, NOTHING_TODAY if ask.today else NOTHING_YESTERDAY))]
        meal_name = t(lang, NAMES[found.meal_type]) if found.meal_type else ""
        others = await localized_meals(req.deps.catalog, found.others, lang)
        missing = NOT_TODAY if ask.today else NOT_YESTERDAY
        return [Reply(t(lang, missing, meal=meal_name), meal_buttons(others))]

    @command
    async def today_and_recents(req: Request) -> list[Reply]:
        replies = await shown_today(req)
        if not replies or req.msg.is_group:
            return replies
        last = replies[-1]
        rows = recent_buttons(await _named(req, await recent_meals(history, req.user.id)), MAX_ROWS - len(last.buttons))
        if not rows:
            return replies
        text = last.text + "\n\n" + t(req.lang, TITLE)
        return [*replies[:-1], dataclasses.replace(last, text=text, buttons=last.buttons + rows)]

    return {"again": again, "today": today_and_recents}
