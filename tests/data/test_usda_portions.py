"""The shipped USDA SR28 portion table: built from SR28, up to date, merged after each food's own portions."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.model.food import Portion
from storage.builtin_foods import load_builtin_rows
from storage.builtin_foods.rebuild_portions import main, portion_inputs
from storage.builtin_foods.usda_portions import TABLE, build_rows, load_extra_portions
from tests.shared_data import shared_path

SR28_LINES = """ndb_no,description,seq,amount,measure,grams
01001,"Butter, salted",1,1.0,"pat (1"" sq, 1/3"" high)",5.0
01001,"Butter, salted",2,1.0,tbsp,14.2
01001,"Butter, salted",3,1.0,oz,28.35
03116,"Babyfood, fruit, applesauce, strained",3,1.0,jar,113.0
03116,"Babyfood, fruit, applesauce, strained",4,0.5,cup,120.0
"""


def test_build_keeps_household_measures_and_adds_category_containers(tmp_path: Path) -> None:
    (tmp_path / "sr28_portions.csv").write_text(SR28_LINES, encoding="utf-8")
    foods = [("butter", "oils and fats", "1001", {"1 tbsp"}), ("ketchup", "condiment", None, set())]
    rows = {(i, n): g for i, n, g, _ in build_rows(tmp_path, foods)}
    assert ("butter", "1 tbsp") not in rows  # the food's own portion wins
    assert ("butter", "1 oz") not in rows and ("butter", "1 pat") not in rows  # masses and odd measures are left out
    assert rows[("ketchup", "1 packet")] == 9.0  # a category default
    cookie = SR28_LINES + '18159,"Cookies",1,1.0,"cookie, medium",10.0\n18159,"Cookies",2,1.0,jar,300.0\n'
    (tmp_path / "sr28_portions.csv").write_text(cookie, encoding="utf-8")
    got = {n for i, n, _, _ in build_rows(tmp_path, [("c", "sweet", "18159", {"1 cookie", "1 large cookie"})])}
    assert "1 cookie medium" not in got and "1 jar" in got  # the food's own cookie sizes win
    baby = {n: g for i, n, g, _ in build_rows(tmp_path, [("baby", "baby food", "03116", set())])}
    assert baby == {"1 jar": 113.0, "1/2 cup": 120.0}


def test_loaded_foods_keep_their_own_portions_first() -> None:
    extra = load_extra_portions()
    assert len(extra) > 500
    for row in load_builtin_rows()[:300]:
        added = extra.get(row.food.id.removeprefix("builtin:"), ())
        if added:
            assert row.food.portions[-len(added) :] == added
            names = [p.name for p in row.food.portions]
            assert len(names) == len(set(names))


def test_table_parses() -> None:
    text = "id,portion,grams,source\nx,1 jar,113,SR28 03116\n"
    assert load_extra_portions(text) == {"x": (Portion("1 jar", 113.0),)}


def test_shipped_table_is_what_the_builder_writes() -> None:
    sr28 = shared_path("data", "usda_sr28")
    built = {(i, n): g for i, n, g, _ in build_rows(sr28, portion_inputs())}
    shipped = load_extra_portions()
    assert built == {(i, p.name): p.grams for i, ps in shipped.items() for p in ps}, f"rebuild {TABLE}"


def test_rebuild_command_refuses_a_folder_without_sr28(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path)]) == 2
    assert "usage: python -m storage.builtin_foods.rebuild_portions" in capsys.readouterr().err
