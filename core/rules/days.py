"""Calendar rules: which local day a moment belongs to, in the user's time zone."""

from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from core.errors import InvalidValue


def zone(name: str) -> ZoneInfo:
    """The IANA time zone of that name, or a clear :class:`InvalidValue`."""
    try:
        if name and ("/" in name or name.upper() == "UTC"):
            return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        pass
    raise InvalidValue(
        "timezone",
        "“{name}” is not a time zone I know. Use a name like Europe/Paris or America/New_York.",
        name=name[:50],
    )


def local_day(moment: datetime, tz_name: str) -> date:
    """The user's calendar day for an aware moment."""
    if moment.tzinfo is None:
        raise ValueError("moment must be timezone-aware")
    return moment.astimezone(zone(tz_name)).date()


def timezone_names() -> frozenset[str]:
    """All IANA names known to this Python (used to suggest corrections)."""
    return frozenset(available_timezones())
