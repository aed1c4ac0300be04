"""Real rapidocr (bundled PP-OCR models, defaults) on nutrition labels the test renders with DejaVu Sans."""

from __future__ import annotations

import gc

import pytest
from PIL import Image

from ai import label_ocr
from ai.images import open_image
from ai.label_ocr import read_label
from ai.label_parse import LabelFacts, ServingFacts
from tests.media_samples import jpeg, label_picture

pytestmark = pytest.mark.slow

ROWS = [
    ("", "per 100 g", "per bar (30 g)"),
    ("Energy", "1590 kJ", "477 kJ"),
    ("", "378 kcal", "113 kcal"),
    ("Fat", "9.5 g", "2.9 g"),
    ("of which saturates", "1.2 g", "0.4 g"),
    ("Carbohydrate", "58 g", "17 g"),
    ("of which sugars", "21 g", "6.3 g"),
    ("Protein", "12 g", "3.6 g"),
    ("Salt", "0.6 g", "0.2 g"),
]


def test_english_label_per_100g() -> None:
    facts = read_label(open_image(jpeg(label_picture("Nutrition information", ROWS))))
    assert isinstance(facts, LabelFacts)
    assert facts.kcal_100g == 378.0
    assert (facts.protein_100g, facts.carbs_100g, facts.fat_100g) == (12.0, 58.0, 9.5)


def test_kilojoule_only_french_label_slightly_turned() -> None:
    rows = [
        ("", "pour 100 g", "par portion"),
        ("Énergie", "1674 kJ", "502 kJ"),
        ("Matières grasses", "20 g", "6 g"),
        ("Glucides", "45 g", "13,5 g"),
        ("Protéines", "8,5 g", "2,6 g"),
    ]
    picture = label_picture("Valeurs nutritionnelles", rows).rotate(2, expand=True, fillcolor="white")
    facts = read_label(picture)
    assert isinstance(facts, LabelFacts)
    assert facts.kcal_100g == pytest.approx(1674 / 4.184, abs=0.5)
    assert (facts.protein_100g, facts.carbs_100g, facts.fat_100g) == (8.5, 45.0, 20.0)


def test_a_picture_without_a_label_gives_none() -> None:
    assert read_label(Image.new("RGB", (640, 480), (200, 120, 60))) is None


def test_label_printed_only_per_serving_is_converted_to_100g() -> None:
    rows = [
        ("", "Per serving (30 g)", ""),
        ("Energy", "477 kJ / 113 kcal", ""),
        ("Fat", "2.9 g", ""),
        ("Carbohydrate", "17 g", ""),
        ("Protein", "3.6 g", ""),
    ]
    facts = read_label(open_image(jpeg(label_picture("Nutrition information", rows))))
    assert facts == LabelFacts(376.7, 12.0, 56.7, 9.7, serving_g=30.0)


def test_french_label_per_portion_without_weight_stays_per_portion() -> None:
    rows = [("", "Par portion", ""), ("Énergie", "628 kJ / 150 kcal", ""), ("Protéines", "4 g", "")]
    facts = read_label(label_picture("Valeurs nutritionnelles", rows))
    assert facts == ServingFacts(150.0, 4.0, None, None, "portion")


def test_the_engine_is_frozen_once_made(monkeypatch: pytest.MonkeyPatch) -> None:
    """Later full collections of the bot's event loop do not walk the OCR engine (ops/collector.py)."""
    monkeypatch.setattr(label_ocr, "_engine", None)  # a new engine, as on a process's first label
    try:
        read_label(open_image(jpeg(label_picture("Nutrition information", ROWS))))
        engine = label_ocr._engine
        assert engine is not None
        assert all(candidate is not engine for candidate in gc.get_objects())
    finally:
        gc.unfreeze()
