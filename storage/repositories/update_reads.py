"""Reads shared within the processing of one update: the same user is read from the database once.

One Telegram update reads its user several times (marked reachable, identified, then by id in each use case,
each its own unit of work). Inside :func:`shared` (the de-duplication middleware opens it around the handling
of a claimed update, ``SqlUpdateLog.processing``) a user read is remembered; any write through the user
repository, or an account deleted or joined, forgets everything remembered. Only reads made by a repository
that has not written in its transaction are remembered, so nothing uncommitted is. Outside :func:`shared`
(the scheduler, the terminal, Discord) nothing is remembered.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

_memo: ContextVar[dict[Any, Any] | None] = ContextVar("winstreak_update_reads", default=None)


@contextmanager
def shared() -> Iterator[None]:
    """Remember reads until the block ends (a fresh memory; an enclosing one comes back after)."""
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def recall(key: Any) -> Any | None:
    """What was remembered under ``key`` in the current update, or None."""
    memo = _memo.get()
    return None if memo is None else memo.get(key)


def remember(key: Any, value: Any) -> None:
    """Remember ``value`` for the rest of the current update (nothing outside :func:`shared`)."""
    memo = _memo.get()
    if memo is not None:
        memo[key] = value


def forget() -> None:
    """Forget everything remembered in the current update (after a write)."""
    memo = _memo.get()
    if memo is not None:
        memo.clear()
