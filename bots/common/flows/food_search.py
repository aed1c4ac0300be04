"""/food QUERY: search the catalogue, pick a result, then grams or a portion; the result awaits Save.

Buttons carry commands (``/food #ID`` and ``/food #ID 150g``); adapters send such values back as text.
"""

from __future__ import annotations

from bots.common.deps import BotDeps
from bots.common.flows import meal_entry
from bots.common.i18n import error_text, t
from bots.common.messages import Button, Incoming, Reply
from bots.common.render import estimate_text
from bots.common.state import ChatState, estimate_to_dict
from core.errors import WinStreakError
from core.model import UserAccount
from core.model.food import Food
from core.services.pick_food import pick_food

RESULTS = 6
GRAM_CHOICES = (50, 100, 150, 200, 300)
MAX_VALUE_BYTES = 64 - 8  # Telegram's callback data limit, less the tag that binds a button to its message


def _fits(value: str) -> bool:
    return len(value.encode()) <= MAX_VALUE_BYTES


def _label(food: Food) -> str:
    brand = f" ({food.brand})" if food.brand else ""
    return f"{food.name}{brand} · {food.kcal_100g:.0f} kcal/100 g"[:60]


def _amount_buttons(food: Food) -> tuple[tuple[Button, ...], ...]:
    portions = [
        Button(f"{p.name} ({p.grams:g} g)"[:40], f"/food #{food.id} p{n}") for n, p in enumerate(food.portions[:4], 1)
    ]
    grams = [Button(f"{g} g", f"/food #{food.id} {g}g") for g in GRAM_CHOICES]
    rows = [tuple(b for b in portions if _fits(b.value)), tuple(b for b in grams if _fits(b.value))]
    return tuple(row for row in rows if row)


async def food(deps: BotDeps, state: ChatState, user: UserAccount, args: str, msg: Incoming) -> list[Reply]:
    """Search, show one food's amounts, or put the chosen amount up for Save."""
    lang = user.profile.language
    if deps.catalog is None:
        return [Reply(t(lang, "Food search is not available on this server."))]
    query = args.strip()
    if not query:
        return [Reply(t(lang, "Send /food and what to look for, e.g. /food greek yogurt"))]
    if query.startswith("#"):
        food_id, _, amount = query[1:].partition(" ")
        if not amount.strip():
            picked = await deps.catalog.get(food_id)
            if picked is None:
                return [Reply(t(lang, "That food is no longer in the catalogue. Search again with /food."))]
            text = t(lang, "{food}\nHow much? Pick a portion or type /food #{id} 180g", food=_label(picked), id=food_id)
            return [Reply(text, _amount_buttons(picked))]
        try:
            estimate = await pick_food(deps.catalog, food_id, amount)
        except WinStreakError as err:
            return [Reply(error_text(lang, err))]
        state.pending = estimate_to_dict(estimate, f"/food {query}"[:500], "text")
        state.pending_since, state.editing = deps.clock.now().isoformat(), False
        return [Reply(estimate_text(lang, estimate), meal_entry.estimate_buttons(lang))]
    matches = await deps.catalog.search(query[:100], RESULTS)
    if not matches:
        return [Reply(t(lang, "No food matches “{query}”. Try other words.", query=query[:60]))]
    buttons = tuple((Button(_label(m.food), f"/food #{m.food.id}"),) for m in matches if _fits(f"/food #{m.food.id}"))
    return [Reply(t(lang, "Which one?"), buttons)]
