"""Tests for core.descent: the chapter's numbers (section 2.7, exact values from the
Hessian's eigenvalues 7 ± √45), the chapter's own loop as an independent reference,
replay through core.optimizers, batch-vs-single agreement and robustness."""

from __future__ import annotations

import dataclasses
import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.descent import (
    STOP_REASONS,
    BatchResult,
    Trajectory,
    classify_run,
    cluster_minima,
    descend,
    descend_batch,
    iter_descend_batch,
    learning_rate_bound,
)
from core.expression import parse
from core.optimizers import OPTIMIZER_NAMES, make_optimizer

CHAPTER = "(x + y - 3)**2 + (x + 2*y - 5)**2 + 2"
LAMBDA_MAX = 7 + math.sqrt(45)
LAMBDA_MIN = 7 - math.sqrt(45)


@pytest.fixture(scope="module")
def f():
    return parse(CHAPTER)


def gd(lr):
    return make_optimizer("gd", lr=lr)


class FakeChapter:
    """The chapter's f with the Objective interface but without the scalar fast path,
    written by hand (independent of core.expression)."""

    variables = ("x", "y")
    n = 2

    def value(self, x, y):
        x, y = np.asarray(x, float), np.asarray(y, float)
        return (x + y - 3) ** 2 + (x + 2 * y - 5) ** 2 + 2

    def gradient(self, x, y):
        x, y = np.broadcast_arrays(np.asarray(x, float), np.asarray(y, float))
        return np.stack([2 * (x + y - 3) + 2 * (x + 2 * y - 5),
                         2 * (x + y - 3) + 4 * (x + 2 * y - 5)])

    def value_at(self, p):
        p = np.asarray(p, float)
        return self.value(p[..., 0], p[..., 1])

    def gradient_at(self, p):
        p = np.asarray(p, float)
        return np.moveaxis(self.gradient(p[..., 0], p[..., 1]), 0, -1)

    def hessian_at(self, p):
        return np.array([[4.0, 6.0], [6.0, 10.0]])


def chapter_loop(theta, lr=0.1, max_iter=10000, tolerance=1e-5):
    """The chapter's gradient_decent(), copied with its tolerance slip fixed (-5 → 1e-5)
    and the start given instead of random()."""

    def fn(x, y):
        return (x + y - 3) ** 2 + (x + 2 * y - 5) ** 2 + 2

    def df_dx(x, y):
        return 2 * (x + y - 3) + 2 * (x + 2 * y - 5)

    def df_dy(x, y):
        return 2 * (x + y - 3) + 4 * (x + 2 * y - 5)

    theta = list(theta)
    y_cur = fn(*theta)
    for i in range(max_iter):
        gradient = [g(*theta) for g in (df_dx, df_dy)]
        for j in range(2):
            theta[j] -= gradient[j] * lr
        y_cur, y_pre = fn(*theta), y_cur
        if abs(y_pre - y_cur) < tolerance:
            return theta, y_cur, i + 1
    return theta, y_cur, max_iter


# ------------------------------------------------------------- the chapter's numbers


def test_eta_01_converges_to_1_2(f):
    t = descend(f, gd(0.1), [0.5, 0.5], grad_tol=1e-6)
    assert t.stop_reason == "gradient_tolerance"
    # |∇f| < 1e-6 ⇒ distance to the minimum ≤ 1e-6 / λ_min
    assert np.linalg.norm(t.final_point - [1, 2]) <= 1e-6 / LAMBDA_MIN
    assert 0 <= t.final_value - 2 < 1e-11
    assert np.linalg.norm(t.gradients[-1]) < 1e-6 <= np.linalg.norm(t.gradients[-2])
    assert classify_run(t).kind == "converges"
    # the slow mode contracts by 1 − 0.1·λ_min per step: about log(1e-5)/log(0.9708) steps
    assert 350 < t.n_steps < 420


