"""The answers to a message whose handling failed: a domain error's own sentence, or an apology with an id.

A domain error (:class:`~core.errors.WinStreakError`, e.g. a weight out of range) is told to the user in their
language (:func:`domain_error_text`); the flows answer it in one place, ``bots.common.flows.handler``. An
unexpected failure gets a short apology carrying an error id: the same id goes into the log line with the
traceback, so an operator can find what happened from what the user reports; every chat platform (Telegram,
Discord, the terminal) answers this way.
"""

from __future__ import annotations

import secrets

from bots.common.i18n import LANGUAGES, error_text, t
from core.errors import WinStreakError


def new_error_id() -> str:
    """A short random id (8 hex digits) naming one failure in the reply and the log."""
    return secrets.token_hex(4)


def apology_text(lang: str, error_id: str) -> str:
    """The apology in the user's language (English when unsupported)."""
    return t(
        lang if lang in LANGUAGES else "en",
        "Sorry, something went wrong on our side and your message was not handled. "
        "Please try again in a moment. (error {error_id})",
        error_id=error_id,
    )


def domain_error_text(lang: str, err: WinStreakError, prefix: str = "") -> str:
    """The error's sentence in ``lang``, after ``prefix`` (a message id such as "Nothing was logged.") if given."""
    text = error_text(lang, err)
    return f"{t(lang, prefix)} {text}" if prefix else text
