"""Operator commands: ``/admin`` with stats, broadcast, user, block, unblock and outbox.

``broadcast TEXT`` shows a preview with a confirm button; ``outbox retry`` queues failed messages again.

Only identities listed in ``WINSTREAK_ADMINS`` get an answer; anyone else gets the same reply as for an
unknown command, so the command's existence is not revealed. The composition root registers
:func:`admin_commands` as extra commands of the conversation.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Collection, Sequence

from bots.common import admin_text
from bots.common.conversation import CommandHandler
from bots.common.deps import BotDeps
from bots.common.i18n import error_text, t
from bots.common.messages import Button, Incoming, Reply
from bots.common.state import ChatState
from core.admin_ports import AdminStore
from core.errors import WinStreakError
from core.model import UserAccount
from core.rules.admins import is_admin
from core.services.admin_stats import admin_stats
from core.services.block_user import block_user
from core.services.broadcast import preview_broadcast, send_broadcast
from core.services.outbox_failures import failed_messages, retry_failed
from core.services.user_summary import user_summary

PENDING_KEY = "admin_broadcast"
log = logging.getLogger(__name__)


def admin_commands(store: AdminStore, admins: Collection[str], platforms: Sequence[str]) -> dict[str, CommandHandler]:
    """The ``/admin`` handler for the operators in ``admins``; broadcasts go to ``platforms`` (with transports)."""
    allowed = frozenset(admins)
    targets = sorted(set(platforms))

    async def broadcast(deps: BotDeps, state: ChatState, lang: str, rest: str) -> list[Reply]:
        text, reach = await preview_broadcast(store, rest, targets)
        broadcast_id = secrets.token_hex(6)
        state.extra[PENDING_KEY] = {"id": broadcast_id, "text": text}
        send = Button(t(lang, "Send to everyone"), f"/admin confirm {broadcast_id}")
        buttons = ((send, Button(t(lang, "Cancel"), "/admin cancel")),)
        return [Reply(admin_text.preview_text(lang, text, reach), buttons=buttons)]

    async def confirm(deps: BotDeps, state: ChatState, lang: str, rest: str) -> list[Reply]:
        pending = state.extra.get(PENDING_KEY)
        if not isinstance(pending, dict) or pending.get("id") != rest.strip():
            return [Reply(t(lang, "That broadcast is unknown or expired: send /admin broadcast TEXT again."))]
        outcome = await send_broadcast(store, deps.clock, str(pending["id"]), str(pending["text"]), targets)
        log.info("broadcast %s confirmed: %d queued of %d", pending["id"], outcome.queued, outcome.recipients)
        return [Reply(admin_text.broadcast_done_text(lang, outcome, targets))]

    async def cancel(deps: BotDeps, state: ChatState, lang: str, rest: str) -> list[Reply]:
        state.extra.pop(PENDING_KEY, None)
        return [Reply(t(lang, "Broadcast cancelled."))]

    async def stats(deps: BotDeps, state: ChatState, lang: str, rest: str) -> list[Reply]:
        return [Reply(admin_text.stats_text(lang, await admin_stats(store, deps.clock)))]

    async def user(deps: BotDeps, state: ChatState, lang: str, rest: str) -> list[Reply]:
        return [Reply(admin_text.user_text(lang, await user_summary(store, rest)))]

    async def outbox(deps: BotDeps, state: ChatState, lang: str, rest: str) -> list[Reply]:
        if rest.strip().lower() == "retry":
            count = await retry_failed(store, deps.clock)
            log.info("%d failed outbox messages queued again", count)
            return [Reply(t(lang, "🔁 {count} failed messages are queued again.", count=count))]
        return [Reply(admin_text.failures_text(lang, await failed_messages(store)))]

    async def moderate(deps: BotDeps, lang: str, rest: str, blocked: bool, by: str) -> list[Reply]:
        uid = await block_user(store, deps.clock, rest, blocked, by)
        log.info("user %d %s by %s", uid, "blocked" if blocked else "unblocked", by)
        if blocked:
            return [Reply(t(lang, "⛔ User {id} is blocked: their messages get a polite refusal.", id=int(uid)))]
        return [Reply(t(lang, "✅ User {id} is unblocked.", id=int(uid)))]

    subcommands = {
        "stats": stats,
        "broadcast": broadcast,
        "confirm": confirm,
        "cancel": cancel,
        "user": user,
        "outbox": outbox,
    }

    async def admin(deps: BotDeps, state: ChatState, account: UserAccount, args: str, msg: Incoming) -> list[Reply]:
        lang = account.profile.language
        if not is_admin(allowed, msg.platform, msg.user_external_id):
            return [Reply(t(lang, "I don't know the command /{name}. Send /help for the list.", name="admin"))]
        if msg.is_group:
            return [Reply(t(lang, "Use /admin in a private chat with me."))]
        parts = args.split(maxsplit=1)
        name, rest = (parts[0].lower(), parts[1] if len(parts) > 1 else "") if parts else ("", "")
        try:
            if name in ("block", "unblock"):
                return await moderate(deps, lang, rest, name == "block", f"{msg.platform}:{msg.user_external_id}")
            handler = subcommands.get(name)
            if handler is None:
                return [Reply(admin_text.help_text(lang))]
            return await handler(deps, state, lang, rest)
        except WinStreakError as err:
            return [Reply(error_text(lang, err))]

    return {"admin": admin}
