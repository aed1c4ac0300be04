"""Exercise in /today and /settings: the day's exercise and its budget, and ``/settings exercise on|off``."""

from __future__ import annotations

from bots.common.flows import settings_card
from bots.common.flows.handler import Command, Request, command
from bots.common.i18n import N_, t
from bots.common.messages import Button, Reply
from bots.common.win_text import win_line
from core.errors import InvalidValue
from core.exercise.activities import BY_KEY
from core.ports import ExerciseLog
from core.rules.exercise_budget import CAP_KCAL, SHARE_PERCENT
from core.services.day_meals import today_of
from core.services.exercise_day import exercise_day
from core.services.today_summary import today_summary

NOT_HERE = N_("Exercise cannot be logged here.")
NOT_COUNTED = N_("Exercise does not change your budget (turn that on with /settings exercise on).")
SETTING_ON = N_("Exercise raises the day's budget: on ({share} % of its kcal, at most {cap} kcal a day)")
SETTING_OFF = N_("Exercise raises the day's budget: off")
SETTING_HINT = N_("Change with /settings exercise on or /settings exercise off")
ON_WORDS = frozenset({"on", "yes", "oui", "true", "1"})
OFF_WORDS = frozenset({"off", "no", "non", "false", "0"})


def exercise_log(req: Request) -> ExerciseLog:
    """The exercise store, or a clear error where none is wired."""
    if req.deps.exercise is None:
        raise InvalidValue("exercise", NOT_HERE)
    return req.deps.exercise


def _name(lang: str, key: str) -> str:
    return t(lang, BY_KEY[key].name) if key in BY_KEY else key


async def day_lines(req: Request, standing: bool = False) -> list[str]:
    """Today's exercise (one line each, then the total) and what it does to the day's budget.

    With ``standing``, also where the day stands against that budget (/today's summary shows that already).
    """
    lang, deps, user = req.lang, req.deps, req.user
    day = today_of(user.profile.timezone, deps.clock)
    done = await exercise_day(exercise_log(req), user.id, day)
    if not done.entries:
        return []
    parts = [
        t(lang, "{activity} {minutes} min ({kcal} kcal)", activity=_name(lang, e.activity), minutes=f"{e.minutes:.0f}",
          kcal=e.kcal)
        for e in done.entries
    ]  # fmt: skip
    lines = [t(lang, "🏃 Exercise today: {parts} — {kcal} kcal", parts=", ".join(parts), kcal=done.kcal)]
    if not done.counts:
        return [*lines, t(lang, NOT_COUNTED)]
    summary = await today_summary(deps.uow(), deps.clock, user.id)
    if summary.target_kcal is None:
        return lines
    budget = summary.target_kcal + done.allowance
    lines.append(
        t(lang, "It adds {allowance} kcal to today's budget: {budget} kcal (target {target}).",
          allowance=done.allowance, budget=budget, target=summary.target_kcal)
    )  # fmt: skip
    if standing:
        lines.append(win_line(lang, summary.kcal, budget, deps.game_rules))
    return lines


def with_exercise_today(inner: Command) -> Command:
    """/today followed by the day's exercise block (nothing is added on a day without exercise)."""

    @command
    async def today(req: Request) -> list[Reply]:
        replies = await inner(req)
        if req.deps.exercise is None or not replies:
            return replies
        lines = await day_lines(req)
        if lines:
            last = replies[-1]
            replies[-1] = Reply(last.text + "\n\n" + "\n".join(lines), last.buttons, last.image, last.image_name,
                                last.document, last.document_name)  # fmt: skip
        return replies

    return today


def setting_text(lang: str, on: bool) -> str:
    """The exercise part of /settings."""
    state = t(lang, SETTING_ON, share=SHARE_PERCENT, cap=CAP_KCAL) if on else t(lang, SETTING_OFF)
    return state + "\n" + t(lang, SETTING_HINT)


def setting_button(lang: str, on: bool) -> tuple[Button, ...]:
    """The toggle."""
    if on:
        return (Button(t(lang, "Exercise: stop raising the budget"), "/settings exercise off"),)
    return (Button(t(lang, "Exercise: raise the budget"), "/settings exercise on"),)


def settings_with_exercise(inner: Command) -> Command:
    """/settings: ``exercise on|off`` here, everything else to ``inner``; the settings card gets the exercise line."""

    @command
    async def settings(req: Request) -> list[Reply]:
        lang, words = req.lang, req.args.lower().split()
        if len(words) == 2 and words[0] in ("exercise", "exercice", "sport"):
            if words[1] not in ON_WORDS | OFF_WORDS:
                raise InvalidValue("exercise", N_("Say /settings exercise on or /settings exercise off."))
            on = words[1] in ON_WORDS
            await exercise_log(req).set_counts_in_budget(req.user.id, on)
            return [Reply(t(lang, "Saved.") + "\n" + setting_text(lang, on), (setting_button(lang, on),))]
        replies = await inner(req)
        if not words and replies and req.deps.exercise is not None:
            on = await req.deps.exercise.counts_in_budget(req.user.id)
            replies[-1] = settings_card.with_section(
                lang, replies[-1], setting_text(lang, on), (setting_button(lang, on),)
            )
        return replies

    return settings
