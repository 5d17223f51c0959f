"""The one number formatter of the user interface.

Every number a user reads goes through :func:`fmt`: ``digits`` significant digits,
a real minus sign (−), powers of ten as ×10⁶ / ×10⁻⁶, ∞ and −∞ for infinities, and
— (an em dash) for a value that is undefined (nan or None).  Qt-free.
"""
from __future__ import annotations

import math
from collections.abc import Iterable

SUPERSCRIPT = str.maketrans("0123456789-+", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺")
UNDEFINED = "—"


def superscript(text: str | int) -> str:
    """'−12' → '⁻¹²' (digits and signs only)."""
    return str(text).replace("−", "-").translate(SUPERSCRIPT)


def fmt(v: object, digits: int = 6) -> str:
    """A number for students: 1234567.891 → '1.23457×10⁶', -0.5 → '−0.5'."""
    if v is None:
        return UNDEFINED
    try:
        x = float(v)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return UNDEFINED
    if math.isnan(x):
        return UNDEFINED
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    if x == 0:
        return "0"
    s = f"{x:.{max(1, int(digits))}g}"
    if "e" in s:
        mantissa, exponent = s.split("e")
        s = f"{mantissa}×10{superscript(int(exponent))}"
    return s.replace("-", "−")


def fmt_point(p: Iterable[object], digits: int = 6) -> str:
    """'(0.5, −1.25)'."""
    return "(" + ", ".join(fmt(c, digits) for c in p) + ")"
