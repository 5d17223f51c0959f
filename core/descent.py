"""Gradient descent runs: one trajectory, a batch of starts, and what to make of them.

* :func:`descend` – one run from one start, every point recorded (a :class:`Trajectory`).
* :func:`iter_descend_batch` / :func:`descend_batch` – many starts at once, vectorised,
  for basin maps, and :func:`cluster_minima` (in :mod:`core.descent_batch`, also
  importable from here).
* :func:`learning_rate_bound` and :func:`classify_run` (in :mod:`core.descent_analysis`,
  imported here): the stability limit 2/λ_max of plain GD, and "converges",
  "oscillates", "slow" or "diverges".

The chapter's rule (section 2.4–2.5) is Δθ = −η·∇f(θ); other optimisers come from
:mod:`core.optimizers`.

Stop rules, checked at every visited point θ_k (k = 0 is the start), in this order:

1. ``"undefined"``  – f(θ_k) is nan, or a component of ∇f(θ_k) is nan or ±inf (the
   point left the domain, e.g. log of a negative number); at the start also any
   non-finite coordinate or f(θ₀) = ±inf.
   ``"diverged"`` (k ≥ 1 only, checked first) – the run blew up: a coordinate is not
   finite, ‖θ_k‖ > 1e8 (``POINT_LIMIT``), f(θ_k) = ±inf, or
   |f(θ_k)| ≥ 1e12·(1 + |f(θ₀)|) (``VALUE_GROWTH``).
2. ``"gradient_tolerance"`` – ‖∇f(θ_k)‖ < grad_tol.
3. ``"value_tolerance"`` – k ≥ 1, value_tol given and |f(θ_k) − f(θ_{k−1})| < value_tol
   (the chapter's rule; it can stop early, at about (1.028, 1.983) for the chapter's
   example).
4. ``"max_steps"`` – k = max_steps.

The point that triggered a stop is the last point of the trajectory (so a diverged
trajectory ends with the point that blew up).  Numerical trouble never raises:
numpy warnings are suppressed and reported through the stop reason instead.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from core.descent_analysis import RunClass, classify_run, learning_rate_bound
from core.optimizers import Optimizer, make_optimizer

__all__ = [
    "STOP_REASONS",
    "POINT_LIMIT",
    "VALUE_GROWTH",
    "Trajectory",
    "RunClass",
    "descend",
    "learning_rate_bound",
    "classify_run",
]

#: Stop reasons; in a :class:`BatchResult` ``stop_reasons`` holds the index into this
#: tuple (0, "running", only in intermediate results of :func:`iter_descend_batch`).
STOP_REASONS: tuple[str, ...] = (
    "running",
    "gradient_tolerance",
    "value_tolerance",
    "max_steps",
    "diverged",
    "undefined",
)
_CODE = {name: i for i, name in enumerate(STOP_REASONS)}

POINT_LIMIT = 1e8  # ‖θ‖ beyond this: diverged
VALUE_GROWTH = 1e12  # |f| ≥ VALUE_GROWTH·(1 + |f(θ₀)|): diverged
_PSQ_LIMIT = POINT_LIMIT * POINT_LIMIT
_INF = math.inf


# --------------------------------------------------------------------------- helpers


def _resolve_optimizer(optimizer: Optimizer | str | None) -> Optimizer:
    if optimizer is None:
        return make_optimizer("gd")
    if isinstance(optimizer, str):
        return make_optimizer(optimizer)
    if isinstance(optimizer, Optimizer):
        return optimizer
    raise TypeError(f"optimizer must be an Optimizer or a name, got {type(optimizer).__name__}")


def _check_settings(max_steps: int, grad_tol: float, value_tol: float | None) -> None:
    if isinstance(max_steps, bool) or not isinstance(max_steps, (int, np.integer)) or max_steps < 0:
        raise ValueError(f"max_steps must be an integer >= 0, got {max_steps!r}")
    if not (grad_tol >= 0):
        raise ValueError(f"grad_tol must be >= 0, got {grad_tol!r}")
    if value_tol is not None and not (value_tol >= 0):
        raise ValueError(f"value_tol must be >= 0 or None, got {value_tol!r}")


def _sumsq(v: Sequence[float]) -> float:
    """Σ v_i², left to right (the same order as the batch code, for identical stops)."""
    s = v[0] * v[0]
    for x in v[1:]:
        s = s + x * x
    return s


def _sumsq_into(A: np.ndarray, out: np.ndarray, tmp: np.ndarray) -> np.ndarray:
    """:func:`_sumsq` over the rows of A (same operation order), into ``out``."""
    np.multiply(A[0], A[0], out=out)
    for row in A[1:]:
        out += np.multiply(row, row, out=tmp)
    return out


def _scalar_evaluator(objective: Any) -> Callable[..., tuple[float, tuple[float, ...]]]:
    """``vg(*coords) -> (f, grad tuple)`` on Python floats, never raising for numbers."""
    fast = getattr(objective, "value_and_gradient_scalar", None)

    def slow(*coords: float):
        p = np.array(coords, dtype=np.float64)
        with np.errstate(all="ignore"):
            try:
                f = float(np.asarray(objective.value_at(p)).reshape(()))
                g = np.asarray(objective.gradient_at(p), dtype=np.float64).reshape(-1)
            except (ArithmeticError, ValueError):
                return math.nan, (math.nan,) * len(coords)
        return f, tuple(g.tolist())

    if fast is None:
        return slow

    def guarded(*coords: float):
        try:
            return fast(*coords)
        except (ArithmeticError, ValueError):
            return slow(*coords)

    return guarded


def _fmt_point(p: Sequence[float]) -> str:
    return "(" + ", ".join(f"{float(c):.4g}" for c in p) + ")"


def _frozen(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


# --------------------------------------------------------------------------- Trajectory


@dataclass(frozen=True, eq=False)
class Trajectory:
    """One descent run.  All arrays are read-only.

    ``points`` (k+1, n), ``values`` (k+1,), ``gradients`` (k+1, n) at every visited
    point (index 0 is the start); ``steps`` (k, n) = points[1:] − points[:-1].
    ``stop_reason`` is a key of :data:`STOP_REASONS` (GUIs translate by it);
    ``message`` is an English explanation.
    """

    points: np.ndarray
    values: np.ndarray
    gradients: np.ndarray
    steps: np.ndarray
    stop_reason: str
    message: str
    optimizer: Optimizer
    max_steps: int
    grad_tol: float
    value_tol: float | None

    @property
    def n_steps(self) -> int:
        return len(self.points) - 1

    @property
    def start(self) -> np.ndarray:
        return self.points[0]

    @property
    def final_point(self) -> np.ndarray:
        return self.points[-1]

    @property
    def final_value(self) -> float:
        return float(self.values[-1])

    @property
    def gradient_norms(self) -> np.ndarray:
        with np.errstate(all="ignore"):
            return np.sqrt(np.sum(self.gradients * self.gradients, axis=1))

    @property
    def converged(self) -> bool:
        return self.stop_reason in ("gradient_tolerance", "value_tolerance")


def _bad_reason(
    k: int, p: Sequence[float], f: float, g: Sequence[float], fbig: float
) -> str | None:
    """Classify a point that failed the fast finiteness test (None: nothing wrong)."""
    if k == 0:
        if not all(math.isfinite(c) for c in p) or not math.isfinite(f):
            return "undefined"
    else:
        psq = _sumsq(p)
        if not (psq <= _PSQ_LIMIT):
            return "diverged"
        if math.isinf(f) or (math.isfinite(f) and not (-fbig < f < fbig)):
            return "diverged"
        if math.isnan(f):
            return "undefined"
    if not all(math.isfinite(c) for c in g):
        return "undefined"
    return None  # e.g. ‖∇f‖² overflowed although every component is finite


def _message(reason: str, k: int, p, f: float, g, prev_f: float | None,
             max_steps: int, grad_tol: float, value_tol: float | None) -> str:
    with np.errstate(all="ignore"):
        gn = math.hypot(*g) if all(not math.isnan(c) for c in g) else math.nan
    where = _fmt_point(p)
    if reason == "gradient_tolerance":
        return (f"Converged after {k} steps at {where}, f = {f:.6g}: the gradient norm "
                f"{gn:.3g} is below the tolerance {grad_tol:g}.")
    if reason == "value_tolerance":
        df = abs(f - prev_f) if prev_f is not None else math.nan
        return (f"Stopped after {k} steps at {where}, f = {f:.6g}: f changed by only {df:.3g} "
                f"(< {value_tol:g}) in the last step. The gradient norm is still {gn:.3g}, "
                f"so this may not be the exact minimum yet.")
    if reason == "max_steps":
        return (f"Stopped after the maximum of {max_steps} steps at {where}, f = {f:.6g}, "
                f"gradient norm {gn:.3g}: not converged yet.")
    if reason == "diverged":
        return (f"Diverged after {k} steps: the point or the value blew up (last point "
                f"{where}, f = {f:.3g}). Either the learning rate is too large, or f has "
                f"no minimum in this direction.")
    if k == 0:
        return (f"f or its gradient is undefined at the start point {where}: "
                f"choose another start.")
    return (f"After {k} steps the point {where} left the region where f and its gradient "
            f"are defined.")


# --------------------------------------------------------------------------- descend


def descend(
    objective: Any,
    optimizer: Optimizer | str | None,
    start: Sequence[float] | np.ndarray,
    max_steps: int = 10_000,
    grad_tol: float = 1e-6,
    value_tol: float | None = None,
) -> Trajectory:
    """Run ``optimizer`` (an Optimizer, a name, or None for gd with η = 0.1) on
    ``objective`` from ``start`` (shape (n,)) and record every point.

    See the module docstring for the stop rules.  Plain ``gd`` runs on Python floats
    (as fast as the chapter's hand-written loop); other optimisers call
    ``optimizer.step`` each step, so stepping back and replaying a trajectory with
    ``optimizer.init``/``step`` gives the same points bit for bit.
    """
    opt = _resolve_optimizer(optimizer)
    _check_settings(max_steps, grad_tol, value_tol)
    n = int(objective.n)
    p0 = np.asarray(start, dtype=np.float64)
    if p0.shape != (n,):
        raise ValueError(f"start must have shape ({n},), got {p0.shape}")
    vg = _scalar_evaluator(objective)
    h = opt.hyper
    gtol2 = float(grad_tol) * float(grad_tol) if grad_tol > 0 else -1.0
    vtol = None if value_tol is None else float(value_tol)

    p = tuple(p0.tolist())
    pts: list[float] = list(p)  # flat lists convert to arrays 4x faster than tuples
    vals: list[float] = []
    grads: list[float] = []

    fast_2d = False
    if opt.name == "gd":
        nlr = -h["lr"]
        wd = h["weight_decay"]
        sign = -1.0 if h["maximize"] else 1.0

        if wd == 0 and sign == 1.0:
            fast_2d = n == 2  # the loop below is inlined for this case

            def update(p, g):
                return tuple([pi + nlr * gi for pi, gi in zip(p, g, strict=True)])
        else:
            def update(p, g):
                # same operations as optimizers._sgd_step: g ← ±g; g ← g + λθ; θ ← θ − ηg
                out = []
                for pi, gi in zip(p, g, strict=True):
                    gi = -gi if sign < 0 else gi
                    if wd != 0:
                        gi = gi + wd * pi
                    out.append(pi + nlr * gi)
                return tuple(out)
    else:
        box = [p0.copy(), opt.init(p0)]
        step = opt.step
        asarray = np.asarray

        def update(p, g):
            new, box[1] = step(box[0], asarray(g, dtype=np.float64), box[1])
            box[0] = new
            return tuple(new.tolist())

    reason = None
    prev_f: float | None = None
    with np.errstate(all="ignore"):
        # start point
        f, g = vg(*p)
        vals.append(f)
        grads.extend(g)
        fbig = VALUE_GROWTH * (1.0 + abs(f)) if math.isfinite(f) else _INF
        gsq = _sumsq(g)
        k = 0
        reason = _bad_reason(0, p, f, g, fbig)
        if reason is None:
            if gsq < gtol2:
                reason = "gradient_tolerance"
            elif max_steps == 0:
                reason = "max_steps"
        if reason is None and fast_2d:
            # The chapter's case (plain gd, two variables) fully inlined: this loop is
            # benchmarked against the chapter's own pure-Python loop (bench/).
            x, y = p
            while True:
                prev_f = f
                g0, g1 = g
                x = x + nlr * g0
                y = y + nlr * g1
                k += 1
                f, g = vg(x, y)
                pts.append(x)
                pts.append(y)
                vals.append(f)
                grads.extend(g)
                g0, g1 = g
                gsq = g0 * g0 + g1 * g1
                if not (-fbig < f < fbig and gsq < _INF and x * x + y * y <= _PSQ_LIMIT):
                    reason = _bad_reason(k, (x, y), f, g, fbig)
                    if reason is not None:
                        break
                if gsq < gtol2:
                    reason = "gradient_tolerance"
                    break
                if vtol is not None and abs(f - prev_f) < vtol:
                    reason = "value_tolerance"
                    break
                if k >= max_steps:
                    reason = "max_steps"
                    break
            p = (x, y)
        elif reason is None:
            while True:
                prev_f = f
                p = update(p, g)
                k += 1
                f, g = vg(*p)
                pts.extend(p)
                vals.append(f)
                grads.extend(g)
                gsq = _sumsq(g)
                if not (-fbig < f < fbig and gsq < _INF and _sumsq(p) <= _PSQ_LIMIT):
                    reason = _bad_reason(k, p, f, g, fbig)
                    if reason is not None:
                        break
                if gsq < gtol2:
                    reason = "gradient_tolerance"
                    break
                if vtol is not None and abs(f - prev_f) < vtol:
                    reason = "value_tolerance"
                    break
                if k >= max_steps:
                    reason = "max_steps"
                    break

        points = np.array(pts, dtype=np.float64).reshape(-1, n)
        values = np.array(vals, dtype=np.float64)
        gradients = np.array(grads, dtype=np.float64).reshape(-1, n)
        steps = points[1:] - points[:-1]
        msg = _message(reason, k, p, f, g, prev_f, max_steps, grad_tol, value_tol)
    return Trajectory(
        points=_frozen(points),
        values=_frozen(values),
        gradients=_frozen(gradients),
        steps=_frozen(steps),
        stop_reason=reason,
        message=msg,
        optimizer=opt,
        max_steps=int(max_steps),
        grad_tol=float(grad_tol),
        value_tol=vtol,
    )


# the batch runs live in core/descent_batch.py (imported on first use, so that
# ``from core.descent import descend_batch`` keeps working without an import cycle)
_BATCH_NAMES = frozenset({"BatchResult", "iter_descend_batch", "descend_batch",
                          "cluster_minima"})


def __getattr__(name: str) -> Any:
    if name in _BATCH_NAMES:
        from core import descent_batch

        return getattr(descent_batch, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
