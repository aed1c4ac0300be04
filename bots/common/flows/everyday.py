"""Everyday commands: /today, /undo, /weight, /help."""

from __future__ import annotations

from bots.common.deps import BotDeps
from bots.common.messages import Incoming, Reply
from bots.common.render import HELP, summary_text, target_text
from bots.common.state import ChatState
from core.errors import WinStreakError
from core.model import UserAccount
from core.rules.profile_values import parse_weight_kg
from core.services.log_weight import log_weight
from core.services.today_summary import today_summary
from core.services.undo_meal import undo_last_meal


async def today(deps: BotDeps, state: ChatState, user: UserAccount, args: str, msg: Incoming) -> list[Reply]:
    """Today's progress."""
    return [Reply(summary_text(await today_summary(deps.uow(), deps.clock, user.id)))]


async def undo(deps: BotDeps, state: ChatState, user: UserAccount, args: str, msg: Incoming) -> list[Reply]:
    """Delete the last meal of today."""
    try:
        undone = await undo_last_meal(deps.uow(), deps.clock, user.id)
    except WinStreakError as err:
        return [Reply(str(err))]
    names = ", ".join(item.name for item in undone.meal.items)
    summary = await today_summary(deps.uow(), deps.clock, user.id)
    return [Reply(f"↩️ Removed {undone.meal.kcal:.0f} kcal ({names}).\n\n" + summary_text(summary))]


async def weight(deps: BotDeps, state: ChatState, user: UserAccount, args: str, msg: Incoming) -> list[Reply]:
    """``/weight 81.5`` logs a weigh-in; the target follows."""
    if not args.strip():
        current = user.profile.weight_kg
        shown = f"{current:g} kg" if current else "not set"
        return [Reply(f"Your weight: {shown}. Log a new one with /weight 81.5 (or 180lb).")]
    try:
        logged = await log_weight(deps.uow(), deps.clock, user.id, parse_weight_kg(args))
    except WinStreakError as err:
        return [Reply(f"Nothing was logged. {err}")]
    text = f"⚖️ Logged {logged.weight_kg:g} kg"
    if logged.previous_kg is not None:
        text += f" ({logged.weight_kg - logged.previous_kg:+.1f} kg since last time)"
    replies = [Reply(text + ".")]
    update = logged.profile_update
    if update.target is not None and update.previous_target_kcal != update.target.kcal:
        replies.append(Reply(target_text(update)))
    return replies


async def help_(deps: BotDeps, state: ChatState, user: UserAccount, args: str, msg: Incoming) -> list[Reply]:
    """The list of commands."""
    return [Reply(HELP)]
