"""Writes .env.example from the Settings object, so every setting is documented in one place.

Run: .venv/bin/python scripts/env_example.py > .env.example
"""

from __future__ import annotations

from pydantic import SecretStr

from winstreak.settings import Settings


def main() -> None:
    """Print one commented line and one assignment per setting."""
    print("# WinStreak settings. Copy to .env and uncomment what you change; every variable is optional.")
    print("# The embedded default (terminal chat, SQLite, offline AI) needs none of them.")
    for name, info in Settings.model_fields.items():
        default = info.get_default(call_default_factory=False)
        if default is None or isinstance(default, SecretStr) or info.default_factory is not None:
            shown = ""
        else:
            if isinstance(default, bool):
                shown = str(default).lower()
            elif isinstance(default, tuple | list):
                shown = ",".join(str(item) for item in default)
            else:
                shown = str(default)
        print()
        print(f"# {info.description}")
        print(f"# WINSTREAK_{name.upper()}={shown}")


if __name__ == "__main__":
    main()
