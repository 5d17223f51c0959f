"""Tests for core.regression against independent references (exact rationals,
mpmath, numpy.polyfit, per-point sums, finite differences)."""

from __future__ import annotations

import copy
import dataclasses
import math
from fractions import Fraction

import mpmath
import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from core.regression import (
    MAX_DEGREE,
    PolynomialFit,
    SufficientStats,
    cost_function,
    fit_polynomial,
    parameter_names,
)

X = [48, 57, 50, 54, 64, 61, 43, 59]
Y = [165, 165, 157, 170, 175, 165, 155, 170]


# ------------------------------------------------------------- exact references


def exact_lstsq(x, y, degree):
    """Exact least squares with Fractions (normal equations are fine in exact
    arithmetic).  Returns coefficients highest power first."""
    xf = [Fraction(float(v)) for v in x]
    yf = [Fraction(float(v)) for v in y]
    p = degree + 1
    # A[i][j] = Σ x^(i+j), g[i] = Σ x^i y  (ascending powers)
    powers = [[xi**k for k in range(2 * p - 1)] for xi in xf]
    a = [[sum(pw[i + j] for pw in powers) for j in range(p)] for i in range(p)]
    g = [sum(pw[i] * yi for pw, yi in zip(powers, yf, strict=False)) for i in range(p)]
    # Gauss-Jordan
    m = [row[:] + [gi] for row, gi in zip(a, g, strict=False)]
    for c in range(p):
        piv = next(r for r in range(c, p) if m[r][c] != 0)
        m[c], m[piv] = m[piv], m[c]
        for r in range(p):
            if r != c and m[r][c] != 0:
                f = m[r][c] / m[c][c]
                m[r] = [a_ - f * b_ for a_, b_ in zip(m[r], m[c], strict=False)]
    asc = [m[i][p] / m[i][i] for i in range(p)]
    return asc[::-1]


def rel(a, b):
    return abs(a - b) / abs(b)


# ------------------------------------------------------------ chapter numbers


def test_chapter_line_matches_acceptance_numbers():
    fit = fit_polynomial(X, Y)
    assert fit.degree == 1 and fit.status == "ok" and fit.determined
    assert rel(fit.k, 0.75141242937853) < 1e-10
    assert rel(fit.b, 124.29802259887) < 1e-10
    assert round(fit.r, 5) == 0.79847
    assert round(fit.r2, 5) == 0.63756
    assert round(fit.sse, 4) == 113.6243
    assert fit.n_points == 8 and fit.n_params == 2
    assert fit.message == ""


def test_chapter_line_matches_exact_rationals_and_polyfit():
    fit = fit_polynomial(X, Y)
    k_exact, b_exact = exact_lstsq(X, Y, 1)
    assert k_exact == Fraction(133, 177)  # Sxy/Sxx exactly
    assert rel(fit.k, float(k_exact)) < 1e-14
    assert rel(fit.b, float(b_exact)) < 1e-14
    k_np, b_np = np.polyfit(X, Y, 1)
    assert rel(fit.k, k_np) < 1e-10 and rel(fit.b, b_np) < 1e-10
    # exact SSE
    sse = sum((Fraction(yi) - k_exact * xi - b_exact) ** 2 for xi, yi in zip(X, Y, strict=False))
    assert rel(fit.sse, float(sse)) < 1e-12


def test_chapter_scipy_answer_is_close_but_not_exact():
    # the chapter prints an iterative solver's answer: ~7 significant digits
    fit = fit_polynomial(X, Y)
    assert rel(0.7514124562779751, fit.k) < 1e-7
    assert rel(0.7514124562779751, fit.k) > 1e-12


