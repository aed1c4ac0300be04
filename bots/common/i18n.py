"""Translations of every reply: the English text is the message id, catalogs are gettext ``.po`` files.

Catalogs live in ``bots/common/locales/<lang>/*.po`` (one file a feature, merged at first use) and are
read with Babel, so no compile step is needed. ``t("fr", "Saved {kcal} kcal.", kcal=420)``.
Plurals go through Babel's gettext support: ``tn("fr", "{n} weigh-in", "{n} weigh-ins", 3)`` picks the form by the
catalog's ``Plural-Forms`` (French: 0 and 1 singular; English: only 1 singular).
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from core.text import N_

__all__ = ["LANGUAGES", "N_", "catalog", "error_text", "plural_catalog", "t", "tn"]

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


def _po_files(lang: str) -> list[Path]:
    folder = LOCALES / lang
    return sorted(folder.glob("*.po")) if folder.is_dir() else []


@cache
def plural_catalog(lang: str) -> dict[str, tuple[str, ...]]:
    """Singular English id → the translated forms, for the messages that have a plural (``msgid_plural``)."""
    forms: dict[str, tuple[str, ...]] = {}
    for po_file in _po_files(lang):
        with po_file.open("rb") as handle:
            for message in read_po(handle, locale=lang):
                ids, strings = message.id, message.string
                if isinstance(ids, tuple) and isinstance(strings, tuple) and all(strings) and not message.fuzzy:
                    forms[str(ids[0])] = tuple(str(form) for form in strings)
    return forms


@cache
def _translations(lang: str) -> gettext.NullTranslations:
    """Babel gettext translations of every plural message of ``lang`` (English: the built-in n == 1 rule)."""
    files = _po_files(lang)
    if lang == "en" or not files:
        return gettext.NullTranslations()
    with files[0].open("rb") as handle:  # the catalogs' own Plural-Forms header (French: plural when n > 1)
        merged = read_po(handle, locale=lang)
    for po_file in files[1:]:
        with po_file.open("rb") as handle:
            for message in read_po(handle, locale=lang):
                if isinstance(message.id, tuple) and not message.fuzzy:
                    merged.add(message.id, message.string)
    buffer = io.BytesIO()
    write_mo(buffer, merged)
    buffer.seek(0)
    return Translations(buffer)


def tn(lang: str, singular: str, plural: str, n: int, /, **values: object) -> str:
    """The form of ``singular``/``plural`` for ``n`` in ``lang``; ``{n}`` and other placeholders filled in."""
    return _translations(lang).ngettext(singular, plural, n).format(n=n, **values)


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
