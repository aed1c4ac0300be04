"""The answer to a message whose handling failed unexpectedly: a short apology carrying an error id.

The same id goes into the log line with the traceback, so an operator can find what happened from what
the user reports; every chat platform (Telegram, Discord, the terminal) answers this way.
"""

from __future__ import annotations

import secrets

from bots.common.i18n import LANGUAGES, t


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
