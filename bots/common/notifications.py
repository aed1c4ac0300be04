"""Wording of scheduled messages (reminders, daily results, broadcasts), in the recipient's language."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date

from bots.common.board_text import group_board_text
from bots.common.game_names import rank_title
from bots.common.game_text import trophy_title
from bots.common.i18n import N_, t
from bots.common.messages import Reply
from core.model.notifications import BoardLine, DailyResultData
from core.model.outbox import OutboxMessage
from core.ports import NotificationContent
from core.rules.game_rules import GameRules
from core.rules.ranks import rank_of
from core.rules.trophies import catalogue

Renderer = Callable[[OutboxMessage], Awaitable[list[Reply]]]
"""How a transport turns an outbox message into replies (the scheduler wiring passes one built on
:func:`render_notification`)."""

RESULT_LINES = {
    "won": N_("WON ✅ — within your target."),
    "lost": N_("LOST ❌ — over your target."),
    "under": N_("UNDER ⚠️ — less than {share}% of your target was logged."),
    "missed": N_("MISSED — nothing was logged."),
}


def reminder_text(lang: str) -> str:
    """The evening nudge to someone who logged nothing today."""
    return t(lang, "🍽 You haven't logged anything today. Tell me what you ate to keep your streak going!")


def daily_result_text(lang: str, data: DailyResultData, rules: GameRules) -> str:
    """Yesterday's result: kcal against target, the outcome, streak, RP change, rank and new trophies."""
    lines = [
        t(
            lang,
            "📊 Your result for {day}: {kcal} / {target} kcal",
            day=data.day.isoformat(),
            kcal=f"{data.kcal:.0f}",
            target=data.target_kcal,
        ),
        t(lang, RESULT_LINES.get(data.result, data.result), share=round(rules.min_share * 100)),
    ]
    if data.freeze_spent:
        lines.append(t(lang, "🧊 A streak freeze saved your streak."))
    lines.append(
        t(
            lang,
            "🔥 Streak: {streak} (best {best}) · freezes: {freezes}",
            streak=data.streak,
            best=data.best_streak,
            freezes=data.freezes,
        )
    )
    before, after = rank_of(data.rp_before, rules), rank_of(data.rp, rules)
    lines.append(
        t(
            lang,
            "🏅 {change} RP → {rp} RP, {rank}",
            change=f"{data.rp - data.rp_before:+d}",
            rp=data.rp,
            rank=rank_title(lang, after),
        )
    )
    if after.step > before.step:
        lines.append(t(lang, "⬆️ Promoted to {rank}!", rank=rank_title(lang, after)))
    elif after.step < before.step:
        lines.append(t(lang, "⬇️ Down to {rank}.", rank=rank_title(lang, after)))
    names = {trophy.code: f"{trophy.emoji} {trophy_title(lang, trophy)}" for trophy in catalogue(rules)}
    for code in data.trophies:
        lines.append(t(lang, "🏆 New trophy: {name}", name=names.get(code, code)))
    return "\n".join(lines)


MOVES = {"up": "⬆️", "down": "⬇️", "stay": "➖"}


def league_week_text(lang: str, week_start: date, lines: list[BoardLine]) -> str:
    """Last week's league results, with promotions and demotions named."""
    out = [t(lang, "📅 League results for the week of {day}", day=week_start.isoformat())]
    league = None
    for line in lines:
        if line.league != league:
            league = line.league
            out.append(t(lang, "League {n}:", n=league + 1))
        out.append(f"{MOVES.get(line.movement, '')} {line.place}. {line.nickname} — {line.week_rp} RP")
    promoted = [x.nickname for x in lines if x.movement == "up"]
    demoted = [x.nickname for x in lines if x.movement == "down"]
    if promoted:
        out.append(t(lang, "Promoted: {names}", names=", ".join(promoted)))
    if demoted:
        out.append(t(lang, "Demoted: {names}", names=", ".join(demoted)))
    return "\n".join(out)


async def render_notification(message: OutboxMessage, content: NotificationContent, rules: GameRules) -> list[Reply]:
    """The replies for one outbox message; an unknown kind or missing data renders nothing."""
    lang = message.language
    if message.kind == "reminder":
        return [Reply(reminder_text(lang))]
    if message.kind == "broadcast":
        return [Reply(str(message.payload.get("text", "")))]
    if message.kind == "daily_result" and message.user_id is not None:
        data = await content.daily_result(message.user_id, date.fromisoformat(str(message.payload["day"])))
        return [Reply(daily_result_text(lang, data, rules))] if data else []
    if message.kind == "group_daily" and message.group_id is not None:
        day = date.fromisoformat(str(message.payload["day"]))
        return [Reply(group_board_text(lang, day, await content.group_board(message.group_id, day), rules))]
    if message.kind == "league_week" and message.group_id is not None:
        week = date.fromisoformat(str(message.payload["week_start"]))
        lines = await content.league_week(message.group_id, week)
        return [Reply(league_week_text(lang, week, lines))] if lines else []
    return []
