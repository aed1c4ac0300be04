"""Terminal adapter: reads lines, shows replies, numbers the buttons so a digit or a word picks one."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import TextIO

from bots.common.buttons import untagged
from bots.common.conversation import INVISIBLE, Conversation
from bots.common.error_reply import apology_text, new_error_id
from bots.common.i18n import N_, t
from bots.common.messages import Button, Incoming, Reply
from bots.console.files import UserFiles, utc_now
from ops.metrics import ERRORS

log = logging.getLogger(__name__)
QUIT = ("/quit", "/exit", "quit", "exit")
SAVED_PICTURE = N_("🖼  saved picture: {path}")
SAVED_FILE = N_("📦 saved file: {path}")


def render_reply(reply: Reply, files: UserFiles, lang: str = "en") -> str:
    """A reply as terminal text; a saved picture or document (among the user's ``files``) shows its path in ``lang``."""
    lines = [reply.text]
    buttons = reply.flat_buttons
    if buttons:
        lines.append("  ".join(f"[{n}] {b.label}" for n, b in enumerate(buttons, 1)))
    if reply.image is not None:
        lines.append(t(lang, SAVED_PICTURE, path=files.save_picture(reply.image, reply.image_name)))
    if reply.document is not None:  # e.g. the /export zip: into the data directory, never over another file
        lines.append(t(lang, SAVED_FILE, path=files.save_export(reply.document, reply.document_name)))
    return "\n".join(lines)


def pick(text: str, buttons: list[Button]) -> str | None:
    """The value of the button chosen by number or by its word, if any."""
    word = text.strip().lower()
    if word.isdigit() and 1 <= int(word) <= len(buttons):
        return buttons[int(word) - 1].value
    for button in buttons:
        if word in (button.label.lower(), untagged(button.value).lower()):
            return button.value
    return None


MAX_FILE_BYTES = 20 * 1024 * 1024


def attachment(text: str) -> tuple[str, bytes, str] | str | None:
    """``/photo PATH [caption]`` or ``/voice PATH``: the file as a photo or voice message.

    Returns (kind, bytes, caption), an error line to print, or None for ordinary text.
    """
    head, _, rest = text.partition(" ")
    kind = {"/photo": "photo", "/voice": "voice"}.get(head.lower())
    if kind is None:
        return None
    path_text, _, caption = rest.strip().partition(" ")
    if not path_text:
        return f"Usage: {head} PATH" + (" [caption]" if kind == "photo" else "")
    path = Path(path_text).expanduser()
    if not path.exists():
        return f"No such file: {path}"
    if not path.is_file():
        return f"{path} is not a regular file (a device, a folder or a pipe): give the path of a saved {kind}."
    if path.stat().st_size > MAX_FILE_BYTES:
        return f"{path} is larger than 20 MB."
    return kind, path.read_bytes(), caption.strip()


async def run_console(
    conversation: Conversation,
    user: str,
    stdin: TextIO,
    stdout: TextIO,
    *,
    interactive: bool,
    image_dir: Path,
    read: Callable[[], str] | None = None,
    news: Callable[[], Awaitable[list[str]]] | None = None,
    now: Callable[[], datetime] | None = None,
) -> None:
    """Chat until end of input or /quit; one message per line when not interactive.

    ``news`` gives what the game has to tell this user (closed days, ranks, trophies): shown at the start, before
    and after every reply, since no scheduler sends messages to a terminal. ``now`` (default: the UTC wall clock)
    dates the names of saved pictures.
    """
    buttons: list[Button] = []
    files = UserFiles(user, image_dir, now or utc_now)

    async def forget_files(msg: Incoming) -> None:  # /deleteme: the saved pictures and exports go too
        if msg.platform == "console" and msg.user_external_id == user:
            await asyncio.to_thread(files.remove_all)

    conversation.on_account_deleted.append(forget_files)
    # one local person, often a script piping many lines: no messages-a-minute nor estimates-a-day quota
    conversation.message_rate, conversation.ai_quotas = None, None

    async def language() -> str:  # the user's, read without creating anyone (after /deleteme there is no one)
        async with conversation.deps.uow() as uow:
            account = await uow.users.by_identity("console", user)
        return account.profile.language if account is not None else "en"

    async def show(replies: list[Reply]) -> None:
        nonlocal buttons
        lang = await language() if any(r.image is not None or r.document is not None for r in replies) else "en"
        for reply in replies:
            print(render_reply(reply, files, lang), file=stdout)
            print(file=stdout)
        buttons = [b for r in replies for b in r.flat_buttons] if replies else []
        stdout.flush()

    async def send(text: str) -> None:
        attached = attachment(text)
        if isinstance(attached, str):
            print(attached + "\n", file=stdout)
            return
        if attached is not None:
            kind, data, caption = attached
            photo, voice = (data, None) if kind == "photo" else (None, data)
            msg = Incoming("console", user, user, user, text=caption, photo=photo, voice=voice)
            await show(await conversation.handle(msg))
            return
        choice = pick(text, buttons) if buttons else None
        msg = Incoming("console", user, user, user, text=text if choice is None else "", choice=choice)
        await show(await conversation.handle(msg))

    async def tell() -> None:
        for line in await news() if news is not None else []:
            print(f"📣 {line}\n", file=stdout)
        stdout.flush()

    if interactive:
        print(f"WinStreak — chatting as {user}. Type /help for commands, /quit to leave.\n", file=stdout)
        await send("/start")
    await tell()
    reader = read or stdin.readline
    while True:
        if interactive:
            print("you> ", end="", file=stdout, flush=True)
        line = await asyncio.to_thread(reader)
        if not line:
            break
        text = line.strip().lstrip(INVISIBLE).strip()  # a leading byte-order mark is nothing
        if not text:
            continue
        if text.lower() in QUIT:
            break
        if not interactive:
            print(f"you> {text}", file=stdout)
        await tell()  # a day that closed while the user was away is told (and judged) before the reply
        try:
            await send(text)
        except Exception:  # one failed message must not end the chat: apologise with an id the log also has
            error_id = new_error_id()
            log.exception("message failed", extra={"error_id": error_id, "platform": "console"})
            ERRORS.labels("console").inc()
            print(apology_text("en", error_id) + "\n", file=stdout, flush=True)
        await tell()
