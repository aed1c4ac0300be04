"""A hostile input corpus through the real conversation (terminal platform, SQLite, offline estimators).

Every case has its expected reply and leaves the database exactly as it was: each table of the schema (found by
reflection) is read before and after, except the chat state, which holds an estimate awaiting Save by design, and
the AI usage counter.
"""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pytest
import pytest_asyncio
from PIL import Image
from sqlalchemy import MetaData, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bots.common.conversation import STALE
from bots.common.messages import Incoming, Reply
from tests.fakes.memory import FixedClock
from tests.integration.test_estimate_exit_codes import bomb_png
from tests.media_samples import wav_of
from winstreak.bootstrap import App, build_app
from winstreak.settings import load_settings

pytestmark = pytest.mark.asyncio(loop_scope="module")

PROFILE = "/profile sex=male born=1980 height=180 weight=80 activity=light goal=lose rate=0.5 tz=UTC"
SKIPPED_TABLES = {"chat_states", "ai_usage", "alembic_version"}
NO_FOOD = "I could not find any food I know in that."
NEXT = "Describe the meal in words"
EMPTY = "Send a meal description, a photo or a voice note — or /help."
NOT_A_PICTURE = "I could not open that file as a picture"
TOO_LARGE = "That picture is too large for me to open"


def _big_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(buffer, "PNG")  # 20,000 × 20,000 pixels, a few dozen KB on disk
    return buffer.getvalue()


def _noise() -> bytes:
    return wav_of((np.random.default_rng(2).standard_normal(16_000 * 2) * 0.3).astype(np.float32))


