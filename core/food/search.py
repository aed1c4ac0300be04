"""Search over a :class:`WordIndex`: plan the query, gather candidate documents, rerank, deduplicate.

Candidates are the best-placed documents that contain every required term (the rarest term's
documents, in priority order, checked against the others through the forward index, stopping
early) plus the best-placed documents of each single term, so a query with one wrong word still
finds what the other words describe.
"""

from __future__ import annotations

import heapq
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, islice

from core.food.index import BRAND_BIT, WordIndex
from core.food.normalize import query_tokens
from core.food.query_plan import Term, plan_words
from core.food.ranking import lookup_of, score

FULL_CANDIDATES = 100
PER_TERM_CANDIDATES = 24
MIN_COVERAGE = 0.5  # below this, a result explains less than half of what was typed
SCAN_CAP = 2000  # documents of the rarest term checked for the others, best-placed first
SHARE_MARGIN = 64
CHUNK = 500


@dataclass(frozen=True, slots=True)
class Hit:
    """A matching document's reference (the food's row id) and its relevance in [0, 1]."""

    ref: int
    score: float


def search(index: WordIndex, query: str, limit: int = 10) -> list[Hit]:
    """The best ``limit`` distinct references for ``query``; empty for a query with no usable word."""
    return search_words(index, query_tokens(query), limit)


def search_words(index: WordIndex, words: Sequence[str], limit: int = 10) -> list[Hit]:
    """:func:`search` for a query already cut into words (see :func:`core.food.normalize.query_tokens`)."""
    if limit <= 0 or not len(index):
        return []
    terms = plan_words(index, words)
    required = [t for t in terms if t.required]
    if not required:
        return []
    docs = _candidates(index, required)
    lookup = lookup_of(terms)
    scored: list[tuple[float, int]] = []
    for doc in docs:
        value, coverage = score(index, doc, terms, lookup)
        if coverage >= MIN_COVERAGE:
            scored.append((value, -doc))
    scored.sort(reverse=True)
    hits: list[Hit] = []
    seen: set[int] = set()
    for value, neg_doc in scored:
        ref = index.refs[-neg_doc]
        if ref in seen:
            continue
        seen.add(ref)
        hits.append(Hit(ref, round(min(1.0, value), 4)))
        if len(hits) == limit:
            break
    return hits


def _lists(index: WordIndex, term: Term) -> list[array[int]]:
    return [index.postings[w] for w in term.weights]


def _top(lists: list[array[int]], count: int) -> list[int]:
    merged = heapq.merge(*(islice(p, count) for p in lists))
    out: list[int] = []
    for doc in merged:
        if not out or out[-1] != doc:
            out.append(doc)
            if len(out) == count:
                break
    return out


def _candidates(index: WordIndex, required: list[Term]) -> set[int]:
    lists = [_lists(index, t) for t in required]
    if len(required) == 1:
        return set(_top(lists[0], FULL_CANDIDATES))
    sizes = [sum(len(p) for p in ps) for ps in lists]
    order = sorted(range(len(required)), key=sizes.__getitem__)
    # The rarest term's documents in priority order (at most SCAN_CAP), kept when they hold every other term.
    rarest, total = lists[order[0]], sizes[order[0]]
    # each list gives its share of the cap (lists are spread over the same priority order), plus a margin
    shares = (islice(p, SCAN_CAP * len(p) // total + SHARE_MARGIN) for p in rarest)
    pool = sorted(set(chain.from_iterable(shares)))[:SCAN_CAP]
    others = []
    for k in order[1:]:
        wanted = set(required[k].weights)
        wanted.update([w | BRAND_BIT for w in wanted])
        others.append(wanted)
    flat, offsets = index.flat, index.offsets
    result: set[int] = set()
    for start in range(0, len(pool), CHUNK):
        kept = pool[start : start + CHUNK]
        for wanted in others:
            kept = [d for d in kept if not wanted.isdisjoint(flat[offsets[d] : offsets[d + 1]])]
        result.update(kept[: FULL_CANDIDATES - len(result)])
        if len(result) >= FULL_CANDIDATES:
            break
    for ps in lists:
        result.update(_top(ps, PER_TERM_CANDIDATES))
    return result
