"""Meals and weigh-ins in SQL.

A day's meals are read after every Save and on ``/today``: one Core ``SELECT`` of meals joined to their items
(was the ORM's meals query plus its ``selectin`` items query, each row an entity), outside the unit's
transaction when it wrote nothing yet (:mod:`storage.repositories.unit_reads`).

A Save (:meth:`SqlMealRepository.add_unless_saved`) is on PostgreSQL ONE autocommitted statement when it is its
unit's first write: the meal's ``INSERT ... ON CONFLICT (user_id, estimate_key) DO NOTHING`` as a CTE of its
items' ``INSERT`` (``unnest`` of one array a column), the unique index ``ux_meals_user_estimate`` deciding whether
a meal was saved from the estimate already. It was ``BEGIN``, the "saved from it?" read, the meal, the items and
``COMMIT``: five round trips. Repeated after a dead connection it finds its own meal (a conflict), as a second
press does. Elsewhere (SQLite, a unit that wrote before) the read, then the two inserts, in the unit.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from operator import attrgetter
from typing import Any, cast

from sqlalchemy import Date, Float, Integer, String, Table, bindparam, delete, func, insert, select, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession

from core.model import ItemSource, Meal, MealId, MealItem, MealType, UserId, WeightEntry
from core.model.day_totals import DayTotals
from storage.engine import on_live_connection, run_single
from storage.models import MealItemRow, MealRow, WeightRow
from storage.repositories.unit_reads import outside_transaction, read_rows
from storage.types import UtcDateTime

_ITEM_FIELDS = ("name", "grams", "kcal", "protein_g", "carbs_g", "fat_g", "source", "low_kcal", "high_kcal", "food_id")
_entity_item = attrgetter(*_ITEM_FIELDS)  # a MealItemRow's values, in MealItem's order
_joined_item = attrgetter(*(f"item_{name}" for name in _ITEM_FIELDS))  # the same from a row of _ON_DAY
_MEAL_COLUMNS = tuple(MealRow.__table__.c)
_ITEM_COLUMNS = tuple(MealItemRow.__table__.c[name].label(f"item_{name}") for name in ("id", *_ITEM_FIELDS))
_MEAL_TYPES = frozenset(m.value for m in MealType)


def _item(values: tuple[Any, ...]) -> MealItem:
    """A meal item from its columns' values in ``_ITEM_FIELDS`` order."""
    name, grams, kcal, protein_g, carbs_g, fat_g, source, low_kcal, high_kcal, food_id = values
    return MealItem(name, grams, kcal, protein_g, carbs_g, fat_g, ItemSource(source), low_kcal, high_kcal, food_id)


def _meal_of(row: Any, items: tuple[MealItem, ...]) -> Meal:
    """A meal from a meals row (a MealRow or a row of _ON_DAY: the same names) and its items."""
    kind = MealType(row.meal_type) if row.meal_type in _MEAL_TYPES else None
    return Meal(
        MealId(row.id), UserId(row.user_id), row.eaten_at, row.local_day, items, row.description, row.input_kind,
        meal_type=kind, estimate_key=row.estimate_key,
    )  # fmt: skip


# Run after every Save and on /today: built once (building and cache-keying a statement costs about as much CPU
# as sending it)
_ON_DAY = (
    select(*_MEAL_COLUMNS, *_ITEM_COLUMNS)
    .outerjoin(MealItemRow, MealItemRow.meal_id == MealRow.id)
    .where(MealRow.user_id == bindparam("user_id"), MealRow.local_day == bindparam("day"))
    .order_by(MealRow.eaten_at, MealRow.id, MealItemRow.position)
)
_SAVED_FROM = select(MealRow).where(
    MealRow.user_id == bindparam("user_id"), MealRow.estimate_key == bindparam("estimate_key")
)
_INSERT_MEAL = insert(cast(Table, MealRow.__table__)).returning(MealRow.__table__.c.id)
_INSERT_ITEMS = insert(cast(Table, MealItemRow.__table__))

