"""core.landscape: what the Descent Lab draws of f, checked against independent
references (the formulas evaluated directly, finite differences, the exact level
sets of a paraboloid, exactness on bilinear functions, analytic normals)."""
from __future__ import annotations

import math

import numpy as np
import pytest

from core.expression import parse
from core.landscape import (
    bilinear,
    contour_levels,
    contour_segments,
    curve_values,
    curve_view_range,
    grid_points,
    grid_values,
    lambert_shading,
    tangent_segment,
)


def test_grid_values_are_f_at_each_grid_point():
    f = parse("(x + y - 3)^2 + (x + 2y - 5)^2 + 2")
    xs, ys, Z = grid_values(f, (-1.0, 4.0), (-1.0, 4.0), 41)
    assert Z.shape == (41, 41) and xs[0] == -1.0 and ys[-1] == 4.0
    for i, j in ((0, 0), (7, 33), (40, 12), (20, 20)):
        x, y = xs[i], ys[j]
        assert Z[i, j] == pytest.approx((x + y - 3) ** 2 + (x + 2 * y - 5) ** 2 + 2, rel=1e-12)


def test_curve_values_leave_holes_where_f_is_undefined():
    xs, ys = curve_values(parse("log(x)"), -1.0, 2.0, 301)
    assert len(xs) == 301
    assert np.isnan(ys[xs <= 0]).all()
    ok = xs > 0
    np.testing.assert_allclose(ys[ok], np.log(xs[ok]), rtol=1e-12)


def test_curve_view_range_never_turns_nan_near_the_float_limit():
    xs, ys = curve_values(parse("x^199"), -35.4, 35.4)
    lo, hi = curve_view_range(ys)
    # b − a overflows here; the padded ends may be ±inf (views clamp them) but are
    # ordered numbers, never nan
    assert not (math.isnan(lo) or math.isnan(hi)) and lo < hi
    assert hi > 1e300 and lo < -1e300
    assert curve_view_range(np.array([0.0, 1.0, 2.0, 3.0])) == pytest.approx(
        (0.0 - 0.16 * np.percentile([0, 1, 2, 3], 98) / 2,
         np.percentile([0, 1, 2, 3], 98) * (1 + 0.08)))
    assert curve_view_range(np.full(5, np.nan)) is None
    assert curve_view_range(np.array([2.0, 2.0])) == (2.0 - 0.08, 2.0 + 0.08)


def test_tangent_has_the_slope_of_finite_differences():
    f = parse("x^4 - 3x^2 + x")
    x0 = 1.3
    h = 1e-6
    fd = (f.value(np.array(x0 + h)) - f.value(np.array(x0 - h))) / (2 * h)
    slope = float(f.gradient(x0)[0])
    tx, ty = tangent_segment(x0, float(f.value(np.array(x0))), slope, 0.5)
    assert tx == pytest.approx([0.8, 1.8])
    assert (ty[1] - ty[0]) / (tx[1] - tx[0]) == pytest.approx(float(fd), rel=1e-6)
    assert tangent_segment(x0, math.nan, slope, 0.5) is None
    assert tangent_segment(0.0, 1e308, 1e308, 10.0) is None  # overflows: no line


def test_grid_points_follow_the_grid_order():
    pts = grid_points((0.0, 1.0), (10.0, 12.0), 3)
    assert pts.shape == (9, 2)
    grid = pts.reshape(3, 3, 2)
    assert tuple(grid[2, 1]) == (1.0, 11.0) and tuple(grid[0, 2]) == (0.0, 12.0)


def test_contour_segments_lie_on_the_circles_of_a_paraboloid():
    xs = np.linspace(-2, 2, 121)
    ys = np.linspace(-2, 2, 121)
    X, Y = np.meshgrid(xs, ys, indexing="ij")
    Z = X ** 2 + Y ** 2
    h = xs[1] - xs[0]
    for level in (0.5, 1.0, 2.5):
        cx, cy = contour_segments(xs, ys, Z, [level])
        assert len(cx) % 2 == 0 and len(cx) > 0
        r = np.hypot(cx, cy)
        # linear interpolation along a cell edge: error below h² in r²
        assert np.max(np.abs(r ** 2 - level)) < h ** 2
        # the segments go all the way round, and their total length is 2πr
        angles = np.sort(np.arctan2(cy, cx))
        assert np.max(np.diff(angles)) < 0.1
        length = np.sum(np.hypot(cx[1::2] - cx[0::2], cy[1::2] - cy[0::2]))
        assert length == pytest.approx(2 * math.pi * math.sqrt(level), rel=2e-3)


def test_contour_segments_skip_undefined_cells_and_levels_are_increasing():
    xs = np.linspace(-1, 1, 21)
    X, Y = np.meshgrid(xs, xs, indexing="ij")
    Z = np.where(X < 0, np.nan, X + Y)
    cx, _cy = contour_segments(xs, xs, Z, [0.5])
    assert len(cx) and (cx >= 0).all()
    levels = contour_levels(Z, 0.0, 2.0, log_color=False)
    assert (np.diff(levels) > 0).all()
    finite = Z[np.isfinite(Z)]
    assert finite.min() <= levels[0] and levels[-1] <= finite.max()
    log_levels = contour_levels(Z, 0.0, 2.0, log_color=True)
    assert (np.diff(log_levels) > 0).all() and log_levels[-1] == pytest.approx(2.0)
    assert contour_levels(np.full((3, 3), np.nan), 0.0, 1.0, False).size == 0


def test_bilinear_is_exact_on_bilinear_functions_and_at_the_nodes():
    xs = np.linspace(-1, 3, 9)
    ys = np.linspace(0, 2, 5)
    X, Y = np.meshgrid(xs, ys, indexing="ij")
    Z = 2 + 3 * X - Y + 0.5 * X * Y
    for x, y in ((0.3, 1.7), (-1.0, 0.0), (2.99, 0.01), (1.5, 1.0)):
        assert bilinear(xs, ys, Z, x, y) == pytest.approx(2 + 3 * x - y + 0.5 * x * y)
    assert bilinear(xs, ys, Z, xs[4], ys[2]) == pytest.approx(Z[4, 2])


def test_lambert_shading_matches_the_analytic_normal():
    light = np.array([-0.45, -0.55, 0.70])
    light /= np.linalg.norm(light)
    xs = np.linspace(-1, 1, 31)
    ys = np.linspace(-1, 1, 41)
    X, Y = np.meshgrid(xs, ys, indexing="ij")
    # a plane: the same normal everywhere
    a, b = 0.4, -0.7
    shade = lambert_shading(xs, ys, a * X + b * Y)
    n = np.array([-a, -b, 1.0]) / math.sqrt(a * a + b * b + 1)
    assert shade.dtype == np.float32
    np.testing.assert_allclose(shade, 0.62 + 0.38 * max(0.0, float(n @ light)), rtol=1e-6)
    # a paraboloid: the normal from its gradient (2x, 2y), inside the grid
    shade = lambert_shading(xs, ys, X ** 2 + Y ** 2)
    nx, ny = -2 * X, -2 * Y
    norm = np.sqrt(nx ** 2 + ny ** 2 + 1)
    exact = 0.62 + 0.38 * np.clip((nx * light[0] + ny * light[1] + light[2]) / norm, 0, 1)
    np.testing.assert_allclose(shade[1:-1, 1:-1], exact[1:-1, 1:-1], atol=1e-6)
