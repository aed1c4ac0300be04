"""Which failures a webhook delivery should not answer but leave to Telegram's redelivery.

In webhook mode an update that failed because the database was briefly away (restarting, connections cut,
refused) is better processed again than apologised for: the webhook answers 5xx and Telegram delivers it again
a moment later. Other failures (bugs, bad data) would fail again, so they are answered with the apology and
acknowledged. Long polling cannot ask for a redelivery, so there every failure is answered.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from bots.telegram.dedup import DELIVERY_KEY, Delivery

_CONNECTION_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)
# SQLSTATE: class 08 connection exception; 57P01-57P03 server shutting down, crashed, starting up
_AWAY_STATES = ("08", "57P01", "57P02", "57P03")


def database_away(error: BaseException) -> bool:
    """True when ``error`` (or what caused it) says the database connection failed, not the statement."""
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


def retry_later(error: BaseException, data: dict[str, Any]) -> bool:
    """True when this is a webhook delivery that failed because the database was away (raise: 5xx)."""
    return isinstance(data.get(DELIVERY_KEY), Delivery) and database_away(error)
