"""Moving a meal between open days, and the estimate's "Save for yesterday", in the terminal (fixed clock)."""

from datetime import UTC, datetime
from pathlib import Path

from tests.e2e.console_driver import chat
from tests.fakes.memory import FixedClock

PROFILE = "/profile sex=female born=1990 height=165 weight=60 activity=light goal=maintain tz=Europe/Paris"


def after(text: str, line: str, nth: int = 1) -> str:
    """What the chat printed after the ``nth`` time ``line`` was sent."""
    return text.split(f"you> {line}\n", nth)[nth]


async def test_a_meal_moves_to_yesterday_and_back_while_yesterday_is_open(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 23, 30, tzinfo=UTC))  # 01:30 on June 2 in Paris: June 1 still open
    lines = [PROFILE, "soup 250 kcal", "1", "bread 150 kcal", "1", "/meals", "6", "/meals yesterday", "3"]
    text = await chat(lines, tmp_path, clock)
    listing = after(text, "/meals")
    assert "📅 Move puts a meal on 2026-06-01, the other day still open." in listing
    assert "[1] ✏️ Edit 1  [2] 🗑 Delete 1  [3] 📅 Move 1  [4] ✏️ Edit 2  [5] 🗑 Delete 2  [6] 📅 Move 2" in listing
    moved = after(text, "6")
    assert "📅 Moved 150 kcal (bread) from 2026-06-02 to 2026-06-01." in moved
    assert "📅 Meals of 2026-06-01: 150 kcal" in moved and "01:30 — 150 kcal: bread" in moved
    back = after(text, "3")
    assert "📅 Moved 150 kcal (bread) from 2026-06-01 to 2026-06-02." in back
    assert "📅 Meals of 2026-06-02: 400 kcal" in back


async def test_after_the_close_out_nothing_moves_in_or_out_of_the_day(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 23, 30, tzinfo=UTC))
    first = await chat([PROFILE, "yesterday: soup 250 kcal", "1", "/meals yesterday"], tmp_path, clock)
    assert "[3] 📅 Move 1" in after(first, "/meals yesterday")
    clock.current = datetime(2026, 6, 2, 1, 5, tzinfo=UTC)  # 03:05 in Paris: June 1 is final
    lines = ["bread 150 kcal", "1", "/meals", "/meals yesterday", "/meals move 1 today", "/meals 2026-06-02"]
    lines += ["/meals move 1 yesterday", "/meals move 2 yesterday"]
    text = await chat(lines, tmp_path, clock)
    assert "Move" not in after(text, "/meals") and "Move" not in after(text, "/meals yesterday")
    assert "That meal is no longer there" in after(text, "/meals move 1 today")  # soup, item 1 of June 1
    assert "2026-06-01 is closed: after its close-out a day is final" in after(text, "/meals move 1 yesterday")
    assert "There is no meal 2 in the list of 2026-06-02" in after(text, "/meals move 2 yesterday")
    assert "soup" in after(text, "/meals yesterday") and "bread" in after(text, "/meals")


async def test_bad_move_commands_and_forged_day_buttons_change_nothing(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 23, 30, tzinfo=UTC))
    lines = [PROFILE, "/meals move", "/meals move x", "/meals move 1 someday", "soup 250 kcal"]
    lines += ["/meals yesterday-save 0000", "/meals yesterday-save", "/today"]
    text = await chat(lines, tmp_path, clock)
    for bad in ("/meals move", "/meals move x", "/meals move 1 someday"):
        assert "Write /meals move and the meal's number" in after(text, bad)
    assert "belongs to an older message, so nothing was changed" in after(text, "/meals yesterday-save 0000")
    assert "belongs to an older message" in after(text, "/meals yesterday-save")
    assert "No meals yet today." in after(text, "/today")


