"""What the Descent Lab draws of a function, computed Qt-free: f on a grid, a
one-variable curve, its tangent, contour lines (marching squares), the grid of
basin-map starts, and the drawing helpers of the 3D view (bilinear height, Lambert
shading by finite differences).

* :func:`grid_values` – f on an n × n grid of two variables (``Z[i, j] = f(xs[i], ys[j])``).
* :func:`curve_values` – f of one variable on ``n`` points; undefined values are nan.
* :func:`curve_view_range` – the y range that shows such a curve (98th percentile).
* :func:`tangent_segment` – the tangent line f(x₀) + f′(x₀)·(x − x₀) around x₀.
* :func:`grid_points` – the n × n start points of a basin map, one row per point.
* :func:`contour_levels` – the levels at which contour lines are drawn.
* :func:`contour_segments` – every iso-line of Z at those levels, as segment pairs.
* :func:`bilinear` – Z between its grid points (drawing only).
* :func:`lambert_shading` – a fixed light on the surface z(x, y) (per vertex).
"""
from __future__ import annotations

from typing import Any

import numpy as np

__all__ = [
    "grid_values",
    "curve_values",
    "curve_view_range",
    "tangent_segment",
    "grid_points",
    "contour_levels",
    "contour_segments",
    "bilinear",
    "lambert_shading",
    "N_LEVELS",
    "CURVE_POINTS",
]

N_LEVELS = 16        # contour lines per plot
CURVE_POINTS = 600   # samples of a one-variable curve


