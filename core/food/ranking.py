"""The reranker: scores a candidate document against the query terms.

Coverage of the query dominates; then a name that starts with the first word, a generic food,
few words left unexplained by the query, and a typed brand that matches.
"""

from __future__ import annotations

from core.food.index import WordIndex, is_brand, plain
from core.food.query_plan import Term

W_COVERAGE = 0.70
W_FIRST = 0.08
W_GENERIC = 0.08
W_CONCISE = 0.10
W_BRAND = 0.04


def score(index: WordIndex, doc: int, terms: list[Term]) -> tuple[float, float]:
    """Relevance of document ``doc`` in [0, 1], and the share of the query it covers."""
    words = index.doc_words(doc)
    total = 0.0
    got = 0.0
    brand_hit = False
    matched_name = 0
    name_words = 0
    first_hit = False
    for position, entry in enumerate(words):
        brand = is_brand(entry)
        wid = plain(entry) if brand else entry
        if not brand:
            name_words += 1
        hit = False
        for n, term in enumerate(terms):
            if wid in term.weights:
                hit = True
                if not brand and position == 0 and n == 0:
                    first_hit = True
                if brand:
                    brand_hit = True
        if hit and not brand:
            matched_name += 1
    for term in terms:
        total += term.importance
        best = 0.0
        for entry in words:
            weight = term.weights.get(plain(entry), 0.0)
            if weight > best:
                best = weight
        got += term.importance * best
    coverage = got / total if total else 0.0
    extra = max(0, name_words - matched_name)
    return (
        W_COVERAGE * coverage
        + W_FIRST * first_hit
        + W_GENERIC * index.generic[doc]
        + W_CONCISE / (1 + extra)
        + W_BRAND * brand_hit
    ), coverage