# PostgreSQL: a Save in one statement (see the module's text); the meal's id, or no row when it was saved before
_ADD_ONCE = text(
    "WITH meal AS ("
    " INSERT INTO meals (user_id, eaten_at, local_day, description, input_kind, kcal, meal_type, estimate_key)"
    " VALUES (:user_id, :eaten_at, :local_day, :description, :input_kind, :kcal, :meal_type, :estimate_key)"
    " ON CONFLICT (user_id, estimate_key) DO NOTHING RETURNING id"
    "), items AS ("
    " INSERT INTO meal_items"
    " (meal_id, position, name, grams, kcal, protein_g, carbs_g, fat_g, source, low_kcal, high_kcal, food_id)"
    " SELECT meal.id, item.n - 1, item.name, item.grams, item.kcal, item.protein_g, item.carbs_g, item.fat_g,"
    " item.source, item.low_kcal, item.high_kcal, item.food_id"
    " FROM meal, unnest(:names, :grams, :kcals, :proteins, :carbs, :fats, :sources, :lows, :highs, :food_ids)"
    " WITH ORDINALITY AS item(name, grams, kcal, protein_g, carbs_g, fat_g, source, low_kcal, high_kcal, food_id, n)"
    ") SELECT id FROM meal"
).bindparams(
    bindparam("user_id", type_=Integer()),
    bindparam("eaten_at", type_=UtcDateTime()),
    bindparam("local_day", type_=Date()),
    bindparam("kcal", type_=Float()),
    *(bindparam(name, type_=ARRAY(String())) for name in ("names", "sources", "food_ids")),
    *(
        bindparam(name, type_=ARRAY(Float()))
        for name in ("grams", "kcals", "proteins", "carbs", "fats", "lows", "highs")
    ),
)


def _stored_items(meal: Meal) -> tuple[MealItem, ...]:
    """The meal's items as stored (a name is at most 200 characters)."""
    return tuple(replace(i, name=i.name[:200]) for i in meal.items)


def _item_row(meal_id: int, position: int, item: MealItem) -> dict[str, object]:
    return {
        "meal_id": meal_id, "position": position, "name": item.name, "grams": item.grams, "kcal": item.kcal,
        "protein_g": item.protein_g, "carbs_g": item.carbs_g, "fat_g": item.fat_g, "source": item.source.value,
        "low_kcal": item.low_kcal, "high_kcal": item.high_kcal, "food_id": item.food_id,
    }  # fmt: skip


def _meal(row: MealRow) -> Meal:
    return _meal_of(row, tuple(_item(_entity_item(i)) for i in row.items))


def _meals_joined(rows: list[Any]) -> list[Meal]:
    """Meals from rows of meals left-joined to their items, in meal then item order."""
    meals: list[Meal] = []
    items: list[MealItem] = []
    for n, row in enumerate(rows):
        if row.item_id is not None:
            items.append(_item(_joined_item(row)))
        if n + 1 < len(rows) and rows[n + 1].id == row.id:
            continue
        meals.append(_meal_of(row, tuple(items)))
        items = []
    return meals


