"""/settings for notifications: turn the evening reminder and the daily result on or off, or move them.

``/settings reminders off``, ``/settings reminders 21:30``, ``/settings results 07:00``; other /settings
arguments go to the account settings handler this wraps.
"""

from __future__ import annotations

from bots.common.conversation import CommandHandler
from bots.common.flows import settings_card
from bots.common.flows.handler import Command, Request, command
from bots.common.i18n import t
from bots.common.messages import Button, Reply
from core.model.notifications import NotificationPrefs
from core.ports import NotificationPrefsStore
from core.services.notification_settings import KINDS, change_notification


def prefs_text(lang: str, prefs: NotificationPrefs) -> str:
    """The notification part of /settings."""
    if prefs.reminders_on:
        reminder = t(lang, "Evening reminder: at {time}", time=prefs.reminder_time)
    else:
        reminder = t(lang, "Evening reminder: off")
    if prefs.daily_results_on:
        result = t(lang, "Daily result: at {time}", time=prefs.daily_result_time)
    else:
        result = t(lang, "Daily result: off")
    change = t(lang, "Change with /settings reminders off, /settings reminders 21:30, /settings results 07:00")
    return "\n".join((reminder, result, change))


def prefs_buttons(lang: str, prefs: NotificationPrefs) -> tuple[tuple[Button, ...], ...]:
    """One toggle per notification."""
    reminder = "/settings reminders " + ("off" if prefs.reminders_on else "on")
    result = "/settings results " + ("off" if prefs.daily_results_on else "on")
    return (
        (Button(t(lang, "Turn reminders off") if prefs.reminders_on else t(lang, "Turn reminders on"), reminder),),
        (
            Button(
                t(lang, "Turn daily results off") if prefs.daily_results_on else t(lang, "Turn daily results on"),
                result,
            ),
        ),
    )


def settings_with_notifications(account_settings: CommandHandler, store: NotificationPrefsStore) -> Command:
    """The /settings handler: notification keys here, everything else to ``account_settings``."""

    @command
    async def settings(req: Request) -> list[Reply]:
        lang = req.lang
        words = req.args.split()
        if len(words) == 2 and words[0].lower() in KINDS:
            prefs = await change_notification(store, req.user.id, words[0], words[1])
            return [Reply(t(lang, "Saved.") + "\n" + prefs_text(lang, prefs), prefs_buttons(lang, prefs))]
        replies = await account_settings(req)
        if not words and replies:  # one settings card: the account part, then notifications
            prefs = await store.get(req.user.id)
            replies[-1] = settings_card.with_section(
                lang, replies[-1], prefs_text(lang, prefs), prefs_buttons(lang, prefs)
            )
        return replies

    return settings
