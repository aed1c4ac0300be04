"""The printed report of ``winstreak bench load``: throughput and latency by kind, the echo ratio, reconciliation."""

from __future__ import annotations

from typing import Any

from winstreak.bench import load_phases
from winstreak.bench.load import KINDS


def _ms(value: float | None) -> str:
    return "     -" if value is None else f"{value:6.0f}"


def lines(f: dict[str, Any], users: int) -> list[str]:
    """The report, one string a line."""
    out = [
        f"winstreak run (webhook, {f['database']}), {users} people for {f['seconds']} s: "
        f"{f['updates_per_s']} updates/s; load average {f['load_average_1m']} on {f['cpus']} CPUs (shared machine)",
    ]
    if "pacing" in f:
        late = ""
        if f.get("rate_offered_per_s") is not None:
            late = f"; sent late (due before the last answer came): {f['late_updates']}, echo {f['echo_late_updates']}"
        out.append(f"people's pacing, both halves: {f['pacing']}{late}")
    if f.get("rounds_per_person"):
        out.append(f"people come and go: each leaves after {f['rounds_per_person']} meals; {f['people']} people in all")
    out.append(f"{'kind':<11} {'n':>6} {'per s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}")
    for kind in KINDS:
        if not f[f"{kind}_n"] and kind not in ("text", "save"):
            continue  # not in this run's mix (--no-media)
        out.append(
            f"{kind:<11} {f[f'{kind}_n']:>6} {f[f'{kind}_per_s']:>7.1f} {_ms(f[f'{kind}_p50_ms'])} "
            f"{_ms(f[f'{kind}_p95_ms'])} {_ms(f[f'{kind}_p99_ms'])}"
        )
    out.extend(load_phases.lines(f))
    ratio = "-" if f["text_ratio_to_echo"] is None else f"{f['text_ratio_to_echo']:.3f}"
    echo_p95 = _ms(f["echo_text_p95_ms"]).strip()
    if f.get("echo_skipped"):
        out.append("echo bot: skipped (--no-echo)")
    else:
        out.append(
            f"echo bot, same stand-in and people: text {f['echo_text_per_s']}/s (p95 {echo_p95} ms)"
            f"; winstreak/echo = {ratio}; echo errors {f['echo_errors']}"
        )
        if f.get("think_s") or f.get("rate_offered_per_s"):
            out.append("  (both halves were offered the same paced load: the ratio shows capacity only with --think 0)")
    errors = ", ".join(f"{k} {v}" for k, v in f["error_kinds"].items()) or "none"
    out.append(
        f"errors {f['errors']} ({errors}); updates the bot counted as failed {f.get('bot_failed_updates')}; "
        f"meals answered without a Save button {f['meals_without_button']} {f['meals_without_button_by_kind'] or ''}; "
        f"Save presses answered without the estimate ticked {f['saves_unconfirmed']}"
    )
    out.append(
        f"reconciled: {f['saves_confirmed']} Save presses confirmed, {f['meals_stored']} meals stored; "
        f"lost {f['lost']}, duplicates {f['duplicates']}"
    )
    if f.get("bot_failed_updates") or f["meals_without_button"] or f["saves_unconfirmed"]:
        out.append("warning: the bot failed or could not estimate some updates; the reconciliation covers only")
        out.append("         the confirmed Save presses (see the bot's log in the folder below)")
    out.append(
        f"bot CPU {f.get('bot_cpu_s')} s in the measured loop: {f.get('bot_cpu_ms_per_update')} ms per update "
        "(user + system time of the bot process; a figure the machine's load changes far less than wall time)"
    )
    by_method = ", ".join(f"{m} {n}" for m, n in f.get("bot_api_calls_by_method", {}).items())
    in_response = ", ".join(f"{m} {n}" for m, n in f.get("bot_api_in_response_by_method", {}).items()) or "none"
    out.append(
        f"Bot API calls {f.get('bot_api_calls_per_update')} per update, {f.get('bot_api_requests_per_update')} of "
        f"them requests (at the stand-in, measured loop: {by_method}; in webhook responses: {in_response})"
    )
    curve = ", ".join(f"{t} s {mb}" for t, mb in f.get("rss_mb_curve", []))
    out.append(f"bot RSS (MB) every 10 s of the measured loop: {curve}")
    out.append(
        f"bot RSS {f['rss_mb_start']} MB at start, {f['rss_mb_end']} MB at end; exit code {f['bot_exit_code']}; "
        f"logs in {f['logs']}"
    )
    return out
