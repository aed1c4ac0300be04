"""Mark a user unreachable (they blocked the bot) or reachable again."""

from __future__ import annotations

from core.ports import UnitOfWork


async def set_reachable(uow: UnitOfWork, platform: str, external_id: str, reachable: bool) -> bool:
    """Flag the user behind a platform account; False when no such user exists."""
    async with uow:
        user = await uow.users.by_identity(platform, external_id)
        if user is None:
            return False
        if user.active != reachable:
            await uow.users.set_active(user.id, reachable)
            await uow.commit()
        return True
