"""“same as this morning”, “same as earlier today”, “pareil que ce matin” in the terminal chat (real conversation)."""

from datetime import UTC, datetime
from pathlib import Path

from tests.e2e.console_driver import chat
from tests.e2e.test_console_favourites import PROFILE, after
from tests.fakes.memory import FixedClock


async def test_same_as_this_morning_and_earlier_today(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 6, 30, tzinfo=UTC))  # 08:30 in Paris
    await chat([PROFILE, "for breakfast porridge 320 kcal", "1"], tmp_path, clock)
    clock.current = datetime(2026, 6, 1, 10, 30, tzinfo=UTC)  # 12:30: lunch by the hour
    await chat(["soup 300 kcal", "1"], tmp_path, clock)
    clock.current = datetime(2026, 6, 1, 16, 0, tzinfo=UTC)  # 18:00: the local time says dinner
    lines = ["same as earlier today", "3", "same as this morning", "1", "same as this evening", "/today"]
    text = await chat(lines, tmp_path, clock)
    earlier = after(text, "same as earlier today")
    assert "🔁 The same again" in earlier and "Total: 300 kcal" in earlier and "porridge" not in earlier
    morning = after(text, "same as this morning")
    shown, saved = morning.split("✅", 1)
    assert "Total: 320 kcal" in shown and "soup" not in shown  # this morning's breakfast, not the last meal
    assert "Saved 320 kcal." in saved and "🍳 Breakfast · 640 kcal" in saved  # filed as a breakfast
    none = after(text, "same as this evening")
    assert "You logged no dinner today. Today's meals:" in none and "🔁 soup · 300 kcal" in none
    assert "940 /" in after(text, "/today")  # nothing else was stored


async def test_pareil_que_ce_matin_in_french(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 6, 30, tzinfo=UTC))
    await chat([PROFILE + " lang=fr", "au petit-déjeuner porridge 320 kcal", "1"], tmp_path, clock)
    clock.current = datetime(2026, 6, 1, 16, 0, tzinfo=UTC)
    text = await chat(["pareil que ce matin", "comme ce soir", "/again pareil que ce midi"], tmp_path, clock)
    assert "🔁 La même chose" in after(text, "pareil que ce matin")
    assert "320 kcal" in after(text, "pareil que ce matin")
    assert "Vous n’avez noté aucun repas « " in after(text, "comme ce soir")
    assert "aujourd’hui. Les repas d’aujourd’hui :" in after(text, "comme ce soir")
    assert "aujourd’hui. Les repas d’aujourd’hui :" in after(text, "/again pareil que ce midi")
