"""R², r, standardisation, the parameter windows and the condition number of
core.regression, against independent references (numpy.polyfit, numpy.corrcoef,
numpy.linalg.cond, the closed forms written out per point)."""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.regression import SufficientStats, cost_function, parameter_window

X = np.array([48, 57, 50, 54, 64, 61, 43, 59], float)
Y = np.array([165, 165, 157, 170, 175, 165, 155, 170], float)

points = st.lists(st.tuples(st.floats(-1e3, 1e3), st.floats(-1e3, 1e3)), min_size=3,
                  max_size=30)


def test_chapter_r_squared_and_r():
    s = SufficientStats.from_points(X, Y)
    k, b = np.polyfit(X, Y, 1)
    sse = float(np.sum((Y - (k * X + b)) ** 2))
    sst = float(np.sum((Y - Y.mean()) ** 2))
    assert s.r_squared() == pytest.approx(1 - sse / sst, rel=1e-12)
    assert s.correlation() == pytest.approx(np.corrcoef(X, Y)[0, 1], rel=1e-12)
    assert s.r_squared() == pytest.approx(0.63756, abs=5e-6)  # the chapter's
    assert s.correlation() == pytest.approx(0.79847, abs=5e-6)


@settings(max_examples=60, deadline=None)
@given(points)
def test_r_squared_and_r_match_numpy(pts):
    x, y = (np.array(v, float) for v in zip(*pts, strict=True))
    s = SufficientStats.from_points(x, y)
    if np.ptp(x) < 1e-6 or np.ptp(y) < 1e-6:
        return
    r = np.corrcoef(x, y)[0, 1]
    assert s.correlation() == pytest.approx(r, abs=1e-9)
    assert s.r_squared() == pytest.approx(r * r, abs=1e-9)  # for a line, R² = r²


def test_undefined_cases_are_nan():
    flat = SufficientStats.from_points([1, 2, 3], [5, 5, 5])
    assert math.isnan(flat.r_squared()) and math.isnan(flat.correlation())
    same_x = SufficientStats.from_points([2, 2, 2], [1, 2, 3])
    assert math.isnan(same_x.correlation())
    empty = SufficientStats.from_points([], [])
    assert math.isnan(empty.r_squared()) and math.isnan(empty.correlation())


def test_standardized_stats_are_those_of_z():
    s = SufficientStats.from_points(X, Y)
    z_stats, mean, sigma = s.standardized()
    assert mean == pytest.approx(X.mean()) and sigma == pytest.approx(X.std())  # population σ
    ref = SufficientStats.from_points((X - X.mean()) / X.std(), Y)
    for name in ("n", "mean_x", "mean_y", "sxx", "sxy", "syy"):
        assert getattr(z_stats, name) == pytest.approx(getattr(ref, name), abs=1e-9), name
    # the same scaling as the standardised cost that gradient descent minimises
    cost = cost_function(X, Y, 1, standardize=True)
    np.testing.assert_allclose(z_stats.best_fit(), cost.minimizer, rtol=1e-9)
    # all x equal: σ is taken as 1
    _z, _m, sig = SufficientStats.from_points([3, 3], [1, 2]).standardized()
    assert sig == 1.0


def test_parameter_window_closed_form():
    s = SufficientStats.from_points(X, Y)
    k, b = np.polyfit(X, Y, 1)
    sx, sy = X.std(), Y.std()
    dk = max(2 * abs(k), 2 * sy / sx, 0.5)
    db = max(dk * (abs(X.mean()) + sx), 2 * sy, 1.0)
    (k0, k1), (b0, b1) = parameter_window(s)
    assert (k0, k1) == pytest.approx((k - dk, k + dk), rel=1e-9)
    assert (b0, b1) == pytest.approx((b - db, b + db), rel=1e-9)
    # wider spread, tiny floors (the my-line sliders)
    dk3 = max(3 * abs(k), 3 * sy / sx, 1e-3)
    (k0, k1), _ = parameter_window(s, 3.0, 1e-3, 1e-3)
    assert k1 - k0 == pytest.approx(2 * dk3, rel=1e-9)
    # no points: σx = σy = 1 stand in, around the line y = 0
    (k0, k1), (b0, b1) = parameter_window(SufficientStats.from_points([], []))
    assert (k0, k1) == (-2.0, 2.0) and (b0, b1) == (-2.0, 2.0)


def test_the_window_holds_lines_through_the_cloud():
    """Every line through the centroid with a slope within the window, as the
    student sees it, has its intercept inside the window too."""
    s = SufficientStats.from_points(X, Y)
    (k0, k1), (b0, b1) = parameter_window(s)
    for k in np.linspace(k0, k1, 11):
        b = Y.mean() - k * X.mean()
        assert b0 <= b <= b1


def test_condition_number_matches_numpy():
    for standardize in (False, True):
        cost = cost_function(X, Y, 1, standardize)
        assert cost.condition_number() == pytest.approx(np.linalg.cond(cost.hessian_at()),
                                                        rel=1e-9)
    assert cost_function(X, Y, 1, True).condition_number() == pytest.approx(1.0)
    assert cost_function([2, 2, 2], [1, 2, 3], 1).condition_number() == math.inf