def test_residuals_predict_and_derived_quantities():
    fit = fit_polynomial(X, Y)
    yhat = fit.k * np.array(X) + fit.b
    np.testing.assert_allclose(fit.predict(X), yhat, rtol=1e-13)
    np.testing.assert_allclose(fit.residuals, np.array(Y) - yhat, atol=1e-11)
    assert math.isclose(fit.mse, fit.sse / 8)
    assert isinstance(fit.predict(50.0), float)
    assert math.isclose(fit.r**2, fit.r2, rel_tol=1e-12)
    assert fit.variables == ("k", "b")
    with pytest.raises(ValueError):
        fit.residuals[0] = 1.0  # read-only


# ----------------------------------------------------------- polyfit agreement


@pytest.mark.parametrize("degree", range(0, 7))
def test_random_data_agrees_with_polyfit_and_exact(degree):
    rng = np.random.default_rng(degree)
    x = rng.uniform(-3, 5, 40)
    y = rng.normal(size=40) + x**2
    fit = fit_polynomial(x, y, degree)
    assert fit.status == "ok"
    np.testing.assert_allclose(fit.coefficients, np.polyfit(x, y, degree), rtol=1e-7, atol=1e-9)
    exact = [float(c) for c in exact_lstsq(x, y, degree)]
    np.testing.assert_allclose(fit.coefficients, exact, rtol=1e-9, atol=1e-11)
    np.testing.assert_allclose(fit.predict(x), np.polyval(exact, x), rtol=1e-11, atol=1e-11)


def test_degree_1_agrees_with_lstsq_for_large_offsets():
    rng = np.random.default_rng(1)
    x = 1e6 + rng.uniform(0, 1, 30)
    y = 3.0 * x + rng.normal(size=30)
    fit = fit_polynomial(x, y)
    k_exact, b_exact = exact_lstsq(x, y, 1)
    assert rel(fit.k, float(k_exact)) < 1e-10
    assert rel(fit.b, float(b_exact)) < 1e-8


def test_ill_conditioned_years_degree_4_matches_high_precision():
    x = np.arange(2000, 2021, dtype=float)
    rng = np.random.default_rng(42)
    t = x - 2010
    y = 0.01 * t ** 4 - 0.3 * t ** 2 + 2 * t + 500 + rng.normal(size=x.size)
    fit = fit_polynomial(x, y, 4)
    exact = exact_lstsq(x, y, 4)  # Fraction reference
    # predictions (what a plot shows) are accurate to ~machine precision
    mpmath.mp.dps = 60
    ref_pred = [
        float(sum(mpmath.mpf(c.numerator) / c.denominator * mpmath.mpf(float(xi)) ** (4 - j)
                  for j, c in enumerate(exact)))
        for xi in x
    ]
    np.testing.assert_allclose(fit.predict(x), ref_pred, rtol=1e-12)
    grid = np.linspace(1995, 2025, 31)
    ref_grid = [
        float(sum(mpmath.mpf(c.numerator) / c.denominator * mpmath.mpf(float(g)) ** (4 - j)
                  for j, c in enumerate(exact)))
        for g in grid
    ]
    np.testing.assert_allclose(fit.predict(grid), ref_grid, rtol=1e-11)
    # raw coefficients (huge, alternating) agree too — better than numpy.polyfit,
    # which solves on the raw Vandermonde and loses ~6 digits here
    np.testing.assert_allclose(fit.coefficients, [float(c) for c in exact], rtol=1e-10)
    # and the SSE matches the exact SSE
    sse = sum((Fraction(float(yi))
               - sum(c * Fraction(float(xi)) ** (4 - j) for j, c in enumerate(exact))) ** 2
              for xi, yi in zip(x, y, strict=False))
    assert rel(fit.sse, float(sse)) < 1e-9


def test_degree_10_runs_and_interpolates_11_points():
    x = np.linspace(0, 1, 11)
    y = np.cos(7 * x)
    fit = fit_polynomial(x, y, MAX_DEGREE)
    assert fit.status == "exact" and fit.exact and fit.determined
    np.testing.assert_allclose(fit.predict(x), y, atol=1e-9)
    assert "passes through every point exactly" in fit.message


# ----------------------------------------------------------- degenerate inputs


