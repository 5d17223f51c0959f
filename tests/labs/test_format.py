"""The one number formatter (gui/text/format.py), against the values users meet."""
from __future__ import annotations

import pytest

from gui.text.format import fmt, fmt_point, superscript


@pytest.mark.parametrize(("value", "digits", "text"), [
    (1234567.891, 6, "1.23457×10⁶"),
    (1234567.891, 8, "1234567.9"),
    (0.75141243, 8, "0.75141243"),
    (-0.5, 6, "−0.5"),
    (-11.0, 6, "−11"),
    (1e-7, 6, "1×10⁻⁷"),
    (-2.5e-12, 3, "−2.5×10⁻¹²"),
    (0.0, 6, "0"),
    (-0.0, 6, "0"),
    (float("inf"), 6, "∞"),
    (float("-inf"), 6, "−∞"),
    (float("nan"), 6, "—"),
    (None, 6, "—"),
    ("not a number", 6, "—"),
    (10**400, 6, "—"),       # an int beyond float: undefined, never an exception
    (True, 6, "1"),
    (124.29802, 8, "124.29802"),
])
def test_fmt(value, digits, text):
    assert fmt(value, digits) == text


def test_fmt_point_and_superscript():
    assert fmt_point((0.5, -1.25)) == "(0.5, −1.25)"
    assert fmt_point([]) == "()"
    assert superscript(-12) == "⁻¹²" and superscript("−3") == "⁻³"