def grid_values(objective: Any, x_range: tuple[float, float], y_range: tuple[float, float],
                n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(xs, ys, Z) with ``n`` points per axis and ``Z[i, j] = f(xs[i], ys[j])``
    (``objective.value(X, Y)`` evaluates f on arrays)."""
    xs = np.linspace(float(x_range[0]), float(x_range[1]), int(n))
    ys = np.linspace(float(y_range[0]), float(y_range[1]), int(n))
    X, Y = np.meshgrid(xs, ys, indexing="ij")
    Z = np.asarray(objective.value(X, Y), dtype=float)
    if Z.shape != X.shape:  # a constant part evaluates to a scalar
        Z = np.broadcast_to(Z, X.shape).astype(float)
    return xs, ys, Z


def curve_values(objective: Any, lo: float, hi: float, n: int = CURVE_POINTS
                 ) -> tuple[np.ndarray, np.ndarray]:
    """(xs, f(xs)) of a function of one variable; nan where f is not finite."""
    xs = np.linspace(float(lo), float(hi), int(n))
    ys = np.asarray(objective.value(xs), dtype=float)
    if ys.shape != xs.shape:
        ys = np.broadcast_to(ys, xs.shape).astype(float)
    with np.errstate(all="ignore"):
        ys = np.where(np.isfinite(ys), ys, np.nan)
    return xs, ys


def curve_view_range(ys: np.ndarray) -> tuple[float, float] | None:
    """The y range that shows a curve: from its minimum to its 98th percentile, padded
    by 8 % of that span on each side (0.08 for a flat curve); None when no value is
    finite.  Never overflows (x¹⁹⁹ reaches ±1.7e308: b − a is beyond the float
    range, so the span is computed as b/2 − a/2)."""
    ys = np.asarray(ys, dtype=float)
    finite = ys[np.isfinite(ys)]
    if not finite.size:
        return None
    a, b = float(finite.min()), float(np.percentile(finite, 98))
    pad = 0.16 * (b / 2 - a / 2) or 0.08
    return a - pad, b + pad


def tangent_segment(x0: float, f0: float, slope: float, half_width: float
                    ) -> tuple[np.ndarray, np.ndarray] | None:
    """The two end points (x, y) of the tangent y = f0 + slope·(x − x0) on
    [x0 − half_width, x0 + half_width]; None when it is not finite."""
    if not np.isfinite([x0, f0, slope, half_width]).all():
        return None
    dx = np.array([-half_width, half_width], dtype=float)
    with np.errstate(all="ignore"):
        ty = f0 + slope * dx
    if not np.isfinite(ty).all():
        return None
    return x0 + dx, ty


def grid_points(x_range: tuple[float, float], y_range: tuple[float, float], n: int
                ) -> np.ndarray:
    """The n × n points of a grid as an (n², 2) array; point ``i·n + j`` is
    (xs[i], ys[j]), so a result per point reshapes to (n, n) like :func:`grid_values`."""
    xs = np.linspace(float(x_range[0]), float(x_range[1]), int(n))
    ys = np.linspace(float(y_range[0]), float(y_range[1]), int(n))
    X, Y = np.meshgrid(xs, ys, indexing="ij")
    return np.column_stack([X.ravel(), Y.ravel()])


def contour_levels(Z: np.ndarray, lo: float, hi: float, log_color: bool,
                   n: int = N_LEVELS) -> np.ndarray:
    """Increasing, distinct levels for the contour lines of Z.  Linear colour: at
    quantiles of the finite values (denser near the minimum); log colour: spaced
    geometrically above ``lo`` up to ``hi``.  Empty when no value is finite."""
    Z = np.asarray(Z, dtype=float)
    finite = Z[np.isfinite(Z)]
    if not finite.size:
        return np.zeros(0)
    if log_color:
        span = hi - lo
        eps = max(span * 1e-4, 1e-12)
        levels = lo + np.geomspace(eps * 10, span, n)
    else:
        levels = np.quantile(finite, np.linspace(0.02, 0.97, n) ** 1.6)
    return np.unique(levels)


# marching squares: for each of the 16 corner cases, the cell edges a line crosses.
# corners: 0 = (i, j), 1 = (i+1, j), 2 = (i+1, j+1), 3 = (i, j+1); edges: 0 bottom
# (0-1), 1 right (1-2), 2 top (3-2), 3 left (0-3).  Saddles (5, 10) get two segments.
_CASES = {1: [(0, 3)], 2: [(0, 1)], 3: [(1, 3)], 4: [(1, 2)], 5: [(0, 1), (2, 3)],
          6: [(0, 2)], 7: [(2, 3)], 8: [(2, 3)], 9: [(0, 2)], 10: [(0, 3), (1, 2)],
          11: [(1, 2)], 12: [(1, 3)], 13: [(0, 1)], 14: [(0, 3)]}

# per case: the first and (saddles only) second segment's edges, -1 for none
_SEG = np.full((16, 4), -1, dtype=np.intp)
for _c, _pairs in _CASES.items():
    for _k, (_ea, _eb) in enumerate(_pairs):
        _SEG[_c, 2 * _k], _SEG[_c, 2 * _k + 1] = _ea, _eb


def contour_segments(xs, ys, Z, levels) -> tuple[np.ndarray, np.ndarray]:
    """All iso-lines of Z at ``levels`` as (x, y) arrays of segment pairs (points
    2k and 2k + 1 are the ends of segment k), by vectorised marching squares with
    linear interpolation along the cell edges; cells with a non-finite corner are
    skipped."""
    xs = np.asarray(xs, float)
    ys = np.asarray(ys, float)
    Z = np.asarray(Z, float)
    z0, z1, z2, z3 = Z[:-1, :-1], Z[1:, :-1], Z[1:, 1:], Z[:-1, 1:]
    ok = np.isfinite(z0) & np.isfinite(z1) & np.isfinite(z2) & np.isfinite(z3)
    outx, outy = [], []
    with np.errstate(all="ignore"):
        for lev in levels:
            case = ((z0 > lev).view(np.uint8) | ((z1 > lev).view(np.uint8) << 1)
                    | ((z2 > lev).view(np.uint8) << 2) | ((z3 > lev).view(np.uint8) << 3))
            ii, jj = np.nonzero(ok & (case != 0) & (case != 15))
            if len(ii) == 0:
                continue
            c = case[ii, jj]
            a0, a1, a2, a3 = z0[ii, jj], z1[ii, jj], z2[ii, jj], z3[ii, jj]
            x0, x1, y0, y1 = xs[ii], xs[ii + 1], ys[jj], ys[jj + 1]
            dx, dy = x1 - x0, y1 - y0
            # the crossing on each of the four cell edges (unused ones are ignored)
            ex = np.stack([x0 + (lev - a0) / (a1 - a0) * dx, x1,
                           x0 + (lev - a3) / (a2 - a3) * dx, x0])
            ey = np.stack([y0, y0 + (lev - a1) / (a2 - a1) * dy, y1,
                           y0 + (lev - a0) / (a3 - a0) * dy])
            seg = _SEG[c]
            cols = np.arange(len(c))
            for k in (0, 2):
                sel = cols if k == 0 else np.nonzero(seg[:, 2] >= 0)[0]
                if len(sel) == 0:
                    continue
                ea, eb = seg[sel, k], seg[sel, k + 1]
                sx = np.empty(2 * len(sel))
                sy = np.empty(2 * len(sel))
                sx[0::2], sx[1::2] = ex[ea, sel], ex[eb, sel]
                sy[0::2], sy[1::2] = ey[ea, sel], ey[eb, sel]
                outx.append(sx)
                outy.append(sy)
    if not outx:
        return np.zeros(0), np.zeros(0)
    return np.concatenate(outx), np.concatenate(outy)


def bilinear(xs: np.ndarray, ys: np.ndarray, Z: np.ndarray, x: float, y: float) -> float:
    """Z at (x, y) by bilinear interpolation between the grid points (clamped to
    the grid); nan when a corner used is not finite."""
    xs, ys, Z = np.asarray(xs, float), np.asarray(ys, float), np.asarray(Z, float)
    if len(xs) < 2 or len(ys) < 2:
        return float("nan")
    fx = np.interp(x, xs, np.arange(len(xs)))
    fy = np.interp(y, ys, np.arange(len(ys)))
    i0, j0 = int(min(fx, len(xs) - 2)), int(min(fy, len(ys) - 2))
    tx, ty = fx - i0, fy - j0
    z = (Z[i0, j0] * (1 - tx) * (1 - ty) + Z[i0 + 1, j0] * tx * (1 - ty)
         + Z[i0, j0 + 1] * (1 - tx) * ty + Z[i0 + 1, j0 + 1] * tx * ty)
    return float(z)


#: the light of the 3D view (from the front left, above)
LIGHT = (-0.45, -0.55, 0.70)


def lambert_shading(X: np.ndarray, Y: np.ndarray, Z: np.ndarray, light=LIGHT,
                    ambient: float = 0.62) -> np.ndarray:
    """Brightness in [ambient, 1] of each vertex of the surface z = Z[i, j] over
    the axes X (rows) and Y (columns): ``ambient + (1 − ambient)·max(0, n·l)`` with
    the unit normal n = (−∂z/∂x, −∂z/∂y, 1)/‖…‖ from central finite differences
    (one-sided at the edges) and the unit light direction l.  float32."""
    X, Y, Z = np.asarray(X, float), np.asarray(Y, float), np.asarray(Z, float)
    if len(X) < 2 or len(Y) < 2:
        return np.ones(Z.shape, np.float32)
    dzdx = np.gradient(Z, X, axis=0)
    dzdy = np.gradient(Z, Y, axis=1)
    n = np.stack([-dzdx, -dzdy, np.ones_like(Z)], axis=-1)
    n /= np.linalg.norm(n, axis=-1, keepdims=True)
    lvec = np.asarray(light, float)
    lvec = lvec / np.linalg.norm(lvec)
    lam = np.clip(n @ lvec, 0.0, 1.0)
    return (ambient + (1.0 - ambient) * lam).astype(np.float32)
