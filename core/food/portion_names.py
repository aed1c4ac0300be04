"""Household portion labels in the user's language: ``1 medium`` → ``1 moyen(ne)``, ``2 slices`` → ``2 tranches``.

The words of a label are looked up in :mod:`core.food.portion_glossary` (longest phrase first). Sizes agree with
their noun (``1 grande assiette``, ``1 pizza moyenne``), what was done to the food follows a comma
(``1 tasse, haché``), two nouns in a row read ``X de Y`` (``1 paquet de lardons``). When any word is not in the
glossary the English label is kept whole: a label is never half translated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from core.food.portion_glossary import ADJECTIVES, MODIFIERS, NOUNS, WORDS

_TOKEN = re.compile(r"\d*\.\d+|\d+(?:/\d+)?|[a-zà-ÿœ][a-zà-ÿœ'-]*|[^\s\w]")
_NUMBER = re.compile(r"\d*\.\d+|\d+(?:/\d+)?")
_LONGEST = 4  # words in the longest glossary phrase
_VOWELS = tuple("aeiouyéèêàâîôûœh")


@dataclass(frozen=True, slots=True)
class _Seg:
    kind: str  # num | noun | adj | mod | word
    text: str  # the English words
    value: float = 0.0


def _parse(label: str) -> list[_Seg] | None:
    """Segments of the label, longest glossary phrase first; None when a word is not in the glossary."""
    tokens = _TOKEN.findall(label.lower())
    segs: list[_Seg] = []
    i = 0
    while i < len(tokens):
        if _NUMBER.fullmatch(tokens[i]):
            top, _, bottom = tokens[i].partition("/")
            segs.append(_Seg("num", tokens[i], float(top) / float(bottom or 1) if float(bottom or 1) else 0.0))
            i += 1
            continue
        for size in range(min(_LONGEST, len(tokens) - i), 0, -1):
            phrase = " ".join(tokens[i : i + size])
            kinds = [k for k, table in _TABLES if phrase in table]
            if kinds:
                segs.append(_Seg(kinds[0] if len(kinds) == 1 else "half", phrase))
                i += size
                break
        else:
            return None
    return [_resolve(segs, n) for n in range(len(segs))]


def _resolve(segs: list[_Seg], n: int) -> _Seg:
    """A word both noun and size (``half``): a size before a noun (``half pizza``), else a noun (``1 half``)."""
    seg = segs[n]
    if seg.kind != "half":
        return seg
    follows = n + 1 < len(segs) and segs[n + 1].kind in ("noun", "half")
    return _Seg("adj" if follows else "noun", seg.text)


_TABLES: tuple[tuple[str, Iterable[str]], ...] = (
    ("noun", NOUNS),
    ("adj", ADJECTIVES),
    ("mod", MODIFIERS),
    ("word", WORDS),
)


def _plural(form: str) -> str:
    return form if form.endswith(("s", "x", "-")) or " " in form else form + "s"


def _noun_after(segs: list[_Seg], n: int) -> int | None:
    """The index of the noun that the sizes from ``n`` on describe, if one follows them."""
    j = n
    while j < len(segs) and segs[j].kind == "adj":
        j += 1
    return j if j < len(segs) and segs[j].kind == "noun" else None


def _join(parts: list[str]) -> str:
    text = ""
    for part in parts:
        glued = not text or text.endswith(("-", "(", "/")) or part in (",", ")", "/")
        text += part if glued else " " + part
    return text


def _render(segs: list[_Seg]) -> str | None:
    parts: list[str] = []
    deferred: dict[int, list[str]] = {}  # noun index → words placed after it
    count = 1.0
    counted = False  # the number applies to the first noun after it
    last: tuple[str, bool] | None = None  # the gender and number of the last noun
    numbers: dict[int, tuple[str, bool]] = {}
    for n, seg in enumerate(segs):
        if seg.kind == "num":
            count, counted = seg.value, False
        elif seg.kind == "noun":
            _, _, gender, plural = NOUNS[seg.text]
            numbers[n] = (gender, plural or (not counted and count >= 2))
            counted = True
    count = 1.0
    for n, seg in enumerate(segs):
        if seg.kind == "num":
            count = seg.value
            parts.append(("0" + seg.text if seg.text.startswith(".") else seg.text).replace(".", ","))
        elif seg.kind == "noun":
            if n and segs[n - 1].kind == "noun":
                if n > 1 and segs[n - 2].kind == "noun":
                    return None  # three nouns in a row: no safe reading
                parts.append("de")
            singular, plural_form, _, _ = NOUNS[seg.text]
            last = numbers[n]
            word = plural_form if last[1] else singular
            if parts and parts[-1] == "de" and word.startswith(_VOWELS):
                parts[-1] = "d'"
                word = "\0" + word
            parts.append(word)
            parts.extend(deferred.pop(n, []))
        elif seg.kind == "adj":
            masculine, feminine, either, before = ADJECTIVES[seg.text]
            target = _noun_after(segs, n)
            agree = numbers[target] if target is not None else last
            if agree is None:
                word = _plural(either) if count >= 2 and " " not in either else either
            else:
                word = feminine if agree[0] == "f" else masculine
                word = _plural(word) if agree[1] else word
                if target is None and word.endswith("-"):
                    word = either
            if target is not None and not before:
                deferred.setdefault(target, []).append(word)
            else:
                parts.append(word)
        elif seg.kind == "mod":
            target = n + 1 if n + 1 < len(segs) and segs[n + 1].kind == "noun" else None
            if target is not None:
                deferred.setdefault(target, []).append(MODIFIERS[seg.text])
                continue
            if n and segs[n - 1].kind in ("noun", "adj"):
                parts.append(",")
            parts.append(MODIFIERS[seg.text])
        else:
            parts.append(WORDS[seg.text])
    return _join(parts).replace("d' \0", "d'").replace("\0", "")


def french_portion(label: str) -> str | None:
    """The label in French, or None when one of its words is not in the glossary."""
    segs = _parse(label)
    return None if not segs else _render(segs)


def portion_label(label: str, language: str) -> str:
    """The portion's label in ``language``: French when every word is known, else the English label as it is."""
    if not language.lower().startswith("fr"):
        return label
    return french_portion(label) or label


def share_translated(labels: Iterable[str]) -> tuple[int, int]:
    """(labels translated fully into French, distinct labels): the glossary's coverage of ``labels``."""
    distinct = {" ".join(label.split()).lower() for label in labels if label.strip()}
    return sum(french_portion(label) is not None for label in distinct), len(distinct)
