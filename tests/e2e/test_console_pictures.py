"""Terminal pictures and exports on disk: kept apart per user, never overwritten by a later run, gone on /deleteme."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from bots.console.chat import run_console
from bots.console.files import owner_prefix
from tests.fakes.memory import FixedClock
from winstreak.bootstrap import build_app
from winstreak.settings import Settings

NOW = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)
PROFILE = "/profile sex=female born=1990 height=165 weight=60 activity=light goal=maintain tz=UTC"


async def run(tmp_path: Path, user: str, lines: list[str]) -> list[Path]:
    """One ``winstreak chat`` run of ``user`` in the data directory ``tmp_path``: the files it printed."""
    app = await build_app(Settings(data_dir=tmp_path, _env_file=None), clock=FixedClock(NOW))  # type: ignore[call-arg]
    out = io.StringIO()
    try:
        script = io.StringIO("\n".join(lines) + "\n")
        await run_console(app.conversation, user, script, out, interactive=False, image_dir=tmp_path / "pictures",
                          now=lambda: NOW)  # fmt: skip
    finally:
        await app.close()
    marks = ("🖼  saved picture: ", "📦 saved file: ")
    return [Path(line.split(": ", 1)[1]) for line in out.getvalue().splitlines() if line.startswith(marks)]


async def test_two_users_and_two_runs_keep_every_picture(tmp_path: Path) -> None:
    first = await run(tmp_path, "ana", [PROFILE, "/weight 60", "/weight", "/rank", "/trophies"])
    other = await run(tmp_path, "bob", [PROFILE, "/rank", "/trophies"])
    again = await run(tmp_path, "ana", ["/rank", "/trophies"])  # a new run: its counter starts again
    assert len(first) == 3 and len(other) == 2 and len(again) == 2
    everything = first + other + again
    assert len(set(everything)) == len(everything) == len(list((tmp_path / "pictures").iterdir()))
    assert all(p.name.startswith(owner_prefix("ana")) for p in first + again)
    assert all(p.name.startswith(owner_prefix("bob")) for p in other)
    assert all("20260601-100000" in p.name for p in everything)  # the user's part, then the time
    sizes = {p: p.stat().st_size for p in everything}
    assert all(size > 1000 for size in sizes.values())  # real PNGs, each file written once and kept


async def test_deleteme_removes_the_users_pictures_and_exports_only(tmp_path: Path) -> None:
    ana = await run(tmp_path, "ana", [PROFILE, "/weight 60", "/weight", "/export"])
    bob = await run(tmp_path, "bob", [PROFILE, "/rank", "/export"])
    assert {p.parent.name for p in ana} == {p.parent.name for p in bob} == {"pictures", "exports"}
    assert all(p.is_file() for p in ana + bob)
    await run(tmp_path, "ana", ["/deleteme", "1"])
    assert not any(p.exists() for p in ana)
    assert all(p.is_file() for p in bob)
    assert {p.name for p in (tmp_path / "exports").iterdir()} == {p.name for p in bob if p.parent.name == "exports"}
