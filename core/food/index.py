"""The in-process word index: vocabulary, posting lists, a deletion index and a compact forward index.

Documents are numbered by priority (generic foods first, then shorter names), so every posting list
is already in the order a generic query wants, and the first entries of a list are the best ones.
Arrays of machine integers keep a million names within a few hundred megabytes.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from dataclasses import dataclass

MIN_DELETE_LEN = 3
MAX_DELETE_LEN = 24
BRAND_BIT = 1 << 31


@dataclass(slots=True)
class WordIndex:
    """Read-only search structures; build with :class:`IndexBuilder`."""

    vocab: dict[str, int]
    words: list[str]
    postings: list[array[int]]
    deletes: dict[str, int]
    overflow: list[array[int]]
    sorted_words: list[str]
    sorted_wids: array[int]
    reversed_words: list[str]
    reversed_wids: array[int]
    refs: array[int]
    offsets: array[int]
    flat: array[int]
    name_lens: array[int]
    generic: bytearray

    def __len__(self) -> int:
        return len(self.refs)

    def df(self, wid: int) -> int:
        """Number of documents containing the word."""
        return len(self.postings[wid])

    def by_deletion(self, variant: str) -> array[int] | tuple[int, ...]:
        """Words that become ``variant`` when one letter is removed."""
        found = self.deletes.get(variant)
        if found is None:
            return ()
        return (found,) if found >= 0 else self.overflow[-found - 1]

    def doc_words(self, doc: int) -> array[int]:
        """A document's word ids, name words as is and brand words with the brand bit set."""
        return self.flat[self.offsets[doc] : self.offsets[doc + 1]]

    def prefixed(self, prefix: str, scan: int = 2000) -> list[int]:
        """Word ids starting with ``prefix`` (at most ``scan`` looked at), in alphabetical order."""
        return _starting(self.sorted_words, self.sorted_wids, prefix, scan)

    def suffixed(self, suffix: str, scan: int = 2000) -> list[int]:
        """Word ids ending with ``suffix`` (at most ``scan`` looked at)."""
        return _starting(self.reversed_words, self.reversed_wids, suffix[::-1], scan)


def _starting(words: list[str], wids: array[int], prefix: str, scan: int) -> list[int]:
    start = bisect_left(words, prefix)
    stop = min(len(words), start + scan)
    found: list[int] = []
    for i in range(start, stop):
        if not words[i].startswith(prefix):
            break
        found.append(wids[i])
    return found


def is_brand(word_id: int) -> bool:
    """Whether a forward-index entry is a brand word."""
    return word_id >= BRAND_BIT


def plain(word_id: int) -> int:
    """The word id without the brand bit."""
    return word_id & (BRAND_BIT - 1)


class IndexBuilder:
    """Collects (reference, folded name, folded brand, generic) rows, then builds a :class:`WordIndex`."""

    def __init__(self) -> None:
        self._clear()

    def _clear(self) -> None:
        self._refs: array[int] = array("q")
        self._names: list[str] = []
        self._brands: list[str] = []
        self._keys: array[int] = array("Q")

    def add(self, ref: int, name: str, brand: str = "", generic: bool = False) -> None:
        """Add a document; ``name`` and ``brand`` must already be folded (see ``normalize.fold``)."""
        self._refs.append(ref)
        self._names.append(name)
        self._brands.append(brand)
        self._keys.append((0 if generic else 1 << 40) | (name.count(" ") << 16) | min(len(name), 0xFFFF))

    def build(self) -> WordIndex:
        """The index, documents numbered by priority; the builder is emptied."""
        keys = self._keys
        order = sorted(range(len(keys)), key=keys.__getitem__)
        vocab: dict[str, int] = {}
        words: list[str] = []
        lists: list[list[int]] = []
        flat: array[int] = array("L")
        offsets: array[int] = array("L", [0])
        refs: array[int] = array("q")
        name_lens: array[int] = array("H")
        generic = bytearray()
        for doc, i in enumerate(order):
            refs.append(self._refs[i])
            name = self._names[i]
            name_lens.append(min(len(name), 0xFFFF))
            generic.append(keys[i] < 1 << 40)
            for bit, text in ((0, name), (BRAND_BIT, self._brands[i])):
                for word in text.split():
                    wid = vocab.get(word)
                    if wid is None:
                        wid = vocab[word] = len(words)
                        words.append(word)
                        lists.append([])
                    posting = lists[wid]
                    if not posting or posting[-1] != doc:
                        posting.append(doc)
                    flat.append(wid | bit)
            offsets.append(len(flat))
        self._clear()  # release the raw rows before building the rest
        postings = [array("L", p) for p in lists]
        del lists
        deletes, overflow = _deletion_index(words)
        sorted_words = sorted(words)
        sorted_wids = array("L", (vocab[w] for w in sorted_words))
        by_end = sorted((w[::-1], i) for i, w in enumerate(words))
        reversed_words = [w for w, _ in by_end]
        reversed_wids = array("L", (i for _, i in by_end))
        del by_end
        return WordIndex(
            vocab=vocab, words=words, postings=postings, deletes=deletes, overflow=overflow,
            sorted_words=sorted_words, sorted_wids=sorted_wids, reversed_words=reversed_words,
            reversed_wids=reversed_wids, refs=refs, offsets=offsets, flat=flat, name_lens=name_lens, generic=generic,
        )  # fmt: skip


def _deletion_index(words: list[str]) -> tuple[dict[str, int], list[array[int]]]:
    deletes: dict[str, int] = {}
    overflow: list[array[int]] = []
    for wid, word in enumerate(words):
        if not MIN_DELETE_LEN <= len(word) <= MAX_DELETE_LEN or not word.isalpha():
            continue
        seen = ""
        for j in range(len(word)):
            variant = word[:j] + word[j + 1 :]
            if variant == seen:
                continue
            seen = variant
            found = deletes.get(variant)
            if found is None:
                deletes[variant] = wid
            elif found >= 0:
                overflow.append(array("L", (found, wid)))
                deletes[variant] = -len(overflow)
            else:
                overflow[-found - 1].append(wid)
    return deletes, overflow
