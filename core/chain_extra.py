"""Small pure helpers for the Chain Rule Lab (numpy / sympy only, no Qt).

* :func:`expr_text` — readable one-line text for a sympy expression (the same
  style as ``Objective.function_text``: ``2(3x + 1)``, ``exp(1 − 2x)``).
* :func:`tangent_line`, :func:`tangent_plane` — the linear approximation of
  y = f(x) and z = f(x, y) at a point.
* :func:`linear_change` (chapter 1.2) and :func:`gradient_step` (chapter 1.4) — the
  true change of a function over a step against its first-order approximation.
* :func:`height_range` — a plotting range with a finite, non-zero span.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import sympy as sp

from core.expression_printer import sympy_text

__all__ = ["expr_text", "tangent_line", "tangent_plane", "LinearChange", "linear_change",
           "GradientStep", "gradient_step", "height_range"]


def expr_text(e: sp.Basic) -> str:
    """Readable math for a sympy expression; never raises."""
    try:
        return sympy_text(e)
    except Exception:
        pass
    try:  # e.g. an integer beyond Python's 4300-digit str() limit
        return str(e).replace("**", "^").replace("*", "·")
    except Exception:
        return "…"


def tangent_plane(z0: float, gx: float, gy: float, x0: float, y0: float,
                  X: np.ndarray, Y: np.ndarray) -> np.ndarray:
    """z0 + gx·(X − x0) + gy·(Y − y0)."""
    return z0 + gx * (np.asarray(X) - x0) + gy * (np.asarray(Y) - y0)


def tangent_line(x0: float, y0: float, slope: float, xs: np.ndarray) -> np.ndarray:
    """y0 + slope·(xs − x0): the tangent line of y = f(x) at (x0, y0)."""
    return y0 + slope * (np.asarray(xs, dtype=float) - x0)


@dataclass(frozen=True)
class LinearChange:
    """f(x + Δx) − f(x) against f′(x)·Δx (chapter 1.2).  ``relative`` is
    |error / true| (nan when the true change is 0)."""

    dx: float
    true: float
    approx: float
    error: float
    relative: float


def linear_change(y0: float, y1: float, slope: float, dx: float) -> LinearChange:
    """The change from y0 = f(x) to y1 = f(x + Δx) and its approximation slope·Δx."""
    true = y1 - y0
    approx = slope * dx
    err = true - approx
    rel = abs(err / true) if true else math.nan
    return LinearChange(dx=dx, true=true, approx=approx, error=err, relative=rel)


@dataclass(frozen=True)
class GradientStep:
    """z = f(x, y) over the step (Δx, Δy): the true change z1 − z0 against
    ∇z·Δx = gx·Δx + gy·Δy (chapter 1.4)."""

    z0: float
    z1: float
    gx: float
    gy: float
    true: float
    approx: float


def gradient_step(value: Callable[[float, float], float],
                  gradient: Callable[[float, float], tuple[float, float]],
                  x: float, y: float, dx: float, dy: float) -> GradientStep:
    """``value(x, y)`` and ``gradient(x, y)`` (∂z/∂x, ∂z/∂y) give the step's numbers."""
    z0 = float(value(x, y))
    gx, gy = (float(g) for g in gradient(x, y))
    z1 = float(value(x + dx, y + dy))
    return GradientStep(z0=z0, z1=z1, gx=gx, gy=gy, true=z1 - z0, approx=gx * dx + gy * dy)


def height_range(lo: float, hi: float) -> tuple[float, float]:
    """A height range lo < hi with a finite span hi − lo, around the given one.

    A flat surface (lo == hi) gets a span relative to its size: z = 1e16 has
    1e16 ± 1 == 1e16 in floating point, which would divide by zero."""
    lo = lo if math.isfinite(lo) else -1e300
    hi = hi if math.isfinite(hi) else 1e300
    lo, hi = max(lo, -1e300), min(hi, 1e300)  # hi − lo stays finite
    if hi > lo and hi - lo > 1e-12 * max(abs(lo), abs(hi)):
        return lo, hi
    mid = lo / 2 + hi / 2
    half = max(1.0, abs(mid) * 1e-6)
    return mid - half, mid + half
