"""``winstreak bench voice`` with the real Whisper on flite notes: the figures and the word error rates."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tests.media_samples import need
from winstreak.bench.cli import app as bench_app
from winstreak.bench.voice_phrases import DEV, HELD_OUT

pytestmark = pytest.mark.slow


def test_phrase_sets_are_large_distinct_and_apart() -> None:
    assert len(set(DEV)) == len(DEV) >= 30
    assert len(set(HELD_OUT)) == len(HELD_OUT) >= 30
    assert not set(DEV) & set(HELD_OUT)


@pytest.mark.parametrize("phrase_set", ["dev", "held-out"])
def test_bench_voice_prints_times_and_word_error_rates(phrase_set: str) -> None:
    need("flite", "flite")
    need("opusenc", "opus-tools")
    result = CliRunner().invoke(bench_app, ["voice", "--set", phrase_set, "--notes", "1", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert figures["phrase_set"] == phrase_set and figures["phrases"] == 1
    assert figures["notes"] == 4  # two voices at two speeds
    assert set(figures["word_error_rate_by_voice"]) == {"slt x1.0", "slt x1.15", "rms x1.0", "rms x1.15"}
    assert 0.0 <= figures["word_error_rate"] < 0.5  # a few words may be misheard, not most
    assert 0 <= figures["short_window"] <= 4
    assert figures["median_s"] > 0 and figures["hints"] is True
    assert "word error rate, flite slt x1.0" in result.output
    assert "short window" in result.output


def test_bench_voice_refuses_an_unknown_set() -> None:
    result = CliRunner().invoke(bench_app, ["voice", "--set", "test"])
    assert result.exit_code == 2
    assert "--set is one of dev, held-out" in result.output
