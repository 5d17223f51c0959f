"""The views of f: the curve of a function of one variable (with the tangent at the
current point), the 3D surface and contour map of a function of two, and the
values of each variable against k for three or more.  One page shows at a time.

What is drawn comes from the state (the grid, by core.landscape) and the results
(the runs); the step shown (the cursor) is view state owned by the lab.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QStackedWidget

from core.landscape import curve_values, curve_view_range, grid_values, tangent_segment
from core.optimizers import OPTIMIZER_NAMES
from gui import theme
from gui.labs.descent.common import LABELS, Panel, line_colour, path_colour
from gui.labs.descent.results import Results, ranges_of, start_of
from gui.labs.descent.state import DescentState
from gui.text import view_text as vt
from gui.theme import zoom
from gui.views.a11y import set_view_text
from gui.views.contour import ContourView
from gui.views.perf import cache_axes
from gui.views.ranges import safe_range
from gui.views.surface import SurfaceView
from gui.views.thin import prefix, screen_indices
from gui.widgets.adaptive import SplitOrTabs

N_TRACE_COLOURS = 6
CURVE, SURFACE, TRACES = 0, 1, 2  # the pages
VIEW_WIDTH = 300  # the surface and the contour map side by side: each this wide


def faint(colour: str) -> str:
    """``colour`` at alpha 120 (#aarrggbb): the views draw it as a full, faint path."""
    c = QColor(colour)
    c.setAlpha(120)
    return c.name(QColor.NameFormat.HexArgb)


class FunctionViews(Panel, QStackedWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.surface = SurfaceView(self)
        self.contour = ContourView(self)
        # side by side, or in tabs in a narrow window (a laptop, the zoom, the
        # lesson panel): each at least VIEW_WIDTH px wide
        self.view2 = SplitOrTabs(VIEW_WIDTH, self)
        self.view2.addWidget(self.surface)
        self.view2.addWidget(self.contour)
        self.view2.setSizes([560, 460])
        self.curve_plot = pg.PlotWidget(self, background=theme.colour("plot.background"))
        self.curve_plot.showGrid(x=True, y=True, alpha=0.25)
        self.curve = self.curve_plot.plot()
        self.tangent = self.curve_plot.plot()
        self._curve_paths: list[pg.PlotDataItem] = []
        self._curve_current = pg.ScatterPlotItem(
            size=13, pen=pg.mkPen(theme.colour("view.marker.outline"), width=zoom.line(2)))
        self._curve_current.setZValue(20)
        self.curve_plot.addItem(self._curve_current)
        self.trace_plot = pg.PlotWidget(self, background=theme.colour("plot.background"))
        self.trace_plot.showGrid(x=True, y=True, alpha=0.25)
        self.trace_legend = self.trace_plot.addLegend(offset=(-10, 10))
        self._traces: list[pg.PlotDataItem] = []
        self._trace_cursor = pg.InfiniteLine(angle=90)
        self.trace_plot.addItem(self._trace_cursor)
        self.addWidget(self.curve_plot)  # CURVE: one variable
        self.addWidget(self.view2)       # SURFACE: two variables
        self.addWidget(self.trace_plot)  # TRACES: three or more
        for plot in (self.curve_plot, self.trace_plot, self.contour):
            cache_axes(plot)
        for plot in (self.curve_plot, self.trace_plot):
            plot.setMinimumSize(200, 200)  # the stack asks for the page shown only
        self._paths_full: list = []
        self._kept: dict[str, tuple] = {}  # run name -> (run, box, indices drawn)
        self._n = 0
        self._k = 0  # the step shown (for the descriptions)
        self.recolour()
        self._ready = True

    def plots(self) -> tuple:
        return self.curve_plot, self.trace_plot, self.contour

    # ------------------------------------------------------------------ the function
    def show_function(self, state: DescentState, objective, grid_n: int,
                      keep_overlay: bool) -> None:
        """f on its plot range: the curve, or the surface and contours (a new grid),
        and the page for its number of variables."""
        obj = objective
        self._n = obj.n
        self.setCurrentIndex(CURVE if obj.n == 1 else SURFACE if obj.n == 2 else TRACES)
        ranges = ranges_of(state, obj.variables)
        if obj.n == 1:
            lo, hi = ranges[obj.variables[0]]
            xs, ys = curve_values(obj, lo, hi)
            self.curve.setData(xs, ys, connect="finite")
            self.curve_plot.setXRange(*safe_range(lo, hi), padding=0.02)
            yr = curve_view_range(ys)
            if yr is not None:
                self.curve_plot.setYRange(*safe_range(*yr), padding=0)
            return
        if obj.n != 2:
            return
        vx, vy = obj.variables
        xs, ys, Z = grid_values(obj, ranges[vx], ranges[vy], grid_n)
        self.surface.set_grid(xs, ys, Z, log_color=state.log_color)
        self.contour.set_grid(xs, ys, Z, log_color=state.log_color)
        self.surface.set_axis_labels(vx, vy, "f")
        self.contour.set_axis_labels(vx, vy)
        if not keep_overlay:
            self.contour.set_overlay(None)
            self.contour.set_markers([])

    # ------------------------------------------------------------------ whole runs
    def show_runs(self, results: Results, steps_of: str | None, start) -> None:
        """The faint full paths of every run, θ₀ on the contour map, the pooled
        one-variable path items, and the variables of ``steps_of``'s run (n ≥ 3)."""
        obj = results.objective
        runs = results.runs
        self._kept = {}
        self._paths_full = []
        for name, t in runs.items():
            ix = self._thin(name, t) if obj.n == 2 else slice(None)
            pts = t.points[:, :2] if t.points.shape[1] >= 2 else t.points
            self._paths_full.append((pts[ix], t.values[ix], faint(path_colour(name))))
        if obj.n == 2:
            self.contour.set_start(start)
        elif obj.n == 1:
            while len(self._curve_paths) < len(OPTIMIZER_NAMES):
                item = self.curve_plot.plot(symbol="o", symbolSize=6)
                item.setZValue(10)
                self._curve_paths.append(item)
        else:
            # one curve per variable; items are pooled and updated with setData
            t = runs.get(steps_of) if steps_of else None
            self.trace_legend.clear()
            n = obj.n if t is not None else 0
            for i in range(n):
                if i >= len(self._traces):
                    self._traces.append(self.trace_plot.plot())
                item = self._traces[i]
                item.setData(np.arange(len(t.points)), t.points[:, i])
                item.setPen(pg.mkPen(theme.colour(f"descent.trace.{i % N_TRACE_COLOURS}"),
                                     width=zoom.line(2)))
                item.setVisible(True)
                self.trace_legend.addItem(item, obj.variables[i])
            for item in self._traces[n:]:
                item.setVisible(False)

    def _thin(self, name: str, t) -> np.ndarray:
        """The indices of run ``name``'s points drawn on the map (screen resolution),
        computed once per run and plotted box."""
        box = self.contour.plot_box()
        got = self._kept.get(name)
        if got is None or got[0] is not t or got[1] != box:
            got = (t, box, screen_indices(t.points[:, :2], box))
            self._kept[name] = got
        return got[2]

    # ------------------------------------------------------------------ the step shown
    def show_cursor(self, k: int, results: Results, steps_of: str | None,
                    state: DescentState) -> None:
        """Every run walked up to step k, its current point, and for ``steps_of``'s
        run the step arrow (two variables) or the tangent (one variable)."""
        obj = results.objective
        runs = results.runs
        names = list(runs)
        paths, current = [], []
        for name in names:
            t = runs[name]
            i = min(k, len(t.points) - 1)
            col = path_colour(name)
            if obj.n == 2:  # thinned to the screen: a step costs the same at any length
                ix = prefix(self._thin(name, t), i)
                paths.append((t.points[ix, :2], t.values[ix], col))
            current.append((t.points[i][:2], t.values[i], col))
        self._trace_cursor.setValue(k)
        if obj.n == 2:
            self.surface.set_paths(self._paths_full + paths)
            self.contour.set_paths(self._paths_full + paths)
            self.surface.set_current(current)
            self.contour.set_current(current)
        elif obj.n == 1:
            for j, item in enumerate(self._curve_paths):
                if j < len(names):
                    t = runs[names[j]]
                    i = min(k, len(t.points) - 1)
                    col = line_colour(names[j])
                    item.setData(t.points[: i + 1, 0], t.values[: i + 1],
                                 pen=pg.mkPen(col, width=zoom.line(1.5)), symbolBrush=col,
                                 symbolPen=None)
                    item.setVisible(True)
                else:
                    item.setVisible(False)
            self._curve_current.setData([{"pos": (float(c[0][0]), float(c[1])),
                                          "brush": pg.mkBrush(c[2])} for c in current
                                         if np.isfinite(c[0]).all() and np.isfinite(c[1])])
        self.describe(results, steps_of, state, k)
        t = runs.get(steps_of) if steps_of else None
        if t is None:
            self.surface.set_arrow(None, None)
            return
        i = min(k, len(t.points) - 1)
        if obj.n == 2:
            step = None if i >= t.n_steps else t.steps[i]
            self.surface.set_arrow(t.points[i], step, theme.colour("descent.arrow"))
        elif obj.n == 1:
            lo, hi = ranges_of(state, obj.variables)[obj.variables[0]]
            seg = tangent_segment(t.points[i][0], t.values[i], t.gradients[i][0],
                                  (hi - lo) * 0.22)
            self.tangent.setData(*(seg if seg is not None else ([], [])))

    # ------------------------------------------------------------------ screen readers
    def describe(self, results: Results, steps_of: str | None, state: DescentState,
                 k: int | None = None) -> None:
        """Name each view and say what it shows now (read by screen readers): f, θ₀,
        how the run shown ends and the step shown (``k``, else the last one)."""
        if k is not None:
            self._k = k
        variables = results.objective.variables
        start = start_of(state, variables)
        parts = [vt.signature("f", variables), vt.start_text([start[v] for v in variables])]
        t = results.runs.get(steps_of) if steps_of else None
        if t is None:
            parts.append(vt.no_run())
        else:
            run = vt.run_text(t.stop_reason, t.n_steps, t.points[-1], t.values[-1])
            if len(results.runs) > 1:
                parts.append(vt.runs_count(len(results.runs)))
                run = vt.named_run(LABELS.get(steps_of, steps_of), run)
            i = min(self._k, len(t.points) - 1)
            parts += [run, vt.step_text(i, t.points[i], t.values[i])]
        for view, name in ((self.contour, self.tr("Contour map")),
                           (self.surface, self.tr("3D surface")),
                           (self.curve_plot, self.tr("Graph of f")),
                           (self.trace_plot, self.tr("Variables against k"))):
            set_view_text(view, name, vt.sentence(name, parts))

    # ------------------------------------------------------------------ words, colours
    def retranslate(self) -> None:
        self.view2.set_titles([self.tr("3D surface"), self.tr("Contour map")])
        self.curve_plot.setLabel("bottom", "x")
        self.curve_plot.setLabel("left", "f")
        self.trace_plot.setLabel("bottom", self.tr("iteration k"))
        self.trace_plot.setLabel("left", self.tr("value of each variable"))

    def recolour(self) -> None:
        for plot in (self.curve_plot, self.trace_plot):
            plot.setBackground(theme.colour("plot.background"))
        self.curve.setPen(pg.mkPen(theme.colour("descent.curve"), width=zoom.line(2.5)))
        self.tangent.setPen(pg.mkPen(theme.colour("descent.tangent"), width=zoom.line(2),
                                     style=Qt.PenStyle.DashLine))
        self._trace_cursor.setPen(pg.mkPen(theme.colour("descent.cursor"), width=zoom.line(1)))
        self.trace_legend.setBrush(pg.mkBrush(theme.qcolour("plot.background", 215 / 255)))
        self.trace_legend.setPen(pg.mkPen(theme.colour("descent.legend.border")))
        for i, item in enumerate(self._traces):
            item.setPen(pg.mkPen(theme.colour(f"descent.trace.{i % N_TRACE_COLOURS}"),
                                 width=zoom.line(2)))

