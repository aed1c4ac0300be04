"""Pure reply builders: the one place that words every answer, for every platform."""

from __future__ import annotations

from core.events import ProfileUpdated
from core.model.estimate import Estimate
from core.model.profile import Profile
from core.rules.bmi import bmi, bmi_category
from core.services.today_summary import DaySummary


def progress_bar(value: float, target: float, width: int = 12) -> str:
    """A text bar such as ``▓▓▓▓▓░░░░░░░ 42%``; over 100 % it fills and says so."""
    if target <= 0:
        return ""
    share = value / target
    filled = min(width, round(share * width))
    return "▓" * filled + "░" * (width - filled) + f" {share:.0%}"


def estimate_text(estimate: Estimate) -> str:
    """An estimate as the user sees it before saving."""
    lines = []
    if estimate.transcript:
        lines.append(f"🎙 I heard: “{estimate.transcript}”")
    if estimate.items:
        lines.append("Here is my estimate:")
        for n, item in enumerate(estimate.items, 1):
            lines.append(
                f"{n}. {item.name} — {item.grams:.0f} g, {item.kcal:.0f} kcal "
                f"(P {item.protein_g:.0f} g · C {item.carbs_g:.0f} g · F {item.fat_g:.0f} g)"
            )
        lines.append(f"Total: {estimate.total_kcal:.0f} kcal (likely {estimate.low_kcal:.0f}–{estimate.high_kcal:.0f})")
    else:
        lines.append("I could not find any food I know in that.")
    if estimate.unparsed:
        lines.append("Not understood: " + "; ".join(f"“{u}”" for u in estimate.unparsed))
    lines.extend(estimate.notes)
    return "\n".join(lines)


def summary_text(summary: DaySummary) -> str:
    """Today's progress."""
    lines = [f"📅 {summary.day:%A %d %B}"]
    if summary.target_kcal is not None:
        lines.append(
            f"{summary.kcal:.0f} / {summary.target_kcal} kcal  {progress_bar(summary.kcal, summary.target_kcal)}"
        )
        remaining = summary.remaining_kcal or 0.0
        lines.append(f"{remaining:.0f} kcal left" if remaining >= 0 else f"{-remaining:.0f} kcal over the target")
    else:
        lines.append(f"{summary.kcal:.0f} kcal so far (finish /profile to get a daily target)")
    lines.append(f"Protein {summary.protein_g:.0f} g · Carbs {summary.carbs_g:.0f} g · Fat {summary.fat_g:.0f} g")
    if summary.meals:
        lines.append("Meals:")
        for meal in summary.meals:
            names = ", ".join(item.name for item in meal.items)
            lines.append(f"• {meal.eaten_at:%H:%M} UTC — {meal.kcal:.0f} kcal: {names}")
    else:
        lines.append("No meals yet today. Describe what you ate, e.g. “2 eggs and toast”.")
    return "\n".join(lines)


def profile_text(profile: Profile) -> str:
    """The profile as a short card."""

    def show(value: object, unit: str = "") -> str:
        return "—" if value is None else f"{value}{unit}"

    lines = [
        f"Sex: {show(profile.sex)}",
        f"Born: {show(profile.birth_year)}",
        f"Height: {show(profile.height_cm, ' cm')}",
        f"Weight: {show(profile.weight_kg, ' kg')}",
        f"Activity: {show(profile.activity)}",
        f"Goal: {show(profile.goal)}"
        + (f" ({profile.rate_kg_per_week:g} kg/week)" if profile.goal != "maintain" else ""),
        f"Time zone: {profile.timezone}",
        f"Language: {profile.language}",
    ]
    if profile.height_cm and profile.weight_kg:
        value = bmi(profile.weight_kg, profile.height_cm)
        lines.append(f"BMI: {value:.1f} ({bmi_category(value)})")
    return "\n".join(lines)


def target_text(update: ProfileUpdated) -> str:
    """What changed in the daily target after a profile update."""
    if update.target is None:
        return "Saved. Your profile is not complete yet: " + ", ".join(update.profile.missing()) + "."
    text = f"🎯 Your daily target: {update.target.kcal} kcal. {update.target.explanation}"
    previous = update.previous_target_kcal
    if previous is not None and previous != update.target.kcal:
        text += f"\n(It was {previous} kcal.)"
    return text


HELP = """WinStreak — log what you eat, stay within your target, keep your streak.
• Describe a meal in words: “2 eggs, toast and a black coffee”, or give kcal: “pizza 800 kcal”
• /today — today's progress
• /undo — delete your last meal of today
• /weight 81.5 — log your weight (kg, or 180lb)
• /profile — show or change your profile, e.g. /profile weight=80kg activity=light
• /start — set up your profile step by step
• /help — this message"""
