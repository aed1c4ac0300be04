"""How a flow handler is written: one :class:`Request` in, replies out, and domain errors answered in one place.

A handler reads what it uses from the request (``req.deps``, ``req.state``, ``req.user``, ``req.args``,
``req.msg``, and ``req.lang`` for the user's language) and is decorated with :func:`command`. A
:class:`~core.errors.WinStreakError` it raises becomes the localized reply in :meth:`Command.__call__`, the one
error path of the flows; ``@command(prefix=N_("Nothing was logged."))`` puts a sentence before the error, and
``@command(on_error=...)`` builds other replies (e.g. the error, then the question again).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import overload

from bots.common.deps import BotDeps
from bots.common.error_reply import domain_error_text
from bots.common.messages import Incoming, Reply
from bots.common.state import ChatState
from core.errors import WinStreakError
from core.model import UserAccount


@dataclass(frozen=True, slots=True)
class Request:
    """One message as a handler sees it: the ports, the chat state, the person, the command's arguments."""

    deps: BotDeps
    state: ChatState
    user: UserAccount
    args: str
    msg: Incoming

    @property
    def lang(self) -> str:
        """The user's language."""
        return self.user.profile.language

    def with_args(self, args: str) -> Request:
        """The same request with other arguments (a handler passing on to another)."""
        return dataclasses.replace(self, args=args)


Handler = Callable[[Request], Awaitable[list[Reply]]]
ErrorReplies = Callable[[Request, WinStreakError], list[Reply]]


def error_replies(prefix: str = "") -> ErrorReplies:
    """The usual answer to a domain error: its sentence in the user's language, after ``prefix`` if given."""

    def replies(req: Request, err: WinStreakError) -> list[Reply]:
        return [Reply(domain_error_text(req.lang, err, prefix))]

    return replies


class Command:
    """A handler and how it answers a domain error; call it with a :class:`Request`."""

    def __init__(self, run: Handler, on_error: ErrorReplies) -> None:
        self.run = run
        self.on_error = on_error
        functools.update_wrapper(self, run)

    async def __call__(self, req: Request) -> list[Reply]:
        """The handler's replies, or the error's replies when it raised a domain error."""
        try:
            return await self.run(req)
        except WinStreakError as err:
            return self.on_error(req, err)


@overload
def command(run: Handler, /) -> Command: ...


@overload
def command(*, prefix: str = "", on_error: ErrorReplies | None = None) -> Callable[[Handler], Command]: ...


def command(
    run: Handler | None = None, /, *, prefix: str = "", on_error: ErrorReplies | None = None
) -> Command | Callable[[Handler], Command]:
    """``@command`` or ``@command(prefix=N_("…"))`` / ``@command(on_error=…)``: a :class:`Command` of ``run``."""
    replies = on_error or error_replies(prefix)
    if run is None:
        return lambda handler: Command(handler, replies)
    return Command(run, replies)
