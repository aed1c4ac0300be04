"""The caches of food matching (issue 16) give the answers computed without them, and stay bounded."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

import core.food.coverage as coverage
import core.food.matching as matching
from core.food.index import IndexBuilder, WordIndex
from core.food.matching import food_names, rank
from core.food.normalize import fold
from core.food.parse import parse_meal
from core.food.search import search
from core.food.search_cache import SearchCache
from core.model.food import Food, Portion
from storage.food.memory_catalog import MemoryFoodCatalog, builtin_foods_with_french_names

NAMES = ["Banana", "Banana chips", "Banana bread", "Apple", "Apple pie", "Pineapple juice", "Yaourt nature"]
MEALS = [
    "2 eggs and a banana",
    "a bowl of oatmeal with milk and blueberries",
    "chicken caesar salad and a bag of chips",
    "un yaourt nature et une pomme",
    "spanakopitta with a cup of coffee",
    "3 slices of pepperoni pizza and a can of cola",
]


@pytest.fixture(scope="module")
def index() -> WordIndex:
    builder = IndexBuilder()
    for ref, name in enumerate(NAMES):
        builder.add(ref, fold(name), "", ref in (0, 3))
    return builder.build()


@pytest.mark.parametrize("query", ["banana", "Banana!", "bananna", "apple pie", "pinapple", "yaourt", "xyz", ""])
def test_search_cache_answers_as_search_does_first_and_second_time(index: WordIndex, query: str) -> None:
    cache = SearchCache(index)
    expected = search(index, query, 3)
    assert cache.search(query, 3) == expected
    assert cache.search(query, 3) == expected
    assert (cache.misses, cache.hits) == (1, 1)


def test_search_cache_keys_on_the_query_words_and_the_limit(index: WordIndex) -> None:
    cache = SearchCache(index)
    cache.search("banana bread", 3)
    cache.search("  BANANA   bread ", 3)  # same words
    cache.search("banana bread", 1)  # another limit is another answer
    assert (cache.misses, cache.hits, len(cache)) == (2, 1, 2)
    assert cache.search("banana bread", 1) == search(index, "banana bread", 1)


def test_search_cache_is_bounded_and_still_right_after_evictions(index: WordIndex) -> None:
    cache = SearchCache(index, size=3)
    queries = ["banana", "apple", "pie", "chips", "juice", "bread", "banana", "apple"]
    for query in queries:
        assert cache.search(query, 5) == search(index, query, 5)
        assert len(cache) <= 3
    assert cache.hits == 0  # "banana" and "apple" had been evicted by then
    assert SearchCache(index, size=0).search("apple", 5) == search(index, "apple", 5)


def test_changing_a_returned_list_does_not_change_the_kept_answer(index: WordIndex) -> None:
    cache = SearchCache(index)
    cache.search("banana", 5).clear()
    assert cache.search("banana", 5) == search(index, "banana", 5) != []


def test_food_names_are_cached_by_text_and_immutable() -> None:
    a = Food("a", "Banana, raw", 89, 1, 23, 0, aliases=("banane",))
    b = Food("b", "Banana, raw", 90, 1, 23, 0, aliases=("banane",))  # another food, the same names
    assert food_names(a) is food_names(b)
    assert food_names(a) == (matching._name("Banana, raw", True), matching._name("banane", False))
    assert all(isinstance(stems, tuple) and isinstance(heads, tuple) for stems, heads in food_names(a))
    assert matching._names.cache_info().maxsize == matching.NAME_CACHE


def test_a_unit_portion_is_looked_up_per_food_not_per_name() -> None:
    with_bag = Food("a", "Potato chips", 536, 7, 53, 35, portions=(Portion("1 bag", 28.0),))
    without = Food("b", "Potato chips", 536, 7, 53, 35)
    assert matching._has_unit(with_bag, "bag")
    assert not matching._has_unit(without, "bag")
    listed = Food("c", "Potato chips", 536, 7, 53, 35, portions=[Portion("1 bag", 28.0)])  # type: ignore[arg-type]
    assert matching._has_unit(listed, "bag")  # unhashable: looked at without the cache


async def test_ranking_with_the_caches_equals_ranking_without(monkeypatch: pytest.MonkeyPatch) -> None:
    catalog = MemoryFoodCatalog(builtin_foods_with_french_names())
    items = [item for meal in MEALS for item in parse_meal(meal).items if item.words]
    assert len(items) >= 10

    async def ranked() -> list[list[tuple[str, float]]]:
        out = []
        for item in items:
            found = [(m.food, m.score) for q in [" ".join(item.words)] for m in await catalog.search(q, 15)]
            out.append([(s.food.id, s.score) for s in rank(item, found)])
            out.append([(s.food.id, s.score) for s in rank(item, found, head_first=True)])
        return out

    cached_twice = [await ranked(), await ranked()]  # the second time from warm caches
    for name in ("_names", "_has_portion"):
        monkeypatch.setattr(matching, name, getattr(matching, name).__wrapped__)
    assert cached_twice[0] == cached_twice[1] == await ranked()


def test_coverage_name_stems_cached_by_text_give_the_same_left_over_words(monkeypatch: pytest.MonkeyPatch) -> None:
    salad = Food("a", "Caesar salad without chicken", 190, 4, 8, 16, aliases=("salade cesar",))
    phrases = [["chicken", "caesar", "salad"], ["salade", "cesar", "croutons"], ["bbbb", "egg"]]
    cases = [(words, salad) for words in phrases]
    cached = [coverage.uncovered(words, food) for words, food in cases]
    assert cached[0] == ["chicken"]  # what the name excludes is not covered by it
    assert coverage._stems_of.cache_info().maxsize is not None
    monkeypatch.setattr(coverage, "_stems_of", coverage._stems_of.__wrapped__)
    assert cached == [coverage.uncovered(words, food) for words, food in cases]


def test_search_cache_shared_by_threads_stays_right_and_bounded(index: WordIndex) -> None:
    cache = SearchCache(index, size=2)
    queries = ["banana", "apple", "pie", "chips", "juice", "bread"]
    expected = {q: search(index, q, 5) for q in queries}

    def work(offset: int) -> bool:
        return all(cache.search(q, 5) == expected[q] for _ in range(200) for q in queries[offset:] + queries[:offset])

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert all(pool.map(work, range(4)))
    assert len(cache) <= 2
