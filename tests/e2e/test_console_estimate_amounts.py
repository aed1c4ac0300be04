"""The terminal chat end to end: amounts that cannot be eaten and 0 kcal meals are never saved."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from pathlib import Path

from bots.console.chat import run_console
from tests.fakes.memory import FixedClock
from winstreak.bootstrap import build_app
from winstreak.settings import Settings

CLOCK = FixedClock(datetime(2026, 6, 1, 10, 0, tzinfo=UTC))


async def chat(lines: list[str], tmp_path: Path) -> str:
    settings = Settings(data_dir=tmp_path, _env_file=None)  # type: ignore[call-arg]
    app = await build_app(settings, clock=CLOCK)
    out = io.StringIO()
    try:
        await run_console(
            app.conversation, "ana", io.StringIO("\n".join(lines) + "\n"), out, interactive=False,
            image_dir=tmp_path / "pictures",
        )  # fmt: skip
    finally:
        await app.close()
    return out.getvalue()


async def test_a_zero_kcal_meal_is_not_saved_silently(tmp_path: Path) -> None:
    text = await chat(["a glass of water", "1", "/today"], tmp_path)
    assert "This meal counts 0 kcal, so I did not save it" in text
    assert "✅ Saved" not in text
    assert "No meals yet today" in text


async def test_a_negative_amount_is_refused_and_nothing_can_be_saved(tmp_path: Path) -> None:
    text = await chat(["-200g rice", "save", "/today"], tmp_path)
    assert "A negative amount cannot be eaten" in text
    assert "Not understood: “-200 g rice”" in text
    assert "✅ Saved" not in text
    assert "No meals yet today" in text


async def test_the_items_shown_add_up_to_what_is_saved(tmp_path: Path) -> None:
    text = await chat(["2 eggs and a slice of toast", "1"], tmp_path)
    items = [int(k) for k in re.findall(r"^\d+\. .*? (\d+) kcal", text, re.MULTILINE)]
    total = int(re.search(r"Total: (\d+) kcal", text).group(1))  # type: ignore[union-attr]
    assert len(items) == 2 and sum(items) == total
    assert f"✅ Saved {total} kcal." in text
    assert "2 × egg" in text
