"""Fixtures every platform's end-to-end tests share: the estimator and the clock of the wired app."""

from __future__ import annotations

import pytest

from ai.manual_kcal import StatedKcalEstimator
from core.ports import Clock
from tests.fakes.recording_estimator import RecordingEstimator


@pytest.fixture
def estimator() -> RecordingEstimator:
    """Reads the kcal stated in the message ("soup 250 kcal") and records what it was given."""
    return RecordingEstimator(StatedKcalEstimator())


@pytest.fixture
def clock() -> Clock | None:
    """The app's clock: None is the real one; a module that needs a fixed hour overrides this fixture."""
    return None
