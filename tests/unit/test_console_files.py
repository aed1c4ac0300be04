"""The terminal's saved files: named by user and time, a counter within a second, never overwritten."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from bots.console.files import UserFiles, owner_prefix

NOW = datetime(2026, 12, 7, 1, 30, 5, tzinfo=UTC)


def test_look_alike_names_never_share_files(tmp_path: Path) -> None:
    prefixes = {owner_prefix(user) for user in ("a-b", "a_b", "a b", "a.b", "x" * 40, "x" * 41, "ünïcode", "")}
    assert len(prefixes) == 8
    assert not any(p.startswith(q) for p in prefixes for q in prefixes if p != q)


def test_pictures_of_one_second_are_counted_and_none_is_replaced(tmp_path: Path) -> None:
    files = UserFiles("ana", tmp_path, lambda: NOW)
    paths = [files.save_picture(bytes([n]), "rank.png") for n in range(3)]
    assert len(set(paths)) == 3 and [p.read_bytes() for p in paths] == [b"\0", b"\1", b"\2"]
    assert all(p.name.startswith(files.prefix + "20261207-013005-") and p.suffix == ".png" for p in paths)
    later = UserFiles("ana", tmp_path, lambda: NOW + timedelta(seconds=1)).save_picture(b"x", "rank.png")
    assert "20261207-013006-rank.png" in later.name


def test_a_name_from_elsewhere_cannot_leave_the_folder(tmp_path: Path) -> None:
    files = UserFiles("ana", tmp_path / "pictures", lambda: NOW)
    picture = files.save_picture(b"p", "../../etc/passwd")
    export = files.save_export(b"z", "../x/winstreak-export.zip")
    assert picture.parent == tmp_path / "pictures" and export.parent == tmp_path / "exports"
    assert export.name == files.prefix + "winstreak-export.zip"
    assert files.save_export(b"y", "winstreak-export.zip").name == files.prefix + "winstreak-export-2.zip"
    assert export.read_bytes() == b"z"


def test_remove_all_takes_only_this_users_files_including_old_style_names(tmp_path: Path) -> None:
    pictures = tmp_path / "pictures"
    ana, other = UserFiles("ana", pictures, lambda: NOW), UserFiles("ana_b", pictures, lambda: NOW)
    mine = [ana.save_picture(b"1", "rank.png"), ana.save_export(b"2", "e.zip")]
    theirs = [other.save_picture(b"3", "rank.png"), other.save_export(b"4", "e.zip")]
    old = pictures / "ana-0001-weight.png"
    old.write_bytes(b"old")
    unrelated = pictures / "notes.txt"
    unrelated.write_bytes(b"keep")
    assert ana.remove_all() == 3
    assert not any(p.exists() for p in [*mine, old])
    assert all(p.exists() for p in [*theirs, unrelated])


def test_the_time_in_a_name_is_utc_whatever_the_clock_zone(tmp_path: Path) -> None:
    paris = NOW.astimezone(timezone(timedelta(hours=1)))
    path = UserFiles("ana", tmp_path, lambda: paris).save_picture(b"p", "weight.png")
    assert path.name.endswith("-20261207-013005-weight.png")
