"""Change when (and whether) a user gets the daily result and the evening reminder."""

from __future__ import annotations

import dataclasses

from core.errors import InvalidValue
from core.model import UserId
from core.model.notifications import NotificationPrefs
from core.ports import NotificationPrefsStore
from core.rules.schedule import parse_clock
from core.text import N_

SWITCHES = {"on": True, "off": False, "oui": True, "non": False, "yes": True, "no": False}
KINDS = {
    "reminders": "reminder",
    "reminder": "reminder",
    "rappel": "reminder",
    "rappels": "reminder",
    "results": "daily_result",
    "result": "daily_result",
    "résultats": "daily_result",
    "resultats": "daily_result",
}


async def change_notification(
    store: NotificationPrefsStore, user_id: UserId, kind: str, value: str
) -> NotificationPrefs:
    """``kind`` is reminders/results; ``value`` is on/off or a local time such as 20:30."""
    field = KINDS.get(kind.lower())
    if field is None:
        raise InvalidValue("settings", N_("Unknown setting “{name}”: use reminders or results."), name=kind[:30])
    prefs = await store.get(user_id)
    switch = SWITCHES.get(value.lower())
    if switch is not None:
        if field == "reminder":
            changed = dataclasses.replace(prefs, reminders_on=switch)
        else:
            changed = dataclasses.replace(prefs, daily_results_on=switch)
    else:
        clock = f"{parse_clock(value):%H:%M}"
        if field == "reminder":
            changed = dataclasses.replace(prefs, reminder_time=clock, reminders_on=True)
        else:
            changed = dataclasses.replace(prefs, daily_result_time=clock, daily_results_on=True)
    await store.save(user_id, changed)
    return changed
