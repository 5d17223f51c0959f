"""core.chain_extra: tangent lines, first-order changes and height ranges, against
values worked out by hand."""
from __future__ import annotations

import math

import numpy as np
import pytest

from core.chain_extra import gradient_step, height_range, linear_change, tangent_line


def test_tangent_line():
    xs = np.array([-1.0, 0.5, 2.0])
    # y = x² at x0 = 0.5: y0 = 0.25, slope 1 → y = x − 0.25
    assert tangent_line(0.5, 0.25, 1.0, xs) == pytest.approx(xs - 0.25)


def test_linear_change():
    F = lambda x: (3 * x + 1) ** 2  # noqa: E731
    c = linear_change(F(0.5), F(0.6), 15.0, 0.1)
    assert c.true == pytest.approx(F(0.6) - F(0.5))
    assert c.approx == pytest.approx(1.5)
    assert c.error == pytest.approx(c.true - 1.5)
    assert c.relative == pytest.approx(abs(c.error / c.true))
    assert math.isnan(linear_change(1.0, 1.0, 0.0, 0.1).relative)


def test_gradient_step():
    s = gradient_step(lambda x, y: x * x + y * y, lambda x, y: (2 * x, 2 * y), 1.0, 0.5, 0.2, 0.1)
    assert (s.z0, s.z1) == pytest.approx((1.25, 1.2 ** 2 + 0.6 ** 2))
    assert (s.gx, s.gy) == (2.0, 1.0)
    assert s.true == pytest.approx(s.z1 - s.z0)
    assert s.approx == pytest.approx(2.0 * 0.2 + 1.0 * 0.1)


@pytest.mark.parametrize("lo,hi", [(1e16, 1e16), (0.0, 0.0), (-1e16, -1e16), (1e99, 1e99),
                                   (-math.inf, math.inf), (2.0, 3.0)])
def test_height_range_has_a_finite_span(lo, hi):
    a, b = height_range(lo, hi)
    assert math.isfinite(b - a) and b - a > 0
    if math.isfinite(lo) and lo == hi:
        assert a < lo < b
    if (lo, hi) == (2.0, 3.0):
        assert (a, b) == (2.0, 3.0)
