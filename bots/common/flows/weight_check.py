"""``/weight N`` far from the last weight asks before saving: Save N, Save the other-unit reading, or Cancel.

The rule is :mod:`core.rules.weight_check`. The buttons carry the exact weight in kg (``/weight ok 79.83kg``), so a
press saves what its label says whatever came since; ``/weight ok N`` typed saves without asking. Nothing is
stored until a button (or ``ok``) says so.
"""

from __future__ import annotations

from bots.common import units_text
from bots.common.i18n import N_, t
from bots.common.messages import Button, Reply
from core.model import UserAccount
from core.model.profile import Units
from core.rules.units import weight_in
from core.rules.weight_check import is_jump, unit_slip

CONFIRM = "ok"
CANCEL = "cancel"
ASK = N_("⚖️ {weight} would be {change} since last time ({previous}). Is that right? Nothing is saved yet.")
CANCELLED = N_("Nothing was logged.")
UNITS_MARKS = ("kg", "lb", "lbs")


def question(user: UserAccount, text: str, kg: float) -> Reply | None:
    """The question to ask before saving ``kg`` (read from ``text``), or None when it is no jump."""
    profile, lang = user.profile, user.profile.language
    previous, units = profile.weight_kg, profile.units
    if not is_jump(previous, kg) or previous is None:
        return None
    shown = units_text.weight(kg, units, lang)
    change = units_text.weight_change(kg - previous, units, lang)
    ask = t(lang, ASK, weight=shown, change=change, previous=units_text.weight(previous, units, lang))
    row = [Button(t(lang, "Save {weight}", weight=shown), f"/weight {CONFIRM} {kg:g}kg")]
    bare = not text.strip().lower().endswith(UNITS_MARKS)
    slip = unit_slip(previous, weight_in(kg, units), units) if bare else None
    if slip is not None:
        other = Units.IMPERIAL if units is Units.METRIC else Units.METRIC
        label = f"{units_text.weight(slip, other, lang)} = {units_text.weight(slip, units, lang)}"
        ask += "\n" + t(lang, "Did you mean {weight}?", weight=label)
        row.append(Button(t(lang, "Save {weight}", weight=label), f"/weight {CONFIRM} {slip:g}kg"))
    row.append(Button(t(lang, "Cancel"), f"/weight {CANCEL}"))
    return Reply(ask, (tuple(row),))
