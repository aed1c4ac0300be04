"""A wired app with the operator commands, as the composition root would wire it, plus seeding helpers."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from bots.common.flows.admin import admin_commands
from bots.common.messages import Incoming, Reply
from bots.common.moderation import ModeratedConversation
from core.model import ItemSource, MealItem, UserAccount
from core.services.identify import identify
from core.services.log_meal import LogMeal, log_meal
from storage.admin.store import SqlAdminStore
from tests.fakes.memory import FixedClock
from winstreak.bootstrap import App, build_app
from winstreak.settings import load_settings

ADMINS = "console:boss, telegram:777"
PLATFORMS = ("telegram", "discord")  # those with a transport; console has none
PROFILE = "/profile sex=female born=1990 height=168 weight=80 activity=light goal=lose tz=UTC"


async def admin_app(db_url: str, data_dir: Path, now: datetime) -> App:
    """``build_app`` on a migrated database, with ``ModeratedConversation`` and ``/admin`` registered."""
    settings = load_settings(data_dir=data_dir, database_url=db_url, admins=ADMINS, _env_file=None)
    app = await build_app(settings, clock=FixedClock(now), migrate=False)
    store = SqlAdminStore(app.engine)
    commands = admin_commands(store, settings.admins, PLATFORMS)
    app.conversation = ModeratedConversation(app.deps, commands, admins=settings.admins)
    return app


async def say(
    app: App,
    text: str,
    who: str = "boss",
    platform: str = "console",
    *,
    choice: str | None = None,
    language: str = "en",
    group: bool = False,
) -> list[Reply]:
    """One message from ``platform:who`` in a private chat (or a group)."""
    chat = "group-1" if group else who
    msg = Incoming(platform, chat, who, who.title(), text=text, choice=choice, language=language, is_group=group)
    return await app.conversation.handle(msg)


async def one(app: App, text: str, who: str = "boss", platform: str = "console", **kw: object) -> Reply:
    """The single reply to one message."""
    replies = await say(app, text, who, platform, **kw)  # type: ignore[arg-type]
    assert len(replies) == 1, replies
    return replies[0]


async def user(app: App, who: str, platform: str = "telegram", language: str = "en") -> UserAccount:
    """The user behind ``platform:who``, created on first contact."""
    return await identify(app.uow(), platform, who, who.title(), language)


async def meal_at(app: App, account: UserAccount, when: datetime, kcal: float = 500.0) -> None:
    """Log one meal eaten at ``when`` (the clock is moved there and back)."""
    clock = app.deps.clock
    assert isinstance(clock, FixedClock)
    saved = clock.current
    clock.current = when
    item = MealItem("soup", 300, kcal, 10.0, 50.0, 10.0, ItemSource.MANUAL, kcal * 0.8, kcal * 1.2)
    try:
        await log_meal(app.uow(), clock, LogMeal(account.id, (item,), "soup", "text"))
    finally:
        clock.current = saved


def button_values(reply: Reply) -> list[str]:
    """Values of a reply's buttons in reading order."""
    return [b.value for b in reply.flat_buttons]
