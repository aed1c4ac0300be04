"""Names of the game's ranks and leagues in the user's language (the core keeps English identifiers)."""

from __future__ import annotations

from bots.common.i18n import N_, t
from core.rules.leagues import LEAGUE_NAMES
from core.rules.ranks import Rank, Tier

TIER_NAMES = {
    Tier.BRONZE: N_("Bronze"),
    Tier.SILVER: N_("Silver"),
    Tier.GOLD: N_("Gold"),
    Tier.PLATINUM: N_("Platinum"),
    Tier.DIAMOND: N_("Diamond"),
    Tier.MASTER: N_("Master"),
    Tier.LEGEND: N_("Legend"),
}
LEAGUE_WORDS = {
    "Sprout": N_("Sprout"),
    "Sapling": N_("Sapling"),
    "Oak": N_("Oak"),
    "Redwood": N_("Redwood"),
    "Sequoia": N_("Sequoia"),
    "Baobab": N_("Baobab"),
    "Yggdrasil": N_("Yggdrasil"),
}


def tier_title(lang: str, tier: Tier) -> str:
    """``Argent`` for Silver in French."""
    return t(lang, TIER_NAMES[tier])


def rank_title(lang: str, rank: Rank) -> str:
    """``Gold II`` / ``Or II``; Legend has no division."""
    name = tier_title(lang, rank.tier)
    return name if rank.division is None else f"{name} {rank.division}"


def league_title(lang: str, index: int) -> str:
    """League ``index`` (0 = lowest) by name, or ``League 8`` past the named ones."""
    if index < len(LEAGUE_NAMES):
        return t(lang, LEAGUE_WORDS.get(LEAGUE_NAMES[index], LEAGUE_NAMES[index]))
    return t(lang, "League {number}", number=index + 1)
