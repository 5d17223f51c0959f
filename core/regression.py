"""Least squares (最小二乘法) for the Least Squares Lab — chapter section 3.

Three things live here:

* :func:`fit_polynomial` — a numerically careful least-squares polynomial fit of
  degree 0..10 returning a :class:`PolynomialFit`.  Degree 1 is the chapter's
  ``y = k·x + b``.  Under-determined inputs (chapter 3.5: you need more points
  than parameters) never raise; they are reported through ``status`` /
  ``message`` and a minimum-norm solution is still returned so a GUI can draw it.
* :class:`SufficientStats` — the six sums n, Σx, Σy, Σx², Σxy, Σy² that fully
  determine the degree-1 cost surface C(k, b), evaluated on whole grids without
  touching the points again.
* :func:`cost_function` — the sum of squared errors as a function of the model
  parameters, exposing the same duck-typed objective interface as
  ``core.descent`` (``value``/``gradient``/``value_at``/``gradient_at``/
  ``hessian_at``/``variables``/``n``) so gradient descent can run on it.

Cost convention: C(θ) = Σ (y_i − model(x_i))², *without* the ½ the textbook puts
in front.  The ½ only scales the cost and its gradient by a constant factor (and so
rescales the useful learning rates by 2); the minimiser is the same.

Only numpy and the standard library are used (no Qt).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from numbers import Integral
from typing import Any

import numpy as np

__all__ = [
    "MAX_DEGREE",
    "STATUSES",
    "PolynomialFit",
    "fit_polynomial",
    "SufficientStats",
    "parameter_window",
    "PolynomialCost",
    "cost_function",
    "model_name",
    "parameter_names",
]

MAX_DEGREE = 10
STATUSES = ("ok", "exact", "underdetermined", "empty")

_MODEL_NAMES = {0: "constant", 1: "line", 2: "parabola", 3: "cubic", 4: "quartic"}


def model_name(degree: int) -> str:
    """English name of the polynomial model of ``degree`` ("line", "parabola", …)."""
    return _MODEL_NAMES.get(degree, f"degree-{degree} polynomial")


def parameter_names(degree: int) -> tuple[str, ...]:
    """Parameter names, highest power first: ("b",), ("k", "b"), ("a2", "a1", "a0")…"""
    degree = _check_degree(degree)
    if degree == 0:
        return ("b",)
    if degree == 1:
        return ("k", "b")
    return tuple(f"a{j}" for j in range(degree, -1, -1))


# --------------------------------------------------------------------------- helpers


def _check_degree(degree: Any) -> int:
    if isinstance(degree, bool) or not isinstance(degree, Integral):
        raise TypeError(f"degree must be an integer, got {degree!r}")
    degree = int(degree)
    if not 0 <= degree <= MAX_DEGREE:
        raise ValueError(f"degree must be between 0 and {MAX_DEGREE}, got {degree}")
    return degree


def _as_points(x: Any, y: Any) -> tuple[np.ndarray, np.ndarray]:
    """Validate and copy the data as 1-D float64 arrays of equal length."""
    try:
        xa = np.array(x, dtype=np.float64).reshape(-1) if np.ndim(x) <= 1 else None
        ya = np.array(y, dtype=np.float64).reshape(-1) if np.ndim(y) <= 1 else None
    except (TypeError, ValueError) as exc:
        raise ValueError(f"x and y must be sequences of numbers: {exc}") from None
    if xa is None or ya is None:
        raise ValueError("x and y must be one-dimensional")
    if xa.shape != ya.shape:
        raise ValueError(
            f"x and y must have the same length, got {xa.size} and {ya.size}"
        )
    for name, arr in (("x", xa), ("y", ya)):
        bad = ~np.isfinite(arr)
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            raise ValueError(
                f"{name} contains a non-finite value ({arr[i]!r}) at index {i}; "
                "only finite numbers can be fitted"
            )
    xa.setflags(write=False)
    ya.setflags(write=False)
    return xa, ya


# Data beyond 2**±_UNIT_EXP in size are divided by a power of two (a "unit") before
# any sum of squares or products is formed, and the results multiplied back: that
# is exact (every rounding is the same), so ±1e300 data fit like ±1 data and a
# result is ±inf only where its true value is beyond the float range.
_UNIT_EXP = 200


def _unit(a: np.ndarray, always: bool = False) -> float:
    """A power of two u with max|a|/u in [1, 2) — or 1.0 when ``a`` is empty, zero,
    not finite, or (unless ``always``) already of a safe size."""
    if a.size == 0:
        return 1.0
    m = float(np.max(np.abs(a)))
    if m == 0.0 or not math.isfinite(m):
        return 1.0
    e = math.frexp(m)[1]  # 2**(e-1) <= m < 2**e
    if not always and -_UNIT_EXP <= e <= _UNIT_EXP:
        return 1.0
    return math.ldexp(1.0, e - 1)


def _fsum(a: np.ndarray) -> float:
    """Exactly rounded sum like math.fsum, but an overflowing sum gives ±inf (and
    +inf together with −inf gives nan) instead of raising."""
    try:
        return math.fsum(a.tolist())
    except OverflowError:  # a partial sum left the float range
        u = _unit(a, always=True)
        with np.errstate(all="ignore"):
            scaled = a / u
        try:
            return math.fsum(scaled.tolist()) * u
        except (OverflowError, ValueError):
            return math.nan
    except ValueError:  # inf − inf
        return math.nan


def _sum_squares(a: np.ndarray) -> float:
    """Σ a², never raising: ±inf when the true sum is beyond the float range."""
    u = _unit(a)
    with np.errstate(all="ignore"):
        s = a / u if u != 1.0 else a
        return _fsum(s * s) * u * u


def _fsum_mean(a: np.ndarray) -> float:
    """The mean (finite for finite data, even when their sum overflows)."""
    if not a.size:
        return 0.0
    try:
        return math.fsum(a.tolist()) / a.size
    except (OverflowError, ValueError):
        u = _unit(a, always=True)
        with np.errstate(all="ignore"):
            return _fsum(a / u) / a.size * u


def _shift_scale(a: np.ndarray) -> tuple[float, float]:
    """Centre (mean) and scale (max |a − mean|, or 1 when all values are equal)."""
    if a.size == 0:
        return 0.0, 1.0
    centre = _fsum_mean(a)
    spread = float(np.max(np.abs(a - centre)))
    return centre, (spread if spread > 0.0 else 1.0)


def _compose_to_raw(c_asc: np.ndarray, shift: float, scale: float) -> np.ndarray:
    """Coefficients (ascending) of p((x − shift)/scale) as a polynomial in x.

    Horner's scheme on polynomials: p(z) = c0 + z(c1 + z(c2 + …)), z = αx + β.
    Returns ascending coefficients in x.
    """
    alpha, beta = 1.0 / scale, -shift / scale
    out = np.array([c_asc[-1]], dtype=np.float64)
    for c in c_asc[-2::-1]:
        # out(x) * (alpha x + beta) + c
        nxt = np.zeros(out.size + 1)
        nxt[1:] += alpha * out
        nxt[:-1] += beta * out
        nxt[0] += c
        out = nxt
    return out


def _eval_centred(
    x: np.ndarray, c_asc: np.ndarray, x_shift: float, x_scale: float, y_shift: float, y_scale: float
) -> np.ndarray:
    """ŷ = y_shift + y_scale·Σ c_j z^j with z = (x − x_shift)/x_scale (Horner)."""
    z = (x - x_shift) / x_scale
    acc = np.zeros_like(z)
    for c in c_asc[::-1]:
        acc = acc * z + c
    return y_shift + y_scale * acc


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# ---------------------------------------------------------------------- the fit


@dataclass(frozen=True, eq=False)
class PolynomialFit:
    """Result of :func:`fit_polynomial`.  Immutable; arrays are read-only.

    ``status`` is a machine key in :data:`STATUSES`:

    * ``"ok"`` — more distinct x values than needed; a unique best fit.
    * ``"exact"`` — exactly as many points as parameters (all x distinct): the
      curve passes through every point, zero error, nothing was really "fitted".
    * ``"underdetermined"`` — fewer distinct x values than parameters: infinitely
      many curves share the minimal error; the minimum-norm one (in centred,
      scaled coordinates — for a line through one point, the horizontal line) is
      returned so something can still be drawn.
    * ``"empty"`` — no points; coefficients are all zero.

    ``message`` is an English explanation ("" when status is "ok");
    ``message_args`` carries the numbers so a GUI can build a translated text.
    """

    degree: int
    coefficients: np.ndarray  # highest power first, like numpy.polyfit
    x: np.ndarray
    y: np.ndarray
    status: str
    n_distinct_x: int
    residuals: np.ndarray = field(repr=False)  # y − ŷ
    # centred representation used for evaluation: ŷ = y_shift + y_scale·Σ c_j z^j,
    # z = (x − x_shift)/x_scale, c ascending.  Stable even when x ≈ 2000..2020.
    _x_shift: float = field(repr=False)
    _x_scale: float = field(repr=False)
    _y_shift: float = field(repr=False)
    _y_scale: float = field(repr=False)
    _c_scaled: np.ndarray = field(repr=False)
    # power-of-two units the data were divided by first (1.0 for everyday sizes):
    # the centred representation above is in these units
    _x_unit: float = field(default=1.0, repr=False)
    _y_unit: float = field(default=1.0, repr=False)

    # -- construction helpers ---------------------------------------------------
    @property
    def n_points(self) -> int:
        return int(self.x.size)

    @property
    def n_params(self) -> int:
        return self.degree + 1

    @property
    def determined(self) -> bool:
        """True when the data determine a unique best fit (status ok or exact)."""
        return self.status in ("ok", "exact")

    @property
    def exact(self) -> bool:
        """True when n_points == n_params and the fit interpolates every point."""
        return self.status == "exact"

    @property
    def model_name(self) -> str:
        return model_name(self.degree)

    @property
    def variables(self) -> tuple[str, ...]:
        return parameter_names(self.degree)

    # -- degree-1 conveniences ------------------------------------------------------
    def _need_line(self, what: str) -> None:
        if self.degree != 1:
            raise ValueError(f"{what} is defined only for degree 1 (got degree {self.degree})")

    @property
    def k(self) -> float:
        """Slope of y = kx + b (degree 1 only)."""
        self._need_line("k")
        return float(self.coefficients[0])

    @property
    def b(self) -> float:
        """Intercept of y = kx + b (degree 1 only)."""
        self._need_line("b")
        return float(self.coefficients[1])

    # -- evaluation -----------------------------------------------------------------
    def predict(self, x: Any) -> np.ndarray | float:
        """ŷ at ``x`` (scalar in → float out), evaluated in centred coordinates."""
        xu, yu = self._x_unit, self._y_unit
        with np.errstate(all="ignore"):
            xa = np.asarray(x, dtype=np.float64)
            out = _eval_centred(
                xa / xu if xu != 1.0 else xa,
                self._c_scaled,
                self._x_shift,
                self._x_scale,
                self._y_shift,
                self._y_scale,
            )
            if yu != 1.0:
                out = out * yu
        return float(out) if out.ndim == 0 else out

    __call__ = predict

    # -- quality --------------------------------------------------------------------
    @property
    def sse(self) -> float:
        """Sum of squared errors Σ (y − ŷ)² — the chapter's cost C without ½."""
        return _sum_squares(self.residuals)

    @property
    def mse(self) -> float:
        """Mean squared error SSE / n (nan when there are no points)."""
        return self.sse / self.n_points if self.n_points else math.nan

    @property
    def sst(self) -> float:
        """Total sum of squares Σ (y − ȳ)²."""
        if not self.n_points:
            return 0.0
        u = self._y_unit
        y = self.y / u if u != 1.0 else self.y
        return _sum_squares(y - _fsum_mean(y)) * u * u

    @property
    def r2(self) -> float:
        """Coefficient of determination 1 − SSE/SST (nan when all y are equal or no data)."""
        if self.n_points == 0:
            return math.nan
        # a ratio: in the fit's units both sums stay finite for huge data
        u = self._y_unit
        y = self.y / u if u != 1.0 else self.y
        sst = _sum_squares(y - _fsum_mean(y))
        if sst == 0.0:
            return math.nan
        return 1.0 - _sum_squares(self.residuals / u) / sst

    @property
    def r(self) -> float | None:
        """Pearson correlation of x and y for degree 1 (nan if undefined), else None."""
        if self.degree != 1:
            return None
        if self.n_points < 2:
            return math.nan
        # r does not depend on the units: work in the fit's (sums stay finite)
        x = self.x / self._x_unit
        y = self.y / self._y_unit
        dx = x - _fsum_mean(x)
        dy = y - _fsum_mean(y)
        sxx = _fsum(dx * dx)
        syy = _fsum(dy * dy)
        if sxx == 0.0 or syy == 0.0:
            return math.nan
        sxy = _fsum(dx * dy)
        return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))

    # -- messages -------------------------------------------------------------------
    @property
    def message_args(self) -> dict[str, Any]:
        """Numbers for building a translated message from ``status``."""
        return {
            "status": self.status,
            "n_points": self.n_points,
            "n_distinct_x": self.n_distinct_x,
            "n_params": self.n_params,
            "degree": self.degree,
            "model": self.model_name,
            "zero_error": self.n_points == self.n_distinct_x,
        }

    @property
    def message(self) -> str:
        """English explanation of ``status`` ("" when the fit is ok)."""
        n, d, p = self.n_points, self.n_distinct_x, self.n_params
        model = self.model_name
        params = _plural(p, "parameter")
        if self.status == "ok":
            return ""
        if self.status == "empty":
            return (
                f"No data points: a {model} has {params} and needs more than "
                f"{_plural(p, 'point')} to be determined (chapter 3.5)"
            )
        if self.status == "exact":
            if n == 1:
                through = "passes through the point exactly"
            elif n == 2:
                through = "passes through both points exactly"
            else:
                through = "passes through every point exactly"
            return (
                f"{_plural(n, 'point')} and {params}: the {model} {through} "
                f"(zero error) — you need more points than parameters (chapter 3.5)"
            )
        # underdetermined
        if n == d:  # all x distinct, just too few of them
            if n == 1:
                return (
                    f"1 point cannot determine a {model} ({params}): every {model} "
                    f"through it has zero error"
                )
            return (
                f"{_plural(n, 'point')} cannot determine a {model} ({params}): "
                f"infinitely many {model}s pass through them all with zero error"
            )
        return (
            f"{_plural(n, 'point')} with only {_plural(d, 'distinct x value')} cannot "
            f"determine a {model} ({params}): infinitely many {model}s share the same "
            f"smallest error; showing the simplest one"
        )


