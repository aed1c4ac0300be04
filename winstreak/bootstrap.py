"""The composition root: the only place that chooses real adapters and wires them to the core.

Tests call :func:`build_app` with their own clock or estimator; everything else comes from settings.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from ai.manual_kcal import StatedKcalEstimator
from bots.common.conversation import CommandHandler, Conversation
from bots.common.deps import BotDeps
from bots.common.flows.admin import Oversight, admin_commands
from bots.common.moderation import ModeratedConversation
from core.ports import Clock, DrainLeases, FoodCatalog, MealEstimator, Transport, UnitOfWork
from core.rules.game_rules import GameRules
from core.rules.message_rate import MessageRate
from core.services.food_names import LocalizedEstimator
from ops.clock import SystemClock
from ops.metered import MeteredEstimator
from storage.admin.audit import SqlAuditLog
from storage.admin.quotas import SqlAiQuotas
from storage.admin.store import SqlAdminStore
from storage.engine import make_engine, make_session_factory
from storage.exercise.store import SqlExerciseLog
from storage.food.catalog import SqlFoodCatalog, build_catalog
from storage.gamification.unit_of_work import SqlGameUnitOfWork
from storage.migrate import upgrade
from storage.repositories.chat_state import SqlStateStore
from storage.unit_of_work import SqlUnitOfWork
from winstreak.commands import feature_commands
from winstreak.lazy_estimator import LazyEstimator
from winstreak.settings import Settings

if TYPE_CHECKING:
    from scheduler.jobs import SchedulerJobs


class DatabaseUnavailable(Exception):
    """The configured database cannot be reached or upgraded; the message says which and why."""


@dataclass
class App:
    """A wired WinStreak: engine, sessions, ports and the conversation."""

    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    deps: BotDeps
    conversation: Conversation
    extra_commands: dict[str, CommandHandler] = field(default_factory=dict)

    def uow(self) -> UnitOfWork:
        """A fresh unit of work."""
        return SqlUnitOfWork(self.sessions)

    async def close(self) -> None:
        """Release the database connections."""
        if isinstance(self.deps.catalog, SqlFoodCatalog):
            await self.deps.catalog.aclose()
        await self.engine.dispose()


def _ensure_sqlite_dir(url: str) -> None:
    if url.startswith("sqlite+aiosqlite:///"):
        path = url.removeprefix("sqlite+aiosqlite:///")
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)


def game_rules(settings: Settings) -> GameRules:
    """The gamification rule book from the ``WINSTREAK_GAME_*`` settings."""
    values = {f.name: getattr(settings, f"game_{f.name}") for f in dataclasses.fields(GameRules)}
    return GameRules(**values)


def default_estimator(settings: Settings, catalog: FoodCatalog | None = None) -> MealEstimator:
    """AI provider (when configured), voice and photo readers around the offline text estimator."""
    from winstreak.ai_wiring import build_estimator
    from winstreak.estimation import build_text_estimator

    text = build_text_estimator(catalog) if catalog is not None else StatedKcalEstimator()
    return build_estimator(settings, text, catalog)


async def build_app(
    settings: Settings,
    *,
    clock: Clock | None = None,
    estimator: MealEstimator | None = None,
    migrate: bool = True,
) -> App:
    """Wire everything; upgrades the schema first unless ``migrate`` is False."""
    url = settings.resolved_database_url
    _ensure_sqlite_dir(url)
    engine = make_engine(url, pool_size=settings.db_pool_size, max_overflow=settings.db_max_overflow)
    if migrate:
        try:
            await upgrade(engine)
        except Exception as err:  # drivers raise many unrelated types for "cannot connect"
            await engine.dispose()
            shown = engine.url.render_as_string(hide_password=True)
            raise DatabaseUnavailable(f"Cannot use the database {shown}: {type(err).__name__}: {err}") from err
    sessions = make_session_factory(engine)
    catalog = await build_catalog(engine, cache_dir=settings.data_dir / "cache") if migrate else None
    chosen = estimator or LazyEstimator(lambda: default_estimator(settings, catalog))
    deps = BotDeps(
        uow=lambda: SqlUnitOfWork(sessions),
        clock=clock or SystemClock(),
        estimator=MeteredEstimator(LocalizedEstimator(chosen, catalog) if catalog is not None else chosen),
        states=SqlStateStore(sessions),
        catalog=catalog,
        estimate_ttl_minutes=settings.estimate_ttl_minutes,
        default_timezone=settings.default_timezone,
        game_rules=game_rules(settings),
        game_uow=lambda: SqlGameUnitOfWork(sessions),
        exercise=SqlExerciseLog(engine),
    )
    admin_store, quotas = SqlAdminStore(engine), SqlAiQuotas(engine)
    oversight = Oversight(SqlAuditLog(engine), quotas, settings.quota_ai_calls_per_day)
    commands = {
        **feature_commands(engine, sessions, game_rules(settings)),
        **admin_commands(admin_store, settings.admins, settings.delivery_platforms, oversight),
    }
    conversation = ModeratedConversation(deps, commands, admins=settings.admins)
    conversation.ai_quotas, conversation.ai_calls_per_day = quotas, settings.quota_ai_calls_per_day
    if settings.quota_messages_per_minute:
        conversation.message_rate = MessageRate(settings.quota_messages_per_minute)
    return App(settings, engine, sessions, deps, conversation, commands)


def sql_scheduler_jobs(
    engine: AsyncEngine, clock: Clock, rules: GameRules, transports: Mapping[str, Transport], worker: str,
    lease_seconds: float = 120.0, batch: int = 50, catch_up_days: int = 2, leases: DrainLeases | None = None,
    closeout_workers: int | None = None,
) -> SchedulerJobs:  # fmt: skip
    """The scheduler's jobs over the SQL adapters of ``engine``.

    ``leases`` decide which process sends for a platform (default: those of the engine's database);
    ``closeout_workers`` is how many connections a day close-out uses on PostgreSQL (default: one per core).
    """
    from scheduler.jobs import SchedulerJobs  # the scheduler's adapters: not on the path to a chat reply
    from storage.chat.groups import SqlGroupStore
    from storage.gamification.closeout import SqlBulkCloser
    from storage.outbox.due import SqlDueMessages
    from storage.outbox.lease import drain_leases
    from storage.outbox.repository import SqlOutbox

    sessions = make_session_factory(engine)
    return SchedulerJobs(
        clock, rules, transports, worker,
        closer=SqlBulkCloser(engine, rules, workers=closeout_workers or os.cpu_count() or 1),
        outbox=SqlOutbox(engine, lease_seconds), leases=leases or drain_leases(engine), due=SqlDueMessages(engine),
        groups=SqlGroupStore(sessions), game=lambda: SqlGameUnitOfWork(sessions), batch=batch,
        catch_up_days=catch_up_days,
    )  # fmt: skip
