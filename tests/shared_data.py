"""Locating ../shared (test and benchmark data that must never be copied into the repository)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path inside ../shared; skips the test when absent, except under CI=true where it fails."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"{path} is missing: these tests need the project's shared data beside the clone"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path
