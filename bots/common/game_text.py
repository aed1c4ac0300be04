"""Wording of the game for every platform: /streak, /rank, /trophies, /rules and the announcements."""

from __future__ import annotations

from bots.common.game_names import league_title, rank_title
from bots.common.i18n import t, tn
from core.events import DayClosed, LeagueDemoted, LeaguePromoted, RankChanged, TrophyUnlocked
from core.rules.day_result import DayResult
from core.rules.exercise_budget import CAP_KCAL as EXERCISE_CAP
from core.rules.exercise_budget import SHARE_PERCENT as EXERCISE_SHARE
from core.rules.game_rules import GameRules
from core.rules.ranks import rank_of
from core.rules.streak import won_days_to_freeze
from core.rules.trophies import Trophy, catalogue
from core.services.game_status import GameStatus

RESULT_ICONS = {DayResult.WON: "✅", DayResult.LOST: "🔺", DayResult.UNDER: "🔻", DayResult.MISSED: "⬜"}


def _values(lang: str, trophy: Trophy) -> dict[str, object]:
    """The trophy's values, words translated (a tier name: "Silver" is "Argent" in French)."""
    return {key: t(lang, value) if isinstance(value, str) else value for key, value in trophy.params}


def trophy_title(lang: str, trophy: Trophy) -> str:
    """A trophy's name in ``lang``."""
    return t(lang, trophy.name, **_values(lang, trophy))


def trophy_rule(lang: str, trophy: Trophy) -> str:
    """How a trophy is won, in ``lang``."""
    return t(lang, trophy.condition, **_values(lang, trophy))


def result_name(lang: str, result: DayResult) -> str:
    """A day result's word."""
    words = {DayResult.WON: t(lang, "won"), DayResult.LOST: t(lang, "lost"), DayResult.UNDER: t(lang, "under")}
    return words.get(result, t(lang, "missed"))


def streak_text(lang: str, status: GameStatus, rules: GameRules) -> str:
    """The /streak reply."""
    s = status.stats
    lines = [
        tn(
            lang,
            "🔥 Streak: {n} day (best {best}).",
            "🔥 Streak: {n} days (best {best}).",
            s.streak,
            best=s.best_streak,
        ),
        t(lang, "🧊 Freezes: {freezes} of {most}.", freezes=s.freezes, most=rules.max_freezes),
    ]
    left = won_days_to_freeze(s.streak_state, rules)
    if left is not None:
        lines.append(
            tn(lang, "{n} more won day in a row earns a freeze.", "{n} more won days in a row earn a freeze.", left)
        )
    if s.last_closed_day is None:
        close_at = f"{rules.grace_minutes // 60:02d}:{rules.grace_minutes % 60:02d}"
        text = "No day of yours has closed yet: a day you log counts when it closes, at {time} the next morning. "
        lines.append(t(lang, text + "/today shows where today stands.", time=close_at))
    return "\n".join(lines)


def rank_text(lang: str, status: GameStatus, rules: GameRules) -> str:
    """The caption of the rank card."""
    s = status.stats
    text = t(lang, "🏅 {rank} · {rp} RP", rank=rank_title(lang, status.rank), rp=s.rp)
    if status.next_division_rp is not None:
        nxt = rank_title(lang, rank_of(status.next_division_rp, rules))
        text += "\n" + t(lang, "{left} RP to {rank}.", left=status.next_division_rp - s.rp, rank=nxt)
    if s.shield:
        text += "\n" + t(lang, "🛡 Demotion shield: your next day cannot drop you a division.")
    return text


def trophies_text(lang: str, status: GameStatus) -> str:
    """The caption of the trophy case: the count and the next few to aim for."""
    total = len(status.trophies)
    count = status.unlocked_count
    lines = [tn(lang, "🏆 {n} of {total} trophies.", "🏆 {n} of {total} trophies.", count, total=total)]
    locked = [trophy for trophy, day in status.trophies if day is None][:3]
    if locked:
        lines.append(t(lang, "Next to aim for:"))
        lines += [
            t(lang, "{emoji} {title}: {rule}", emoji=trophy.emoji, title=trophy_title(lang, trophy),
              rule=trophy_rule(lang, trophy))
            for trophy in locked
        ]  # fmt: skip
    return "\n".join(lines)


