"""Use case: end a group's league week: rank each league, move the top up and the bottom down, keep results."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from core.events import LeagueDemoted, LeaguePromoted, LeagueWeekEnded, TrophyUnlocked
from core.model import UserId
from core.model.group import ChatGroup
from core.ports import GameUnitOfWork, GroupStore
from core.rules.game_rules import GameRules
from core.rules.leagues import Movement, Placement, Standing, end_week, is_podium
from core.rules.player import PlayerStats
from core.rules.trophies import newly_unlocked

LeagueEvent = LeagueWeekEnded | LeaguePromoted | LeagueDemoted | TrophyUnlocked


async def end_league_week(
    uow: GameUnitOfWork, groups: GroupStore, group: ChatGroup, week_start: date, rules: GameRules
) -> list[LeagueEvent]:
    """End the week starting ``week_start`` (a Monday) for the group's opted-in members; idempotent."""
    if week_start.weekday() != 0:
        raise ValueError("week_start must be a Monday")
    members = [m.user_id for m in await groups.members(group.id)]
    if not members:
        return []
    week_end = week_start + timedelta(days=6)
    events: list[LeagueEvent] = []
    placements: dict[int, list[Placement]] = {}
    async with uow:
        leagues = await uow.leagues.leagues(group.id, members)
        earned = await uow.leagues.week_rp(members, week_start, week_end)
        by_league: dict[int, list[Standing]] = defaultdict(list)
        for user in members:
            week_rp, total = earned.get(user, (0, 0))
            by_league[leagues[user]].append(Standing(user, week_rp, total))
        for league, standings in sorted(by_league.items()):
            placed = end_week(league, standings, rules)
            if not await uow.leagues.save_week(group.id, week_start, league, placed):
                continue
            placements[league] = placed
            for p in placed:
                podium = is_podium(p.place, len(placed), rules)
                await uow.leagues.count_league(p.user_id, p.movement is Movement.UP, podium)
                if p.movement is Movement.UP:
                    events.append(LeaguePromoted(group.id, p.user_id, p.league_after))
                elif p.movement is Movement.DOWN:
                    events.append(LeagueDemoted(group.id, p.user_id, p.league_after))
                events += await _trophies(uow, p.user_id, week_end, rules)
        await uow.commit()
    if placements:
        events.insert(0, LeagueWeekEnded(group.id, week_start, placements))
    return events


async def _trophies(uow: GameUnitOfWork, user_id: UserId, day: date, rules: GameRules) -> list[LeagueEvent]:
    user = await uow.users.get(user_id)
    stats = await uow.game.stats(user_id) or PlayerStats()
    weight = user.profile.weight_kg if user else None
    height = user.profile.height_cm if user else None
    fresh = newly_unlocked(stats.snapshot(weight, height), set(await uow.game.unlocked(user_id)), rules)
    added = set(await uow.game.unlock(user_id, [t.code for t in fresh], day))
    return [TrophyUnlocked(user_id, t, day) for t in fresh if t.code in added]
