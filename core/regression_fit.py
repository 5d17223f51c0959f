"""Least squares (最小二乘法), the fit: :func:`fit_polynomial`, a numerically careful
least-squares polynomial fit of degree 0..10 returning a :class:`PolynomialFit`.
Degree 1 is the chapter's ``y = k·x + b``.  Under-determined inputs (chapter 3.5: you
need more points than parameters) never raise; they are reported through ``status``
and a minimum-norm solution is still returned so a GUI can draw it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from core.regression_numeric import (
    _as_points,
    _check_degree,
    _compose_to_raw,
    _eval_centred,
    _fsum,
    _fsum_mean,
    _plural,
    _shift_scale,
    _sum_squares,
    _unit,
    model_name,
    parameter_names,
)


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
