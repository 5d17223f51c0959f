"""A 2D heat map + contour lines of f on a grid, with paths, current points, extra
markers, an optional overlay (e.g. a basin map) and a draggable start marker.
Generic: any function of two variables."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor

from gui.views.colors import color_scale, cut_at_box, lut, robust_limits
from gui.views.ranges import LIMIT, drawable_axis, safe_range

N_LEVELS = 16


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
    """All iso-lines of Z at ``levels`` as (x, y) arrays of segment pairs, for a
    PlotDataItem with ``connect="pairs"`` (vectorised marching squares; cells with
    a non-finite corner are skipped)."""
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


class ContourView(pg.PlotWidget):
    pointClicked = Signal(float, float)
    startDragged = Signal(float, float)
    startDragFinished = Signal(float, float)

    def __init__(self, parent=None):
        super().__init__(parent, background="#ffffff")
        self.setMinimumSize(200, 200)
        pi = self.getPlotItem()
        pi.showGrid(x=False, y=False)
        pi.setMenuEnabled(False)
        pi.hideButtons()
        self.setAspectLocked(False)
        self.image = pg.ImageItem(axisOrder="col-major")
        self.image.setLookupTable(lut(256))
        self.image.setZValue(-20)
        self.overlay = pg.ImageItem(axisOrder="col-major")
        self.overlay.setZValue(-10)
        self.overlay.setVisible(False)
        self.contours = pg.PlotCurveItem(pen=pg.mkPen((255, 255, 255, 150), width=1),
                                         connect="pairs")
        self.contours.setZValue(-5)
        for item in (self.image, self.overlay, self.contours):
            self.addItem(item)
        self._path_items: list[pg.PlotDataItem] = []
        self._current = pg.ScatterPlotItem(size=13, pen=pg.mkPen("w", width=2))
        self._current.setZValue(20)
        self.addItem(self._current)
        self._markers = pg.ScatterPlotItem(pxMode=True)
        self._markers.setZValue(18)
        self.addItem(self._markers)
        self.start_marker = pg.TargetItem(pos=(0, 0), size=16, symbol="crosshair",
                                          pen=pg.mkPen("#111111", width=2),
                                          hoverPen=pg.mkPen("#d62728", width=3),
                                          movable=True)
        self.start_marker.setZValue(30)
        self.addItem(self.start_marker)
        self.start_marker.sigPositionChanged.connect(self._on_drag)
        self.start_marker.sigPositionChangeFinished.connect(self._on_drag_finished)
        self._setting_start = False
        self.scene().sigMouseClicked.connect(self._on_scene_click)
        self._xs = np.array([0.0, 1.0])
        self._ys = np.array([0.0, 1.0])
        self._Z = None

    # ------------------------------------------------------------------ API
    def set_grid(self, xs, ys, Z, log_color: bool = False) -> None:
        xs = np.asarray(xs, float)
        ys = np.asarray(ys, float)
        Z = np.asarray(Z, float)
        if not drawable_axis(xs) or not drawable_axis(ys):
            # no usable coordinates (the data's numbers are too large): show nothing
            # rather than pass pyqtgraph a range it refuses
            self.image.clear()
            self.contours.setData(np.zeros(0), np.zeros(0))
            return
        self._xs, self._ys, self._Z = xs, ys, Z
        lo, hi = robust_limits(Z, log_color)
        t = color_scale(Z, lo, hi, log_color)
        bad = ~np.isfinite(Z)
        rgba = lut(256)[(np.where(bad, 0, t) * 255).astype(np.int32)]
        rgba[bad] = (235, 235, 235, 255)
        self.image.setImage(rgba, autoLevels=False)
        rect = self._rect()
        self.image.setRect(rect)
        self.overlay.setRect(rect)
        finite = Z[np.isfinite(Z)]
        if finite.size:
            if log_color:
                span = hi - lo
                eps = max(span * 1e-4, 1e-12)
                levels = lo + np.geomspace(eps * 10, span, N_LEVELS)
            else:
                levels = np.quantile(finite, np.linspace(0.02, 0.97, N_LEVELS) ** 1.6)
            levels = np.unique(levels)
            cx, cy = contour_segments(xs, ys, Z, levels)
            self.contours.setData(cx, cy)
        else:
            self.contours.setData(np.zeros(0), np.zeros(0))
        vb = self.getPlotItem().vb
        x0, x1 = safe_range(rect.left(), rect.right())
        y0, y1 = safe_range(rect.top(), rect.bottom())
        w = x1 - x0
        vb.setLimits(xMin=max(x0 - 10 * w, -LIMIT), xMax=min(x1 + 10 * w, LIMIT))
        vb.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.0)

    def _rect(self) -> QRectF:
        xs, ys = self._xs, self._ys
        dx = (xs[-1] - xs[0]) / max(len(xs) - 1, 1)
        dy = (ys[-1] - ys[0]) / max(len(ys) - 1, 1)
        return QRectF(xs[0] - dx / 2, ys[0] - dy / 2, xs[-1] - xs[0] + dx, ys[-1] - ys[0] + dy)

    def set_paths(self, paths) -> None:
        paths = list(paths)
        while len(self._path_items) < len(paths):
            item = pg.PlotDataItem(symbol="o", symbolSize=4, connect="finite")
            item.setZValue(10)
            self.addItem(item)
            self._path_items.append(item)
        for i, item in enumerate(self._path_items):
            if i >= len(paths):
                item.setVisible(False)
                continue
            xy, values, colour = paths[i]
            # a path leaving the plotted range stops at its edge (diverging runs)
            xy, _v = cut_at_box(xy, values, self._xs[0], self._xs[-1], self._ys[0],
                                self._ys[-1], margin=0.5)
            faint = QColor(colour).alphaF() < 0.5
            item.setData(xy[:, 0], xy[:, 1],
                         pen=pg.mkPen(QColor(colour), width=1.4 if faint else 2.4),
                         symbolBrush=pg.mkBrush(QColor(colour)), symbolPen=None,
                         symbol=None if faint or len(xy) > 600 else "o", symbolSize=5)
            item.setVisible(True)

    def set_current(self, points) -> None:
        pts = [p for p in points if p is not None]
        spots = [{"pos": (float(xy[0]), float(xy[1])), "brush": pg.mkBrush(c)}
                 for xy, _v, c in pts if np.isfinite(xy).all() and np.abs(xy).max() < 1e12]
        self._current.setData(spots)

    def set_start(self, xy) -> None:
        self._setting_start = True
        try:
            self.start_marker.setPos(QPointF(float(xy[0]), float(xy[1])))
        finally:
            self._setting_start = False

    def start(self) -> tuple[float, float]:
        p = self.start_marker.pos()
        return float(p.x()), float(p.y())

    def set_markers(self, markers) -> None:
        spots = [{"pos": (float(xy[0]), float(xy[1])), "brush": pg.mkBrush(c), "size": s,
                  "symbol": "star", "pen": pg.mkPen("w", width=1)}
                 for xy, _v, c, s in markers if np.isfinite(xy).all()]
        self._markers.setData(spots)

    def set_overlay(self, rgba) -> None:
        if rgba is None:
            self.overlay.setVisible(False)
            return
        self.overlay.setImage(np.asarray(rgba), autoLevels=False)
        self.overlay.setRect(self._rect())
        self.overlay.setVisible(True)

    def set_axis_labels(self, x: str, y: str) -> None:
        pi = self.getPlotItem()
        pi.setLabel("bottom", x)
        pi.setLabel("left", y)

    def scene_pos_of(self, x: float, y: float) -> QPointF:
        """Scene position of a data point (tests click here)."""
        return self.getPlotItem().vb.mapViewToScene(QPointF(x, y))

    # ------------------------------------------------------------------ events
    def _on_drag(self, *_a) -> None:
        if not self._setting_start:
            x, y = self.start()
            self.startDragged.emit(x, y)

    def _on_drag_finished(self, *_a) -> None:
        x, y = self.start()
        self.startDragFinished.emit(x, y)

    def _on_scene_click(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton or ev.isAccepted() and ev.double():
            return
        vb = self.getPlotItem().vb
        pos = ev.scenePos()
        if not vb.sceneBoundingRect().contains(pos):
            return
        if self.start_marker.sceneBoundingRect().contains(pos):
            return
        p = vb.mapSceneToView(pos)
        self.pointClicked.emit(float(p.x()), float(p.y()))