def test_default_optimizer_is_chapter_gd(f):
    a = descend(f, None, [0.5, 0.5])
    b = descend(f, "gd", [0.5, 0.5])
    c = descend(f, gd(0.1), [0.5, 0.5])
    assert a.points.tobytes() == b.points.tobytes() == c.points.tobytes()
    assert a.optimizer.name == "gd" and a.optimizer.hyper["lr"] == 0.1


def test_eta_015_diverges(f):
    t = descend(f, gd(0.15), [0.5, 0.5])
    assert t.stop_reason == "diverged"
    assert classify_run(t).kind == "diverges"
    assert "Diverged" in t.message
    # |1 − 0.15·λ_max| = 1.056 > 1: the error grows every step in the steep direction
    assert t.n_steps < 10_000
    # a short run that has not blown up yet is still recognised by its growing f
    short = descend(f, gd(0.15), [0.5, 0.5], max_steps=40)
    assert short.stop_reason == "max_steps"
    assert classify_run(short).kind == "diverges"


def test_eta_014_zigzags_but_converges(f):
    t = descend(f, gd(0.14), [0.5, 0.5])
    assert t.stop_reason == "gradient_tolerance"
    np.testing.assert_allclose(t.final_point, [1, 2], atol=1e-5)
    kind, why = classify_run(t)
    assert kind == "oscillates", why
    # the first steps alternate direction (factor 1 − 0.14·λ_max ≈ −0.919)
    s = t.steps[:20]
    assert np.all(np.sum(s[1:] * s[:-1], axis=1) < 0)


def test_small_eta_is_slow(f):
    t = descend(f, gd(0.001), [0.5, 0.5], max_steps=1000)
    assert t.stop_reason == "max_steps" and t.n_steps == 1000
    assert classify_run(t).kind == "slow"
    assert np.all(np.diff(t.values) < 0)


def test_value_tolerance_stops_early_like_the_chapter(f):
    t = descend(f, gd(0.1), [0.5, 0.5], value_tol=1e-5)
    assert t.stop_reason == "value_tolerance"
    np.testing.assert_allclose(t.final_point, [1.028, 1.983], atol=1e-3)
    assert abs(t.values[-1] - t.values[-2]) < 1e-5 <= abs(t.values[-2] - t.values[-3])
    theta, y, iters = chapter_loop([0.5, 0.5], tolerance=1e-5)
    assert t.n_steps == iters
    np.testing.assert_allclose(t.final_point, theta, rtol=1e-12)
    assert t.final_value == pytest.approx(y, rel=1e-12)
    assert "1e-05" in t.message


def test_chapter_loop_full_run_agrees(f):
    # the original code (tolerance -5) always ran all 10000 iterations
    theta, y, iters = chapter_loop([0.5, 0.5], tolerance=-5)
    t = descend(f, gd(0.1), [0.5, 0.5], grad_tol=0)
    assert iters == t.n_steps == 10_000 and t.stop_reason == "max_steps"
    np.testing.assert_allclose(t.final_point, theta, rtol=1e-14)
    np.testing.assert_allclose(t.final_point, [1, 2], rtol=1e-14)


def test_textbook_z_x2_y2():
    z = parse("x^2 + y^2")
    t = descend(z, gd(0.1), [3, 2], max_steps=5)
    np.testing.assert_allclose(t.points[1], [2.4, 1.6], rtol=1e-15)
    np.testing.assert_allclose(t.points[2], [1.92, 1.28], rtol=1e-15)
    np.testing.assert_allclose(t.points, [[3 * 0.8**k, 2 * 0.8**k] for k in range(6)],
                               rtol=1e-14)