def rules_text(lang: str, rules: GameRules) -> str:
    """The whole rule book in one reply, with the numbers in force."""
    r = rules
    close_at = f"{r.grace_minutes // 60:02d}:{r.grace_minutes % 60:02d}"
    parts = [
        t(lang, "📜 How WinStreak scores your days"),
        t(
            lang,
            "Each day closes at {time} the next morning in your time zone, so a late dinner still counts. "
            "Your first day is the first day you log a meal.",
            time=close_at,
        ),
        t(
            lang,
            "✅ Won: you logged between {low}% and {high}% of your target.\n🔺 Lost: more than {high}%.\n"
            "🔻 Under: something, but less than {low}%.\n⬜ Missed: nothing logged.",
            low=round(r.min_share * 100),
            high=round((1 + r.tolerance) * 100),
        ),
        t(
            lang,
            "🏃 Exercise: logged exercise (“I ran 5 km”, /exercise) counts only if you turn it on with /settings "
            "exercise on. Then the day is judged against your target plus {share}% of that day's exercise kcal, at "
            "most {cap} kcal a day; off, exercise is shown in /today but changes nothing.",
            share=EXERCISE_SHARE,
            cap=EXERCISE_CAP,
        ),
        t(
            lang,
            "🔥 Streak: +1 a won day. {days} won days in a row earn a 🧊 freeze (at most {most} held); a freeze is "
            "spent by itself on a day you do not win, and the streak lives on. Your best streak is kept.",
            days=r.freeze_every,
            most=r.max_freezes,
        ),
        t(
            lang,
            "🏅 Rank: Bronze, Silver, Gold, Platinum, Diamond and Master, each with divisions III, II and I, then "
            "Legend. A division is {size} RP. Won: +{won} RP, plus 1 for every {step} streak days (at most +{bonus}). "
            "Lost: {lost} RP. Under: {under} RP. Missed: {missed} RP. A promotion gives {shield} day of demotion "
            "shield. RP never drop below 0.",
            size=r.rp_per_division,
            won=r.rp_won,
            step=r.rp_streak_step,
            bonus=r.rp_streak_bonus_max,
            lost=r.rp_lost,
            under=r.rp_under,
            missed=r.rp_missed,
            shield=r.shield_days,
        ),
        t(
            lang,
            "📅 Past days: until a day closes ({time} the next morning) you can still add a meal or an exercise to "
            "it (“yesterday …”, “for dinner yesterday …”, “yesterday I ran 5 km”) and edit or delete its meals with "
            "/meals and its exercise with /exercise. After the close-out a day is final: its result, streak and RP "
            "never change again, which keeps ranks honest.",
            time=close_at,
        ),
        t(
            lang,
            "📅 Moving a meal (the Move button of /meals, or 📅 Save for yesterday under an estimate) counts as "
            "deleting it from one day and logging it on the other: both days must still be open, and the "
            "close-out judges each day by the meals it holds then.",
        ),
        t(lang, "🏆 Trophies: {count} to collect, each once — see /trophies.", count=len(catalogue(r))),
        t(
            lang,
            "⚡ The first meal, first photo, first voice note and first barcode trophies come the moment the meal "
            "is saved; every other trophy, and every day's result, waits for the day's close-out.",
        ),
        t(
            lang,
            "👥 Group leagues: members who /join are ranked by the RP they earn Monday to Sunday. In a league of "
            "{least} or more, the top {up}% move up a league and the bottom {down}% move down.",
            least=r.league_min_members,
            up=round(r.league_up_share * 100),
            down=round(r.league_down_share * 100),
        ),
    ]
    return "\n\n".join(parts)


def announcement(lang: str, event: object) -> str | None:
    """The message announcing a game event to its user, or None for events nobody is told about."""
    if isinstance(event, TrophyUnlocked):
        trophy = event.trophy
        return t(lang, "{emoji} Trophy unlocked: {name}!", emoji=trophy.emoji, name=trophy_title(lang, trophy))
    if isinstance(event, RankChanged):
        if event.promoted:
            return t(lang, "⬆️ Promoted to {rank}! A shield protects your next day.", rank=rank_title(lang, event.after))
        return t(lang, "⬇️ Down to {rank}. Win a day to climb back.", rank=rank_title(lang, event.after))
    if isinstance(event, DayClosed):
        o = event.outcome
        return t(
            lang, "{icon} {day}: {result} ({kcal} of {target} kcal). Streak {streak}, {delta} RP.",
            icon=RESULT_ICONS[o.result], day=o.day.isoformat(), result=result_name(lang, o.result),
            kcal=round(o.tally.kcal), target=o.target_kcal, streak=o.stats.streak, delta=f"{o.rank.delta:+d}",
        )  # fmt: skip
    if isinstance(event, LeaguePromoted):
        return t(lang, "⬆️ You moved up to the {league} league!", league=league_title(lang, event.league_after))
    if isinstance(event, LeagueDemoted):
        return t(lang, "⬇️ You moved down to the {league} league.", league=league_title(lang, event.league_after))
    return None
