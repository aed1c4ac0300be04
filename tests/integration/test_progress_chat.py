"""/history, /weight and the weekly summary through the real Conversation on SQLite with a fixed clock."""

import io
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image

from bots.common.buttons import untagged
from bots.common.conversation import Conversation
from bots.common.flows.progress import history
from bots.common.messages import Incoming, Reply
from bots.common.weekly_summary import weekly_summary
from core.model import ItemSource, MealItem, UserAccount
from core.services.identify import identify
from core.services.log_meal import LogMeal, log_meal
from tests.fakes.memory import FixedClock
from winstreak.bootstrap import App, build_app
from winstreak.settings import Settings

PROFILE = "/profile sex=female born=1990 height=168 weight=80 activity=light goal=lose target=70 tz=Europe/Paris"


def item(kcal: float) -> MealItem:
    return MealItem("food", 100, kcal, kcal / 20, kcal / 8, kcal / 30, ItemSource.MANUAL, kcal * 0.9, kcal * 1.1)


@pytest.fixture
async def app(sqlite_url: str, tmp_path: Path) -> AsyncIterator[App]:
    settings = Settings(data_dir=tmp_path, database_url=sqlite_url, _env_file=None)  # type: ignore[call-arg]
    wired = await build_app(settings, clock=FixedClock(datetime(2026, 11, 16, 9, 0, tzinfo=UTC)), migrate=False)
    wired.conversation = Conversation(wired.deps, {"history": history})
    yield wired
    await wired.close()


async def say(app: App, text: str, who: str = "ana", language: str = "en") -> list[Reply]:
    return await app.conversation.handle(Incoming("console", who, who, who.title(), text=text, language=language))


async def me(app: App, who: str = "ana") -> UserAccount:
    return await identify(app.uow(), "console", who, who.title())


def png_size(reply: Reply) -> tuple[int, int]:
    assert reply.image is not None
    return Image.open(io.BytesIO(reply.image)).size


async def eat(app: App, when: datetime, kcal: float, who: str = "ana") -> None:
    clock = app.deps.clock
    assert isinstance(clock, FixedClock)
    clock.current = when
    await log_meal(app.uow(), clock, LogMeal((await me(app, who)).id, (item(kcal),)))


async def test_history_shows_the_week_and_steps_back(app: App) -> None:
    await say(app, PROFILE)
    await eat(app, datetime(2026, 11, 16, 12, tzinfo=UTC), 1300)  # Monday: won
    await eat(app, datetime(2026, 11, 21, 19, tzinfo=UTC), 2600)  # Saturday: lost
    await eat(app, datetime(2026, 11, 22, 12, tzinfo=UTC), 1400)  # Sunday: won
    await eat(app, datetime(2026, 11, 23, 12, tzinfo=UTC), 1350)  # Monday: won
    await eat(app, datetime(2026, 11, 25, 9, tzinfo=UTC), 600)  # Wednesday: today, in progress

    [reply] = await say(app, "/history")
    assert png_size(reply) == (1200, 900) and reply.image_name == "week-2026-11-23.png"
    assert "📊 Week 23 Nov 2026 – 29 Nov 2026" in reply.text
    assert "Average: 1350 kcal a day (target" in reply.text  # only closed days: Monday
    assert "Days won: 1 of 2" in reply.text  # Monday won, Tuesday missed; Wednesday is today
    assert "Streak of won days: 0" in reply.text  # Tuesday was missed
    assert [untagged(b.value) for b in reply.flat_buttons] == ["/history 1"]

    pressed = Incoming("console", "ana", "ana", "Ana", choice=reply.flat_buttons[0].value)
    [earlier] = await app.conversation.handle(pressed)  # the button runs its command
    assert "📊 Week 16 Nov 2026 – 22 Nov 2026" in earlier.text
    assert "Days won: 2 of 7" in earlier.text and "Streak of won days: 1" in earlier.text
    assert "Average: 1767 kcal a day" in earlier.text  # (1300 + 2600 + 1400) / 3
    assert [untagged(b.value) for b in earlier.flat_buttons] == ["/history 0"]  # nothing before the first week
    assert png_size(earlier) == (1200, 900)


async def test_history_refuses_bad_numbers_and_remembers_dark(app: App) -> None:
    await say(app, PROFILE)
    [bad] = await say(app, "/history soon")
    assert bad.image is None and "is not a number of weeks back" in bad.text
    [dark] = await say(app, "/history dark")
    assert dark.image is not None
    pixel = Image.open(io.BytesIO(dark.image)).convert("RGB").getpixel((2, 2))
    assert isinstance(pixel, tuple) and sum(pixel) < 60
    [weight] = await say(app, "/weight")  # the chart colours are remembered for this chat
    assert weight.image is not None
    pixel = Image.open(io.BytesIO(weight.image)).convert("RGB").getpixel((2, 2))
    assert isinstance(pixel, tuple) and sum(pixel) < 60


async def test_weight_alone_shows_the_chart_and_numbers(app: App) -> None:
    await say(app, PROFILE)
    clock = app.deps.clock
    assert isinstance(clock, FixedClock)
    for when, kg in ((datetime(2026, 11, 2, 7, tzinfo=UTC), "80"), (datetime(2026, 11, 9, 7, tzinfo=UTC), "79.4")):
        clock.current = when
        await say(app, f"/weight {kg}")
    clock.current = datetime(2026, 11, 16, 7, tzinfo=UTC)
    logged = await say(app, "/weight 78.8")
    assert "Logged 78.8 kg" in logged[0].text and "Your daily target" in logged[1].text  # the target follows

    [chart] = await say(app, "/weight")
    assert png_size(chart) == (1200, 900)
    assert "⚖️ Latest: 78.8 kg (16 Nov 2026)" in chart.text
    assert "BMI 27.9 — overweight" in chart.text
    assert "Since the start: −1.2 kg" in chart.text and "Since last week: −0.6 kg" in chart.text
    assert "Trend: −0.60 kg a week" in chart.text
    assert "🎯 Goal 70 kg: at this pace around" in chart.text


async def test_weight_in_french_with_nothing_logged(app: App) -> None:
    await say(app, "/profile lang=fr", who="zoe", language="fr")
    [chart] = await say(app, "/weight", who="zoe", language="fr")
    assert chart.image is not None and "Pas encore de pesée" in chart.text


async def test_weekly_summary_of_last_week(app: App) -> None:
    await say(app, PROFILE)
    for day in (16, 17, 18, 19, 20, 21, 22):
        await eat(app, datetime(2026, 11, day, 12, tzinfo=UTC), 2600 if day == 21 else 1400)
    clock = app.deps.clock
    assert isinstance(clock, FixedClock)
    clock.current = datetime(2026, 11, 23, 7, tzinfo=UTC)  # Monday morning in Paris
    user = await me(app)
    intro, body = await weekly_summary(app.uow(), clock, user.id)
    assert intro.text == "Good morning, Ana! Here is your week."
    assert "📊 Week 16 Nov 2026 – 22 Nov 2026" in body.text and "Days won: 6 of 7" in body.text
    assert "💡" in body.text and png_size(body) == (1200, 900)
    assert [untagged(b.value) for b in body.flat_buttons] == ["/history 0"]
    again = await weekly_summary(app.uow(), clock, user.id)
    assert again[1].text == body.text