def test_empty_input():
    fit = fit_polynomial([], [], 1)
    assert fit.status == "empty" and not fit.determined
    assert fit.n_points == 0 and fit.sse == 0.0
    assert math.isnan(fit.mse) and math.isnan(fit.r2) and math.isnan(fit.r)
    assert list(fit.coefficients) == [0.0, 0.0]
    assert fit.message


def test_one_point_line_is_horizontal_through_it():
    fit = fit_polynomial([3.0], [7.0])
    assert fit.status == "underdetermined" and not fit.determined
    assert fit.k == 0.0 and fit.b == 7.0
    assert fit.message == (
        "1 point cannot determine a line (2 parameters): every line through it has zero error"
    )
    assert fit.sse == 0.0 and math.isnan(fit.r)


def test_two_points_line_is_exact():
    fit = fit_polynomial([1.0, 3.0], [2.0, 6.0])
    assert fit.status == "exact" and fit.exact
    assert math.isclose(fit.k, 2.0) and abs(fit.b) < 1e-14
    assert fit.sse < 1e-25
    assert fit.message.startswith("2 points and 2 parameters: the line passes through both points")


def test_three_points_parabola_message():
    fit = fit_polynomial([1, 2, 3], [2, 1, 5], 2)
    assert fit.status == "exact"
    assert fit.message == (
        "3 points and 3 parameters: the parabola passes through every point exactly "
        "(zero error) — you need more points than parameters (chapter 3.5)"
    )
    assert fit.message_args["n_points"] == 3 and fit.message_args["n_params"] == 3


def test_duplicate_x_underdetermined_line():
    fit = fit_polynomial([2.0, 2.0, 2.0], [1.0, 2.0, 6.0])
    assert fit.status == "underdetermined"
    assert fit.k == 0.0 and math.isclose(fit.b, 3.0)
    assert math.isclose(fit.sse, 14.0)
    assert "only 1 distinct x value" in fit.message
    assert fit.message_args["zero_error"] is False


@pytest.mark.parametrize("n,degree", [(1, 2), (2, 2), (2, 3), (3, 5), (4, 10)])
def test_too_few_points_gives_interpolating_min_norm_solution(n, degree):
    x = np.arange(n, dtype=float) * 1.5 + 100
    y = np.sin(x)
    fit = fit_polynomial(x, y, degree)
    assert fit.status == "underdetermined" and not fit.determined
    np.testing.assert_allclose(fit.predict(x), y, atol=1e-9)
    assert fit.sse < 1e-15
    assert np.all(np.isfinite(fit.coefficients))


def test_duplicate_x_degree_2():
    x = [1.0, 1.0, 2.0, 2.0]
    y = [0.0, 2.0, 3.0, 5.0]
    fit = fit_polynomial(x, y, 2)
    assert fit.status == "underdetermined" and fit.n_distinct_x == 2
    # best possible: through the group means (1, 1) and (2, 4)
    np.testing.assert_allclose(fit.predict([1.0, 2.0]), [1.0, 4.0], atol=1e-12)
    assert math.isclose(fit.sse, 4.0)


def test_constant_y_r_and_r2_are_nan_not_crash():
    fit = fit_polynomial([1, 2, 3], [5, 5, 5])
    assert fit.k == 0.0 and fit.b == 5.0
    assert math.isnan(fit.r) and math.isnan(fit.r2)


def test_degree_0_is_the_mean():
    fit = fit_polynomial(X, Y, 0)
    assert fit.variables == ("b",)
    assert math.isclose(fit.coefficients[0], np.mean(Y))
    assert fit.r is None
    with pytest.raises(ValueError):
        _ = fit.k


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_non_finite_input_raises(bad):
    with pytest.raises(ValueError, match="non-finite"):
        fit_polynomial([1, 2, bad], [1, 2, 3])
    with pytest.raises(ValueError, match="non-finite"):
        fit_polynomial([1, 2, 3], [1, bad, 3])


