"""``winstreak estimate --language fr`` names foods in French, through the bot's own wrapper (LocalizedEstimator).

Its notes are shown in French too, through the bot's catalogues (``--json`` keeps the notes' English ids).

The French names are the food table's (``storage/builtin_foods/data``), so the test reads them from there.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from bots.common.i18n import t
from storage.builtin_foods import load_builtin_rows
from winstreak.cli_estimate import app as estimate_app

runner = CliRunner()


def _french(food_id: str) -> str:
    return next(row.name_fr for row in load_builtin_rows(with_extra=False) if row.food.id == food_id)


def test_french_estimate_prints_the_tables_french_names() -> None:
    banana = _french("builtin:banana")
    result = runner.invoke(estimate_app, ["une banane", "--language", "fr"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"1 × {banana}: ") and "banana" not in result.output
    as_json = runner.invoke(estimate_app, ["une banane", "--language", "fr", "--json"])
    document = json.loads(as_json.output)
    assert [(i["name"], i["food_id"]) for i in document["items"]] == [(banana, "builtin:banana")]
    assert document["notes"]  # no amount given: the note says a usual serving was counted
    for note in document["notes"]:  # the notes read French in the text output, as in the bot
        assert t("fr", note) != note and t("fr", note) in result.output and note not in result.output


def test_english_estimate_keeps_english_names() -> None:
    result = runner.invoke(estimate_app, ["a banana", "--json"])
    items = json.loads(result.output)["items"]
    assert [(i["name"], i["food_id"]) for i in items] == [("banana", "builtin:banana")]
    assert _french("builtin:banana") != "banana"  # else the French test above would prove nothing


def test_french_jsonl_names_foods_in_french(tmp_path: Path) -> None:
    path = tmp_path / "meals.jsonl"
    path.write_text('une banane\n{"text": "un oeuf dur"}\n', encoding="utf-8")
    result = runner.invoke(estimate_app, ["--jsonl", str(path), "--language", "fr"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows[0]["items"][0]["name"] == _french("builtin:banana")
    assert rows[1]["items"][0]["name"] == _french(rows[1]["items"][0]["food_id"])
