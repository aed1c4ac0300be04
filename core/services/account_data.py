"""Export everything stored about a user, or delete all of it."""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import UnknownUser
from core.model import Meal, UserAccount, UserId, WeightEntry
from core.ports import AccountStore, UnitOfWork


@dataclass(frozen=True, slots=True)
class UserExport:
    """A user's account, profile, meals and weigh-ins."""

    account: UserAccount
    meals: list[Meal]
    weights: list[WeightEntry]


async def export_user_data(uow: UnitOfWork, accounts: AccountStore, user_id: UserId) -> UserExport:
    """Everything stored about the user."""
    async with uow:
        account = await uow.users.get(user_id)
        if account is None:
            raise UnknownUser()
        weights = await uow.weights.history(user_id)
    return UserExport(account, await accounts.all_meals(user_id), weights)


async def delete_account(accounts: AccountStore, user_id: UserId) -> None:
    """Delete the user and, by cascade, every row that belongs to them."""
    await accounts.delete_user(user_id)
