"""Messages that are not meals: words for Save / Edit / Cancel, "undo", "delete the pizza", questions.

The conversation asks :func:`intent` before sending text to the estimator, so such messages get the matching
command or a clear reply, and a pending estimate is kept (and the reply says it is still waiting).
"""

from __future__ import annotations

import re

from bots.common.i18n import N_, t
from bots.common.messages import Reply
from bots.common.state import ChatState
from core.exercise.words import read_exercise

CHOICE_WORDS = {
    "save": "save",
    "edit": "edit",
    "cancel": "cancel",
    "enregistrer": "save",
    "sauvegarder": "save",
    "modifier": "edit",
    "annuler": "cancel",
}
UNDO_PHRASES = frozenset(
    {
        "undo",
        "undo that",
        "undo last meal",
        "undo the last meal",
        "delete last meal",
        "delete the last meal",
        "remove last meal",
        "remove the last meal",
        "défaire",
        "supprimer le dernier repas",
        "annuler le dernier repas",
    }
)
DELETE_WORDS = frozenset({"delete", "remove", "erase", "supprime", "supprimer", "efface", "effacer", "enlève"})
QUESTION_WORDS = frozenset(
    {"what", "how", "why", "should", "which", "when", "where", "who"}
    | {"quoi", "comment", "pourquoi", "combien", "quel", "quelle", "quels", "quelles", "est-ce"}
)
STILL_WAITING = N_("(Your estimate is still waiting: press Save, Edit or Cancel under it.)")
DELETE_HINT = N_(
    "To delete or change a meal, send /meals (or /meals yesterday while that day is open): each meal has "
    "Edit and Delete buttons. /undo deletes the last meal you saved today."
)
QUESTION_HINT = N_(
    "That looks like a question, not a meal. I log what you ate: describe it, e.g. “2 eggs and toast”, "
    "or send /today to see what is left for today and /help for everything else."
)
NUMBER_HINT = N_("There is no estimate waiting. Describe a meal to start one.")
PRESS_HINT = N_("Press Save, Edit or Cancel under the estimate (or type save, edit or cancel).")


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'-]+", text.lower())


def intent(text: str) -> str | None:
    """``"choice:save"``, ``"undo"``, ``"delete"``, ``"question"``, ``"number"``, ``"exercise"`` or None (a meal)."""
    lowered = " ".join(text.lower().split()).rstrip(".!")
    if lowered in CHOICE_WORDS:
        return f"choice:{CHOICE_WORDS[lowered]}"
    if lowered in UNDO_PHRASES:
        return "undo"
    if re.fullmatch(r"\d{1,2}", lowered):
        return "number"
    words = _words(lowered)
    if not words:
        return None
    if words[0] in DELETE_WORDS:
        return "delete"
    if lowered.endswith("?") or (words[0] in QUESTION_WORDS and len(words) > 1):
        return "question"
    if read_exercise(text) is not None:  # "I ran 5 km", "30 min de vélo": an activity with a time or distance
        return "exercise"
    return None


def with_pending_note(lang: str, state: ChatState, text: str) -> list[Reply]:
    """``text``, plus a line saying the pending estimate is still waiting when there is one."""
    if state.pending:
        text = text + "\n\n" + t(lang, STILL_WAITING)
    return [Reply(text)]


def answer(lang: str, state: ChatState, kind: str) -> list[Reply]:
    """The clear reply for a non-meal message of ``kind`` (``delete``, ``question`` or ``number``)."""
    if kind == "delete":
        return with_pending_note(lang, state, t(lang, DELETE_HINT))
    if kind == "number":
        return [Reply(t(lang, PRESS_HINT if state.pending else NUMBER_HINT))]
    return with_pending_note(lang, state, t(lang, QUESTION_HINT))
