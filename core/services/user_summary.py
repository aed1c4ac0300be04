"""Use case: what an operator may know about one user (``/admin user ID``)."""

from __future__ import annotations

from core.errors import InvalidValue
from core.model.admin import UserSummary
from core.ports import AdminStore
from core.rules.admins import user_id as parse_user_id
from core.text import N_


async def user_summary(store: AdminStore, typed_id: str) -> UserSummary:
    """The summary of the user numbered ``typed_id``; InvalidValue for bad or unknown numbers."""
    uid = parse_user_id(typed_id)
    summary = await store.user_summary(uid)
    if summary is None:
        raise InvalidValue("user", N_("There is no user {id}."), id=int(uid))
    return summary
