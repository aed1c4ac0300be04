"""Read and validate the built-in food CSV files into :class:`core.model.food.Food` objects.

Every ``data/*.csv`` file has the header ``COLUMNS``. Values are per 100 g of the edible part. A bad row
(unknown number, implausible energy, missing default portion, duplicate id across files, ...) makes the
whole load fail with one :class:`BuiltinFoodError` listing every problem as ``file:line: message``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable

from core.model.food import Food, Portion
from storage.builtin_foods.usda_portions import load_extra_portions
from storage.builtin_foods.validation import RowError, parse_row

COLUMNS = (
    "id",
    "name",
    "name_fr",
    "category",
    "kcal",
    "protein",
    "carbs",
    "fat",
    "aliases",
    "portions",
    "default_portion",
    "usda_ndb",
)
ID_PREFIX = "builtin:"


class BuiltinFoodError(ValueError):
    """The shipped food data is inconsistent; the message lists every bad row."""


@dataclass(frozen=True, slots=True)
class BuiltinFood:
    """One data row: the :class:`Food` plus the fields the domain model does not carry."""

    food: Food
    category: str
    name_fr: str
    usda_ndb: str | None
    source: str


def data_files() -> list[Traversable]:
    """The shipped CSV files, sorted by name."""
    folder = resources.files("storage.builtin_foods").joinpath("data")
    return sorted((f for f in folder.iterdir() if f.name.endswith(".csv")), key=lambda f: f.name)


def load_builtin_rows(files: Iterable[Traversable] | None = None, with_extra: bool = True) -> list[BuiltinFood]:
    """Every built-in food with its category, French name and USDA number; raises on any bad row.

    With ``with_extra`` each food's own portions are followed by the shipped USDA SR28 and category-default
    portions it lacks (see :mod:`storage.builtin_foods.usda_portions`).
    """
    extra = load_extra_portions() if with_extra else {}
    rows: list[BuiltinFood] = []
    errors: list[str] = []
    seen: dict[str, str] = {}
    for file in data_files() if files is None else files:
        text = file.read_text(encoding="utf-8")
        reader = csv.DictReader(io.StringIO(text))
        if tuple(reader.fieldnames or ()) != COLUMNS:
            errors.append(f"{file.name}:1: header must be {','.join(COLUMNS)}")
            continue
        for record in reader:
            where = f"{file.name}:{reader.line_num}"
            try:
                row = parse_row(record)
            except RowError as exc:
                errors.append(f"{where}: {exc}")
                continue
            if row.id in seen:
                errors.append(f"{where}: duplicate id {row.id!r} (first in {seen[row.id]})")
                continue
            seen[row.id] = where
            food = Food(
                id=ID_PREFIX + row.id,
                name=row.name,
                kcal_100g=row.kcal,
                protein_100g=row.protein,
                carbs_100g=row.carbs,
                fat_100g=row.fat,
                generic=True,
                aliases=row.aliases,
                portions=tuple(Portion(name, grams) for name, grams in row.portions) + extra.get(row.id, ()),
                default_grams=row.default_grams,
                name_fr=row.name_fr,
            )
            rows.append(BuiltinFood(food, row.category, row.name_fr, row.usda_ndb, where))
    if errors:
        raise BuiltinFoodError(f"{len(errors)} bad built-in food row(s):\n" + "\n".join(errors))
    return rows


def load_builtin_foods() -> list[Food]:
    """All built-in generic foods (ids ``builtin:<slug>``), validated; raises :class:`BuiltinFoodError`."""
    return [row.food for row in load_builtin_rows()]
