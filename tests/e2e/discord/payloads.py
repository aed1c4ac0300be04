"""Discord API objects as the stand-in sends them: the bot user, application, guilds, messages, interactions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

APP_ID = "700000000000000001"
BOT = {"id": APP_ID, "username": "WinStreak", "discriminator": "0", "avatar": None, "bot": True, "global_name": None}
MANAGE_GUILD = 1 << 5
NOW = "2026-11-25T12:00:00+00:00"


@dataclass
class Fail:
    """An injected failure for matching request paths."""

    pattern: re.Pattern[str]
    status: int
    body: dict[str, Any]
    times: int
    headers: dict[str, str]


def user(user_id: int, name: str) -> dict[str, Any]:
    return {"id": str(user_id), "username": name.lower(), "global_name": name, "discriminator": "0", "avatar": None}


def app_info() -> dict[str, Any]:
    return {
        "id": APP_ID,
        "name": "WinStreak",
        "description": "",
        "icon": None,
        "bot_public": True,
        "bot_require_code_grant": False,
        "owner": user(1, "Owner"),
        "verify_key": "00",
        "flags": 0,
    }


def member(person: dict[str, Any], roles: list[str]) -> dict[str, Any]:
    return {"user": person, "roles": roles, "joined_at": NOW, "deaf": False, "mute": False, "flags": 0}


def guild_create(guild: dict[str, Any]) -> dict[str, Any]:
    """A GUILD_CREATE payload: ``guild`` has id, name, channel_id, admin_role, members (user payloads with roles)."""
    gid = guild["id"]
    role = {"color": 0, "hoist": False, "managed": False, "mentionable": False, "flags": 0}
    roles = [
        {**role, "id": gid, "name": "@everyone", "permissions": str(1024 | 2048), "position": 0},
        {**role, "id": guild["admin_role"], "name": "admins", "permissions": str(MANAGE_GUILD), "position": 1},
    ]
    channel = {
        "id": guild["channel_id"],
        "type": 0,
        "name": "general",
        "position": 0,
        "guild_id": gid,
        "permission_overwrites": [],
        "nsfw": False,
        "parent_id": None,
    }
    return {
        "id": gid,
        "name": guild["name"],
        "owner_id": "1",
        "roles": roles,
        "channels": [channel],
        "members": guild["members"],
        "member_count": len(guild["members"]),
        "emojis": [],
        "stickers": [],
        "features": [],
        "large": False,
        "unavailable": False,
        "joined_at": NOW,
        "threads": [],
        "presences": [],
        "voice_states": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "premium_tier": 0,
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "mfa_level": 0,
        "nsfw_level": 0,
        "system_channel_flags": 0,
        "preferred_locale": "en-US",
        "afk_timeout": 300,
    }


def message_object(
    message_id: int, channel_id: str, payload: dict[str, Any], files: dict[str, bytes], base: str
) -> dict[str, Any]:
    """The message Discord would return for a send: the payload's content and components, files as attachments."""
    attachments = [
        {
            "id": str(message_id + n),
            "filename": name,
            "size": len(data),
            "url": f"{base}/attachments/{name}",
            "proxy_url": f"{base}/attachments/{name}",
        }
        for n, (name, data) in enumerate(files.items())
    ]
    return {
        "id": str(message_id),
        "channel_id": channel_id,
        "author": BOT,
        "content": payload.get("content") or "",
        "timestamp": NOW,
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": attachments,
        "embeds": [],
        "pinned": False,
        "type": 0,
        "flags": payload.get("flags", 0),
        "components": payload.get("components") or [],
    }


def incoming_message(
    message_id: int, channel_id: int, author: dict[str, Any], content: str, guild_id: str | None = None, **extra: Any
) -> dict[str, Any]:
    """A MESSAGE_CREATE payload from a person (``guild_id`` and ``member`` for server channels)."""
    data: dict[str, Any] = {
        "id": str(message_id),
        "channel_id": str(channel_id),
        "author": author,
        "content": content,
        "timestamp": NOW,
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "pinned": False,
        "type": 0,
        "flags": 0,
    }
    if guild_id is not None:
        data["guild_id"] = guild_id
    return {**data, **extra}


def interaction(
    interaction_id: int, kind: int, data: dict[str, Any], channel_id: int, person: dict[str, Any], **extra: Any
) -> dict[str, Any]:
    """An INTERACTION_CREATE payload (2 = slash command, 3 = component); ``member`` + ``guild_id`` in servers."""
    payload = {
        "id": str(interaction_id),
        "application_id": APP_ID,
        "type": kind,
        "data": data,
        "channel_id": str(channel_id),
        "channel": {"id": str(channel_id), "type": 1},
        "token": f"tok{interaction_id}",
        "version": 1,
        "locale": "en-US",
        "app_permissions": "0",
        "entitlements": [],
        "authorizing_integration_owners": {},
        "context": 1,
        "attachment_size_limit": 10 * 1024 * 1024,
    }
    if "member" not in extra:
        payload["user"] = person
    return {**payload, **extra}
