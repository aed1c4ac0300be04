"""One typed settings object, read from ``WINSTREAK_*`` variables and an optional ``.env`` file.

Loaded once at the edge (the CLI) and passed inward; nothing reads the environment at import time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from platformdirs import user_data_dir
from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from core.rules.admins import parse_admins


def default_data_dir() -> Path:
    """Where the embedded database and saved pictures live by default."""
    return Path(user_data_dir("winstreak", appauthor=False))


class Settings(BaseSettings):
    """Every setting WinStreak reads; each is documented in ``.env.example``."""

    model_config = SettingsConfigDict(env_prefix="WINSTREAK_", env_file=".env", extra="ignore")

    data_dir: Path = Field(default_factory=default_data_dir, description="Folder for the SQLite database and images.")
    database_url: str = Field(default="", description="SQLAlchemy URL; empty means SQLite in data_dir.")
    db_pool_size: int = Field(
        default=20, ge=1, le=500, description="PostgreSQL connections each process keeps open (opened when needed)."
    )
    db_max_overflow: int = Field(
        default=10, ge=0, le=500, description="PostgreSQL connections a process may open beyond the pool, briefly."
    )
    default_timezone: str = Field(default="UTC", description="Time zone given to new users until they choose.")
    log_level: str = Field(default="WARNING", description="Logging level (DEBUG, INFO, WARNING, ERROR).")
    log_format: str = Field(
        default="auto", pattern="^(auto|json|console)$",
        description="Log lines: json, console (readable), or auto (JSON unless stderr is a terminal).",
    )  # fmt: skip
    http_host: str = Field(
        default="127.0.0.1", description="Address of the HTTP server (/healthz, /readyz, /metrics, the webhook)."
    )
    http_port: int = Field(default=8080, ge=0, le=65535, description="Port of the HTTP server (0: any free port).")
    run_scheduler: bool = Field(
        default=True, description="`winstreak run` runs the scheduler too; false when it is its own service."
    )
    telegram_token: SecretStr | None = Field(default=None, description="Bot token from @BotFather.")
    telegram_webhook_url: str | None = Field(default=None, description="Public HTTPS URL for webhook mode.")
    telegram_api_base: str | None = Field(default=None, description="Self-hosted Bot API server base URL.")
    telegram_webhook_secret: SecretStr | None = Field(
        default=None, description="Webhook secret token (A-Z, a-z, 0-9, _ and -); derived from the token if unset."
    )
    discord_token: SecretStr | None = Field(
        default=None,
        description="Discord bot token (developer portal → your app → Bot → Reset Token); see docs/discord.md.",
    )
    ai_base_url: str | None = Field(default=None, description="OpenAI-compatible API base URL.")
    ai_api_key: SecretStr | None = Field(default=None, description="API key for the AI provider.")
    ai_model: str = Field(default="gpt-4o-mini", description="Chat model for text and photo estimates.")
    ai_vision_model: str = Field(default="", description="Chat model for photos; empty means ai_model.")
    ai_transcription_model: str = Field(
        default="", description="Provider model for voice notes (e.g. whisper-1); empty means offline Whisper."
    )
    ai_timeout_seconds: float = Field(default=30.0, gt=0, le=600, description="Time limit of one AI request.")
    ai_max_retries: int = Field(default=2, ge=0, le=10, description="Retries (with backoff) of a failed AI request.")
    voice_enabled: bool = Field(default=True, description="Transcribe voice notes offline with Whisper tiny.en.")
    voice_max_seconds: int = Field(default=120, ge=5, le=600, description="Longest voice note accepted.")
    whisper_threads: int = Field(
        default=1, ge=1, le=64, description="CPU threads for offline Whisper (1: quickest on 2 cores, docs/load.md)."
    )
    whisper_multilingual_model: Path | None = Field(
        default=None,
        description="Folder of a multilingual CTranslate2 Whisper model for non-English voice notes; "
        "empty means the base model of the voice-multilingual extra, when installed.",
    )
    photo_max_megapixels: float = Field(default=40.0, gt=0, le=500, description="Largest photo opened, in megapixels.")
    media_workers: int = Field(default=2, ge=1, le=64, description="Threads for voice notes and photos (media pool).")
    media_queue: int = Field(default=8, ge=0, le=1000, description="Media jobs waiting for a thread before 'busy'.")
    media_wait_seconds: float = Field(default=20.0, gt=0, le=600, description="Longest wait for a media thread.")
    off_online: bool = Field(
        default=False,
        description="Look barcodes missing from the food database up on the Open Food Facts API (needs internet).",
    )
    off_api_url: str = Field(
        default="https://world.openfoodfacts.org", pattern=r"^https?://", description="Open Food Facts API base URL."
    )
    off_timeout_seconds: float = Field(default=5.0, gt=0, le=60, description="Time limit of one barcode lookup.")
    off_max_retries: int = Field(default=1, ge=0, le=5, description="Retries (with backoff) of a failed lookup.")
    off_contact: str = Field(
        default="", description="Contact (project URL or e-mail) put in the User-Agent sent to Open Food Facts."
    )
    food_export_url: str = Field(
        default="https://static.openfoodfacts.org/data/en.openfoodfacts.org.products.csv.gz",
        description="Open Food Facts export fetched by `winstreak foods import --download`.",
    )
    estimate_ttl_minutes: int = Field(default=30, ge=1, le=1440, description="How long an unsaved estimate waits.")
    quota_ai_calls_per_day: int = Field(
        default=200, ge=0, le=100_000,
        description="Estimates (each may call the AI provider) per user per UTC day; /admin quota ID N overrides.",
    )  # fmt: skip
    quota_messages_per_minute: int = Field(
        default=60, ge=0, le=10_000, description="Messages per user per minute (0: no limit); more get one answer."
    )
    game_min_share: float = Field(0.60, ge=0, le=1, description="Game: a day below this share of the target is UNDER.")
    game_tolerance: float = Field(0.0, ge=0, le=1, description="Game: intake up to target x (1 + this) still wins.")
    game_grace_minutes: int = Field(180, ge=0, le=1440, description="Game: a day closes this long after next midnight.")
    game_freeze_every: int = Field(7, ge=1, description="Game: won days in a row that earn one streak freeze.")
    game_max_freezes: int = Field(2, ge=0, description="Game: most streak freezes held at once.")
    game_rp_per_division: int = Field(100, ge=1, description="Game: ranking points in one division.")
    game_rp_won: int = Field(20, ge=0, description="Game: RP for a won day (before the streak bonus).")
    game_rp_streak_step: int = Field(5, ge=1, description="Game: +1 RP bonus per this many streak days.")
    game_rp_streak_bonus_max: int = Field(10, ge=0, description="Game: largest streak bonus.")
    game_rp_lost: int = Field(-25, le=0, description="Game: RP for a day over the target.")
    game_rp_under: int = Field(-10, le=0, description="Game: RP for a day under the minimum share.")
    game_rp_missed: int = Field(-15, le=0, description="Game: RP for a day with nothing logged.")
    game_shield_days: int = Field(1, ge=0, description="Game: days of demotion shield after a promotion.")
    game_league_up_share: float = Field(0.20, ge=0, le=0.5, description="Game: share of a league promoted weekly.")
    game_league_down_share: float = Field(0.20, ge=0, le=0.5, description="Game: share of a league demoted weekly.")
    game_league_min_members: int = Field(3, ge=2, description="Game: smallest league that moves members.")
    game_league_count: int = Field(5, ge=1, description="Game: number of leagues in a group.")
    admins: Annotated[tuple[str, ...], NoDecode] = Field(
        default=(),
        description="Bot operators allowed to use /admin: platform:id identities separated by commas, "
        "e.g. telegram:12345,discord:6789,console:me.",
    )

    @field_validator("database_url")
    @classmethod
    def _known_driver(cls, value: str) -> str:
        if value and not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("must start with sqlite+aiosqlite:// or postgresql+asyncpg://")
        return value

    @field_validator("telegram_token")
    @classmethod
    def _token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None:
            return None
        left, colon, right = value.get_secret_value().partition(":")
        if not colon or not left.isdigit() or not right or any(c.isspace() for c in right):
            raise ValueError("a token looks like 123456789:ABCdef… (from @BotFather)")
        return value

    @field_validator("default_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo

        try:
            ZoneInfo(value)
        except Exception as err:  # ZoneInfo raises several unrelated types for bad names
            raise ValueError(f"unknown time zone {value!r}") from err
        return value

    @field_validator("admins", mode="before")
    @classmethod
    def _admin_identities(cls, value: object) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, (str, list, tuple)):
            raise ValueError("must be platform:id entries separated by commas")
        return parse_admins(value)

    @property
    def delivery_platforms(self) -> list[str]:
        """Platforms with a token, so scheduled messages and broadcasts can reach them."""
        tokens = {"telegram": self.telegram_token, "discord": self.discord_token}
        return sorted(name for name, token in tokens.items() if token is not None)

    @property
    def shown_database_url(self) -> str:
        """The database URL with its password masked, for messages and logs."""
        from sqlalchemy.engine import make_url

        return make_url(self.resolved_database_url).render_as_string(hide_password=True)

    def secret_values(self) -> list[str]:
        """Every secret the settings hold (tokens, keys, the database password): logs mask them."""
        found = [s.get_secret_value() for s in (self.telegram_token, self.discord_token, self.ai_api_key) if s]
        if self.telegram_webhook_secret is not None:
            found.append(self.telegram_webhook_secret.get_secret_value())
        if self.database_url:
            from sqlalchemy.engine import make_url

            password = make_url(self.database_url).password
            if password:
                found.append(str(password))
        return [value for value in found if value.strip()]

    @property
    def resolved_database_url(self) -> str:
        """The database URL, defaulting to SQLite inside ``data_dir``."""
        return self.database_url or f"sqlite+aiosqlite:///{self.data_dir / 'winstreak.db'}"


class SettingsError(Exception):
    """Settings that cannot be used; the message is one line naming the field."""


def load_settings(**overrides: object) -> Settings:
    """Read settings, turning validation errors into one clear line."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as err:
        first = err.errors()[0]
        field = "WINSTREAK_" + str(first["loc"][0]).upper() if first["loc"] else "settings"
        raise SettingsError(f"Bad setting {field}: {first['msg']}") from None
