"""Pure reply builders: the one place that words the everyday answers, for every platform."""

from __future__ import annotations

import contextlib
import dataclasses
import math

from bots.common import units_text
from bots.common.i18n import N_, t
from bots.common.meal_type_text import grouped_meals
from bots.common.win_text import win_line
from core.errors import WinStreakError
from core.events import ProfileUpdated
from core.model.estimate import Estimate
from core.model.meal import ItemSource
from core.model.profile import Profile, Units
from core.rules.bmi import bmi, bmi_category
from core.rules.energy import daily_target
from core.rules.game_rules import GameRules
from core.services.today_summary import DaySummary


def progress_bar(value: float, target: float, width: int = 12) -> str:
    """A text bar such as ``▓▓▓▓▓░░░░░░░ 42%``; over 100 % it stays full and the share says so."""
    if target <= 0:
        return ""
    share = value / target
    filled = min(width, round(share * width))
    return "▓" * filled + "░" * (width - filled) + f" {share:.0%}"


def whole_parts(values: list[float]) -> list[int]:
    """Whole numbers that add up to the rounded sum of ``values`` (largest remainder first).

    So the kcal shown for the items add up exactly to the total shown: 143.4 + 64.4 -> 143 + 65 = 208.
    """
    total = round(sum(values))
    floors = [math.floor(v) for v in values]
    missing = total - sum(floors)
    order = sorted(range(len(values)), key=lambda k: (-(values[k] - floors[k]), k))
    for k in order[: max(0, missing)]:
        floors[k] += 1
    return floors


def as_shown(estimate: Estimate) -> Estimate:
    """The estimate with each item's kcal as shown (whole, adding up to the total), to be saved as seen.

    So the day's total, its meals and the "Saved … kcal" line are the numbers the user saw: 155 + 65 = 220 is
    saved as 220, not 219.5 (two such meals were listed as 220 + 258 under a day of 477).
    """
    shown = whole_parts([item.kcal for item in estimate.items])
    items = tuple(
        dataclasses.replace(
            item, kcal=float(kcal), low_kcal=min(item.low_kcal, kcal), high_kcal=max(item.high_kcal, kcal)
        )
        for item, kcal in zip(estimate.items, shown, strict=True)
    )
    return dataclasses.replace(estimate, items=items)


def estimate_text(lang: str, estimate: Estimate) -> str:
    """An estimate as the user sees it before saving."""
    lines = []
    if estimate.transcript:
        lines.append(t(lang, "🎙 I heard: “{text}”", text=estimate.transcript))
    if estimate.items:
        lines.append(t(lang, "Here is my estimate:"))
        shown = whole_parts([item.kcal for item in estimate.items])
        for n, (item, kcal) in enumerate(zip(estimate.items, shown, strict=True), 1):
            weight = f"{item.grams:.0f} g, " if item.grams > 0 else ""  # 0 g: only the kcal were known
            count = f"{item.count:g} × " if item.count else ""
            no_macros = item.source is ItemSource.MANUAL and not (item.protein_g or item.carbs_g or item.fat_g)
            macros = " " + t(
                lang,
                "(P {p} g · C {c} g · F {f} g)",
                p=f"{item.protein_g:.0f}",
                c=f"{item.carbs_g:.0f}",
                f=f"{item.fat_g:.0f}",
            )
            lines.append(f"{n}. {count}{item.name} — {weight}{kcal} kcal" + ("" if no_macros else macros))
        low, high = f"{estimate.low_kcal:.0f}", f"{estimate.high_kcal:.0f}"
        if low == high == str(sum(shown)):  # kcal the user gave (/add 350): no range to show, nor made-up macros
            lines.append(t(lang, "Total: {kcal} kcal", kcal=str(sum(shown))))
        else:
            lines.append(t(lang, "Total: {kcal} kcal (likely {low}–{high})", kcal=str(sum(shown)), low=low, high=high))
    elif estimate.unparsed or not estimate.notes:  # the notes say why when nothing was even read
        lines.append(t(lang, "I could not find any food I know in that."))
    if estimate.unparsed:
        lines.append(t(lang, "Not understood: {parts}", parts="; ".join(f"“{u}”" for u in estimate.unparsed)))
    lines.extend(t(lang, note) for note in estimate.notes)
    return "\n".join(lines)


def summary_text(
    lang: str, summary: DaySummary, tz_name: str, rules: GameRules | None = None, today: bool = True
) -> str:
    """A day's progress; with the game's ``rules``, where it stands against winning ("312 kcal left to win")."""
    lines = [f"📅 {summary.day.isoformat()}"]
    if summary.target_kcal is not None:
        bar = progress_bar(summary.kcal, summary.target_kcal)
        lines.append(f"{summary.kcal:.0f} / {summary.target_kcal} kcal  {bar}")
        remaining = summary.remaining_kcal or 0.0
        if rules is not None:
            lines.append(win_line(lang, summary.kcal, summary.target_kcal, rules, today))
        elif remaining >= 0:
            lines.append(t(lang, "{kcal} kcal left", kcal=f"{remaining:.0f}"))
        else:
            lines.append(t(lang, "{kcal} kcal over the target", kcal=f"{-remaining:.0f}"))
    else:
        lines.append(t(lang, "{kcal} kcal so far (finish /profile to get a daily target)", kcal=f"{summary.kcal:.0f}"))
    lines.append(
        t(
            lang,
            "Protein {p} g · Carbs {c} g · Fat {f} g",
            p=f"{summary.protein_g:.0f}",
            c=f"{summary.carbs_g:.0f}",
            f=f"{summary.fat_g:.0f}",
        )
    )
    if summary.meals:
        lines += grouped_meals(lang, summary.meals, tz_name)
    else:
        lines.append(t(lang, "No meals yet today. Describe what you ate, e.g. “2 eggs and toast”."))
    return "\n".join(lines)


