"""Nutrition-label photos read with rapidocr v3 and its bundled models (defaults only: others download).

The OCR engine is created once, lazily, and used from a worker thread; :func:`read_label` returns
energy and macros per 100 g, or per serving when the label prints only that (see :mod:`ai.label_parse`),
or None.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
from PIL import Image

from ai.label_parse import LabelFacts, ServingFacts, TextBox, read_facts
from ops.collector import freeze_lasting

MAX_SIDE = 1600
_lock = threading.Lock()
_engine: Any = None


def _get_engine() -> Any:
    global _engine
    if _engine is None:
        from rapidocr import RapidOCR

        # Default models and languages (others would download); only its chatty logging is turned down.
        _engine = RapidOCR(params={"Global.log_level": "error"})
        freeze_lasting()  # the engine and its imports live as long as the process
    return _engine


def ocr_boxes(image: Image.Image) -> list[TextBox]:
    """Every text box rapidocr finds in the picture (blocking: call it in a thread)."""
    picture = image.convert("RGB")
    if max(picture.size) > MAX_SIDE:
        picture.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    with _lock:
        output = _get_engine()(np.asarray(picture))
    if output.boxes is None or output.txts is None:
        return []
    boxes = []
    for corners, text in zip(output.boxes, output.txts, strict=True):
        xs = [float(p[0]) for p in corners]
        ys = [float(p[1]) for p in corners]
        boxes.append(TextBox(str(text), min(xs), min(ys), max(xs), max(ys)))
    return boxes


def read_label(image: Image.Image) -> LabelFacts | ServingFacts | None:
    """Energy and macros per 100 g (or per serving) from a nutrition-label photo, or None when none is readable."""
    return read_facts(ocr_boxes(image))
