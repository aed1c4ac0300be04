"""The words under the progress charts: a week's numbers, the weight summary and the tip."""

from __future__ import annotations

from bots.common import units_text
from bots.common.i18n import t
from bots.common.progress_labels import bmi_label, long_date, weekday_name
from core.model.profile import Units
from core.progress.goal import EtaKind, GoalEta
from core.progress.tips import Tip, TipKind
from core.services.weekly_history import WeekReport
from core.services.weight_progress import WeightReport


def week_text(lang: str, report: WeekReport) -> str:
    """The week's numbers: average kcal, days won, macro split, weight change, streak."""
    stats = report.stats
    when = long_date(lang, report.monday) + " – " + long_date(lang, report.sunday)
    lines = [t(lang, "📊 Week {dates}", dates=when)]
    if stats.average_kcal is None:
        lines.append(t(lang, "Average: no finished day with meals yet."))
    elif report.target_kcal:
        lines.append(t(lang, "Average: {kcal} kcal a day (target {target})", kcal=f"{stats.average_kcal:.0f}",
                       target=report.target_kcal))  # fmt: skip
    else:
        lines.append(t(lang, "Average: {kcal} kcal a day", kcal=f"{stats.average_kcal:.0f}"))
    if report.target_kcal is None:
        lines.append(t(lang, "Finish /profile to get a daily target and win days."))
    else:
        lines.append(t(lang, "Days won: {won} of {closed}", won=stats.days_won, closed=stats.days_closed))
    if stats.macros is not None:
        m = stats.macros
        lines.append(t(lang, "Macros: protein {p} % · carbs {c} % · fat {f} %", p=f"{m.protein_pct:.0f}",
                       c=f"{m.carbs_pct:.0f}", f=f"{m.fat_pct:.0f}"))  # fmt: skip
    if stats.weight_change_kg is not None:
        change = units_text.weight_change(stats.weight_change_kg, report.user.profile.units, lang)
        lines.append(t(lang, "Weight: {change} over the week", change=change))
    lines.append(t(lang, "Streak of won days: {days}", days=stats.streak))
    return "\n".join(lines)


def tip_text(lang: str, tip: Tip) -> str:
    """One concrete tip, with the evidence it comes from."""
    day = weekday_name(lang, tip.weekday, plural=True) if tip.weekday is not None else ""
    texts = {
        TipKind.START_LOGGING: lambda: t(lang, "💡 Log your meals on at least three days: then I can spot patterns."),
        TipKind.OVER_ON_WEEKDAY: lambda: t(
            lang,
            "💡 {day} usually go over: {count} of the last {total}, by {kcal} kcal on average. "
            "Plan that day's meals in the morning.",
            day=day,
            count=tip.count,
            total=tip.out_of,
            kcal=f"{tip.amount:.0f}",
        ),
        TipKind.MISSED_ON_WEEKDAY: lambda: t(
            lang,
            "💡 {day} are often not logged ({count} of the last {total}). A quick note after each meal "
            "keeps the streak alive.",
            day=day,
            count=tip.count,
            total=tip.out_of,
        ),
        TipKind.OFTEN_UNDER: lambda: t(
            lang,
            "💡 {count} of your {total} logged days were under 60 % of the target. Eating too little "
            "backfires: add a snack with protein.",
            count=tip.count,
            total=tip.out_of,
        ),
        TipKind.LOW_PROTEIN: lambda: t(
            lang,
            "💡 Only {pct} % of your energy comes from protein. Aim for 20–30 %: eggs, yoghurt, "
            "pulses, fish or meat at each meal.",
            pct=f"{tip.amount:.0f}",
        ),
        TipKind.KEEP_GOING: lambda: t(
            lang,
            "💡 {count} of your last {total} days won. Keep the same rhythm.",
            count=tip.count,
            total=tip.out_of,
        ),
    }
    return texts[tip.kind]()


def eta_text(lang: str, eta: GoalEta, goal_kg: float | None, units: Units = Units.METRIC) -> str:
    """The expected date to reach the goal, or an honest reason why there is none."""
    goal = units_text.weight(goal_kg, units, lang) if goal_kg else ""
    texts = {
        EtaKind.ON_TRACK: lambda: t(
            lang,
            "🎯 Goal {goal}: at this pace around {date}.",
            goal=goal,
            date=long_date(lang, eta.day) if eta.day else "",
        ),
        EtaKind.REACHED: lambda: t(lang, "🎯 Goal {goal}: reached. Well done!", goal=goal),
        EtaKind.NO_GOAL: lambda: t(lang, "🎯 No goal weight yet: set one with /profile target=70kg."),
        EtaKind.NOT_ENOUGH_DATA: lambda: t(
            lang, "🎯 Goal {goal}: I need at least three weigh-ins over a week to estimate a date.", goal=goal
        ),
        EtaKind.FLAT: lambda: t(
            lang, "🎯 Goal {goal}: your weight is flat lately, so no date can be given at this pace.", goal=goal
        ),
        EtaKind.WRONG_WAY: lambda: t(
            lang,
            "🎯 Goal {goal}: the trend is going the other way lately, so you are not heading there yet.",
            goal=goal,
        ),
        EtaKind.TOO_FAR: lambda: t(lang, "🎯 Goal {goal}: more than three years away at this pace.", goal=goal),
    }
    return texts[eta.kind]()


def weight_text(lang: str, report: WeightReport) -> str:
    """Latest weight and BMI, the changes, the rate and the goal date."""
    latest, units = report.latest, report.user.profile.units
    if latest is None:
        return t(lang, "⚖️ No weigh-ins yet. Log one with /weight 81.5 (or 180lb).")
    shown = units_text.weight(latest.kg, units, lang)
    lines = [t(lang, "⚖️ Latest: {weight} ({date})", weight=shown, date=long_date(lang, latest.day))]
    point = report.latest_bmi
    if point is not None:
        lines.append(
            t(
                lang,
                "BMI {bmi} — {category}",
                bmi=units_text.decimal(point.bmi, lang, fixed=True),
                category=bmi_label(lang, point.category),
            )
        )
    else:
        lines.append(t(lang, "Add your height with /profile height=170cm to see your BMI."))
    if report.change_since_start_kg is not None:
        lines.append(
            t(
                lang,
                "Since the start: {change}",
                change=units_text.weight_change(report.change_since_start_kg, units, lang),
            )
        )
    if report.change_since_last_week_kg is not None:
        change = units_text.weight_change(report.change_since_last_week_kg, units, lang)
        lines.append(t(lang, "Since last week: {change}", change=change))
    if report.rate_kg_per_week is not None:
        rate = units_text.weight_change(report.rate_kg_per_week, units, lang, digits=2)
        lines.append(t(lang, "Trend: {rate} a week", rate=rate))
    lines.append(eta_text(lang, report.eta, report.user.profile.goal_weight_kg, units))
    return "\n".join(lines)
