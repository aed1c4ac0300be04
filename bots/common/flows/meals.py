"""/meals [today|yesterday|DATE]: a day's meals by type, with Edit and Delete buttons while the day is open.

``/meals delete ID`` deletes one; ``/meals edit ID`` puts it up as the pending estimate, and Save replaces it
(same day and time). A closed day is listed without buttons: after its close-out a day is final.
"""

from __future__ import annotations

from datetime import date, timedelta

from bots.common.deps import BotDeps
from bots.common.flows import meal_entry
from bots.common.flows.handler import Request, command
from bots.common.i18n import N_, t
from bots.common.meal_type_text import NAMES, meal_line, meal_type_of
from bots.common.messages import Button, Reply
from bots.common.state import ChatState
from core.model import MealId, UserAccount
from core.model.estimate import Estimate
from core.rules.days import local_day
from core.services.day_meals import day_meals, delete_meal
from core.services.log_meal import GONE

TODAY = ("", "today", "aujourd'hui", "aujourd’hui")
YESTERDAY = ("yesterday", "hier")
USAGE = N_("Write /meals, /meals yesterday or /meals 2026-06-01.")


def _day(text: str, today: date) -> date | None:
    word = text.strip().lower()
    if word in TODAY:
        return today
    if word in YESTERDAY:
        return today - timedelta(days=1)
    try:
        return date.fromisoformat(word)
    except ValueError:
        return None


async def _listing(deps: BotDeps, user: UserAccount, day: date) -> Reply:
    lang, tz = user.profile.language, user.profile.timezone
    found = await day_meals(deps.uow(), deps.clock, deps.game_rules, user.id, day)
    meals = found.summary.meals
    lines = [t(lang, "📅 Meals of {day}: {kcal} kcal", day=day.isoformat(), kcal=f"{found.summary.kcal:.0f}")]
    if not meals:
        lines.append(t(lang, "No meals logged that day."))
    for n, meal in enumerate(meals, 1):
        lines.append(f"{n}. {t(lang, NAMES[meal_type_of(meal, tz)])} · {meal_line(meal, tz)}")
    if not found.is_open:
        lines.append(t(lang, "This day is closed: its meals are final. See /rules."))
        return Reply("\n".join(lines))
    rows = tuple(
        (
            Button(t(lang, "✏️ Edit {n}", n=n), f"/meals edit {meal.id}"),
            Button(t(lang, "🗑 Delete {n}", n=n), f"/meals delete {meal.id}"),
        )
        for n, meal in enumerate(meals, 1)
    )
    return Reply("\n".join(lines), rows)


@command
async def meals(req: Request) -> list[Reply]:
    """List a day's meals, or delete or edit one of an open day."""
    deps, user, lang = req.deps, req.user, req.lang
    action, _, target = req.args.strip().partition(" ")
    if action.lower() in ("delete", "edit") and target.strip().isdigit():
        meal_id = MealId(int(target))
        if action.lower() == "delete":
            gone = await delete_meal(deps.uow(), deps.clock, deps.game_rules, user.id, meal_id)
            names = ", ".join(item.name for item in gone.items)
            removed = t(lang, "🗑 Deleted {kcal} kcal ({names}).", kcal=f"{gone.kcal:.0f}", names=names)
            return [Reply(removed), await _listing(deps, user, gone.local_day)]
        return await _edit(deps, req.state, user, meal_id)
    today = local_day(deps.clock.now(), user.profile.timezone)
    day = _day(req.args, today)
    if day is None:
        return [Reply(t(lang, USAGE))]
    return [await _listing(deps, user, day)]


async def _edit(deps: BotDeps, state: ChatState, user: UserAccount, meal_id: MealId) -> list[Reply]:
    lang, tz = user.profile.language, user.profile.timezone
    today = local_day(deps.clock.now(), tz)
    for day in (today, today - timedelta(days=1)):
        found = await day_meals(deps.uow(), deps.clock, deps.game_rules, user.id, day)
        meal = next((m for m in found.summary.meals if m.id == meal_id), None)
        if meal is not None and found.is_open:
            estimate = Estimate(meal.items)
            shown = meal_entry.offer(deps, state, user, estimate, meal.description, meal.input_kind)
            if state.pending is not None:
                state.pending["replaces"] = int(meal_id)
            note = t(lang, "Change it with Edit, then Save: it replaces the meal of {day}.", day=day.isoformat())
            return [Reply(note + "\n" + shown.text, shown.buttons)]
    return [Reply(t(lang, GONE))]