UNIT_NAMES = {Units.METRIC: N_("metric (kg, cm)"), Units.IMPERIAL: N_("imperial (lb, ft/in)")}


def profile_text(lang: str, profile: Profile, year: int | None = None) -> str:
    """The profile as a short card; with the current ``year``, the daily target of a complete profile too."""

    def show(value: object, unit: str = "") -> str:
        if value is None:
            return "—"
        return (t(lang, str(value)) if isinstance(value, str) else f"{value:g}") + unit

    units = profile.units
    rate = ""
    if profile.goal not in (None, "maintain"):
        rate = " (" + t(lang, "{rate} a week", rate=units_text.rate(profile.rate_kg_per_week, units, lang)) + ")"
    height = units_text.height(profile.height_cm, units, lang) if profile.height_cm else None
    weight = units_text.weight(profile.weight_kg, units, lang) if profile.weight_kg else None
    goal_weight = units_text.weight(profile.goal_weight_kg, units, lang) if profile.goal_weight_kg else None
    lines = [
        t(lang, "Sex: {value}", value=show(profile.sex)),
        t(lang, "Born: {value}", value=show(profile.birth_year)),
        t(lang, "Height: {value}", value=height or "—"),
        t(lang, "Weight: {value}", value=weight or "—"),
        t(lang, "Activity: {value}", value=show(profile.activity)),
        t(lang, "Goal: {value}", value=show(profile.goal)) + rate,
        t(lang, "Goal weight: {value}", value=goal_weight or "—"),
        t(lang, "Time zone: {value}", value=profile.timezone),
        t(lang, "Language: {value}", value=profile.language),
        t(lang, "Units: {value}", value=t(lang, UNIT_NAMES[units])),
    ]
    if profile.height_cm and profile.weight_kg:
        value = round(bmi(profile.weight_kg, profile.height_cm), 1)  # the category of the number shown
        lines.append(
            t(
                lang,
                "BMI: {value} ({category})",
                value=units_text.decimal(value, lang, fixed=True),
                category=t(lang, bmi_category(value).value),
            )
        )
    if year is not None and profile.is_complete:
        with contextlib.suppress(WinStreakError):  # an unsafe goal: the reply to /profile rate=… said why
            lines.append(t(lang, "Daily target: {kcal} kcal", kcal=daily_target(profile, year).kcal))
    return "\n".join(lines)


def target_text(lang: str, update: ProfileUpdated) -> str:
    """What changed in the daily target after a profile update."""
    if update.target is None:
        return t(lang, "Saved. Your profile is not complete yet: {fields}.", fields=", ".join(update.profile.missing()))
    target = update.target
    text = t(
        lang,
        "🎯 Your daily target: {kcal} kcal. BMR {bmr} × activity = {tdee} kcal maintenance.",
        kcal=target.kcal,
        bmr=f"{target.bmr:.0f}",
        tdee=f"{target.tdee:.0f}",
    )
    if target.goal_delta:
        text += " " + t(lang, "{delta} kcal/day for your goal.", delta=f"{target.goal_delta:+.0f}")
    if target.floored:
        text += " " + t(lang, "Raised to the safe minimum for your sex.")
    previous = update.previous_target_kcal
    if previous is not None and previous != target.kcal:
        text += "\n" + t(lang, "(It was {kcal} kcal.)", kcal=previous)
    return text


HELP = N_(
    """WinStreak — log what you eat, stay within your target, keep your streak.
• Describe a meal in words (“2 eggs, toast and a black coffee”), send a photo, a barcode or a voice note
• /today — today's progress · /undo — delete your last meal of today
• /food banana — search the food database
• /weight 81.5 — log your weight · /weight — weight and BMI chart
• /history — this week's chart (/history 1 for last week)
• /streak · /rank · /trophies · /rules — your game
• /profile — show or change your profile, e.g. /profile weight=80kg activity=light
• /settings — language, reminders, daily result time
• /export · /deleteme · /link — your data and accounts
• In a group: /setup (admins), /join, /leave, /leaderboard
• /start — set up your profile step by step · /help — this message"""
)


def help_text(lang: str, extra_lines: tuple[str, ...] = ()) -> str:
    """The command list, with lines that registered features add."""
    return "\n".join([t(lang, HELP), *(t(lang, line) for line in extra_lines)])
