from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.shared_data import shared_path
from winstreak.bench.cli import app as bench_app
from winstreak.cli_estimate import app as estimate_app

runner = CliRunner()
ITEM_KEYS = {"name", "grams", "kcal", "protein_g", "carbs_g", "fat_g", "source"}
TOP_KEYS = {"items", "total_kcal", "low_kcal", "high_kcal", "unparsed", "transcript"}


def test_estimate_json_has_the_documented_keys() -> None:
    result = runner.invoke(estimate_app, ["2 eggs, a slice of toast and a black coffee", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= TOP_KEYS
    assert data["items"] and all(set(i) >= ITEM_KEYS for i in data["items"])
    assert data["low_kcal"] <= data["total_kcal"] <= data["high_kcal"]
    assert data["transcript"] is None


def test_estimate_plain_text_shows_total_and_what_was_not_understood() -> None:
    result = runner.invoke(estimate_app, ["an apple and a flibbertigibbet"])
    assert result.exit_code == 0, result.output
    assert "Total:" in result.output and "flibbertigibbet" in result.output


def test_estimate_french_option() -> None:
    result = runner.invoke(estimate_app, ["un croissant et un café au lait", "--language", "fr", "--json"])
    names = [i["name"].lower() for i in json.loads(result.output)["items"]]
    assert any("croissant" in n for n in names) and any("lait" in n for n in names)


def test_jsonl_keeps_order_and_one_line_each(tmp_path: Path) -> None:
    lines = ["an apple", json.dumps({"text": "a can of cola"}), "", "🍕", "a banana"]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(estimate_app, ["--jsonl", str(path)])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert len(out) == len(lines)
    assert "apple" in out[0]["items"][0]["name"].lower()
    assert "cola" in out[1]["items"][0]["name"].lower()
    assert out[2]["items"] == [] and out[3]["unparsed"] == ["🍕"]
    assert "banana" in out[4]["items"][0]["name"].lower()


@pytest.mark.parametrize("args", [[], ["text", "--jsonl", "x.jsonl"], ["--jsonl", "/nonexistent/file.jsonl"]])
def test_estimate_usage_errors_are_clear(args: list[str]) -> None:
    result = runner.invoke(estimate_app, args)
    assert result.exit_code == 2
    assert "winstreak:" in result.output


def test_bench_on_a_slice_of_the_dev_set_prints_the_figures(tmp_path: Path) -> None:
    rows = shared_path("eval_dev", "meals_dev.jsonl").read_text(encoding="utf-8").splitlines()
    picked = [rows[0], rows[1], rows[350], rows[351], rows[500], rows[501]]
    path = tmp_path / "slice.jsonl"
    path.write_text("\n".join(picked) + "\n", encoding="utf-8")
    result = runner.invoke(bench_app, ["estimate", str(path), "--json"])
    assert result.exit_code == 0, result.output
    *text, last = result.output.strip().splitlines()
    figures = json.loads(last)
    assert {"median_ape", "within_20", "mae_kcal", "by_source"} <= set(figures)
    assert figures["median_ape"] >= 0 and 0 <= figures["within_20"] <= 1 and figures["mae_kcal"] >= 0
    sources = {json.loads(r)["source"] for r in picked}
    assert set(figures["by_source"]) == sources
    assert any("median APE" in line for line in text)
    assert figures["cpu_ms_per_meal"] > 0 and "ms CPU per meal" in text[0]
    for f in (figures, *figures["by_source"].values()):
        assert 0 <= f["off_100"] <= f["off_50"] <= 1 - f["within_20"] + 1e-9
    worst = figures["worst"]
    assert len(worst) == len(picked)
    apes = [w["ape"] for w in worst]
    assert apes == sorted(apes, reverse=True)
    for w in worst:
        assert abs(w["estimate"] - sum(i["kcal"] for i in w["items"])) < 1 + len(w["items"])
        assert all(i["grams"] > 0 for i in w["items"])
    assert any("off >50 %" in line for line in text) and any(line.startswith("Worst rows") for line in text)


def test_bench_rejects_a_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "apple"}\n', encoding="utf-8")
    result = runner.invoke(bench_app, ["estimate", str(path)])
    assert result.exit_code == 2 and "bad.jsonl:1" in result.output


@pytest.mark.parametrize("text", ["2 eggs and a slice of toast", "for breakfast: 2 eggs and bacon", "a banana"])
def test_plain_text_items_add_up_to_the_total_and_show_counts(text: str) -> None:
    result = runner.invoke(estimate_app, [text])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    items = [line for line in lines if line.endswith("]")]
    total = next(line for line in lines if line.startswith("Total: "))
    kcals = [int(line.split(" g, ")[1].split(" kcal")[0]) for line in items]
    assert kcals and sum(kcals) == int(total.split()[1])
    if "eggs" in text:
        assert any(line.startswith("2 × egg") for line in items)


def test_plain_text_of_a_voice_note_shows_what_was_heard() -> None:
    from core.model.estimate import Estimate
    from core.model.meal import ItemSource, MealItem
    from winstreak.cli_estimate import show

    item = MealItem("milk, whole", 250, 152.5, 8, 12, 8.2, ItemSource.DATABASE, 100, 200)
    text = show(Estimate(items=(item,), transcript="butter and a glass of milk"))
    assert text.splitlines()[0] == "Heard: “butter and a glass of milk”"
    assert "Heard" not in show(Estimate(items=(item,)))
