"""Meal items named in the user's language: the food's French name, its English name back, typed names kept."""

from __future__ import annotations

from dataclasses import replace

from core.food.food_names import food_label, renamed
from core.model import ItemSource, MealItem
from core.model.estimate import Estimate
from core.model.food import Food
from core.services.food_names import LocalizedEstimator, localized_estimate, localized_items
from core.services.pick_food import food_item
from tests.fakes.food_catalog import FakeFoodCatalog

EGG = Food("builtin:egg_boiled", "egg, boiled", 155, 12.6, 1.1, 10.6, generic=True, name_fr="œuf dur")
SPREAD = Food("off:301", "Hazelnut spread", 539, 6.3, 57.5, 30.9, brand="Ferrero", name_fr="Pâte à tartiner")
CHIPS = Food("off:777", "Salted chips", 536, 6.6, 53, 34)  # an imported product: no French name


def _item(name: str, food_id: str | None) -> MealItem:
    return MealItem(name, 100, 155, 12.6, 1.1, 10.6, ItemSource.DATABASE, 140, 170, food_id=food_id)


def test_a_food_is_named_in_french_for_french_and_in_english_otherwise() -> None:
    assert EGG.name_in("fr") == EGG.name_in("fr-BE") == "œuf dur"
    assert EGG.name_in("en") == EGG.name_in("de") == "egg, boiled"
    assert CHIPS.name_in("fr") == "Salted chips"  # no French name: English
    assert food_label(SPREAD, "fr") == "Pâte à tartiner (Ferrero)" and food_label(SPREAD, "en").endswith("(Ferrero)")


def test_an_item_follows_the_language_both_ways_and_keeps_everything_else() -> None:
    english = _item("egg, boiled", EGG.id)
    french = renamed(english, EGG, "fr")
    assert french.name == "œuf dur" and replace(french, name=english.name) == english
    assert renamed(french, EGG, "en") == english
    branded = food_item(SPREAD, 15)
    assert branded.name == "Hazelnut spread (Ferrero)"
    assert renamed(branded, SPREAD, "fr").name == "Pâte à tartiner (Ferrero)"


def test_a_name_that_is_not_the_foods_own_is_never_replaced() -> None:
    typed = _item("mum's eggs", EGG.id)
    assert renamed(typed, EGG, "fr") is typed
    other = _item("egg, boiled", "builtin:egg_poached")  # another food's item
    assert renamed(other, EGG, "fr") is other
    assert renamed(_item("Salted chips", CHIPS.id), CHIPS, "fr").name == "Salted chips"


async def test_items_are_named_through_the_catalogue_and_unknown_or_typed_ones_stay() -> None:
    catalog = FakeFoodCatalog([EGG, CHIPS])
    items = (_item("egg, boiled", EGG.id), _item("Salted chips", CHIPS.id), _item("pizza", None),
             _item("gone", "builtin:gone"))  # fmt: skip
    named = await localized_items(catalog, items, "fr")
    assert [i.name for i in named] == ["œuf dur", "Salted chips", "pizza", "gone"]
    assert [i.name for i in await localized_items(catalog, named, "en")] == [i.name for i in items]
    assert await localized_items(None, items, "fr") == items  # no catalogue: nothing changes
    assert len(catalog.queries) == 0  # looked up by id, never searched


class _Fixed:
    """An estimator that always finds one boiled egg, in English (as the offline estimator names foods)."""

    closed = False

    async def from_text(self, text: str, language: str) -> Estimate:
        return Estimate((_item("egg, boiled", EGG.id),), ("xyz",))

    async def from_photo(self, image: bytes, caption: str, language: str) -> Estimate:
        return await self.from_text(caption, language)

    async def from_voice(self, audio: bytes, language: str) -> Estimate:
        return await self.from_text("", language)


async def test_the_localized_estimator_names_foods_for_french_users_only() -> None:
    inner = _Fixed()
    estimator = LocalizedEstimator(inner, FakeFoodCatalog([EGG]))
    for french in (await estimator.from_text("2 oeufs", "fr"), await estimator.from_photo(b"", "", "fr"),
                   await estimator.from_voice(b"", "fr")):  # fmt: skip
        assert [i.name for i in french.items] == ["œuf dur"] and french.unparsed == ("xyz",)
    english = await estimator.from_text("2 eggs", "en")
    assert [i.name for i in english.items] == ["egg, boiled"]
    assert estimator.closed is False  # other attributes are the inner estimator's
    same = Estimate((_item("pizza", None),))
    assert await localized_estimate(FakeFoodCatalog([EGG]), same, "fr") is same
