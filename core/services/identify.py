"""Find the user behind a platform identity, creating them on first contact."""

from __future__ import annotations

from core.model import UserAccount
from core.model.profile import Profile
from core.ports import UnitOfWork


async def identify(
    uow: UnitOfWork, platform: str, external_id: str, display_name: str, language: str = "en", timezone: str = "UTC"
) -> UserAccount:
    """The user for ``(platform, external_id)``; a new one with a blank profile if unknown."""
    async with uow:
        user = await uow.users.by_identity(platform, external_id)
        if user is None:
            lang = language if language in ("en", "fr") else "en"
            user = await uow.users.create(
                platform, external_id, display_name[:64] or "friend", Profile(language=lang, timezone=timezone)
            )
            await uow.commit()
        return user
