"""The View box: log colour scale (a setting) and the basin map (view only).

The basin map runs the first selected optimizer from an n × n grid of starts, a
few steps per timer tick (the window stays responsive), then colours each start by
the minimum it reached and stars the largest basins' minima on the contour map.

View state (not saved): the Basin map check box, its grid size, and the last map
(``labels``, ``minima``, ``unsettled``).
"""
from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QLabel, QSpinBox

from core.descent import STOP_REASONS
from core.descent_batch import cluster_minima, iter_descend_batch
from core.landscape import grid_points
from core.optimizers import make_optimizer
from gui import theme
from gui.labs.descent.common import (
    MAX_BASIN_MARKERS,
    N_BASIN_COLOURS,
    Panel,
    basin_colour,
    push_edit,
    restyle,
)
from gui.labs.descent.results import hyper_of, parse_function, ranges_of
from gui.labs.descent.state import DescentState
from gui.labs.model import LabModel

BASIN_STEPS = 500   # steps per start at most
TICK_SECONDS = 0.025  # work per timer tick


class BasinBox(Panel, QGroupBox):
    def __init__(self, model: LabModel[DescentState], session, contour, parent=None):
        super().__init__(parent)
        self.model = model
        self.session = session
        self.contour = contour
        vl = QGridLayout(self)
        vl.setContentsMargins(8, 6, 8, 6)
        self.log_color_check = QCheckBox(self)
        self.basin_check = QCheckBox(self)
        self.basin_size = QSpinBox(self)
        self.basin_size.setRange(20, 200)
        self.basin_size.setValue(100)
        self.basin_size.setSingleStep(20)
        self.basin_status = QLabel(self)
        vl.addWidget(self.log_color_check, 0, 0, 1, 2)
        vl.addWidget(self.basin_check, 1, 0)
        vl.addWidget(self.basin_size, 1, 1)
        vl.addWidget(self.basin_status, 2, 0, 1, 2)
        self.timer = QTimer(self)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._tick)
        self._iter = None
        self._shape = (0, 0)
        self._span = 1.0
        self._started = 0.0
        self.labels: np.ndarray | None = None
        self.minima: np.ndarray | list = []
        self.unsettled = 0
        self.log_color_check.toggled.connect(
            lambda on: push_edit(self.model, self.session, {"log_color": bool(on)},
                                 self.tr("Log colour scale")))
        self.basin_check.toggled.connect(self._on_toggled)
        self.basin_size.editingFinished.connect(
            lambda: self.basin_check.isChecked() and self.start())
        self.recolour()
        self._ready = True

    # ------------------------------------------------------------------ model → widgets
    def show_state(self, fields: frozenset[str], n_variables: int) -> None:
        """Show the log-colour setting; stop a map of a function that has no map, and
        start again when what the map depends on changed."""
        self.log_color_check.blockSignals(True)
        self.log_color_check.setChecked(self.model.state.log_color)
        self.log_color_check.blockSignals(False)
        self.basin_check.setEnabled(n_variables == 2)
        self.log_color_check.setEnabled(n_variables == 2)
        if n_variables != 2 and self._iter is not None:
            self.timer.stop()
            self._iter = None
            self.basin_status.setText("")
        if self.basin_check.isChecked() and fields & {"function", "ranges", "selected",
                                                       "hyper", "stop"}:
            self.start()

    # ------------------------------------------------------------------ the map
    def _on_toggled(self, on: bool) -> None:
        if on:
            self.start()
        else:
            self.timer.stop()
            self._iter = None
            self.contour.set_overlay(None)
            self.contour.set_markers([])
            self.basin_status.setText("")

    def start(self) -> None:
        state = self.model.state
        obj = parse_function(state.function)
        if obj.n != 2:
            return
        nb = int(self.basin_size.value())
        vx, vy = obj.variables
        ranges = ranges_of(state, obj.variables)
        starts = grid_points(ranges[vx], ranges[vy], nb)
        name = state.selected[0]
        st = state.stop
        opt = make_optimizer(name, **hyper_of(state, name))
        self._shape = (nb, nb)
        self._span = max(ranges[vx][1] - ranges[vx][0], ranges[vy][1] - ranges[vy][0])
        self.contour.set_overlay(None)
        self.contour.set_markers([])
        self._started = time.perf_counter()
        self._iter = iter_descend_batch(obj, opt, starts,
                                        max_steps=min(int(st.max_steps), BASIN_STEPS),
                                        grad_tol=max(float(st.grad_tol), 1e-6),
                                        value_tol=st.value_tol, chunk=4)
        self.basin_status.setText(self.tr("Computing basins…"))
        self.timer.start()

    def running(self) -> bool:
        return self.timer.isActive()

    def _tick(self) -> None:
        if self._iter is None:
            self.timer.stop()
            return
        t0 = time.perf_counter()
        res = None
        try:
            while time.perf_counter() - t0 < TICK_SECONDS:
                res = next(self._iter)
                if res.done:
                    break
        except StopIteration:
            pass
        if res is None:
            return
        if not res.done:
            self.basin_status.setText(self.tr("Computing basins… {k} steps, {m} starts "
                                              "still moving").format(k=res.steps_done,
                                                                     m=res.n_running))
            return
        self.timer.stop()
        self._iter = None
        self._show(res)

    def _show(self, res) -> None:
        # an end point that only ran out of steps is not a minimum: it stays grey
        # (otherwise Rosenbrock's slow valley shows "2 minima" where there is one)
        codes = np.asarray(res.stop_reasons)
        reasons = (np.asarray(STOP_REASONS, dtype=object)[codes] if codes.dtype.kind in "iu"
                   else codes.astype(object)).astype(str)
        unsettled = reasons == "max_steps"
        labels, minima = cluster_minima(res.final_points, tol=self._span * 2e-3,
                                        stop_reasons=np.where(unsettled, "running", reasons))
        # one colour per basin, vectorised: a plateau (relu(x) − relu(y)) stops every
        # start where it is, thousands of one-point "basins"
        palette = np.array([(c.red(), c.green(), c.blue(), 120) for c in
                            (theme.qcolour(f"descent.basin.{i}")
                             for i in range(N_BASIN_COLOURS))], dtype=np.ubyte)
        rgba = palette[np.maximum(labels, 0) % len(palette)]
        grey = theme.qcolour("descent.basin.unsettled")
        rgba[labels < 0] = (grey.red(), grey.green(), grey.blue(), 150)
        self.contour.set_overlay(rgba.reshape(*self._shape, 4))
        shown = minima[:MAX_BASIN_MARKERS]  # the largest basins come first
        obj = parse_function(self.model.state.function)
        vals = obj.value_at(shown) if len(shown) else []
        self.contour.set_markers([(m, v, basin_colour(j), 16)
                                  for j, (m, v) in enumerate(zip(shown, vals, strict=False))])
        elapsed = time.perf_counter() - self._started
        text = self.tr("{n} minima found ({t:.2f} s)").format(n=len(minima), t=elapsed)
        n_unsettled = int(unsettled.sum())
        if n_unsettled:
            text += "\n" + self.tr("{m} of {total} starts had not converged after {k} "
                                    "steps (grey)").format(m=n_unsettled, total=len(labels),
                                                           k=res.steps_done)
        self.basin_status.setText(text)
        self.unsettled, self.labels, self.minima = n_unsettled, labels, minima

    # ------------------------------------------------------------------ words, colours
    def retranslate(self) -> None:
        self.setTitle(self.tr("View"))
        self.log_color_check.setText(self.tr("Log colour scale"))
        self.log_color_check.setToolTip(self.tr("Colour the surface and the contours by log f "
                                                "instead of f, to show the shape near the "
                                                "minimum."))
        self.basin_check.setText(self.tr("Basin map"))
        self.basin_check.setToolTip(self.tr("Run descent from a grid of start points θ₀ and "
                                            "colour each start by the minimum it reaches (its "
                                            "basin)."))
        self.basin_size.setToolTip(self.tr("Start points per side of the basin map: n × n runs "
                                           "of the first selected optimizer."))
        self.basin_size.setSuffix(self.tr(" × grid"))
        self.basin_size.setAccessibleName(self.tr("Basin map: start points per side"))

    def recolour(self) -> None:
        restyle(self.basin_status, f"color: {theme.colour('descent.dim')};")

