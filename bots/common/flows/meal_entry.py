"""Meal entry: estimate, show, let the user edit, save only on Save."""

from __future__ import annotations

import dataclasses
import re
import secrets
from datetime import datetime, timedelta

from bots.common.deps import BotDeps
from bots.common.flows import instant_game, intents, past_days
from bots.common.flows.handler import Request, command
from bots.common.i18n import N_, t
from bots.common.messages import Button, Incoming, Reply
from bots.common.render import as_shown, estimate_text, summary_text
from bots.common.state import ChatState, estimate_from_dict, estimate_to_dict
from core.food.label_name import LABEL_NAME, label_named
from core.model import MealItem, UserAccount
from core.model.estimate import Estimate
from core.services.day_meals import day_meals, today_of
from core.services.exercise_day import with_exercise_budget
from core.services.food_names import localized_meals
from core.services.log_meal import log_meal

EDIT_HELP = N_(
    "Edit the estimate:\n• “2 150g” — set item 2 to 150 g\n• “remove 2” — drop item 2\n"
    "• “add 1 apple” — add an item\nThen Save or Cancel."
)


NEXT_STEP = N_("Describe the meal in words, e.g. “2 eggs and toast” or “chicken salad 350 g”, and I will estimate it.")


def estimate_buttons(lang: str) -> tuple[tuple[Button, ...], ...]:
    """Save / Edit / Cancel under an estimate."""
    return ((Button(t(lang, "Save"), "save"), Button(t(lang, "Edit"), "edit"), Button(t(lang, "Cancel"), "cancel")),)


def _show(lang: str, state: ChatState, estimate: Estimate, description: str, kind: str, now: datetime) -> Reply:
    if not estimate.items:  # nothing to save: no pending estimate, no buttons
        _clear(state)
        return Reply(estimate_text(lang, estimate))
    state.pending = {**estimate_to_dict(estimate, description, kind), past_days.SAVE_KEY: secrets.token_urlsafe(12)}
    state.pending_since = now.isoformat()
    return Reply(estimate_text(lang, estimate), estimate_buttons(lang))


def offer(deps: BotDeps, state: ChatState, user: UserAccount, estimate: Estimate, description: str, kind: str) -> Reply:
    """Show an estimate made elsewhere (quick add, food search, a repeated meal) as the pending one.

    With Save / Edit / Cancel, and "Save for yesterday" while yesterday is open (not for an edited meal: it keeps
    its day).
    """
    state.editing = False
    shown = _show(user.profile.language, state, estimate, description, kind, deps.clock.now())
    return past_days.with_day_choice(deps, state, user, shown)


async def new_estimate(deps: BotDeps, state: ChatState, user: UserAccount, msg: Incoming) -> list[Reply]:
    """Estimate a text, photo or voice message and show it with Save / Edit / Cancel."""
    lang = user.profile.language
    said, day, closed = past_days.meal_words(deps, user, msg.text)  # "yesterday for dinner …": not food words
    if closed is not None:
        return [Reply(closed)]
    meal_type, words = said.meal_type, said.food
    if msg.voice is not None:
        estimate, kind = await deps.estimator.from_voice(msg.voice, lang), "voice"
        said, day, closed = past_days.meal_words(deps, user, estimate.transcript or "")
        if closed is not None:
            return [Reply(closed)]
        meal_type = said.meal_type
    elif msg.photo is not None:
        estimate, kind = await deps.estimator.from_photo(msg.photo, msg.text, lang), "photo"  # the caption as is
        estimate = label_named(estimate, t(lang, LABEL_NAME))  # "Food from the label" in the user's language
    else:
        estimate, kind = await deps.estimator.from_text(words, lang), "text"
    if not estimate.items:  # nothing to save: a pending estimate is kept, and the reply gives the next step
        text = estimate_text(lang, estimate) + "\n\n" + t(lang, NEXT_STEP)
        return intents.with_pending_note(lang, state, text)
    replies: list[Reply] = []
    if state.pending:
        replies.append(Reply(t(user.profile.language, "(The previous unsaved estimate was discarded.)")))
    state.editing = False
    shown = _show(lang, state, estimate, estimate.transcript or msg.text, kind, deps.clock.now())
    if said.days_back:
        shown = dataclasses.replace(shown, text=past_days.day_note(lang, day) + "\n" + shown.text)
    past_days.remember(state.pending, meal_type, day if said.days_back else None)
    replies.append(past_days.with_day_choice(deps, state, user, shown))  # "📅 Save for yesterday" while it is open
    return replies


def _expired(deps: BotDeps, state: ChatState) -> bool:
    if not state.pending_since:
        return False
    since = datetime.fromisoformat(state.pending_since)
    return deps.clock.now() - since > timedelta(minutes=deps.estimate_ttl_minutes)


def _clear(state: ChatState) -> None:
    state.pending, state.pending_since, state.editing = None, None, False


