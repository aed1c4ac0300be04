"""Search-side name normalisation: case, accents, ligatures and punctuation folded away.

``fold("Crème brûlée, 2×!")`` gives ``"creme brulee 2"``; the index and the queries share these rules,
so they are the only place that decides what "the same word" means.
"""

from __future__ import annotations

import re
import unicodedata

# Letters NFKD does not decompose into ASCII.
_LIGATURES = {"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ı": "i", "þ": "th"}


class _FoldTable(dict[int, str]):
    """``str.translate`` table folding each character once, on first sight: accents dropped, ligatures spelled."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = _LIGATURES.get(char)
        if folded is None:
            folded = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)).lower()
        self[code] = folded
        return folded


_FOLD = _FoldTable()
_TOKEN = re.compile(r"[^\W_]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

# Words that carry no identity in a food name: a query matches with or without them.
_STOP = "a an and of the with in on for de du des la le les l d au aux et en un une avec y con el il di"
STOPWORDS = frozenset(_STOP.split(" "))
MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 8
MAX_WORD_CHARS = 40


def fold(text: str) -> str:
    """Lower case, no accents, punctuation as single spaces: the searchable form of a name."""
    return " ".join(tokens(text))


def tokens(text: str) -> list[str]:
    """The folded words of a text, in order."""
    text = text.lower()
    if not text.isascii():
        text = text.translate(_FOLD)
    return _TOKEN.findall(text)


def query_tokens(text: str) -> list[str]:
    """The words of a user query, bounded so that any input is cheap to search."""
    words = tokens(text[: MAX_QUERY_CHARS * 4])
    return [w for w in words if len(w) <= MAX_WORD_CHARS][:MAX_QUERY_WORDS]


def clean_name(name: str) -> str:
    """A display name: control characters and runs of whitespace removed, SHOUTING softened."""
    if not name.isprintable():
        name = _CONTROL.sub(" ", name)
    text = " ".join(name.split()).strip(" ,;-_")
    if len(text) >= 4 and text.isupper():
        text = text.capitalize()
    return text


def clean_brand(brand: str) -> str:
    """The first brand of an Open Food Facts ``brands`` list, cleaned like a name."""
    first = brand.split(",", 1)[0]
    return clean_name(first)