def test_learning_rate_bound(f):
    assert learning_rate_bound(f, [0.5, 0.5]) == pytest.approx(2 / LAMBDA_MAX, rel=1e-14)
    assert learning_rate_bound(f, [0.5, 0.5]) == pytest.approx(0.14590, abs=5e-6)
    assert learning_rate_bound(FakeChapter(), [0, 0]) == pytest.approx(2 / LAMBDA_MAX, rel=1e-14)
    assert learning_rate_bound(parse("x^2 + y^2"), [3, 2]) == pytest.approx(1.0)
    assert learning_rate_bound(parse("x^4"), [0.5]) == pytest.approx(2 / 3)  # f'' = 12x²
    assert learning_rate_bound(parse("-x^2 - y^2"), [0, 0]) == math.inf
    assert learning_rate_bound(parse("x*y"), [0, 0]) == pytest.approx(2.0)  # λ = ±1
    assert math.isnan(learning_rate_bound(parse("sqrt(x) + y^2"), [-1, 0]))


@pytest.mark.parametrize("lr", [0.05, 0.1, 0.14, 0.145])
def test_bound_separates_convergence_from_divergence(f, lr):
    assert descend(f, gd(lr), [0.5, 0.5]).stop_reason == "gradient_tolerance"


@pytest.mark.parametrize("lr", [0.146, 0.15, 0.2])
def test_above_bound_diverges(f, lr):
    assert descend(f, gd(lr), [0.5, 0.5]).stop_reason == "diverged"


# ------------------------------------------------------------- Trajectory


def test_trajectory_shapes_and_immutability(f):
    t = descend(f, gd(0.1), [0.5, 0.5], max_steps=7, grad_tol=0)
    assert isinstance(t, Trajectory)
    assert t.n_steps == 7
    assert t.points.shape == (8, 2) and t.values.shape == (8,) and t.gradients.shape == (8, 2)
    assert t.steps.shape == (7, 2)
    np.testing.assert_array_equal(t.steps, t.points[1:] - t.points[:-1])
    np.testing.assert_array_equal(t.values, f.value_at(t.points))
    np.testing.assert_array_equal(t.gradients, f.gradient_at(t.points))
    np.testing.assert_array_equal(t.start, [0.5, 0.5])
    for a in (t.points, t.values, t.gradients, t.steps):
        assert not a.flags.writeable
    with pytest.raises(dataclasses.FrozenInstanceError):
        t.stop_reason = "x"
    assert t.stop_reason in STOP_REASONS and t.message


def test_start_at_the_minimum(f):
    t = descend(f, gd(0.1), [1, 2])
    assert t.stop_reason == "gradient_tolerance" and t.n_steps == 0
    assert t.steps.shape == (0, 2)
    assert classify_run(t).kind == "converges"


def test_max_steps_zero(f):
    t = descend(f, gd(0.1), [0.5, 0.5], max_steps=0)
    assert t.stop_reason == "max_steps" and t.n_steps == 0


def test_fake_objective_without_fast_path_agrees(f):
    a = descend(f, gd(0.1), [0.5, 0.5])
    b = descend(FakeChapter(), gd(0.1), [0.5, 0.5])
    assert a.n_steps == b.n_steps and a.stop_reason == b.stop_reason
    np.testing.assert_allclose(a.points, b.points, rtol=1e-12, atol=1e-13)


REPLAY = [("gd", {"lr": 0.1}), ("gd", {"lr": 0.05, "weight_decay": 0.1}),
          ("gd", {"lr": 0.01, "maximize": True}), ("momentum", {"lr": 0.02}),
          ("nesterov", {"lr": 0.02}), ("adagrad", {"lr": 0.5}),
          ("rmsprop", {"lr": 0.02, "centered": True, "momentum": 0.5}),
          ("adam", {"lr": 0.1, "amsgrad": True})]


@pytest.mark.parametrize("name, hyper", REPLAY)
def test_replay_through_the_optimizer_is_bit_identical(f, name, hyper):
    opt = make_optimizer(name, **hyper)
    t = descend(f, opt, [0.5, 0.5], max_steps=60)
    p = t.points[0]
    state = opt.init(p)
    for k in range(t.n_steps):
        p, state = opt.step(p, t.gradients[k], state)
        assert p.tobytes() == t.points[k + 1].tobytes(), k


