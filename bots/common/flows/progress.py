"""Progress commands: ``/history [weeks back] [dark|light]`` and the chart shown by ``/weight`` alone.

Register ``history`` → :func:`history`. ``/weight`` without an argument calls :func:`weight_overview`
(from ``everyday.weight``). Buttons carry ``/history N`` so choosing one runs the command again.
"""

from __future__ import annotations

import asyncio

from bots.common.flows.handler import Request, command
from bots.common.i18n import t
from bots.common.messages import Button, Reply
from bots.common.progress_text import tip_text, week_text, weight_text
from bots.common.state import ChatState
from core.progress.weeks import parse_weeks_back
from core.services.weekly_history import WeekReport, weekly_history
from core.services.weight_progress import weight_progress

THEME_KEY = "chart_theme"
THEMES = ("dark", "light")


def _theme_and_rest(state: ChatState, args: str) -> tuple[bool, str]:
    """Take ``dark``/``light`` out of the arguments (remembered for this chat); True means dark."""
    words = args.split()
    for word in [w for w in words if w.lower() in THEMES]:
        state.extra[THEME_KEY] = word.lower()
        words.remove(word)
    return state.extra.get(THEME_KEY) == "dark", " ".join(words)


def week_buttons(lang: str, report: WeekReport) -> tuple[tuple[Button, ...], ...]:
    """◀ earlier / later ▶ buttons whose values are ``/history N`` commands."""
    row = []
    if report.has_earlier:
        row.append(Button(t(lang, "◀ Earlier week"), f"/history {report.weeks_back + 1}"))
    if report.weeks_back > 0:
        row.append(Button(t(lang, "Later week ▶"), f"/history {report.weeks_back - 1}"))
    return (tuple(row),) if row else ()


async def week_reply(report: WeekReport, lang: str, *, dark: bool, with_tip: bool = False) -> Reply:
    """The week's chart with its numbers (and the tip) as the caption, and the stepping buttons."""
    from bots.common.charts import render_week_chart  # matplotlib loads on first use (or at warm-up)

    image = await asyncio.to_thread(render_week_chart, report, lang, dark=dark)
    text = week_text(lang, report)
    if with_tip:
        text += "\n\n" + tip_text(lang, report.tip)
    return Reply(text, week_buttons(lang, report), image, f"week-{report.monday.isoformat()}.png")


@command
async def history(req: Request) -> list[Reply]:
    """``/history`` this week, ``/history 2`` two weeks back; ``dark``/``light`` picks the chart colours."""
    dark, rest = _theme_and_rest(req.state, req.args)
    deps = req.deps
    report = await weekly_history(deps.uow(), deps.clock, req.user.id, parse_weeks_back(rest), rules=deps.game_rules)
    return [await week_reply(report, req.lang, dark=dark, with_tip=report.weeks_back <= 1)]


@command
async def weight_overview(req: Request) -> list[Reply]:
    """The weight chart (weigh-ins, trend, goal, BMI bands) with the latest BMI, changes and goal date."""
    lang = req.lang
    report = await weight_progress(req.deps.uow(), req.deps.clock, req.user.id)
    from bots.common.charts import render_weight_chart

    dark = req.state.extra.get(THEME_KEY) == "dark"
    image = await asyncio.to_thread(render_weight_chart, report, lang, dark=dark)
    text = weight_text(lang, report) + "\n" + t(lang, "Log a new weight with /weight 81.5 (or 180lb).")
    return [Reply(text, image=image, image_name="weight.png")]
