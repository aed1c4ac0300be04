import pytest

from core.food.barcode import canonical, check_barcode, check_digit, has_valid_check_digit, lookup_forms


@pytest.mark.parametrize(
    "code",
    ["3017620422003", "5449000000996", "96385074", "036000291452", "0036000291452", "00036000291452"],
)
def test_valid_codes(code: str) -> None:
    assert has_valid_check_digit(code)
    assert check_barcode(code).code is not None


def test_check_digit_of_known_codes() -> None:
    assert check_digit("301762042200") == 3
    assert check_digit("9638507") == 4
    assert check_digit("03600029145") == 2


def test_upc_a_and_ean13_with_leading_zero_are_the_same_product() -> None:
    assert check_barcode("036000291452").code == "0036000291452"
    assert check_barcode("0036000291452").code == "0036000291452"
    assert canonical("036000291452") == canonical("0036000291452")


def test_separators_are_ignored() -> None:
    assert check_barcode(" 3017620-422003 ").code == "3017620422003"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("3017620422004", "wrong check digit (expected 3)"),
        ("", "empty"),
        ("30176204220a3", "not digits"),
        ("12345", "5 digits; a barcode has 8, 12 or 13"),
        ("٣٠١٧٦٢٠٤٢٢٠٠٣", "not digits"),
    ],
)
def test_invalid_codes_say_why(text: str, problem: str) -> None:
    checked = check_barcode(text)
    assert checked.code is None
    assert checked.problem == problem


def test_lookup_forms_cover_older_storage() -> None:
    assert lookup_forms("0036000291452") == ("0036000291452", "036000291452")
    assert lookup_forms("96385074") == ("96385074", "0000096385074")
