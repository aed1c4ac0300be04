"""Onboarding and profile changes: one question at a time, or everything in one ``/profile k=v`` line.

``/start`` asks the language first (the platform's language, which the profile took at first contact, is the
first button), then the units (metric or imperial), then the fields still missing, each in that language.
"""

from __future__ import annotations

from bots.common.error_reply import domain_error_text
from bots.common.flows.handler import Request, command
from bots.common.i18n import LANGUAGES, N_, t
from bots.common.messages import Button, Reply
from bots.common.render import profile_text, target_text
from bots.common.state import ChatState
from bots.common.units_text import decimal
from core.errors import InvalidValue, WinStreakError
from core.model import UserAccount
from core.model.profile import Activity, GoalKind, Units
from core.rules.profile_values import CHOICE_REFUSED, parse_assignments, parse_field
from core.services.update_profile import update_profile

LANGUAGE_NAMES = {"en": "English", "fr": "Français"}  # each in its own language: never translated
QUESTIONS: dict[str, tuple[str, tuple[Button, ...]]] = {
    "language": (N_("Which language shall I speak? (you can change it later with /settings)"), ()),
    "units": (
        N_("Which units do you use for weight and height?"),
        (Button(N_("Metric (kg, cm)"), Units.METRIC.value), Button(N_("Imperial (lb, ft/in)"), Units.IMPERIAL.value)),
    ),
    "sex": (
        N_("What is your sex? (it changes the energy formula)"),
        (Button(N_("Male"), "male"), Button(N_("Female"), "female")),
    ),
    "birth_year": (N_("What year were you born? (or just your age)"), ()),
    "height_cm": (N_("How tall are you? (cm, or feet and inches like 5'11\")"), ()),
    "weight_kg": (N_("How much do you weigh? (kg, or lb like 176lb)"), ()),
    "activity": (
        N_("How active are you on a usual day?"),
        (
            Button(N_("Sedentary (desk, little exercise)"), Activity.SEDENTARY.value),
            Button(N_("Light (exercise 1–3 days/week)"), Activity.LIGHT.value),
            Button(N_("Moderate (3–5 days/week)"), Activity.MODERATE.value),
            Button(N_("Active (6–7 days/week)"), Activity.ACTIVE.value),
            Button(N_("Very active (physical job or 2×/day)"), Activity.VERY_ACTIVE.value),
        ),
    ),
    "goal": (
        N_("What is your goal?"),
        (
            Button(N_("Lose weight"), GoalKind.LOSE.value),
            Button(N_("Maintain"), GoalKind.MAINTAIN.value),
            Button(N_("Gain weight"), GoalKind.GAIN.value),
        ),
    ),
    "rate_kg_per_week": (
        N_("How fast, in kg per week? (1 kg is the safe maximum)"),
        (Button("0.25", "0.25"), Button("0.5", "0.5"), Button("0.75", "0.75"), Button("1", "1")),
    ),
    "timezone": (N_("Which time zone are you in? (e.g. Europe/Paris, America/New_York)"), (Button("UTC", "UTC"),)),
}


IMPERIAL_QUESTIONS: dict[str, tuple[str, tuple[Button, ...]]] = {  # asked so when the user chose imperial
    "height_cm": (N_("How tall are you? (feet and inches like 5'11\", or cm)"), ()),
    "weight_kg": (N_("How much do you weigh? (lb, or kg like 80kg)"), ()),
    "rate_kg_per_week": (
        N_("How fast, in lb per week? (2 lb, about 1 kg, is the safe maximum)"),
        tuple(Button(f"{lb:g} lb", f"{lb:g}lb") for lb in (0.5, 1, 1.5, 2)),
    ),
}


