"""The shipped built-in foods: complete, valid, bilingual, with portions, and close to USDA SR28."""

from __future__ import annotations

import csv
import statistics
from functools import cache

from storage.builtin_foods import BuiltinFood, load_builtin_foods, load_builtin_rows
from tests.shared_data import shared_path

# Relative deviations use at least this many kcal as the denominator, so that 1 vs 2 kcal (black coffee)
# does not count as 50 % off.
KCAL_FLOOR = 20.0
MEDIAN_KCAL_LIMIT = 0.10
MAX_KCAL_LIMIT = 0.40
# Macros are compared loosely: within 40 % of USDA or 3 g, whichever is larger.
MACRO_REL, MACRO_ABS = 0.40, 3.0


@cache
def rows() -> tuple[BuiltinFood, ...]:
    return tuple(load_builtin_rows())


@cache
def sr28() -> dict[str, dict[str, float]]:
    path = shared_path("data", "usda_sr28", "sr28_foods.csv")
    columns = {"kcal": "energy_kcal_100g", "protein": "protein_g_100g", "carbs": "carbohydrate_g_100g"}
    columns["fat"] = "fat_g_100g"
    table: dict[str, dict[str, float]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            table[record["ndb_no"]] = {key: float(record[col] or 0) for key, col in columns.items()}
    return table


def test_at_least_a_thousand_foods() -> None:
    assert len(load_builtin_foods()) >= 1000


def test_ids_are_unique_and_prefixed() -> None:
    ids = [row.food.id for row in rows()]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("builtin:") for i in ids)


def test_every_food_is_generic_with_plausible_numbers() -> None:
    for row in rows():
        food = row.food
        assert food.generic and food.brand is None and food.barcode is None, food.id
        assert 0 <= food.kcal_100g <= 900, food.id
        assert food.protein_100g + food.carbs_100g + food.fat_100g <= 100.5, food.id


def test_french_names_are_present_and_searchable() -> None:
    for row in rows():
        assert row.name_fr.strip(), row.food.id
        assert row.name_fr.lower() == row.food.name.lower() or row.name_fr in row.food.aliases, row.food.id


def test_every_food_has_household_portions_and_a_default() -> None:
    for row in rows():
        food = row.food
        assert food.portions, f"{food.id} has no household portion"
        assert food.default_grams in {p.grams for p in food.portions}, food.id


def test_common_foods_have_expected_portions() -> None:
    by_name = {row.food.name: row.food for row in rows()}
    egg = by_name["egg, boiled"]
    assert egg.portion("1 large") is not None and 45 <= egg.default_grams <= 60
    banana = by_name["banana"]
    assert 100 <= banana.default_grams <= 130
    assert by_name["butter"].portion("1 tbsp") is not None
    assert by_name["bread, white"].portion("1 slice") is not None


def _deviation(ours: float, usda: float) -> float:
    return abs(ours - usda) / max(usda, KCAL_FLOOR)


def test_values_agree_with_usda_sr28() -> None:
    table = sr28()
    matched = [row for row in rows() if row.usda_ndb]
    unknown = [f"{row.food.id}: {row.usda_ndb}" for row in matched if row.usda_ndb not in table]
    assert not unknown, f"NDB numbers not in SR28: {unknown}"
    deviations = sorted(
        ((_deviation(row.food.kcal_100g, table[row.usda_ndb or ""]["kcal"]), row) for row in matched),
        key=lambda pair: pair[0],
        reverse=True,
    )
    values = [dev for dev, _ in deviations]
    median = statistics.median(values)
    print(f"\nUSDA SR28 check: {len(matched)} of {len(rows())} foods have an NDB counterpart")
    print(f"kcal deviation: median {median:.1%}, p90 {values[len(values) // 10]:.1%}, max {values[0]:.1%}")
    for dev, row in deviations[:10]:
        print(f"  {dev:6.1%}  {row.food.id} ({row.food.kcal_100g:g} vs {table[row.usda_ndb or '']['kcal']:g} kcal)")
    assert median <= MEDIAN_KCAL_LIMIT
    too_far = [f"{row.food.id}: {dev:.0%}" for dev, row in deviations if dev > MAX_KCAL_LIMIT]
    assert not too_far, f"kcal more than 40 % off USDA: {too_far}"


def test_macros_agree_loosely_with_usda_sr28() -> None:
    table = sr28()
    off: list[str] = []
    for row in (r for r in rows() if r.usda_ndb in table):
        usda = table[row.usda_ndb or ""]
        ours = {"protein": row.food.protein_100g, "carbs": row.food.carbs_100g, "fat": row.food.fat_100g}
        for key, value in ours.items():
            if abs(value - usda[key]) > max(MACRO_REL * usda[key], MACRO_ABS):
                off.append(f"{row.food.id} {key}: {value:g} vs {usda[key]:g}")
    print(f"\nmacros outside max(40 %, 3 g) of USDA: {len(off)}")
    assert not off, off