def test_bad_shapes_and_degrees():
    with pytest.raises(ValueError, match="same length"):
        fit_polynomial([1, 2], [1])
    with pytest.raises(ValueError):
        fit_polynomial([[1, 2]], [[1, 2]])
    with pytest.raises(ValueError):
        fit_polynomial([1, 2], [1, 2], 11)
    with pytest.raises(TypeError):
        fit_polynomial([1, 2], [1, 2], 1.5)
    with pytest.raises(ValueError):
        fit_polynomial(["a"], [1])


@settings(max_examples=60, deadline=None)
@given(
    pts=st.lists(
        st.tuples(
            st.floats(-1e3, 1e3, allow_nan=False), st.floats(-1e3, 1e3, allow_nan=False)
        ),
        min_size=0,
        max_size=12,
    ),
    degree=st.integers(0, 4),
)
def test_property_never_crashes_and_is_optimal(pts, degree):
    x = np.array([p[0] for p in pts])
    y = np.array([p[1] for p in pts])
    # x values 1e-298 apart are distinct but their raw-x coefficients overflow
    # float64 (alpha = 1/spread); such data is out of scope for a classroom tool.
    assume(x.size == 0 or np.ptp(x) == 0 or np.ptp(x) > 1e-100)
    fit = fit_polynomial(x, y, degree)
    assert isinstance(fit, PolynomialFit)
    assert fit.status in {"ok", "exact", "underdetermined", "empty"}
    assert np.all(np.isfinite(fit.coefficients))
    if fit.n_points == 0:
        return
    # no small perturbation of the (centred) solution does better
    assert fit.sse >= 0.0
    if fit.status == "ok":
        base = fit.sse
        rng = np.random.default_rng(0)
        scale = max(1.0, float(np.max(np.abs(y))))
        for _ in range(3):
            d = rng.normal(size=degree + 1) * 1e-3 * scale / np.maximum(
                1.0, np.max(np.abs(x)) ** np.arange(degree, -1, -1)
            )
            other = np.sum((y - np.polyval(fit.coefficients + d, x)) ** 2)
            assert other >= base * (1 - 1e-9) - 1e-9 * scale**2


# -------------------------------------------------------- sufficient statistics


def test_sufficient_stats_raw_sums():
    s = SufficientStats.from_points(X, Y)
    assert s.n == 8
    assert math.isclose(s.sum_x, sum(X))
    assert math.isclose(s.sum_y, sum(Y))
    assert math.isclose(s.sum_xx, sum(v * v for v in X))
    assert math.isclose(s.sum_xy, sum(a * b for a, b in zip(X, Y, strict=False)))
    assert math.isclose(s.sum_yy, sum(v * v for v in Y))
    k, b = s.best_fit()
    assert rel(k, 0.75141242937853) < 1e-12 and rel(b, 124.29802259887) < 1e-12
    assert round(s.min_cost(), 4) == 113.6243


def test_cost_grid_equals_direct_sum_and_expanded_formula():
    s = SufficientStats.from_points(X, Y)
    ks = np.linspace(-1, 3, 41)
    bs = np.linspace(50, 200, 31)
    grid = s.cost_grid(ks, bs)
    assert grid.shape == (41, 31)
    xa, ya = np.array(X, float), np.array(Y, float)
    direct = np.array([[np.sum((ya - (k * xa + b)) ** 2) for b in bs] for k in ks])
    np.testing.assert_allclose(grid, direct, rtol=1e-12)
    kk, bb = np.meshgrid(ks, bs, indexing="ij")
    expanded = (s.sum_yy - 2 * kk * s.sum_xy - 2 * bb * s.sum_y + kk**2 * s.sum_xx
                + 2 * kk * bb * s.sum_x + s.n * bb**2)
    np.testing.assert_allclose(grid, expanded, rtol=1e-9)
    np.testing.assert_allclose(s.cost(kk, bb), grid, rtol=1e-15)
    # the minimum of the surface is the fit
    k, b = s.best_fit()
    assert math.isclose(s.cost(k, b), s.min_cost(), rel_tol=1e-12)


