"""What the Regression Lab computes from its state: not saved, not settings.

:class:`RegressionResults` keeps the points as numpy arrays, their sufficient
statistics, the least-squares fit (computed when first asked for) and the gradient
descent run with its cost function.  Qt-free; the maths is ``core/``'s.

View state, also kept here and documented as such (never saved):

* ``moving`` — the index of the point being dragged.  While a point is dragged its
  new place is in ``x``/``y`` and the statistics only (an O(1) update, see
  :meth:`move_live`); the state gets it when the drag ends, in one undo entry.
* ``cursor`` — the step of the descent run that is shown.
"""
from __future__ import annotations

import math

import numpy as np

from core.descent import Trajectory, descend
from core.optimizers import make_optimizer
from core.regression import (
    PolynomialCost,
    PolynomialFit,
    SufficientStats,
    cost_function,
    fit_polynomial,
)
from gui.labs.regression.state import RegressionState

EMPTY_STATS = SufficientStats(0, 0.0, 0.0, 0.0, 0.0, 0.0)


class RegressionResults:
    def __init__(self) -> None:
        self.x = np.zeros(0)
        self.y = np.zeros(0)
        self.stats = EMPTY_STATS
        self.degree = 1
        self._fit: PolynomialFit | None = None
        self.moving: int | None = None      # view state: the point being dragged
        self.trajectory: Trajectory | None = None
        self.cost: PolynomialCost | None = None
        self.cursor = 0                     # view state: the descent step shown

    @property
    def n(self) -> int:
        return int(self.x.size)

    # ------------------------------------------------------------------ from the state
    def take_points(self, state: RegressionState) -> None:
        """The points of ``state`` (a new set, an edit, the end of a drag): exact sums."""
        self.x = np.array(state.x, dtype=np.float64)
        self.y = np.array(state.y, dtype=np.float64)
        self.stats = SufficientStats.from_points(self.x, self.y)
        self.moving = None
        self._fit = None
        self.clear_descent()

    def take_degree(self, state: RegressionState) -> None:
        if state.degree != self.degree:
            self.degree = state.degree
            self._fit = None
            self.clear_descent()

    def fit(self) -> PolynomialFit:
        if self._fit is None:
            self._fit = fit_polynomial(self.x, self.y, self.degree)
        return self._fit

    # ------------------------------------------------------------------ a drag
    def move_live(self, i: int, x: float, y: float) -> None:
        """A live drag step: O(1) update of the statistics, no refit from scratch."""
        old = (float(self.x[i]), float(self.y[i]))
        self.x[i] = x
        self.y[i] = y
        self.moving = i
        if self.stats.n:
            self.stats = self.stats.moved(old, (x, y))
        self._fit = None
        self.clear_descent()

    def live_line(self) -> tuple[float, float, float, float, float]:
        """(k, b, SSE, R², r) of the best line from the statistics (O(1))."""
        s = self.stats
        k, b = s.best_fit()
        return k, b, s.min_cost(), s.r_squared(), s.correlation()

    # ------------------------------------------------------------------ the descent
    def clear_descent(self) -> None:
        self.trajectory = None
        self.cost = None
        self.cursor = 0

    def descent_cost(self, state: RegressionState) -> PolynomialCost:
        if self.cost is None:
            self.cost = cost_function(self.x, self.y, self.degree, state.descent.standardize)
        return self.cost

    def run(self, state: RegressionState) -> Trajectory:
        """The descent run of ``state``'s settings (computed once)."""
        if self.trajectory is None:
            d = state.descent
            cost = self.descent_cost(state)
            start = np.array(d.start, dtype=np.float64) if self.degree == 1 \
                else np.zeros(cost.n)
            self.trajectory = descend(cost, make_optimizer(d.optimizer, lr=float(d.lr)), start,
                                      max_steps=int(d.max_steps),
                                      grad_tol=1e-6 * max(1.0, math.sqrt(max(self.n, 1))))
            self.cursor = 0
        return self.trajectory

    def parameters(self) -> np.ndarray | None:
        """Raw-x coefficients of the step shown (None before a run)."""
        if self.trajectory is None or self.cost is None:
            return None
        return self.cost.to_raw(self.trajectory.points[self.cursor])
