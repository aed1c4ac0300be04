"""A container said after "from" holds the food just named (core/food/from_container.py); sentences for the tests."""

from __future__ import annotations

import pytest

from core.food.coverage import free_word
from core.food.from_container import container_only
from core.food.parse import parse_meal
from core.food.segment import Segment


@pytest.mark.parametrize(
    ("text", "only"),
    [
        ("an individual container", True),
        ("a fun-size package", True),
        ("one single-serving bag", True),
        ("a fast food place", False),
        ("a jar of honey", False),
        ("the cafeteria", False),
    ],
)
def test_a_container_alone(text: str, only: bool) -> None:
    tokens = tuple(text.split())
    assert container_only(Segment(tokens, (False,) * len(tokens))) is only


def test_a_food_with_no_amount_takes_the_container_it_came_from() -> None:
    meal = parse_meal("some jelly beans from a fun-size package, and a pouch of apple juice")
    beans, juice = meal.items
    assert beans.words[-1] == "beans" and beans.unit == "packet" and beans.size == "mini"
    assert juice.words[-1] == "juice" and juice.size is None and not meal.unparsed  # the package is not the juice's


def test_a_food_at_the_end_of_a_description_is_counted_in_its_container() -> None:
    meal = parse_meal("a mug of tea, topped with a vanilla creamer from a single-serve cup, and a muffin")
    assert [i.words[-1] for i in meal.items] == ["tea", "creamer", "muffin"] and not meal.unparsed


@pytest.mark.parametrize("text", ["a burger from a fast food place", "a salad from the cafeteria"])
def test_a_place_is_not_a_container(text: str) -> None:
    (item,) = parse_meal(text).items
    assert item.unit is None


def test_how_a_food_is_packed_is_understood() -> None:
    assert all(free_word(w) for w in ("individual", "single-serve", "prepackaged"))