@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_every_optimizer_reaches_the_chapters_minimum(f, name):
    lr = {"gd": 0.1, "momentum": 0.02, "nesterov": 0.02, "adagrad": 1.0, "rmsprop": 0.01,
          "adam": 0.05}[name]
    t = descend(f, make_optimizer(name, lr=lr), [0.5, 0.5], max_steps=20_000, grad_tol=1e-4)
    assert t.stop_reason == "gradient_tolerance", t.message
    np.testing.assert_allclose(t.final_point, [1, 2], atol=1e-3)


def test_one_variable_and_three_variables():
    t = descend(parse("(x - 3)^2"), gd(0.25), [0.0])
    assert t.points.shape[1] == 1 and t.final_point[0] == pytest.approx(3, abs=1e-6)
    np.testing.assert_allclose(t.points[1], [1.5])  # x − 0.25·2(x − 3)
    t = descend(parse("x^2 + 2y^2 + 3z^2"), gd(0.1), [1, 1, 1])
    np.testing.assert_allclose(t.points[1], [0.8, 0.6, 0.4], rtol=1e-15)
    assert t.stop_reason == "gradient_tolerance"


def test_bad_arguments_raise():
    f = parse(CHAPTER)
    with pytest.raises(ValueError):
        descend(f, "gd", [0.5, 0.5, 0.5])
    with pytest.raises(ValueError):
        descend(f, "nope", [0.5, 0.5])
    with pytest.raises(ValueError):
        descend(f, "gd", [0.5, 0.5], max_steps=-1)
    with pytest.raises(ValueError):
        descend(f, "gd", [0.5, 0.5], grad_tol=-1)
    with pytest.raises(ValueError):
        descend_batch(f, "gd", [0.5, 0.5])


# ------------------------------------------------------------- trouble never raises


def test_undefined_start():
    t = descend(parse("log(x) + y^2"), gd(0.1), [-1, 0])
    assert t.stop_reason == "undefined" and t.n_steps == 0
    assert "start" in t.message
    t = descend(parse("x^2 + y^2"), gd(0.1), [math.nan, 0])
    assert t.stop_reason == "undefined"


def test_landing_outside_the_domain_is_undefined():
    # f = √x + x², from x = 1 with η = 0.1 steps to x < 0 after a few steps
    t = descend(parse("sqrt(x) + x^2"), gd(0.1), [1.0])
    assert t.stop_reason == "undefined" and t.n_steps > 0
    assert t.final_point[0] < 0 and np.all(t.points[:-1] >= 0)
    assert np.isnan(t.values[-1])


def test_unbounded_below_diverges():
    t = descend(parse("-x^2"), gd(0.1), [1.0])
    assert t.stop_reason == "diverged"
    np.testing.assert_allclose(t.points[:5, 0], [1.2**k for k in range(5)])
    assert classify_run(t).kind == "diverges"


def test_overflow_diverges():
    t = descend(parse("exp(x^2)"), gd(1.0), [2.0])
    assert t.stop_reason in ("diverged", "undefined")


@settings(max_examples=80, deadline=None)
@given(text=st.sampled_from([CHAPTER, "log(x) + y^2", "sqrt(x*y)", "1/(x^2 + y^2)",
                             "exp(x) + exp(-y)", "sin(x)*cos(y)", "x^4 - 3x^2 + y^2",
                             "abs(x) + abs(y)", "tan(x) + y"]),
       name=st.sampled_from(OPTIMIZER_NAMES),
       lr=st.floats(1e-4, 10),
       start=st.tuples(st.floats(-50, 50), st.floats(-50, 50)))
def test_never_raises_never_warns(text, name, lr, start):
    f = parse(text)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = descend(f, make_optimizer(name, lr=lr), start, max_steps=200)
        b = descend_batch(f, make_optimizer(name, lr=lr), [start, (0.3, 0.7)], max_steps=200)
        classify_run(t)
    assert t.stop_reason in STOP_REASONS[1:]
    assert t.points.shape == (t.n_steps + 1, 2)
    assert 0 <= t.n_steps <= 200
    # (no equality with the batch here: the objective's scalar and numpy paths may
    # legitimately differ at extremes such as subnormal intermediates)
    assert b.done and set(b.stop_reason_names) <= set(STOP_REASONS[1:])
    assert np.all(b.n_steps <= 200)


