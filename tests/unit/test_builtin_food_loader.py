"""The built-in food loader rejects bad rows loudly and builds Food objects from good ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.builtin_foods import BuiltinFoodError, load_builtin_rows

HEADER = "id,name,name_fr,category,kcal,protein,carbs,fat,aliases,portions,default_portion,usda_ndb\n"
BANANA = "banana,banana,banane,fruit,89,1.1,22.8,0.3,bananas|bananes,1 medium:118|1 small:101,1 medium,9040\n"


def write(tmp_path: Path, name: str, *lines: str) -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


def test_a_good_row_becomes_a_generic_food(tmp_path: Path) -> None:
    [row] = load_builtin_rows([write(tmp_path, "a.csv", BANANA)])
    food = row.food
    assert food.id == "builtin:banana" and food.generic
    assert food.aliases == ("banane", "bananas", "bananes")
    assert food.default_grams == 118 and food.portion("1 SMALL") is not None
    assert row.usda_ndb == "09040" and row.category == "fruit" and row.name_fr == "banane"


def test_duplicate_id_across_files_fails(tmp_path: Path) -> None:
    files = [write(tmp_path, "a.csv", BANANA), write(tmp_path, "b.csv", BANANA)]
    with pytest.raises(BuiltinFoodError, match="duplicate id 'banana'"):
        load_builtin_rows(files)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("x,apple,pomme,fruit,952,0.3,14,0.2,,1 medium:180,1 medium,\n", "kcal must be between"),
        ("x,apple,pomme,fruit,abc,0.3,14,0.2,,1 medium:180,1 medium,\n", "kcal must be a number"),
        ("x,apple,pomme,fruit,300,0.3,14,0.2,,1 medium:180,1 medium,\n", "does not fit the macros"),
        ("x,apple,pomme,fruit,52,0.3,14,0.2,,1 medium:180,1 large,\n", "not one of the portions"),
        ("x,apple,pomme,fruit,52,0.3,14,0.2,,1 medium:zero,1 medium,\n", "no gram weight"),
        ("x,apple,,fruit,52,0.3,14,0.2,,1 medium:180,1 medium,\n", "name_fr is empty"),
        ("X Y,apple,pomme,fruit,52,0.3,14,0.2,,1 medium:180,1 medium,\n", "lower-case slug"),
        ("x,apple,pomme,fruit,52,0.3,14,0.2,,1 medium:180,1 medium,ab12\n", "NDB number"),
    ],
)
def test_bad_rows_are_reported_with_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    with pytest.raises(BuiltinFoodError, match=message) as caught:
        load_builtin_rows([write(tmp_path, "bad.csv", BANANA, line)])
    assert "bad.csv:3:" in str(caught.value)


def test_alcohol_energy_is_allowed_only_for_alcoholic_drinks(tmp_path: Path) -> None:
    beer = "beer,beer,bière,{cat},43,0.5,3.6,0,,1 can:355,1 can,\n"
    assert load_builtin_rows([write(tmp_path, "ok.csv", beer.format(cat="alcohol"))])
    with pytest.raises(BuiltinFoodError, match="does not fit the macros"):
        load_builtin_rows([write(tmp_path, "bad.csv", beer.format(cat="drinks"))])


def test_wrong_header_fails(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("id,name\nbanana,banana\n", encoding="utf-8")
    with pytest.raises(BuiltinFoodError, match="header must be"):
        load_builtin_rows([path])
