"""Join a second platform account to a profile with a one-time code that expires."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from core.errors import InvalidValue
from core.model import UserId
from core.ports import AccountStore, Clock
from core.text import N_

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: read aloud and typed by hand
CODE_LENGTH = 8


@dataclass(frozen=True, slots=True)
class LinkCode:
    """A code to type on the other platform before ``expires_at``."""

    code: str
    expires_at: datetime


def normalise_code(text: str) -> str:
    """Upper case without spaces or dashes, as people type codes loosely."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


async def issue_link_code(accounts: AccountStore, clock: Clock, user_id: UserId, ttl: timedelta) -> LinkCode:
    """A fresh random code for the user (earlier ones stop working)."""
    code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    expires = clock.now() + ttl
    await accounts.save_link_code(code, user_id, expires)
    return LinkCode(code, expires)


async def redeem_link_code(
    accounts: AccountStore, clock: Clock, platform: str, external_id: str, code: str, current: UserId
) -> UserId:
    """Attach ``(platform, external_id)`` to the code's owner; meals and weigh-ins of the current profile move."""
    owner = await accounts.take_link_code(normalise_code(code), clock.now())
    if owner is None:
        raise InvalidValue(
            "code", N_("That code is unknown or expired. Send /link on your other account for a new one.")
        )
    if owner == current:
        raise InvalidValue("code", N_("That code is for this same account: use it on your other platform."))
    await accounts.join_identity(platform, external_id, owner)
    return owner
