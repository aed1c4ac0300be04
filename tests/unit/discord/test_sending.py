"""Building Discord components and message parts from replies (no network)."""

from __future__ import annotations

import discord

from bots.common.messages import Button
from bots.discord.identity import group_title, language_of
from bots.discord.sending import reply_view, reply_views, split_text


def test_buttons_keep_their_rows_wrap_after_five_and_drop_values_discord_refuses() -> None:
    rows = (
        tuple(Button(f"b{n}", f"v{n}") for n in range(7)),
        (Button("ok", "save"), Button("too long", "x" * 101)),
    )
    view = reply_view(rows)
    assert view is not None
    placed = [(item.row, item.custom_id) for item in view.children if isinstance(item, discord.ui.Button)]
    assert placed == [(0, f"v{n}") for n in range(5)] + [(1, "v5"), (1, "v6"), (2, "save")]


def test_rows_past_five_go_on_further_views_none_dropped() -> None:
    rows = tuple((Button(f"edit {n}", f"e{n}"), Button(f"delete {n}", f"d{n}")) for n in range(12))
    views = reply_views(rows)
    assert len(views) == 3  # 12 rows: 5 + 5 + 2
    placed = [
        [(item.row or 0, item.custom_id) for item in view.children if isinstance(item, discord.ui.Button)]
        for view in views
    ]
    assert [max(row for row, _ in page) for page in placed] == [4, 4, 1]
    assert [cid for page in placed for _, cid in page] == [v for n in range(12) for v in (f"e{n}", f"d{n}")]


def test_no_buttons_no_view() -> None:
    assert reply_view(()) is None
    assert reply_view(((Button("x", "y" * 200),),)) is None


def test_long_texts_split_at_line_breaks_within_2000() -> None:
    text = "\n".join(f"line {n:04d} " + "x" * 40 for n in range(100))
    parts = split_text(text)
    assert all(len(p) <= 2000 for p in parts) and len(parts) == 3
    assert "\n".join(parts) == text


def test_locales_and_group_titles() -> None:
    assert language_of(discord.Locale.french) == "fr"
    assert language_of("en-US") == "en" and language_of("ja") == "en" and language_of(None) == "en"
    assert group_title("Gym", type("Channel", (), {"name": "general"})()) == "Gym #general"
    assert group_title("", None) == "" and len(group_title("G" * 200, None)) == 128
