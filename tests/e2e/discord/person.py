"""A person talking to the bot through the stand-in: DMs, server messages, slash commands, button clicks."""

from __future__ import annotations

from typing import Any

from tests.e2e.discord.payloads import incoming_message, interaction, member, user
from tests.e2e.discord.standin import Call, StandInDiscord


class Person:
    """One Discord user; ``channel_id`` is their DM channel, or a server channel when ``guild_id`` is given."""

    def __init__(
        self,
        api: StandInDiscord,
        user_id: int = 5001,
        name: str = "Ada",
        channel_id: int = 6001,
        guild_id: str | None = None,
        roles: list[str] | None = None,
        permissions: int = 0,
    ) -> None:
        self.api, self.channel_id, self.guild_id = api, channel_id, guild_id
        self.user = user(user_id, name)
        self.roles, self.permissions = roles or [], permissions

    def _where(self) -> dict[str, Any]:
        if self.guild_id is None:
            return {}
        return {"guild_id": self.guild_id, "member": member(self.user, self.roles)}

    async def _exchange(self, event: str, data: dict[str, Any], expect: int) -> list[Call]:
        before = len(self.api.sent())
        await self.api.dispatch(event, data)
        return (await self.api.wait_sent(before + expect))[before:]

    async def say(self, text: str, expect: int = 1, **extra: Any) -> list[Call]:
        data = incoming_message(self.api.snowflake(), self.channel_id, self.user, text, **self._where(), **extra)
        return await self._exchange("MESSAGE_CREATE", data, expect)

    def _interaction(self, kind: int, data: dict[str, Any], **extra: Any) -> dict[str, Any]:
        where: dict[str, Any] = {}
        if self.guild_id is not None:
            where = {
                "guild_id": self.guild_id,
                "member": {**member(self.user, self.roles), "permissions": str(self.permissions)},
                "channel": {"id": str(self.channel_id), "type": 0, "guild_id": self.guild_id},
            }
        return interaction(self.api.snowflake(), kind, data, self.channel_id, self.user, **where, **extra)

    async def slash(self, name: str, details: str | None = None, expect: int = 1, locale: str = "en-US") -> list[Call]:
        options = [] if details is None else [{"name": "details", "type": 3, "value": details}]
        data = {"id": str(self.api.snowflake()), "name": name, "type": 1, "options": options}
        return await self._exchange("INTERACTION_CREATE", self._interaction(2, data, locale=locale), expect)

    async def press(self, call: Call, label: str, expect: int = 1) -> list[Call]:
        custom_id = dict(call.buttons)[label]
        message = {**call.result, "channel_id": str(self.channel_id)}
        data = {"custom_id": custom_id, "component_type": 2}
        return await self._exchange("INTERACTION_CREATE", self._interaction(3, data, message=message), expect)