class SqlMealRepository:
    """:class:`core.ports.MealRepository` over SQLAlchemy."""

    def __init__(self, session: AsyncSession) -> None:
        self._s = session

    async def add(self, meal: Meal) -> Meal:
        """Insert the meal and its items (Core: two statements, no ORM flush); returns it with its id."""
        meal_id = int((await self._s.execute(_INSERT_MEAL, self._meal_row(meal))).scalar_one())
        items = _stored_items(meal)
        if items:
            await self._s.execute(_INSERT_ITEMS, [_item_row(meal_id, n, i) for n, i in enumerate(items)])
        return Meal(
            MealId(meal_id), meal.user_id, meal.eaten_at, meal.local_day, items, meal.description, meal.input_kind,
            meal_type=meal.meal_type, estimate_key=meal.estimate_key,
        )  # fmt: skip

    @staticmethod
    def _meal_row(meal: Meal) -> dict[str, object]:
        return {
            "user_id": int(meal.user_id),
            "eaten_at": meal.eaten_at,
            "local_day": meal.local_day,
            "description": meal.description,
            "input_kind": meal.input_kind,
            "meal_type": meal.meal_type.value if meal.meal_type else None,
            "kcal": sum(i.kcal for i in meal.items),
            "estimate_key": meal.estimate_key,
        }

    async def add_unless_saved(self, meal: Meal) -> Meal | None:
        """Add the meal unless one was saved from its estimate (None then); on PostgreSQL one statement.

        The unit's last write: as its first write on PostgreSQL it is committed at once (see the module's text).
        """
        single = outside_transaction(self._s) if meal.estimate_key is not None else None
        if single is None:
            if meal.estimate_key is not None and await self.saved_from(meal.user_id, meal.estimate_key) is not None:
                return None
            return await self.add(meal)
        items = _stored_items(meal)
        params = {
            **self._meal_row(meal),
            "names": [i.name for i in items], "grams": [i.grams for i in items], "kcals": [i.kcal for i in items],
            "proteins": [i.protein_g for i in items], "carbs": [i.carbs_g for i in items],
            "fats": [i.fat_g for i in items], "sources": [i.source.value for i in items],
            "lows": [i.low_kcal for i in items], "highs": [i.high_kcal for i in items],
            "food_ids": [i.food_id for i in items],
        }  # fmt: skip
        new_id = await on_live_connection(lambda: run_single(single, lambda conn: conn.scalar(_ADD_ONCE, params)))
        if new_id is None:
            return None
        return replace(meal, id=MealId(int(new_id)), items=items)

    async def saved_from(self, user_id: UserId, estimate_key: str) -> Meal | None:
        """The user's meal saved from that estimate, if one was (one indexed read on every Save)."""
        params = {"user_id": int(user_id), "estimate_key": estimate_key}
        row = (await self._s.execute(_SAVED_FROM, params)).scalar_one_or_none()
        return _meal(row) if row is not None else None

    async def on_day(self, user_id: UserId, day: date) -> list[Meal]:
        """The user's meals of one local day, oldest first."""
        if self._s.new or self._s.dirty or self._s.deleted:
            await self._s.flush()  # a Core statement does not autoflush: meals added in this unit first
        rows = await read_rows(self._s, _ON_DAY, {"user_id": int(user_id), "day": day})  # unit_reads: no write yet
        return _meals_joined(list(rows))

    async def last(self, user_id: UserId) -> Meal | None:
        """The most recently logged meal."""
        query = select(MealRow).where(MealRow.user_id == int(user_id)).order_by(MealRow.id.desc()).limit(1)
        row = (await self._s.execute(query)).scalar_one_or_none()
        return _meal(row) if row else None

    async def delete(self, meal_id: MealId) -> None:
        """Delete a meal and its items."""
        await self._s.execute(delete(MealItemRow).where(MealItemRow.meal_id == int(meal_id)))
        await self._s.execute(delete(MealRow).where(MealRow.id == int(meal_id)))

    async def daily_totals(self, user_id: UserId, start_day: date, end_day: date) -> list[DayTotals]:
        """Per local day from ``start_day`` to ``end_day`` (inclusive): sums of the meals, oldest first."""
        item = MealItemRow
        query = (
            select(
                MealRow.local_day,
                *(func.coalesce(func.sum(c), 0.0) for c in (item.kcal, item.protein_g, item.carbs_g, item.fat_g)),
                func.count(func.distinct(MealRow.id)),
            )
            .outerjoin(item, item.meal_id == MealRow.id)
            .where(MealRow.user_id == int(user_id), MealRow.local_day.between(start_day, end_day))
            .group_by(MealRow.local_day)
            .order_by(MealRow.local_day)
        )
        rows = (await self._s.execute(query)).all()
        return [DayTotals(r[0], float(r[1]), float(r[2]), float(r[3]), float(r[4]), int(r[5])) for r in rows]


class SqlWeightRepository:
    """:class:`core.ports.WeightRepository` over SQLAlchemy."""

    def __init__(self, session: AsyncSession) -> None:
        self._s = session

    async def add(self, entry: WeightEntry) -> None:
        """Insert a weigh-in."""
        self._s.add(
            WeightRow(
                user_id=int(entry.user_id),
                weight_kg=entry.weight_kg,
                measured_at=entry.measured_at,
                local_day=entry.local_day,
            )
        )
        await self._s.flush()

    async def history(self, user_id: UserId) -> list[WeightEntry]:
        """All weigh-ins, oldest first."""
        query = select(WeightRow).where(WeightRow.user_id == int(user_id)).order_by(WeightRow.measured_at, WeightRow.id)
        return [
            WeightEntry(UserId(r.user_id), r.weight_kg, r.measured_at, r.local_day)
            for r in (await self._s.execute(query)).scalars()
        ]
