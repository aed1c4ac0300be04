"""/meals [today|yesterday|DATE]: a day's meals by type, with Edit, Delete and Move buttons while the day is open.

``/meals delete N`` deletes one; ``/meals edit N`` puts it up as the pending estimate, and Save replaces it
(same day and time); ``/meals move N [DAY]`` moves it to the other open day (today ↔ yesterday until
yesterday's close-out). A typed N is the number shown in the last list sent to this chat (today's list when
none was shown; the reply names the day); the buttons carry ``#ID``, the meal's own id, so a button acts on its
meal whatever was listed since. A closed day is listed without buttons: after its close-out a day is final.
``/meals yesterday-save STAMP`` is the estimate's "📅 Save for yesterday" button (see ``past_days``).
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from bots.common.deps import BotDeps
from bots.common.flows import meal_entry, past_days
from bots.common.flows.handler import Request, command
from bots.common.i18n import N_, t
from bots.common.meal_type_text import NAMES, meal_line, meal_type_of
from bots.common.messages import Button, Reply
from bots.common.state import ChatState
from core.item_lists import joined_names
from core.model import MealId, UserAccount
from core.model.estimate import Estimate
from core.rules.days import local_day
from core.rules.open_days import open_days
from core.services.day_meals import day_meals, delete_meal
from core.services.food_names import localized_items, localized_meals
from core.services.log_meal import GONE
from core.services.move_meal import move_meal

TODAY = ("", "today", "aujourd'hui", "aujourd’hui")
YESTERDAY = ("yesterday", "hier")
USAGE = N_("Write /meals, /meals yesterday or /meals 2026-06-01.")
MOVE_USAGE = N_("Write /meals move and the meal's number in the list, e.g. /meals move 2 yesterday.")
ACT_USAGE = N_("Write /meals delete or /meals edit and the meal's number in the list, e.g. /meals delete 2.")
NOT_LISTED = N_("There is no meal {n} in the list of {day}, so nothing was changed. Send /meals to see the numbers.")
PICKED = N_("Meal {n} of the list of {day}:")
LISTED = "meals_listed"
STALE = N_("That button belongs to an older message, so nothing was changed. Use the newest one.")


def day_named(text: str, today: date) -> date | None:
    """The day ``text`` names (nothing or ``today``, ``yesterday``/``hier``, or an ISO date), else None."""
    word = text.strip().lower()
    if word in TODAY:
        return today
    if word in YESTERDAY:
        return today - timedelta(days=1)
    try:
        return date.fromisoformat(word)
    except ValueError:
        return None


async def _listing(deps: BotDeps, state: ChatState, user: UserAccount, day: date) -> Reply:
    lang, tz = user.profile.language, user.profile.timezone
    other = [d for d in open_days(tz, deps.clock.now(), deps.game_rules) if d != day]
    found = await day_meals(deps.uow(), deps.clock, deps.game_rules, user.id, day)
    meals = await localized_meals(deps.catalog, found.summary.meals, lang)
    lines = [t(lang, "📅 Meals of {day}: {kcal} kcal", day=day.isoformat(), kcal=f"{found.summary.kcal:.0f}")]
    if not meals:
        lines.append(t(lang, "No meals logged that day."))
    for n, meal in enumerate(meals, 1):
        lines.append(f"{n}. {t(lang, NAMES[meal_type_of(meal, tz)])} · {meal_line(lang, meal, tz)}")
    state.extra[LISTED] = {"day": day.isoformat(), "ids": [int(meal.id or 0) for meal in meals]}
    if not found.is_open:
        lines.append(t(lang, "This day is closed: its meals are final. See /rules."))
        return Reply("\n".join(lines))
    if meals and other:
        lines.append(t(lang, "📅 Move puts a meal on {day}, the other day still open.", day=other[0].isoformat()))
    rows = tuple(
        (
            Button(t(lang, "✏️ Edit {n}", n=n), f"/meals edit #{meal.id}"),
            Button(t(lang, "🗑 Delete {n}", n=n), f"/meals delete #{meal.id}"),
            *(Button(t(lang, "📅 Move {n}", n=n), f"/meals move #{meal.id} {d.isoformat()}") for d in other),
        )
        for n, meal in enumerate(meals, 1)
    )
    return Reply("\n".join(lines), rows)


async def _picked(req: Request, ref: str, today: date) -> tuple[MealId, str] | Reply | None:
    """The meal a button (``#ID``) or a typed number (position in the last list, else today's) names, and a note."""
    if ref.startswith("#") and ref[1:].isdigit():
        return MealId(int(ref[1:])), ""
    if not ref.isdigit():
        return None
    listed = req.state.extra.get(LISTED)
    if not isinstance(listed, dict):
        found = await day_meals(req.deps.uow(), req.deps.clock, req.deps.game_rules, req.user.id, today)
        listed = {"day": today.isoformat(), "ids": [int(meal.id or 0) for meal in found.summary.meals]}
    n, ids, day = int(ref), listed.get("ids", []), str(listed.get("day", ""))
    if not 1 <= n <= len(ids):
        return Reply(t(req.lang, NOT_LISTED, n=n, day=day))
    return MealId(int(ids[n - 1])), t(req.lang, PICKED, n=n, day=day) + "\n"


@command
async def meals(req: Request) -> list[Reply]:
    """List a day's meals, or delete, edit or move one of an open day."""
    deps, user, lang = req.deps, req.user, req.lang
    action, _, target = req.args.strip().partition(" ")
    action = action.lower()
    today = local_day(deps.clock.now(), user.profile.timezone)
    if action == past_days.SAVE_YESTERDAY:
        return await _save_for_yesterday(req, target.strip(), today)
    if action in ("delete", "edit", "move"):
        ref, _, day_text = target.strip().partition(" ")
        to_day = day_named(day_text, today) if day_text.strip() else None
        picked = await _picked(req, ref, today)
        if picked is None or (action == "move" and day_text.strip() and to_day is None):
            return [Reply(t(lang, MOVE_USAGE if action == "move" else ACT_USAGE))]
        if isinstance(picked, Reply):
            return [picked]
        meal_id, note = picked
        if action == "move":
            replies = await _move(deps, req.state, user, meal_id, to_day, today)
        elif action == "delete":
            gone = await delete_meal(deps.uow(), deps.clock, deps.game_rules, user.id, meal_id)
            names = joined_names(item.name for item in await localized_items(deps.catalog, gone.items, lang))
            removed = t(lang, "🗑 Deleted {kcal} kcal ({names}).", kcal=f"{gone.kcal:.0f}", names=names)
            replies = [Reply(removed), await _listing(deps, req.state, user, gone.local_day)]
        else:
            replies = await _edit(deps, req.state, user, meal_id)
        return [dataclasses.replace(replies[0], text=note + replies[0].text), *replies[1:]]
    day = day_named(req.args, today)
    if day is None:
        return [Reply(t(lang, USAGE))]
    return [await _listing(deps, req.state, user, day)]


async def _edit(deps: BotDeps, state: ChatState, user: UserAccount, meal_id: MealId) -> list[Reply]:
    lang, tz = user.profile.language, user.profile.timezone
    today = local_day(deps.clock.now(), tz)
    for day in (today, today - timedelta(days=1)):
        found = await day_meals(deps.uow(), deps.clock, deps.game_rules, user.id, day)
        meal = next((m for m in found.summary.meals if m.id == meal_id), None)
        if meal is not None and found.is_open:
            estimate = Estimate(await localized_items(deps.catalog, meal.items, lang))
            shown = meal_entry.offer(deps, state, user, estimate, meal.description, meal.input_kind)
            if state.pending is not None:
                state.pending["replaces"] = int(meal_id)
            note = t(lang, "Change it with Edit, then Save: it replaces the meal of {day}.", day=day.isoformat())
            return [Reply(note + "\n" + shown.text, shown.buttons)]
    return [Reply(t(lang, GONE))]


async def _move(
    deps: BotDeps, state: ChatState, user: UserAccount, meal_id: MealId, to_day: date | None, today: date
) -> list[Reply]:
    """Move the meal to ``to_day`` (the Move button names it), or else to the other open day."""
    lang = user.profile.language
    if to_day is None:  # the other open day: yesterday for a meal of today, else today
        found = await day_meals(deps.uow(), deps.clock, deps.game_rules, user.id, today)
        here = any(meal.id == meal_id for meal in found.summary.meals)
        to_day = today - timedelta(days=1) if here else today
    moved = await move_meal(deps.uow(), deps.clock, deps.game_rules, user.id, meal_id, to_day)
    moved_items = await localized_items(deps.catalog, moved.after.items, lang)
    text = t(
        lang,
        "📅 Moved {kcal} kcal ({names}) from {old} to {new}.",
        kcal=f"{moved.after.kcal:.0f}",
        names=joined_names(item.name for item in moved_items),
        old=moved.before.local_day.isoformat(),
        new=moved.after.local_day.isoformat(),
    )
    return [Reply(text), await _listing(deps, state, user, moved.after.local_day)]


async def _save_for_yesterday(req: Request, stamp: str, today: date) -> list[Reply]:
    """The estimate's "📅 Save for yesterday" button: Save, filed under yesterday (refused once it is closed)."""
    state = req.state
    if state.pending is None or stamp != past_days.estimate_stamp(state):
        return [Reply(t(req.lang, STALE))]
    state.pending["day"] = (today - timedelta(days=1)).isoformat()
    replies = await meal_entry.choose(req.with_args("save"))  # a refused Save answers, and the estimate stays
    if state.pending is not None:  # not saved (yesterday closed meanwhile): the estimate stays one for today
        state.pending.pop("day", None)
    return replies
