"""The user's past meals to repeat and their favourites, each method one transaction.

The recent meals (read under every ``/today``) are read as a unit of work's reads are
(``storage.repositories.unit_reads``): one autocommitted round trip on PostgreSQL, not ``BEGIN``, the read and
``ROLLBACK``.
"""

from __future__ import annotations

import json
from dataclasses import asdict

from sqlalchemy import Integer, bindparam, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.errors import InvalidValue
from core.model import ItemSource, Meal, MealId, MealItem, UserId
from core.model.favourite import Favourite
from core.services.favourites import NAME_TAKEN, name_key
from storage.favourites.tables import FavouriteRow
from storage.models import MealItemRow, MealRow
from storage.repositories.meals import _ITEM_COLUMNS, _MEAL_COLUMNS, _meal, _meals_joined
from storage.repositories.unit_reads import read_rows

# The last meals with their items in ONE statement whose text is the same whatever their number. The ORM's
# ``selectin`` load of the items sent ``meal_id IN ($1, ..., $N)``, N the meals found (up to 200 for /again and
# under /today): a new SQL text for each N, so a new prepared statement on each pooled PostgreSQL connection, each
# kept (11-17 KiB) in asyncpg's per-connection cache of 100 — memory that grew for as long as N did (docs/load.md
# "Memory"), and a statement prepared again whenever N changed.
_LAST_IDS = (
    select(MealRow.id)
    .where(MealRow.user_id == bindparam("user_id"))
    .order_by(MealRow.id.desc())
    .limit(bindparam("limit", type_=Integer))
    .subquery()
)
_RECENT = (
    select(*_MEAL_COLUMNS, *_ITEM_COLUMNS)
    .join(_LAST_IDS, _LAST_IDS.c.id == MealRow.id)
    .outerjoin(MealItemRow, MealItemRow.meal_id == MealRow.id)
    .order_by(MealRow.id.desc(), MealItemRow.position)
)


def items_json(items: tuple[MealItem, ...]) -> str:
    """The items as stored in ``favourites.items``."""
    return json.dumps([{**asdict(i), "source": i.source.value} for i in items], ensure_ascii=False)


def items_from_json(text: str) -> tuple[MealItem, ...]:
    """Inverse of :func:`items_json`."""
    return tuple(MealItem(**{**i, "source": ItemSource(i["source"])}) for i in json.loads(text))


def _favourite(row: FavouriteRow) -> Favourite:
    return Favourite(row.id, UserId(row.user_id), row.name, items_from_json(row.items), row.description)


class SqlMealHistory:
    """:class:`core.ports.MealHistory` over the meals table."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def recent_meals(self, user_id: UserId, limit: int) -> list[Meal]:
        """The user's last ``limit`` meals, newest first (by when they were saved)."""
        async with self._sessions() as session:
            rows = await read_rows(session, _RECENT, {"user_id": int(user_id), "limit": limit})
        return _meals_joined(list(rows))

    async def meal(self, user_id: UserId, meal_id: MealId) -> Meal | None:
        """The user's meal ``meal_id`` (None when gone or another user's)."""
        query = select(MealRow).where(MealRow.id == int(meal_id), MealRow.user_id == int(user_id))
        async with self._sessions() as session:
            row = (await session.execute(query)).scalar_one_or_none()
            return _meal(row) if row is not None else None


class SqlFavouriteStore:
    """:class:`core.ports.FavouriteStore` over the favourites table."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def favourites(self, user_id: UserId) -> list[Favourite]:
        """The user's favourites by name."""
        query = select(FavouriteRow).where(FavouriteRow.user_id == int(user_id)).order_by(FavouriteRow.name_key)
        async with self._sessions() as session:
            return [_favourite(row) for row in (await session.execute(query)).scalars()]

    async def add(self, favourite: Favourite) -> Favourite:
        """Insert it; a name taken meanwhile (another chat of the same user) is refused, not duplicated."""
        row = FavouriteRow(
            user_id=int(favourite.user_id),
            name=favourite.name,
            name_key=name_key(favourite.name),
            description=favourite.description[:500],
            items=items_json(favourite.items),
            kcal=favourite.kcal,
        )
        try:
            async with self._sessions() as session, session.begin():
                session.add(row)
                await session.flush()
                return _favourite(row)
        except IntegrityError as err:
            raise InvalidValue("name", NAME_TAKEN, name=favourite.name) from err

    async def rename(self, user_id: UserId, favourite_id: int, name: str) -> None:
        """Rename the user's favourite."""
        mine = (FavouriteRow.id == favourite_id, FavouriteRow.user_id == int(user_id))
        try:
            async with self._sessions() as session, session.begin():
                await session.execute(update(FavouriteRow).where(*mine).values(name=name, name_key=name_key(name)))
        except IntegrityError as err:
            raise InvalidValue("name", NAME_TAKEN, name=name) from err

    async def delete(self, user_id: UserId, favourite_id: int) -> bool:
        """Delete the user's favourite; False when there was none."""
        mine = (FavouriteRow.id == favourite_id, FavouriteRow.user_id == int(user_id))
        async with self._sessions() as session, session.begin():
            found = await session.scalar(select(FavouriteRow.id).where(*mine))
            await session.execute(delete(FavouriteRow).where(*mine))
            return found is not None
