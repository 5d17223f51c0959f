"""Least squares, the shared numerics: degrees and parameter names, checked point
arrays, exact sums (math.fsum) and power-of-two units that keep huge or tiny data
finite.  Used by core.regression_fit, core.regression_stats and core.regression_cost.
"""

from __future__ import annotations

import math
from numbers import Integral
from typing import Any

import numpy as np

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
