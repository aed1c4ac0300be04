"""/food QUERY: search the catalogue, pick a result, then grams or a portion; the result awaits Save.

Buttons carry commands (``/food #ID`` and ``/food #ID 150g``); adapters send such values back as text.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from bots.common.deps import BotDeps
from bots.common.flows import meal_entry
from bots.common.flows.handler import Request, command
from bots.common.i18n import t
from bots.common.messages import Button, Reply
from core.errors import WinStreakError
from core.food.food_names import food_label
from core.food.portion_names import portion_label
from core.food.units import UNIT_WORDS
from core.model.food import Food
from core.services.pick_food import amount_grams, pick_food

RESULTS = 12
PAGE = 4  # results a page: with the ◀ ▶ row that is 5 rows, Discord's most
PICKED = "food_pick"  # chat-state key: the food whose amount may be typed next
PICK_MINUTES = 15
AMOUNT_WORDS = frozenset({"a", "an", "one", "half", "two", "three", "un", "une", "deux", "trois", "demi", "p1", "p2"})
_GRAMS = r"\d+(?:[.,]\d+)?\s*(?:g|gr|grams?|grammes?)"
_COUNT = r"(?:\d+(?:[.,]\d+)?|a|an|one|two|three|half\s+a|un|une|deux|trois)"
_UNITS = "|".join(re.escape(w) for w in sorted(UNIT_WORDS, key=len, reverse=True) if " " not in w)
GRAM_CHOICES = (50, 100, 150, 200, 300)
MAX_VALUE_BYTES = 64 - 8  # Telegram's callback data limit, less the tag that binds a button to its message


def _fits(value: str) -> bool:
    return len(value.encode()) <= MAX_VALUE_BYTES


def _label(food: Food, lang: str) -> str:
    return f"{food_label(food, lang)} · {food.kcal_100g:.0f} kcal/100 g"[:60]


def _amount_buttons(food: Food, lang: str) -> tuple[tuple[Button, ...], ...]:
    portions = [
        Button(f"{portion_label(p.name, lang)} ({p.grams:g} g)"[:40], f"/food #{food.id} p{n}")
        for n, p in enumerate(food.portions[:4], 1)
    ]
    grams = [Button(f"{g} g", f"/food #{food.id} {g}g") for g in GRAM_CHOICES]
    rows = [tuple(b for b in portions if _fits(b.value)), tuple(b for b in grams if _fits(b.value))]
    return tuple(row for row in rows if row)


@command
async def food(req: Request) -> list[Reply]:
    """Search, show one food's amounts, or put the chosen amount up for Save."""
    deps, state, lang = req.deps, req.state, req.lang
    state.extra.pop(PICKED, None)
    if deps.catalog is None:
        return [Reply(t(lang, "Food search is not available on this server."))]
    query = req.args.strip()
    if not query:
        return [Reply(t(lang, "Send /food and what to look for, e.g. /food greek yogurt"))]
    if query.startswith("#"):
        food_id, _, amount = query[1:].partition(" ")
        if not amount.strip():
            picked = await deps.catalog.get(food_id)
            if picked is None:
                return [Reply(t(lang, "That food is no longer in the catalogue. Search again with /food."))]
            state.extra[PICKED] = {"id": food_id, "at": deps.clock.now().isoformat()}
            text = t(
                lang,
                "{food}\nHow much? Pick a portion or type it: 150, 150g, 2 slices, a cup…",
                food=_label(picked, lang),
            )
            return [Reply(text, _amount_buttons(picked, lang))]
        return await _estimate(req, food_id, amount)
    page_match = re.fullmatch(r"~(\d+)\s+(.+)", query)
    page, query = (int(page_match.group(1)), page_match.group(2)) if page_match else (1, query)
    split = split_amount(query)
    if split is not None and page == 1:
        best = await deps.catalog.search(split[0][:100], 1)
        if best:
            return await _estimate(req, best[0].food.id, split[1])
    return await _results(deps, lang, query, page)


async def _results(deps: BotDeps, lang: str, query: str, page: int) -> list[Reply]:
    assert deps.catalog is not None
    matches = await deps.catalog.search(query[:100], RESULTS)
    if not matches:
        return [Reply(t(lang, "No food matches “{query}”. Try other words.", query=query[:60]))]
    pages = max(1, -(-len(matches) // PAGE))
    page = min(max(page, 1), pages)
    shown = matches[(page - 1) * PAGE : page * PAGE]
    rows: list[tuple[Button, ...]] = [
        (Button(_label(m.food, lang), f"/food #{m.food.id}"),) for m in shown if _fits(f"/food #{m.food.id}")
    ]
    nav = [
        Button(label, f"/food ~{n} {query[:40]}") for label, n in (("◀", page - 1), ("▶", page + 1)) if 1 <= n <= pages
    ]
    rows += [tuple(b for b in nav if _fits(b.value))] if nav else []
    text = (
        t(lang, "Which one?") if pages == 1 else t(lang, "Which one? (page {page} of {pages})", page=page, pages=pages)
    )
    return [Reply(text, tuple(row for row in rows if row))]


async def _estimate(req: Request, food_id: str, amount: str) -> list[Reply]:
    deps, state = req.deps, req.state
    assert deps.catalog is not None
    estimate = await pick_food(deps.catalog, food_id, amount, req.lang)
    state.extra.pop(PICKED, None)
    return [meal_entry.offer(deps, state, req.user, estimate, f"/food #{food_id} {amount}"[:500], "text")]


@command
async def _picked_amount(req: Request) -> list[Reply]:
    """``req.args`` is ``"ID amount"``: the amount typed for the food picked before."""
    food_id, _, amount = req.args.partition(" ")
    return await _estimate(req, food_id, amount)


async def typed_amount(req: Request) -> list[Reply] | None:
    """An amount (``req.args``) typed right after picking a food ("150", "2 slices"), or None for something else.

    The pick lasts ``PICK_MINUTES``; anything that is not an amount of it ends the pick and goes on as usual.
    """
    deps, state, text = req.deps, req.state, req.args
    picked = state.extra.get(PICKED)
    if not isinstance(picked, dict) or deps.catalog is None:
        return None
    since = datetime.fromisoformat(str(picked.get("at")))
    food_id = str(picked.get("id"))
    fresh = deps.clock.now() - since <= timedelta(minutes=PICK_MINUTES)
    found = await deps.catalog.get(food_id) if fresh else None
    if found is None or not _looks_like_amount(text):
        state.extra.pop(PICKED, None)
        return None
    try:
        amount_grams(found, text)
    except WinStreakError:
        state.extra.pop(PICKED, None)
        return None
    return await _picked_amount(req.with_args(f"{food_id} {text}"))


def _looks_like_amount(text: str) -> bool:
    words = text.lower().split()
    return 0 < len(words) <= 4 and (words[0][0].isdigit() or words[0] in AMOUNT_WORDS)


def split_amount(query: str) -> tuple[str, str] | None:
    """``"banana 150g"`` → (``"banana"``, ``"150g"``); ``"150 g banana"``, ``"2 slices bread"`` likewise; else None."""
    end = re.fullmatch(rf"(?P<q>.+?)\s+(?P<a>{_GRAMS}|{_COUNT}\s+(?:{_UNITS}))", query, re.IGNORECASE)
    if end:
        return end.group("q"), end.group("a")
    start = re.fullmatch(
        rf"(?P<a>{_GRAMS}|{_COUNT}\s+(?:{_UNITS}))\s+(?:of\s+|de\s+|d')?(?P<q>.+)", query, re.IGNORECASE
    )
    if start:
        return start.group("q"), start.group("a")
    return None
