"""Onboarding and profile changes: one question at a time, or everything in one ``/profile k=v`` line."""

from __future__ import annotations

from bots.common.deps import BotDeps
from bots.common.messages import Button, Reply
from bots.common.render import profile_text, target_text
from bots.common.state import ChatState
from core.errors import WinStreakError
from core.model import UserAccount
from core.model.profile import Activity, GoalKind
from core.rules.profile_values import parse_assignments, parse_field
from core.services.update_profile import update_profile

QUESTIONS: dict[str, tuple[str, tuple[Button, ...]]] = {
    "sex": ("What is your sex? (it changes the energy formula)", (Button("Male", "male"), Button("Female", "female"))),
    "birth_year": ("What year were you born? (or just your age)", ()),
    "height_cm": ("How tall are you? (cm, or feet and inches like 5'11\")", ()),
    "weight_kg": ("How much do you weigh? (kg, or lb like 176lb)", ()),
    "activity": (
        "How active are you on a usual day?",
        (
            Button("Sedentary (desk, little exercise)", Activity.SEDENTARY.value),
            Button("Light (exercise 1–3 days/week)", Activity.LIGHT.value),
            Button("Moderate (3–5 days/week)", Activity.MODERATE.value),
            Button("Active (6–7 days/week)", Activity.ACTIVE.value),
            Button("Very active (physical job or 2×/day)", Activity.VERY_ACTIVE.value),
        ),
    ),
    "goal": (
        "What is your goal?",
        (
            Button("Lose weight", GoalKind.LOSE.value),
            Button("Maintain", GoalKind.MAINTAIN.value),
            Button("Gain weight", GoalKind.GAIN.value),
        ),
    ),
    "rate_kg_per_week": (
        "How fast, in kg per week? (1 kg is the safe maximum)",
        (Button("0.25", "0.25"), Button("0.5", "0.5"), Button("0.75", "0.75"), Button("1", "1")),
    ),
    "timezone": ("Which time zone are you in? (e.g. Europe/Paris, America/New_York)", (Button("UTC", "UTC"),)),
}


def question(field: str) -> Reply:
    """The reply that asks for one field (buttons one a row when they are long)."""
    text, buttons = QUESTIONS[field]
    if not buttons:
        return Reply(text)
    if any(len(b.label) > 12 for b in buttons):
        return Reply(text, tuple((b,) for b in buttons))
    return Reply(text, (buttons,))


def start(state: ChatState, user: UserAccount) -> list[Reply]:
    """Begin onboarding with the fields still missing (plus rate and time zone)."""
    queue = [*user.profile.missing(), "timezone"]
    if "goal" in queue:
        queue.insert(queue.index("goal") + 1, "rate_kg_per_week")
    state.onboarding, state.extra["queue"] = True, queue
    state.asking = queue[0]
    intro = Reply(f"Welcome to WinStreak, {user.display_name}! A few questions to set your daily target.")
    return [intro, question(queue[0])]


async def answer(deps: BotDeps, state: ChatState, user: UserAccount, text: str) -> list[Reply]:
    """Take the answer to the current question, then ask the next or finish."""
    field = state.asking
    assert field is not None
    try:
        value = parse_field(field, text, deps.clock.now().year)
        update = await update_profile(deps.uow(), deps.clock, user.id, {field: value})
    except WinStreakError as err:
        return [Reply(str(err)), question(field)]
    queue: list[str] = [f for f in state.extra.get("queue", []) if f != field]
    if field == "goal" and value == GoalKind.MAINTAIN and "rate_kg_per_week" in queue:
        queue.remove("rate_kg_per_week")
    queue = [f for f in queue if f in ("rate_kg_per_week", "timezone") or f in update.profile.missing()]
    state.extra["queue"] = queue
    if queue:
        state.asking = queue[0]
        return [question(queue[0])]
    state.asking, state.onboarding = None, False
    return [Reply("All set!\n" + profile_text(update.profile)), Reply(target_text(update))]


async def profile_command(deps: BotDeps, user: UserAccount, args: str) -> list[Reply]:
    """``/profile`` shows the profile; ``/profile k=v ...`` changes those fields at once."""
    if not args.strip():
        hint = "Change anything with e.g. /profile weight=80kg activity=light tz=Europe/Paris"
        return [Reply(profile_text(user.profile) + "\n\n" + hint)]
    try:
        changes = parse_assignments(args, deps.clock.now().year)
        update = await update_profile(deps.uow(), deps.clock, user.id, changes)
    except WinStreakError as err:
        return [Reply(f"Nothing was changed. {err}")]
    return [Reply("Profile updated.\n" + profile_text(update.profile)), Reply(target_text(update))]
