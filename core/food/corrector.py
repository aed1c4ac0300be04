"""The spelling corrector: which indexed words a typed word may stand for, and how surely.

Per word: the exact word; words one edit away (deletion, insertion, substitution or two swapped
letters) through the deletion index; two edits for words of six letters or more when nothing closer
exists; completions of the word being typed; and a split of run-together words ("redbull").
"""

from __future__ import annotations

import heapq

from core.food.index import WordIndex

EXACT = 1.0
PREFIX = 0.85
ONE_EDIT = 0.75
ONE_EDIT_BESIDE_RARE = 0.5
TWO_EDITS = 0.55
MAX_COMPLETIONS = 24
RARE_DF = 3
ANCHOR = 4
ANCHOR_SCAN = 400
COMMON_RATIO = 5
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def osa_distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal string alignment distance (swaps count as one edit), or ``limit + 1`` when above."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return min(prev[-1], limit + 1)


def deletions(word: str) -> set[str]:
    """Every string one deleted letter away."""
    return {word[:j] + word[j + 1 :] for j in range(len(word))}


def edits1(word: str) -> set[str]:
    """Every string one edit away (deletion, swap, substitution, insertion of a letter)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in _LETTERS)
    out.update(a + c + b for a, b in splits for c in _LETTERS)
    return out


def one_edit(index: WordIndex, word: str) -> set[int]:
    """Word ids at distance exactly one (symmetric deletion lookup, then verified)."""
    found: set[int] = set(index.by_deletion(word))
    for variant in deletions(word):
        wid = index.vocab.get(variant)
        if wid is not None:
            found.add(wid)
        found.update(index.by_deletion(variant))
    words = index.words
    letters = set(word)
    return {
        w
        for w in found
        if len(letters ^ set(words[w])) <= 2 and words[w] != word and osa_distance(word, words[w], 1) == 1
    }


def two_edits(index: WordIndex, word: str) -> set[int]:
    """Word ids at distance two (only called when nothing is closer).

    Cheap probes only: the word's one- and two-letter deletions against the vocabulary and its
    deletion index (extra letters, an extra letter plus any edit, a letter moved), the word with
    one inserted letter against the deletion index (two letters missing), and words of the same
    length range sharing the first or the last four letters (two substitutions, a swap and a
    substitution...).
    """
    shorter = deletions(word)
    shorter2 = {v for d in shorter for v in deletions(d)}
    found: set[int] = set()
    vocab = index.vocab
    for probe in (word, *shorter, *shorter2):
        wid = vocab.get(probe)
        if wid is not None:
            found.add(wid)
        found.update(index.by_deletion(probe))
    longer = {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in _LETTERS}
    for key in longer & index.deletes.keys():
        found.update(index.by_deletion(key))
    if len(word) >= ANCHOR + 2:
        low, high = len(word) - 2, len(word) + 2
        words = index.words
        anchored = index.prefixed(word[:ANCHOR], ANCHOR_SCAN) + index.suffixed(word[-ANCHOR:], ANCHOR_SCAN)
        found.update(w for w in anchored if low <= len(words[w]) <= high)
    words = index.words
    letters = set(word)
    # each edit changes the set of letters by at most two, so a cheap test prunes most candidates
    return {w for w in found if len(letters ^ set(words[w])) <= 4 and osa_distance(word, words[w], 2) == 2}


def completions(index: WordIndex, prefix: str) -> list[int]:
    """The most frequent words that start with ``prefix`` (the word itself excluded)."""
    found = [w for w in index.prefixed(prefix) if index.words[w] != prefix]
    if len(found) <= MAX_COMPLETIONS:
        return found
    return heapq.nlargest(MAX_COMPLETIONS, found, key=index.df)


def split_word(index: WordIndex, word: str) -> tuple[str, str] | None:
    """The likeliest split of a run-together word into two indexed words, if any."""
    best: tuple[int, str, str] | None = None
    for j in range(2, len(word) - 1):
        left, right = index.vocab.get(word[:j]), index.vocab.get(word[j:])
        if left is not None and right is not None:
            score = min(index.df(left), index.df(right))
            if best is None or score > best[0]:
                best = (score, word[:j], word[j:])
    return None if best is None else (best[1], best[2])


def expand(index: WordIndex, word: str, last: bool) -> dict[int, float]:
    """Word ids the typed ``word`` may mean, each with a confidence in (0, 1]."""
    out: dict[int, float] = {}
    exact = index.vocab.get(word)
    if exact is not None:
        out[exact] = EXACT
    if last and len(word) >= 2:
        for wid in completions(index, word):
            out.setdefault(wid, PREFIX)
    if len(word) < 3 or not word.isalpha():
        return out
    if exact is None or (len(word) >= 5 and index.df(exact) < RARE_DF):
        near = one_edit(index, word)
        for wid in near:
            # beside a rare exact word, a far more common neighbour is probably what was meant
            common = exact is None or index.df(wid) >= COMMON_RATIO * index.df(exact)
            out.setdefault(wid, ONE_EDIT if common else ONE_EDIT_BESIDE_RARE)
        if not near and exact is None and len(word) >= 6:
            for wid in two_edits(index, word):
                out.setdefault(wid, TWO_EDITS)
    return out