TEXT_CASES: list[tuple[str, str, str]] = [
    ("sql-injection", "'; DROP TABLE meals; --", NO_FOOD),
    ("sql-injection-2", "Robert'); DELETE FROM users; --", NO_FOOD),
    ("format-string-attr", "{0.__class__.__mro__}", NO_FOOD),
    ("format-string-percent", "%s%s%s%n%x", NO_FOOD),
    ("format-string-names", "{kcal} {name}", NO_FOOD),
    ("control-chars", "\x00\x01\x02 soup 200 kcal", "Total: 200 kcal"),
    ("zero-width-only", "\u200b\u200b", EMPTY),
    ("rtl-override", "\u202eevil\u202c 2 eggs", "Not understood: “evil”"),
    ("right-to-left", "مرحبا بالعالم", "Not understood: “مرحبا بالعالم”"),
    ("bom-only", "\ufeff", EMPTY),
    ("100-kb", "a" * 100_000, NO_FOOD),
    ("whitespace-only", "\r\n\t", EMPTY),
    ("exponent-infinite", "1e309 g rice", "Numbers like “1e3” are not read as amounts"),
    ("nan-amount", "nan g rice", "“NaN” or “infinity” is not an amount"),
    ("negative-grams", "-200 g rice", "A negative amount cannot be eaten"),
    ("negative-kcal", "rice -5 kcal", "A negative amount cannot be eaten"),
    ("weight-negative", "/weight -3", "Nothing was logged. I could not read “-3” as a weight."),
    ("weight-infinite", "/weight 1e309", "Nothing was logged. I could not read “1e309” as a weight."),
    ("weight-nan", "/weight nan", "Nothing was logged. I could not read “nan” as a weight."),
    ("weight-injection", "/weight 80kg; DROP TABLE weights", "Nothing was logged."),
    ("weight-two-numbers", "/weight 80 80", "Nothing was logged."),
    ("profile-height", "/profile height=5m", "Nothing was changed. A height of 500 cm is not plausible"),
    ("profile-nan", "/profile weight=nan", "Nothing was changed. I could not read “nan” as a weight."),
    ("profile-age", "/profile age=300", "Nothing was changed. An age of 300 is not plausible"),
    ("profile-path-zone", "/profile tz=../../etc/passwd", "is not a time zone I know"),
    ("profile-emoji", "/profile sex=🙂", "“🙂” is not a sex."),
    ("profile-language", "/profile lang=xx", "“xx” is not a supported language."),
    ("profile-no-field", "/profile ====", "Nothing was changed. I don't know the profile field"),
    ("history-negative", "/history -1", "is not a number of weeks back"),
    ("history-huge", "/history 99999999999999999999", "Give a number of weeks back between 0 and 520."),
    ("food-percent", "/food " + "%" * 300, "No food matches"),
    ("food-unknown-id", "/food #999999999 150g", "That food is no longer in the catalogue."),
    ("food-bad-id", "/food #abc -5g", "That food is no longer in the catalogue."),
    ("food-empty-id", "/food #", "That food is no longer in the catalogue."),
    ("link-injection", "/link 'or 1=1--", "That code is unknown or expired."),
    ("link-long", "/link " + "Z" * 1000, "That code is unknown or expired."),
    ("admin-not-operator", "/admin stats", "I don't know the command /admin."),
    ("settings-path", "/settings language ../../", "is not a supported language"),
    ("settings-bad-time", "/settings reminders 25:99", "“25:99” is not a time of day"),
    ("settings-bad-word", "/settings results maybe", "“maybe” is not a time of day"),
    ("deleteme-not-confirm", "/deleteme yes", "Are you sure?"),
    ("slash-only", "/", "I don't know the command /."),
    ("long-command", "/" + "a" * 5000, "I don't know the command /" + "a" * 40 + "."),
    ("command-extra-args", "/today extra words {0}", "300 kcal: soup"),
    ("save-nothing-pending", "save", "There is no estimate waiting."),
    ("number-nothing-pending", "1", "There is no estimate waiting."),
]
MEDIA_CASES: list[tuple[str, str, Any, str]] = [
    ("photo-zero-byte", "photo", b"", "That photo is empty"),
    ("photo-truncated", "photo", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", NOT_A_PICTURE),
    ("photo-bomb", "photo", bomb_png(), TOO_LARGE),
    ("photo-svg-as-jpg", "photo", b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="9"/></svg>', NOT_A_PICTURE),
    ("photo-pdf-as-jpg", "photo", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF", NOT_A_PICTURE),
    ("photo-20000-square", "photo", _big_png(), TOO_LARGE),
    (
        "photo-random-bytes",
        "photo",
        bytes(np.random.default_rng(1).integers(0, 256, 5000, dtype=np.uint8)),
        NOT_A_PICTURE,
    ),
    ("voice-silence", "voice", wav_of(np.zeros(16_000 * 5, dtype=np.float32)), "I heard only silence"),
    ("voice-not-audio", "voice", b"this is not audio at all", "I could not read that voice note as audio"),
    ("voice-zero-byte", "voice", b"", "That voice note is empty"),
    ("voice-ten-minutes", "voice", wav_of(np.zeros(16_000 * 600, dtype=np.float32)), "longer than 2 minutes"),
]
FORGED_CHOICES = ["save", "save|AAAAAA", "/deleteme confirm", "/deleteme confirm|AAAAAA", "/admin confirm x|y", ""]
FORGED_CHOICES += ["male|zzzzzz", "|", "cancel|" + "x" * 200]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def app(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[App]:
    folder = tmp_path_factory.mktemp("hostile")
    settings = load_settings(
        data_dir=folder, quota_messages_per_minute=0, quota_ai_calls_per_day=10_000, _env_file=None
    )
    wired = await build_app(settings, clock=FixedClock(datetime(2026, 5, 4, 12, 0, tzinfo=UTC)))
    await say(wired, text=PROFILE)
    await say(wired, text="soup 300 kcal")
    await say(wired, text="save")  # one meal, so a change to meals would show
    try:
        yield wired
    finally:
        await wired.close()


async def say(app: App, **content: Any) -> list[Reply]:
    return await app.conversation.handle(Incoming("console", "ana", "ana", "Ana", **content))


async def snapshot(engine: AsyncEngine) -> dict[str, list[tuple[Any, ...]]]:
    metadata = MetaData()
    async with engine.connect() as conn:
        await conn.run_sync(metadata.reflect)
        tables = [t for t in metadata.sorted_tables if t.name not in SKIPPED_TABLES]
        return {t.name: sorted(map(tuple, (await conn.execute(select(t))).all()), key=repr) for t in tables}


async def exchange(app: App, **content: Any) -> str:
    """The replies' text; the database must be unchanged and a pending estimate is cancelled afterwards."""
    before = await snapshot(app.engine)
    replies = await say(app, **content)
    assert await snapshot(app.engine) == before
    await say(app, text="cancel")
    return "\n".join(r.text for r in replies)


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in TEXT_CASES], ids=[c[0] for c in TEXT_CASES])
async def test_hostile_text(app: App, text: str, expected: str) -> None:
    answer = await exchange(app, text=text)
    assert expected in answer
    assert (
        "Traceback" not in answer and "<class" not in answer and "inf kcal" not in answer and "nan kcal" not in answer
    )


@pytest.mark.parametrize(("kind", "payload", "expected"), [c[1:] for c in MEDIA_CASES], ids=[c[0] for c in MEDIA_CASES])
async def test_hostile_media(app: App, kind: str, payload: bytes, expected: str) -> None:
    answer = await exchange(app, **{kind: payload})
    assert expected in answer and NEXT in answer  # a clear reason and the next step


@pytest.mark.slow
async def test_noise_is_not_heard_as_a_meal(app: App) -> None:
    answer = await exchange(app, voice=_noise())
    assert "Total:" not in answer and NEXT in answer


@pytest.mark.parametrize("data", FORGED_CHOICES)
async def test_forged_button_data_is_refused(app: App, data: str) -> None:
    assert await exchange(app, choice=data) == STALE


async def test_another_persons_button_is_refused(app: App) -> None:
    await app.conversation.handle(Incoming("console", "ben", "ben", "Ben", text=PROFILE))
    shown = await app.conversation.handle(Incoming("console", "ben", "ben", "Ben", text="pasta 500 kcal"))
    bens_save = next(b.value for r in shown for b in r.flat_buttons if b.value.startswith("save|"))
    assert await exchange(app, choice=bens_save) == STALE


async def test_the_corpus_has_at_least_fifty_cases() -> None:
    assert len(TEXT_CASES) + len(MEDIA_CASES) + len(FORGED_CHOICES) + 2 >= 50
