"""Users and identities in SQL.

Users are read on every update, so with Core ``SELECT`` s (no ORM identity map; before the unit of work writes,
outside its transaction: :mod:`storage.repositories.unit_reads`), and within one update a user read once is
remembered (:mod:`storage.repositories.update_reads`; a write here forgets it). On PostgreSQL the update's claim
reads its sender in the same round trip (:func:`sender_statement`, ``storage.chat.updates``) and leaves the user
here (:func:`remember_sender`), so a Telegram update reads no user of its own.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, Subquery, bindparam, exists, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from core.model import Activity, GoalKind, Profile, Sex, UserAccount, UserId
from core.model.profile import Units
from storage.admin.tables import UserBlockRow
from storage.models import IdentityRow, UserRow
from storage.repositories import update_reads
from storage.repositories.unit_reads import read_rows

_BLOCKED = exists().where(UserBlockRow.user_id == UserRow.id).label("blocked")  # read with the user: no own query
_COLUMNS = (*UserRow.__table__.c, _BLOCKED)
# Read on every update: built once (building and cache-keying a statement costs about as much CPU as sending it)
_BY_ID = select(*_COLUMNS).where(UserRow.id == bindparam("user_id"))


def _by_identity(platform_param: str, external_param: str) -> Select[Any]:
    return (
        select(*_COLUMNS)
        .join(IdentityRow, IdentityRow.user_id == UserRow.id)
        .where(IdentityRow.platform == bindparam(platform_param), IdentityRow.external_id == bindparam(external_param))
    )


_BY_IDENTITY = _by_identity("platform", "external_id")


def sender_statement(platform_param: str, external_param: str) -> Subquery:
    """The user by identity (``blocked`` included) as a subquery another statement can left-join."""
    return _by_identity(platform_param, external_param).subquery("sender")


def remember_sender(platform: str, external_id: str, row: Any) -> None:
    """Remember the user of a row of :func:`sender_statement` for the current update (nothing when none)."""
    if row.id is None:  # not a user yet: the first contact reads (and creates) them as before
        return
    account = _account(row, blocked=bool(row.blocked))
    update_reads.remember(("identity", platform, external_id), account)
    update_reads.remember(("id", int(account.id)), account)


def _profile(row: Any) -> Profile:
    return Profile(
        sex=Sex(row.sex) if row.sex else None,
        birth_year=row.birth_year,
        height_cm=row.height_cm,
        weight_kg=row.weight_kg,
        activity=Activity(row.activity) if row.activity else None,
        goal=GoalKind(row.goal) if row.goal else None,
        rate_kg_per_week=row.rate_kg_per_week,
        goal_weight_kg=row.goal_weight_kg,
        timezone=row.timezone,
        language=row.language,
        units=Units.IMPERIAL if row.units == Units.IMPERIAL.value else Units.METRIC,
    )


def _account(row: Any, *, blocked: bool = False) -> UserAccount:
    return UserAccount(UserId(row.id), row.display_name, _profile(row), row.created_at, row.active, blocked=blocked)


def _profile_columns(profile: Profile) -> dict[str, object]:
    return {
        "sex": profile.sex.value if profile.sex else None,
        "birth_year": profile.birth_year,
        "height_cm": profile.height_cm,
        "weight_kg": profile.weight_kg,
        "activity": profile.activity.value if profile.activity else None,
        "goal": profile.goal.value if profile.goal else None,
        "rate_kg_per_week": profile.rate_kg_per_week,
        "goal_weight_kg": profile.goal_weight_kg,
        "timezone": profile.timezone,
        "language": profile.language,
        "units": profile.units.value,
    }


class SqlUserRepository:
    """:class:`core.ports.UserRepository` over SQLAlchemy."""

    def __init__(self, session: AsyncSession) -> None:
        self._s = session
        self._wrote = False  # after a write, reads may see this transaction's uncommitted rows: not remembered

    async def get(self, user_id: UserId) -> UserAccount | None:
        """The user with that id."""
        return await self._read(("id", int(user_id)), _BY_ID, {"user_id": int(user_id)})

    async def by_identity(self, platform: str, external_id: str) -> UserAccount | None:
        """The user behind a platform account."""
        params = {"platform": platform, "external_id": external_id}
        return await self._read(("identity", platform, external_id), _BY_IDENTITY, params)

    async def _read(self, key: tuple[Any, ...], query: Select[Any], params: dict[str, Any]) -> UserAccount | None:
        if not self._wrote:
            known = update_reads.recall(key)
            if isinstance(known, UserAccount):
                return known
        rows = await read_rows(self._s, query, params)  # before a write: outside the transaction (PostgreSQL)
        if not rows:
            return None
        row = rows[0]
        account = _account(row, blocked=bool(row.blocked))
        if not self._wrote:
            update_reads.remember(key, account)
            update_reads.remember(("id", int(account.id)), account)
        return account

    def _writing(self) -> None:
        self._wrote = True
        update_reads.forget()

    async def create(self, platform: str, external_id: str, display_name: str, profile: Profile) -> UserAccount:
        """A new user with one identity; if another replica created it meanwhile, that user is returned."""
        self._writing()
        row = UserRow(display_name=display_name, created_at=datetime.now(UTC), active=True, **_profile_columns(profile))
        try:
            async with self._s.begin_nested():
                self._s.add(row)
                await self._s.flush()
                self._s.add(IdentityRow(platform=platform, external_id=external_id, user_id=row.id))
                await self._s.flush()
        except IntegrityError:
            existing = await self.by_identity(platform, external_id)
            if existing is None:
                raise
            return existing
        return _account(row)

    async def save_profile(self, user_id: UserId, profile: Profile) -> None:
        """Overwrite the profile columns."""
        self._writing()
        await self._s.execute(update(UserRow).where(UserRow.id == int(user_id)).values(**_profile_columns(profile)))

    async def set_active(self, user_id: UserId, active: bool) -> None:
        """Mark a user reachable or not (e.g. after they blocked the bot)."""
        self._writing()
        await self._s.execute(update(UserRow).where(UserRow.id == int(user_id)).values(active=active))
