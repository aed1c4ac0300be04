"""Text helpers shared by the meal parser and the food matcher: normalising, folding, word stems."""

from __future__ import annotations

import re
import unicodedata

_FRACTIONS = {"½": " 1/2", "¼": " 1/4", "¾": " 3/4", "⅓": " 1/3", "⅔": " 2/3", "⅛": " 1/8"}
# A single letter glued by "&" to a word is one name ("m&m's", "a&w"), as the meal parser reads it.
_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]&[^\W\d_]+(?:'[^\W\d_]+)?|[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)
_KEEP_ES = ("ss", "us", "is", "ous", "as")
_BARE_POINT = re.compile(r"(?<![\w.])\.(?=\d)")  # ".5 cup" is 0.5 cup, not "." and 5 cups
_TEA = re.compile(r"\bthés?\b")  # "un thé": folded, "thé" would be the English article "the" and be lost
# Cooked in a pan with a little fat is sautéed, not "fried" as battered fried chicken or deep-fried fries are.
_PAN_FRIED = re.compile(r"\b(?:pan|shallow)[- ]?(?:fried|fry|seared)\b")
# What people add in a chat, not food: "pizza lol", "a big mac haha :)", "une salade mdr".
_CHAT = re.compile(
    r"(?<!\S)(?:[:;=]-?[()\[\]dpo/|*]+|<3)(?!\S)"
    r"|\b(?:a?(?:ha){2,}h?|(?:he){2,}|(?:hi){2,}|lo+l+|lmf?ao+|rofl|xd+|omg|mdr+|ptdr+|jk|yum+y?)\b"
)


def normalise(text: str) -> str:
    """Lower case, NFKC, typographic quotes made plain, vulgar fractions spelled as ``1/2``."""
    text = unicodedata.normalize("NFKC", text)
    for char, spelled in _FRACTIONS.items():
        text = text.replace(char, spelled)
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'").replace("⁄", "/")
    text = text.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae")
    text = _CHAT.sub(" ", _BARE_POINT.sub("0.", text).lower())
    return _TEA.sub("tea", _PAN_FRIED.sub("sauteed", text))


def fold(word: str) -> str:
    """A word without accents: ``café`` -> ``cafe``."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def stem(word: str) -> str:
    """A crude singular, the same for English and French: ``tomatoes`` -> ``tomato``, ``œufs`` -> ``oeuf``."""
    w = fold(word.lower())
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ie") and len(w) > 4:
        return w[:-2] + "y"  # "cookie" and "cookies" share a stem, as "berry" and "berries" do
    if w.endswith("oes") or w.endswith("ches") or w.endswith("shes") or w.endswith("xes"):
        return w[:-2]
    if w.endswith("ves") and len(w) > 5 and w not in {"olives", "chives", "cloves"}:
        return w[:-3] + "f"
    if w.endswith("aux") and len(w) > 4:
        return w[:-3] + "al"
    if w.endswith(("s", "x")) and not w.endswith(_KEEP_ES):
        return w[:-1]
    return w


def words(text: str) -> list[str]:
    """Alphabetic words of a text, lower case, in order (apostrophes inside words kept)."""
    return _WORD.findall(normalise(text))


def content_stems(text: str, stop: frozenset[str]) -> list[str]:
    """Stems of the words that are not in ``stop`` (compared folded), in order, without repeats."""
    seen: list[str] = []
    for word in words(text.replace("-", " ")):
        for part in word.split("'"):
            folded = fold(part)
            if not folded or folded in stop or len(folded) < 2:
                continue
            s = stem(folded)
            if s not in seen:
                seen.append(s)
    return seen
