"""Small pure helpers for the Chain Rule Lab (numpy / sympy only, no Qt).

* :func:`expr_text` — readable one-line text for a sympy expression (the same
  style as ``Objective.function_text``: ``2(3x + 1)``, ``exp(1 − 2x)``).
* :func:`tangent_plane` — the linear approximation of z = f(x, y) at a point.
"""
from __future__ import annotations

import numpy as np
import sympy as sp

from core.expression_text import sympy_text

__all__ = ["expr_text", "tangent_plane"]


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
