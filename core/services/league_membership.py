"""Use cases: join or leave a group's weekly league (opting in or out of the group's leaderboard)."""

from __future__ import annotations

from core.model import UserAccount
from core.ports import GameUnitOfWork, GroupStore
from core.services.group_membership import join_group, leave_group


async def join_league(uow: GameUnitOfWork, groups: GroupStore, platform: str, chat_id: str, user: UserAccount) -> bool:
    """Opt in; a new member starts in the lowest league, a returning one where they left. False if already in."""
    joined = await join_group(groups, platform, chat_id, user)
    group = await groups.get(platform, chat_id)
    if group is not None:
        async with uow:
            await uow.leagues.ensure_member(group.id, user.id)
            await uow.commit()
    return joined


async def leave_league(groups: GroupStore, platform: str, chat_id: str, user: UserAccount) -> bool:
    """Opt out; the league is remembered, so leaving cannot dodge a demotion. False if not in."""
    return await leave_group(groups, platform, chat_id, user)