# ------------------------------------------------------------- batches


def _grid(lo, hi, k):
    g = np.linspace(lo, hi, k)
    X, Y = np.meshgrid(g, g)
    return np.stack([X.ravel(), Y.ravel()], axis=1)


BATCH_CASES = [("gd", {"lr": 0.1}, None), ("gd", {"lr": 0.145}, None),
               ("gd", {"lr": 0.1}, 1e-5), ("momentum", {"lr": 0.02}, None),
               ("adam", {"lr": 0.1}, None), ("rmsprop", {"lr": 0.01, "centered": True}, 1e-7)]


@pytest.mark.parametrize("name, hyper, value_tol", BATCH_CASES)
def test_batch_agrees_with_descend_per_start(f, name, hyper, value_tol):
    opt = make_optimizer(name, **hyper)
    starts = np.vstack([_grid(-4, 6, 6), [[1, 2], [0.5, 0.5]]])
    b = descend_batch(f, opt, starts, max_steps=300, value_tol=value_tol)
    assert isinstance(b, BatchResult) and b.done and b.n_running == 0
    for i, s in enumerate(starts):
        t = descend(f, opt, s, max_steps=300, value_tol=value_tol)
        assert b.stop_reason_names[i] == t.stop_reason, i
        assert b.n_steps[i] == t.n_steps, i
        assert b.final_points[i].tobytes() == t.final_point.tobytes(), i
        assert b.final_values[i] == t.final_value


def test_batch_with_divergence_and_undefined_points():
    f = parse("log(x) + (y - 1)^2 + x")  # min at x = ... none in x<0: undefined there
    starts = np.array([[2.0, 0.0], [-1.0, 0.0], [0.5, 3.0], [math.nan, 1.0]])
    b = descend_batch(f, gd(0.1), starts, max_steps=300)
    for i, s in enumerate(starts):
        t = descend(f, gd(0.1), s, max_steps=300)
        assert (b.stop_reason_names[i], b.n_steps[i]) == (t.stop_reason, t.n_steps)
    assert b.stop_reason_names[1] == "undefined" and b.stop_reason_names[3] == "undefined"
    g = parse("-x^2 + y^2")
    b = descend_batch(g, gd(0.1), [[1.0, 1.0], [0.0, 1.0]], max_steps=500)
    assert b.stop_reason_names.tolist() == ["diverged", "gradient_tolerance"]


def test_iter_batch_snapshots_and_freezing(f):
    starts = _grid(-3, 5, 10)
    snaps = list(iter_descend_batch(f, gd(0.1), starts, max_steps=500, chunk=25))
    assert [s.done for s in snaps] == [False] * (len(snaps) - 1) + [True]
    assert [s.steps_done for s in snaps[:-1]] == [25 * (i + 1) for i in range(len(snaps) - 1)]
    final = descend_batch(f, gd(0.1), starts, max_steps=500)
    np.testing.assert_array_equal(snaps[-1].final_points, final.final_points)
    np.testing.assert_array_equal(snaps[-1].n_steps, final.n_steps)
    for a, b in zip(snaps, snaps[1:], strict=False):
        done = a.finished
        np.testing.assert_array_equal(b.final_points[done], a.final_points[done])
        np.testing.assert_array_equal(b.stop_reasons[done], a.stop_reasons[done])
        assert np.all(b.finished[done])
        assert np.all(a.n_steps[~done] == a.steps_done)
    running = snaps[0].stop_reasons == 0
    assert running.any()
    # a running start's snapshot is its real current point and value
    i = int(np.flatnonzero(running)[0])
    t = descend(f, gd(0.1), starts[i], max_steps=25, grad_tol=0)
    np.testing.assert_array_equal(snaps[0].final_points[i], t.final_point)
    assert snaps[0].final_values[i] == t.final_value


