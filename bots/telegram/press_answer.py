"""Answering a button press (``answerCallbackQuery``), in the webhook's HTTP response when that is possible.

Every press must be answered: until then the person's app shows a progress spinner on the button. The answer
carries nothing the bot needs back and nothing is done when it fails, so in webhook mode it goes back in the HTTP
response to the update (Telegram runs one method given there; aiogram writes the one a handler returns): a Bot
API request, about a millisecond of the bot's CPU, saved on every press. The response leaves only once the
update is handled, so the spinner must not wait for that while the button still shows:

* the handler calls :meth:`PressAnswer.keys_leaving` when it takes the keyboard off the message (the tick
  "✔ Save", which goes with the button and its spinner); if that edit fails, :meth:`PressAnswer.now` answers
  by a request at once;
* a press whose keys are still there after ``late_after`` seconds is answered by a request then;
* a press whose handling fails is answered by a request (no method goes back with an error).

Long polling has no response to carry it: there the press is answered by a request before it is handled.
"""

from __future__ import annotations

import asyncio
import logging
from types import TracebackType

from aiogram.methods import AnswerCallbackQuery
from aiogram.types import CallbackQuery

log = logging.getLogger(__name__)
LATE_AFTER = 1.0  # seconds of handling after which a press is answered by a request, not in the response


class PressAnswer:
    """``async with PressAnswer(query, in_response) as answer:`` handle the press, then return ``answer.method()``.

    ``in_response`` is True in webhook mode (the handler's returned method is written into the response).
    """

    def __init__(self, query: CallbackQuery, in_response: bool, late_after: float = LATE_AFTER) -> None:
        self.query = query
        self.in_response = in_response
        self.late_after = late_after
        self._timer: asyncio.TimerHandle | None = None
        self._sent: asyncio.Future[None] | None = None  # the answer made by a request, once it is made

    async def __aenter__(self) -> PressAnswer:
        if not self.in_response:
            await self.query.answer()  # as any request: a failure fails the update (answered with the apology)
            self._sent = asyncio.get_running_loop().create_future()
            self._sent.set_result(None)
        else:
            self._timer = asyncio.get_running_loop().call_later(self.late_after, self._request)
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.keys_leaving()
        if isinstance(error, Exception):
            await self.now()  # failed: no method goes back in the response
        elif self._sent is not None:
            await self._sent  # a late answer under way: finished before the update is acknowledged

    def keys_leaving(self) -> None:
        """The pressed keyboard is being taken off: its spinner goes with it, no late answer is needed."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    async def now(self) -> None:
        """Answer by a request now, unless it was answered already."""
        self.keys_leaving()
        self._request()
        assert self._sent is not None
        await self._sent

    def method(self) -> AnswerCallbackQuery | None:
        """The answer to return from the handler (None when it was made by a request)."""
        return None if self._sent is not None else self.query.answer()

    def _request(self) -> None:
        if self._sent is None:
            self._sent = asyncio.ensure_future(self._answer())

    async def _answer(self) -> None:
        """Answer by a request, best effort: a failure is logged (the press is handled all the same)."""
        try:
            await self.query.answer()
        except Exception:
            log.warning("button press not answered (answerCallbackQuery failed)", exc_info=True)
