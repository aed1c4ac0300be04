import pytest

from core.food.corrector import completions, expand, one_edit, osa_distance, split_word, two_edits
from core.food.index import IndexBuilder, WordIndex
from core.food.normalize import fold
from core.food.search import search

# (ref, name, brand, generic, aliases)
FOODS = [
    (1, "Banana", "", True, ["banane", "bananas"]),
    (2, "Banana chips", "", False, []),
    (3, "Organic banana bread", "Bakery Bros", False, []),
    (4, "Chocolat noir 70%", "Lindt", False, []),
    (5, "Chocolat au lait", "Milka", False, []),
    (6, "Pâte à tartiner noisettes", "Nutella", False, []),
    (7, "Nutella", "Ferrero", False, []),
    (8, "Red Bull energy drink", "Red Bull", False, []),
    (9, "Crème fraîche épaisse", "", False, []),
    (10, "Yaourt nature", "Danone", False, []),
    (11, "Yaourt à la fraise", "Danone", False, []),
    (12, "Spaghetti bolognese", "", True, ["spaghettis bolognaise"]),
    (13, "Apple", "", True, ["pomme", "apples"]),
    (14, "Apple pie", "", True, ["tarte aux pommes"]),
    (15, "Pineapple juice", "", False, []),
    (16, "Emmental râpé", "Président", False, []),
    (17, "Camembert de Normandie", "Président", False, []),
    (18, "Mayonnaise", "Amora", False, []),
    (19, "Mayonnaise", "Hellmann's", False, []),
]


@pytest.fixture(scope="module")
def index() -> WordIndex:
    builder = IndexBuilder()
    for ref, name, brand, generic, aliases in FOODS:
        builder.add(ref, fold(name), fold(brand), generic)
        for alias in aliases:
            builder.add(ref, fold(alias), "", generic)
    return builder.build()


def refs(index: WordIndex, query: str, limit: int = 3) -> list[int]:
    return [hit.ref for hit in search(index, query, limit)]


def test_osa_distance_counts_a_swap_as_one_edit() -> None:
    assert osa_distance("chocolat", "chocolat") == 0
    assert osa_distance("chcoolat", "chocolat") == 1
    assert osa_distance("chocolat", "chocolate") == 1
    assert osa_distance("choclat", "chocolate") == 2
    assert osa_distance("banana", "orange", 2) == 3


def test_one_edit_finds_deletion_insertion_substitution_and_swap(index: WordIndex) -> None:
    def words(ids: set[int]) -> set[str]:
        return {index.words[i] for i in ids}

    assert "banana" in words(one_edit(index, "banan"))
    assert "banana" in words(one_edit(index, "bananna"))
    assert "banana" in words(one_edit(index, "banaua"))
    assert "banana" in words(one_edit(index, "bnaana"))


def test_two_edits_for_long_words(index: WordIndex) -> None:
    assert "mayonnaise" in {index.words[i] for i in two_edits(index, "mayonaize")}
    assert "camembert" in {index.words[i] for i in two_edits(index, "camanbert")}


def test_no_two_edit_correction_for_short_words(index: WordIndex) -> None:
    assert expand(index, "bnaan", last=False) == {}


def test_completion_of_the_last_word(index: WordIndex) -> None:
    assert "chocolat" in {index.words[i] for i in completions(index, "choc")}
    assert expand(index, "choc", last=False) == {}


def test_split_run_together_words(index: WordIndex) -> None:
    assert split_word(index, "redbull") == ("red", "bull")


def test_generic_food_first_for_a_generic_query(index: WordIndex) -> None:
    assert refs(index, "banana") == [1, 2, 3]


def test_french_alias_finds_the_generic_food(index: WordIndex) -> None:
    assert refs(index, "banane", 1) == [1]
    assert refs(index, "pomme", 1) == [13]


def test_accents_are_folded_both_ways(index: WordIndex) -> None:
    assert refs(index, "creme fraiche", 1) == [9]
    assert refs(index, "Crème Fraîche", 1) == [9]
    assert refs(index, "emmental rape", 1) == [16]


def test_typos_are_corrected(index: WordIndex) -> None:
    assert refs(index, "chocolat nior", 1) == [4]
    assert refs(index, "yaourt natrue", 1) == [10]
    assert refs(index, "spagetti bolognese", 1) == [12]
    assert refs(index, "mayonaize", 2) and set(refs(index, "mayonaize", 2)) == {18, 19}


def test_prefix_while_typing(index: WordIndex) -> None:
    assert refs(index, "yaourt fra", 1) == [11]
    assert refs(index, "camem", 1) == [17]


def test_run_together_brand(index: WordIndex) -> None:
    assert refs(index, "redbull", 1) == [8]


def test_typed_brand_wins(index: WordIndex) -> None:
    assert refs(index, "mayonnaise amora", 1) == [18]
    assert refs(index, "mayonnaise hellmann", 1) == [19]
    assert refs(index, "nutella", 1) == [7]


def test_whole_word_beats_a_longer_word_containing_it(index: WordIndex) -> None:
    assert refs(index, "apple", 2) == [13, 14]


def test_each_food_once_even_when_aliases_match(index: WordIndex) -> None:
    hits = search(index, "spaghettis bolognaise spaghetti", 10)
    assert [h.ref for h in hits].count(12) == 1


def test_scores_are_between_zero_and_one_and_sorted(index: WordIndex) -> None:
    hits = search(index, "banana", 10)
    scores = [h.score for h in hits]
    assert all(0 < s <= 1 for s in scores)
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize("query", ["", "   ", "🍌🍌", "'; DROP TABLE foods; --", "a" * 10_000, "%_%", "\x00"])
def test_bad_queries_give_no_results_without_errors(index: WordIndex, query: str) -> None:
    assert search(index, query, 5) == []


def test_stopwords_are_optional(index: WordIndex) -> None:
    assert refs(index, "the camembert", 1) == [17]


def test_limit_is_respected(index: WordIndex) -> None:
    assert len(search(index, "a", 2)) <= 2
    assert search(index, "banana", 0) == []


def test_empty_index() -> None:
    assert search(IndexBuilder().build(), "banana", 5) == []