def fit_polynomial(x: Any, y: Any, degree: int = 1) -> PolynomialFit:
    """Least-squares polynomial fit of ``degree`` (0..10) to the points (x, y).

    Degree 1 uses the closed form from centred sums, k = Sxy/Sxx, b = ȳ − k·x̄.
    Higher degrees centre and scale x (to [−1, 1]) and y, solve with an SVD-based
    least-squares solver on the Vandermonde matrix of the scaled x (never the
    normal equations on raw data), and convert the coefficients back.

    Raises ValueError for nan/inf or mismatched input, TypeError/ValueError for a
    bad degree.  Too few points never raise: see :class:`PolynomialFit`.
    """
    degree = _check_degree(degree)
    xa, ya = _as_points(x, y)
    xu, yu = _unit(xa), _unit(ya)
    if xu != 1.0 or yu != 1.0:
        return _fit_in_units(xa, ya, degree, xu, yu)
    n, p = xa.size, degree + 1
    n_distinct = int(np.unique(xa).size)

    if n == 0:
        status = "empty"
    elif n_distinct < p:
        status = "underdetermined"
    elif n == p:
        status = "exact"
    else:
        status = "ok"

    if n == 0:
        c_scaled = np.zeros(p)
        x_shift, x_scale, y_shift, y_scale = 0.0, 1.0, 0.0, 1.0
    elif degree == 1:
        x_shift = _fsum_mean(xa)
        y_shift = _fsum_mean(ya)
        dx = xa - x_shift
        dy = ya - y_shift
        sxx = _fsum(dx * dx)
        sxy = _fsum(dx * dy)
        k = sxy / sxx if sxx > 0.0 else 0.0  # one distinct x: horizontal line
        x_scale, y_scale = 1.0, 1.0
        c_scaled = np.array([0.0, k])
    else:
        x_shift, x_scale = _shift_scale(xa)
        y_shift, y_scale = _shift_scale(ya)
        z = (xa - x_shift) / x_scale
        w = (ya - y_shift) / y_scale
        # Underdetermined: of the infinitely many best fits, show the simplest,
        # the one of lowest degree (n_distinct − 1), with the higher powers zero.
        p_eff = min(p, n_distinct) if status == "underdetermined" else p
        vander = np.vander(z, p_eff, increasing=True)
        c_eff, *_ = np.linalg.lstsq(vander, w, rcond=None)
        c_scaled = np.zeros(p)
        c_scaled[:p_eff] = c_eff

    c_scaled = np.asarray(c_scaled, dtype=np.float64)
    raw_asc = _compose_to_raw(c_scaled, x_shift, x_scale) * y_scale
    raw_asc[0] += y_shift
    coefficients = raw_asc[::-1].copy()
    if degree == 1 and n:
        # b = ȳ − k·x̄ directly (identical, but say it the textbook way)
        coefficients = np.array([c_scaled[1], y_shift - c_scaled[1] * x_shift])

    if n:
        residuals = ya - _eval_centred(xa, c_scaled, x_shift, x_scale, y_shift, y_scale)
    else:
        residuals = np.zeros(0)
    for arr in (coefficients, c_scaled, residuals):
        arr.setflags(write=False)
    return PolynomialFit(
        degree=degree,
        coefficients=coefficients,
        x=xa,
        y=ya,
        status=status,
        n_distinct_x=n_distinct,
        residuals=residuals,
        _x_shift=float(x_shift),
        _x_scale=float(x_scale),
        _y_shift=float(y_shift),
        _y_scale=float(y_scale),
        _c_scaled=c_scaled,
    )


