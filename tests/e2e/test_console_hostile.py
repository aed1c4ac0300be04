"""The terminal with odd input: a byte-order mark, choices with nothing pending, devices and folders as files."""

from __future__ import annotations

import io
from pathlib import Path

from bots.console.chat import run_console
from winstreak.bootstrap import build_app
from winstreak.settings import Settings


async def chat(lines: list[str], tmp_path: Path) -> str:
    app = await build_app(Settings(data_dir=tmp_path, _env_file=None))  # type: ignore[call-arg]
    out = io.StringIO()
    try:
        script = io.StringIO("\n".join(lines) + "\n")
        await run_console(app.conversation, "ana", script, out, interactive=False, image_dir=tmp_path / "pictures")
    finally:
        await app.close()
    return out.getvalue()


async def test_save_and_numbers_with_nothing_pending_are_answered_as_on_telegram(tmp_path: Path) -> None:
    text = await chat(["save", "1", "cancel", "soup 300 kcal", "1", "1"], tmp_path)
    assert "Not understood: save" not in text and "Not understood: 1" not in text
    assert text.count("There is no estimate waiting. Describe a meal to start one.") == 3  # save, 1, cancel
    assert "✅ Saved 300 kcal." in text
    # the saved meal's reply has one button, ⭐ Add to favourites: the last "1" picks it, as a tap would
    assert text.rsplit("you> 1\n", 1)[1].startswith("⭐ Kept as the favourite “soup” (300 kcal)")


async def test_a_leading_byte_order_mark_is_nothing(tmp_path: Path) -> None:
    text = await chat(["\ufeff/help", "\ufeff/quit", "/today"], tmp_path)
    assert "I don't know the command" not in text and "/today" in text
    assert "kcal left" not in text  # /quit behind a BOM still ended the chat


async def test_devices_and_folders_are_not_files_to_read(tmp_path: Path) -> None:
    text = await chat(["/voice /dev/zero", f"/photo {tmp_path}", "/voice /no/such/file.ogg"], tmp_path)
    assert "/dev/zero is not a regular file (a device, a folder or a pipe): give the path of a saved voice." in text
    assert f"{tmp_path} is not a regular file" in text
    assert "No such file: /no/such/file.ogg" in text


async def test_a_scripted_terminal_session_is_not_rate_limited(tmp_path: Path) -> None:
    text = await chat(["/help"] * 70 + ["soup 300 kcal"], tmp_path)  # more than a minute's quota for a chat user
    assert "faster than I can take them" not in text and "Total: 300 kcal" in text
