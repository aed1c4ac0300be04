"""The activities WinStreak knows, each with its Compendium of Physical Activities code and MET value.

Source: Ainsworth B.E. et al., "2011 Compendium of Physical Activities: a second update of codes and MET
values", Medicine & Science in Sports & Exercise 43(8):1575-1581 (the tables published with it; codes and
values checked against a copy of those tables, see docs/exercise.md; the 2024 Compendium renumbered some).
Each activity uses the code of its common, moderate form; the typical speed (used only when someone gives a
distance and no time, "I ran 5 km") is WinStreak's assumption for that form and is documented in
docs/exercise.md. Names are English message ids (translated by the chat layer); the words are how people say
it in English and French, unaccented and lower case (see ``words.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.text import N_


@dataclass(frozen=True, slots=True)
class Activity:
    """One activity: a stable key, its display name, Compendium code and MET, and the words for it."""

    key: str
    name: str
    code: str
    met: float
    speed_kmh: float | None  # typical speed, to turn a distance into a time; None: give a time
    words: tuple[str, ...]


ACTIVITIES: tuple[Activity, ...] = (
    Activity("running", N_("running"), "12150", 8.0, 9.0,
             ("run", "ran", "runs", "running", "jog", "jogged", "jogging", "couru", "courir", "course a pied",
              "footing", "jogge")),
    Activity("cycling", N_("cycling"), "01015", 7.5, 18.0,
             ("cycling", "cycled", "bike", "biked", "biking", "bike ride", "bicycle", "velo", "pedale",
              "cyclisme")),
    Activity("stationary_bike", N_("stationary bike"), "02010", 7.0, None,
             ("stationary bike", "exercise bike", "spinning", "velo d'appartement", "home trainer")),
    Activity("walking", N_("walking"), "17190", 3.5, 5.0,
             ("walk", "walked", "walking", "walks", "marche", "marcher", "promenade", "promene", "balade")),
    Activity("hiking", N_("hiking"), "17080", 6.0, 4.0,
             ("hike", "hiked", "hiking", "randonnee", "rando")),
    Activity("swimming", N_("swimming"), "18240", 5.8, 2.0,
             ("swim", "swam", "swum", "swimming", "nage", "nager", "natation")),
    Activity("rowing", N_("rowing machine"), "02071", 4.8, None,
             ("rowing", "rowed", "rowing machine", "rameur", "aviron")),
    Activity("elliptical", N_("elliptical trainer"), "02048", 5.0, None,
             ("elliptical", "cross trainer", "elliptique")),
    Activity("weights", N_("weight training"), "02054", 3.5, None,
             ("weights", "weight training", "weightlifting", "weight lifting", "lifting", "lifted",
              "strength training", "musculation", "muscu")),
    Activity("yoga", N_("yoga"), "02150", 2.5, None, ("yoga",)),
    Activity("pilates", N_("pilates"), "02105", 3.0, None, ("pilates",)),
    Activity("soccer", N_("football (soccer)"), "15610", 7.0, None, ("soccer", "football", "foot")),
    Activity("basketball", N_("basketball"), "15055", 6.5, None, ("basketball", "basket")),
    Activity("tennis", N_("tennis"), "15675", 7.3, None, ("tennis",)),
    Activity("badminton", N_("badminton"), "15030", 5.5, None, ("badminton",)),
    Activity("skiing", N_("downhill skiing"), "19160", 5.3, None, ("skiing", "skied", "ski")),
    Activity("jump_rope", N_("jumping rope"), "15551", 11.8, None,
             ("jump rope", "jumping rope", "skipping rope", "corde a sauter")),
)  # fmt: skip

BY_KEY = {activity.key: activity for activity in ACTIVITIES}
