"""Texts of the operator audit log and of quotas (``/admin audit``, ``/admin quota``)."""

from __future__ import annotations

from bots.common.i18n import t
from core.model.admin import AuditEntry


def audit_text(lang: str, entries: list[AuditEntry]) -> str:
    """The latest operator actions, newest first, one a line (times in UTC)."""
    if not entries:
        return t(lang, "No operator action is recorded yet.")
    lines = [t(lang, "🧾 Latest operator actions (UTC):")]
    for entry in entries:
        target = t(lang, "user {id}", id=int(entry.target)) if entry.target is not None else ""
        parts = [entry.at.strftime("%Y-%m-%d %H:%M"), entry.actor, entry.action, target, entry.detail]
        lines.append("• " + " · ".join(part for part in parts if part))
    return "\n".join(lines)


def quota_text(lang: str, user_id: int, limit: int | None, default: int) -> str:
    """One user's AI calls a day, saying whether it is their own limit or the default."""
    if limit is None:
        return t(lang, "User {id}: the default of {default} AI calls a day applies.", id=user_id, default=default)
    return t(
        lang, "User {id}: {limit} AI calls a day (the default is {default}).", id=user_id, limit=limit, default=default
    )