def test_cost_grid_needs_only_the_six_sums():
    """The work of a grid does not grow with the points: the statistics keep six
    numbers, not the data, and the grid agrees with the per-point sum."""
    x = np.random.default_rng(0).normal(size=100_000)
    y = np.arange(100_000.0)
    s = SufficientStats.from_points(x, y)
    assert [type(getattr(s, f.name)) for f in dataclasses.fields(s)] == [int] + [float] * 5
    ks, bs = np.linspace(-1, 1, 100), np.linspace(-1, 1, 100)
    grid = s.cost_grid(ks, bs)
    assert grid.shape == (100, 100)
    for i, j in ((0, 0), (37, 81), (99, 50)):
        direct = math.fsum(((y - (ks[i] * x + bs[j])) ** 2).tolist())
        assert math.isclose(grid[i, j], direct, rel_tol=1e-9)


def test_stats_gradient_matches_cost_function():
    s = SufficientStats.from_points(X, Y)
    c = cost_function(X, Y)
    k = np.array([0.1, 0.7, 2.0])
    b = np.array([100.0, 124.0, 50.0])
    np.testing.assert_allclose(s.gradient(k, b), c.gradient(k, b), rtol=1e-9)


def test_stats_incremental_updates():
    s = SufficientStats.from_points(X, Y)
    x2, y2 = list(X), list(Y)
    x2[3], y2[3] = 70.0, 150.0
    moved = s.moved((X[3], Y[3]), (70.0, 150.0))
    ref = SufficientStats.from_points(x2, y2)
    for name in ("n", "mean_x", "mean_y", "sxx", "sxy", "syy"):
        assert math.isclose(getattr(moved, name), getattr(ref, name), rel_tol=1e-12), name
    # many moves back and forth stay accurate
    cur = s
    for _ in range(1000):
        cur = cur.moved((X[3], Y[3]), (70.0, 150.0)).moved((70.0, 150.0), (X[3], Y[3]))
    for name in ("mean_x", "mean_y", "sxx", "sxy", "syy"):
        assert math.isclose(getattr(cur, name), getattr(s, name), rel_tol=1e-9), name
    added = SufficientStats.from_points([], []).added(1, 2).added(3, 5)
    ref = SufficientStats.from_points([1, 3], [2, 5])
    for n in ("n", "mean_x", "mean_y", "sxx", "sxy", "syy"):
        assert math.isclose(getattr(added, n), getattr(ref, n), abs_tol=1e-15), n
    assert added.removed(3, 5).removed(1, 2).n == 0


def test_stats_empty_and_single():
    e = SufficientStats.from_points([], [])
    assert e.n == 0 and e.cost(1.0, 2.0) == 0.0
    one = SufficientStats.from_points([2.0], [3.0])
    assert one.best_fit() == (0.0, 3.0)
    assert one.cost(5.0, 3.0 - 10.0) == 0.0


# ------------------------------------------------------------------ cost function


def test_cost_function_interface_degree_1():
    c = cost_function(X, Y, 1)
    assert c.variables == ("k", "b") and c.n == 2 and c.n_points == 8
    assert rel(c.minimizer[0], 0.75141242937853) < 1e-12
    assert round(c.min_value, 4) == 113.6243
    params = np.array([[0.75, 124.3], [0.0, 0.0], [1.0, 100.0]])
    np.testing.assert_allclose(c.value_at(params), c.direct_value_at(params), rtol=1e-12)
    assert isinstance(c.value_at([0.75, 124.3]), float)
    assert c.value(0.0, 0.0) == pytest.approx(np.sum(np.square(Y)), rel=1e-14)
    g = c.gradient(np.zeros((3, 4)), np.ones(4))
    assert g.shape == (2, 3, 4)
    np.testing.assert_allclose(c.gradient_at(c.minimizer), 0.0, atol=1e-9)
    xa = np.array(X, float)
    h = c.hessian_at(np.array([0.0, 0.0]))
    np.testing.assert_allclose(h, 2 * np.array([[np.sum(xa**2), np.sum(xa)], [np.sum(xa), 8]]))


