"""The reranker: scores a candidate document against the query terms.

Coverage of the query dominates; then a name that starts with the first word, a generic food,
few words left unexplained by the query, and a typed brand that matches.
"""

from __future__ import annotations

from core.food.index import BRAND_BIT, WordIndex
from core.food.query_plan import Term

W_COVERAGE = 0.70
W_FIRST = 0.08
W_GENERIC = 0.08
W_CONCISE = 0.10
W_BRAND = 0.04
_MASK = BRAND_BIT - 1

Lookup = dict[int, tuple[tuple[int, float], ...]]


def lookup_of(terms: list[Term]) -> Lookup:
    """Word id -> (term number, confidence) pairs, so a document is scored in one pass."""
    out: dict[int, list[tuple[int, float]]] = {}
    for n, term in enumerate(terms):
        for wid, weight in term.weights.items():
            out.setdefault(wid, []).append((n, weight))
    return {wid: tuple(pairs) for wid, pairs in out.items()}


def score(index: WordIndex, doc: int, terms: list[Term], lookup: Lookup) -> tuple[float, float]:
    """Relevance of document ``doc`` in [0, 1], and the share of the query it covers."""
    best = [0.0] * len(terms)
    brand_hit = first_hit = False
    matched = names = 0
    for position, entry in enumerate(index.doc_words(doc)):
        brand = entry >= BRAND_BIT
        if not brand:
            names += 1
        hits = lookup.get(entry & _MASK)
        if hits is None:
            continue
        if brand:
            brand_hit = True
        else:
            matched += 1
            if position == 0 and hits[0][0] == 0:
                first_hit = True
        for n, weight in hits:
            if weight > best[n]:
                best[n] = weight
    total = got = 0.0
    for n, term in enumerate(terms):
        total += term.importance
        got += term.importance * best[n]
    coverage = got / total if total else 0.0
    value = (
        W_COVERAGE * coverage
        + W_FIRST * first_hit
        + W_GENERIC * index.generic[doc]
        + W_CONCISE / (1 + names - matched)
        + W_BRAND * brand_hit
    )
    return value, coverage
