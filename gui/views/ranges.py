"""View ranges pyqtgraph accepts, from any data.

``ViewBox.setRange`` raises ("Cannot set range [-inf, inf]") when an end is not
finite, and also when a finite range is so large that its own arithmetic
overflows (a range of ±1.7e308 has an infinite width). Every range derived from
data goes through :func:`safe_range` first.
"""
from __future__ import annotations

import math

import numpy as np

#: the largest coordinate a view shows: widths and midpoints stay finite
LIMIT = 1e300


def safe_range(lo, hi, default: tuple[float, float] = (0.0, 1.0)) -> tuple[float, float]:
    """(lo, hi) made drawable: finite, inside ±LIMIT, lo < hi, and wide enough
    to hold many floating-point steps (a zero-width range gets a width relative
    to its size: 1e16 ± 1 is 1e16)."""
    try:
        lo, hi = float(lo), float(hi)
    except (TypeError, ValueError, OverflowError):
        return default
    if math.isnan(lo) or math.isnan(hi):
        return default
    lo = min(max(lo, -LIMIT), LIMIT)
    hi = min(max(hi, -LIMIT), LIMIT)
    if hi < lo:
        lo, hi = hi, lo
    if hi - lo > 1e-9 * max(abs(lo), abs(hi)) and hi - lo > 1e-200:
        return lo, hi
    mid = lo / 2 + hi / 2
    half = abs(mid) * 1e-6 if mid else 0.5
    half = max(half, 1e-200)
    return max(mid - half, -LIMIT), min(mid + half, LIMIT)


def padded_range(lo, hi, fraction: float, default: tuple[float, float] = (0.0, 1.0)
                 ) -> tuple[float, float]:
    """safe_range of (lo, hi) widened by ``fraction`` of its width on each side."""
    lo, hi = safe_range(lo, hi, default)
    pad = (hi - lo) * fraction
    return safe_range(lo - pad, hi + pad, default)


def drawable_axis(a) -> bool:
    """A grid axis a view can show: 1-D, finite, increasing, within ±LIMIT."""
    a = np.asarray(a, dtype=float)
    return (a.ndim == 1 and a.size >= 2 and bool(np.isfinite(a).all())
            and bool(a[-1] > a[0]) and max(abs(float(a[0])), abs(float(a[-1]))) <= LIMIT)
