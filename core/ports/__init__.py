"""Ports: the narrow Protocols through which the core reaches storage, AI, time, chat and the outbox.

One module a role: ``data`` (records and their unit of work), ``estimation`` (foods, estimator, speech),
``game`` (gamification), ``outbox`` (notifications), ``admin`` (operators), ``exercise``, ``favourites``
(recents and favourites). Adapters in storage/, ai/, bots/ implement them; tests use the in-memory fakes in
tests/fakes. Every port is importable from ``core.ports``.
"""

from core.ports.admin import AdminStore, AiQuotas, AuditLog
from core.ports.data import (
    AccountStore,
    Clock,
    GroupStore,
    MealRepository,
    Notifier,
    UnitOfWork,
    UserDataSource,
    UserRepository,
    WeightRepository,
)
from core.ports.estimation import FoodCatalog, MealEstimator, SpeechToText
from core.ports.exercise import ExerciseLog
from core.ports.favourites import FavouriteStore, MealHistory
from core.ports.game import BulkCloser, GameUnitOfWork, GamificationRepository, LeagueRepository
from core.ports.outbox import (
    DrainLeases,
    DueMessages,
    Lease,
    NotificationContent,
    NotificationPrefsStore,
    Outbox,
    Transport,
)

__all__ = [
    "AccountStore",
    "AdminStore",
    "AiQuotas",
    "AuditLog",
    "BulkCloser",
    "Clock",
    "DrainLeases",
    "DueMessages",
    "ExerciseLog",
    "FavouriteStore",
    "FoodCatalog",
    "GameUnitOfWork",
    "GamificationRepository",
    "GroupStore",
    "LeagueRepository",
    "Lease",
    "MealEstimator",
    "MealHistory",
    "MealRepository",
    "NotificationContent",
    "NotificationPrefsStore",
    "Notifier",
    "Outbox",
    "SpeechToText",
    "Transport",
    "UnitOfWork",
    "UserDataSource",
    "UserRepository",
    "WeightRepository",
]
