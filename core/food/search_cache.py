"""Search answers kept per index: the same query words on the same index give the same hits.

A catalogue holds one :class:`SearchCache` for its current index and makes a new one when the index
is replaced (an import, a refresh), so a kept answer never outlives the data it was computed on.
Queries are keyed by their words (:func:`core.food.normalize.query_tokens`), which is all that
:func:`core.food.search.search` reads of them, and at most ``size`` answers are kept (least
recently used dropped first), so memory stays flat however many distinct queries arrive.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from core.food.index import WordIndex
from core.food.normalize import query_tokens
from core.food.search import Hit, search_words

SEARCH_CACHE = 4_096  # answers; each a few words and at most ``limit`` hits, about 1-2 KB


class SearchCache:
    """:func:`core.food.search.search` over one index, with its most recent answers kept."""

    def __init__(self, index: WordIndex, size: int = SEARCH_CACHE) -> None:
        self.index = index
        self._size = max(0, size)
        self._kept: OrderedDict[tuple[tuple[str, ...], int], tuple[Hit, ...]] = OrderedDict()
        self.hits = self.misses = 0
        self._lock = threading.Lock()  # the kept answers stay consistent if a worker thread searches too

    def __len__(self) -> int:
        return len(self._kept)

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        """The same hits as ``search(self.index, query, limit)``."""
        key = (tuple(query_tokens(query)), limit)
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
                self.hits += 1
                return list(found)
            self.misses += 1
        answer = search_words(self.index, key[0], limit)  # outside the lock: searches may run side by side
        if self._size:
            with self._lock:
                self._kept[key] = tuple(answer)
                while len(self._kept) > self._size:
                    self._kept.popitem(last=False)
        return answer
