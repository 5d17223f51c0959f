"""A 2D heat map + contour lines of f on a grid, with paths, current points, extra
markers, an optional overlay (e.g. a basin map) and a draggable start marker.
Generic: any function of two variables.  The contour lines are computed by
:mod:`core.landscape` (``contour_segments`` is re-exported here for old callers)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor

from core.landscape import N_LEVELS, contour_levels, contour_segments
from gui import theme
from gui.theme import zoom
from gui.views.colors import color_scale, cut_at_box, lut, robust_limits
from gui.views.export import install_picture_menu
from gui.views.ranges import LIMIT, drawable_axis, safe_range

__all__ = ["ContourView", "contour_segments", "N_LEVELS"]

class ContourView(pg.PlotWidget):
    pointClicked = Signal(float, float)
    startDragged = Signal(float, float)
    startDragFinished = Signal(float, float)

    def __init__(self, parent=None):
        super().__init__(parent, background=theme.colour("plot.background"))
        self.setMinimumSize(200, 200)
        pi = self.getPlotItem()
        pi.showGrid(x=False, y=False)
        pi.setMenuEnabled(False)
        pi.hideButtons()
        install_picture_menu(self)  # right-click: export this map (PNG 1–3×, SVG)
        self.setAspectLocked(False)
        self.image = pg.ImageItem(axisOrder="col-major")
        self.image.setLookupTable(lut(256))
        self.image.setZValue(-20)
        self.overlay = pg.ImageItem(axisOrder="col-major")
        self.overlay.setZValue(-10)
        self.overlay.setVisible(False)
        self.contours = pg.PlotCurveItem(connect="pairs")
        self.contours.setZValue(-5)
        for item in (self.image, self.overlay, self.contours):
            self.addItem(item)
        self._path_items: list[pg.PlotDataItem] = []
        self._current = pg.ScatterPlotItem(
            size=13, pen=pg.mkPen(theme.colour("view.marker.outline"), width=zoom.line(2)))
        self._current.setZValue(20)
        self.addItem(self._current)
        self._markers = pg.ScatterPlotItem(pxMode=True)
        self._markers.setZValue(18)
        self.addItem(self._markers)
        self.start_marker = pg.TargetItem(pos=(0, 0), size=16, symbol="crosshair",
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
        self._n_markers = 0
        self._recolour()
        self._ready = True

    def _recolour(self) -> None:
        """The colours that do not come from the data (asked again on a theme change)."""
        self.setBackground(theme.colour("plot.background"))
        self.contours.setPen(pg.mkPen(theme.qcolour("view.contour.lines", 150 / 255),
                                      width=zoom.line(1)))
        self.start_marker.setPen(pg.mkPen(theme.colour("view.start_marker"), width=zoom.line(2)))
        self.start_marker.setHoverPen(pg.mkPen(theme.colour("view.start_marker.hover"),
                                               width=zoom.line(3)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if not self.__dict__.get("_ready"):  # an event from inside __init__
            super().changeEvent(event)
            return
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange,
                            QEvent.Type.FontChange):  # the colours, or the zoom
            self._recolour()
        super().changeEvent(event)

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
        hole = theme.qcolour("view.contour.bad")
        rgba[bad] = (hole.red(), hole.green(), hole.blue(), 255)
        self.image.setImage(rgba, autoLevels=False)
        rect = self._rect()
        self.image.setRect(rect)
        self.overlay.setRect(rect)
        levels = contour_levels(Z, lo, hi, log_color)
        if levels.size:
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

    def plot_box(self) -> tuple[float, float, float, float]:
        """(x0, x1, y0, y1): the plotted range of the grid."""
        return float(self._xs[0]), float(self._xs[-1]), float(self._ys[0]), float(self._ys[-1])

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
                         pen=pg.mkPen(QColor(colour), width=zoom.line(1.4) if faint else 2.4),
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
                  "symbol": "star",
                  "pen": pg.mkPen(theme.colour("view.marker.outline"), width=zoom.line(1))}
                 for xy, _v, c, s in markers if np.isfinite(xy).all()]
        self._markers.setData(spots)
        self._n_markers = len(spots)

    def markers_shown(self) -> int:
        """How many markers (set_markers) are drawn."""
        return self._n_markers

    def paths_shown(self) -> int:
        """How many paths (set_paths) are drawn."""
        return sum(1 for item in self._path_items if item.isVisible())

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
