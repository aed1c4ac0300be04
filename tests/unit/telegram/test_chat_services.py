"""Pure parts of the chat use cases: amounts of a picked food, link code spelling, group settings."""

import pytest

from core.errors import InvalidValue
from core.model.food import Food, Portion
from core.model.group import ChatGroup
from core.services.group_membership import apply_group_setting
from core.services.link_accounts import ALPHABET, normalise_code
from core.services.pick_food import amount_grams, food_item

BREAD = Food("bread", "bread", 250, 9, 49, 3.2, portions=(Portion("1 slice", 30), Portion("1 baguette", 250)))
GROUP = ChatGroup(1, "telegram", "-100")


def test_amounts_in_grams_portion_numbers_and_names() -> None:
    assert amount_grams(BREAD, "180g") == 180
    assert amount_grams(BREAD, " 75,5 ") == 75.5
    assert amount_grams(BREAD, "p2") == 250
    assert amount_grams(BREAD, "1 SLICE") == 30


@pytest.mark.parametrize("text", ["0", "6000g", "p3", "a loaf", ""])
def test_bad_amounts_are_refused_clearly(text: str) -> None:
    with pytest.raises(InvalidValue) as err:
        amount_grams(BREAD, text)
    assert err.value.field == "grams"


def test_a_food_item_scales_per_100_g_with_a_range() -> None:
    item = food_item(BREAD, 60)
    assert item.kcal == 150 and item.low_kcal == pytest.approx(135) and item.high_kcal == pytest.approx(165)
    assert item.food_id == "bread" and item.carbs_g == pytest.approx(29.4)


def test_link_codes_are_typed_loosely_and_avoid_lookalikes() -> None:
    assert normalise_code(" ab-cd 23 45 ") == "ABCD2345"
    assert not set("01OI") & set(ALPHABET)


def test_group_settings() -> None:
    assert apply_group_setting(GROUP, "time", "7h05").post_time == "07:05"
    assert apply_group_setting(GROUP, "tz", "Europe/Paris").timezone == "Europe/Paris"
    assert not apply_group_setting(GROUP, "leagues", "OFF").leagues_on
    for key, value in (("time", "24:00"), ("tz", "Mars/Base"), ("leagues", "maybe"), ("colour", "red")):
        with pytest.raises(InvalidValue):
            apply_group_setting(GROUP, key, value)
