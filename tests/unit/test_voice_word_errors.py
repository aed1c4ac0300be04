"""The word error rate of ``winstreak bench voice``: words compared after normalising case, punctuation, numbers."""

from __future__ import annotations

import pytest

from winstreak.bench.voice import word_error_rate, word_errors, words_of


def test_words_ignore_case_punctuation_and_digits() -> None:
    assert words_of("Two scrambled eggs, on toast!") == ["two", "scrambled", "eggs", "on", "toast"]
    assert words_of("2 eggs and 100 grams") == ["two", "eggs", "and", "100", "grams"]
    assert words_of("stir-fry") == ["stir", "fry"]


def test_errors_count_substitutions_deletions_and_insertions() -> None:
    ref = words_of("a bowl of rice with chicken")
    assert word_errors(ref, ref) == 0
    assert word_errors(ref, words_of("a bowl of ice with chicken")) == 1  # substitution
    assert word_errors(ref, words_of("bowl of rice with chicken")) == 1  # deletion
    assert word_errors(ref, words_of("a big bowl of rice with chicken")) == 1  # insertion
    assert word_errors(ref, []) == len(ref)


def test_rate_is_errors_over_all_reference_words() -> None:
    pairs = [("Two eggs and a black coffee", "2 eggs and a black coffee."), ("A banana", "Amanda.")]
    assert word_error_rate(pairs) == pytest.approx(2 / 8)
    assert word_error_rate([]) == 0.0
