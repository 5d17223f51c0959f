"""Gradient descent runs: one trajectory, a batch of starts, and what to make of them.

* :func:`descend` – one run from one start, every point recorded (a :class:`Trajectory`).
* :func:`iter_descend_batch` / :func:`descend_batch` – many starts at once, vectorised,
  for basin maps; the iterator form yields after every ``chunk`` steps so a GUI timer
  can advance it a little at a time.
* :func:`cluster_minima` – group end points by the minimum they reached.
* :func:`learning_rate_bound` – 2/λ_max of the Hessian (stability limit of plain GD).
* :func:`classify_run` – "converges", "oscillates", "slow" or "diverges", with a reason.

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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeVar

import numpy as np

from core.optimizers import Optimizer, make_optimizer

__all__ = [
    "STOP_REASONS",
    "POINT_LIMIT",
    "VALUE_GROWTH",
    "Trajectory",
    "BatchResult",
    "RunClass",
    "descend",
    "descend_batch",
    "iter_descend_batch",
    "cluster_minima",
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
_State = TypeVar("_State", bound=tuple)

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


# --------------------------------------------------------------------------- batch


@dataclass(frozen=True, eq=False)
class BatchResult:
    """Where every start of a batch ended (or is, while ``done`` is False).

    ``final_points`` (m, n), ``final_values`` (m,), ``n_steps`` (m,) int,
    ``stop_reasons`` (m,) int8 codes into :data:`STOP_REASONS` (0 = still running).
    Unfinished starts report their current point, value and step count.
    """

    starts: np.ndarray
    final_points: np.ndarray
    final_values: np.ndarray
    n_steps: np.ndarray
    stop_reasons: np.ndarray
    steps_done: int
    done: bool
    optimizer: Optimizer

    @property
    def stop_reason_names(self) -> np.ndarray:
        return np.asarray(STOP_REASONS, dtype=object)[self.stop_reasons]

    @property
    def finished(self) -> np.ndarray:
        return self.stop_reasons != 0

    @property
    def n_running(self) -> int:
        return int(np.count_nonzero(self.stop_reasons == 0))


def _classify_columns(k, P, F, G, gsq, fbig, fprev, gtol2, vtol, max_steps) -> np.ndarray:
    """Stop codes for some columns (vectorised form of the rules used by descend)."""
    code = np.zeros(P.shape[1], dtype=np.int8)
    g_finite = np.isfinite(G).all(axis=0)
    if k == 0:
        undefined = ~(np.isfinite(P).all(axis=0) & np.isfinite(F) & g_finite)
        code[undefined] = _CODE["undefined"]
    else:
        diverged = (~(_sumsq(P) <= _PSQ_LIMIT) | np.isinf(F)
                    | (np.isfinite(F) & ~(np.abs(F) < fbig)))
        undefined = ~diverged & (np.isnan(F) | ~g_finite)
        code[undefined] = _CODE["undefined"]
        code[diverged] = _CODE["diverged"]
    code[(code == 0) & (gsq < gtol2)] = _CODE["gradient_tolerance"]
    if vtol is not None and k > 0:
        code[(code == 0) & (np.abs(F - fprev) < vtol)] = _CODE["value_tolerance"]
    if k >= max_steps:
        code[code == 0] = _CODE["max_steps"]
    return code


def _take_state(state: _State, keep: np.ndarray) -> _State:
    return type(state)(*[x[:, keep] if isinstance(x, np.ndarray) else x for x in state])


def iter_descend_batch(
    objective: Any,
    optimizer: Optimizer | str | None,
    starts: Any,
    max_steps: int = 500,
    grad_tol: float = 1e-6,
    value_tol: float | None = None,
    chunk: int = 50,
) -> Iterator[BatchResult]:
    """Descend from every row of ``starts`` (m, n) at once, yielding a snapshot
    :class:`BatchResult` after every ``chunk`` steps and a final one with
    ``done=True``.  Same stop rules (and, for polynomial f, the same numbers) as
    :func:`descend` run start by start; finished starts are frozen and no longer
    evaluated.  Work happens only while the iterator is advanced.
    """
    opt = _resolve_optimizer(optimizer)
    _check_settings(max_steps, grad_tol, value_tol)
    if isinstance(chunk, bool) or not isinstance(chunk, (int, np.integer)) or chunk < 1:
        raise ValueError(f"chunk must be an integer >= 1, got {chunk!r}")
    n = int(objective.n)
    S = np.array(starts, dtype=np.float64)
    if S.ndim != 2 or S.shape[1] != n:
        raise ValueError(f"starts must have shape (m, {n}), got {S.shape}")
    m = S.shape[0]
    _frozen(S)
    out_p = S.copy()
    out_f = np.full(m, np.nan)
    out_k = np.zeros(m, dtype=np.int64)
    out_r = np.zeros(m, dtype=np.int8)

    def snapshot(k: int, done: bool, idx=None, P=None, F=None) -> BatchResult:
        fp, ff, fk = out_p.copy(), out_f.copy(), out_k.copy()
        if idx is not None and len(idx):
            fp[idx] = P.T
            ff[idx] = F
            fk[idx] = k
        return BatchResult(S, _frozen(fp), _frozen(ff), _frozen(fk), _frozen(out_r.copy()),
                           k, done, opt)

    if m == 0:
        yield snapshot(0, True)
        return

    gtol2 = float(grad_tol) * float(grad_tol) if grad_tol > 0 else -1.0
    vtol = None if value_tol is None else float(value_tol)
    idx = np.arange(m)  # start index of each column still carried
    live = np.ones(m, dtype=bool)  # columns not finished yet (finished ones are
    n_live = m  # dropped lazily, when they are 20 % of the columns)
    P = np.ascontiguousarray(S.T)  # (n, a): one contiguous row per coordinate
    state = opt.init(P)
    fbig = np.empty(0)  # set at step 0
    fprev: np.ndarray | None = None
    buf = np.empty((4, 0))
    bbuf = np.empty((2, 0), dtype=bool)
    k = 0
    with np.errstate(all="ignore"):
        while True:
            F = np.asarray(objective.value(*P), dtype=np.float64).reshape(P.shape[1])
            G = np.asarray(objective.gradient(*P), dtype=np.float64).reshape(P.shape)
            a = P.shape[1]
            if buf.shape[1] != a:
                buf = np.empty((4, a))
                bbuf = np.empty((2, a), dtype=bool)
            gsq = _sumsq_into(G, buf[0], buf[1])
            if k == 0:
                fbig = np.where(np.isfinite(F), VALUE_GROWTH * (1.0 + np.abs(F)), np.inf)
                stop = np.ones(m, dtype=bool)  # classify everything once
            else:
                # cheap test that is False for every kind of trouble (nan fails it too);
                # written with out= buffers: this loop is memory-bound
                stop, t = bbuf[0], bbuf[1]
                np.less(np.abs(F, out=buf[2]), fbig, out=stop)
                stop &= np.less(gsq, _INF, out=t)
                stop &= np.less_equal(_sumsq_into(P, buf[2], buf[3]), _PSQ_LIMIT, out=t)
                np.logical_not(stop, out=stop)
                stop |= np.less(gsq, gtol2, out=t)
                if vtol is not None and fprev is not None:
                    stop |= np.abs(F - fprev) < vtol
                if k >= max_steps:
                    stop[:] = True
                if n_live < len(live):
                    stop &= live
            if stop.any():
                j = np.flatnonzero(stop)
                code = _classify_columns(k, P[:, j], F[j], G[:, j], gsq[j], fbig[j],
                                         None if fprev is None else fprev[j],
                                         gtol2, vtol, max_steps)
                fin = code != 0
                if fin.any():
                    jf = j[fin]
                    out = idx[jf]
                    out_p[out] = P[:, jf].T
                    out_f[out] = F[jf]
                    out_k[out] = k
                    out_r[out] = code[fin]
                    live[jf] = False
                    n_live -= len(jf)
                    if n_live == 0:
                        break
                    if n_live < 0.8 * len(live):
                        keep = live
                        idx, P, G, F, fbig = idx[keep], P[:, keep], G[:, keep], F[keep], fbig[keep]
                        state = _take_state(state, keep)
                        live = np.ones(n_live, dtype=bool)
            if k > 0 and k % chunk == 0:
                yield snapshot(k, False, idx[live], P[:, live], F[live])
            fprev = F
            P, state = opt.step(P, G, state)
            k += 1
    yield snapshot(k, True)


def descend_batch(
    objective: Any,
    optimizer: Optimizer | str | None,
    starts: Any,
    max_steps: int = 500,
    grad_tol: float = 1e-6,
    value_tol: float | None = None,
) -> BatchResult:
    """Vectorised :func:`descend` from every row of ``starts`` (m, n); see
    :func:`iter_descend_batch` for the incremental form."""
    for result in iter_descend_batch(objective, optimizer, starts, max_steps, grad_tol,
                                     value_tol, chunk=max_steps + 1):
        if result.done:
            return result
    raise AssertionError("the last snapshot is done")  # pragma: no cover


# --------------------------------------------------------------------------- analysis


def cluster_minima(
    final_points: Any,
    tol: float = 1e-3,
    stop_reasons: Any = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Group end points that reached the same minimum.

    Returns ``(labels, minima)``: ``labels`` (m,) int, −1 for points that are not
    finite or whose stop reason (codes or names, optional) is "diverged",
    "undefined" or "running"; ``minima`` (k, n) the mean end point of each group.
    Grouping is single-linkage on a grid of cell size ``tol``: points closer than
    ``tol`` (in every coordinate) always share a label, and chains of neighbouring
    cells merge (so a valley of minima becomes one group).  Labels are ordered by
    group size (0 = the largest basin), ties by position.
    """
    P = np.asarray(final_points, dtype=np.float64)
    if P.ndim != 2:
        raise ValueError(f"final_points must have shape (m, n), got {P.shape}")
    if not (tol > 0):
        raise ValueError(f"tol must be > 0, got {tol!r}")
    m, n = P.shape
    labels = np.full(m, -1, dtype=np.int64)
    with np.errstate(all="ignore"):
        ok = np.isfinite(P).all(axis=1)
        if stop_reasons is not None:
            r = np.asarray(stop_reasons)
            if r.dtype.kind in "iu":
                r = np.asarray(STOP_REASONS, dtype=object)[r]
            ok &= ~np.isin(r.astype(str), ["diverged", "undefined", "running"])
        cells = np.floor(P[ok] / tol)
    if len(cells) == 0:
        return labels, np.zeros((0, n))
    ucells, inverse = np.unique(cells, axis=0, return_inverse=True)
    inverse = inverse.reshape(-1)
    lookup = {tuple(c): i for i, c in enumerate(ucells.tolist())}
    parent = list(range(len(ucells)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    offsets = [o for o in np.ndindex(*(3,) * n) if any(x != 1 for x in o)]
    offsets = [tuple(x - 1 for x in o) for o in offsets]
    for i, c in enumerate(ucells.tolist()):
        for o in offsets:
            j = lookup.get(tuple(a + b for a, b in zip(c, o, strict=True)))
            if j is not None and j > i:
                ri, rj = find(i), find(j)
                if ri != rj:
                    parent[max(ri, rj)] = min(ri, rj)
    roots = np.array([find(i) for i in range(len(ucells))])
    _, group_of_cell = np.unique(roots, return_inverse=True)
    group = group_of_cell.reshape(-1)[inverse]
    k = int(group.max()) + 1
    counts = np.bincount(group, minlength=k)
    sums = np.zeros((k, n))
    np.add.at(sums, group, P[ok])
    means = sums / counts[:, None]
    order = np.lexsort(tuple(means[:, d] for d in reversed(range(n))) + (-counts,))
    rank = np.empty(k, dtype=np.int64)
    rank[order] = np.arange(k)
    labels[ok] = rank[group]
    return labels, means[order]


def learning_rate_bound(objective: Any, point: Any) -> float:
    """Largest stable learning rate of plain gradient descent near ``point``: 2/λ_max,
    λ_max the largest eigenvalue of the Hessian there (0.14590 for the chapter's f,
    λ = 7 ± √45).  In the quadratic model around ``point`` GD converges for
    η < 2/λ_max and diverges above.  Returns ``inf`` if λ_max ≤ 0 (no upward
    curvature: no step size makes the iteration oscillate out) and ``nan`` if the
    Hessian is not finite there.
    """
    with np.errstate(all="ignore"):
        try:
            H = np.asarray(objective.hessian_at(np.asarray(point, dtype=np.float64)),
                           dtype=np.float64)
        except (ArithmeticError, ValueError):
            return math.nan
        if H.ndim != 2 or not np.isfinite(H).all():
            return math.nan
        lam_max = float(np.linalg.eigvalsh((H + H.T) / 2)[-1])
    if lam_max <= 0:
        return math.inf
    return 2.0 / lam_max


class RunClass(NamedTuple):
    """``kind`` is "converges", "oscillates", "slow" or "diverges"; ``explanation``
    is English (GUIs translate by ``kind``)."""

    kind: str
    explanation: str


SLOW_STEPS = 1000  # a run that needs more steps than this is "slow"
REVERSAL_COS = -0.5  # consecutive steps with cosine below this reverse direction
OSC_FRACTION = 0.2  # oscillates if ≥ this share of step pairs reverse …
OSC_MIN_REVERSALS = 3  # … and at least this many do


def classify_run(trajectory: Trajectory) -> RunClass:
    """Describe a run the way the chapter's section 2.6 does.

    * "diverges" – stop reason "diverged" or "undefined", or f ended higher than it
      started;
    * "oscillates" – the point keeps jumping over the valley: consecutive steps point
      in opposing directions (cosine < −0.5) for at least 20 % of the step pairs (and
      at least 3 of them).  η = 0.14 on the chapter's f: 111 of 277 → oscillates;
      η = 0.1 zig-zags only in its first ~5 of ~400 steps → converges;
    * "slow" – hit max_steps while f was still decreasing (or not converged), or
      needed more than 1000 steps;
    * "converges" – otherwise.
    """
    t = trajectory
    k = t.n_steps
    v = t.values
    if t.stop_reason == "diverged":
        if k >= 1 and v[-1] < v[0]:
            return RunClass("diverges", f"f fell without bound in {k} steps: it has no "
                                        f"minimum in the direction the point went.")
        return RunClass("diverges", f"The run diverged after {k} steps: each step overshoots "
                                    f"more than the last. Use a smaller learning rate.")
    if t.stop_reason == "undefined":
        return RunClass("diverges", "The run could not continue: f or its gradient is "
                                    "undefined at the last point.")
    with np.errstate(all="ignore"):
        if k >= 1 and np.isfinite(v[0]) and v[-1] > v[0] + 1e-12 * (1 + abs(v[0])):
            return RunClass("diverges", f"f grew from {v[0]:.4g} to {v[-1]:.4g} in {k} steps: "
                                        f"the learning rate is too large.")
        s = t.steps
        n_pairs = 0
        n_rev = 0
        if k >= 2:
            a, b = s[:-1], s[1:]
            na = np.sqrt(np.sum(a * a, axis=1))
            nb = np.sqrt(np.sum(b * b, axis=1))
            valid = (na > 0) & (nb > 0)
            cos = np.sum(a * b, axis=1)[valid] / (na[valid] * nb[valid])
            n_pairs = int(valid.sum())
            n_rev = int(np.count_nonzero(cos < REVERSAL_COS))
    if n_rev >= OSC_MIN_REVERSALS and n_rev >= OSC_FRACTION * n_pairs:
        return RunClass("oscillates", f"The point jumps back and forth across the valley: "
                                      f"{n_rev} of {n_pairs} consecutive steps reverse "
                                      f"direction. The learning rate is near its upper limit.")
    if t.stop_reason == "max_steps":
        return RunClass("slow", f"Not converged after {k} steps (f is still "
                                f"{'decreasing' if k and v[-1] < v[max(0, k - 10)] else 'changing'}"
                                f"). The learning rate may be too small.")
    if k > SLOW_STEPS:
        return RunClass("slow", f"Converged, but it took {k} steps. A larger learning rate "
                                f"would get there faster.")
    return RunClass("converges", f"Converged smoothly in {k} steps.")
