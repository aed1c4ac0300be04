"""Exercise: "I ran 5 km", "30 min cycling", ``/exercise 45 min swimming`` → an estimate with Save / Cancel.

The estimate waits in the chat state (``state.extra[PENDING]``) until Save stores it; /today shows the day's
exercise and, when the user turned it on (``/settings exercise on``), the budget it adds
(core.rules.exercise_budget). Free text reaches :func:`exercise` through the conversation when
core.exercise.words reads an exercise in it; everything else stays a meal. "yesterday …" / "hier …" logs for
yesterday while it is open (``core.rules.open_days``); ``/exercise [DAY]``, ``edit`` and ``delete`` are in
``exercise_days``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from bots.common import units_text
from bots.common.flows import exercise_days, past_days
from bots.common.flows.exercise_today import NOT_COUNTED, day_lines, exercise_log
from bots.common.flows.handler import Command, Request, command
from bots.common.i18n import N_, t
from bots.common.messages import Button, Reply
from bots.common.state import ChatState
from core.errors import InvalidValue
from core.exercise.activities import BY_KEY
from core.exercise.burn import Burn
from core.exercise.words import read_exercise
from core.model.exercise import ExerciseEntry
from core.model.profile import Units
from core.rules.exercise_budget import CAP_KCAL, SHARE_PERCENT
from core.rules.open_days import days_back_in
from core.services.estimate_exercise import estimate_exercise
from core.services.exercise_days import change_exercise, check_open
from core.services.log_exercise import log_exercise
from core.services.undo_exercise import undo_last_exercise

PENDING = "exercise_pending"
UNDO_WORDS = frozenset({"undo", "delete", "remove", "annuler la dernière", "supprimer", "défaire"})
USAGE = N_(
    "Tell me an exercise with a time or a distance, e.g. “/exercise 45 min swimming”, “I ran 5 km”, "
    "“30 min cycling” or “j'ai couru 5 km”. /exercise undo removes today's last one."
)
CHANGED = N_("✏️ Changed {activity}: {old} → {new} kcal.")
SAVED_FOR = N_("✅ Saved {activity}: {kcal} kcal, for {day}.")
NOTHING_WAITING = N_("There is no exercise waiting. Describe one, e.g. “/exercise 30 min cycling”.")
EXPIRED = N_("That estimate expired after {minutes} minutes; nothing was saved. Send the exercise again.")
COUNTS = N_("Exercise raises your day's budget by {share} % of its kcal, at most {cap} kcal a day.")


def _pending(
    state: ChatState, estimate: Burn, now: datetime, day: date | None = None, replaces: int | None = None
) -> None:
    state.extra[PENDING] = {
        "activity": estimate.activity.key, "minutes": estimate.minutes, "distance_km": estimate.distance_km,
        "weight_kg": estimate.weight_kg, "kcal": estimate.kcal, "from_distance": estimate.minutes_from_distance,
        "since": now.isoformat(), "day": day.isoformat() if day else None, "replaces": replaces,
    }  # fmt: skip


def _burn(data: dict[str, Any]) -> Burn:
    activity = BY_KEY[str(data["activity"])]
    distance = data.get("distance_km")
    return Burn(
        activity, float(data["minutes"]), None if distance is None else float(distance), float(data["weight_kg"]),
        int(data["kcal"]), bool(data.get("from_distance")),
    )  # fmt: skip


def estimate_text(lang: str, estimate: Burn, counts: bool, units: Units = Units.METRIC) -> str:
    """The estimate as shown before Save: what, how long, the kcal and where the number comes from.

    Distances, speeds and the weight are worded in the user's ``units`` (km or mi, kg or lb).
    """
    activity = estimate.activity
    lines = [
        t(lang, "🏃 {activity}: {minutes} min → about {kcal} kcal burned", activity=t(lang, activity.name),
          minutes=f"{estimate.minutes:.0f}", kcal=estimate.kcal),
    ]  # fmt: skip
    if estimate.minutes_from_distance and estimate.distance_km is not None and activity.speed_kmh:
        lines.append(
            t(
                lang,
                "({distance} at a typical {speed})",
                distance=units_text.distance(estimate.distance_km, units, lang),
                speed=units_text.speed(activity.speed_kmh, units, lang),
            )
        )
    lines.append(
        t(lang, "MET {met} (Compendium code {code}) − 1 at rest × {weight} × the time.",
          met=units_text.decimal(activity.met, lang), code=activity.code,
          weight=units_text.weight(estimate.weight_kg, units, lang))
    )  # fmt: skip
    lines.append(t(lang, COUNTS, share=SHARE_PERCENT, cap=CAP_KCAL) if counts else t(lang, NOT_COUNTED))
    return "\n".join(lines)


def estimate_buttons(lang: str) -> tuple[tuple[Button, ...], ...]:
    """Save / Cancel under an exercise estimate (they run ``/exercise save`` and ``/exercise cancel``)."""
    return ((Button(t(lang, "Save"), "/exercise save"), Button(t(lang, "Cancel"), "/exercise cancel")),)


async def _choose(req: Request, choice: str) -> list[Reply]:
    lang, state, deps = req.lang, req.state, req.deps
    data = state.extra.pop(PENDING, None)
    if not isinstance(data, dict):
        return [Reply(t(lang, NOTHING_WAITING))]
    if deps.clock.now() - datetime.fromisoformat(str(data["since"])) > timedelta(minutes=deps.estimate_ttl_minutes):
        return [Reply(t(lang, EXPIRED, minutes=deps.estimate_ttl_minutes))]
    if choice == "cancel":
        return [Reply(t(lang, "Cancelled — nothing was saved."))]
    estimate, log = _burn(data), exercise_log(req)
    name, replaces, day = t(lang, estimate.activity.name), data.get("replaces"), data.get("day")
    if isinstance(replaces, int):
        before, after = await change_exercise(log, deps.clock, deps.game_rules, req.user, replaces, estimate)
        changed = t(lang, CHANGED, activity=name, old=before.kcal, new=after.kcal)
        return [Reply(changed), await exercise_days.listing(req, after.local_day)]
    on_day = date.fromisoformat(day) if isinstance(day, str) else None
    try:
        entry = await log_exercise(log, deps.clock, req.user, estimate, on_day, deps.game_rules)
    except InvalidValue:  # the day closed meanwhile: the reply says so, and the estimate stays, now for today
        state.extra[PENDING] = {**data, "day": None}
        raise
    if entry.local_day != exercise_days.today_of(req):
        saved = t(lang, SAVED_FOR, activity=name, kcal=estimate.kcal, day=entry.local_day.isoformat())
        return [Reply(saved), await exercise_days.listing(req, entry.local_day)]
    saved = t(lang, "✅ Saved {activity}: {kcal} kcal.", activity=name, kcal=estimate.kcal)
    return [Reply(saved + "\n\n" + "\n".join(await day_lines(req, standing=True)))]


async def _undo(req: Request) -> list[Reply]:
    lang = req.lang
    removed = await undo_last_exercise(exercise_log(req), req.deps.clock, req.user)
    name = t(lang, BY_KEY[removed.activity].name) if removed.activity in BY_KEY else removed.activity
    text = t(lang, "↩️ Removed {activity} {minutes} min ({kcal} kcal).", activity=name,
             minutes=f"{removed.minutes:.0f}", kcal=removed.kcal)  # fmt: skip
    lines = await day_lines(req, standing=True)
    return [Reply("\n\n".join([text, "\n".join(lines)]) if lines else text)]


def _offer(req: Request, estimate: Burn, counts: bool, note: str = "", **where: Any) -> list[Reply]:
    """The estimate with Save / Cancel, kept as the pending exercise (``where``: its day, the entry it replaces)."""
    lang = req.lang
    text = estimate_text(lang, estimate, counts, req.user.profile.units)
    if note:
        text = note + "\n" + text
    if PENDING in req.state.extra:
        text = t(lang, "(The previous unsaved exercise was discarded.)") + "\n" + text
    _pending(req.state, estimate, req.deps.clock.now(), **where)
    return [Reply(text, estimate_buttons(lang))]


async def _edit(req: Request, target: str) -> list[Reply]:
    entry_text, _, words = target.strip().partition(" ")
    if not entry_text.isdigit():
        return [Reply(t(req.lang, USAGE))]
    found = await exercise_days.edit(req, int(entry_text), words)
    return found if isinstance(found, list) else await _offer_edit(req, *found)


async def _offer_edit(req: Request, entry: ExerciseEntry, estimate: Burn) -> list[Reply]:
    counts = await exercise_log(req).counts_in_budget(req.user.id)
    note = t(req.lang, exercise_days.EDIT_NOTE, day=entry.local_day.isoformat())
    return _offer(req, estimate, counts, note, day=entry.local_day, replaces=entry.id)


async def typed_edit(req: Request) -> list[Reply] | None:
    """A time or distance typed right after ✏️ Edit of an exercise ("45 min"): its changed estimate, else None."""
    entry_id = exercise_days.edit_asked(req)
    if entry_id is None:
        return None
    found = await exercise_days.edit(req, entry_id, req.args)
    if isinstance(found, list):  # not a time or distance of it ("2 eggs"): goes on as usual
        req.state.extra.pop(exercise_days.EDITING, None)
        return None
    return await _offer_edit(req, *found)


@command
async def exercise(req: Request) -> list[Reply]:
    """``/exercise 45 min swimming`` (or free text read as exercise): the estimate with Save / Cancel.

    ``/exercise`` alone (or with a day) lists that day's exercise; ``yesterday …`` logs for yesterday while it is open.
    """
    lang, words = req.lang, req.args.strip()
    action, _, target = words.partition(" ")
    if words.lower() in ("save", "cancel"):
        return await _choose(req, words.lower())
    if words.lower() in UNDO_WORDS:
        return await _undo(req)
    if action.lower() == "delete" and target.strip().isdigit():
        return await exercise_days.delete(req, int(target))
    if action.lower() == "edit":
        return await _edit(req, target)
    log, today = exercise_log(req), exercise_days.today_of(req)
    listed = exercise_days.day_asked(words, today)
    if listed is not None:
        return [await exercise_days.listing(req, listed, hint=True)]
    days_back, rest = days_back_in(words)
    said = read_exercise(rest) if rest else None
    if said is None:
        return [Reply(t(lang, USAGE))]
    day = today - timedelta(days=days_back) if days_back else None
    if day is not None:
        check_open(day, req.user, req.deps.clock, req.deps.game_rules)
    estimate = await estimate_exercise(req.deps.uow(), req.user.id, said)
    note = past_days.day_note(lang, day) if day is not None else ""
    return _offer(req, estimate, await log.counts_in_budget(req.user.id), note, day=day)


def exercise_commands() -> dict[str, Command]:
    """The /exercise command."""
    return {"exercise": exercise}