async def test_an_estimate_offers_save_for_yesterday_only_while_yesterday_is_open(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 23, 30, tzinfo=UTC))  # 01:30 on June 2 in Paris
    lines = [PROFILE, "soup 250 kcal", "4", "yesterday: bread 150 kcal", "/meals yesterday", "/today"]
    text = await chat(lines, tmp_path, clock)
    assert "[1] Save  [2] Edit  [3] Cancel  [4] 📅 Save for yesterday" in after(text, "soup 250 kcal")
    saved = after(text, "4")
    assert "✅ Saved 250 kcal." in saved and "📅 2026-06-01" in saved
    assert "Save for yesterday" not in after(text, "yesterday: bread 150 kcal")  # already for yesterday
    assert "soup" in after(text, "/meals yesterday") and "No meals yet today." in after(text, "/today")
    clock.current = datetime(2026, 6, 2, 1, 5, tzinfo=UTC)  # 03:05 in Paris: June 1 is final
    later = await chat(["pizza 800 kcal"], tmp_path, clock)
    assert "[1] Save  [2] Edit  [3] Cancel" in later and "Save for yesterday" not in later


async def test_the_rule_book_says_how_moving_counts_in_both_languages(tmp_path: Path) -> None:
    text = await chat(["/rules", "/profile lang=fr", "/rules"], tmp_path)
    assert "📅 Moving a meal (the Move button of /meals" in after(text, "/rules", 1)
    assert "both days must still be open" in after(text, "/rules", 1)
    assert "📅 Déplacer un repas" in after(text, "/rules", 2) and "les deux jours doivent" in after(text, "/rules", 2)


async def test_quick_add_food_search_and_repeats_offer_yesterday_too(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 23, 30, tzinfo=UTC))  # 01:30 on June 2 in Paris: June 1 is open
    lines = [PROFILE, "/add 350 bar", "4", "/food banana 120g", "/again", "1"]
    text = await chat(lines, tmp_path, clock)
    assert "[4] 📅 Save for yesterday" in after(text, "/add 350 bar")
    saved = after(text, "4")
    assert "✅ Saved 350 kcal." in saved and "📅 2026-06-01" in saved
    assert "📅 Save for yesterday" in after(text, "/food banana 120g")
    assert "📅 Save for yesterday" in after(text, "1")  # the repeated bar, shown as an estimate again


async def test_typed_numbers_are_the_numbers_of_the_last_list_shown_else_of_today(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 6, 1, 23, 30, tzinfo=UTC))  # 01:30 on June 2 in Paris: June 1 still open
    lines = [PROFILE, "yesterday: pizza 800 kcal", "1", "soup 250 kcal", "1", "bread 150 kcal", "1"]
    lines += ["/meals delete 2", "/meals yesterday", "/meals delete 1", "/meals edit 1", "/meals delete 5"]
    lines += ["/meals", "/meals move 1", "/meals delete x"]
    text = await chat(lines, tmp_path, clock)
    deleted = after(text, "/meals delete 2")  # no list shown yet: item 2 of today's list is the bread (meal id 3)
    assert deleted.startswith("Meal 2 of the list of 2026-06-02:\n🗑 Deleted 150 kcal (bread).")
    assert "soup" in deleted and "bread" not in deleted.split("🗑 Deleted", 1)[1].split("\n", 1)[1]
    pizza = after(text, "/meals delete 1")  # item 1 of yesterday's list, the one shown last
    assert pizza.startswith("Meal 1 of the list of 2026-06-01:\n🗑 Deleted 800 kcal (pizza).")
    assert "There is no meal 1 in the list of 2026-06-01, so nothing was changed" in after(text, "/meals edit 1")
    assert "There is no meal 5 in the list of 2026-06-01" in after(text, "/meals delete 5")
    moved = after(text, "/meals move 1")  # item 1 of today's list, to the other open day
    assert moved.startswith("Meal 1 of the list of 2026-06-02:\n📅 Moved 250 kcal (soup) from 2026-06-02 to 2026-06-01")
    assert "Write /meals delete or /meals edit and the meal's number in the list" in after(text, "/meals delete x")
