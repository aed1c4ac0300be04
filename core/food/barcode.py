"""Barcodes: EAN-8, EAN-13 and UPC-A validation and one canonical form for storage and lookup.

UPC-A (12 digits) is EAN-13 with a leading 0, and GTIN-14 with a leading 0 is EAN-13 too, so every
valid code is stored and looked up as 8 or 13 digits.
"""

from __future__ import annotations

from dataclasses import dataclass

_SEPARATORS = str.maketrans("", "", " -.")


@dataclass(frozen=True, slots=True)
class BarcodeCheck:
    """The outcome of reading a user's barcode: the canonical code, or why it is not one."""

    code: str | None
    problem: str | None = None


def check_digit(body: str) -> int:
    """The GS1 check digit for the digits before it (weights 3,1,3,... from the right)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def has_valid_check_digit(code: str) -> bool:
    """Whether the last digit of an all-digit code is its GS1 check digit."""
    return len(code) >= 2 and code.isdigit() and check_digit(code[:-1]) == int(code[-1])


def canonical(code: str) -> str:
    """Storage form of any digit string (no checksum test): UPC-A and GTIN-14 become EAN-13."""
    digits = code.strip().translate(_SEPARATORS)
    if len(digits) == 12:
        return "0" + digits
    if len(digits) == 14 and digits.startswith("0"):
        return digits[1:]
    return digits


def check_barcode(text: str) -> BarcodeCheck:
    """Validate a typed or scanned code: digits only, a known length and a correct check digit."""
    digits = text.strip().translate(_SEPARATORS)
    if not digits:
        return BarcodeCheck(None, "empty")
    if not digits.isascii() or not digits.isdigit():
        return BarcodeCheck(None, "not digits")
    if len(digits) not in (8, 12, 13, 14):
        return BarcodeCheck(None, f"{len(digits)} digits; a barcode has 8, 12 or 13")
    if not has_valid_check_digit(digits):
        return BarcodeCheck(None, f"wrong check digit (expected {check_digit(digits[:-1])})")
    code = canonical(digits)
    if len(code) == 14:
        return BarcodeCheck(None, "GTIN-14 of a case, not of a product")
    return BarcodeCheck(code)


def lookup_forms(code: str) -> tuple[str, ...]:
    """Stored forms a canonical code may have been saved under by older or foreign data."""
    forms = [code]
    if len(code) == 13 and code.startswith("0"):
        forms.append(code[1:])
    if len(code) == 8:
        forms.append(code.zfill(13))
    return tuple(forms)
