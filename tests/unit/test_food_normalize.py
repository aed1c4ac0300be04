from core.food.normalize import clean_brand, clean_name, fold, query_tokens, tokens


def test_fold_removes_case_accents_and_punctuation() -> None:
    assert fold("Crème Brûlée, 2×!") == "creme brulee 2"
    assert fold("Œufs   à la coque") == "oeufs a la coque"
    assert fold("Straße-Müsli") == "strasse musli"


def test_fold_keeps_other_scripts() -> None:
    assert fold("Пельмени") == "пельмени"


def test_tokens_split_on_apostrophes_and_symbols() -> None:
    assert tokens("jus d'orange 100%") == ["jus", "d", "orange", "100"]


def test_emoji_and_sql_only_text_has_no_tokens() -> None:
    assert tokens("🍌🍌🍌") == []
    assert tokens("'; --") == []


def test_query_tokens_are_bounded() -> None:
    long_query = " ".join(["pomme"] * 5000)
    assert len(query_tokens(long_query)) == 8
    assert query_tokens("a" * 10_000) == []


def test_clean_name_collapses_whitespace_and_softens_shouting() -> None:
    assert clean_name("  PEANUT   BUTTER\t") == "Peanut butter"
    assert clean_name("Coca-Cola\x00 Zero") == "Coca-Cola Zero"
    assert clean_name("BN") == "BN"


def test_clean_brand_keeps_the_first_brand() -> None:
    assert clean_brand("Ferrero, Nutella , Kinder") == "Ferrero"