@command
async def choose(req: Request) -> list[Reply]:
    """Handle Save / Edit / Cancel (``req.args``) for the pending estimate."""
    deps, state, user, lang, choice = req.deps, req.state, req.user, req.lang, req.args
    if state.pending is None:
        return [Reply(t(lang, "There is no estimate waiting. Describe a meal to start one."))]
    if _expired(deps, state):
        _clear(state)
        text = "That estimate expired after {minutes} minutes; nothing was saved. Send the meal again."
        return [Reply(t(lang, text, minutes=deps.estimate_ttl_minutes))]
    if choice == "cancel":
        _clear(state)
        return [Reply(t(lang, "Cancelled — nothing was saved."))]
    if choice == "edit":
        state.editing = True
        return [Reply(t(lang, EDIT_HELP), estimate_buttons(lang))]
    pending, estimate = state.pending, as_shown(estimate_from_dict(state.pending))  # saved as it was shown
    order = past_days.log_command(user, estimate, pending)  # its save key: saved once, even if handled again
    logged = await log_meal(deps.uow(), deps.clock, order, deps.game_rules)
    _clear(state)
    day = logged.meal.local_day
    summary = (await day_meals(deps.uow(), deps.clock, deps.game_rules, user.id, day)).summary
    summary = await with_exercise_budget(deps.exercise, user.id, summary)  # the day's budget, if exercise counts
    summary = dataclasses.replace(summary, meals=await localized_meals(deps.catalog, summary.meals, lang))
    saved = t(lang, "✅ Saved {kcal} kcal.", kcal=f"{estimate.total_kcal:.0f}")
    today = day == today_of(user.profile.timezone, deps.clock)
    text = saved + "\n\n" + summary_text(lang, summary, user.profile.timezone, deps.game_rules, today)
    trophies = await instant_game.meal_trophies(deps, user, logged.meal)  # the game answers at once
    favourite = ((Button(t(lang, "⭐ Add to favourites"), f"/fav add {logged.meal.id}"),),)  # flows/favourites.py
    return [Reply("\n\n".join([text, *trophies]), favourite)]


def _scaled(item: MealItem, grams: float) -> MealItem:
    factor = grams / item.grams if item.grams else 0.0
    return dataclasses.replace(
        item,
        grams=grams,
        kcal=item.kcal * factor,
        protein_g=item.protein_g * factor,
        carbs_g=item.carbs_g * factor,
        fat_g=item.fat_g * factor,
        low_kcal=item.low_kcal * factor,
        high_kcal=item.high_kcal * factor,
    )


async def edit(deps: BotDeps, state: ChatState, user: UserAccount, text: str) -> list[Reply]:
    """Apply one edit command to the pending estimate and show it again."""
    assert state.pending is not None
    lang = user.profile.language
    buttons = estimate_buttons(lang)
    estimate = estimate_from_dict(state.pending)
    items = list(estimate.items)
    words = text.strip()
    amount = re.fullmatch(r"(\d+)\s+(\d+(?:[.,]\d+)?)\s*g?", words, re.IGNORECASE)
    remove = re.fullmatch(r"(?:remove|delete|del|rm)\s+(\d+)", words, re.IGNORECASE)
    add = re.fullmatch(r"add\s+(.+)", words, re.IGNORECASE | re.DOTALL)
    target = amount or remove
    index_text = target.group(1) if target else None
    if index_text is not None and not 1 <= int(index_text) <= len(items):
        text = t(lang, "There is no item {n}: the estimate has {count}.", n=index_text, count=len(items))
        return [Reply(text, buttons)]
    if amount:
        grams = float(amount.group(2).replace(",", "."))
        if not 0 < grams <= 5000:
            return [Reply(t(lang, "Give an amount between 1 and 5000 g."), buttons)]
        position = int(amount.group(1)) - 1
        if items[position].grams == 0:
            text = "That item has no weight to scale; remove it and add it again with an amount."
            return [Reply(t(lang, text), buttons)]
        items[position] = _scaled(items[position], grams)
        estimate = dataclasses.replace(estimate, items=tuple(items))
    elif remove:
        del items[int(remove.group(1)) - 1]
        estimate = dataclasses.replace(estimate, items=tuple(items))
    elif add:
        extra = await deps.estimator.from_text(add.group(1), user.profile.language)
        estimate = dataclasses.replace(
            estimate, items=tuple(items) + extra.items, unparsed=estimate.unparsed + extra.unparsed
        )
    else:
        return [Reply(t(lang, "I did not understand that edit.") + "\n" + t(lang, EDIT_HELP), buttons)]
    pending = state.pending
    reply = _show(
        lang, state, estimate, pending.get("description", ""), pending.get("input_kind", "text"), deps.clock.now()
    )
    past_days.carry_over(pending, state.pending)  # the meal type, the day and the meal it replaces stay
    return [reply]
