"""The data plot's own pyqtgraph pieces: mouse editing of points, a grid painted in
the cached background, and the one wrapper that moves a scatter spot in place."""
from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPen

from gui import theme

HIT_RADIUS_PX = 9.0


def move_spot(scatter: pg.ScatterPlotItem, i: int, x: float, y: float, n: int) -> bool:
    """Move spot ``i`` of ``scatter`` (which shows ``n`` points) to (x, y) in O(1).

    pyqtgraph has no public call for this: ``setData`` rebuilds every spot (≈270 ms
    for 100,000 points), ``setPointsVisible`` as much.  This is the one place that
    writes ScatterPlotItem's record array ``data`` and resets its cached ``bounds``
    (as ScatterPlotItem.updateSpots/setData do); tested in
    tests/gui/test_regression_plot_items.py.  Returns False (nothing done) when the
    scatter does not hold ``n`` spots, so the caller falls back to ``setData``."""
    data = getattr(scatter, "data", None)
    if data is None or len(data) != n or not 0 <= i < n:
        return False
    data["x"][i] = x
    data["y"][i] = y
    scatter.prepareGeometryChange()
    scatter.bounds = [None, None]
    scatter.update()
    return True


class DataViewBox(pg.ViewBox):
    """A ViewBox that edits points: click empty space to add, drag a point to move
    it, right-click a point to remove it.  Dragging empty space pans as usual.
    ``lab`` gives the points (``results``) and the edits (add_point, …)."""

    def __init__(self, lab: Any, **kw: Any):
        super().__init__(**kw)
        self._lab = lab
        self._drag_index: int | None = None
        self._panning = False

    def hit(self, scene_pos) -> int | None:
        """Index of the point under ``scene_pos`` (vectorised, no per-point Python)."""
        r = self._lab.results
        if r.n == 0:
            return None
        p = self.mapSceneToView(scene_pos)
        pw, ph = self.viewPixelSize()
        if not (pw > 0 and ph > 0):
            return None
        dx = (r.x - p.x()) / pw
        dy = (r.y - p.y()) / ph
        d2 = dx * dx + dy * dy
        i = int(np.argmin(d2))
        return i if d2[i] <= HIT_RADIUS_PX ** 2 else None

    def mouseClickEvent(self, ev):  # noqa: N802
        if ev.button() == Qt.MouseButton.LeftButton:
            i = self.hit(ev.scenePos())
            ev.accept()
            if i is None:
                p = self.mapSceneToView(ev.scenePos())
                self._lab.add_point(p.x(), p.y())
            else:
                self._lab.select_point(i)
            self._lab.plot.setFocus()
            return
        if ev.button() == Qt.MouseButton.RightButton:
            i = self.hit(ev.scenePos())
            if i is not None:
                ev.accept()
                self._lab.remove_points([i])
                return
        super().mouseClickEvent(ev)

    def mouseDragEvent(self, ev, axis=None):  # noqa: N802
        if ev.button() != Qt.MouseButton.LeftButton:
            return super().mouseDragEvent(ev, axis)
        if ev.isStart():
            self._drag_index = self.hit(ev.buttonDownScenePos())
            self._panning = self._drag_index is None
            if self._drag_index is not None:
                self._lab.begin_drag(self._drag_index)
        if self._panning:
            super().mouseDragEvent(ev, axis)
            if ev.isFinish():
                self._panning = False
            return
        ev.accept()
        if self._drag_index is None:
            return
        p = self.mapSceneToView(ev.scenePos())
        self._lab.drag_to(self._drag_index, p.x(), p.y())
        if ev.isFinish():
            self._lab.end_drag(self._drag_index)
            self._drag_index = None


class DataPlotWidget(pg.PlotWidget):
    """The data plot.  Its grid is painted in the view's cached background (redrawn
    only when the range or size changes), so a drag repaints only the data items:
    pyqtgraph's own grid lives in the axes and is redrawn with every frame."""

    def __init__(self, viewBox: pg.ViewBox):
        super().__init__(viewBox=viewBox)
        self.setCacheMode(self.CacheModeFlag.CacheBackground)
        viewBox.sigRangeChanged.connect(lambda *_a: self.resetCachedContent())
        viewBox.sigResized.connect(lambda *_a: self.resetCachedContent())
        self._rate_limit: Any = None
        self._major = QPen()
        self._minor = QPen()
        self.recolour()

    def recolour(self) -> None:
        self._major = QPen(theme.qcolour("regression.grid.major"), 0)
        self._minor = QPen(theme.qcolour("regression.grid.minor"), 0)
        self.resetCachedContent()

    # pyqtgraph drops mouse moves that come < 10 ms after the previous one (its public
    # option mouseRateLimit); Qt already merges queued moves into one per event-loop
    # pass and a drag step is O(1), so while a button is down on this plot every move
    # is kept: the dragged point then always ends where the pointer is
    def mousePressEvent(self, ev):  # noqa: N802
        if self._rate_limit is None:
            self._rate_limit = pg.getConfigOption("mouseRateLimit")
            pg.setConfigOption("mouseRateLimit", 0)
        super().mousePressEvent(ev)

    def mouseReleaseEvent(self, ev):  # noqa: N802
        super().mouseReleaseEvent(ev)
        if self._rate_limit is not None:
            pg.setConfigOption("mouseRateLimit", self._rate_limit)
            self._rate_limit = None

    def resizeEvent(self, ev):  # noqa: N802
        super().resizeEvent(ev)
        self.resetCachedContent()

    def drawBackground(self, painter, rect):  # noqa: N802
        super().drawBackground(painter, rect)
        pi = self.getPlotItem()
        vb = pi.vb
        area = vb.sceneBoundingRect()
        (x0, x1), (y0, y1) = vb.viewRange()
        painter.save()
        painter.setClipRect(area)
        for axis, lo, hi, size, vertical in (("bottom", x0, x1, area.width(), True),
                                             ("left", y0, y1, area.height(), False)):
            try:
                levels = pi.getAxis(axis).tickValues(lo, hi, size)
            except Exception:  # pragma: no cover - never break painting
                continue
            for level, (_spacing, values) in reversed(list(enumerate(levels[:2]))):
                painter.setPen(self._major if level == 0 else self._minor)
                for v in values:
                    if vertical:
                        p = vb.mapViewToScene(QPointF(v, y0))
                        painter.drawLine(QPointF(p.x(), area.top()), QPointF(p.x(), area.bottom()))
                    else:
                        p = vb.mapViewToScene(QPointF(x0, v))
                        painter.drawLine(QPointF(area.left(), p.y()), QPointF(area.right(), p.y()))
        painter.restore()
