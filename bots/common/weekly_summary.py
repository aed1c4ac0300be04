"""The Monday-morning summary of last week: chart, numbers and one tip, ready for the outbox.

The scheduler calls :func:`weekly_summary` for each user on Monday morning in their time zone and
posts the replies; nothing is stored here, so calling it twice gives the same message.
"""

from __future__ import annotations

from datetime import date, timedelta

from bots.common.flows.progress import week_reply
from bots.common.i18n import t
from bots.common.messages import Reply
from core.model import UserId
from core.ports import Clock, UnitOfWork
from core.rules.game_rules import GameRules
from core.services.weekly_history import weekly_history


async def weekly_summary(
    uow: UnitOfWork,
    clock: Clock,
    user_id: UserId,
    week_of: date | None = None,
    *,
    dark: bool = False,
    rules: GameRules | None = None,
) -> list[Reply]:
    """Replies summing up the week holding ``week_of`` (default: last week in the user's time zone).

    Raises :class:`core.errors.UnknownUser` for an unknown id. Buttons step to other weeks with
    ``/history N``. ``rules`` (the configured game rules) say how long a past day stays open.
    """
    report = await weekly_history(uow, clock, user_id, 1, day=week_of, rules=rules)  # ``day`` wins when given
    lang = report.user.profile.language
    intro = t(lang, "Good morning, {name}! Here is your week.", name=report.user.display_name)
    if report.weeks_back == 0 and report.today < report.monday + timedelta(days=6):
        intro = t(lang, "Hello, {name}! Here is your week so far.", name=report.user.display_name)
    body = await week_reply(report, lang, dark=dark, with_tip=True)
    return [Reply(intro), body]
