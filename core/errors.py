"""Domain errors: each carries an English message template and its values, fit to show the user.

``str(err)`` is the English sentence; adapters translate ``err.template`` and fill in ``err.values``.
"""

from __future__ import annotations

from core.text import N_


class WinStreakError(Exception):
    """Base of every error the core raises on purpose."""

    def __init__(self, template: str, /, **values: object) -> None:
        super().__init__(template.format(**values) if values else template)
        self.template = template
        self.values = values


class InvalidValue(WinStreakError):
    """A value a user gave is out of range or unreadable; ``field`` names it."""

    def __init__(self, field: str, template: str, /, **values: object) -> None:
        super().__init__(template, **values)
        self.field = field


class UnsafeGoal(WinStreakError):
    """A goal that would need an unhealthy rate of weight change."""


class ProfileIncomplete(WinStreakError):
    """An action needs a complete profile first."""

    def __init__(self, missing: list[str]) -> None:
        super().__init__(
            N_("Your profile is missing: {fields}. Send /profile to finish it."), fields=", ".join(missing)
        )
        self.missing = missing


class NothingToUndo(WinStreakError):
    """The user asked to undo, but has no meal today."""


class UnknownUser(InvalidValue):
    """A use case was called for a user id that does not exist."""

    def __init__(self) -> None:
        super().__init__("user", N_("I don't know you yet: send /start first."))
