"""Exercise of an open day: ``/exercise [today|yesterday|DATE]`` lists it with Edit and Delete buttons.

``/exercise delete ID`` deletes one; ``/exercise edit ID`` asks for the new time or distance, and
``/exercise edit ID 45 min`` (or ``5 km``, or just ``45 min`` typed after the ✏️ Edit button) shows the changed
estimate with Save / Cancel; Save replaces the exercise in place (same day, same moment). Only today and
yesterday until its close-out may change (``core.services.exercise_days``, the rule meals follow); a closed day
is listed without buttons. Numbered choices stand for the buttons in the terminal.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from bots.common import units_text
from bots.common.flows.exercise_today import exercise_log
from bots.common.flows.handler import Request
from bots.common.flows.meals import day_named
from bots.common.i18n import N_, t
from bots.common.messages import Button, Reply
from core.exercise.activities import BY_KEY
from core.exercise.burn import Burn, burn
from core.exercise.words import read_exercise
from core.model.exercise import ExerciseEntry
from core.rules.days import local_day
from core.services.exercise_days import delete_exercise, exercise_list, open_entry

TITLE = N_("🏃 Exercise of {day}: {kcal} kcal")
NONE_THAT_DAY = N_("No exercise logged that day.")
CLOSED_DAY = N_("This day is closed: its exercise is final. See /rules.")
LOG_HINT = N_(
    "Log one with “/exercise 30 min cycling”; for yesterday while it is open, “/exercise yesterday 5 km run”."
)
EDIT_HINT = N_(
    "Type the new time or distance of {activity}, e.g. “45 min” or “5 km” (or send “/exercise edit {id} 45 min”)."
)
EDITING = "exercise_editing"  # state.extra: the entry whose ✏️ Edit was pressed, so "45 min" typed next edits it
EDIT_MINUTES = 30
EDIT_NOTE = N_("Save replaces the exercise of {day}.")
DELETED = N_("🗑 Deleted {activity} {minutes} min ({kcal} kcal).")


def day_asked(words: str, today: date) -> date | None:
    """The day ``words`` name (as for /meals, and ``list``/``liste`` is today), else None."""
    return today if words.strip().lower() in ("list", "liste") else day_named(words, today)


def name_of(lang: str, key: str) -> str:
    """An activity's name in ``lang`` (the stored key when the table no longer has it)."""
    return t(lang, BY_KEY[key].name) if key in BY_KEY else key


def _line(req: Request, n: int, entry: ExerciseEntry) -> str:
    lang = req.lang
    text = t(lang, "{activity} {minutes} min ({kcal} kcal)", activity=name_of(lang, entry.activity),
             minutes=f"{entry.minutes:.0f}", kcal=entry.kcal)  # fmt: skip
    if entry.distance_km is not None:
        text += " · " + units_text.distance(entry.distance_km, req.user.profile.units, req.lang)
    return f"{n}. {text}"


async def listing(req: Request, day: date, hint: bool = False) -> Reply:
    """The day's exercises, with ✏️ Edit and 🗑 Delete buttons while the day is open."""
    lang, deps = req.lang, req.deps
    found = await exercise_list(exercise_log(req), deps.clock, deps.game_rules, req.user, day)
    kcal = sum(entry.kcal for entry in found.entries)
    lines = [t(lang, TITLE, day=day.isoformat(), kcal=kcal)]
    if not found.entries:
        lines.append(t(lang, NONE_THAT_DAY))
    lines += [_line(req, n, entry) for n, entry in enumerate(found.entries, 1)]
    if not found.is_open:
        lines.append(t(lang, CLOSED_DAY))
        return Reply("\n".join(lines))
    if hint:
        lines.append(t(lang, LOG_HINT))
    rows = tuple(
        (
            Button(t(lang, "✏️ Edit {n}", n=n), f"/exercise edit {entry.id}"),
            Button(t(lang, "🗑 Delete {n}", n=n), f"/exercise delete {entry.id}"),
        )
        for n, entry in enumerate(found.entries, 1)
        if entry.id is not None
    )
    return Reply("\n".join(lines), rows)


def today_of(req: Request) -> date:
    """The user's local day now."""
    return local_day(req.deps.clock.now(), req.user.profile.timezone)


async def delete(req: Request, entry_id: int) -> list[Reply]:
    """``/exercise delete ID``: gone (while its day is open), then the day's list."""
    deps, lang = req.deps, req.lang
    gone = await delete_exercise(exercise_log(req), deps.clock, deps.game_rules, req.user, entry_id)
    text = t(lang, DELETED, activity=name_of(lang, gone.activity), minutes=f"{gone.minutes:.0f}", kcal=gone.kcal)
    return [Reply(text), await listing(req, gone.local_day)]


def _new_words(entry: ExerciseEntry, words: str) -> str:
    """The activity's own word before the new time or distance; a bare number is minutes."""
    activity = BY_KEY[entry.activity].words[0] if entry.activity in BY_KEY else entry.activity
    words = words.strip()
    if re.fullmatch(r"\d{1,4}(?:[.,]\d+)?", words):
        words += " min"
    return f"{activity} {words}"


async def edit(req: Request, entry_id: int, words: str) -> tuple[ExerciseEntry, Burn] | list[Reply]:
    """``/exercise edit ID [time or distance]``: the hint, or the entry and its new estimate (at its stored weight)."""
    deps, lang = req.deps, req.lang
    entry = await open_entry(exercise_log(req), deps.clock, deps.game_rules, req.user, entry_id)
    said = read_exercise(_new_words(entry, words)) if words.strip() else None
    if said is None or said.activity.key != entry.activity:
        req.state.extra[EDITING] = {"id": entry_id, "at": deps.clock.now().isoformat()}
        return [Reply(t(lang, EDIT_HINT, activity=name_of(lang, entry.activity), id=entry_id))]
    req.state.extra.pop(EDITING, None)
    return entry, burn(said, entry.weight_kg)


def edit_asked(req: Request) -> int | None:
    """The entry whose new time or distance ``req.args`` is ("45 min", "5 km", "40" typed after ✏️ Edit), else None.

    The question lasts ``EDIT_MINUTES``; any other message ends it and goes on as usual (a meal, a command…).
    """
    asked = req.state.extra.pop(EDITING, None)
    if not isinstance(asked, dict) or not isinstance(asked.get("id"), int):
        return None
    since = datetime.fromisoformat(str(asked.get("at")))
    words = req.args.strip().split()
    fresh = req.deps.clock.now() - since <= timedelta(minutes=EDIT_MINUTES)
    looks_like_amount = 0 < len(words) <= 3 and words[0][0].isdigit()
    return int(asked["id"]) if fresh and looks_like_amount else None
