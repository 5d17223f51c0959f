"""Small pure helpers for the Chain Rule Lab (numpy / sympy only, no Qt).

* :func:`expr_text` — readable one-line text for a sympy expression (the same
  style as ``Objective.function_text``: ``2(3x + 1)``, ``exp(1 − 2x)``).
* :func:`central_difference` / :func:`partial_differences` — independent
  finite-difference references for the derivatives the lab displays.
* :func:`tangent_plane` — the linear approximation of z = f(x, y) at a point.
"""
from __future__ import annotations

import math
from typing import Callable, Mapping

import numpy as np
import sympy as sp

from core.expression_text import sympy_text

__all__ = ["expr_text", "central_difference", "partial_differences", "tangent_plane"]


def expr_text(e: sp.Basic) -> str:
    """Readable math for a sympy expression; never raises."""
    try:
        return sympy_text(e)
    except Exception:  # pragma: no cover - printing must never fail
        return str(e).replace("**", "^").replace("*", "·")


def central_difference(f: Callable[[float], float], x: float, h: float = 1e-6) -> float:
    """(f(x + h) − f(x − h)) / 2h."""
    return (float(f(x + h)) - float(f(x - h))) / (2.0 * h)


def partial_differences(f: Callable[..., float], point: Mapping[str, float],
                        h: float = 1e-6) -> dict[str, float]:
    """Central differences of f(**point) with respect to every coordinate."""
    out = {}
    for name, v in point.items():
        hi = dict(point, **{name: v + h})
        lo = dict(point, **{name: v - h})
        out[name] = (float(f(**hi)) - float(f(**lo))) / (2.0 * h)
    return out


def tangent_plane(z0: float, gx: float, gy: float, x0: float, y0: float,
                  X: np.ndarray, Y: np.ndarray) -> np.ndarray:
    """z0 + gx·(X − x0) + gy·(Y − y0)."""
    return z0 + gx * (np.asarray(X) - x0) + gy * (np.asarray(Y) - y0)


def is_finite(*values: float) -> bool:
    return all(isinstance(v, (int, float)) and math.isfinite(v) for v in values)
