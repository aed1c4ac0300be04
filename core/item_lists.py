"""A meal's items as one line of text: the one separator every reply uses between item names.

Food names hold commas themselves ("egg, boiled", "oats, rolled, dry"), so items are never joined with ", ":
``egg, boiled; red wine`` reads as two items, where ``egg, boiled, red wine`` could be three.
"""

from __future__ import annotations

from collections.abc import Iterable

ITEM_SEPARATOR = "; "


def joined_names(names: Iterable[str]) -> str:
    """The names, each on one line (inner spaces and line breaks folded), separated by :data:`ITEM_SEPARATOR`."""
    return ITEM_SEPARATOR.join(" ".join(name.split()) for name in names)