def test_empty_batch(f):
    b = descend_batch(f, "gd", np.zeros((0, 2)))
    assert b.done and b.final_points.shape == (0, 2)


class CountingObjective:
    """An objective that counts its vectorised calls and the points they evaluate."""

    def __init__(self, objective):
        self.objective, self.n = objective, objective.n
        self.calls = self.points = 0

    def value(self, *coords):
        self.calls += 1
        self.points += np.size(coords[0])
        return self.objective.value(*coords)

    def gradient(self, *coords):
        self.calls += 1
        self.points += np.size(coords[0])
        return self.objective.gradient(*coords)


def test_batch_work_is_one_vectorised_call_per_step(f):
    """Work, not seconds: 40 000 starts cost one value and one gradient call per step
    (never one per start), and finished starts are no longer evaluated."""
    starts = _grid(-5, 5, 200)
    counted = CountingObjective(f)
    b = descend_batch(counted, gd(0.1), starts, max_steps=500)
    assert (b.stop_reason_names == "gradient_tolerance").all()
    steps = int(b.n_steps.max())
    assert counted.calls == 2 * (steps + 1)
    # each call evaluates at most the starts still running (+25 %: they are dropped
    # lazily), so the points evaluated stay well below calls × starts
    assert counted.points <= 2 * 1.25 * int((b.n_steps + 1).sum())
    np.testing.assert_array_equal(b.final_points,
                                  descend_batch(f, gd(0.1), starts, max_steps=500).final_points)


# ------------------------------------------------------------- clusters


def test_cluster_synthetic():
    P = np.array([[0, 0], [1e-4, -1e-4], [5, 5], [5.0005, 5], [math.nan, 0], [9, 9],
                  [0, 2e-4]])
    reasons = ["gradient_tolerance"] * 5 + ["diverged", "max_steps"]
    labels, minima = cluster_minima(P, 1e-3, reasons)
    assert labels.tolist() == [0, 0, 1, 1, -1, -1, 0]
    np.testing.assert_allclose(minima, [[1e-4 / 3, 1e-4 / 3], [5.00025, 5]])
    labels, _ = cluster_minima(P[:4], 1e-3)
    assert labels.tolist() == [0, 0, 1, 1]
    codes = np.array([STOP_REASONS.index(r) for r in reasons])
    assert cluster_minima(P, 1e-3, codes)[0].tolist() == [0, 0, 1, 1, -1, -1, 0]


def test_basin_map_of_a_double_well():
    f = parse("(x^2 - 1)^2 + y^2")  # minima (±1, 0), a ridge at x = 0
    starts = _grid(-2, 2, 21)
    starts = starts[np.abs(starts[:, 0]) > 1e-9]  # the ridge itself goes to the saddle
    b = descend_batch(f, gd(0.05), starts, max_steps=2000)
    labels, minima = cluster_minima(b.final_points, 1e-3, b.stop_reasons)
    assert sorted(np.round(minima, 4).tolist()) == [[-1.0, 0.0], [1.0, 0.0]]
    left = starts[:, 0] < 0
    assert len(set(labels[left])) == 1 and len(set(labels[~left])) == 1
    assert labels[left][0] != labels[~left][0]


def test_cluster_empty_and_errors():
    labels, minima = cluster_minima(np.zeros((0, 2)), 0.1)
    assert labels.shape == (0,) and minima.shape == (0, 2)
    with pytest.raises(ValueError):
        cluster_minima(np.zeros((3, 2)), 0)


# ------------------------------------------------------------- classify


def test_classify_slow_when_converged_but_many_steps(f):
    t = descend(f, gd(0.01), [0.5, 0.5])
    assert t.stop_reason == "gradient_tolerance" and t.n_steps > 1000
    assert classify_run(t).kind == "slow"


def test_classify_undefined_is_reported(f):
    t = descend(parse("log(x) + y^2"), gd(0.1), [-1, 0])
    kind, why = classify_run(t)
    assert kind == "diverges" and "undefined" in why
