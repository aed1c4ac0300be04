"""The chat stores on SQLite and PostgreSQL: update claims, link codes, cascade deletion, groups."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.model import ItemSource, Meal, MealItem, UserId
from core.model.group import GroupMember
from core.model.profile import Profile
from storage.chat.accounts import SqlAccountStore
from storage.chat.groups import SqlGroupStore
from storage.chat.updates import SqlUpdateLog
from storage.repositories.chat_state import SqlStateStore
from storage.unit_of_work import SqlUnitOfWork

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


async def new_user(sessions: async_sessionmaker[AsyncSession], external_id: str) -> UserId:
    async with SqlUnitOfWork(sessions) as uow:
        user = await uow.users.create("telegram", external_id, external_id, Profile())
        item = MealItem("soup", 300, 150, 5, 20, 5, ItemSource.MANUAL, 150, 150)
        await uow.meals.add(Meal(None, user.id, NOW, NOW.date(), (item,), "soup"))
        await uow.commit()
        return user.id


async def test_an_update_is_claimed_once_and_released_on_failure(sessions: async_sessionmaker[AsyncSession]) -> None:
    log = SqlUpdateLog(sessions, "telegram", timedelta(minutes=2))
    assert await log.claim(10, NOW) == "claimed"
    assert await log.claim(10, NOW) == "held"  # being processed elsewhere: to be delivered again later
    await log.release(10)
    assert await log.claim(10, NOW) == "claimed"  # the redelivery runs it again
    await log.finish(10)
    assert await log.claim(10, NOW + timedelta(hours=1)) == "done"  # done for good: a duplicate
    other = SqlUpdateLog(sessions, "discord", timedelta(minutes=2))
    assert await other.claim(10, NOW) == "claimed"  # ids are per platform


async def test_a_claim_left_by_a_dead_replica_expires(sessions: async_sessionmaker[AsyncSession]) -> None:
    log = SqlUpdateLog(sessions, "telegram", timedelta(minutes=2))
    assert await log.claim(2**40, NOW) == "claimed"  # update ids need 64 bits
    assert await log.claim(2**40, NOW + timedelta(minutes=1)) == "held"
    assert await log.claim(2**40, NOW + timedelta(minutes=3)) == "claimed"
    assert await log.prune(NOW + timedelta(days=2)) == 1


async def test_a_renewed_claim_holds_past_its_first_lease(sessions: async_sessionmaker[AsyncSession]) -> None:
    log = SqlUpdateLog(sessions, "telegram", timedelta(minutes=2))
    assert await log.claim(11, NOW) == "claimed"
    assert await log.renew(11, NOW, NOW + timedelta(minutes=1))
    assert await log.renew(11, NOW + timedelta(minutes=1), NOW + timedelta(minutes=2))
    assert await log.claim(11, NOW + timedelta(minutes=3)) == "held"  # renewed a minute ago: its owner lives
    assert await log.claim(11, NOW + timedelta(minutes=5)) == "claimed"  # not renewed for 3 minutes: taken over
    assert not await log.renew(11, NOW + timedelta(minutes=2), NOW + timedelta(minutes=5))  # no longer the owner's
    await log.finish(11)
    assert not await log.renew(11, NOW + timedelta(minutes=5), NOW + timedelta(minutes=6))  # done: nothing to renew


async def test_a_chat_state_is_replaced_in_place_and_absent_keys_load_as_none(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    states = SqlStateStore(sessions)
    assert await states.load("telegram:5:5") is None
    await states.save("telegram:5:5", '{"step": 1}', NOW)
    await states.save("telegram:5:5", '{"step": 2}', NOW + timedelta(seconds=1))  # the upsert's update branch
    await states.save("telegram:6:6", '{"step": 9}', NOW)
    assert await states.load("telegram:5:5") == '{"step": 2}'
    assert await states.load("telegram:6:6") == '{"step": 9}'


async def test_link_codes_are_single_use_and_expire(sessions: async_sessionmaker[AsyncSession]) -> None:
    accounts = SqlAccountStore(sessions)
    user = await new_user(sessions, "1")
    await accounts.save_link_code("ABCD2345", user, NOW + timedelta(minutes=15))
    assert await accounts.take_link_code("ABCD2345", NOW + timedelta(minutes=16)) is None
    await accounts.save_link_code("EFGH2345", user, NOW + timedelta(minutes=15))
    assert await accounts.take_link_code("EFGH2345", NOW) == user
    assert await accounts.take_link_code("EFGH2345", NOW) is None


async def test_joining_an_identity_moves_meals_and_removes_the_empty_user(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    accounts = SqlAccountStore(sessions)
    keep, merged = await new_user(sessions, "1"), await new_user(sessions, "2")
    await accounts.join_identity("telegram", "2", keep)
    assert len(await accounts.all_meals(keep)) == 2
    async with SqlUnitOfWork(sessions) as uow:
        assert await uow.users.get(merged) is None
        joined = await uow.users.by_identity("telegram", "2")
    assert joined is not None and joined.id == keep


async def test_deleting_a_user_cascades_to_meals_groups_and_codes(sessions: async_sessionmaker[AsyncSession]) -> None:
    accounts, groups = SqlAccountStore(sessions), SqlGroupStore(sessions)
    user = await new_user(sessions, "1")
    group = await groups.create("telegram", "-100", "Team", "UTC")
    assert await groups.add_member(group.id, GroupMember(user, "Ada"))
    assert not await groups.add_member(group.id, GroupMember(user, "Ada B"))
    await accounts.save_link_code("ABCD2345", user, NOW + timedelta(minutes=15))
    states = SqlStateStore(sessions)
    await states.save("telegram:-100:1", "{}", NOW)
    await states.save("telegram:1:1", "{}", NOW)
    await states.save("telegram:1:11", "{}", NOW)  # another person's state survives
    await accounts.delete_user(user)
    assert await states.load("telegram:-100:1") is None and await states.load("telegram:1:1") is None
    assert await states.load("telegram:1:11") == "{}"
    assert await accounts.all_meals(user) == []
    assert await groups.members(group.id) == []
    assert await accounts.take_link_code("ABCD2345", NOW) is None


async def test_groups_are_unique_per_chat_and_keep_settings(sessions: async_sessionmaker[AsyncSession]) -> None:
    groups = SqlGroupStore(sessions)
    first = await groups.create("telegram", "-100", "Team", "UTC")
    assert (await groups.create("telegram", "-100", "Team again", "UTC")).id == first.id
    await groups.save(first.__class__(first.id, "telegram", "-100", "Team", False, "20:30", "Europe/Paris"))
    stored = await groups.get("telegram", "-100")
    assert stored is not None and (stored.leagues_on, stored.post_time, stored.timezone) == (
        False,
        "20:30",
        "Europe/Paris",
    )
    user = await new_user(sessions, "9")
    assert not await groups.remove_member(first.id, user)
