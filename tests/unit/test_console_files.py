"""The terminal's saved files: named by user and time, a counter within a second, never overwritten."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from bots.common.export_file import export_zip, file_name
from bots.console.files import UserFiles, owner_prefix
from core.model import UserId
from core.services.export_account import AccountExport

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


def _old_export(folder: Path, user_id: int, identities: list[dict[str, object]], n: int = 1) -> Path:
    """An /export zip named the way older versions did (no user prefix), made by the real export writer."""
    tables: dict[str, list[dict[str, object]]] = {"profile": [{"id": user_id}], "identities": identities}
    export = AccountExport(UserId(user_id), NOW, tables)
    name = file_name(export)
    path = folder / (name if n == 1 else name.replace(".zip", f"-{n}.zip"))
    folder.mkdir(parents=True, exist_ok=True)
    path.write_bytes(export_zip(export))
    return path


def test_remove_all_takes_old_style_exports_whose_contents_name_the_user(tmp_path: Path) -> None:
    ana = UserFiles("ana", tmp_path / "pictures", lambda: NOW)
    exports = ana.export_dir
    console = {"platform": "console", "user_id": 1}
    mine = [
        _old_export(exports, 1, [{**console, "external_id": "ana"}]),
        _old_export(exports, 1, [{**console, "external_id": "ana"}], n=2),
        _old_export(exports, 7, [{"platform": "telegram", "external_id": "42"}, {**console, "external_id": "ana"}]),
    ]
    # the same internal id, another person (a new database hands ids out again): the contents decide
    theirs = [
        _old_export(exports, 1, [{**console, "external_id": "ana_b"}], n=3),
        _old_export(exports, 3, [{"platform": "telegram", "external_id": "ana"}]),
    ]
    damaged = exports / "winstreak-export-1-20261201-000000.zip"
    damaged.write_bytes(b"PK\x03\x04 not really a zip")
    assert ana.remove_all() == 3
    assert not any(p.exists() for p in mine)
    assert all(p.exists() for p in [*theirs, damaged])


def test_old_style_pictures_of_look_alike_names_are_left_alone(tmp_path: Path) -> None:
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    shared = pictures / "a_b-0001-rank.png"  # "a-b" and "a_b" both wrote this name once
    shared.write_bytes(b"?")
    first_version = pictures / "0001-rank.png"
    first_version.write_bytes(b"?")
    assert UserFiles("a-b", pictures, lambda: NOW).remove_all() == 0
    assert UserFiles("a_b", pictures, lambda: NOW).remove_all() == 0
    assert shared.exists() and first_version.exists()
