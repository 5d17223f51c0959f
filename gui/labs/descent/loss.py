"""Loss f(θₖ) and gradient norm ‖∇f(θₖ)‖ against k, one curve per run, with a line
at the step shown.  ``log y`` of the loss plot is view state (not saved)."""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.optimizers import OPTIMIZER_NAMES
from gui import theme
from gui.labs.descent.common import LABELS, Panel, line_colour, restyle
from gui.labs.descent.results import Results
from gui.text import view_text as vt
from gui.theme import zoom
from gui.views.a11y import set_view_text
from gui.views.perf import cache_axes


class LossPlots(Panel, QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        bg = theme.colour("plot.background")
        self.loss_plot = pg.PlotWidget(self, background=bg)
        self.loss_plot.showGrid(x=True, y=True, alpha=0.25)
        self.loss_legend = self.loss_plot.addLegend(offset=(-10, 8), labelTextSize="8pt")
        self.grad_plot = pg.PlotWidget(self, background=bg)
        self.grad_plot.showGrid(x=True, y=True, alpha=0.25)
        self.grad_plot.setLogMode(False, True)
        self.loss_curves: dict[str, pg.PlotDataItem] = {}
        self.grad_curves: dict[str, pg.PlotDataItem] = {}
        for name in OPTIMIZER_NAMES:
            self.loss_curves[name] = self.loss_plot.plot(connect="finite")
            self.grad_curves[name] = self.grad_plot.plot(connect="finite")
            for curve in (self.loss_curves[name], self.grad_curves[name]):
                # a 100k-step run: the min and max of each pixel column, what is in view
                curve.setDownsampling(auto=True, method="peak")
                curve.setClipToView(True)
        self._cursors = (pg.InfiniteLine(angle=90), pg.InfiniteLine(angle=90))
        self.loss_plot.addItem(self._cursors[0])
        self.grad_plot.addItem(self._cursors[1])
        self.log_loss_check = QCheckBox(self)
        self.loss_title = QLabel(self)
        self.grad_title = QLabel(self)
        pl = QVBoxLayout(self)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.setSpacing(2)
        prow = QHBoxLayout()
        prow.addWidget(self.loss_title)
        prow.addStretch(1)
        prow.addWidget(self.log_loss_check)
        pl.addLayout(prow)
        pl.addWidget(self.loss_plot, 3)
        pl.addWidget(self.grad_title)
        pl.addWidget(self.grad_plot, 2)
        for plot in (self.loss_plot, self.grad_plot):
            cache_axes(plot)
            plot.setMinimumSize(200, 150)  # readable, however small the window
        self._last: tuple[Results, Callable[[str], str]] | None = None
        self._k = 0  # the step shown (for the descriptions)
        # the runs (kept: compared by identity), the titles and their wording
        self._summary: tuple[object, tuple[str, ...], list[list[str]]] = (None, (), [])
        self.log_loss_check.toggled.connect(self._on_log)
        self.recolour()
        self._ready = True

    def plots(self) -> tuple:
        return self.loss_plot, self.grad_plot

    def show_runs(self, results: Results, legend_text: Callable[[str], str]) -> None:
        self._last = (results, legend_text)
        runs = results.runs
        for name in OPTIMIZER_NAMES:
            self.loss_curves[name].setVisible(name in runs)
            self.grad_curves[name].setVisible(name in runs)
        self.loss_legend.clear()
        log = self.log_loss_check.isChecked()
        for name, t in runs.items():
            k = np.arange(len(t.values))
            with np.errstate(all="ignore"):
                v = np.where(np.isfinite(t.values), t.values, np.nan)
                if log:
                    v = np.where(v > 0, v, np.nan)
                g = t.gradient_norms
                g = np.where(np.isfinite(g) & (g > 0), g, np.nan)
            self.loss_curves[name].setData(k, v)
            self.grad_curves[name].setData(k, g)
            self.loss_legend.addItem(self.loss_curves[name], legend_text(name))
        self.describe()

    def set_cursor(self, k: int) -> None:
        for line in self._cursors:
            line.setValue(k)
        self.describe(k)

    def describe(self, k: int | None = None) -> None:
        """What each plot shows now, for screen readers: how f and ‖∇f‖ change over
        each run (worded once per set of runs), and their values at the step shown."""
        if k is not None:
            self._k = k
        runs = self._last[0].runs if self._last is not None else {}
        plots = ((self.loss_plot, self.loss_title.text(), "f", lambda t: t.values),
                 (self.grad_plot, self.grad_title.text(), "‖∇f‖", lambda t: t.gradient_norms))
        titles = tuple(p[1] for p in plots)
        if self._summary[0] is not runs or self._summary[1] != titles:
            wording = []
            for _plot, _name, symbol, values_of in plots:
                parts = []
                for opt, t in runs.items():
                    v = values_of(t)
                    if len(v):
                        text = vt.values_text(symbol, v[0], v[-1], t.n_steps)
                        parts.append(vt.named_run(LABELS.get(opt, opt), text)
                                     if len(runs) > 1 else text)
                wording.append(parts or [vt.no_run()])
            self._summary = (runs, titles, wording)
        for (plot, name, symbol, values_of), parts in zip(plots, self._summary[2], strict=True):
            if len(runs) == 1:
                v = values_of(next(iter(runs.values())))
                i = min(self._k, len(v) - 1)
                if i >= 0:
                    parts = [*parts, vt.step_value(i, symbol, v[i])]
            set_view_text(plot, name, vt.sentence(name, parts))

    def _on_log(self, on: bool) -> None:
        self.loss_plot.setLogMode(False, on)
        if self._last is not None:
            self.show_runs(*self._last)

    # ------------------------------------------------------------------ words, colours
    def retranslate(self) -> None:
        self.log_loss_check.setToolTip(self.tr("Plot the loss f(θₖ) on a logarithmic axis."))
        self.loss_title.setText(self.tr("Loss f(θₖ) against iteration k"))
        self.grad_title.setText(self.tr("‖∇f(θₖ)‖ against iteration k (log scale)"))
        self.log_loss_check.setText(self.tr("log y"))
        self.loss_plot.setLabel("bottom", self.tr("iteration k"))
        self.grad_plot.setLabel("bottom", self.tr("iteration k"))
        if self._last is not None:
            self.show_runs(*self._last)

    def recolour(self) -> None:
        for plot in (self.loss_plot, self.grad_plot):
            plot.setBackground(theme.colour("plot.background"))
        for lab in (self.loss_title, self.grad_title):
            restyle(lab, f"font-weight: 600; color: {theme.colour('descent.title')};")
        for name in OPTIMIZER_NAMES:
            pen = pg.mkPen(line_colour(name), width=zoom.line(2))
            self.loss_curves[name].setPen(pen)
            self.grad_curves[name].setPen(pen)
        for line in self._cursors:
            line.setPen(pg.mkPen(theme.colour("descent.cursor"), width=zoom.line(1)))
        self.loss_legend.setBrush(pg.mkBrush(theme.qcolour("plot.background", 215 / 255)))
        self.loss_legend.setPen(pg.mkPen(theme.colour("descent.legend.border")))

