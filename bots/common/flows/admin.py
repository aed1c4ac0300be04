"""Operator commands: ``/admin`` with stats, broadcast, user, block, unblock, outbox, quota and audit.

``broadcast TEXT`` shows a preview with a confirm button; ``outbox retry`` queues failed messages again;
``quota ID N`` sets one user's AI calls a day (``quota ID default`` removes the override). Every action that
changes something (block, unblock, broadcast, quota, retry) is written to the audit log with who and when;
``audit`` shows the latest entries.

Only identities listed in ``WINSTREAK_ADMINS`` get an answer; anyone else gets the same reply as for an
unknown command, so the command's existence is not revealed. The composition root registers
:func:`admin_commands` as extra commands of the conversation.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from bots.common import admin_text, audit_text
from bots.common.conversation import CommandHandler
from bots.common.deps import BotDeps
from bots.common.flows.handler import Request, command
from bots.common.i18n import t
from bots.common.messages import Button, Reply
from bots.common.state import ChatState
from core.errors import InvalidValue
from core.model.admin import AuditEntry
from core.model.ids import UserId
from core.ports import AdminStore, AiQuotas, AuditLog
from core.rules.admins import is_admin
from core.rules.admins import user_id as parse_user_id
from core.services.admin_stats import admin_stats
from core.services.block_user import block_user
from core.services.broadcast import preview_broadcast, send_broadcast
from core.services.outbox_failures import failed_messages, retry_failed
from core.services.user_summary import user_summary

PENDING_KEY = "admin_broadcast"
AUDIT_SHOWN = 20
MAX_QUOTA = 100_000
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Oversight:
    """The audit log and the AI quotas the operator commands record to and change (None: not available)."""

    audit: AuditLog | None = None
    quotas: AiQuotas | None = None
    default_ai_calls: int = 0


def admin_commands(
    store: AdminStore, admins: Collection[str], platforms: Sequence[str], oversight: Oversight | None = None
) -> dict[str, CommandHandler]:
    """The ``/admin`` handler for the operators in ``admins``; broadcasts go to ``platforms`` (with transports)."""
    allowed = frozenset(admins)
    targets = sorted(set(platforms))
    watch = oversight or Oversight()

    async def record(deps: BotDeps, actor: str, action: str, target: UserId | None = None, detail: str = "") -> None:
        if watch.audit is not None:
            await watch.audit.record(AuditEntry(deps.clock.now(), actor, action, target, detail))

    async def broadcast(deps: BotDeps, state: ChatState, lang: str, rest: str, by: str) -> list[Reply]:
        text, reach = await preview_broadcast(store, rest, targets)
        broadcast_id = secrets.token_hex(6)
        state.extra[PENDING_KEY] = {"id": broadcast_id, "text": text}
        send = Button(t(lang, "Send to everyone"), f"/admin confirm {broadcast_id}")
        buttons = ((send, Button(t(lang, "Cancel"), "/admin cancel")),)
        return [Reply(admin_text.preview_text(lang, text, reach), buttons=buttons)]

    async def confirm(deps: BotDeps, state: ChatState, lang: str, rest: str, by: str) -> list[Reply]:
        pending = state.extra.get(PENDING_KEY)
        if not isinstance(pending, dict) or pending.get("id") != rest.strip():
            return [Reply(t(lang, "That broadcast is unknown or expired: send /admin broadcast TEXT again."))]
        outcome = await send_broadcast(store, deps.clock, str(pending["id"]), str(pending["text"]), targets)
        log.info("broadcast %s confirmed: %d queued of %d", pending["id"], outcome.queued, outcome.recipients)
        detail = f"id {pending['id']}: {outcome.queued} queued of {outcome.recipients}"
        await record(deps, by, "broadcast", None, detail)
        return [Reply(admin_text.broadcast_done_text(lang, outcome, targets))]

    async def cancel(deps: BotDeps, state: ChatState, lang: str, rest: str, by: str) -> list[Reply]:
        state.extra.pop(PENDING_KEY, None)
        return [Reply(t(lang, "Broadcast cancelled."))]

    async def stats(deps: BotDeps, state: ChatState, lang: str, rest: str, by: str) -> list[Reply]:
        return [Reply(admin_text.stats_text(lang, await admin_stats(store, deps.clock)))]

    async def user(deps: BotDeps, state: ChatState, lang: str, rest: str, by: str) -> list[Reply]:
        return [Reply(admin_text.user_text(lang, await user_summary(store, rest)))]

    async def outbox(deps: BotDeps, state: ChatState, lang: str, rest: str, by: str) -> list[Reply]:
        if rest.strip().lower() == "retry":
            count = await retry_failed(store, deps.clock)
            log.info("%d failed outbox messages queued again", count)
            await record(deps, by, "retry", None, f"{count} failed messages queued again")
            return [Reply(t(lang, "🔁 {count} failed messages are queued again.", count=count))]
        return [Reply(admin_text.failures_text(lang, await failed_messages(store)))]

    async def moderate(deps: BotDeps, lang: str, rest: str, blocked: bool, by: str) -> list[Reply]:
        uid = await block_user(store, deps.clock, rest, blocked, by)
        log.info("user %d %s by %s", uid, "blocked" if blocked else "unblocked", by)
        await record(deps, by, "block" if blocked else "unblock", uid)
        if blocked:
            return [Reply(t(lang, "⛔ User {id} is blocked: their messages get a polite refusal.", id=int(uid)))]
        return [Reply(t(lang, "✅ User {id} is unblocked.", id=int(uid)))]

    async def quota(deps: BotDeps, state: ChatState, lang: str, rest: str, by: str) -> list[Reply]:
        if watch.quotas is None:
            return [Reply(t(lang, "Quotas are not available on this server."))]
        words = rest.split()
        if not words or len(words) > 2:
            return [Reply(t(lang, "Write /admin quota ID N (AI calls a day), or /admin quota ID default."))]
        uid = parse_user_id(words[0])
        if len(words) == 1:
            shown = await watch.quotas.limit_of(uid)
            return [Reply(audit_text.quota_text(lang, int(uid), shown, watch.default_ai_calls))]
        limit = _quota_value(words[1])
        if not await watch.quotas.set_limit(uid, limit):
            raise InvalidValue("user", "There is no user {id}.", id=int(uid))
        await record(deps, by, "quota", uid, "default" if limit is None else f"{limit} AI calls a day")
        return [Reply(audit_text.quota_text(lang, int(uid), limit, watch.default_ai_calls))]

    async def audit(deps: BotDeps, state: ChatState, lang: str, rest: str, by: str) -> list[Reply]:
        if watch.audit is None:
            return [Reply(audit_text.audit_text(lang, []))]
        return [Reply(audit_text.audit_text(lang, await watch.audit.latest(AUDIT_SHOWN)))]

    subcommands = {
        "quota": quota,
        "audit": audit,
        "stats": stats,
        "broadcast": broadcast,
        "confirm": confirm,
        "cancel": cancel,
        "user": user,
        "outbox": outbox,
    }

    @command
    async def admin(req: Request) -> list[Reply]:
        lang, msg = req.lang, req.msg
        if not is_admin(allowed, msg.platform, msg.user_external_id):
            return [Reply(t(lang, "I don't know the command /{name}. Send /help for the list.", name="admin"))]
        if msg.is_group:
            return [Reply(t(lang, "Use /admin in a private chat with me."))]
        parts = req.args.split(maxsplit=1)
        name, rest = (parts[0].lower(), parts[1] if len(parts) > 1 else "") if parts else ("", "")
        by = f"{msg.platform}:{msg.user_external_id}"
        if name in ("block", "unblock"):
            return await moderate(req.deps, lang, rest, name == "block", by)
        handler = subcommands.get(name)
        if handler is None:
            return [Reply(admin_text.help_text(lang))]
        return await handler(req.deps, req.state, lang, rest, by)

    return {"admin": admin}


def _quota_value(word: str) -> int | None:
    """``"50"`` → 50, ``"default"`` → None; anything else, or a number out of range, is refused."""
    if word.lower() in ("default", "reset", "off"):
        return None
    if not word.isdigit() or int(word) > MAX_QUOTA:
        raise InvalidValue("quota", "A quota is a whole number of AI calls a day from 0 to {max}.", max=MAX_QUOTA)
    return int(word)
