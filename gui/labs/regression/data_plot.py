"""The data plot: points, the least-squares curve, residuals and their squares,
the curves of an under-determined fit, my line with its two handles and the line
of the descent step shown.  Draws what the lab's state and results say; edits go
back to the lab (add/move/remove points, drag my line)."""
from __future__ import annotations

import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QPainterPath
from PySide6.QtWidgets import QGraphicsPathItem

from core.datasets import Dataset, load_dataset
from gui import theme
from gui.labs.regression.legend_place import LegendPlace
from gui.labs.regression.plot_items import DataPlotWidget, DataViewBox, move_spot
from gui.text import regression_messages as msg
from gui.text import view_text as vt
from gui.theme import zoom
from gui.views.a11y import set_view_text
from gui.views.ranges import LIMIT, safe_range

RESIDUAL_LIMIT = 5_000      # draw residual segments up to this many points
SQUARE_LIMIT = 1_000        # draw residual squares up to this many points
DENSE = 2_000               # more points: small markers without outline
#: my line's handles: places tried (fractions of the view's width, best first) and
#: the distance from every point they keep (a fraction of the view's size)
HANDLE_LEFT = (0.2, 0.15, 0.25, 0.1, 0.3, 0.06, 0.35)
HANDLE_RIGHT = (0.8, 0.85, 0.75, 0.9, 0.7, 0.94, 0.65)
HANDLE_CLEARANCE = 0.05


