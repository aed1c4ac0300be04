"""Which failures a webhook delivery should not answer but leave to Telegram's redelivery.

In webhook mode an update that failed because the database was briefly away (restarting, connections cut,
refused) is better processed again than apologised for: the webhook answers 5xx and Telegram delivers it again
a moment later. Other failures (bugs, bad data) would fail again, so they are answered with the apology and
acknowledged. Long polling cannot ask for a redelivery: there the update is handled again in-process while the
database is away (``bots.telegram.redeliver``, which marks its attempts with ``REDELIVER_KEY``), and answered
with the apology only when it stays away.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from bots.telegram.dedup import DELIVERY_KEY, Delivery

REDELIVER_KEY = "redeliver_in_process"  # set in the handler data while an in-process redelivery may follow
_CONNECTION_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)
# SQLSTATE: class 08 connection exception; 57P01-57P03 server shutting down, crashed, starting up
_AWAY_STATES = ("08", "57P01", "57P02", "57P03")


def database_away(error: BaseException) -> bool:
    """True when ``error`` (or what caused it) says the database connection failed, not the statement.

    Never for SQLite: its file cannot be "away"; its errors (disk full, locked) would fail again and get the
    clear answer instead.
    """
    if _from_sqlite(error):
        return False
    seen: BaseException | None = error
    for _ in range(8):  # the cause chain, bounded
        if seen is None:
            return False
        if isinstance(seen, _CONNECTION_ERRORS):
            return True
        if isinstance(seen, DBAPIError) and seen.connection_invalidated:
            return True
        if str(getattr(seen, "sqlstate", "") or "").startswith(_AWAY_STATES):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _from_sqlite(error: BaseException) -> bool:
    seen: BaseException | None = error
    for _ in range(8):
        if seen is None:
            return False
        if isinstance(seen, sqlite3.Error) or isinstance(getattr(seen, "orig", None), sqlite3.Error):
            return True  # the error itself, or the driver's error SQLAlchemy wrapped
        seen = seen.__cause__ or seen.__context__
    return False


def retry_later(error: BaseException, data: dict[str, Any]) -> bool:
    """True when the update failed because the database was away and will be delivered again.

    That is a webhook delivery (raise: 5xx) or an attempt of long polling's in-process redelivery.
    """
    again = isinstance(data.get(DELIVERY_KEY), Delivery) or data.get(REDELIVER_KEY) is True
    return again and database_away(error)
