"""Everyday commands: /today, /undo, /weight, /add, /help."""

from __future__ import annotations

import dataclasses

from bots.common import units_text
from bots.common.flows import intents, meal_entry, weight_check
from bots.common.flows.handler import Request, command
from bots.common.flows.progress import weight_overview
from bots.common.i18n import N_, t
from bots.common.messages import Reply
from bots.common.render import help_text, summary_text, target_text
from core.food.quick_add import parse_quick_add
from core.item_lists import joined_names
from core.model.estimate import Estimate
from core.rules.profile_values import parse_weight_kg
from core.services.exercise_day import with_exercise_budget
from core.services.food_names import localized_items, localized_meals
from core.services.log_weight import log_weight
from core.services.today_summary import today_summary
from core.services.undo_meal import undo_last_meal


@command
async def today(req: Request) -> list[Reply]:
    """Today's progress."""
    deps, user = req.deps, req.user
    summary = await with_exercise_budget(deps.exercise, user.id, await today_summary(deps.uow(), deps.clock, user.id))
    summary = dataclasses.replace(summary, meals=await localized_meals(deps.catalog, summary.meals, req.lang))
    return [Reply(summary_text(req.lang, summary, user.profile.timezone, deps.game_rules))]


@command
async def undo(req: Request) -> list[Reply]:
    """Delete the last meal of today."""
    deps, user, lang = req.deps, req.user, req.lang
    undone = await undo_last_meal(deps.uow(), deps.clock, user.id)
    names = joined_names(item.name for item in await localized_items(deps.catalog, undone.meal.items, lang))
    summary = await with_exercise_budget(deps.exercise, user.id, await today_summary(deps.uow(), deps.clock, user.id))
    removed = t(lang, "↩️ Removed {kcal} kcal ({names}).", kcal=f"{undone.meal.kcal:.0f}", names=names)
    text = removed + "\n\n" + summary_text(lang, summary, user.profile.timezone)
    return intents.with_pending_note(lang, req.state, text)  # an unsaved estimate is kept, and the reply says so


@command(prefix=N_("Nothing was logged."))
async def weight(req: Request) -> list[Reply]:
    """``/weight 81.5`` logs a weigh-in (the target follows); ``/weight`` alone shows the weight chart."""
    deps, lang, units = req.deps, req.lang, req.user.profile.units
    if not req.args.strip():
        return await weight_overview(req)
    word, _, rest = req.args.strip().partition(" ")
    if word.lower() == weight_check.CANCEL:
        return [Reply(t(lang, weight_check.CANCELLED))]
    confirmed = word.lower() == weight_check.CONFIRM
    typed = rest if confirmed else req.args
    kg = parse_weight_kg(typed, units)
    asked = None if confirmed else weight_check.question(req.user, typed, kg)
    if asked is not None:  # far from the last weight: asked before anything is saved
        return [asked]
    logged = await log_weight(deps.uow(), deps.clock, req.user.id, kg)
    text = t(lang, "⚖️ Logged {weight}.", weight=units_text.weight(logged.weight_kg, units, lang))
    if logged.previous_kg is not None:
        change = units_text.weight_change(logged.weight_kg - logged.previous_kg, units, lang)
        text += " " + t(lang, "({change} since last time)", change=change)
    replies = [Reply(text)]
    update = logged.profile_update
    if update.target is not None and update.previous_target_kcal != update.target.kcal:
        replies.append(Reply(target_text(lang, update)))
    return replies


HELP_LINES = (
    N_("• /add 350 soup p=20 c=30 f=10 — add kcal (and macros in grams) you know"),
    N_("• /again or “same as yesterday's breakfast” — log a recent meal again · /fav — your favourite meals"),
    N_("• /exercise 30 min cycling, or “I ran 5 km” — log exercise (/settings exercise on: it raises the budget)"),
)
MACROS_OVER = N_("The macros add up to more energy than the kcal you gave: check them before saving.")


@command
async def quick_add(req: Request) -> list[Reply]:
    """``/add 350 [label] [p=20 c=30 f=10]``: stated kcal (and macros) shown as an estimate awaiting Save."""
    lang, state = req.lang, req.state
    added = parse_quick_add(req.args, t(lang, "Quick add"))
    notes = (MACROS_OVER,) if added.macros_exceed_kcal else ()
    replies = [Reply(t(lang, "(The previous unsaved estimate was discarded.)"))] if state.pending else []
    estimate = Estimate((added.item,), notes=notes)
    replies.append(meal_entry.offer(req.deps, state, req.user, estimate, f"/add {req.args.strip()}"[:500], "text"))
    return replies


@command
async def help_(req: Request) -> list[Reply]:
    """The list of commands."""
    return [Reply(help_text(req.lang, HELP_LINES))]