def _fit_in_units(xa: np.ndarray, ya: np.ndarray, degree: int, xu: float,
                  yu: float) -> PolynomialFit:
    """The fit of (xa/xu, ya/yu) — everyday sizes — carried back to the data's units.

    Coefficients and residuals are multiplied back (±inf only where the true value
    is beyond the float range); evaluation and sums stay in the scaled units."""
    f = fit_polynomial(xa / xu, ya / yu, degree)
    ex, ey = math.frexp(xu)[1] - 1, math.frexp(yu)[1] - 1
    # y = yu·Σ a'_j (x/xu)^j: a_j = a'_j · 2**(ey − j·ex), highest power first
    powers = np.arange(degree, -1, -1)
    with np.errstate(all="ignore"):
        coefficients = np.ldexp(np.asarray(f.coefficients), ey - powers * ex)
        residuals = np.asarray(f.residuals) * yu
    for arr in (coefficients, residuals):
        arr.setflags(write=False)
    return PolynomialFit(
        degree=f.degree,
        coefficients=coefficients,
        x=xa,
        y=ya,
        status=f.status,
        n_distinct_x=f.n_distinct_x,
        residuals=residuals,
        _x_shift=f._x_shift,
        _x_scale=f._x_scale,
        _y_shift=f._y_shift,
        _y_scale=f._y_scale,
        _c_scaled=f._c_scaled,
        _x_unit=xu,
        _y_unit=yu,
    )