class DataPlot:
    """Builds the plot (``widget``) and its items, and redraws them."""

    def __init__(self, lab: Any):
        self.lab = lab
        self.viewbox = DataViewBox(lab)
        self.widget = plot = DataPlotWidget(self.viewbox)
        plot.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        plot.setMinimumSize(240, 200)
        pi = plot.getPlotItem()
        pi.setMenuEnabled(False)
        pi.hideButtons()  # pyqtgraph's "A" auto-range took the curves' huge extent
        self.viewbox.setLimits(xMin=-LIMIT, xMax=LIMIT, yMin=-LIMIT, yMax=LIMIT,
                               maxXRange=LIMIT, maxYRange=LIMIT)
        pi.layout.setContentsMargins(4, 12, 12, 4)
        self.viewbox.disableAutoRange()
        # framed around the points until the user pans or zooms: then a resize of the
        # plot (the window, the layout stacking) frames them again, legend included
        self._framed = False
        self.viewbox.sigRangeChangedManually.connect(self._unframe)
        self.squares_item = QGraphicsPathItem()
        self.ghost_curve = pg.PlotCurveItem(connect="finite")
        self.residual_curve = pg.PlotCurveItem(connect="pairs")
        self.fit_curve = pg.PlotCurveItem()
        self.my_curve = pg.PlotCurveItem()
        self.descent_curve = pg.PlotCurveItem()
        self.scatter = pg.ScatterPlotItem(size=10, pxMode=True)
        self.sel_scatter = pg.ScatterPlotItem(size=15, pxMode=True)
        for item in (self.squares_item, self.ghost_curve, self.residual_curve, self.fit_curve,
                     self.my_curve, self.descent_curve, self.scatter, self.sel_scatter):
            plot.addItem(item)
        for item in (self.scatter, self.sel_scatter):  # clicks go to DataViewBox
            item.mouseClickEvent = lambda ev: ev.ignore()
        self.handles = [pg.TargetItem(size=13, movable=True, symbol="s") for _ in range(2)]
        for h in self.handles:
            plot.addItem(h)
            h.sigPositionChanged.connect(self._on_handle_moved)
            h.sigPositionChangeFinished.connect(self._on_handle_finished)
        self._handles_updating = False
        self._handle_at = (0.2, 0.8)
        self._handle_key: tuple | None = None
        self.legend = pi.addLegend(offset=(-10, 10), labelTextSize="9pt")
        self.legend_place = LegendPlace(self.legend, self.viewbox)
        self.viewbox.sigResized.connect(self._on_resized)
        self._legend_key: Any = None
        self._dense: bool | None = None
        self.recolour()

    # ------------------------------------------------------------------ colours
    def recolour(self) -> None:
        c = theme.colour
        self.widget.setBackground(c("plot.background"))
        self.widget.recolour()
        pi = self.widget.getPlotItem()
        for ax in ("left", "bottom"):
            pi.getAxis(ax).setPen(pg.mkPen(c("regression.axis.line"), width=zoom.line(1)))
            pi.getAxis(ax).setTextPen(pg.mkPen(c("regression.axis.text")))
        self.squares_item.setPen(pg.mkPen(theme.qcolour("regression.residual", 150 / 255),
                                          width=zoom.line(1)))
        self.squares_item.setBrush(QBrush(theme.qcolour("regression.residual", 38 / 255)))
        self.ghost_curve.setPen(pg.mkPen(c("regression.ghost"), width=zoom.line(1.2),
                                         style=Qt.PenStyle.DashLine))
        self.residual_curve.setPen(pg.mkPen(c("regression.residual"), width=zoom.line(1)))
        self.fit_curve.setPen(pg.mkPen(c("regression.fit"), width=zoom.line(2.6)))
        self.my_curve.setPen(pg.mkPen(c("regression.my_line"), width=zoom.line(2.2),
                                      style=Qt.PenStyle.DashLine))
        self.descent_curve.setPen(pg.mkPen(c("regression.descent"), width=zoom.line(2.2)))
        self.scatter.setBrush(pg.mkBrush(c("regression.point")))
        self._dense = None  # the markers again, at the zoom in use
        self._style_scatter()
        self.sel_scatter.setPen(pg.mkPen(c("regression.point.selected"), width=zoom.line(2.5)))
        self.sel_scatter.setBrush(pg.mkBrush(None))  # a ring: no fill
        for h in self.handles:
            h.setPen(pg.mkPen(c("regression.my_line"), width=zoom.line(2)))
            h.setBrush(pg.mkBrush(theme.qcolour("regression.my_line.handle", 220 / 255)))
            h.hoverBrush = pg.mkBrush(c("regression.my_line"))
        self.legend.setBrush(pg.mkBrush(c("regression.legend.background")))  # opaque: cheap
        self.legend.setPen(pg.mkPen(c("regression.legend.border")))
        self.legend.setLabelTextColor(c("regression.legend.text"))
        self._legend_key = None  # re-add the entries: their text takes the colour
        self.refresh_legend()

    def _style_scatter(self) -> None:
        """Many points: small markers without the white outline, which would
        otherwise paint over the dense cloud and leave it almost invisible."""
        dense = self.lab.results.n > DENSE
        if self._dense is dense:
            return
        self._dense = dense
        if dense:
            self.scatter.setSize(zoom.marker(5))
            self.scatter.setPen(pg.mkPen(None))
        else:
            self.scatter.setSize(zoom.marker(10))
            self.scatter.setPen(pg.mkPen(theme.colour("regression.point.outline"),
                                         width=zoom.line(1.2)))

    # ------------------------------------------------------------------ points
    def show_points(self) -> None:
        r = self.lab.results
        self._style_scatter()
        self.scatter.setData(r.x, r.y)
        self.show_selection()

    def show_moved_point(self, i: int) -> None:
        r = self.lab.results
        if not move_spot(self.scatter, i, float(r.x[i]), float(r.y[i]), r.n):
            self.scatter.setData(r.x, r.y)
        self.show_selection()

    def show_selection(self) -> None:
        i, r = self.lab._selected, self.lab.results
        if i is not None and 0 <= i < r.n:
            self.sel_scatter.setData([r.x[i]], [r.y[i]])
        else:
            self.lab._selected = None
            self.sel_scatter.setData([], [])

    def set_axis_titles(self, xt: str, yt: str) -> None:
        style = {"color": theme.colour("regression.axis.text"), "font-size": "11pt"}
        self.widget.setLabel("bottom", xt, **style)
        self.widget.setLabel("left", yt, **style)

    def reframe_to_state(self) -> None:
        """Frame the points: the data set's own ranges, or around the points."""
        did = self.lab.model.state.dataset
        self.reframe(load_dataset(did) if did else None)

    def ensure_visible(self) -> None:
        """Frame the points when some of them are outside the view (a typed value)."""
        r = self.lab.results
        if not r.n:
            return
        (x0, x1), (y0, y1) = self.viewbox.viewRange()
        with np.errstate(all="ignore"):
            inside = ((r.x >= x0) & (r.x <= x1) & (r.y >= y0) & (r.y <= y1)).all()
        if not inside:
            self.reframe(None)

    def reframe(self, ds: Dataset | None) -> None:
        r = self.lab.results
        if ds is not None:
            xr, yr = ds.x_range, ds.y_range
        elif r.n:
            x0, x1 = float(r.x.min()), float(r.x.max())
            y0, y1 = float(r.y.min()), float(r.y.max())
            # halves first: the width of ±1.7e308 data is beyond the float range
            px = (x1 / 2 - x0 / 2) * 0.24 or max(1.0, abs(x0) * 0.1)
            py = (y1 / 2 - y0 / 2) * 0.3 or max(1.0, abs(y0) * 0.1)
            xr, yr = (x0 - px, x1 + px), (y0 - py, y1 + py)
        else:
            xr, yr = (0.0, 10.0), (0.0, 10.0)
        self._framed = ds is None and bool(r.n)
        xr, yr = safe_range(*xr), safe_range(*yr)
        place = self.legend_place
        corner = place.best_corner(xr, yr, r.x, r.y) if self._framed else (1, 0)
        if self._framed and corner == (1, 0):  # still top right: raise the top if need be
            yr = (yr[0], place.top_above(xr, yr, r.x, r.y))
        self.viewbox.setRange(xRange=xr, yRange=safe_range(*yr), padding=0)
        place.put(corner)

    def _unframe(self, *_a) -> None:
        self._framed = False

    def _on_resized(self, *_a) -> None:
        self.legend_place.fit_columns()  # a short plot: two columns
        if self._framed and self.lab.results.n:
            self.reframe(None)

    # ------------------------------------------------------------------ curves
    def _xs(self) -> np.ndarray:
        (x0, x1), _ = self.viewbox.viewRange()
        span = x1 - x0
        return np.linspace(x0 - span * 0.5, x1 + span * 0.5,
                           2 if self.lab.model.state.degree <= 1 else 400)

    def draw(self, live: bool = False) -> None:
        with np.errstate(all="ignore"):  # huge data: the curves leave the float range
            self._draw(live)

    def _draw(self, live: bool) -> None:
        state, r = self.lab.model.state, self.lab.results
        view = dict(state.view)
        xs = self._xs()
        if state.degree == 1 and (live or r.n):
            if live:
                k, b = r.stats.best_fit()
            else:
                k, b = r.fit().k, r.fit().b
            yhat = k * r.x + b
            self.fit_curve.setData(xs, k * xs + b)
        else:
            from gui.labs.regression import results as res  # a live refit is counted
            fit = res.fit_polynomial(r.x, r.y, state.degree) if live else r.fit()
            yhat = fit.predict(r.x) if r.n else np.zeros(0)
            if r.n:
                self.fit_curve.setData(xs, fit.predict(xs))
            else:
                self.fit_curve.setData([], [])
        self._draw_residuals(view, yhat)
        self._draw_ghosts(xs, live)
        self._draw_my_line(view["my_line"], state.my_line)
        self.draw_descent_line()

    def _draw_residuals(self, view: dict, yhat: np.ndarray) -> None:
        r = self.lab.results
        show_res = view["residuals"] and 0 < r.n <= RESIDUAL_LIMIT
        if show_res:
            seg_y = np.empty(2 * r.n)
            seg_y[0::2] = r.y
            seg_y[1::2] = yhat
            self.residual_curve.setData(np.repeat(r.x, 2), seg_y, connect="pairs")
        else:
            self.residual_curve.setData([], [])
        self.residual_curve.setVisible(show_res)
        show_sq = view["squares"] and 0 < r.n <= SQUARE_LIMIT
        if show_sq:
            (x0, x1), _ = self.viewbox.viewRange()
            side = np.abs(r.y - yhat)
            # squares on the side facing the middle of the data, so they stay in view
            xb = r.x + np.where(r.x > (x0 + x1) / 2, -1.0, 1.0) * side
            gap = np.full_like(r.x, np.nan)
            sx = np.stack([r.x, xb, xb, r.x, r.x, gap], axis=1).ravel()
            sy = np.stack([r.y, r.y, yhat, yhat, r.y, gap], axis=1).ravel()
            self.squares_item.setPath(pg.arrayToQPath(sx, sy, connect="finite"))
        else:
            self.squares_item.setPath(QPainterPath())
        self.squares_item.setVisible(show_sq)

    def _draw_ghosts(self, xs: np.ndarray, live: bool) -> None:
        """Under-determined: several other curves with the same (zero) error."""
        r = self.lab.results
        f = None if live else r.fit()
        if f is None or f.status != "underdetermined" or r.n == 0:
            self.ghost_curve.setData([], [])
            return
        xd = np.unique(r.x)
        base = f.predict(xs)
        prod = np.ones_like(xs)
        for xi in xd:
            prod = prod * (xs - xi)
        (x0, x1), (y0, y1) = self.viewbox.viewRange()
        xv = np.linspace(x0, x1, 64)  # scale the family by its size inside the view
        pv = np.ones_like(xv)
        for xi in xd:
            pv = pv * (xv - xi)
        scale = float(np.max(np.abs(pv)))
        amp = (y1 - y0) * 0.35 / (scale if scale > 0 else 1.0)
        curves = [np.append(base + t * amp * prod, np.nan) for t in (-1.0, -0.5, 0.5, 1.0)]
        gx = np.tile(np.append(xs, np.nan), len(curves))
        self.ghost_curve.setData(gx, np.concatenate(curves), connect="finite")

    def _draw_my_line(self, show: bool, kb: tuple[float, float]) -> None:
        k, b = kb
        (x0, x1), _ = self.viewbox.viewRange()
        span = x1 - x0
        xl = np.array([x0 - span * 0.5, x1 + span * 0.5])
        self.my_curve.setData(xl, k * xl + b)
        self.my_curve.setVisible(show)
        self._handles_updating = True
        # placed again when my line, the view or the number of points changes; not
        # while a point is dragged (that cost 3 ms per move at 10k points)
        key = (k, b, x0, x1, *self.viewbox.viewRange()[1], self.lab.results.n)
        if not any(getattr(h, "moving", False) for h in self.handles) \
                and key != self._handle_key:
            self._handle_key = key
            self._handle_at = self._handle_places(k, b)
        fa, fb = self._handle_at
        for h, xh in zip(self.handles, (x0 + span * fa, x0 + span * fb), strict=False):
            h.setVisible(show)
            if not getattr(h, "moving", False):  # the dragged handle follows the mouse
                h.setPos(xh, k * xh + b)
        self._handles_updating = False

    def _handle_places(self, k: float, b: float) -> tuple[float, float]:
        """Where my line's two handles go, as fractions of the view's width: near a
        fifth from each side, but away from the data points (a handle on a point
        would catch the point's drag)."""
        r = self.lab.results
        (x0, x1), (y0, y1) = self.viewbox.viewRange()
        w, h = (x1 - x0) or 1.0, (y1 - y0) or 1.0
        if not r.n or r.n > 20_000:
            return 0.2, 0.8
        with np.errstate(all="ignore"):
            px, py = (r.x - x0) / w, (r.y - y0) / h

            def clear(f: float) -> float:  # distance (view fractions) to the nearest point
                yf = (k * (x0 + f * w) + b - y0) / h
                d = np.hypot(px - f, py - yf)
                return float(np.nanmin(d)) if d.size else 1.0

            out = []
            for prefs in (HANDLE_LEFT, HANDLE_RIGHT):
                good = [f for f in prefs if clear(f) >= HANDLE_CLEARANCE]
                out.append(good[0] if good else max(prefs, key=clear))
        return out[0], out[1]

    def draw_descent_line(self) -> None:
        params = self.lab.results.parameters()
        if params is None:
            self.descent_curve.setData([], [])
        else:
            with np.errstate(all="ignore"):
                self.descent_curve.setData(self._xs(), np.polyval(params, self._xs()))
        self.refresh_legend()
        self.describe()

    def describe(self) -> None:
        """What the plot shows now, for screen readers: the points, the fitted curve,
        my line and the descent's line (cheap: no refit while a point is dragged)."""
        state, r = self.lab.model.state, self.lab.results
        parts = [vt.points_text(r.n)]
        if r.n and state.degree == 1:
            k, b = r.live_line()[:2]
            parts.append(vt.fit_text(msg.polynomial_text([k, b], vt.DIGITS)))
        elif r.n and r.moving is None:
            parts.append(vt.fit_text(msg.polynomial_text(r.fit().coefficients, vt.DIGITS)))
        if dict(state.view)["my_line"]:
            parts.append(vt.my_line_text(msg.polynomial_text(state.my_line, vt.DIGITS)))
        params = r.parameters()
        if params is not None:
            parts.append(vt.descent_line_text(r.cursor, msg.polynomial_text(params, vt.DIGITS)))
        name = QCoreApplication.translate("DataPlot", "Data and fitted line")
        set_view_text(self.widget, name, vt.sentence(name, parts))

    def refresh_legend(self) -> None:
        view = dict(self.lab.model.state.view)
        entries = [(self.scatter, QCoreApplication.translate("DataPlot", "data")),
                   (self.fit_curve, QCoreApplication.translate("DataPlot",
                                                               "least-squares fit"))]
        if view["residuals"] and self.residual_curve.isVisible():
            entries.append((self.residual_curve,
                            QCoreApplication.translate("DataPlot", "residuals y − ŷ")))
        if view["my_line"]:
            entries.append((self.my_curve, QCoreApplication.translate("DataPlot", "my line")))
        if self.lab.results.trajectory is not None:
            entries.append((self.descent_curve,
                            QCoreApplication.translate("DataPlot", "gradient descent")))
        key = tuple((id(item), text) for item, text in entries)
        if key == self._legend_key:
            return
        self._legend_key = key
        self.legend.clear()
        for item, text in entries:
            self.legend.addItem(item, text)
        self.legend_place.fit_columns()

    # ------------------------------------------------------------------ my line's handles
    def _handle_kb(self) -> tuple[float, float] | None:
        (x1, y1), (x2, y2) = [(h.pos().x(), h.pos().y()) for h in self.handles]
        if abs(x2 - x1) < 1e-12:
            return None
        k = (y2 - y1) / (x2 - x1)
        b = y1 - k * x1
        return (k, b) if math.isfinite(k) and math.isfinite(b) else None

    def _on_handle_moved(self, *_a) -> None:
        if not self._handles_updating:
            kb = self._handle_kb()
            if kb is not None:
                self.lab.my_line_panel.preview(kb)

    def _on_handle_finished(self, *_a) -> None:
        self.lab.my_line_panel.commit()
