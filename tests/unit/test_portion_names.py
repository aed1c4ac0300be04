"""Portion labels in French: the glossary word by word, the English label kept whole when a word is unknown.

Run with ``-s`` to print the share of shipped portion labels (built-in tables, and USDA SR28 when present) that
translate fully; docs/foods.md quotes these lines.
"""

import csv
from pathlib import Path

import pytest

from core.food.portion_glossary import ADJECTIVES, MODIFIERS, NOUNS
from core.food.portion_names import french_portion, portion_label, share_translated
from storage.builtin_foods import load_builtin_rows

SR28 = Path(__file__).resolve().parents[3] / "shared" / "data" / "usda_sr28" / "sr28_portions.csv"


@pytest.mark.parametrize(
    ("english", "french"),
    [
        ("1 medium", "1 moyen(ne)"),
        ("1 slice", "1 tranche"),
        ("2 slices", "2 tranches"),
        ("1 cup, chopped", "1 tasse, haché"),
        ("1 cup chopped", "1 tasse, haché"),
        ("1 serving", "1 portion"),
        ("1 large plate", "1 grande assiette"),  # a size before its noun, agreeing with it
        ("1 medium pizza", "1 pizza moyenne"),  # a size after its noun
        ("1 thick slice", "1 tranche épaisse"),
        ("10 small clams", "10 petites palourdes"),  # plural agreement
        ("10 shrimp", "10 crevettes"),  # the count makes the plural
        ("1 half pizza", "1 demi-pizza"),
        ("1 half", "1 moitié"),
        ("1 pack lardons", "1 paquet de lardons"),  # two nouns: X de Y
        ("1/2 cup", "1/2 tasse"),
        ("1.5 cup", "1,5 tasse"),  # French decimal comma
        ("1 cup (1 NLEA serving)", "1 tasse (1 portion NLEA)"),
        ("1 slice thick/large", "1 tranche épaisse/grande"),
        ("1 tbsp", "1 c. à soupe"),
    ],
)
def test_known_words_translate(english: str, french: str) -> None:
    assert french_portion(english) == french
    assert portion_label(english, "fr") == french
    assert portion_label(english, "fr-CA") == french


@pytest.mark.parametrize("label", ["1 cup oyster crackers", "1 slice pavlova", "1 tacos xl", "1 cup wibble", ""])
def test_a_label_with_an_unknown_word_stays_english_whole(label: str) -> None:
    assert french_portion(label) is None
    assert portion_label(label, "fr") == label


def test_english_users_get_the_label_as_it_is() -> None:
    assert portion_label("1 medium", "en") == "1 medium"


def test_every_glossary_word_is_used_alone_or_in_a_label_without_error() -> None:
    for word in [*NOUNS, *ADJECTIVES, *MODIFIERS]:
        result = french_portion(f"1 {word}")
        assert result is not None and result.startswith("1 "), word


def _share(found: int, total: int) -> str:
    return f"{found}/{total} ({100 * found / total:.1f} %)"


def test_share_of_built_in_portion_labels_translated_fully() -> None:
    labels = [p.name for row in load_builtin_rows() for p in row.food.portions]
    found, total = share_translated(labels)
    print(f"\nbuilt-in portion labels translated fully into French: {_share(found, total)} distinct labels")
    assert total > 300 and found / total >= 0.85  # the glossary covers the shipped tables; a drop fails here


@pytest.mark.skipif(not SR28.is_file(), reason="USDA SR28 measures (../shared/data/usda_sr28) not present")
def test_share_of_usda_sr28_measures_translated_fully() -> None:
    with SR28.open(encoding="utf-8") as handle:
        labels = [f"{float(row['amount']):g} {row['measure']}" for row in csv.DictReader(handle)]
    found, total = share_translated(labels)
    rows = sum(french_portion(label) is not None for label in labels)
    print(f"\nUSDA SR28 measures translated fully: {_share(found, total)} distinct, {_share(rows, len(labels))} rows")
    assert found / total >= 0.4 and rows / len(labels) >= 0.75
