"""Translations of every reply: the English text is the message id, catalogs are gettext ``.po`` files.

Catalogs live in ``bots/common/locales/<lang>/*.po`` (one file a feature, merged at first use) and are
read with Babel, so no compile step is needed. ``t("fr", "Saved {kcal} kcal.", kcal=420)``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

from core.text import N_

__all__ = ["LANGUAGES", "N_", "catalog", "error_text", "t"]

LOCALES = Path(__file__).parent / "locales"
LANGUAGES = ("en", "fr")


@cache
def catalog(lang: str) -> dict[str, str]:
    """All translated messages of one language (empty for English and unknown languages)."""
    folder = LOCALES / lang
    messages: dict[str, str] = {}
    if not folder.is_dir():
        return messages
    for po_file in sorted(folder.glob("*.po")):
        with po_file.open("rb") as handle:
            for message in read_po(handle, locale=lang):
                if message.id and isinstance(message.id, str) and message.string and not message.fuzzy:
                    messages[message.id] = str(message.string)
    return messages


def t(lang: str, text: str, /, **values: object) -> str:
    """``text`` in ``lang`` (English when untranslated), with ``{name}`` placeholders filled in."""
    translated = catalog(lang).get(text, text) if lang != "en" else text
    return translated.format(**values) if values else translated


def error_text(lang: str, err: Exception) -> str:
    """A core error in the user's language (its string values are translated when the catalog has them)."""
    template = getattr(err, "template", None)
    if template is None:
        return str(err)
    values = {k: t(lang, v) if isinstance(v, str) else v for k, v in getattr(err, "values", {}).items()}
    return t(lang, template, **values)
