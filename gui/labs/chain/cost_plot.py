"""The neuron's cost after each gradient-descent step: C₀, C₁, … and the cost now."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

from gui import theme
from gui.labs.chain.widgets import plot_widget
from gui.text import view_text as vt
from gui.theme import zoom
from gui.views.a11y import set_view_text
from gui.views.ranges import safe_range


class CostPlot:
    """A small plot of the costs (its PlotWidget is ``plot``, the line ``curve``)."""

    def __init__(self) -> None:
        self.plot = plot_widget()
        self.plot.setFixedHeight(170)
        pi = self.plot.getPlotItem()
        pi.vb.setMouseEnabled(x=False, y=False)
        for ax in ("left", "bottom"):
            pi.getAxis(ax).enableAutoSIPrefix(False)
        self.curve = pi.plot(symbol="o", symbolSize=6)
        self.recolour()

    def recolour(self) -> None:
        c = theme.colour("chain.true")
        self.curve.setPen(pg.mkPen(c, width=zoom.line(2)))
        self.curve.setSymbolBrush(c)
        self.curve.setSymbolPen(None)

    def retranslate(self) -> None:
        pi = self.plot.getPlotItem()
        pi.setLabel("bottom", QCoreApplication.translate("NeuronSection", "step"))
        pi.setLabel("left", "C")

    def show(self, costs: list[float]) -> None:
        self.curve.setData(np.arange(len(costs)), np.array(costs))
        pi = self.plot.getPlotItem()
        pi.setXRange(-0.3, max(5, len(costs) - 1) + 0.3, padding=0)
        top = max((h for h in costs if math.isfinite(h)), default=0.0)
        pi.setYRange(*safe_range(0, top * 1.1 if top > 0 else 1.0), padding=0)
        name = QCoreApplication.translate("NeuronSection", "Cost C per gradient-descent step")
        set_view_text(self.plot, name, vt.sentence(name, [
            vt.values_text("C", costs[0], costs[-1], len(costs) - 1) if len(costs) > 1
            else vt.eq("C", costs[0]) if costs else vt.not_run()]))
