"""``winstreak bench load`` briefly: the bot process answers the people and the database reconciles.

The people pause 0.3 s on average between an answer and their next update (the pacing itself is checked
with a fake clock in tests/unit/test_load_pace.py). Speed is not asserted (the machine is shared); what is
asserted is that every answered Save press is one stored meal, with nothing lost or doubled, that voice
notes, barcode photos and Edit presses of the media mix were answered with an estimate, and that the echo
baseline ran in the same command.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.media_samples import need
from winstreak.bench.cli import app
from winstreak.bench.load import cpu_seconds, reconcile
from winstreak.bench.load_standin import LoadStandIn
from winstreak.bench.load_traffic import ENTRIES, _entry


def test_bench_load_reconciles_meals_with_save_presses(db_url: str) -> None:
    need("flite", "flite"), need("opusenc", "opus-tools")  # the voice notes are spoken at the bench's start
    args = ["load", "--users", "3", "--seconds", "3", "--think", "0.3", "--db", db_url, "--json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert figures["think_s"] == 0.3 and figures["rate_offered_per_s"] is None  # the pacing, in both halves
    assert "think time 0.3 s" in result.output
    assert figures["lost"] == 0 and figures["duplicates"] == 0
    assert figures["saves_confirmed"] > 0 and figures["meals_stored"] == figures["saves_confirmed"]
    assert figures["errors"] == 0 and figures["echo_errors"] == 0
    assert figures["text_n"] > 0 and figures["text_p95_ms"] is not None and figures["echo_text_per_s"] > 0
    assert figures["save_again_n"] > 0  # a second press of the same Save was answered and stored nothing
    assert figures["bot_failed_updates"] is not None
    assert figures["rss_mb_start"] > 0 and figures["rss_mb_end"] > 0 and figures["bot_exit_code"] == 0
    assert figures["bot_cpu_s"] > 0 and figures["bot_cpu_ms_per_update"] > 0  # the bot's CPU in the measured loop
    assert "lost 0, duplicates 0" in result.output
    # the presses' answers came back in the webhook responses (read by the stand-in): fewer requests than calls
    assert figures["bot_api_in_response_by_method"].get("answerCallbackQuery", 0) > 0
    assert 0 < figures["bot_api_requests_per_update"] < figures["bot_api_calls_per_update"]
    # the media mix: the first round of the three people is a voice note, a text and a barcode photo
    assert figures["voice_n"] > 0 and figures["voice_p95_ms"] is not None and figures["photo_n"] > 0
    assert figures["edit_n"] > 0 and figures["edit_text_n"] > 0
    assert figures["meals_without_button_by_kind"] == {}  # each voice note and photo got an estimate with Save
    assert figures["meals_stored"] >= figures["voice_n"]  # more than the text meals were saved


def test_without_media_every_meal_is_a_text() -> None:
    api = LoadStandIn("1:x")
    kinds = {_entry(api, None, 7, turn)[0] for turn in range(2 * len(ENTRIES))}
    assert kinds == {"text"}
    assert not api.files  # nothing to serve


def test_reconcile_counts_presses_without_a_meal_as_lost(db_url: str) -> None:
    stored, lost, duplicates = asyncio.run(reconcile(db_url, [7, 8], {7: 2}))
    assert (stored, lost, duplicates) == (0, 2, 0)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc is Linux's; elsewhere the bench prints None")
def test_cpu_seconds_grow_with_work_done_and_are_none_for_a_missing_process() -> None:
    before = cpu_seconds(os.getpid())
    assert before is not None
    total = 0
    while (cpu_seconds(os.getpid()) or 0.0) <= before:  # CPU time only moves when CPU is used
        total += sum(range(10_000))
    assert total > 0
    assert cpu_seconds(2**22 + 12345) is None  # above Linux's pid_max: no such process


def test_no_echo_skips_the_echo_half(db_url: str) -> None:
    args = ["load", "--no-media", "--no-echo", "--users", "2", "--seconds", "2", "--think", "0.3", "--db", db_url]
    result = CliRunner().invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert figures["echo_skipped"] is True and "echo bot: skipped (--no-echo)" in result.output
    assert figures["echo_text_per_s"] == 0.0 and figures["echo_errors"] == 0
    assert not (Path(figures["logs"]) / "echo.log").exists()  # no echo bot was started
    assert figures["saves_confirmed"] > 0 and figures["lost"] == 0 and figures["duplicates"] == 0


def test_with_rounds_people_come_and_go_and_every_newcomer_is_reconciled(db_url: str) -> None:
    args = ["load", "--no-media", "--no-echo", "--users", "2", "--seconds", "8", "--think", "0.1", "--rounds", "1"]
    result = CliRunner().invoke(app, [*args, "--db", db_url, "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert figures["rounds_per_person"] == 1 and figures["join_n"] > 0
    assert figures["people"] == 2 + figures["join_n"]  # each newcomer took a place with their /profile
    assert "people come and go: each leaves after 1 meals" in result.output
    # a newcomer's Saves are theirs: counted against the meals stored under their own identity
    assert figures["saves_confirmed"] > 2 and figures["meals_stored"] == figures["saves_confirmed"]
    assert figures["lost"] == 0 and figures["duplicates"] == 0 and figures["errors"] == 0
