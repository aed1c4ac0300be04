import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from tests.integration import food_files
from tests.integration.test_food_download import served  # noqa: F401  (fixture)
from winstreak.cli_foods import app

runner = CliRunner()


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WINSTREAK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)  # no stray .env


def invoke(*args: str) -> Result:
    return runner.invoke(app, list(args))


def test_import_search_and_barcode(db_url: str, tmp_path: Path) -> None:
    path = food_files.write_tsv(tmp_path / "products.tsv")
    result = invoke("import", str(path), "--db", db_url, "--no-progress")
    assert result.exit_code == 0, result.output
    assert "Imported 3 foods from 9 rows" in result.output
    assert "no_energy: 1" in result.output

    found = invoke("search", "nutella ferero", "--db", db_url, "--json", "--limit", "3")
    assert found.exit_code == 0, found.output
    rows = json.loads(found.stdout)
    assert rows[0]["id"] == "off:3017620422003" and rows[0]["brand"] == "Ferrero"
    assert 0 < rows[0]["score"] <= 1

    text = invoke("search", "banana", "--db", db_url)
    assert text.exit_code == 0 and "banana" in text.stdout.lower()

    code = invoke("barcode", "036000291452", "--db", db_url, "--json")
    assert code.exit_code == 0 and json.loads(code.stdout)["barcode"] == "0036000291452"
    unknown = invoke("barcode", "96385074", "--db", db_url)
    assert unknown.exit_code == 1 and "No product with barcode 96385074" in unknown.stdout


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "the search is empty"),
        ("   ", "the search is empty"),
        ("🍌🍔", "no word to look for"),
        ("x" * 10_000, "no word to look for"),
    ],
)
def test_bad_queries_get_a_clear_answer(sqlite_url: str, query: str, message: str) -> None:
    result = invoke("search", query, "--db", sqlite_url)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_sql_metacharacters_are_just_text(sqlite_url: str) -> None:
    result = invoke("search", "'; DROP TABLE foods; --", "--db", sqlite_url)
    assert result.exit_code == 1 and "No food matches" in result.stdout
    again = invoke("search", "apple", "--db", sqlite_url)
    assert again.exit_code == 0  # the table is still there


def test_long_query_of_real_words_is_searched(sqlite_url: str) -> None:
    result = invoke("search", "apple " * 2000, "--db", sqlite_url, "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)


@pytest.mark.parametrize(
    ("code", "message"),
    [("3017620422004", "wrong check digit"), ("12345", "5 digits"), ("abc", "not digits"), ("", "empty")],
)
def test_bad_barcodes_get_a_clear_answer(sqlite_url: str, code: str, message: str) -> None:
    result = invoke("barcode", code, "--db", sqlite_url)
    assert result.exit_code == 2 and message in result.stderr


def test_bad_import_paths(sqlite_url: str, tmp_path: Path) -> None:
    missing = invoke("import", str(tmp_path / "nope.csv"), "--db", sqlite_url)
    assert missing.exit_code == 2 and "does not exist" in missing.stderr
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00\x01garbage")
    refused = invoke("import", str(junk), "--db", sqlite_url)
    assert refused.exit_code == 2 and "not a recognised food export" in refused.stderr
    nothing = invoke("import", "--db", sqlite_url)
    assert nothing.exit_code == 2 and "--download" in nothing.stderr


def test_bad_database_url(tmp_path: Path) -> None:
    result = invoke("search", "apple", "--db", "mysql://x")
    assert result.exit_code == 2 and "WINSTREAK_DATABASE_URL" in result.stderr
    down = invoke("search", "apple", "--db", "postgresql+asyncpg://u:p@127.0.0.1:9/x")
    assert down.exit_code == 3 and "cannot use the database" in down.stderr


def test_download_then_import(db_url: str, served: str, tmp_path: Path) -> None:  # noqa: F811
    url = f"{served}/en.openfoodfacts.org.products.csv.gz"
    result = invoke("import", "--download", "--url", url, "--db", db_url, "--no-progress")
    assert result.exit_code == 0, result.output
    assert "Downloaded" in result.stdout and "Imported 3 foods" in result.stdout
    assert (tmp_path / "data" / "downloads" / "en.openfoodfacts.org.products.csv.gz").is_file()
    failed = invoke("import", "--download", "--url", f"{served}/gone.csv.gz", "--db", db_url)
    assert failed.exit_code == 3 and "HTTP 404" in failed.stderr
