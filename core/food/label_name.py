"""The name of an item read off a nutrition label, and that name in the user's language.

The label reader (``ai.label_estimate``) names an item without a caption ``LABEL_NAME`` (English, marked for
translation); the conversation renames it with the translated text before the estimate is shown and saved,
so the estimate, /today and /meals all show the user's language.
"""

from __future__ import annotations

from dataclasses import replace

from core.model import ItemSource
from core.model.estimate import Estimate
from core.text import N_

LABEL_NAME = N_("Food from the label")


def label_named(estimate: Estimate, name: str) -> Estimate:
    """``estimate`` with the label items named ``LABEL_NAME`` (maybe with a serving after it) named ``name``."""
    if name == LABEL_NAME:
        return estimate
    items = tuple(
        replace(i, name=name + i.name[len(LABEL_NAME) :])
        if i.source is ItemSource.LABEL and i.name.startswith(LABEL_NAME)
        else i
        for i in estimate.items
    )
    return estimate if items == estimate.items else replace(estimate, items=items)
