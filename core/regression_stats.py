"""Least squares, the sums: :class:`SufficientStats` — n, Σx, Σy, Σx², Σxy, Σy², which
fully determine the degree-1 cost surface C(k, b) and are evaluated on whole grids
without touching the points again — and :func:`parameter_window`, the (k, b) window
to draw that surface in.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from core.regression_numeric import _as_points, _fsum, _fsum_mean, _unit


@dataclass(frozen=True)
class SufficientStats:
    """The six sums that determine the degree-1 cost C(k, b) completely.

    Stored internally as n, the means x̄, ȳ and the *centred* sums
    Sxx = Σ(x − x̄)², Sxy = Σ(x − x̄)(y − ȳ), Syy = Σ(y − ȳ)², because then

        C(k, b) = Syy − 2k·Sxy + k²·Sxx + n·(ȳ − k·x̄ − b)²

    has no catastrophic cancellation near the minimum.  The raw sums of the
    chapter's expansion C = Σy² − 2kΣxy − 2bΣy + k²Σx² + 2kbΣx + n·b² are
    available as properties (``sum_x``, ``sum_y``, ``sum_xx``, ``sum_xy``, ``sum_yy``).
    """

    n: int
    mean_x: float
    mean_y: float
    sxx: float
    sxy: float
    syy: float

    @classmethod
    def from_points(cls, x: Any, y: Any) -> SufficientStats:
        xa, ya = _as_points(x, y)
        if xa.size == 0:
            return cls(0, 0.0, 0.0, 0.0, 0.0, 0.0)
        # in power-of-two units (exact); a sum beyond the float range becomes ±inf
        xu, yu = _unit(xa), _unit(ya)
        xs = xa / xu if xu != 1.0 else xa
        ys = ya / yu if yu != 1.0 else ya
        mx, my = _fsum_mean(xs), _fsum_mean(ys)
        dx, dy = xs - mx, ys - my
        return cls(
            int(xa.size),
            mx * xu,
            my * yu,
            _fsum(dx * dx) * xu * xu,
            _fsum(dx * dy) * xu * yu,
            _fsum(dy * dy) * yu * yu,
        )

    # raw sums ----------------------------------------------------------------------
    @property
    def sum_x(self) -> float:
        return self.n * self.mean_x

    @property
    def sum_y(self) -> float:
        return self.n * self.mean_y

    @property
    def sum_xx(self) -> float:
        return self.sxx + self.n * self.mean_x * self.mean_x

    @property
    def sum_xy(self) -> float:
        return self.sxy + self.n * self.mean_x * self.mean_y

    @property
    def sum_yy(self) -> float:
        return self.syy + self.n * self.mean_y * self.mean_y

    # incremental updates (Welford) -----------------------------------------------
    def added(self, x: float, y: float) -> SufficientStats:
        """Statistics with the point (x, y) added.  O(1)."""
        x, y = float(x), float(y)
        if not (math.isfinite(x) and math.isfinite(y)):
            raise ValueError("point coordinates must be finite")
        n = self.n + 1
        dx, dy = x - self.mean_x, y - self.mean_y
        mx = self.mean_x + dx / n
        my = self.mean_y + dy / n
        return SufficientStats(
            n,
            mx,
            my,
            self.sxx + dx * (x - mx),
            self.sxy + dx * (y - my),
            self.syy + dy * (y - my),
        )

    def removed(self, x: float, y: float) -> SufficientStats:
        """Statistics with the point (x, y) — which must be one of the points — removed."""
        x, y = float(x), float(y)
        if self.n == 0:
            raise ValueError("cannot remove a point from empty statistics")
        if self.n == 1:
            return SufficientStats(0, 0.0, 0.0, 0.0, 0.0, 0.0)
        n = self.n - 1
        mx = (self.n * self.mean_x - x) / n
        my = (self.n * self.mean_y - y) / n
        dx, dy = x - mx, y - my
        return SufficientStats(
            n,
            mx,
            my,
            max(0.0, self.sxx - dx * (x - self.mean_x)),
            self.sxy - dx * (y - self.mean_y),
            max(0.0, self.syy - dy * (y - self.mean_y)),
        )

    def moved(self, old: tuple[float, float], new: tuple[float, float]) -> SufficientStats:
        """Statistics after one point moved from ``old`` = (x, y) to ``new``.  O(1).

        Rounding errors accumulate slowly over very many moves; recompute with
        :meth:`from_points` when a drag ends.
        """
        return self.removed(*old).added(*new)

    # the fit and the cost ------------------------------------------------------------
    def best_fit(self) -> tuple[float, float]:
        """(k, b) minimising C; the horizontal line through ȳ if all x are equal."""
        k = self.sxy / self.sxx if self.sxx > 0.0 else 0.0
        return k, self.mean_y - k * self.mean_x

    def min_cost(self) -> float:
        """min C = Syy − Sxy²/Sxx (Syy when all x are equal)."""
        if self.sxx > 0.0:
            return max(0.0, self.syy - self.sxy * self.sxy / self.sxx)
        return self.syy

    def r_squared(self) -> float:
        """R² = 1 − min C / Syy of the best line (nan when all y are equal or no data)."""
        return 1.0 - self.min_cost() / self.syy if self.syy > 0.0 else math.nan

    def correlation(self) -> float:
        """Pearson's r = Sxy / √(Sxx·Syy) in [−1, 1] (nan when undefined)."""
        if not (self.sxx > 0.0 and self.syy > 0.0):
            return math.nan
        r = self.sxy / math.sqrt(self.sxx * self.syy)
        return r if math.isnan(r) else max(-1.0, min(1.0, r))

    def spreads(self) -> tuple[float, float]:
        """Population standard deviations (σx, σy); 1.0 where there is no spread."""
        sx = math.sqrt(self.sxx / self.n) if self.n and self.sxx > 0.0 else 1.0
        sy = math.sqrt(self.syy / self.n) if self.n and self.syy > 0.0 else 1.0
        return sx, sy

    def standardized(self) -> tuple[SufficientStats, float, float]:
        """(stats of (z, y), x̄, σ) with z = (x − x̄)/σ, σ the population standard
        deviation of x (1.0 when all x are equal), as :func:`cost_function` scales."""
        if self.n == 0:
            return self, 0.0, 1.0
        sigma = self.spreads()[0]
        return SufficientStats(self.n, 0.0, self.mean_y, self.sxx / sigma ** 2,
                               self.sxy / sigma, self.syy), self.mean_x, sigma

    def cost(self, k: Any, b: Any) -> np.ndarray | float:
        """C(k, b) = Σ (y_i − (k·x_i + b))², broadcasting k and b element-wise."""
        k = np.asarray(k, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        r = self.mean_y - k * self.mean_x - b
        out = self.syy - 2.0 * k * self.sxy + k * k * self.sxx + self.n * r * r
        return float(out) if out.ndim == 0 else out

    def cost_grid(self, k_values: Any, b_values: Any) -> np.ndarray:
        """C on the grid of 1-D axes: result[i, j] = C(k_values[i], b_values[j]).

        Shape (len(k_values), len(b_values)) — axis 0 is k, the horizontal axis
        in pyqtgraph's default image orientation.  No loop over points.
        """
        k = np.asarray(k_values, dtype=np.float64)
        b = np.asarray(b_values, dtype=np.float64)
        if k.ndim != 1 or b.ndim != 1:
            raise ValueError("cost_grid takes 1-D k and b axes; use cost() to broadcast")
        k_col = k[:, None]
        quad = self.syy - 2.0 * k_col * self.sxy + k_col * k_col * self.sxx
        r = (self.mean_y - k_col * self.mean_x) - b[None, :]
        return quad + self.n * (r * r)

    def gradient(self, k: Any, b: Any) -> np.ndarray:
        """(∂C/∂k, ∂C/∂b) stacked on axis 0, broadcasting k and b."""
        k = np.asarray(k, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        r = self.mean_y - k * self.mean_x - b  # mean residual
        dk = -2.0 * self.sxy + 2.0 * k * self.sxx - 2.0 * self.n * self.mean_x * r
        db = -2.0 * self.n * r
        dk, db = np.broadcast_arrays(dk, db)
        return np.stack([dk, db])


def parameter_window(stats: SufficientStats, spread: float = 2.0, k_floor: float = 0.5,
                     b_floor: float = 1.0) -> tuple[tuple[float, float], tuple[float, float]]:
    """The ranges ((k0, k1), (b0, b1)) of a view of C(k, b) around the best line
    (k*, b*): half-widths Δk = max(spread·|k*|, spread·σy/σx, k_floor) and
    Δb = max(Δk·(|x̄| + σx), spread·σy, b_floor), so the view holds the lines that
    pass through the cloud of points with slopes up to ``spread`` times its own."""
    k, b = stats.best_fit()
    sx, sy = stats.spreads()
    dk = max(spread * abs(k), spread * sy / sx, k_floor)
    db = max(dk * (abs(stats.mean_x) + sx), spread * sy, b_floor)
    return (k - dk, k + dk), (b - db, b + db)
