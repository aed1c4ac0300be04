"""Simulated people for ``winstreak bench load``: each sends a meal, presses Save, now and then asks /today.

With media (the default of the command), a round's meal is in turn a text, a voice note, a text, a barcode
photo, a text and a ``/food`` command; every other round presses Edit and types an addition before Save.
Each person waits for the answer to an update before the next, and between the two for a think time or an
offered rate's schedule (:mod:`winstreak.bench.load_pace`; think time 0 is a closed loop), bounded by a
deadline and a step count. With ``rounds``, a person leaves after that many rounds (a day's meals) and a
newcomer with a fresh id takes their place, starting with their /profile (kind ``join``): traffic as many
people logging an ordinary day, not a few logging hundreds of meals. Latency is from POSTing the update to
the webhook to its HTTP answer: the bot answers only after handling it, replies included
(``handle_in_background=False``).
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from winstreak.bench import load_phases
from winstreak.bench.load_media import Media
from winstreak.bench.load_pace import Pacer, Pacing
from winstreak.bench.load_standin import LoadStandIn, button

PROFILE = "/profile sex=female born=1990 height=168 weight=64 activity=moderate goal=maintain tz=UTC"
MEALS = (
    "2 eggs and a slice of toast",
    "porridge with milk and a banana",
    "chicken salad 350 kcal",
    "pizza 800 kcal",
    "an apple",
    "rice and beans",
    "yogurt with honey",
    "pasta with tomato sauce",
)
FOODS = ("/food banana 120g", "/food apple 150g", "/food bread 2 slices", "/food rice 200g")
ENTRIES = ("voice", "text", "photo", "text", "food", "text")  # a round's meal, in turn, with media
EDIT = "add 1 apple"  # typed after an Edit press
MAX_STEPS = 100_000  # per person: a bound on the loop whatever the deadline


@dataclass
class Traffic:
    """What was sent and how it was answered."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter[str] = field(default_factory=Counter)
    saves: Counter[int] = field(default_factory=Counter)  # Save presses confirmed (estimate ticked), by person
    unconfirmed_saves: int = 0  # Save presses answered (HTTP 200) without the estimate ticked: an apology
    no_button: int = 0  # meals answered without a Save button (nothing understood)
    no_button_kinds: Counter[str] = field(default_factory=Counter)  # the same, by kind of meal
    late: int = 0  # open loop: updates due before the previous answer came back (sent at once)
    phases: dict[str, list[float]] = field(default_factory=dict)  # spans of voice notes and photos: load_phases
    seconds: float = 0.0
    people: list[int] = field(default_factory=list)  # everyone who took part (with ``rounds``: newcomers too)

    def count(self, kind: str) -> int:
        return len(self.latencies[kind])

    def per_second(self, kind: str) -> float:
        return self.count(kind) / self.seconds if self.seconds else 0.0


async def _timed(traffic: Traffic, kind: str, send: Callable[[], Awaitable[int]]) -> bool:
    started = time.perf_counter()
    try:
        status = await send()
    except (TimeoutError, OSError) as err:
        traffic.errors[f"{kind}: {type(err).__name__}"] += 1
        return False
    if status != 200:
        traffic.errors[f"{kind}: HTTP {status}"] += 1
        return False
    traffic.latencies[kind].append(time.perf_counter() - started)
    return True


def _entry(api: LoadStandIn, media: Media | None, user_id: int, turn: int) -> tuple[str, dict[str, Any]]:
    """The kind and update of this round's meal (``turn`` picks the kind, the meal and the note)."""
    kind = ENTRIES[turn % len(ENTRIES)] if media is not None else "text"
    if kind == "voice" and media is not None:
        ogg, seconds = media.voices[turn % len(media.voices)]
        voice = {**api.add_file(f"voice-{user_id}-{turn % len(media.voices)}", ogg, user_id), "duration": seconds}
        return kind, api.media_update(user_id, voice={**voice, "mime_type": "audio/ogg"})
    if kind == "photo" and media is not None:
        photo = {**api.add_file(f"barcode-{user_id}", media.barcode_jpeg, user_id), "width": 1000, "height": 600}
        return kind, api.media_update(user_id, photo=[photo])
    if kind == "food":
        return kind, api.text_update(user_id, FOODS[turn % len(FOODS)])
    return kind, api.text_update(user_id, MEALS[turn % len(MEALS)])


def _shown(api: LoadStandIn, traffic: Traffic, user_id: int, kind: str) -> tuple[dict[str, Any], str] | None:
    """The estimate now shown to the person and its Save button's data, or None (counted) when there is none."""
    shown: dict[str, Any] | None = api.buttons.get(user_id)
    data = button(shown, "Save") if shown else None
    if shown is None or data is None:
        traffic.no_button += 1
        traffic.no_button_kinds[kind] += 1
        return None
    return shown, data


@dataclass
class Newcomers:
    """People come and go: a place's person leaves after ``rounds`` rounds; ``fresh()`` gives the next id."""

    rounds: int
    fresh: Callable[[], int]


