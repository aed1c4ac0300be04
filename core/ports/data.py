"""Ports of the records: users, meals, weights, accounts, groups, their unit of work, the clock, a notifier, export."""

from __future__ import annotations

from datetime import date, datetime
from types import TracebackType
from typing import Protocol, Self

from core.model import Meal, MealId, UserAccount, UserId, WeightEntry
from core.model.day_totals import DayTotals
from core.model.group import ChatGroup, GroupMember
from core.model.profile import Profile


class Clock(Protocol):
    """The current moment (aware, UTC)."""

    def now(self) -> datetime: ...


class UserRepository(Protocol):
    """Users and the platform identities that lead to them."""

    async def get(self, user_id: UserId) -> UserAccount | None: ...

    async def by_identity(self, platform: str, external_id: str) -> UserAccount | None: ...

    async def create(self, platform: str, external_id: str, display_name: str, profile: Profile) -> UserAccount: ...

    async def save_profile(self, user_id: UserId, profile: Profile) -> None: ...

    async def set_active(self, user_id: UserId, active: bool) -> None: ...


class MealRepository(Protocol):
    """Logged meals."""

    async def add(self, meal: Meal) -> Meal: ...

    async def saved_from(self, user_id: UserId, estimate_key: str) -> Meal | None:
        """The user's meal saved from that estimate (``Meal.estimate_key``), if one was."""
        ...

    async def add_unless_saved(self, meal: Meal) -> Meal | None:
        """Add the meal unless one was saved from its estimate already (then None); the unit's last write.

        A meal without ``estimate_key`` is always added. Stores may commit it at once when it is the unit's first
        write (one statement), so nothing may follow it in the unit but the commit.
        """
        ...

    async def on_day(self, user_id: UserId, day: date) -> list[Meal]: ...

    async def last(self, user_id: UserId) -> Meal | None: ...

    async def delete(self, meal_id: MealId) -> None: ...

    async def daily_totals(self, user_id: UserId, start_day: date, end_day: date) -> list[DayTotals]: ...


class WeightRepository(Protocol):
    """Weigh-ins."""

    async def add(self, entry: WeightEntry) -> None: ...

    async def history(self, user_id: UserId) -> list[WeightEntry]: ...


class UnitOfWork(Protocol):
    """One transaction across repositories: commit explicitly, roll back on leaving otherwise."""

    @property
    def users(self) -> UserRepository: ...

    @property
    def meals(self) -> MealRepository: ...

    @property
    def weights(self) -> WeightRepository: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...

    async def commit(self) -> None: ...


class Notifier(Protocol):
    """Sends a text to a user or group on whatever platform reaches them."""

    async def send(self, recipient: str, text: str) -> None: ...


class AccountStore(Protocol):
    """Whole-account operations: export, deletion, one-time link codes, joining identities."""

    async def all_meals(self, user_id: UserId) -> list[Meal]: ...

    async def delete_user(self, user_id: UserId) -> None: ...

    async def save_link_code(self, code: str, user_id: UserId, expires_at: datetime) -> None: ...

    async def take_link_code(self, code: str, now: datetime) -> UserId | None: ...

    async def join_identity(self, platform: str, external_id: str, into: UserId) -> None: ...


class UserDataSource(Protocol):
    """Every row that belongs to one user, by table name (``profile`` holds the user row itself): /export."""

    async def user_tables(self, user_id: UserId) -> dict[str, list[dict[str, object]]]: ...


class GroupStore(Protocol):
    """Group chats in the leagues and their opted-in members."""

    async def get(self, platform: str, chat_id: str) -> ChatGroup | None: ...

    async def create(self, platform: str, chat_id: str, title: str, timezone: str) -> ChatGroup: ...

    async def save(self, group: ChatGroup) -> None: ...

    async def add_member(self, group_id: int, member: GroupMember) -> bool: ...

    async def remove_member(self, group_id: int, user_id: UserId) -> bool: ...

    async def members(self, group_id: int) -> list[GroupMember]: ...
