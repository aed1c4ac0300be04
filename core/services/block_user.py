"""Use case: an operator blocks a user (their messages get a polite refusal) or lifts the block."""

from __future__ import annotations

from core.errors import InvalidValue
from core.model.ids import UserId
from core.ports import AdminStore, Clock
from core.rules.admins import user_id as parse_user_id
from core.text import N_


async def block_user(store: AdminStore, clock: Clock, typed_id: str, blocked: bool, by: str) -> UserId:
    """Block or unblock the user numbered ``typed_id`` (repeating is harmless); InvalidValue if unknown."""
    uid = parse_user_id(typed_id)
    if not await store.set_blocked(uid, blocked, by, clock.now()):
        raise InvalidValue("user", N_("There is no user {id}."), id=int(uid))
    return uid