# ------------------------------------------------------------ sufficient statistics


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


# ------------------------------------------------------------------ cost function


class PolynomialCost:
    """C(θ) = Σ (y_i − Σ_j θ_j u_i^(p−1−j))² as an objective for gradient descent.

    θ is ordered highest power first (``variables`` gives the names).  ``u`` is x,
    or z = (x − mean)/std when ``standardize`` is true (use :meth:`to_raw`).

    C is the quadratic form θᵀAθ − 2gᵀθ + c with A = XᵀX; it is evaluated as
    C(θ) = C_min + (θ − θ*)ᵀA(θ − θ*), which is exact for any least-squares θ* and
    avoids the cancellation of the expanded form near the minimum.  All point
    sums are done once at construction, so evaluation cost is independent of the
    number of points.  No ½ in front (the textbook has one; it only halves the
    gradient).
    """

    def __init__(self, x: Any, y: Any, degree: int = 1, standardize: bool = False):
        degree = _check_degree(degree)
        xa, ya = _as_points(x, y)
        self.degree = degree
        self.standardize = bool(standardize)
        self.x, self.y = xa, ya
        if self.standardize and xa.size:
            # in power-of-two units (exact): ±1e300 data standardise like ±1 data
            xu = _unit(xa)
            xs = xa / xu if xu != 1.0 else xa
            mean = _fsum_mean(xs)
            std = float(np.sqrt(np.mean((xs - mean) ** 2)))
            std = std if std > 0.0 else 1.0
            u = (xs - mean) / std
            with np.errstate(over="ignore"):
                self.x_mean, self.x_std = mean * xu, std * xu
        else:
            self.x_mean, self.x_std = 0.0, 1.0
            u = xa
        self._u = u
        self.fit = fit_polynomial(u, ya, degree)
        p = degree + 1
        vander = np.vander(u, p)  # highest power first
        with np.errstate(all="ignore"):  # raw x of ±1e200: A overflows to inf, no error
            a = vander.T @ vander if xa.size else np.zeros((p, p))
            self._a = 0.5 * (a + a.T)
        self._a.setflags(write=False)
        self._theta_star = np.array(self.fit.coefficients, dtype=np.float64)
        self._theta_star.setflags(write=False)
        self._c_min = self.fit.sse
        self._a_list = self._a.tolist()
        self._theta_list = self._theta_star.tolist()
        self._hessian = 2.0 * self._a
        self._hessian.setflags(write=False)
        # with standardize the same names refer to the coefficients over z
        self.variables = parameter_names(degree)

    # interface shared with core.descent objectives -------------------------------
    @property
    def n(self) -> int:
        """Number of variables (parameters), p = degree + 1."""
        return self.degree + 1

    @property
    def n_points(self) -> int:
        return int(self.x.size)

    @property
    def minimizer(self) -> np.ndarray:
        """A least-squares θ* (the minimum-norm one if under-determined)."""
        return self._theta_star

    @property
    def min_value(self) -> float:
        return self._c_min

    @property
    def quadratic_form(self) -> tuple[np.ndarray, np.ndarray, float]:
        """(A, g, c) with C(θ) = θᵀAθ − 2gᵀθ + c (A = XᵀX, g = Xᵀy, c = yᵀy)."""
        vander = np.vander(self._u, self.n)
        with np.errstate(all="ignore"):
            return self._a.copy(), vander.T @ self.y, float(self.y @ self.y)

    def _params(self, params: Any) -> np.ndarray:
        th = np.asarray(params, dtype=np.float64)
        if th.ndim == 0 or th.shape[-1] != self.n:
            raise ValueError(f"params must have shape (..., {self.n}), got {th.shape}")
        return th

    def value_at(self, params: Any) -> np.ndarray | float:
        """C at params of shape (..., p) → shape (...)."""
        d = self._params(params) - self._theta_star
        out = self._c_min + np.einsum("...i,ij,...j->...", d, self._a, d)
        return float(out) if np.ndim(out) == 0 else out

    def gradient_at(self, params: Any) -> np.ndarray:
        """∇C at params of shape (..., p) → shape (..., p); ∇C = 2A(θ − θ*)."""
        d = self._params(params) - self._theta_star
        return 2.0 * (d @ self._a)

    def hessian_at(self, params: Any = None) -> np.ndarray:
        """The constant Hessian 2·XᵀX, shape (p, p)."""
        return self._hessian.copy()

    def condition_number(self) -> float:
        """λmax/λmin of the (constant) Hessian: the bowl's elongation (∞ if singular)."""
        ev = np.linalg.eigvalsh(self.hessian_at())
        return float(ev[-1] / ev[0]) if ev[0] > 1e-300 else math.inf

    def value_and_gradient_scalar(self, *coords: float) -> tuple[float, tuple[float, ...]]:
        """(C, ∇C) at one point given as Python floats — the fast path used by
        ``core.descent.descend``; pure Python, no numpy overhead."""
        p = self.n
        if len(coords) != p:
            raise TypeError(f"expected {p} coordinates {self.variables}, got {len(coords)}")
        d = [float(c) - t for c, t in zip(coords, self._theta_list, strict=False)]
        ad = [sum(row[j] * d[j] for j in range(p)) for row in self._a_list]
        value = self._c_min + sum(di * adi for di, adi in zip(d, ad, strict=False))
        return value, tuple(2.0 * v for v in ad)

    def value(self, *coords: Any) -> np.ndarray | float:
        """C(θ_0, θ_1, …) with one broadcastable array per variable."""
        return self.value_at(self._stack(coords))

    def gradient(self, *coords: Any) -> np.ndarray:
        """∇C with shape (p, *broadcast shape)."""
        return np.moveaxis(self.gradient_at(self._stack(coords)), -1, 0)

    def _stack(self, coords: tuple[Any, ...]) -> np.ndarray:
        if len(coords) != self.n:
            raise TypeError(f"expected {self.n} coordinates {self.variables}, got {len(coords)}")
        arrays = np.broadcast_arrays(*(np.asarray(c, dtype=np.float64) for c in coords))
        return np.stack(arrays, axis=-1)

    def direct_value_at(self, params: Any) -> np.ndarray:
        """C by the literal per-point sum (slow, O(n·batch); a reference for tests)."""
        th = self._params(params)
        u = self._u
        vander = np.vander(u, self.n)
        res = self.y - th @ vander.T  # (..., n)
        return np.sum(res * res, axis=-1)

    # coordinate conversion -------------------------------------------------------
    def to_raw(self, params: Any) -> np.ndarray:
        """Raw-x coefficients (highest power first) of the model given by ``params``.

        Identity when ``standardize`` is false.  Works on a batch (..., p).
        """
        th = self._params(params)
        if not self.standardize:
            return th.copy()
        # ascending coefficients in z, composed with z = (x − mean)/std
        asc = th[..., ::-1]
        p = self.n
        # matrix M with raw_asc = asc @ M, M[j] = ascending coeffs of z^j in x
        m = np.zeros((p, p))
        for j in range(p):
            e = np.zeros(p)
            e[j] = 1.0
            m[j] = _compose_to_raw(e, self.x_mean, self.x_std)[:p]
        return (asc @ m)[..., ::-1]

    def from_raw(self, coefficients: Any) -> np.ndarray:
        """Inverse of :meth:`to_raw`: raw-x coefficients → parameters of this cost."""
        th = self._params(coefficients)
        if not self.standardize:
            return th.copy()
        asc = th[..., ::-1]
        p = self.n
        # x = std·z + mean; M[j] = ascending coeffs of x^j in z
        m = np.zeros((p, p))
        for j in range(p):
            e = np.zeros(p)
            e[j] = 1.0
            m[j] = _compose_to_raw(e, -self.x_mean / self.x_std, 1.0 / self.x_std)[:p]
        return (asc @ m)[..., ::-1]

    def __repr__(self) -> str:
        return (
            f"PolynomialCost(degree={self.degree}, n_points={self.n_points}, "
            f"standardize={self.standardize})"
        )


def cost_function(x: Any, y: Any, degree: int = 1, standardize: bool = False) -> PolynomialCost:
    """The least-squares cost over the model parameters, ready for gradient descent."""
    return PolynomialCost(x, y, degree, standardize)
