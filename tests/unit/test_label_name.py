"""The item read off a nutrition label is named in the user's language (#13/#14 walk-through)."""

from bots.common.i18n import t
from core.food.label_name import LABEL_NAME, label_named
from core.model import ItemSource, MealItem
from core.model.estimate import Estimate


def _item(name: str, source: ItemSource = ItemSource.LABEL) -> MealItem:
    return MealItem(name, 30.0, 113.0, 3.6, 10.0, 5.0, source, 100.0, 130.0)


def test_the_label_item_takes_the_french_name_and_keeps_its_serving() -> None:
    french = t("fr", LABEL_NAME)
    assert french != LABEL_NAME
    estimate = Estimate((_item(LABEL_NAME), _item(f"{LABEL_NAME} (2 × biscuit)"), _item("granola")))
    names = [i.name for i in label_named(estimate, french).items]
    assert names == [french, f"{french} (2 × biscuit)", "granola"]


def test_other_sources_and_english_are_left_as_they_are() -> None:
    estimate = Estimate((_item(LABEL_NAME, ItemSource.DATABASE),))
    assert label_named(estimate, t("fr", LABEL_NAME)) is estimate
    assert label_named(Estimate((_item(LABEL_NAME),)), t("en", LABEL_NAME)).items[0].name == LABEL_NAME
