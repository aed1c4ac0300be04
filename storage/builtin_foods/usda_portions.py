"""Household portions built from USDA SR28 (public domain) and per-category container defaults.

The table ``portions/usda_sr28.csv`` is shipped; ``python -m storage.builtin_foods.rebuild_portions
PATH_TO_SR28_DIR`` (:mod:`storage.builtin_foods.rebuild_portions`) writes it from SR28's WEIGHT table
(``sr28_portions.csv``) for every built-in food with a ``usda_ndb``, then adds, for each category, the usual
weight of a container the food has no portion for ("a packet of ketchup" 9 g, "a pouch of juice" 200 g). SR28
measures of a unit the food already has its own portions for are left out (the food's "1 cookie" 30 g is not
joined by SR28's small "1 cookie medium" 10 g). The loader appends these portions after a food's own ones, so a
food's own CSV portions always win.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from core.model.food import Portion

TABLE = "usda_sr28.csv"
HEADER = ("id", "portion", "grams", "source")
# SR28 measures worth keeping: the household words the meal parser reads (not oz, lb or fl oz: those convert).
# Not whole-animal parts or whole pies and cakes: SR28's "1 breast" of turkey is 1.4 kg, "1 pie" a whole pie.
_KEEP_WORDS = """cup tbsp tsp slice piece jar can bottle container packet package pouch bag box bar scoop stick large
    medium small serving cookie cracker muffin roll patty link fillet mini miniature miniatures"""
_KEEP = frozenset(_KEEP_WORDS.split())
# Usual grams of one container by category, from USDA reference amounts, when the food has no such portion.
CATEGORY_DEFAULTS: dict[str, dict[str, float]] = {
    "snack": {"packet": 28.0, "bag": 28.0, "pouch": 28.0, "container": 28.0},
    "sweet": {"packet": 40.0, "bag": 45.0, "pouch": 26.0},
    "sauce": {"packet": 10.0, "pouch": 10.0, "container": 28.0},
    "condiment": {"packet": 9.0, "pouch": 9.0, "container": 28.0},
    "herbs and condiments": {"packet": 5.0},
    "dressing": {"packet": 28.0, "container": 43.0},
    "spread": {"packet": 14.0, "container": 14.0},
    "drink": {"pouch": 200.0, "container": 200.0, "carton": 240.0, "box": 200.0},
    "dessert": {"container": 113.0, "cup": 113.0},
    "fruit": {"container": 113.0, "pouch": 90.0},
    # Nuts and seeds: a single-serve packet, bag or box is USDA's 1 oz (28 g) reference amount, not a 170 g pot.
    "nuts and seeds": {"packet": 28.0, "bag": 28.0, "pouch": 28.0, "container": 28.0},
    "dairy": {"container": 170.0},
    "cheese": {"stick": 28.0},  # a cheese stick (string cheese) is USDA's 1 oz reference amount of cheese
    "breakfast cereal": {"packet": 28.0, "container": 40.0, "cup": 42.0},
    "breakfast cereals": {"packet": 28.0, "container": 40.0, "cup": 42.0},
    # A cup of a solid food without its own cup measure: the median SR28 "1 cup" weight of its food group
    # (poultry and pork 140 g, finfish and shellfish 146 g, snacks 35 g, baked products 72 g), not 240 ml.
    "meat": {"cup": 140.0},
    "poultry": {"cup": 140.0},
    "fish and seafood": {"cup": 146.0},
    "fish": {"cup": 146.0},
    "pastry": {"cup": 72.0},
}
CATEGORY_DEFAULTS["snack"]["cup"] = 35.0
# Sized containers ("a small bag of chips", "a fun-size pack of gumdrops"): a snack-size bag is USDA's 1 oz
# (28 g) reference amount; a fun-size sweet is 18 g, the median of SR28's fun-size and snack-size candy
# measures (15-19 g: bars, a package of M&M's). Named so that only a sized container finds them.
CATEGORY_DEFAULTS["snack"] |= {"snack-size bag": 28.0, "snack-size packet": 28.0}
CATEGORY_DEFAULTS["sweet"] |= {"fun-size packet": 18.0, "fun-size bag": 18.0, "fun-size bar": 18.0}
_SIZES = frozenset({"small", "medium", "large"})
_PAREN = re.compile(r"\(.*?\)|\".*")


def _name(amount: float, measure: str) -> str | None:
    """A portion name in the built-in vocabulary ("1 cup chopped"), or None for measures the parser never uses."""
    text = " ".join(_PAREN.sub(" ", measure.lower()).replace(",", " ").split())
    if not text or text.split()[0] not in _KEEP or amount <= 0:
        return None
    count = "1/2" if amount == 0.5 else "1/4" if amount == 0.25 else f"{amount:g}"
    return f"{count} {text}"[:60]


Row = tuple[str, str, float, str]


def build_rows(sr28_dir: Path, foods: Iterable[tuple[str, str, str | None, set[str]]]) -> list[Row]:
    """Rows (id, portion, grams, source) for ``foods`` given as (id, category, usda_ndb, own portion names)."""
    weights: dict[str, list[tuple[str, float]]] = {}
    with (sr28_dir / "sr28_portions.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = _name(float(row["amount"]), row["measure"])
            if name:
                weights.setdefault(row["ndb_no"].zfill(5), []).append((name, float(row["grams"])))
    rows: list[Row] = []
    for food_id, category, ndb, own in foods:
        taken = {n.lower() for n in own}
        own_units = {w for n in taken for w in re.split(r"[^a-z]+", n) if w}
        if own_units & _SIZES:
            own_units |= _SIZES
        for name, grams in weights.get((ndb or "").zfill(5), []) if ndb else []:
            unit = name.split()[1]  # the food's own measures of a unit win over all of SR28's ("1 cookie medium")
            if name not in taken and unit not in own_units and 0 < grams <= 5000:
                taken.add(name)
                rows.append((food_id, name, grams, f"SR28 {ndb}"))
        own_words = " ".join(taken)
        for unit, grams in CATEGORY_DEFAULTS.get(category.strip().lower(), {}).items():
            if not re.search(rf"\b{unit}\b", own_words):
                rows.append((food_id, f"1 {unit}", grams, f"category {category}"))
    return rows


def write_table(rows: list[Row], path: Path) -> None:
    """Write the shipped table."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows((i, n, f"{g:g}", s) for i, n, g, s in rows)


def load_extra_portions(text: str | None = None) -> dict[str, tuple[Portion, ...]]:
    """The shipped extra portions by built-in slug (empty when the table is absent)."""
    if text is None:
        file = resources.files("storage.builtin_foods").joinpath("portions", TABLE)
        if not file.is_file():
            return {}
        text = file.read_text(encoding="utf-8")
    extra: dict[str, list[Portion]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        extra.setdefault(row["id"], []).append(Portion(row["portion"], float(row["grams"])))
    return {k: tuple(v) for k, v in extra.items()}
