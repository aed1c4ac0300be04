"""Search over a :class:`WordIndex`: plan the query, gather candidate documents, rerank, deduplicate.

Candidates are the documents that contain every required term (intersected smallest first, through
sets or the forward index, whichever is cheaper) plus the best-placed documents of each single term,
so a query with one wrong word still finds what the other words describe.
"""

from __future__ import annotations

import heapq
from array import array
from dataclasses import dataclass
from itertools import islice

from core.food.index import WordIndex, plain
from core.food.query_plan import Term, plan
from core.food.ranking import score

FULL_CANDIDATES = 160
PER_TERM_CANDIDATES = 40
MIN_COVERAGE = 0.5  # below this, a result explains less than half of what was typed
_FORWARD_COST = 40  # a forward-index check costs about this many set probes


@dataclass(frozen=True, slots=True)
class Hit:
    """A matching document's reference (the food's row id) and its relevance in [0, 1]."""

    ref: int
    score: float


def search(index: WordIndex, query: str, limit: int = 10) -> list[Hit]:
    """The best ``limit`` distinct references for ``query``; empty for a query with no usable word."""
    if limit <= 0 or not len(index):
        return []
    terms = plan(index, query)
    required = [t for t in terms if t.required]
    if not required:
        return []
    docs = _candidates(index, required)
    scored: list[tuple[float, int]] = []
    for doc in docs:
        value, coverage = score(index, doc, terms)
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
    current: set[int] = set()
    for p in lists[order[0]]:
        current.update(p)
    for k in order[1:]:
        if not current:
            break
        if len(current) * _FORWARD_COST < sizes[k]:
            wanted = required[k].weights
            current = {d for d in current if any(plain(w) in wanted for w in index.doc_words(d))}
        else:
            matched: set[int] = set()
            for p in lists[k]:
                matched |= current.intersection(p)
            current = matched
    full = heapq.nsmallest(FULL_CANDIDATES, current) if len(current) > FULL_CANDIDATES else list(current)
    result = set(full)
    for ps in lists:
        result.update(_top(ps, PER_TERM_CANDIDATES))
    return result
