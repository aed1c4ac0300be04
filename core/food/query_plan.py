"""Turning a typed query into terms: per word, the indexed words it may mean and how much it matters."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.food.corrector import EXACT, expand, split_word
from core.food.index import WordIndex
from core.food.normalize import STOPWORDS, query_tokens

SPLIT = 0.9
OPTIONAL = 0.25


@dataclass(frozen=True, slots=True)
class Term:
    """One query word: candidate word ids with confidences, and its weight in the coverage."""

    text: str
    weights: dict[int, float]
    importance: float = 1.0

    @property
    def required(self) -> bool:
        """Whether a full match must contain this term."""
        return self.importance >= 1.0 and bool(self.weights)


def plan(index: WordIndex, query: str) -> list[Term]:
    """The terms of ``query``: stopwords optional, unknown words corrected, completed or split."""
    return plan_words(index, query_tokens(query))


def plan_words(index: WordIndex, words: Sequence[str]) -> list[Term]:
    """The terms of a query already cut into words (see :func:`core.food.normalize.query_tokens`)."""
    terms: list[Term] = []
    for i, word in enumerate(words):
        last = i == len(words) - 1
        if word in STOPWORDS and len(words) > 1:
            wid = index.vocab.get(word)
            terms.append(Term(word, {wid: EXACT} if wid is not None else {}, OPTIONAL))
            continue
        weights = expand(index, word, last)
        if not weights and len(word) >= 5:
            parts = split_word(index, word)
            if parts is not None:
                terms.extend(Term(part, {index.vocab[part]: SPLIT}) for part in parts)
                continue
        terms.append(Term(word, weights))
    return terms