def question(lang: str, field: str, units: Units = Units.METRIC) -> Reply:
    """The reply that asks for one field in ``units`` (buttons one a row when they are long)."""
    asked = IMPERIAL_QUESTIONS if units is Units.IMPERIAL and field in IMPERIAL_QUESTIONS else QUESTIONS
    text, english = asked[field]
    text = t(lang, text)
    buttons = tuple(Button(t(lang, b.label), b.value) for b in english)
    if field == "rate_kg_per_week":  # numbers written the user's way: "0,5 lb" in French
        buttons = tuple(Button(_rate_label(b.value, lang), b.value) for b in english)
    if field == "language":  # the current language first: pressing the first button goes on as before
        codes = sorted(LANGUAGES, key=lambda code: code != lang)
        buttons = tuple(Button(LANGUAGE_NAMES[code], code) for code in codes)
    if not buttons:
        return Reply(text)
    if any(len(b.label) > 12 for b in buttons):
        return Reply(text, tuple((b,) for b in buttons))
    return Reply(text, (buttons,))


def _rate_label(value: str, lang: str) -> str:
    """A rate button's label from its value: ``0.25`` → ``0,25`` and ``0.5lb`` → ``0,5 lb`` in French."""
    number = decimal(float(value.removesuffix("lb")), lang, 2)
    return f"{number} lb" if value.endswith("lb") else number


ALWAYS_ASKED = ("language", "units", "rate_kg_per_week", "timezone")  # asked even when already set


def start(state: ChatState, user: UserAccount) -> list[Reply]:
    """Begin onboarding: the language, the units, then the fields still missing (plus rate and time zone)."""
    queue = ["language", "units", *user.profile.missing(), "timezone"]
    if "goal" in queue:
        queue.insert(queue.index("goal") + 1, "rate_kg_per_week")
    state.onboarding, state.extra["queue"] = True, queue
    state.asking = queue[0]
    lang = user.profile.language
    intro = Reply(
        t(lang, "Welcome to WinStreak, {name}! A few questions to set your daily target.", name=user.display_name)
    )
    return [intro, question(lang, queue[0])]


def _ask_again(req: Request, err: WinStreakError) -> list[Reply]:
    """A refused answer: why, then the same question again.

    A typed answer that is none of a question's buttons is told to choose one of them: the refusal of
    ``/profile sex=x`` lists the values typed there ("female, male"), words the buttons do not show.
    """
    field = req.state.asking
    assert field is not None
    again = question(req.lang, field, req.user.profile.units)
    why = domain_error_text(req.lang, err)
    if isinstance(err, InvalidValue) and err.template == CHOICE_REFUSED and again.buttons:
        why = t(req.lang, "“{text}” is not one of the answers: choose one below.", text=err.values["text"])
    return [Reply(why), again]


@command(on_error=_ask_again)
async def answer(req: Request) -> list[Reply]:
    """Take the answer (``req.args``) to the current question, then ask the next or finish."""
    deps, state, user = req.deps, req.state, req.user
    field = state.asking
    assert field is not None
    value = parse_field(field, req.args, deps.clock.now().year, user.profile.units)
    update = await update_profile(deps.uow(), deps.clock, user.id, {field: value})
    queue: list[str] = [f for f in state.extra.get("queue", []) if f != field]
    if field == "goal" and value == GoalKind.MAINTAIN and "rate_kg_per_week" in queue:
        queue.remove("rate_kg_per_week")
    queue = [f for f in queue if f in ALWAYS_ASKED or f in update.profile.missing()]
    state.extra["queue"] = queue
    if queue:
        state.asking = queue[0]
        return [question(update.profile.language, queue[0], update.profile.units)]
    state.asking, state.onboarding = None, False
    lang = update.profile.language
    return [Reply(t(lang, "All set!") + "\n" + profile_text(lang, update.profile)), Reply(target_text(lang, update))]


@command(prefix=N_("Nothing was changed."))
async def profile(req: Request) -> list[Reply]:
    """``/profile`` shows the profile; ``/profile k=v ...`` changes those fields at once."""
    deps, user, lang = req.deps, req.user, req.lang
    if not req.args.strip():
        hint = t(lang, "Change anything with e.g. /profile weight=80kg activity=light tz=Europe/Paris")
        return [Reply(profile_text(lang, user.profile, deps.clock.now().year) + "\n\n" + hint)]
    changes = parse_assignments(req.args, deps.clock.now().year, user.profile.units)
    update = await update_profile(deps.uow(), deps.clock, user.id, changes)
    lang = update.profile.language
    return [
        Reply(t(lang, "Profile updated.") + "\n" + profile_text(lang, update.profile)),
        Reply(target_text(lang, update)),
    ]
