"""The search benchmark's data: the 250k Open Food Facts sample, expanded to N products, and typo'd queries.

Products past the sample are realistic variants of sampled ones: a brand, a pack size, a flavour or
a claim added, with a fresh barcode in the GS1 in-store range (prefix 2) so no real product clashes.
Queries take a product's name, lose accents and case, and get one edit (two in long words).
"""

from __future__ import annotations

import csv
import gzip
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from core.food.barcode import check_digit
from core.food.normalize import fold, tokens

SAMPLE = ("data", "openfoodfacts_lifyzer_2019", "off_products_250k_export_layout.csv.gz")
COLUMNS = ("code", "product_name", "brands", "energy-kcal_100g", "fat_100g", "carbohydrates_100g", "proteins_100g")
BRANDS = tuple(
    [
        "Carrefour",
        "Auchan",
        "Leclerc",
        "Casino",
        "Monoprix",
        "Lidl",
        "Aldi",
        "Tesco",
        "Sainsbury's",
        "Migros",
        "Coop",
        "Rewe",
        "Edeka",
        "Mercadona",
        "Esselunga",
        "Bonne Maman",
        "Danone",
        "Nestlé",
        "Président",
        "Lu",
    ]
)
EXTRAS = tuple(
    [
        "bio",
        "500 g",
        "1 kg",
        "x6",
        "allégé",
        "format familial",
        "sans sucre",
        "nature",
        "saveur vanille",
        "au chocolat",
        "light",
        "organic",
        "family pack",
        "classic",
        "extra",
        "mini",
        "original",
        "250 g",
        "aux fruits",
        "sans gluten",
        "vollkorn",
        "integrale",
        "entier",
        "demi-écrémé",
        "piquant",
        "2 x 125 g",
    ]
)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True, slots=True)
class Product:
    """One benchmark product row."""

    code: str
    name: str
    brand: str
    kcal: str
    fat: str
    carbs: str
    protein: str


def read_sample(path: Path) -> list[Product]:
    """The sample's products with a name and an energy value."""
    out: list[Product] = []
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        at = {name: header.index(name) for name in COLUMNS}
        for row in reader:
            if len(row) == len(header) and row[at["product_name"]].strip() and row[at["energy-kcal_100g"]]:
                out.append(Product(*(row[at[c]] for c in COLUMNS)))
    return out


def expanded(sample: list[Product], n: int, seed: int = 7) -> Iterator[Product]:
    """``n`` products: the sample first, then variants of random sample products."""
    rng = random.Random(seed)
    yield from sample[:n]
    for i in range(max(0, n - len(sample))):
        base = rng.choice(sample)
        name = base.name
        roll = rng.random()
        if roll < 0.7:
            name = f"{name} {rng.choice(EXTRAS)}"
        if roll > 0.5:
            name = f"{name} {rng.choice(EXTRAS)}"
        body = f"2{i:011d}"
        yield Product(body + str(check_digit(body)), name, rng.choice(BRANDS), base.kcal, base.fat, base.carbs,
                      base.protein)  # fmt: skip


def write_export(products: Iterator[Product], path: Path) -> int:
    """Write an Open Food Facts style TSV export (gzip, fast level); returns the row count."""
    count = 0
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1, newline="") as f:
        f.write("\t".join(COLUMNS) + "\n")
        for p in products:
            f.write(f"{p.code}\t{p.name}\t{p.brand}\t{p.kcal}\t{p.fat}\t{p.carbs}\t{p.protein}\n")
            count += 1
    return count


def typo(word: str, rng: random.Random) -> str:
    """One random edit: delete, insert, substitute or swap two neighbouring letters."""
    i = rng.randrange(len(word))
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1 :]
    if kind == 1:
        return word[:i] + rng.choice(_LETTERS) + word[i:]
    if kind == 2:
        return word[:i] + rng.choice(_LETTERS.replace(word[i], "") or "a") + word[i + 1 :]
    i = min(i, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


@dataclass(frozen=True, slots=True)
class Query:
    """A misspelled query and the folded name of the product it was typed for."""

    text: str
    target: str


def make_queries(sample: list[Product], count: int, seed: int = 11) -> list[Query]:
    """``count`` queries from names of 1-4 words; each has at least one misspelled word."""
    rng = random.Random(seed)
    out: list[Query] = []
    while len(out) < count:
        product = rng.choice(sample)
        words = tokens(product.name)
        long_words = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
        if not 1 <= len(words) <= 4 or not long_words:
            continue
        i = rng.choice(long_words)
        bad = typo(words[i], rng)
        if len(words[i]) >= 8 and rng.random() < 0.25:
            bad = typo(bad, rng)
        words[i] = bad
        out.append(Query(" ".join(words), fold(product.name)))
    return out
