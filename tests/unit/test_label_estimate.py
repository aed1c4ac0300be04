"""Estimates from label values: per 100 g (printed, or converted from a weighed serving) and per serving only."""

from __future__ import annotations

import pytest

from ai import notes
from ai.amounts import caption_count
from ai.label_estimate import label_estimate
from ai.label_parse import LabelFacts, ServingFacts
from core.model import ItemSource

PER_100 = LabelFacts(450.0, 7.0, 60.0, 20.0)
CONVERTED = LabelFacts(376.7, 12.0, 56.7, 9.7, serving_g=30.0)
PER_SERVING = ServingFacts(150.0, 4.0, None, 6.0, "biscuit")


def test_per_100g_label_is_unchanged() -> None:
    stated = label_estimate(PER_100, "granola 40 g")
    assert [(i.name, i.grams, i.kcal) for i in stated.items] == [("granola", 40.0, 180.0)]
    assert stated.notes == (notes.LABEL_READ,)
    plain = label_estimate(PER_100, "")
    assert [(i.grams, i.kcal) for i in plain.items] == [(100.0, 450.0)]
    assert plain.notes == (notes.LABEL_READ, notes.LABEL_DEFAULT_GRAMS)


def test_converted_serving_label_counts_one_serving_without_an_amount() -> None:
    estimate = label_estimate(CONVERTED, "")
    (item,) = estimate.items
    assert (item.name, item.grams, item.kcal, item.protein_g, item.source) == (
        "Food from the label", 30.0, 113.0, 3.6, ItemSource.LABEL
    )  # fmt: skip
    assert estimate.notes == (notes.LABEL_READ_SERVING, notes.LABEL_ONE_SERVING)
    assert item.low_kcal < 113.0 < item.high_kcal


def test_converted_serving_label_uses_the_stated_grams() -> None:
    estimate = label_estimate(CONVERTED, "muesli 45 g")
    assert [(i.name, i.grams, i.kcal) for i in estimate.items] == [("muesli", 45.0, 169.5)]
    assert estimate.notes == (notes.LABEL_READ_SERVING,)


def test_serving_without_weight_is_one_serving_with_a_note() -> None:
    estimate = label_estimate(PER_SERVING, "")
    (item,) = estimate.items
    assert (item.name, item.grams, item.kcal, item.protein_g, item.carbs_g, item.fat_g) == (
        "Food from the label (1 × biscuit)", 0.0, 150.0, 4.0, 0.0, 6.0
    )  # fmt: skip
    assert estimate.notes == (notes.LABEL_PER_SERVING, notes.LABEL_SERVING_COUNT)


@pytest.mark.parametrize(("caption", "name"), [("2 cookies", "cookies"), ("x2", "Food from the label"), ("2", None)])
def test_serving_without_weight_counts_the_servings_in_the_caption(caption: str, name: str | None) -> None:
    estimate = label_estimate(PER_SERVING, caption)
    (item,) = estimate.items
    assert item.kcal == 300.0 and item.fat_g == 12.0
    assert item.name == f"{name or 'Food from the label'} (2 × biscuit)"
    assert estimate.notes == (notes.LABEL_PER_SERVING,)


@pytest.mark.parametrize(
    ("caption", "expected"),
    [("3 x", (3.0, "")), ("½ cookie", (0.5, "cookie")), ("1,5", (1.5, "")), ("50 g", None), ("100 kcal", None),
     ("biscuits", None), ("25", None), ("1/2", None)],
)  # fmt: skip
def test_caption_counts(caption: str, expected: tuple[float, str] | None) -> None:
    assert caption_count(caption) == expected


def test_both_columns_use_per_100g_values_and_one_serving_by_default() -> None:
    both = LabelFacts(380.0, 12.0, 58.0, 9.5, serving_g=30.0, per_100_printed=True)
    plain = label_estimate(both, "")
    assert [(i.grams, i.kcal) for i in plain.items] == [(30.0, 114.0)]
    assert plain.notes == (notes.LABEL_READ, notes.LABEL_ONE_SERVING)
    stated = label_estimate(both, "50g")
    assert [(i.grams, i.kcal) for i in stated.items] == [(50.0, 190.0)]
    assert stated.notes == (notes.LABEL_READ,)
