"""/fav: named favourite meals, logged again with one tap.

``/fav`` lists them as buttons; ``/fav NAME`` shows one as the estimate awaiting Save; ``/fav save NAME`` keeps
the last saved meal under NAME; ``/fav delete NAME`` removes one. The ⭐ button under a saved meal
(``/fav add MEAL_ID``, shown by meal_entry after Save) keeps that meal under a name made from its items.
Nothing is logged before Save.
"""

from __future__ import annotations

from bots.common.conversation import CommandHandler
from bots.common.flows.handler import Request, command
from bots.common.flows.recents import MAX_ROWS, offer_items
from bots.common.i18n import N_, t
from bots.common.messages import Button, Reply
from core.model import MealId
from core.model.favourite import Favourite
from core.ports.favourites import FavouriteStore, MealHistory
from core.services.favourites import Kept, delete_favourite, find_favourite, keep_saved_meal

PER_ROW = 2
NONE_YET = N_(
    "You have no favourites yet. Press ⭐ under a saved meal, or send /fav save NAME to keep your last saved meal."
)
LISTED = N_("⭐ Your favourites — tap one to log it, or send /fav NAME:")
HOW = N_("/fav save NAME keeps your last saved meal; /fav delete NAME removes one.")
KEPT = N_("⭐ Kept as the favourite “{name}” ({kcal} kcal): /fav {name} logs it again.")
RENAMED = N_("⭐ Your favourite “{old}” is now called “{name}”.")
DELETED = N_("🗑 Deleted the favourite “{name}”.")
CHOSEN = N_("⭐ {name}: Save logs it for today.")
SAVE_USAGE = N_("Write /fav save NAME, e.g. “/fav save usual breakfast”: it keeps your last saved meal.")
DELETE_USAGE = N_("Write /fav delete NAME.")


def _button(favourite: Favourite) -> Button:
    return Button(f"⭐ {favourite.name}", f"/fav #{favourite.id}")


def _listing(lang: str, favourites: list[Favourite]) -> Reply:
    if not favourites:
        return Reply(t(lang, NONE_YET))
    lines = [t(lang, LISTED)] + [f"• {f.name} — {f.kcal:.0f} kcal" for f in favourites] + ["", t(lang, HOW)]
    shown = [_button(f) for f in favourites[: MAX_ROWS * PER_ROW]]
    rows = tuple(tuple(shown[k : k + PER_ROW]) for k in range(0, len(shown), PER_ROW))
    return Reply("\n".join(lines), rows)


def _kept(lang: str, kept: Kept) -> Reply:
    fav = kept.favourite
    text = t(lang, KEPT, name=fav.name, kcal=f"{fav.kcal:.0f}")
    if kept.renamed_from is not None:
        text = t(lang, RENAMED, old=kept.renamed_from, name=fav.name) + "\n" + text
    return Reply(text, ((_button(fav),),))


def favourite_commands(store: FavouriteStore, history: MealHistory) -> dict[str, CommandHandler]:
    """/fav over ``store`` (favourites) and ``history`` (the saved meals they are taken from)."""

    @command
    async def fav(req: Request) -> list[Reply]:
        lang, uid = req.lang, req.user.id
        action, _, rest = req.args.strip().partition(" ")
        verb, rest = action.lower(), rest.strip()
        if not action:
            return [_listing(lang, await store.favourites(uid))]
        if verb == "save":
            if not rest:
                return [Reply(t(lang, SAVE_USAGE))]
            return [_kept(lang, await keep_saved_meal(store, history, uid, None, rest))]
        if verb == "add" and rest.isdigit():
            return [_kept(lang, await keep_saved_meal(store, history, uid, MealId(int(rest)), None))]
        if verb == "delete":
            if not rest:
                return [Reply(t(lang, DELETE_USAGE))]
            gone = await delete_favourite(store, uid, rest)
            return [Reply(t(lang, DELETED, name=gone.name)), _listing(lang, await store.favourites(uid))]
        found = await find_favourite(store, uid, req.args.strip())
        note = t(lang, CHOSEN, name=found.name)
        return await offer_items(req, found.items, found.description or found.name, None, note)

    return {"fav": fav}
