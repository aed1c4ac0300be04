from pathlib import Path

import pytest

from winstreak.settings import Settings, SettingsError, load_settings

ROOT = Path(__file__).resolve().parents[2]


def test_env_example_documents_every_setting() -> None:
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    missing = [name for name in Settings.model_fields if f"WINSTREAK_{name.upper()}=" not in text]
    assert not missing, f".env.example lacks: {missing}"


def test_every_setting_has_a_description() -> None:
    assert [name for name, info in Settings.model_fields.items() if not info.description] == []


def test_default_database_is_sqlite_in_the_data_dir(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path, _env_file=None)
    assert settings.resolved_database_url == f"sqlite+aiosqlite:///{tmp_path / 'winstreak.db'}"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("database_url", "mysql://x", "WINSTREAK_DATABASE_URL"),
        ("default_timezone", "Moon/Base", "WINSTREAK_DEFAULT_TIMEZONE"),
        ("estimate_ttl_minutes", "0", "WINSTREAK_ESTIMATE_TTL_MINUTES"),
    ],
)
def test_bad_settings_name_the_field(monkeypatch: pytest.MonkeyPatch, field: str, value: str, message: str) -> None:
    monkeypatch.setenv(f"WINSTREAK_{field.upper()}", value)
    with pytest.raises(SettingsError, match=message):
        load_settings(_env_file=None)
