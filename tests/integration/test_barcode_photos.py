"""Real zxing-cpp on barcode pictures the test draws: plain, rotated, small; and the photo loader's safety checks."""

from __future__ import annotations

import io

import numpy as np
import pytest
import zxingcpp
from PIL import Image

from ai import notes
from ai.barcode import _read, lookup_codes, read_barcode
from ai.images import ImageError, open_image
from tests.media_samples import barcode_picture, jpeg, png

EAN13, EAN8, UPCA = zxingcpp.BarcodeFormat.EAN13, zxingcpp.BarcodeFormat.EAN8, zxingcpp.BarcodeFormat.UPCA


@pytest.mark.parametrize(
    ("code", "fmt", "expected"),
    [("4006381333931", EAN13, "4006381333931"), ("96385074", EAN8, "96385074"), ("036000291452", UPCA, None)],
)
def test_retail_codes_are_read(code: str, fmt: zxingcpp.BarcodeFormat, expected: str | None) -> None:
    found = read_barcode(open_image(jpeg(barcode_picture(code, fmt))))
    assert found is not None
    assert code in lookup_codes(found) if expected is None else found == expected


@pytest.mark.parametrize("angle", [20, -35, 50, 70, 90])
def test_rotated_codes_are_read(angle: int) -> None:
    picture = barcode_picture("5000112637922", EAN13).rotate(angle, expand=True, fillcolor=(235, 230, 220))
    assert read_barcode(picture) == "5000112637922"


def test_small_code_needs_the_upscaled_retry() -> None:
    picture = barcode_picture("4006381333931", EAN13).convert("L")
    small = picture.resize((picture.width * 2 // 5, picture.height * 2 // 5), Image.Resampling.BILINEAR)
    assert _read(small) is None  # the plain read misses it ...
    assert read_barcode(small) == "4006381333931"  # ... the retry finds it


def test_no_code_and_qr_codes_give_none() -> None:
    assert read_barcode(Image.new("RGB", (640, 480), (90, 140, 60))) is None
    symbol = zxingcpp.write_barcode_to_image(zxingcpp.create_barcode("hi", zxingcpp.BarcodeFormat.QRCode), 4)
    qr = Image.fromarray(np.asarray(symbol))
    assert read_barcode(qr) is None


def test_upc_a_and_ean13_spellings() -> None:
    assert lookup_codes("036000291452") == ("036000291452", "0036000291452")
    assert lookup_codes("0036000291452") == ("0036000291452", "036000291452")
    assert lookup_codes("96385074") == ("96385074",)


def test_exif_orientation_is_applied() -> None:
    upright = barcode_picture("4006381333931", EAN13)
    stored = upright.rotate(90, expand=True)  # a camera stores the sensor image turned ...
    exif = Image.Exif()
    exif[0x0112] = 6  # ... and says "rotate 90° clockwise to view"
    opened = open_image(jpeg(stored, exif=exif.tobytes()))
    assert opened.size == upright.size


def test_heic_photos_open() -> None:
    from pillow_heif import register_heif_opener

    register_heif_opener()
    out = io.BytesIO()
    barcode_picture("4006381333931", EAN13).save(out, format="HEIF", quality=95)
    assert read_barcode(open_image(out.getvalue())) == "4006381333931"


@pytest.mark.parametrize(
    ("data", "note"),
    [
        (b"", notes.IMAGE_EMPTY),
        (b"this is a text file renamed to photo.jpg", notes.IMAGE_UNREADABLE),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 100, notes.IMAGE_UNREADABLE),
    ],
)
def test_non_images_get_clear_errors(data: bytes, note: str) -> None:
    with pytest.raises(ImageError) as err:
        open_image(data)
    assert str(err.value) == note


def test_truncated_image_is_refused() -> None:
    data = png(barcode_picture("4006381333931", EAN13))
    with pytest.raises(ImageError) as err:
        open_image(data[: len(data) // 2])
    assert str(err.value) == notes.IMAGE_UNREADABLE


def test_pixel_and_byte_caps() -> None:
    bomb = png(Image.new("L", (12000, 12000), 255))  # small file, 144 megapixels
    assert len(bomb) < 1_000_000
    with pytest.raises(ImageError) as pixels:
        open_image(bomb)
    assert str(pixels.value) == notes.IMAGE_TOO_LARGE
    with pytest.raises(ImageError) as size:
        open_image(b"\x00" * 2048, max_bytes=1024)
    assert str(size.value) == notes.IMAGE_TOO_LARGE
