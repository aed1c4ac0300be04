"""``winstreak bench voice`` with the real Whisper on espeak-ng notes: the figures and the word error rate."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tests.media_samples import need
from winstreak.bench.cli import app as bench_app

pytestmark = pytest.mark.slow


def test_bench_voice_prints_times_and_word_error_rate() -> None:
    need("espeak-ng", "espeak-ng")
    need("opusenc", "opus-tools")
    result = CliRunner().invoke(bench_app, ["voice", "--notes", "2", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert figures["notes"] == 2
    assert 0.0 <= figures["word_error_rate"] < 0.5  # espeak's robotic voice: some words are misheard
    assert 1 <= figures["short_window"] <= 2  # about 5-second notes take the short window unless it loops
    assert figures["median_s"] > 0
    assert "word error rate" in result.output
    assert "short window" in result.output
