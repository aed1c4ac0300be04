"""Within one update (``update_reads.shared``) a user is read from the database once; writes forget it.

Statements are counted at the engine (``before_cursor_execute``), on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from core.model import UserAccount
from core.model.profile import Profile
from storage.chat.accounts import SqlAccountStore
from storage.engine import make_engine, make_session_factory
from storage.repositories import update_reads
from storage.unit_of_work import SqlUnitOfWork


class Counted:
    """An engine whose ``SELECT ... users`` statements are counted."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine, self.sessions, self.user_selects = engine, make_session_factory(engine), 0

        @event.listens_for(engine.sync_engine, "before_cursor_execute")
        def _count(_c: Any, _cur: Any, statement: str, *_rest: Any) -> None:
            if statement.lstrip().upper().startswith("SELECT") and "FROM users" in statement:
                self.user_selects += 1

    async def by_identity(self, external_id: str) -> UserAccount | None:
        async with SqlUnitOfWork(self.sessions) as uow:
            return await uow.users.by_identity("telegram", external_id)


@pytest.fixture
async def db(db_url: str) -> AsyncIterator[Counted]:
    engine = make_engine(db_url)
    try:
        yield Counted(engine)
    finally:
        await engine.dispose()


async def new_user(db: Counted, external_id: str) -> UserAccount:
    async with SqlUnitOfWork(db.sessions) as uow:
        user = await uow.users.create("telegram", external_id, "Ann", Profile(language="fr"))
        await uow.commit()
        return user


async def test_a_user_is_read_once_per_update_by_identity_and_by_id(db: Counted) -> None:
    user = await new_user(db, "42")
    with update_reads.shared():
        first = await db.by_identity("42")
        assert first is not None and first.profile.language == "fr"
        assert await db.by_identity("42") == first
        async with SqlUnitOfWork(db.sessions) as uow:
            assert await uow.users.get(user.id) == first  # remembered under its id too
        assert db.user_selects == 1
    assert await db.by_identity("42") == first  # outside an update nothing is remembered
    assert await db.by_identity("42") == first
    assert db.user_selects == 3


async def test_a_write_forgets_and_is_seen_by_the_next_read(db: Counted) -> None:
    user = await new_user(db, "43")
    with update_reads.shared():
        assert await db.by_identity("43") is not None
        async with SqlUnitOfWork(db.sessions) as uow:
            await uow.users.save_profile(user.id, replace(user.profile, language="en"))
            await uow.commit()
        after = await db.by_identity("43")
        assert after is not None and after.profile.language == "en"
        assert db.user_selects == 2


async def test_a_read_after_an_uncommitted_write_is_not_remembered(db: Counted) -> None:
    user = await new_user(db, "44")
    with update_reads.shared():
        async with SqlUnitOfWork(db.sessions) as uow:  # rolled back: never committed
            await uow.users.save_profile(user.id, replace(user.profile, language="en"))
            inside = await uow.users.get(user.id)
            assert inside is not None and inside.profile.language == "en"
        async with SqlUnitOfWork(db.sessions) as uow:
            again = await uow.users.get(user.id)
        assert again is not None and again.profile.language == "fr"


async def test_an_unknown_identity_is_not_remembered_as_missing(db: Counted) -> None:
    with update_reads.shared():
        assert await db.by_identity("45") is None
        await new_user(db, "45")
        assert await db.by_identity("45") is not None


async def test_a_deleted_account_is_forgotten(db: Counted) -> None:
    user = await new_user(db, "46")
    with update_reads.shared():
        assert await db.by_identity("46") is not None
        await SqlAccountStore(db.sessions).delete_user(user.id)
        assert await db.by_identity("46") is None
