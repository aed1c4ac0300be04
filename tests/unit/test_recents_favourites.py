"""Recents (frequent, then recent, distinct by content), "same as yesterday's …", and named favourites on fakes."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from core.errors import InvalidValue
from core.model import ItemSource, Meal, MealId, MealItem, MealType, UserId
from core.model.profile import Profile
from core.rules.repeat_words import RepeatAsk
from core.services.favourites import (
    MAX_FAVOURITES,
    clean_name,
    delete_favourite,
    find_favourite,
    keep_meal,
    keep_saved_meal,
)
from core.services.log_meal import LogMeal, log_meal
from core.services.recent_meals import content_key, meal_to_repeat, pick_recents, recent_meals
from core.services.same_as import same_as
from tests.fakes.favourites import MemoryFavourites, MemoryMealHistory
from tests.fakes.memory import FixedClock, MemoryStore, MemoryUnitOfWork

NOW = datetime(2026, 6, 2, 9, 0, tzinfo=UTC)  # 11:00 in Paris: lunch time


def item(name: str, kcal: float, grams: float = 100) -> MealItem:
    return MealItem(name, grams, kcal, 1, 2, 3, ItemSource.DATABASE, kcal * 0.8, kcal * 1.2)


def meal(n: int, *items: MealItem, user: int = 1, description: str = "") -> Meal:
    return Meal(MealId(n), UserId(user), NOW - timedelta(hours=n), date(2026, 6, 2), items, description)


EGGS, TOAST, SOUP, APPLE = item("egg", 140), item("toast", 80), item("soup", 300, 350), item("apple", 52, 150)


def test_same_items_in_any_order_are_the_same_content() -> None:
    assert content_key((EGGS, TOAST)) == content_key((item("Toast", 80), EGGS))
    assert content_key((EGGS, TOAST)) != content_key((EGGS, item("toast", 80, 150)))
    egg, oeuf = replace(EGGS, name="egg, boiled", food_id="builtin:egg_boiled"), replace(EGGS, name="œuf dur")
    assert content_key((egg, TOAST)) == content_key((replace(oeuf, food_id="builtin:egg_boiled"), TOAST))  # FR/EN
    assert content_key((egg,)) != content_key((replace(egg, food_id="builtin:egg_poached"),))


def test_frequent_meals_come_first_then_the_most_recent_distinct_ones() -> None:
    newest_first = [
        meal(9, APPLE),
        meal(8, SOUP),
        meal(7, TOAST, EGGS),
        meal(6, SOUP),
        meal(5, EGGS, TOAST),
        meal(4, SOUP),
        meal(3, item("rice", 200)),
        meal(2, item("tea", 2)),
        meal(1, item("pie", 400)),
    ]
    picked = pick_recents(newest_first, shown=5, frequent=3)
    assert [(r.meal.id, r.times) for r in picked] == [(8, 3), (7, 2), (9, 1), (3, 1), (2, 1)]


def test_nothing_saved_gives_no_recents() -> None:
    assert pick_recents([]) == []
    assert pick_recents([meal(1)]) == []  # an empty meal is nothing to repeat


async def test_only_the_users_own_meals_are_offered() -> None:
    store = MemoryStore()
    store.meals = {1: meal(1, SOUP, user=1), 2: meal(2, APPLE, user=2)}
    history = MemoryMealHistory(store)
    assert [r.meal.id for r in await recent_meals(history, UserId(1))] == [1]
    with pytest.raises(InvalidValue):
        await meal_to_repeat(history, UserId(1), MealId(2))
    assert (await meal_to_repeat(history, UserId(1), MealId(1))).items == (SOUP,)


async def _logged(store: MemoryStore, clock: FixedClock, *orders: tuple[tuple[MealItem, ...], MealType]) -> UserId:
    async with MemoryUnitOfWork(store) as uow:
        user = await uow.users.create("console", "ana", "Ana", Profile(timezone="Europe/Paris"))
        await uow.commit()
    for items, kind in orders:
        await log_meal(MemoryUnitOfWork(store), clock, LogMeal(user.id, items, "x", meal_type=kind))
    return user.id


async def test_same_as_yesterdays_breakfast_brings_back_every_breakfast_of_yesterday() -> None:
    store, clock = MemoryStore(), FixedClock(NOW - timedelta(days=1))
    orders = ((EGGS,), MealType.BREAKFAST), ((TOAST,), MealType.BREAKFAST), ((SOUP,), MealType.DINNER)
    user = await _logged(store, clock, *orders)
    clock.current = NOW
    await log_meal(MemoryUnitOfWork(store), clock, LogMeal(user, (APPLE,), "apple"))  # today's: not yesterday's
    found = await same_as(MemoryUnitOfWork(store), clock, user, RepeatAsk(1, MealType.BREAKFAST))
    assert [m.items for m in found.meals] == [(EGGS,), (TOAST,)] and found.meal_type is MealType.BREAKFAST
    last = await same_as(MemoryUnitOfWork(store), clock, user, RepeatAsk(0))
    assert [m.items for m in last.meals] == [(APPLE,)]


async def test_same_as_yesterday_takes_the_type_of_the_hour_and_lists_yesterday_when_none_matches() -> None:
    store, clock = MemoryStore(), FixedClock(NOW - timedelta(days=1))
    user = await _logged(store, clock, ((EGGS,), MealType.BREAKFAST), ((SOUP,), MealType.DINNER))
    clock.current = NOW  # 11:00 in Paris: lunch, and yesterday had no lunch
    found = await same_as(MemoryUnitOfWork(store), clock, user, RepeatAsk(1))
    assert found.meals == () and found.meal_type is MealType.LUNCH
    assert [m.items for m in found.others] == [(EGGS,), (SOUP,)]
    clock.current = NOW + timedelta(hours=10)  # 21:00: dinner
    dinner = await same_as(MemoryUnitOfWork(store), clock, user, RepeatAsk(1))
    assert [m.items for m in dinner.meals] == [(SOUP,)]


@pytest.mark.parametrize(
    "bad", ["", "   ", "x" * 41, "#3", "/fav", "save", "DELETE", "a\u0000b\u200b" * 21, "<b>", "{name}"]
)
def test_bad_names_are_refused(bad: str) -> None:
    with pytest.raises(InvalidValue):
        clean_name(bad)


def test_names_are_tidied() -> None:
    assert clean_name("  usual \t breakfast ") == "usual breakfast"
    assert clean_name("Petit-déj d’Ana") == "Petit-déj d’Ana"
    assert clean_name("oat\u200bmeal\u0000") == "oatmeal"  # invisible and control characters are dropped


async def test_a_favourite_is_kept_found_by_any_case_and_deleted() -> None:
    store, user = MemoryFavourites(), UserId(1)
    kept = await keep_meal(store, user, meal(1, EGGS, TOAST), "Usual Breakfast")
    assert kept.favourite.items == (EGGS, TOAST) and kept.renamed_from is None
    assert (await find_favourite(store, user, "usual  breakfast")).id == kept.favourite.id
    assert (await find_favourite(store, user, f"#{kept.favourite.id}")).name == "Usual Breakfast"
    with pytest.raises(InvalidValue):
        await find_favourite(store, UserId(2), "usual breakfast")  # another user's name means nothing
    gone = await delete_favourite(store, user, "USUAL BREAKFAST")
    assert gone.name == "Usual Breakfast" and await store.favourites(user) == []
    with pytest.raises(InvalidValue):
        await delete_favourite(store, user, "usual breakfast")


async def test_the_same_content_keeps_one_favourite_and_a_new_name_renames_it() -> None:
    store, user = MemoryFavourites(), UserId(1)
    first = await keep_meal(store, user, meal(1, EGGS, TOAST), None)  # the ⭐ button: a name from the items
    assert first.favourite.name == "egg; toast"  # items apart as in every reply (core.item_lists)
    again = await keep_meal(store, user, meal(2, TOAST, EGGS), None)
    assert again.favourite.id == first.favourite.id and len(await store.favourites(user)) == 1
    renamed = await keep_meal(store, user, meal(3, EGGS, TOAST), "breakfast")
    assert renamed.renamed_from == "egg; toast" and [f.name for f in await store.favourites(user)] == ["breakfast"]


async def test_a_name_held_by_other_content_is_refused_and_nothing_changes() -> None:
    store, user = MemoryFavourites(), UserId(1)
    await keep_meal(store, user, meal(1, SOUP), "lunch")
    with pytest.raises(InvalidValue, match="already have a favourite"):
        await keep_meal(store, user, meal(2, APPLE), "Lunch")
    assert [(f.name, f.items) for f in await store.favourites(user)] == [("lunch", (SOUP,))]
    default = await keep_meal(store, user, meal(3, item("lunch", 10)), None)  # its made-up name is taken
    assert default.favourite.name == "lunch 2"


async def test_there_is_a_ceiling_on_favourites() -> None:
    store, user = MemoryFavourites(), UserId(1)
    for n in range(MAX_FAVOURITES):
        await keep_meal(store, user, meal(n + 1, item(f"food {n}", 100)), f"fav {n}")
    with pytest.raises(InvalidValue, match="favourites already"):
        await keep_meal(store, user, meal(99, APPLE), "one more")


async def test_keeping_the_last_saved_meal_or_a_given_one() -> None:
    memory = MemoryStore()
    memory.meals = {1: meal(1, SOUP), 2: meal(2, APPLE), 3: meal(3, EGGS, user=2)}
    history, store = MemoryMealHistory(memory), MemoryFavourites()
    last = await keep_saved_meal(store, history, UserId(1), None, "snack")
    assert last.favourite.items == (APPLE,)
    given = await keep_saved_meal(store, history, UserId(1), MealId(1), None)
    assert given.favourite.items == (SOUP,)
    with pytest.raises(InvalidValue):
        await keep_saved_meal(store, history, UserId(1), MealId(3), None)  # not theirs
    with pytest.raises(InvalidValue, match="no saved meal"):
        await keep_saved_meal(store, history, UserId(5), None, "x")
