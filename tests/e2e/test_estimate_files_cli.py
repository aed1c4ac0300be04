"""``winstreak estimate --voice FILE`` and ``--photo FILE``: the real offline models, through the CLI."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.media_samples import label_picture, png, speak_ogg


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WINSTREAK_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "winstreak", "estimate", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )


@pytest.mark.slow
def test_voice_file_gives_a_transcript_and_items(tmp_path: Path) -> None:
    note = tmp_path / "meal.ogg"
    note.write_bytes(speak_ogg("a banana and a glass of milk", tmp_path))
    result = run("--voice", str(note), "--json", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    estimate = json.loads(result.stdout.strip().splitlines()[-1])
    assert "banana" in estimate["transcript"].lower()
    assert any("banana" in item["name"] for item in estimate["items"]) and estimate["total_kcal"] > 0


@pytest.mark.slow
def test_label_photo_with_the_amount_as_text(tmp_path: Path) -> None:
    label = label_picture(
        "Nutrition facts",
        [
            ("Energy", "1800 kJ / 430 kcal", "129 kcal"),
            ("Fat", "20 g", "6 g"),
            ("Carbohydrate", "55 g", "16 g"),
            ("Protein", "7 g", "2 g"),
        ],
    )
    (tmp_path / "label.png").write_bytes(png(label))
    result = run("50g", "--photo", str(tmp_path / "label.png"), "--json", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    estimate = json.loads(result.stdout.strip().splitlines()[-1])
    assert [item["source"] for item in estimate["items"]] == ["label"]
    assert estimate["total_kcal"] == pytest.approx(215, abs=3)  # 430 kcal per 100 g, 50 g eaten


def test_missing_or_double_files_are_refused(tmp_path: Path) -> None:
    missing = run("--photo", str(tmp_path / "none.jpg"), data_dir=tmp_path)
    assert missing.returncode == 2 and "no such file" in missing.stderr
    (tmp_path / "a.ogg").write_bytes(b"x")
    both = run("--voice", str(tmp_path / "a.ogg"), "--photo", str(tmp_path / "a.ogg"), data_dir=tmp_path)
    assert both.returncode == 2 and "not both" in both.stderr
