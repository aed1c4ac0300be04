"""Domain errors: each carries a message fit to show the user as it is."""


class WinStreakError(Exception):
    """Base of every error the core raises on purpose; ``str(err)`` is a user-facing sentence."""


class InvalidValue(WinStreakError):
    """A value a user gave is out of range or unreadable."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class UnsafeGoal(WinStreakError):
    """A goal that would need an unhealthy rate of weight change."""


class ProfileIncomplete(WinStreakError):
    """An action needs a complete profile first."""

    def __init__(self, missing: list[str]) -> None:
        super().__init__("Your profile is missing: " + ", ".join(missing) + ". Send /profile to finish it.")
        self.missing = missing


class NothingToUndo(WinStreakError):
    """The user asked to undo, but has no meal today."""