@dataclass
class _Person:
    """One person's sending: each update waits for the person's pacer, then is timed."""

    api: LoadStandIn
    traffic: Traffic
    user_id: int
    pacer: Pacer | None

    async def send(self, kind: str, make: Callable[[], dict[str, Any]]) -> bool:
        """Pause as the pacing says, build the update (after the pause: a press shows the message as it is now)."""
        if self.pacer is not None:
            await self.pacer.before_update()
        return await _timed(self.traffic, kind, partial(self.api.deliver, make()))

    async def timed_meal(self, kind: str, update: dict[str, Any]) -> bool:
        """Send a meal; a voice note's or photo's time is also split at the stand-in (:mod:`load_phases`)."""
        if kind not in load_phases.PHASED:
            return await _timed(self.traffic, kind, partial(self.api.deliver, update))
        self.api.marks[self.user_id] = {}
        sent = time.perf_counter()
        answered = await _timed(self.traffic, kind, partial(self.api.deliver, update))
        marks = self.api.marks.pop(self.user_id, {})
        if answered:
            load_phases.record(self.traffic.phases, kind, sent, time.perf_counter(), marks)
        return answered

    async def edit(self, shown: dict[str, Any]) -> bool:
        """Press Edit on the estimate and type an addition; True when a new estimate with Save is shown."""
        data = button(shown, "Edit")
        if data is None:
            return False
        if not await self.send("edit", partial(self.api.press_update, self.user_id, shown, data)):
            return False
        return await self.send("edit_text", partial(self.api.text_update, self.user_id, EDIT))


async def person(
    api: LoadStandIn,
    traffic: Traffic,
    user_id: int,
    deadline: float,
    media: Media | None = None,
    place: int = 0,
    pacer: Pacer | None = None,
    newcomers: Newcomers | None = None,
) -> None:
    """One person's loop: meal, Save; on the 1st, 4th, 7th... round Save twice (a second device) and /today.

    With ``media``, meals come as texts, voice notes, barcode photos and /food in turn (:data:`ENTRIES`), and
    on every other round Edit is pressed and an addition typed before Save; ``place`` (the person's place in
    the crowd) staggers the kinds, so the first rounds already hold voice notes and photos. ``pacer`` paces
    every update (none: a closed loop); a round begun before the deadline is finished, at the same pace.
    With ``newcomers``, after its rounds this place is taken by a newcomer (a fresh id, their /profile first).
    """
    me = _Person(api, traffic, user_id, pacer)
    step = 0
    while time.monotonic() < deadline and step < MAX_STEPS:
        if pacer is not None:
            await pacer.before_update()
            if time.monotonic() >= deadline:
                break
        if newcomers is not None and step and step % newcomers.rounds == 0:
            user_id = me.user_id = newcomers.fresh()
            traffic.people.append(user_id)
            await _timed(traffic, "join", partial(api.deliver, api.text_update(user_id, PROFILE)))
        kind, update = _entry(api, media, user_id, user_id + step if media is None else place + step)
        step += 1
        if not await me.timed_meal(kind, update):
            continue
        found = _shown(api, traffic, user_id, kind)
        if found is None:
            continue
        shown, data = found
        if media is not None and step % 2 == 1 and await me.edit(shown):
            found = _shown(api, traffic, user_id, "edit_text")
            if found is None:
                continue
            shown, data = found
        if await me.send("save", partial(api.press_update, user_id, shown, data)):
            if (user_id, shown["message_id"]) in api.edited:
                traffic.saves[user_id] += 1
            else:
                traffic.unconfirmed_saves += 1
        if step % 3 == 1:  # the same button once more (a second device): must store nothing
            await me.send("save_again", partial(api.press_update, user_id, shown, data))
            await me.send("today", partial(api.text_update, user_id, "/today"))
    traffic.late += pacer.late if pacer is not None else 0


async def warm_up(api: LoadStandIn, traffic: Traffic, user_id: int, media: Media | None) -> None:
    """A text meal (with media: a voice note and two photos too) from someone outside the crowd, before the clock.

    The bot builds the meal estimator (the food index) with the first meal, and loads Whisper, the barcode
    reader and (for the unknown barcode) the label OCR on first use; without this, the first meals and notes
    of the measured loop would carry that (seconds) instead of the steady state, and the RSS at the end would
    not include the OCR model.
    """
    await _timed(traffic, "profile", partial(api.deliver, api.text_update(user_id, PROFILE)))
    await _timed(traffic, "warm_up", partial(api.deliver, api.text_update(user_id, MEALS[0])))
    if media is None:
        return
    for turn in (0, 2):  # ENTRIES: a voice note, a photo
        await _timed(traffic, "warm_up", partial(api.deliver, _entry(api, media, user_id, turn)[1]))
    unknown = {**api.add_file("unknown", media.unknown_jpeg), "width": 1000, "height": 600}
    update = api.media_update(user_id, photo=[unknown], caption="cereal bar 180 kcal")  # label OCR, then caption
    await _timed(traffic, "warm_up", partial(api.deliver, update))


async def drive(
    api: LoadStandIn,
    user_ids: list[int],
    seconds: float,
    *,
    setup: bool,
    on_start: Callable[[], None] | None = None,
    media: Media | None = None,
    pacing: Pacing | None = None,
    newcomers: Newcomers | None = None,
) -> Traffic:
    """Run every person until ``seconds`` have passed; the set-up message is not part of the measured time.

    ``on_start`` is called once the set-up is answered, right before the measured loop (the bench reads the bot
    process's CPU time there). ``pacing`` paces each person (by their place in ``user_ids``); none: closed loops.
    ``newcomers``: people leave after their rounds and newcomers take their places (see the module's text).
    """
    traffic = Traffic(people=list(user_ids))
    if setup:
        profiles = [api.text_update(u, PROFILE) for u in user_ids]
        await asyncio.gather(*(_timed(traffic, "profile", partial(api.deliver, u)) for u in profiles))
        await warm_up(api, traffic, user_ids[0] - 1, media)
    if on_start is not None:
        on_start()
    started = time.monotonic()
    deadline = started + seconds
    pacers = [Pacer(pacing, len(user_ids), n) if pacing is not None else None for n in range(len(user_ids))]
    await asyncio.gather(
        *(person(api, traffic, u, deadline, media, n, pacers[n], newcomers) for n, u in enumerate(user_ids))
    )
    traffic.seconds = time.monotonic() - started
    return traffic
