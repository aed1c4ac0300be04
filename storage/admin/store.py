"""The SQL :class:`core.ports.AdminStore`: figures in one round trip, blocks, outbox repair, broadcasts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import ScalarSelect, delete, distinct, func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from core.model.admin import AdminStats, BroadcastOutcome, FailedMessage, UserSummary
from core.model.ids import UserId
from core.model.profile import Profile
from storage.admin.broadcast import count_recipients, enqueue_broadcast_in
from storage.admin.tables import UserBlockRow
from storage.chat.tables import ChatGroupRow
from storage.models import IdentityRow, MealRow, UserRow
from storage.outbox.repository import FAILED, PENDING, SENDING, SENT, insert_ignoring_duplicates
from storage.outbox.tables import OutboxRow

ONBOARDED = tuple(getattr(UserRow, name).is_not(None) for name in Profile.REQUIRED)


def _count(table: type, *where: object) -> ScalarSelect[int]:
    return select(func.count()).select_from(table).where(*where).scalar_subquery()  # type: ignore[arg-type]


class SqlAdminStore:
    """Administration queries over one engine."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def stats(self, now: datetime) -> AdminStats:
        """Every figure of ``/admin stats`` in a single SELECT of scalar subqueries."""
        today = datetime(now.year, now.month, now.day, tzinfo=UTC)
        week_ago, day_ago = now - timedelta(days=7), now - timedelta(hours=24)
        query = select(
            _count(UserRow),
            _count(UserRow, UserRow.active.is_(True)),
            _count(UserRow, *ONBOARDED),
            _count(UserBlockRow),
            select(func.count(distinct(MealRow.user_id))).where(MealRow.eaten_at >= week_ago).scalar_subquery(),
            _count(MealRow, MealRow.eaten_at >= today, MealRow.eaten_at < today + timedelta(days=1)),
            _count(MealRow, MealRow.eaten_at >= week_ago, MealRow.eaten_at <= now),
            _count(ChatGroupRow, ChatGroupRow.leagues_on.is_(True)),
            _count(OutboxRow, OutboxRow.status.in_((PENDING, SENDING))),
            _count(OutboxRow, OutboxRow.status == FAILED),
            _count(OutboxRow, OutboxRow.status == SENT, OutboxRow.sent_at >= day_ago),
        )
        async with self._engine.connect() as conn:
            row = (await conn.execute(query)).one()
        return AdminStats(*(int(value or 0) for value in row))

    async def user_summary(self, user_id: UserId) -> UserSummary | None:
        """Platforms, sign-up time, flags and number of meals; None for an unknown id."""
        async with self._engine.connect() as conn:
            user = (await conn.execute(select(UserRow).where(UserRow.id == int(user_id)))).mappings().first()
            if user is None:
                return None
            platforms = (
                await conn.execute(
                    select(IdentityRow.platform).where(IdentityRow.user_id == int(user_id)).order_by(IdentityRow.id)
                )
            ).scalars()
            meals = (await conn.execute(select(_count(MealRow, MealRow.user_id == int(user_id))))).scalar_one()
            blocked = (
                await conn.execute(select(_count(UserBlockRow, UserBlockRow.user_id == int(user_id))))
            ).scalar_one()
        return UserSummary(
            user_id=user_id,
            platforms=tuple(sorted(set(platforms))),
            created_at=user["created_at"],
            reachable=bool(user["active"]),
            blocked=bool(blocked),
            onboarded=all(user[name] is not None for name in Profile.REQUIRED),
            language=user["language"],
            meals=int(meals),
        )

    async def set_blocked(self, user_id: UserId, blocked: bool, by: str, now: datetime) -> bool:
        """Add or remove the block; False when the user does not exist."""
        async with self._engine.begin() as conn:
            exists = (await conn.execute(select(UserRow.id).where(UserRow.id == int(user_id)))).first()
            if exists is None:
                return False
            if blocked:
                row = {"user_id": int(user_id), "blocked_at": now, "blocked_by": by[:96]}
                await conn.execute(insert_ignoring_duplicates(conn.dialect.name, UserBlockRow).values(row))
            else:
                await conn.execute(delete(UserBlockRow).where(UserBlockRow.user_id == int(user_id)))
        return True

    async def is_blocked(self, platform: str, external_id: str) -> bool:
        """Whether the user behind this platform identity is blocked (one indexed lookup)."""
        query = (
            select(UserBlockRow.user_id)
            .join(IdentityRow, IdentityRow.user_id == UserBlockRow.user_id)
            .where(IdentityRow.platform == platform, IdentityRow.external_id == external_id)
        )
        async with self._engine.connect() as conn:
            return (await conn.execute(query)).first() is not None

    async def failed_messages(self, limit: int) -> list[FailedMessage]:
        """The newest failed outbox messages with their last error."""
        query = select(OutboxRow).where(OutboxRow.status == FAILED).order_by(OutboxRow.id.desc()).limit(limit)
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query)).mappings().all()
        return [
            FailedMessage(r["id"], r["kind"], r["platform"], r["attempts"], r["last_error"] or "", r["created_at"])
            for r in rows
        ]

    async def retry_failed(self, now: datetime) -> int:
        """Failed messages become pending, due now, with a fresh attempt budget."""
        statement = (
            update(OutboxRow)
            .where(OutboxRow.status == FAILED)
            .values(status=PENDING, not_before=now, attempts=0, claimed_by=None, claimed_at=None)
        )
        async with self._engine.begin() as conn:
            return max((await conn.execute(statement)).rowcount, 0)

    async def broadcast_reach(self, platforms: Sequence[str]) -> int:
        """How many identities a broadcast to ``platforms`` would reach now."""
        async with self._engine.connect() as conn:
            return await count_recipients(conn, platforms)

    async def enqueue_broadcast(
        self, broadcast_id: str, text: str, platforms: Sequence[str], now: datetime
    ) -> BroadcastOutcome:
        """Queue the broadcast in one transaction."""
        async with self._engine.begin() as conn:
            return await enqueue_broadcast_in(conn, broadcast_id, text, platforms, now)
