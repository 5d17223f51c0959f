"""The step tabs: "This step" (the worked arithmetic of the step shown) and "Step
table" (every step of one run), with a "Show steps of:" choice in the corner.

View state (saved with the session as ``steps_of``, but not an edit): whose steps
the tabs show; the lab keeps it and passes it in.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QWidget

from gui import theme
from gui.labs.descent.common import LABELS, Panel
from gui.labs.descent.results import Results
from gui.views.stepper import StepPanel, StepTable

TABLE = 1  # the Step table's tab


class StepTabs(Panel, QTabWidget):
    """``stepsOfChosen(name)``: the user chose whose steps to show."""

    stepsOfChosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._last: tuple | None = None  # what is shown, to redo it in new words/colours
        self.step_panel = StepPanel(self)
        self.step_table = StepTable(self)
        self.addTab(self.step_panel, "")
        self.addTab(self.step_table, "")
        corner = QWidget(self)
        so = QHBoxLayout(corner)
        so.setContentsMargins(0, 0, 4, 0)
        so.setSpacing(4)
        self.steps_of_label = QLabel(corner)
        self.steps_of_combo = QComboBox(corner)
        self.steps_of_label.setBuddy(self.steps_of_combo)
        self.steps_of_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        so.addWidget(self.steps_of_label)
        so.addWidget(self.steps_of_combo)
        self.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        self.steps_of_combo.activated.connect(
            lambda i: self.stepsOfChosen.emit(self.steps_of_combo.itemData(i)))
        self._ready = True

    def show_runs(self, results: Results, steps_of: str | None, legend_text) -> None:
        """The choice of runs (each with its colour and legend as tooltip) and the
        table of ``steps_of``'s run."""
        self._last = (results, steps_of, legend_text)
        combo = self.steps_of_combo
        combo.blockSignals(True)
        combo.clear()
        border = theme.qcolour("descent.icon.border")
        for name in results.runs:
            pix = QPixmap(12, 12)
            pix.fill(theme.qcolour(f"descent.path.{name}"))
            p = QPainter(pix)
            p.setPen(QPen(border))
            p.drawRect(0, 0, 11, 11)
            p.end()
            combo.addItem(QIcon(pix), LABELS[name], name)
            combo.setItemData(combo.count() - 1, legend_text(name), Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(combo.findData(steps_of))
        combo.setEnabled(combo.count() > 1)
        combo.blockSignals(False)
        if steps_of:
            t = results.runs[steps_of]
            self.step_table.set_trajectory(results.objective.variables, t.points, t.values,
                                           t.gradients, t.steps)

    def show_step(self, k: int, results: Results, steps_of: str | None) -> None:
        """The arithmetic of step k of ``steps_of``'s run (and its table row)."""
        if steps_of is None:
            self.step_panel.clear_step()
            return
        obj = results.objective
        t = results.runs[steps_of]
        i = min(k, len(t.points) - 1)
        final = i >= t.n_steps
        after = t.values[i + 1] if not final else t.values[i]
        if steps_of == "gd":
            self.step_panel.set_step(
                obj.variables, t.points[i], t.gradients[i], None if final else t.steps[i],
                t.values[i], after, eta=float(t.optimizer.hyper["lr"]), iteration=i,
                rule=LABELS[steps_of], final=final)
        else:
            # not −η∇f: the actual move θₖ₊₁ − θₖ of the run, under the rule's name
            actual = None if final else t.points[i + 1] - t.points[i]
            self.step_panel.set_step(
                obj.variables, t.points[i], t.gradients[i], actual, t.values[i], after,
                iteration=i, rule=LABELS[steps_of], final=final, note=self.step_note(steps_of))
        if self.currentIndex() == TABLE:
            self.step_table.set_current_row(i)

    def step_note(self, name: str) -> str:
        """One line naming the update rule of a non-GD optimizer."""
        return {
            "momentum": self.tr("Momentum: v ← μv + ∇f(θ), Δθ = −η·v"),
            "nesterov": self.tr("Nesterov: v ← μv + ∇f(θ), Δθ = −η·(∇f(θ) + μv)"),
            "adagrad": self.tr("AdaGrad: G ← G + ∇f², Δθ = −η·∇f/(√G + ε)"),
            "rmsprop": self.tr("RMSProp: s ← αs + (1 − α)∇f², Δθ = −η·∇f/(√s + ε)"),
            "adam": self.tr("Adam: Δθ = −η·m̂/(√v̂ + ε)"),
        }.get(name, LABELS.get(name, name))

    def retranslate(self) -> None:
        self.setTabText(0, self.tr("This step"))
        self.setTabText(1, self.tr("Step table"))
        self.steps_of_label.setText(self.tr("Show steps of:"))
        self.steps_of_combo.setAccessibleName(self.tr("Show steps of"))
        self.steps_of_combo.setToolTip(self.tr("Whose steps the This step panel and the step "
                                               "table show: one of the selected optimizers"))
        self.recolour()  # the choices' tooltips

    def recolour(self) -> None:
        if self._last is not None:
            self.show_runs(*self._last)


