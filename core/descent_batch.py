"""Many gradient descent runs at once, vectorised (basin maps), and the grouping of
their end points by the minimum they reached.

* :func:`iter_descend_batch` / :func:`descend_batch` – every start at once; the
  iterator form yields after every ``chunk`` steps so a GUI timer can advance it a
  little at a time.  The stop rules are those of :func:`core.descent.descend`.
* :func:`cluster_minima` – group end points by the minimum they reached.

Also importable from :mod:`core.descent`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np

from core.descent import (
    _CODE,
    _INF,
    _PSQ_LIMIT,
    STOP_REASONS,
    VALUE_GROWTH,
    _check_settings,
    _frozen,
    _resolve_optimizer,
    _sumsq,
    _sumsq_into,
)
from core.optimizers import Optimizer

__all__ = ["BatchResult", "iter_descend_batch", "descend_batch", "cluster_minima"]

_State = TypeVar("_State", bound=tuple)


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
