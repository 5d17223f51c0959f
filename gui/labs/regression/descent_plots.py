"""The plots of the descent tab: the contours of C over the fitted parameters with
the path and the start point, the loss per step and the parameters per step."""
from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QSizePolicy

from core.regression import PolynomialCost, SufficientStats, parameter_window
from gui import theme
from gui.text import view_text as vt
from gui.theme import zoom
from gui.theme.regression import TRACE_ROLES
from gui.views.a11y import set_view_text
from gui.views.contour import ContourView
from gui.views.perf import cache_axes

GRID_N = 100


def descent_grid(stats: SufficientStats, cost: PolynomialCost | None, start: np.ndarray,
                 path: np.ndarray | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The window of the descent's contour plot and C on it: around the minimum, and
    holding the start and the path (its finite part).  Standardised x: a round bowl,
    so a square window."""
    s = stats.standardized()[0] if cost is not None and cost.standardize else stats
    k, b = s.best_fit()
    (k0, k1), (b0, b1) = parameter_window(s)
    pts = [start[None, :]] if path is None else [start[None, :], path]
    P = np.concatenate(pts)
    ok = np.isfinite(P).all(axis=1) & (np.abs(P).max(axis=1) < 1e6)
    if cost is not None and cost.standardize:
        r = max((k1 - k0) / 2, 2.0 * s.spreads()[1])
        if ok.any():
            r = max(r, float(np.abs(P[ok] - np.array([k, b])).max()) * 1.1)
        k0, k1, b0, b1 = k - r, k + r, b - r, b + r
    elif ok.any():
        k0, k1 = min(k0, P[ok, 0].min()), max(k1, P[ok, 0].max())
        b0, b1 = min(b0, P[ok, 1].min()), max(b1, P[ok, 1].max())
    pk, pb = (k1 - k0) * 0.06, (b1 - b0) * 0.06
    ks = np.linspace(k0 - pk, k1 + pk, GRID_N)
    bs = np.linspace(b0 - pb, b1 + pb, GRID_N)
    return ks, bs, s.cost_grid(ks, bs)


class DescentPlots:
    """Builds ``contour``, ``loss_plot`` and ``trace_plot`` and draws a run on them."""

    def __init__(self, lab: Any):
        self.lab = lab
        self.contour = ContourView()
        self.contour.setMinimumSize(200, 170)
        self.contour.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.loss_plot = pg.PlotWidget()
        self.trace_plot = pg.PlotWidget()
        for w in (self.loss_plot, self.trace_plot):
            w.setMinimumSize(200, 150)
            w.showGrid(x=True, y=True, alpha=0.2)
            cache_axes(w)
        self.loss_plot.setLogMode(y=True)
        self.loss_curve = self.loss_plot.plot()
        self.loss_cursor = pg.InfiniteLine(angle=90)
        self.loss_plot.addItem(self.loss_cursor)
        self.trace_legend = self.trace_plot.addLegend(offset=(-5, 5), labelTextSize="8pt")
        self.trace_curves: list[pg.PlotDataItem] = []
        self.trace_targets: list[pg.InfiniteLine] = []
        self.trace_cursor = pg.InfiniteLine(angle=90)
        self.trace_plot.addItem(self.trace_cursor)

    def recolour(self) -> None:
        c = theme.colour
        for w in (self.loss_plot, self.trace_plot):
            w.setBackground(c("plot.background"))
            for ax in ("left", "bottom"):
                w.getAxis(ax).setPen(pg.mkPen(c("regression.axis.line"), width=zoom.line(1)))
                w.getAxis(ax).setTextPen(pg.mkPen(c("regression.axis.text")))
        self.loss_curve.setPen(pg.mkPen(c("regression.descent"), width=zoom.line(2)))
        for line in (self.loss_cursor, self.trace_cursor):
            line.setPen(pg.mkPen(c("regression.cursor"), width=zoom.line(1),
                                 style=Qt.PenStyle.DotLine))
        for j, (curve, target) in enumerate(zip(self.trace_curves, self.trace_targets,
                                                strict=True)):
            colour = c(TRACE_ROLES[j % len(TRACE_ROLES)])
            curve.setPen(pg.mkPen(colour, width=zoom.line(1.8)))
            target.setPen(pg.mkPen(colour, width=zoom.line(1), style=Qt.PenStyle.DashLine))
        self.retranslate()

    def retranslate(self) -> None:
        colour = theme.colour("regression.text.title")
        self.loss_plot.setTitle(QCoreApplication.translate("DescentPlots", "Loss C per step"),
                                size=f"{zoom.pt(9):.1f}pt", color=colour)
        self.trace_plot.setTitle(QCoreApplication.translate("DescentPlots",
                                                            "Parameters per step"),
                                 size=f"{zoom.pt(9):.1f}pt", color=colour)
        step = QCoreApplication.translate("DescentPlots", "step")
        self.loss_plot.setLabel("bottom", step)
        self.trace_plot.setLabel("bottom", step)

    def clear(self) -> None:
        self.loss_curve.setData([], [])
        for c in self.trace_curves:
            c.setData([], [])

    def show_contour(self, cost: PolynomialCost, names: list[str]) -> None:
        """Degree 1: the contours of C over the run's (k, b), the minimum, the start."""
        state, r = self.lab.model.state, self.lab.results
        d = state.descent
        t = r.trajectory
        start = np.array(d.start, dtype=np.float64)
        ks, bs, Z = descent_grid(r.stats, cost, start, None if t is None else t.points)
        self.contour.setAspectLocked(bool(d.standardize), ratio=1.0)
        self.contour.set_grid(ks, bs, Z, log_color=True)
        self.contour.setVisible(True)
        self.contour.set_axis_labels(names[0], names[1])
        self.contour.set_markers([(tuple(cost.minimizer), cost.min_value,
                                   theme.colour("regression.fit"), 16)])
        self.contour.set_start(tuple(d.start))

    def show_run(self, cost: PolynomialCost, names: list[str]) -> None:
        t = self.lab.results.trajectory
        if t is None:
            self.clear()
            return
        steps = np.arange(t.n_steps + 1)
        with np.errstate(all="ignore"):
            vals = np.where(np.isfinite(t.values) & (t.values > 0), t.values, np.nan)
        self.loss_curve.setData(steps, vals, connect="finite")
        if [c.name() for c in self.trace_curves] != names:
            self._rebuild_traces(names)
        with np.errstate(all="ignore"):
            P = np.where(np.isfinite(t.points) & (np.abs(t.points) < 1e12), t.points, np.nan)
        for j, c in enumerate(self.trace_curves):
            c.setData(steps, P[:, j], connect="finite")
            self.trace_targets[j].setPos(float(cost.minimizer[j]))
        self.loss_plot.enableAutoRange()
        self.trace_plot.enableAutoRange()

    def _rebuild_traces(self, names: list[str]) -> None:
        for c in self.trace_curves + self.trace_targets:
            self.trace_plot.removeItem(c)
        self.trace_legend.clear()
        self.trace_curves, self.trace_targets = [], []
        for name in names:
            self.trace_curves.append(self.trace_plot.plot(name=name))
            line = pg.InfiniteLine(angle=0)
            self.trace_plot.addItem(line)
            self.trace_targets.append(line)
        self.recolour()

    def show_step(self, i: int) -> None:
        """The path up to step ``i`` on the contours and the cursor lines."""
        t = self.lab.results.trajectory
        if t is None:
            self.contour.set_paths([])
            self.contour.set_current([])
            return
        if self.lab.model.state.degree == 1:
            colour = theme.colour("regression.descent")
            P = t.points[: i + 1]
            self.contour.set_paths([(P, t.values[: i + 1], colour)])
            self.contour.set_current([(P[-1], float(t.values[i]), colour)])
        self.loss_cursor.setPos(i)
        self.trace_cursor.setPos(i)


    def describe(self, i: int, names: list[str]) -> None:
        """What each plot shows now, for screen readers: the run and step ``i`` of
        the parameters ``names``."""
        state, r = self.lab.model.state, self.lab.results
        t = r.trajectory
        start, run, step, loss, params = [], [vt.not_run()], [], [vt.not_run()], [vt.not_run()]
        if state.degree == 1:
            start = [vt.start_text(state.descent.start)]
        if t is not None:
            i = min(i, t.n_steps)
            run = [vt.run_text(t.stop_reason, t.n_steps, t.points[-1], t.values[-1], "C")]
            step = [vt.step_text(i, t.points[i], t.values[i], "C")]
            loss = [vt.values_text("C", t.values[0], t.values[-1], t.n_steps),
                    vt.step_value(i, "C", t.values[i])]
            params = [vt.range_text(n, t.points[0][j], t.points[-1][j])
                      for j, n in enumerate(names[: t.points.shape[1]])]
            params.append(vt.step_text(i, t.points[i], t.values[i], "C"))
        cost = vt.signature("C", names)
        for view, name, parts in (
                (self.contour, QCoreApplication.translate("DescentPlots", "Contour map of C"),
                 [cost, *start, *run, *step]),
                (self.loss_plot, QCoreApplication.translate("DescentPlots", "Loss C per step"),
                 loss),
                (self.trace_plot,
                 QCoreApplication.translate("DescentPlots", "Parameters per step"), params)):
            set_view_text(view, name, vt.sentence(name, parts))
