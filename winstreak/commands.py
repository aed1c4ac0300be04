"""Every chat command beyond the conversation's built-ins, bound to its real stores (composition root).

The terminal, Telegram and Discord all get the same set through :func:`winstreak.bootstrap.build_app`.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bots.common.conversation import CommandHandler
from bots.common.flows import everyday
from bots.common.flows.account import account_commands
from bots.common.flows.exercise import exercise_commands
from bots.common.flows.exercise_today import settings_with_exercise, with_exercise_today
from bots.common.flows.export import export_command
from bots.common.flows.favourites import favourite_commands
from bots.common.flows.food_search import food
from bots.common.flows.gamification import gamification_commands
from bots.common.flows.groups import group_commands
from bots.common.flows.meals import meals
from bots.common.flows.notification_settings import settings_with_notifications
from bots.common.flows.progress import history
from bots.common.flows.recents import recents_commands
from core.rules.game_rules import GameRules
from storage.chat.accounts import SqlAccountStore
from storage.chat.groups import SqlGroupStore
from storage.export.user_rows import SqlUserRows
from storage.favourites.store import SqlFavouriteStore, SqlMealHistory
from storage.gamification.unit_of_work import SqlGameUnitOfWork
from storage.outbox.prefs import SqlNotificationPrefs


def feature_commands(
    engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession], rules: GameRules
) -> dict[str, CommandHandler]:
    """Account, groups, food search, history, the game, recents and favourites, and /settings with notifications."""
    account = account_commands(SqlAccountStore(sessions))
    meals_before = SqlMealHistory(sessions)  # recents and favourites
    commands: dict[str, CommandHandler] = {
        **account,
        **group_commands(SqlGroupStore(sessions), lambda: SqlGameUnitOfWork(sessions), rules),
        **gamification_commands(lambda: SqlGameUnitOfWork(sessions), rules),
        "food": food,
        "history": history,
        "meals": meals,
        "export": export_command(SqlUserRows(sessions)),  # the zip of every user table
        # /again, and /today (with the day's exercise) followed by the recent meals as buttons
        **recents_commands(meals_before, with_exercise_today(everyday.today)),
        **favourite_commands(SqlFavouriteStore(sessions), meals_before),
    }
    commands["settings"] = settings_with_notifications(account["settings"], SqlNotificationPrefs(engine))
    commands["settings"] = settings_with_exercise(commands["settings"])  # /settings exercise on|off
    commands.update(exercise_commands())
    return commands
