"""The "Fit by gradient descent" tab: the optimizer's settings, the stepper, the
arithmetic of the step shown, the closed form against the descent, and the plots.

The run is a result (``lab.results``); the step shown is view state, driven by a
:class:`~gui.views.stepper.TrajectoryCursor`."""
from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.descent import classify_run, learning_rate_bound
from core.optimizers import OPTIMIZER_NAMES
from core.regression import parameter_names
from gui import theme
from gui.labs.regression.descent_plots import DescentPlots
from gui.labs.regression.state import LR_RANGE, MAX_STEPS, RegressionState
from gui.text import regression_messages as msg
from gui.text.format import fmt
from gui.views.stepper import StepControls, StepPanel, TrajectoryCursor
from gui.widgets.adaptive import FlowRow, VScrollArea, fit_height, make_flow

OPTIMIZER_LABELS = {"gd": "GD", "momentum": "Momentum", "nesterov": "Nesterov",
                    "adagrad": "AdaGrad", "rmsprop": "RMSProp", "adam": "Adam"}
#: a whole run plays in about 8 s
PLAY_FRAMES = 160


class DescentPanel(QWidget):
    def __init__(self, lab: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.lab = lab
        self.tcursor = TrajectoryCursor(self)
        self.tcursor.indexChanged.connect(self._on_cursor_index)
        dv = QVBoxLayout(self)
        self.descent_box = box = QGroupBox()
        form = QGridLayout(box)
        self.opt_label = QLabel()
        self.opt_combo = QComboBox()
        for name in OPTIMIZER_NAMES:
            self.opt_combo.addItem(OPTIMIZER_LABELS.get(name, name), name)
        self.opt_combo.activated.connect(lambda _i: self._edit("optimizer"))
        self.lr_label = QLabel()
        self.lr_spin = QDoubleSpinBox()
        self.lr_spin.setDecimals(8)
        self.lr_spin.setRange(*LR_RANGE)
        self.lr_spin.setSingleStep(0.01)
        self.lr_spin.setKeyboardTracking(False)
        self.lr_spin.valueChanged.connect(lambda _v: self._edit("lr"))
        self.steps_label = QLabel()
        self.steps_spin = QSpinBox()
        self.steps_spin.setRange(1, MAX_STEPS)
        self.steps_spin.setKeyboardTracking(False)
        self.steps_spin.valueChanged.connect(lambda _v: self._edit("max_steps"))
        self.standardize_check = QCheckBox()
        self.standardize_check.toggled.connect(lambda _v: self._edit("standardize"))
        self.bound_label = QLabel()
        self.bound_label.setWordWrap(True)
        self.bound_label.setTextFormat(Qt.TextFormat.RichText)
        # label and field pairs that wrap onto more lines in a narrow window
        fields = FlowRow(spacing=12)
        for label, field in ((self.opt_label, self.opt_combo), (self.lr_label, self.lr_spin),
                             (self.steps_label, self.steps_spin)):
            pair = QWidget()
            pl = QHBoxLayout(pair)
            pl.setContentsMargins(0, 0, 0, 0)
            pl.addWidget(label)
            pl.addWidget(field)
            fields.addWidget(pair)
        form.addWidget(fields, 0, 0)
        form.addWidget(self.standardize_check, 1, 0)
        form.addWidget(self.bound_label, 2, 0)
        dv.addWidget(box)
        self.step_controls = StepControls()
        self.step_controls.stepRequested.connect(self._on_step)
        self.step_controls.playToggled.connect(self._on_play)
        self.step_controls.runRequested.connect(self._on_run)
        self.step_controls.resetRequested.connect(self._on_reset)
        self.step_controls.speedChanged.connect(self.tcursor.set_speed)
        self.tcursor.playingChanged.connect(self.step_controls.set_playing)
        # play speed is chosen from the run's length, so the speed boxes are not
        # needed here and the controls fit the side panel
        for w in (self.step_controls.sps_label, self.step_controls.sps,
                  self.step_controls.spf_label, self.step_controls.spf):
            w.hide()
        make_flow(self.step_controls)
        dv.addWidget(self.step_controls)
        self.descent_compare = QLabel()
        self.descent_compare.setObjectName("descentCompare")
        self.descent_compare.setWordWrap(True)
        self.descent_compare.setTextFormat(Qt.TextFormat.RichText)
        dv.addWidget(self.descent_compare)
        self.plots = DescentPlots(lab)
        self.step_panel = StepPanel()
        self.step_panel.setMinimumWidth(250)
        # scrolls vertically, never clipped at the right (it is as wide as the panel)
        self.step_scroll = VScrollArea(self.step_panel)
        self.step_scroll.setMinimumHeight(120)
        mid = QHBoxLayout()
        mid.addWidget(self.step_scroll, 1)
        mid.addWidget(self.plots.contour, 1)
        dv.addLayout(mid, 3)
        low = QHBoxLayout()
        low.addWidget(self.plots.loss_plot)
        low.addWidget(self.plots.trace_plot)
        dv.addLayout(low, 2)
        fit_height(self, least=True)  # wrapped settings and texts are never squeezed

    # ------------------------------------------------------------------ settings
    def _edit(self, key: str) -> None:
        values = {"optimizer": self.opt_combo.currentData(), "lr": float(self.lr_spin.value()),
                  "max_steps": int(self.steps_spin.value()),
                  "standardize": self.standardize_check.isChecked()}
        self.lab.set_descent({key: values[key]}, merge=key in ("lr", "max_steps"))

    def show_settings(self, state: RegressionState) -> None:
        d = state.descent
        widgets = (self.opt_combo, self.lr_spin, self.steps_spin, self.standardize_check)
        for w in widgets:
            w.blockSignals(True)
        self.opt_combo.setCurrentIndex(max(0, self.opt_combo.findData(d.optimizer)))
        self.lr_spin.setValue(float(d.lr))
        self.steps_spin.setValue(int(d.max_steps))
        self.standardize_check.setChecked(bool(d.standardize))
        for w in widgets:
            w.blockSignals(False)

    def set_start(self, x: float, y: float, raw: bool = False) -> None:
        """The descent's start (k, b), clicked on a contour plot; ``raw``: in raw x
        (the cost tab's contour) while the descent runs on standardised x."""
        state = self.lab.model.state
        if state.degree != 1:
            return
        if raw and state.descent.standardize:
            _z, mx, sig = self.lab.results.stats.standardized()
            x, y = x * sig, y + x * mx
        self.lab.set_descent({"start": [float(x), float(y)]})

    # ------------------------------------------------------------------ the run
    def ensure_run(self):
        r = self.lab.results
        if r.trajectory is None:
            t = r.run(self.lab.model.state)
            self.tcursor.set_length(t.n_steps + 1, keep=False)
            self.tcursor.set_speed(20.0, max(1, t.n_steps // PLAY_FRAMES))
            self.show_run()
        return r.trajectory

    def forget_run(self) -> None:
        """The run is gone (its data or settings changed): back to step 0, paused."""
        self.tcursor.pause()
        self.tcursor.set_length(1, keep=False)

    def set_cursor(self, k: int) -> None:
        self.ensure_run()
        self.tcursor.set_index(k, force=True)

    def _on_cursor_index(self, i: int) -> None:
        if self.lab.results.trajectory is not None:
            self.lab.results.cursor = int(i)
            self.show_step()

    def _on_step(self, delta: int) -> None:
        self.ensure_run()
        self.tcursor.step(int(delta))

    def _on_play(self, on: bool) -> None:
        if on:
            self.ensure_run()
        self.tcursor.toggle(on)

    def _on_run(self) -> None:
        self.ensure_run()
        self.tcursor.to_end()

    def _on_reset(self) -> None:
        self.tcursor.reset()
        self.lab.results.clear_descent()
        self.forget_run()
        self.show_run()

    def var_names(self) -> list[str]:
        state = self.lab.model.state
        names = list(parameter_names(state.degree))
        if state.descent.standardize and state.degree >= 1:
            return [f"{v}′" for v in names]
        return names

    def show_run(self) -> None:
        """Everything that depends on the data, settings and run (not on the step)."""
        state, r = self.lab.model.state, self.lab.results
        d = state.descent
        if not r.n:
            self.bound_label.setText(self.tr("Add points to fit them by gradient descent."))
            self.plots.contour.setVisible(False)
            self.plots.clear()
            self.step_panel.clear_step()
            self.descent_compare.setText("")
            self.step_controls.set_position(0, 1)
            self.plots.describe(0, self.var_names())
            return
        cost = r.descent_cost(state)
        bound = learning_rate_bound(cost, np.zeros(cost.n))
        cond = cost.condition_number()
        shape = (self.tr("a long, narrow valley: plain GD crawls along it.") if cond > 100
                 else self.tr("a round bowl: GD goes almost straight to the bottom."))
        text = self.tr("Plain GD is stable only for η &lt; 2/λ<sub>max</sub> = <b>{bound}</b>. "
                       "Condition number λ<sub>max</sub>/λ<sub>min</sub> = {cond}: {shape}"
                       ).format(bound=fmt(bound, 3), cond=fmt(cond, 3), shape=shape)
        if d.optimizer == "gd" and float(d.lr) >= bound:
            text += " " + self.tr("<b style='color:{c}'>η is above this limit: "
                                  "the run diverges.</b>").format(
                c=theme.colour("regression.fit"))
        self.bound_label.setText(text)
        names = self.var_names()
        if state.degree == 1:
            self.plots.show_contour(cost, names)
        else:
            self.plots.contour.setVisible(False)
        self.plots.show_run(cost, names)
        self.show_step()

    def show_step(self) -> None:
        """What moves with the step shown: path, current point, lines, arithmetic."""
        state, r = self.lab.model.state, self.lab.results
        t, i = r.trajectory, r.cursor
        self.plots.show_step(i)
        self.plots.describe(i, self.var_names())
        if t is None:
            self.step_panel.clear_step()
            self.step_controls.set_position(0, 1)
            self.lab.cost_panel.show_path(None)
        else:
            if state.degree == 1:
                self.lab.cost_panel.show_path(r.cost.to_raw(t.points[: i + 1]))
            self.step_controls.set_position(i, t.n_steps + 1)
            final = i >= t.n_steps
            d = state.descent
            self.step_panel.set_step(
                self.var_names(), t.points[i], t.gradients[i], None if final else t.steps[i],
                float(t.values[i]), float(t.values[min(i + 1, t.n_steps)]),
                eta=float(d.lr) if d.optimizer == "gd" else None,
                iteration=i, rule=t.optimizer.describe(), final=final)
        self._show_compare()
        self.lab.data_plot.draw_descent_line()

    def _show_compare(self) -> None:
        r = self.lab.results
        t = r.trajectory
        if not r.n:
            self.descent_compare.setText("")
            return
        f = r.fit()
        closed = msg.polynomial_text(f.coefficients)
        cf = theme.colour("regression.fit")
        if t is None:
            self.descent_compare.setText(self.tr(
                "<b style='color:{cf}'>Closed form</b> (least squares): {closed}<br>"
                "Press Step, Play or Run to end to start gradient descent from the start "
                "point (click the contour plot to move it).").format(cf=cf, closed=closed))
            return
        raw = r.parameters()
        kinds = {"converges": self.tr("converges"), "oscillates": self.tr("oscillates"),
                 "slow": self.tr("crawls (slow)"), "diverges": self.tr("diverges")}
        kind = classify_run(t).kind
        if np.isfinite(raw).all() and np.abs(raw).max() < 1e12:
            desc = msg.polynomial_text(raw)
            diff_txt = fmt(float(np.max(np.abs(raw - f.coefficients))), 3)
        else:
            desc, diff_txt = self.tr("(blew up)"), "∞"
        self.descent_compare.setText(self.tr(
            "<b style='color:{cf}'>Closed form</b>: {closed}<br>"
            "<b style='color:{c}'>Descent</b>, step {k} of {n}: {desc}<br>"
            "largest coefficient difference {diff} · C = {cost} · this run <b>{kind}</b> "
            "after {n} steps.").format(
            cf=cf, closed=closed, c=theme.colour("regression.descent"), k=r.cursor,
            n=t.n_steps, desc=desc, diff=diff_txt, cost=fmt(float(t.values[r.cursor]), 7),
            kind=kinds.get(kind, kind)))

    # ------------------------------------------------------------------ look
    def recolour(self) -> None:
        c = theme.colour
        self.bound_label.setStyleSheet(f"color: {c('regression.text.secondary')};")
        self.step_panel.setStyleSheet(
            f"QLabel {{ background: {c('regression.step.background')}; border: 1px solid "
            f"{c('regression.step.border')}; border-radius: 4px; }}")
        self.plots.recolour()

    def retranslate(self) -> None:
        self.descent_box.setTitle(self.tr("Optimizer"))
        self.opt_label.setText(self.tr("Method:"))
        self.lr_label.setText(self.tr("Learning rate η:"))
        self.steps_label.setText(self.tr("Max steps:"))
        self.standardize_check.setText(self.tr("Standardise x (feature scaling)"))
        self.plots.retranslate()
        self.opt_combo.setToolTip(self.tr("The rule that updates the parameters θ = (k, b, …) "
                                          "step by step to minimise C, e.g. θ ← θ − η∇C(θ)"))
        self.lr_spin.setToolTip(self.tr("Learning rate η in θ ← θ − η∇C(θ): too large and C "
                                        "oscillates or diverges."))
        self.steps_spin.setToolTip(self.tr("Stop after at most this many steps"))
        # the labels name their fields (screen readers)
        for label, field in ((self.opt_label, self.opt_combo), (self.lr_label, self.lr_spin),
                             (self.steps_label, self.steps_spin)):
            label.setBuddy(field)
        self.opt_combo.setAccessibleName(self.tr("Method"))
        self.lr_spin.setAccessibleName(self.tr("Learning rate η"))
        self.steps_spin.setAccessibleName(self.tr("Max steps"))
        self.standardize_check.setToolTip(self.tr(
            "Fit on x scaled to mean 0 and standard deviation 1: the bowl C(k, b) becomes "
            "round, so a larger η converges."))
