"""Where the data plot's legend goes (a teacher's points must not hide under it):
two columns when one would cover too much of a short plot, the corner that covers
the fewest points, and how far the top must rise for the points under it."""
from __future__ import annotations

import math

import numpy as np

#: the most of the plot's height the legend may cover in one column
LEGEND_SHARE = 0.45
LEGEND_CLEARANCE_PX = 8


class LegendPlace:
    def __init__(self, legend, viewbox) -> None:
        self.legend, self.viewbox = legend, viewbox
        self._corner: tuple[int, int] | None = None

    def put(self, corner: tuple[int, int]) -> None:
        """Anchor the legend in a corner of the view: (1, 0) top right, (0, 1) bottom left."""
        if self._corner == corner:
            return
        self._corner = corner
        off = (10 if corner[0] == 0 else -10, 10 if corner[1] == 0 else -10)
        self.legend.anchor(itemPos=corner, parentPos=corner, offset=off)

    def fraction(self) -> tuple[float, float] | None:
        """The legend's width and height as fractions of the view's (margin included)."""
        legend, vb = self.legend, self.viewbox.sceneBoundingRect()
        box = legend.sceneBoundingRect() if legend.isVisible() else None
        if box is None or box.isEmpty() or vb.height() <= 0 or vb.width() <= 0:
            return None
        pad = 10 + LEGEND_CLEARANCE_PX  # the anchor's offset, and a marker's room
        return (box.width() + pad) / vb.width(), (box.height() + pad) / vb.height()

    def best_corner(self, xr: tuple[float, float], yr: tuple[float, float], x: np.ndarray,
                    y: np.ndarray) -> tuple[int, int]:
        """The corner where the legend covers the fewest points (top right first on a
        tie), as a spreadsheet's "best" legend place: a rising cloud keeps its top right."""
        frac = self.fraction()
        if frac is None or not len(x):
            return (1, 0)
        fw, fh = frac
        w, h = (xr[1] - xr[0]) * fw, (yr[1] - yr[0]) * fh
        best, fewest = (1, 0), None
        with np.errstate(all="ignore"):
            for corner in ((1, 0), (0, 0), (1, 1), (0, 1)):
                x_in = x >= xr[1] - w if corner[0] else x <= xr[0] + w
                y_in = y <= yr[0] + h if corner[1] else y >= yr[1] - h
                n = int(np.count_nonzero(x_in & y_in))
                if fewest is None or n < fewest:
                    best, fewest = corner, n
                if n == 0:
                    break
        return best

    def top_above(self, xr: tuple[float, float], yr: tuple[float, float], x: np.ndarray,
                  y: np.ndarray) -> float:
        """The view's top, raised so that no point sits under the legend (top right).
        With the legend f of the view's height and x from u to the right edge, the
        highest point y_m there must stay below it: y_top >= (y_m - f y0) / (1 - f)."""
        frac = self.fraction()
        if frac is None:
            return yr[1]
        f = frac[1]
        u = xr[1] - frac[0] * (xr[1] - xr[0])
        with np.errstate(all="ignore"):
            under = y[x >= u]
        if not 0 < f < 0.5 or under.size == 0:
            return yr[1]
        y0, y_m = yr[0], float(under.max())
        need = (y_m - f * y0) / (1 - f)
        return max(yr[1], need + 0.02 * (need - y0)) if np.isfinite(need) else yr[1]

    def fit_columns(self) -> None:
        """The legend in two columns when in one it would cover more than
        LEGEND_SHARE of the plot's height (a short plot: a laptop, the zoom)."""
        legend, n = self.legend, len(self.legend.items)
        height = self.viewbox.sceneBoundingRect().height()
        if not n or height <= 0:
            return
        rows = math.ceil(n / legend.columnCount)
        one_column = legend.boundingRect().height() / rows * n
        columns = 2 if one_column > LEGEND_SHARE * height else 1
        if columns != legend.columnCount:
            legend.setColumnCount(columns)
