"""Which webhook failures are left to Telegram's redelivery: the database away, in webhook mode only."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError, OperationalError

from bots.telegram.dedup import DELIVERY_KEY, Delivery
from bots.telegram.retry_later import database_away, retry_later


class StartingUp(Exception):
    """Like asyncpg's CannotConnectNowError: a server error with its SQLSTATE."""

    sqlstate = "57P03"


def raised_from(cause: BaseException) -> RuntimeError:
    try:
        try:
            raise cause
        except BaseException as inner:
            raise RuntimeError("wrapped") from inner
    except RuntimeError as outer:
        return outer


def test_connection_failures_are_the_database_away() -> None:
    assert database_away(OperationalError("SELECT 1", {}, ConnectionRefusedError()))
    assert database_away(ConnectionRefusedError(111, "refused"))
    assert database_away(raised_from(StartingUp()))  # found down the cause chain, by SQLSTATE
    assert not database_away(raised_from(OSError(2, "no such file")))  # another OSError (a file) is not


def test_statement_and_program_errors_are_not() -> None:
    assert not database_away(IntegrityError("INSERT", {}, ValueError("duplicate key")))
    assert not database_away(ValueError("bug"))
    assert not database_away(raised_from(KeyError("x")))


def test_only_a_webhook_delivery_is_left_to_redelivery() -> None:
    away = ConnectionResetError()
    assert retry_later(away, {DELIVERY_KEY: Delivery()})
    assert not retry_later(away, {})  # long polling: nothing would deliver it again, so it is answered
    assert not retry_later(ValueError("bug"), {DELIVERY_KEY: Delivery()})
