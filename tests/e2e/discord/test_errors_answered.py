"""A failing Discord message gets an apology with an error id; the log has the id and the traceback."""

from __future__ import annotations

import logging
import re

import pytest

from bots.discord.bot import WinStreakBot
from tests.e2e.discord.person import Person
from tests.e2e.discord.standin import StandInDiscord
from tests.fakes.recording_estimator import RecordingEstimator


async def test_a_failing_message_is_answered_with_an_error_id(
    bot: WinStreakBot, estimator: RecordingEstimator, caplog: pytest.LogCaptureFixture
) -> None:
    api: StandInDiscord = bot.standin  # type: ignore[attr-defined]
    ada = Person(api)
    estimator.fail_next_text = 1
    with caplog.at_level(logging.ERROR):
        calls = await ada.say("quinoa bowl 520 kcal")
    found = re.search(r"\(error ([0-9a-f]{8})\)", calls[0].text)
    assert found is not None and "quinoa" not in calls[0].text
    logged = [r for r in caplog.records if getattr(r, "error_id", None) == found.group(1)]
    assert len(logged) == 1 and logged[0].exc_info is not None
    again = await ada.say("quinoa bowl 520 kcal")  # the next message is handled normally
    assert "520" in again[0].text
