"""Whole-account operations in SQL: export, cascade deletion, link codes, joining identities."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.model import Meal, UserId
from storage.admin.forget import forget_operator
from storage.chat.tables import LinkCodeRow
from storage.exercise.merge import move_exercises
from storage.favourites.merge import move_favourites
from storage.gamification.forget import forget_user
from storage.models import ChatStateRow, IdentityRow, MealRow, UserRow, WeightRow
from storage.outbox.tables import OutboxRow
from storage.repositories import update_reads
from storage.repositories.meals import _meal


class SqlAccountStore:
    """:class:`core.ports.AccountStore`; every method is one transaction."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def all_meals(self, user_id: UserId) -> list[Meal]:
        """Every meal of the user, oldest first."""
        async with self._sessions() as session:
            query = select(MealRow).where(MealRow.user_id == int(user_id)).order_by(MealRow.eaten_at, MealRow.id)
            return [_meal(row) for row in (await session.execute(query)).scalars()]

    async def delete_user(self, user_id: UserId) -> None:
        """Delete the user and every row that names them or one of their platform identities.

        Foreign keys cascade to identities, meals, weights and most features' rows; chat states (keyed by
        platform id), messages queued to their private chats and their name as an operator go here explicitly.
        tests/integration/test_complete_deletion.py reflects every table to prove nothing is left.
        """
        update_reads.forget()
        async with self._sessions() as session, session.begin():
            identities = (await session.execute(select(IdentityRow).where(IdentityRow.user_id == int(user_id)))).all()
            for (identity,) in identities:  # state keys are "<platform>:<chat>:<external id>"
                key = ChatStateRow.key
                await session.execute(
                    delete(ChatStateRow).where(
                        key.startswith(f"{identity.platform}:", autoescape=True),
                        key.endswith(f":{identity.external_id}", autoescape=True),
                    )
                )
                await session.execute(
                    delete(OutboxRow).where(
                        OutboxRow.platform == identity.platform, OutboxRow.chat_id == identity.external_id
                    )
                )
                await forget_operator(session, f"{identity.platform}:{identity.external_id}")
            await forget_user(session, int(user_id))
            await session.execute(delete(UserRow).where(UserRow.id == int(user_id)))

    async def save_link_code(self, code: str, user_id: UserId, expires_at: datetime) -> None:
        """Store a new code, replacing the user's earlier ones."""
        async with self._sessions() as session, session.begin():
            await session.execute(delete(LinkCodeRow).where(LinkCodeRow.user_id == int(user_id)))
            session.add(LinkCodeRow(code=code, user_id=int(user_id), expires_at=expires_at))

    async def take_link_code(self, code: str, now: datetime) -> UserId | None:
        """The user a valid code belongs to; the code is used up either way, expired ones are purged."""
        async with self._sessions() as session, session.begin():
            row = await session.get(LinkCodeRow, code)
            owner = UserId(row.user_id) if row is not None and _aware(row.expires_at) > now else None
            await session.execute(
                delete(LinkCodeRow).where(or_(LinkCodeRow.code == code, LinkCodeRow.expires_at < now))
            )
            return owner

    async def join_identity(self, platform: str, external_id: str, into: UserId) -> None:
        """Point an identity at ``into``; the former user's meals and weights follow, and an emptied user goes."""
        update_reads.forget()
        async with self._sessions() as session, session.begin():
            identity = (
                await session.execute(
                    select(IdentityRow).where(IdentityRow.platform == platform, IdentityRow.external_id == external_id)
                )
            ).scalar_one_or_none()
            if identity is None:
                session.add(IdentityRow(platform=platform, external_id=external_id, user_id=int(into)))
                return
            former = identity.user_id
            if former == int(into):
                return
            identity.user_id = int(into)
            await session.flush()
            await session.execute(update(MealRow).where(MealRow.user_id == former).values(user_id=int(into)))
            await session.execute(update(WeightRow).where(WeightRow.user_id == former).values(user_id=int(into)))
            await move_favourites(session, former, int(into))
            await move_exercises(session, former, int(into))
            left = await session.scalar(
                select(func.count()).select_from(IdentityRow).where(IdentityRow.user_id == former)
            )
            if not left:
                await forget_user(session, former)
                await session.execute(delete(UserRow).where(UserRow.id == former))


def _aware(moment: datetime) -> datetime:
    """SQLite returns naive datetimes for stored UTC values."""
    from datetime import UTC

    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