@pytest.mark.parametrize("degree,standardize",
                         [(0, False), (1, False), (1, True), (2, False), (3, True)])
def test_gradient_matches_central_differences(degree, standardize):
    rng = np.random.default_rng(degree)
    x = rng.uniform(0, 3, 25)
    y = rng.normal(size=25) + x
    c = cost_function(x, y, degree, standardize)
    assert c.variables == parameter_names(degree)
    for _ in range(5):
        th = rng.normal(size=degree + 1)
        g = c.gradient_at(th)
        fd = np.empty_like(th)
        for j in range(th.size):
            h = 1e-5
            e = np.zeros_like(th)
            e[j] = h
            fd[j] = (c.direct_value_at(th + e) - c.direct_value_at(th - e)) / (2 * h)
        np.testing.assert_allclose(g, fd, rtol=1e-6, atol=1e-6)
        np.testing.assert_allclose(c.value_at(th), c.direct_value_at(th), rtol=1e-11)
        # Hessian is the (constant) Jacobian of the gradient
        hess = c.hessian_at(th)
        for j in range(th.size):
            e = np.zeros_like(th)
            e[j] = 1.0
            np.testing.assert_allclose(c.gradient_at(th + e) - g, hess[:, j], rtol=1e-9, atol=1e-8)


def test_standardized_cost_converts_back_to_raw():
    c = cost_function(X, Y, 1, standardize=True)
    raw = c.to_raw(c.minimizer)
    assert rel(raw[0], 0.75141242937853) < 1e-12 and rel(raw[1], 124.29802259887) < 1e-12
    np.testing.assert_allclose(c.from_raw(raw), c.minimizer, rtol=1e-12)
    # the standardised problem is far better conditioned
    ev_raw = np.linalg.eigvalsh(cost_function(X, Y, 1).hessian_at(None))
    ev_std = np.linalg.eigvalsh(c.hessian_at(None))
    assert ev_raw[-1] / ev_raw[0] > 1e3 and ev_std[-1] / ev_std[0] < 1.0 + 1e-9
    # batched conversion, degree 3, same model values
    rng = np.random.default_rng(3)
    x = rng.uniform(40, 60, 20)
    c3 = cost_function(x, np.sin(x), 3, standardize=True)
    th = rng.normal(size=(4, 4))
    raw = c3.to_raw(th)
    z = (x - x.mean()) / x.std()
    for i in range(4):
        np.testing.assert_allclose(np.polyval(raw[i], x), np.polyval(th[i], z),
                                   rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(c3.from_raw(raw), th, rtol=1e-8, atol=1e-8)


def test_gradient_descent_on_standardized_cost_reaches_the_fit():
    c = cost_function(X, Y, 1, standardize=True)
    eta = 1.0 / np.max(np.linalg.eigvalsh(c.hessian_at(None)))
    th = np.zeros(2)
    for _ in range(200):
        th = th - eta * c.gradient_at(th)
    raw = c.to_raw(th)
    assert rel(raw[0], 0.75141242937853) < 1e-9 and rel(raw[1], 124.29802259887) < 1e-9


def test_cost_function_large_is_fast_and_vectorised():
    rng = np.random.default_rng(0)
    x = rng.uniform(0, 10, 100_000)
    y = 2 * x + rng.normal(size=x.size)
    c = cost_function(x, y, 2)
    params = rng.normal(size=(200, 200, 3))
    v = c.value_at(params)
    g = c.gradient_at(params)
    assert v.shape == (200, 200) and g.shape == (200, 200, 3)
    # evaluation does no per-point work: without the points it gives the same numbers
    empty = np.zeros(0)
    bare = copy.copy(c)
    bare.x = bare.y = bare._u = empty
    np.testing.assert_array_equal(bare.value_at(params), v)
    np.testing.assert_array_equal(bare.gradient_at(params), g)
    sub = params[:2, :3]
    np.testing.assert_allclose(v[:2, :3], c.direct_value_at(sub), rtol=1e-9)


def test_cost_function_bad_params_shape():
    c = cost_function(X, Y, 2)
    with pytest.raises(ValueError):
        c.value_at([1.0, 2.0])
    with pytest.raises(TypeError):
        c.value(1.0, 2.0)


def test_cost_function_underdetermined_still_consistent():
    c = cost_function([1.0], [2.0], 1)
    th = np.array([[3.0, -1.0], [0.0, 2.0]])
    np.testing.assert_allclose(c.value_at(th), c.direct_value_at(th), atol=1e-12)
    e = cost_function([], [], 1)
    assert e.value(1.0, 2.0) == 0.0


def test_scalar_fast_path_matches_and_descend_runs():
    c = cost_function(X, Y, 2, standardize=True)
    th = np.array([0.3, -1.2, 150.0])
    v, g = c.value_and_gradient_scalar(*th.tolist())
    assert math.isclose(v, c.value_at(th), rel_tol=1e-13)
    np.testing.assert_allclose(g, c.gradient_at(th), rtol=1e-13)
    descent = pytest.importorskip("core.descent")
    c1 = cost_function(X, Y, 1, standardize=True)
    traj = descent.descend(c1, "gd", [0.0, 0.0], max_steps=10_000, grad_tol=1e-9)
    raw = c1.to_raw(np.asarray(traj.final_point))
    assert rel(raw[0], 0.75141242937853) < 1e-9 and rel(raw[1], 124.29802259887) < 1e-9


@pytest.mark.parametrize("xs,ys,degree", [
    ([1.0, 2.0], [2.0, 3.5], 3),           # 2 points, a cubic: the line through them
    ([0.0, 1.0, 3.0], [1.0, 0.0, 4.0], 5),  # 3 points, degree 5: the parabola
    ([2.0, 2.0, 5.0], [1.0, 3.0, 0.0], 4),  # 2 distinct x: the line through the means
])
def test_underdetermined_fit_shows_the_lowest_degree_solution(xs, ys, degree):
    fit = fit_polynomial(xs, ys, degree)
    assert fit.status == "underdetermined"
    d = len(set(xs)) - 1
    reference = np.polyfit(xs, ys, d)  # the lowest-degree least-squares polynomial
    padded = np.concatenate([np.zeros(degree - d), reference])
    assert fit.coefficients == pytest.approx(padded, abs=1e-9)
    # and it is a best fit: its SSE reaches the floor that no function of x can
    # beat (each y against the mean of the y's at its x)
    means = {x: np.mean([y for xx, y in zip(xs, ys, strict=False) if xx == x]) for x in set(xs)}
    sse_floor = sum((y - means[x]) ** 2 for x, y in zip(xs, ys, strict=False))
    assert fit.sse == pytest.approx(sse_floor, abs=1e-9)


# ------------------------------------------------- numbers near the float range


HUGE_CASES = [
    ([1e300, -1e300, 0.5e300], [2e300, 1e300, -1e300]),        # CSV of three points ±1e300
    ([1e300, -1e300, 1e300], [1e300, -1e300, -1e300]),
    ([1.7e308, -1.7e308, 1e308, 3.0], [1.7e308, -1.7e308, 1e308, -1e308]),
    ([1e-300, 2e-300, 3e-300, 5e-300], [4e-301, 1e-300, 3e-300, 2e-300]),
    ([1.0, 2.0, 3.0, 4.0], [1e300, -1e300, 1e300, -1e300]),
    ([1e200, 2e200, 3e200, 4e200], [1.0, 3.0, 2.0, 5.0]),
]


def _units(x, y, degree):
    x, y = np.asarray(x, float), np.asarray(y, float)
    ex = math.frexp(float(np.max(np.abs(x))))[1]
    ey = math.frexp(float(np.max(np.abs(y))))[1]
    return ex, ey, ey - np.arange(degree, -1, -1) * ex


@pytest.mark.parametrize("x, y, degree", [(x, y, d) for x, y in HUGE_CASES for d in (0, 1, 2)
                                           if len(set(x)) > d])  # determined fits
def test_huge_and_tiny_numbers_fit_like_everyday_ones(x, y, degree):
    """Sums of squares of ±1e300 overflow: fsum used to raise "-inf + inf". The fit is
    done in power-of-two units. Reference: numpy.polyfit of the data divided by
    powers of two (exact), where plain polyfit overflows on the raw numbers."""
    fit = fit_polynomial(x, y, degree)
    ex, ey, shift = _units(x, y, degree)
    xa, ya = np.asarray(x, float), np.asarray(y, float)
    ref_units = np.polyfit(np.ldexp(xa, -ex), np.ldexp(ya, -ey), degree)
    with np.errstate(all="ignore"):
        mine_units = np.ldexp(fit.coefficients, -shift)
    with np.errstate(all="ignore"):
        ref = np.ldexp(ref_units, shift)
    # compare where the reference is an ordinary float (a coefficient of 1e200-sized
    # x can be 1e-400: 0 in floating point, or 1e400: inf)
    normal = np.isfinite(ref) & ((np.abs(ref) > 1e-305) | (ref_units == 0))
    assert normal.any()
    np.testing.assert_allclose(mine_units[normal], ref_units[normal], rtol=1e-9, atol=1e-12)
    assert (np.isinf(fit.coefficients) == np.isinf(ref)).all()
    if all(1e-100 < float(np.max(np.abs(a))) < 1e100 for a in (xa, ya)):  # everyday sizes
        direct = np.polyfit(xa, ya, degree)
        np.testing.assert_allclose(fit.coefficients, direct, rtol=1e-9,
                                   atol=1e-12 * float(np.max(np.abs(direct))))
    # derived numbers never raise; what is beyond the float range is inf or nan
    for value in (fit.sse, fit.sst, fit.mse, fit.r2):
        assert isinstance(value, float)
    assert fit.r2 <= 1.0 or math.isnan(fit.r2)
    if degree == 1:
        assert -1.0 <= fit.r <= 1.0 or math.isnan(fit.r)
    with np.errstate(all="ignore"):
        yhat_units = np.ldexp(fit.predict(xa), -ey)
    ok = np.isfinite(yhat_units)
    np.testing.assert_allclose(yhat_units[ok], np.polyval(ref_units, np.ldexp(xa, -ex))[ok],
                               atol=1e-9)


@pytest.mark.parametrize("x, y", HUGE_CASES)
def test_huge_numbers_never_raise_in_stats_and_costs(x, y):
    s = SufficientStats.from_points(x, y)
    assert math.isfinite(s.mean_x) and math.isfinite(s.mean_y)
    ref_x = math.fsum(v / 4 for v in x) / len(x) * 4
    assert math.isclose(s.mean_x, ref_x, rel_tol=1e-12)
    for degree in (1, 2):
        for standardize in (False, True):
            c = cost_function(x, y, degree, standardize)
            assert c.minimizer.shape == (degree + 1,)
            assert isinstance(c.min_value, float)


def test_huge_line_matches_the_scaled_problem_exactly():
    """Dividing the data by a power of two changes no rounding: the ±1e300 fit is the
    ±1 fit times the units."""
    x = np.array([48, 57, 50, 54, 64, 61, 43, 59], float)
    y = np.array([165, 165, 157, 170, 175, 165, 155, 170], float)
    big = fit_polynomial(x * 2.0 ** 990, y * 2.0 ** 980, 1)
    small = fit_polynomial(x, y, 1)
    assert big.k == small.k * 2.0 ** -10
    assert big.b == small.b * 2.0 ** 980
    assert big.r == small.r and big.r2 == small.r2
