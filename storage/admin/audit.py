"""The SQL audit log of operator actions (:class:`core.ports.AuditLog`)."""

from __future__ import annotations

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.model.admin import AuditEntry
from core.model.ids import UserId
from storage.admin.tables import AuditRow


class SqlAuditLog:
    """Appends entries and reads the newest ones."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def record(self, entry: AuditEntry) -> None:
        """Store one entry."""
        values = {
            "at": entry.at,
            "actor": entry.actor[:96],
            "action": entry.action[:16],
            "target_user_id": None if entry.target is None else int(entry.target),
            "detail": entry.detail[:200],
        }
        async with self._engine.begin() as conn:
            await conn.execute(insert(AuditRow).values(values))

    async def latest(self, limit: int) -> list[AuditEntry]:
        """The newest ``limit`` entries, newest first."""
        query = select(AuditRow).order_by(AuditRow.at.desc(), AuditRow.id.desc()).limit(limit)
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query)).mappings().all()
        return [
            AuditEntry(
                r["at"],
                r["actor"],
                r["action"],
                None if r["target_user_id"] is None else UserId(r["target_user_id"]),
                r["detail"],
            )
            for r in rows
        ]
