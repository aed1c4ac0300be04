"""Forgetting a deleted user's name as an operator.

The blocks they placed and the audit entries they made stay, attributed to "deleted operator", so deleting an
operator's account leaves no platform id of theirs behind.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.admin.tables import AuditRow, UserBlockRow

DELETED_OPERATOR = "deleted operator"


async def forget_operator(session: AsyncSession, operator: str) -> None:
    """Replace ``operator`` ("platform:external id") wherever an operator action names it."""
    await session.execute(
        update(UserBlockRow).where(UserBlockRow.blocked_by == operator).values(blocked_by=DELETED_OPERATOR)
    )
    await session.execute(update(AuditRow).where(AuditRow.actor == operator).values(actor=DELETED_OPERATOR))
