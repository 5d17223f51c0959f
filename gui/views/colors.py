"""Colour helpers shared by the views: colour maps and a small colour bar widget."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.text.format import fmt
from gui.views.ranges import safe_range

CMAP_NAME = "viridis"


def colormap() -> pg.ColorMap:
    return pg.colormap.get(CMAP_NAME)


def lut(n: int = 256) -> np.ndarray:
    return colormap().getLookupTable(0.0, 1.0, n, alpha=True)


def robust_limits(Z: np.ndarray, log_color: bool = False, upper_pct: float = 97.0):
    """(lo, hi) of the finite values of Z, clipping spikes at ``upper_pct``."""
    finite = Z[np.isfinite(Z)]
    if finite.size == 0:
        return 0.0, 1.0
    lo = float(finite.min())
    top = float(finite.max())
    if finite.size > 50:
        p90 = float(np.percentile(finite, 90))
        # keep the whole range unless a few spikes dwarf the bulk of the values
        hi = min(top, lo + 2.5 * (p90 - lo)) if p90 > lo else top
    else:
        hi = top
    if not hi > lo:
        hi = float(finite.max())
    if not hi > lo:
        hi = lo + 1.0
    # a finite, non-empty span even for 1e16 (+ 1.0 is no change) or ±1e308 values
    return safe_range(lo, hi)


def color_scale(Z: np.ndarray, lo: float, hi: float, log_color: bool) -> np.ndarray:
    """Map Z to [0, 1] (nan stays nan) linearly or logarithmically above lo."""
    with np.errstate(all="ignore"):
        if log_color:
            span = hi - lo
            eps = max(span * 1e-4, 1e-12)
            t = np.log10(np.clip(Z - lo, 0, None) + eps)
            t0, t1 = np.log10(eps), np.log10(span + eps)
            t = (t - t0) / (t1 - t0)
        else:
            t = (Z - lo) / (hi - lo)
        return np.clip(t, 0.0, 1.0)


def qcolor(hexstr: str, alpha: float = 1.0) -> QColor:
    c = QColor(hexstr)
    c.setAlphaF(alpha)
    return c


def rgba_f(hexstr: str, alpha: float | None = None) -> tuple[float, float, float, float]:
    """(r, g, b, a) floats of a colour name ('#rrggbb' or '#aarrggbb')."""
    c = QColor(hexstr)
    return (c.redF(), c.greenF(), c.blueF(), c.alphaF() if alpha is None else alpha)


class ColorBar(QWidget):
    """A vertical colour bar with a few tick labels (linear or log scale)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._lo, self._hi, self._log = 0.0, 1.0, False
        self._title = ""
        self.setFixedWidth(74)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

    def set_range(self, lo: float, hi: float, log_color: bool = False) -> None:
        self._lo, self._hi, self._log = float(lo), float(hi), bool(log_color)
        self.update()

    def set_title(self, text: str) -> None:
        self._title = text
        self.update()

    def _value_at(self, t: float) -> float:
        lo, hi = self._lo, self._hi
        if not self._log:
            return lo + t * (hi - lo)
        span = hi - lo
        eps = max(span * 1e-4, 1e-12)
        t0, t1 = np.log10(eps), np.log10(span + eps)
        return lo + 10 ** (t0 + t * (t1 - t0)) - eps

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        top, bottom = 22, self.height() - 10
        bar = QRectF(6, top, 14, max(bottom - top, 10))
        grad = QLinearGradient(bar.bottomLeft(), bar.topLeft())
        cm = colormap()
        for s in np.linspace(0, 1, 11):
            grad.setColorAt(float(s), cm.map(float(s), mode="qcolor"))
        p.fillRect(bar, grad)
        p.setPen(QPen(pal.color(pal.ColorRole.Mid)))
        p.drawRect(bar)
        f = QFont(self.font())
        f.setPointSizeF(max(7.0, f.pointSizeF() - 1))
        p.setFont(f)
        p.setPen(pal.color(pal.ColorRole.WindowText))
        if self._title:
            p.drawText(QRectF(0, 2, self.width(), 18), Qt.AlignmentFlag.AlignCenter, self._title)
        for t in np.linspace(0, 1, 6):
            y = bar.bottom() - t * bar.height()
            p.drawLine(int(bar.right()), int(y), int(bar.right() + 4), int(y))
            v = self._value_at(float(t))
            text = fmt(v, 3)
            p.drawText(QRectF(bar.right() + 6, y - 8, self.width() - bar.right() - 6, 16),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        p.end()


def cut_at_box(xy: np.ndarray, values: np.ndarray, x0: float, x1: float, y0: float,
               y1: float, margin: float = 0.02) -> tuple[np.ndarray, np.ndarray]:
    """A path cut at its first point outside the box [x0, x1] × [y0, y1] (grown by
    ``margin`` of its size): that point is moved back along its segment onto the box
    edge, and the rest is dropped.  Diverging runs then leave the picture cleanly
    instead of drawing lines to 10⁸."""
    xy = np.atleast_2d(np.asarray(xy, float))
    v = np.asarray(values, float).reshape(-1)
    if len(xy) == 0:
        return xy, v
    mx, my = margin * (x1 - x0), margin * (y1 - y0)
    bx0, bx1, by0, by1 = x0 - mx, x1 + mx, y0 - my, y1 + my
    with np.errstate(all="ignore"):
        inside = ((xy[:, 0] >= bx0) & (xy[:, 0] <= bx1) & (xy[:, 1] >= by0)
                  & (xy[:, 1] <= by1))
    out = np.flatnonzero(~inside)
    if len(out) == 0:
        return xy, v
    k = int(out[0])
    if k == 0:
        return xy[:0], v[:0]
    a, b = xy[k - 1], xy[k]
    d = b - a
    t = 1.0
    with np.errstate(all="ignore"):
        for lo, hi, i in ((bx0, bx1, 0), (by0, by1, 1)):
            if d[i] != 0 and np.isfinite(d[i]):
                for edge in (lo, hi):
                    s = (edge - a[i]) / d[i]
                    if 0 <= s < t:
                        t = s
    if not np.isfinite(t):
        t = 0.0
    p = a + t * d
    va, vb = v[k - 1], v[k]
    pv = va + t * (vb - va) if np.isfinite(vb) else va
    return np.vstack([xy[:k], p]), np.append(v[:k], pv)
