"""Fixtures of the storage tests: sessions on a fresh migrated database (SQLite, then PostgreSQL)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from core.services.estimate_meal import CatalogMealEstimator
from storage.engine import make_engine, make_session_factory
from winstreak.estimation import build_catalog


@pytest.fixture
async def sessions(db_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """A session factory on ``db_url``'s database; its engine is disposed of after the test."""
    engine = make_engine(db_url)
    try:
        yield make_session_factory(engine)
    finally:
        await engine.dispose()


@pytest.fixture
async def engine(pg_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on the suite's PostgreSQL server, disposed of after the test."""
    made = make_engine(pg_url)
    try:
        yield made
    finally:
        await made.dispose()


@pytest.fixture(scope="module")
def estimator() -> CatalogMealEstimator:
    """The offline estimator over the built-in foods, as `winstreak estimate` builds it (one per test module)."""
    return CatalogMealEstimator(build_catalog())
