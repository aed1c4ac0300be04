"""Wording of the operators' ``/admin`` replies, in the operator's language."""

from __future__ import annotations

from bots.common.i18n import t
from core.model.admin import AdminStats, BroadcastOutcome, FailedMessage, UserSummary

SHOWN_ERROR_CHARS = 160


def help_text(lang: str) -> str:
    """The list of operator commands."""
    return "\n".join(
        [
            t(lang, "🛠 Operator commands:"),
            t(lang, "/admin stats — users, meals, groups and outbox figures"),
            t(lang, "/admin broadcast TEXT — preview a message to every user, then confirm"),
            t(lang, "/admin user ID — one user's summary"),
            t(lang, "/admin block ID · /admin unblock ID — refuse or allow a user's messages"),
            t(lang, "/admin outbox — failed messages · /admin outbox retry — queue them again"),
            t(lang, "/admin quota ID N — AI calls a day for one user (default: back to the setting)"),
            t(lang, "/admin audit — the latest operator actions"),
        ]
    )


def stats_text(lang: str, s: AdminStats) -> str:
    """Every figure of ``/admin stats``."""
    return "\n".join(
        [
            t(lang, "📊 WinStreak figures (days in UTC)"),
            t(
                lang,
                "Users: {total} total · {active} active in the last 7 days · {onboarded} onboarded",
                total=s.users_total,
                active=s.users_logging_7d,
                onboarded=s.users_onboarded,
            ),
            t(
                lang,
                "Reachable: {reachable} · blocked: {blocked}",
                reachable=s.users_reachable,
                blocked=s.users_blocked,
            ),
            t(lang, "Meals: {today} today · {week} in the last 7 days", today=s.meals_today, week=s.meals_7d),
            t(lang, "Groups in the leagues: {groups}", groups=s.groups_active),
            t(
                lang,
                "Outbox: {pending} pending · {failed} failed · {sent} sent in the last 24 h",
                pending=s.outbox_pending,
                failed=s.outbox_failed,
                sent=s.outbox_sent_24h,
            ),
        ]
    )


def _yes_no(lang: str, value: bool) -> str:
    return t(lang, "yes") if value else t(lang, "no")


def user_text(lang: str, u: UserSummary) -> str:
    """One user's non-sensitive summary."""
    return "\n".join(
        [
            t(lang, "👤 User {id}", id=int(u.user_id)),
            t(lang, "Platforms: {platforms}", platforms=", ".join(u.platforms) or "—"),
            t(lang, "Joined: {day} (UTC)", day=u.created_at.date().isoformat()),
            t(lang, "Profile complete: {answer}", answer=_yes_no(lang, u.onboarded)),
            t(
                lang,
                "Reachable: {reachable} · blocked: {blocked}",
                reachable=_yes_no(lang, u.reachable),
                blocked=_yes_no(lang, u.blocked),
            ),
            t(lang, "Language: {language} · meals logged: {meals}", language=u.language, meals=u.meals),
        ]
    )


def preview_text(lang: str, text: str, reach: int) -> str:
    """What the operator checks before confirming a broadcast, and how many chats it would reach now."""
    return t(lang, "📣 This message will go to {count} reachable chats:", count=reach) + "\n\n" + text


def broadcast_done_text(lang: str, outcome: BroadcastOutcome, platforms: list[str]) -> str:
    """How many messages a confirmation queued."""
    if not platforms:
        return t(lang, "Nothing was queued: no chat platform can deliver messages (set a bot token).")
    text = t(lang, "✅ Queued {queued} messages.", queued=outcome.queued)
    if outcome.already_queued:
        text += " " + t(lang, "{count} recipients already had this broadcast queued.", count=outcome.already_queued)
    return text


def failures_text(lang: str, failures: list[FailedMessage]) -> str:
    """The failed outbox messages with their reasons."""
    if not failures:
        return t(lang, "📮 No failed messages in the outbox.")
    lines = [t(lang, "📮 Failed messages (newest first):")]
    for f in failures:
        reason = f.error[:SHOWN_ERROR_CHARS] or "—"
        lines.append(
            t(
                lang,
                "#{id} {kind} → {platform}, {attempts} attempts: {reason}",
                id=f.id,
                kind=f.kind,
                platform=f.platform,
                attempts=f.attempts,
                reason=reason,
            )
        )
    lines.append(t(lang, "Send /admin outbox retry to queue them again."))
    return "\n".join(lines)
