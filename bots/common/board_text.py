"""Wording of a group's weekly leaderboard, shared by the /leaderboard command and the scheduled daily post."""

from __future__ import annotations

from datetime import date

from bots.common.game_names import league_title, rank_title
from bots.common.i18n import t
from core.model.notifications import BoardLine
from core.rules.game_rules import GameRules
from core.rules.ranks import rank_of

SHOWN = 20
"""At most this many members are listed, so a big group's post stays one readable message."""


def board_line_text(lang: str, line: BoardLine, rules: GameRules, with_league: bool) -> str:
    """One member: place, nickname, RP this week, streak, rank and (when the group has several) league."""
    values = {
        "place": line.place,
        "name": line.nickname,
        "points": line.week_rp,
        "streak": line.streak,
        "rank": rank_title(lang, rank_of(line.rp, rules)),
    }
    if with_league:
        return t(
            lang, "{place}. {name} — {points} pts · 🔥 {streak} · {rank} · {league} league",
            league=league_title(lang, line.league), **values,
        )  # fmt: skip
    return t(lang, "{place}. {name} — {points} pts · 🔥 {streak} · {rank}", **values)


def group_board_text(lang: str, day: date, lines: list[BoardLine], rules: GameRules) -> str:
    """The group's leaderboard of the week up to ``day``: nickname, points, streak and rank — nothing else.

    Points are RP earned by closed days since Monday; while nobody has any, a last line says when they come.
    """
    out = [t(lang, "🏆 Leaderboard of the week, {day}", day=day.isoformat())]
    if not lines:
        out.append(t(lang, "Nobody has joined yet: send /join to play."))
        return "\n".join(out)
    with_league = len({line.league for line in lines}) > 1
    out += [board_line_text(lang, line, rules, with_league) for line in lines[:SHOWN]]
    if len(lines) > SHOWN:
        out.append(t(lang, "… and {count} more", count=len(lines) - SHOWN))
    if all(line.week_rp == 0 for line in lines):
        out.append(t(lang, "No points yet this week: a day's points count once the day closes, the next morning."))
    return "\n".join(out)
