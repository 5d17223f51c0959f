"""What to make of a gradient descent run (Qt-free).

* :func:`learning_rate_bound` – 2/λ_max of the Hessian (stability limit of plain GD).
* :func:`classify_run` – "converges", "oscillates", "slow" or "diverges", with a reason.

Also importable from :mod:`core.descent`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from core.descent import Trajectory

__all__ = ["learning_rate_bound", "RunClass", "classify_run", "SLOW_STEPS"]


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
