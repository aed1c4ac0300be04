"""Opening user photos safely: size and pixel caps, EXIF orientation, HEIC through pillow-heif.

Every failure becomes an :class:`ImageError` whose message is one of the notes in :mod:`ai.notes`.
"""

from __future__ import annotations

import io
import warnings
from functools import cache

from PIL import Image, ImageOps, UnidentifiedImageError

from ai import notes
from core.errors import InvalidValue

MAX_BYTES = 25 * 1024 * 1024
MAX_PIXELS = 40_000_000


class ImageError(InvalidValue):
    """A photo that cannot be used; ``str(err)`` is a note fit to show the user."""

    def __init__(self, note: str) -> None:
        super().__init__("photo", note)


@cache
def _register_heif() -> None:
    from pillow_heif import register_heif_opener

    register_heif_opener()


def open_image(data: bytes, *, max_bytes: int = MAX_BYTES, max_pixels: int = MAX_PIXELS) -> Image.Image:
    """A decoded RGB picture, upright; raises :class:`ImageError` for anything unusable."""
    if not data:
        raise ImageError(notes.IMAGE_EMPTY)
    if len(data) > max_bytes:
        raise ImageError(notes.IMAGE_TOO_LARGE)
    _register_heif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > max_pixels:
                raise ImageError(notes.IMAGE_TOO_LARGE)
            image.load()
            upright = ImageOps.exif_transpose(image)
            return upright.convert("RGB")
    except ImageError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as err:
        raise ImageError(notes.IMAGE_TOO_LARGE) from err
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as err:
        # Pillow reports truncated or corrupt files with several unrelated exception types.
        raise ImageError(notes.IMAGE_UNREADABLE) from err


def to_jpeg(image: Image.Image, max_side: int = 1536, quality: int = 85) -> bytes:
    """The picture re-encoded as a JPEG no larger than ``max_side`` (for sending to a vision model)."""
    copy = image.convert("RGB")
    copy.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    copy.save(out, format="JPEG", quality=quality)
    return out.getvalue()
