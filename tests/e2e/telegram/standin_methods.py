"""The Bot API methods the stand-in answers (sendMessage, getUpdates, getChatMember, ...), as a mixin."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import time
from typing import Any

BOT_ID = 424242


class BotAPIMethods:
    """``_m_<method>`` answers one Bot API method; the server class holds the state they share."""

    files: dict[str, bytes]
    admins: set[tuple[int, int]]
    webhook: dict[str, Any] | None
    _pending: list[dict[str, Any]]
    _new: asyncio.Condition
    _message_ids: itertools.count[int]
    _messages: dict[tuple[int, int], dict[str, Any]]
    _chats: dict[int, dict[str, Any]]
    _stopping: bool

    def _bot_message(self, params: dict[str, Any], **content: Any) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        chat = self._chats.get(chat_id, {"id": chat_id, "type": "private" if chat_id > 0 else "group"})
        message_id = next(self._message_ids)
        message: dict[str, Any] = {"message_id": message_id, "date": int(time.time()), "chat": chat}
        message["from"] = {"id": BOT_ID, "is_bot": True, "first_name": "WinStreak", "username": "winstreak_test_bot"}
        message.update(content)
        if "reply_markup" in params:
            message["reply_markup"] = params["reply_markup"]
        self._messages[(chat_id, message_id)] = message
        return message

    async def _m_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"id": BOT_ID, "is_bot": True, "first_name": "WinStreak", "username": "winstreak_test_bot"}

    async def _m_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 2.0)
        async with self._new:
            self._pending = [u for u in self._pending if u["update_id"] >= offset]
            if not self._pending and not self._stopping and timeout:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._new.wait(), timeout)
            return list(self._pending)

    async def _m_setWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = {"url": params["url"], "secret_token": params.get("secret_token", "")}
        return True

    async def _m_deleteWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = None
        return True

    async def _m_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._bot_message(params, text=params["text"])

    async def _m_sendPhoto(self, params: dict[str, Any]) -> dict[str, Any]:
        photo = [{"file_id": "sent-photo", "file_unique_id": "sp", "width": 10, "height": 10}]
        return self._bot_message(params, photo=photo, caption=params.get("caption", ""))

    async def _m_sendDocument(self, params: dict[str, Any]) -> dict[str, Any]:
        document = {"file_id": "sent-doc", "file_unique_id": "sd", "file_name": "file"}
        return self._bot_message(params, document=document, caption=params.get("caption", ""))

    async def _m_editMessageText(self, params: dict[str, Any]) -> dict[str, Any]:
        key = (int(params["chat_id"]), int(params["message_id"]))
        message = dict(self._messages[key], text=params["text"])
        message.pop("reply_markup", None)
        if "reply_markup" in params:
            message["reply_markup"] = params["reply_markup"]
        self._messages[key] = message
        return message

    async def _m_editMessageReplyMarkup(self, params: dict[str, Any]) -> dict[str, Any]:
        key = (int(params["chat_id"]), int(params["message_id"]))
        message = dict(self._messages[key])
        message.pop("reply_markup", None)
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        self._messages[key] = message
        return message

    async def _m_answerCallbackQuery(self, params: dict[str, Any]) -> bool:
        return True

    async def _m_sendChatAction(self, params: dict[str, Any]) -> bool:
        return True

    async def _m_setMyCommands(self, params: dict[str, Any]) -> bool:
        return True

    async def _m_getFile(self, params: dict[str, Any]) -> dict[str, Any]:
        file_id = params["file_id"]
        size = len(self.files.get(file_id, b""))
        return {"file_id": file_id, "file_unique_id": f"u-{file_id}", "file_size": size, "file_path": f"f/{file_id}"}

    async def _m_getChatMember(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id, user_id = int(params["chat_id"]), int(params["user_id"])
        user = {"id": user_id, "is_bot": False, "first_name": "Member"}
        if (chat_id, user_id) in self.admins:
            return {"status": "creator", "user": user, "is_anonymous": False}
        return {"status": "member", "user": user}

    def bot_message(self, chat_id: int, message_id: int) -> dict[str, Any]:
        """A message the bot sent (as it is now, after edits)."""
        return self._messages[(chat_id, message_id)]
