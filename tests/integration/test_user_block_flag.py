"""The operator's block comes with the user: ``UserAccount.blocked`` is read in the user's own statement."""

from __future__ import annotations

from datetime import UTC, datetime

from core.model.profile import Profile
from core.services.identify import identify
from storage.admin.store import SqlAdminStore
from storage.engine import make_engine, make_session_factory
from storage.unit_of_work import SqlUnitOfWork

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


async def test_a_user_read_carries_the_block_flag(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        sessions = make_session_factory(engine)
        ana = await identify(SqlUnitOfWork(sessions), "telegram", "11", "Ana")
        bob = await identify(SqlUnitOfWork(sessions), "discord", "22", "Bob")
        assert not ana.blocked and not bob.blocked  # created: never blocked
        assert await SqlAdminStore(engine).set_blocked(ana.id, True, "telegram:1", NOW)
        async with SqlUnitOfWork(sessions) as uow:
            by_identity = await uow.users.by_identity("telegram", "11")
            by_id = await uow.users.get(ana.id)
            other = await uow.users.by_identity("discord", "22")
        assert by_identity is not None and by_identity.blocked
        assert by_id is not None and by_id.blocked and by_id.profile == Profile(language="en", timezone="UTC")
        assert other is not None and not other.blocked
        assert await SqlAdminStore(engine).set_blocked(ana.id, False, "telegram:1", NOW)
        assert not (await identify(SqlUnitOfWork(sessions), "telegram", "11", "Ana")).blocked
    finally:
        await engine.dispose()
