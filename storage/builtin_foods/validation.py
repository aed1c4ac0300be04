"""Parsing and plausibility checks for one built-in food CSV row (pure functions, no I/O)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
NDB = re.compile(r"^\d{4,5}$")
MAX_KCAL = 900.0
MAX_PORTION_G = 5000.0
# Energy from macros (4 kcal/g protein and carbohydrate, 9 kcal/g fat) versus the stated kcal:
# stated energy may be lower (fibre and polyols count in carbohydrate but give ~0-2 kcal/g) but not higher,
# except for alcoholic drinks (7 kcal/g ethanol, not a column).
LOW_FACTOR, LOW_SLACK = 0.5, 10.0
HIGH_FACTOR, HIGH_SLACK = 1.15, 20.0
MAX_ALCOHOL_KCAL = 7.0 * 50.0


class RowError(ValueError):
    """One row cannot be used; the message says why."""


@dataclass(frozen=True, slots=True)
class ParsedRow:
    """A validated row, with aliases and portions split out."""

    id: str
    name: str
    name_fr: str
    category: str
    kcal: float
    protein: float
    carbs: float
    fat: float
    aliases: tuple[str, ...]
    portions: tuple[tuple[str, float], ...]
    default_grams: float
    usda_ndb: str | None


def _number(record: dict[str, str | None], column: str, high: float) -> float:
    raw = (record.get(column) or "").strip()
    try:
        value = float(raw)
    except ValueError:
        raise RowError(f"{column} must be a number, got {raw!r}") from None
    if not math.isfinite(value) or not 0.0 <= value <= high:
        raise RowError(f"{column} must be between 0 and {high:g}, got {raw}")
    return value


def _text(record: dict[str, str | None], column: str) -> str:
    return " ".join((record.get(column) or "").split())


def check_energy(kcal: float, protein: float, carbs: float, fat: float, category: str) -> None:
    """Raise :class:`RowError` when kcal cannot come from the stated macros."""
    if protein + carbs + fat > 100.5:
        raise RowError(f"protein + carbs + fat = {protein + carbs + fat:g} g exceeds 100 g")
    estimate = 4 * protein + 4 * carbs + 9 * fat
    high = HIGH_FACTOR * estimate + HIGH_SLACK
    if "alcohol" in category.lower():
        high += MAX_ALCOHOL_KCAL
    if not LOW_FACTOR * estimate - LOW_SLACK <= kcal <= high:
        raise RowError(f"kcal {kcal:g} does not fit the macros (4p+4c+9f = {estimate:.0f})")


def parse_portions(raw: str) -> tuple[tuple[str, float], ...]:
    """``1 medium:118|1 cup sliced:150`` -> ``(("1 medium", 118.0), ("1 cup sliced", 150.0))``."""
    portions: list[tuple[str, float]] = []
    for item in filter(None, (part.strip() for part in raw.split("|"))):
        name, sep, grams_text = item.rpartition(":")
        name = " ".join(name.split())
        if not sep or not name:
            raise RowError(f"portion {item!r} must look like 'name:grams'")
        try:
            grams = float(grams_text)
        except ValueError:
            raise RowError(f"portion {item!r} has no gram weight") from None
        if not math.isfinite(grams) or not 0 < grams <= MAX_PORTION_G:
            raise RowError(f"portion {item!r} must weigh between 0 and {MAX_PORTION_G:g} g")
        if any(name.lower() == seen.lower() for seen, _ in portions):
            raise RowError(f"portion {name!r} is listed twice")
        portions.append((name, grams))
    return tuple(portions)


def _aliases(name: str, name_fr: str, raw: str) -> tuple[str, ...]:
    seen = {name.lower()}
    aliases: list[str] = []
    for alias in [name_fr, *raw.split("|")]:
        alias = " ".join(alias.split())
        if alias and alias.lower() not in seen:
            seen.add(alias.lower())
            aliases.append(alias)
    return tuple(aliases)


def parse_row(record: dict[str, str | None]) -> ParsedRow:
    """Validate one CSV record (a :class:`csv.DictReader` row); raise :class:`RowError` when unusable."""
    slug = _text(record, "id")
    if not SLUG.match(slug):
        raise RowError(f"id {slug!r} must be a lower-case slug (a-z, 0-9, _ and -)")
    name, name_fr, category = _text(record, "name"), _text(record, "name_fr"), _text(record, "category")
    for column, value in (("name", name), ("name_fr", name_fr), ("category", category)):
        if not value:
            raise RowError(f"{column} is empty")
    kcal = _number(record, "kcal", MAX_KCAL)
    protein, carbs, fat = (_number(record, column, 100.0) for column in ("protein", "carbs", "fat"))
    check_energy(kcal, protein, carbs, fat, category)
    portions = parse_portions(record.get("portions") or "")
    default = _text(record, "default_portion")
    grams = {portion.lower(): weight for portion, weight in portions}
    if portions and default.lower() not in grams:
        raise RowError(f"default_portion {default!r} is not one of the portions")
    if not portions and default:
        raise RowError(f"default_portion {default!r} given but there are no portions")
    ndb = _text(record, "usda_ndb")
    if ndb and not NDB.match(ndb):
        raise RowError(f"usda_ndb {ndb!r} must be a 4-5 digit NDB number")
    return ParsedRow(
        id=slug,
        name=name,
        name_fr=name_fr,
        category=category,
        kcal=kcal,
        protein=protein,
        carbs=carbs,
        fat=fat,
        aliases=_aliases(name, name_fr, record.get("aliases") or ""),
        portions=portions,
        default_grams=grams.get(default.lower(), 100.0),
        usda_ndb=ndb.zfill(5) if ndb else None,
    )
