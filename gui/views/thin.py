"""Paths thinned to what a screen can show (issue 18: a step cost time in proportion
to the run's length, because every step re-sent and re-painted every point).

:func:`screen_indices` keeps the points of a 2-D path where it enters a new cell of
a fine grid over the plotted box (``cells`` per side, finer than the pixels of any
plot here), so the line drawn through the kept points departs from the full line by
less than one cell.  Points that are not finite are kept (they break the line).
A path that still has more than ``cap`` points (a run oscillating between two cells
for ever draws the same segments over again) keeps ``cap`` of them, evenly spread.
:func:`prefix` gives the kept indices up to step k, k itself included.
"""
from __future__ import annotations

import numpy as np

CELLS = 2000
CAP = 6000


def screen_indices(xy: np.ndarray, box: tuple[float, float, float, float],
                   cells: int = CELLS, cap: int = CAP) -> np.ndarray:
    """Sorted indices into ``xy`` (n, 2) to draw within ``box`` = (x0, x1, y0, y1);
    the first and the last point are always kept."""
    n = len(xy)
    if n <= 2:
        return np.arange(n)
    x0, x1, y0, y1 = box
    span = np.array([x1 - x0, y1 - y0], dtype=float)
    span[~(span > 0)] = 1.0
    with np.errstate(all="ignore"):
        q = np.floor((xy - np.array([x0, y0])) / span * cells)
    bad = ~np.isfinite(q).all(axis=1)
    q[bad] = np.nan
    q = np.clip(np.nan_to_num(q, nan=-2.0 * cells), -4 * cells, 4 * cells).astype(np.int64)
    keep = np.empty(n, dtype=bool)
    keep[0] = keep[-1] = True
    keep[1:-1] = (q[1:-1] != q[:-2]).any(axis=1) | bad[1:-1] | bad[:-2] | bad[2:]
    idx = np.flatnonzero(keep)
    if len(idx) > cap:
        idx = np.unique(idx[np.linspace(0, len(idx) - 1, cap).round().astype(np.int64)])
    return idx


def prefix(indices: np.ndarray, k: int) -> np.ndarray:
    """The kept indices up to step ``k``, ending with ``k`` itself."""
    cut = indices[: int(np.searchsorted(indices, k, side="right"))]
    if len(cut) and cut[-1] == k:
        return cut
    return np.append(cut, k)


__all__ = ["CAP", "CELLS", "prefix", "screen_indices"]
