"""Everyday commands: /today, /undo, /weight, /add, /help."""

from __future__ import annotations

from bots.common import units_text
from bots.common.deps import BotDeps
from bots.common.flows import meal_entry
from bots.common.flows.progress import weight_overview
from bots.common.i18n import N_, error_text, t
from bots.common.messages import Incoming, Reply
from bots.common.render import help_text, summary_text, target_text
from bots.common.state import ChatState
from core.errors import WinStreakError
from core.food.quick_add import parse_quick_add
from core.model import UserAccount
from core.model.estimate import Estimate
from core.rules.profile_values import parse_weight_kg
from core.services.log_weight import log_weight
from core.services.today_summary import today_summary
from core.services.undo_meal import undo_last_meal


async def today(deps: BotDeps, state: ChatState, user: UserAccount, args: str, msg: Incoming) -> list[Reply]:
    """Today's progress."""
    summary = await today_summary(deps.uow(), deps.clock, user.id)
    return [Reply(summary_text(user.profile.language, summary, user.profile.timezone, deps.game_rules))]


async def undo(deps: BotDeps, state: ChatState, user: UserAccount, args: str, msg: Incoming) -> list[Reply]:
    """Delete the last meal of today."""
    lang = user.profile.language
    try:
        undone = await undo_last_meal(deps.uow(), deps.clock, user.id)
    except WinStreakError as err:
        return [Reply(error_text(lang, err))]
    names = ", ".join(item.name for item in undone.meal.items)
    summary = await today_summary(deps.uow(), deps.clock, user.id)
    removed = t(lang, "↩️ Removed {kcal} kcal ({names}).", kcal=f"{undone.meal.kcal:.0f}", names=names)
    return [Reply(removed + "\n\n" + summary_text(lang, summary, user.profile.timezone))]


async def weight(deps: BotDeps, state: ChatState, user: UserAccount, args: str, msg: Incoming) -> list[Reply]:
    """``/weight 81.5`` logs a weigh-in (the target follows); ``/weight`` alone shows the weight chart."""
    lang, units = user.profile.language, user.profile.units
    if not args.strip():
        return await weight_overview(deps, state, user, args, msg)
    try:
        logged = await log_weight(deps.uow(), deps.clock, user.id, parse_weight_kg(args, units))
    except WinStreakError as err:
        return [Reply(t(lang, "Nothing was logged.") + " " + error_text(lang, err))]
    text = t(lang, "⚖️ Logged {weight}.", weight=units_text.weight(logged.weight_kg, units))
    if logged.previous_kg is not None:
        change = units_text.weight_change(logged.weight_kg - logged.previous_kg, units)
        text += " " + t(lang, "({change} since last time)", change=change)
    replies = [Reply(text)]
    update = logged.profile_update
    if update.target is not None and update.previous_target_kcal != update.target.kcal:
        replies.append(Reply(target_text(lang, update)))
    return replies


HELP_LINES = (N_("• /add 350 soup p=20 c=30 f=10 — add kcal (and macros in grams) you know"),)
MACROS_OVER = N_("The macros add up to more energy than the kcal you gave: check them before saving.")


async def quick_add(deps: BotDeps, state: ChatState, user: UserAccount, args: str, msg: Incoming) -> list[Reply]:
    """``/add 350 [label] [p=20 c=30 f=10]``: stated kcal (and macros) shown as an estimate awaiting Save."""
    lang = user.profile.language
    try:
        added = parse_quick_add(args, t(lang, "Quick add"))
    except WinStreakError as err:
        return [Reply(error_text(lang, err))]
    notes = (MACROS_OVER,) if added.macros_exceed_kcal else ()
    replies = [Reply(t(lang, "(The previous unsaved estimate was discarded.)"))] if state.pending else []
    estimate = Estimate((added.item,), notes=notes)
    replies.append(meal_entry.offer(deps, state, user, estimate, f"/add {args.strip()}"[:500], "text"))
    return replies


async def help_(deps: BotDeps, state: ChatState, user: UserAccount, args: str, msg: Incoming) -> list[Reply]:
    """The list of commands."""
    return [Reply(help_text(user.profile.language, HELP_LINES))]
