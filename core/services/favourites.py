"""Named favourites: keep a saved meal under a name, find it by name to log it again, delete it.

A name is 1–40 characters, unique per user whatever its case; saving the same content again renames the
favourite that holds it (one name for one meal), and a name already held by other content is refused.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

from core.errors import InvalidValue
from core.item_lists import joined_names
from core.model import Meal, MealId, UserId
from core.model.favourite import Favourite
from core.ports.favourites import FavouriteStore, MealHistory
from core.services.recent_meals import content_key, meal_to_repeat
from core.text import N_

MAX_NAME = 40
MAX_FAVOURITES = 50
PUNCTUATION = " '’.,;&+()%…-"  # besides letters and digits; a name starts with a letter or digit
RESERVED = frozenset({"save", "delete", "add", "list"})
BAD_NAME = N_(
    "A favourite's name is 1 to {max} letters, digits, spaces or simple punctuation, starting with a letter or "
    "digit, e.g. “usual breakfast”."
)
RESERVED_NAME = N_("“{name}” is a word of the /fav command; choose another name.")
NAME_TAKEN = N_("You already have a favourite called “{name}”: choose another name, or /fav delete {name} first.")
TOO_MANY = N_("You have {max} favourites already: delete one first (/fav delete NAME).")
NO_MEAL = N_("You have no saved meal yet: save one, then send /fav save NAME.")
UNKNOWN = N_("You have no favourite called “{name}”. Send /fav for yours.")


def clean_name(text: str) -> str:
    """The name as stored: control characters dropped, spaces collapsed; refused when empty, long or odd."""
    name = " ".join("".join(c for c in text if unicodedata.category(c)[0] != "C").split())
    if not name or len(name) > MAX_NAME or not re.fullmatch(rf"\w[\w{re.escape(PUNCTUATION)}]*", name):
        raise InvalidValue("name", BAD_NAME, max=MAX_NAME)
    if name.casefold() in RESERVED:
        raise InvalidValue("name", RESERVED_NAME, name=name)
    return name


def name_key(name: str) -> str:
    """The form names are compared in (case and spacing ignored)."""
    return " ".join(name.casefold().split())


def free_name(base: str, taken: set[str]) -> str:
    """``base``, or ``base`` numbered 2, 3, … (cut to fit) when its :func:`name_key` is in ``taken``."""
    numbered = (f"{base[: MAX_NAME - 1 - max(2, len(str(k)))]} {k}" for k in itertools.count(2))
    return next(n for n in (base, *itertools.islice(numbered, len(taken) + 1)) if name_key(n) not in taken)


def default_name(meal: Meal) -> str:
    """A name from the meal's items when the user gave none: "egg, boiled; toast", cut to fit."""
    names = joined_names(item.name for item in meal.items)
    cut = names if len(names) <= MAX_NAME else names[: MAX_NAME - 1].rstrip(" ,;") + "…"
    return re.sub(rf"[^\w{re.escape(PUNCTUATION)}]", "", cut).lstrip(PUNCTUATION).rstrip(" ,;") or "meal"


@dataclass(frozen=True, slots=True)
class Kept:
    """The favourite as it is now, and its former name when saving renamed it."""

    favourite: Favourite
    renamed_from: str | None = None


async def keep_meal(store: FavouriteStore, user_id: UserId, meal: Meal, name: str | None) -> Kept:
    """Keep ``meal`` as a favourite named ``name`` (None: a name from its items, numbered when taken)."""
    mine = await store.favourites(user_id)
    same = next((f for f in mine if content_key(f.items) == content_key(meal.items)), None)
    if name is None:
        if same is not None:
            return Kept(same)
        base = clean_name(default_name(meal))
        name = free_name(base, {name_key(f.name) for f in mine})
    name = clean_name(name)
    holder = next((f for f in mine if name_key(f.name) == name_key(name)), None)
    if same is not None:
        if holder is not None and holder.id != same.id:
            raise InvalidValue("name", NAME_TAKEN, name=holder.name)
        if same.name == name:
            return Kept(same)
        await store.rename(user_id, same.id or 0, name)
        return Kept(Favourite(same.id, user_id, name, same.items, same.description), same.name)
    if holder is not None:
        raise InvalidValue("name", NAME_TAKEN, name=holder.name)
    if len(mine) >= MAX_FAVOURITES:
        raise InvalidValue("favourites", TOO_MANY, max=MAX_FAVOURITES)
    return Kept(await store.add(Favourite(None, user_id, name, meal.items, meal.description)))


async def keep_saved_meal(
    store: FavouriteStore, history: MealHistory, user_id: UserId, meal_id: MealId | None, name: str | None
) -> Kept:
    """Keep the user's meal ``meal_id`` (None: the last one saved) as a favourite."""
    if meal_id is None:
        last = await history.recent_meals(user_id, 1)
        if not last:
            raise InvalidValue("meal", NO_MEAL)
        meal = last[0]
    else:
        meal = await meal_to_repeat(history, user_id, meal_id)
    return await keep_meal(store, user_id, meal, name)


async def find_favourite(store: FavouriteStore, user_id: UserId, wanted: str) -> Favourite:
    """The user's favourite named ``wanted`` (any case), or ``#ID`` as its buttons say."""
    mine = await store.favourites(user_id)
    if wanted.startswith("#") and wanted[1:].isdigit():
        found = next((f for f in mine if f.id == int(wanted[1:])), None)
    else:
        found = next((f for f in mine if name_key(f.name) == name_key(wanted)), None)
    if found is None:
        raise InvalidValue("name", UNKNOWN, name=wanted[:MAX_NAME])
    return found


async def delete_favourite(store: FavouriteStore, user_id: UserId, wanted: str) -> Favourite:
    """Delete the user's favourite named ``wanted``; returns it."""
    found = await find_favourite(store, user_id, wanted)
    if not await store.delete(user_id, found.id or 0):
        raise InvalidValue("name", UNKNOWN, name=wanted[:MAX_NAME])
    return found
