"""/settings for notifications: turn the evening reminder and the daily result on or off, or move them.

``/settings reminders off``, ``/settings reminders 21:30``, ``/settings results 07:00``; other /settings
arguments go to the account settings handler this wraps.
"""

from __future__ import annotations

from bots.common.conversation import CommandHandler
from bots.common.deps import BotDeps
from bots.common.i18n import error_text, t
from bots.common.messages import Button, Incoming, Reply
from bots.common.state import ChatState
from core.errors import WinStreakError
from core.model import UserAccount
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


def settings_with_notifications(account_settings: CommandHandler, store: NotificationPrefsStore) -> CommandHandler:
    """The /settings handler: notification keys here, everything else to ``account_settings``."""

    async def settings(deps: BotDeps, state: ChatState, user: UserAccount, args: str, msg: Incoming) -> list[Reply]:
        lang = user.profile.language
        words = args.split()
        if len(words) == 2 and words[0].lower() in KINDS:
            try:
                prefs = await change_notification(store, user.id, words[0], words[1])
            except WinStreakError as err:
                return [Reply(error_text(lang, err))]
            return [Reply(t(lang, "Saved.") + "\n" + prefs_text(lang, prefs), prefs_buttons(lang, prefs))]
        replies = await account_settings(deps, state, user, args, msg)
        if not words and replies:  # one settings card: the account part, then notifications
            prefs = await store.get(user.id)
            last = replies[-1]
            merged = Reply(last.text + "\n\n" + prefs_text(lang, prefs), last.buttons + prefs_buttons(lang, prefs))
            replies[-1] = merged
        return replies

    return settings
