"""Delete everything stored about a user (the export is :mod:`core.services.export_account`)."""

from __future__ import annotations

from core.model import UserId
from core.ports import AccountStore


async def delete_account(accounts: AccountStore, user_id: UserId) -> None:
    """Delete the user and, by cascade, every row that belongs to them."""
    await accounts.delete_user(user_id)
