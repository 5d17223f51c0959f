"""The optimizer box (which optimizers run, and the settings of each) and the stop
rules box.  Both show the state and push edits; neither keeps a setting.

View state (not saved): which optimizer's settings the form shows
(``OptimizerBox.hyper_combo``).
"""
from __future__ import annotations

import math

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.optimizers import OPTIMIZER_NAMES, make_optimizer
from gui import theme
from gui.labs.descent.common import LABELS, Panel, path_colour, push_edit, restyle
from gui.labs.descent.results import hyper_of
from gui.labs.descent.state import MAX_STEPS, DescentState
from gui.labs.model import LabModel


def _number_text(v) -> str:
    """A setting as typed back in (plain digits, ``, `` between a pair)."""
    return ", ".join(f"{x:g}" for x in v) if isinstance(v, (list, tuple)) else f"{v:g}"


class OptimizerBox(Panel, QGroupBox):
    def __init__(self, model: LabModel[DescentState], session, parent=None):
        super().__init__(parent)
        self.model = model
        self.session = session
        ol = QVBoxLayout(self)
        ol.setContentsMargins(8, 6, 8, 6)
        grid = QGridLayout()
        self.opt_checks: dict[str, QCheckBox] = {}
        self._swatches: dict[str, QLabel] = {}
        for i, name in enumerate(OPTIMIZER_NAMES):
            cb = QCheckBox(LABELS[name], self)
            sw = QLabel(self)
            sw.setFixedSize(14, 14)
            cell = QHBoxLayout()
            cell.addWidget(sw)
            cell.addWidget(cb)
            cell.addStretch(1)
            grid.addLayout(cell, i // 2, i % 2)
            self.opt_checks[name] = cb
            self._swatches[name] = sw
            cb.toggled.connect(lambda on, n=name: self._on_toggled(n, on))
        ol.addLayout(grid)
        hrow = QHBoxLayout()
        self.hyper_label = QLabel(self)
        self.hyper_combo = QComboBox(self)
        self.hyper_label.setBuddy(self.hyper_combo)
        for name in OPTIMIZER_NAMES:
            self.hyper_combo.addItem(LABELS[name], name)
        hrow.addWidget(self.hyper_label)
        hrow.addWidget(self.hyper_combo, 1)
        ol.addLayout(hrow)
        self.hyper_form_host = QWidget(self)
        self.hyper_form = QFormLayout(self.hyper_form_host)
        self.hyper_form.setContentsMargins(0, 0, 0, 0)
        ol.addWidget(self.hyper_form_host)
        self.hyper_edits: dict[str, QLineEdit] = {}
        self._form_name: str | None = None
        self.hyper_combo.currentIndexChanged.connect(lambda _i: self.show_hyper())
        self.recolour()
        self._ready = True

    # ------------------------------------------------------------------ edits
    def set_optimizers(self, names) -> None:
        names = [n for n in OPTIMIZER_NAMES if n in names]
        if names:
            push_edit(self.model, self.session, {"selected": names},
                      self.tr("Choose optimizers"))

    def set_hyper(self, name: str, **hyper) -> None:
        push_edit(self.model, self.session, {"hyper": {name: hyper}},
                  self.tr("{opt} settings").format(opt=LABELS[name]))

    def _on_toggled(self, name: str, on: bool) -> None:
        selected = self.model.state.selected
        sel = [n for n in OPTIMIZER_NAMES if (n in selected and n != name) or (n == name and on)]
        if not sel:  # keep at least one
            self.show_selected()
            return
        self.set_optimizers(sel)

    def _on_hyper_edit(self, name: str, key: str) -> None:
        e = self.hyper_edits.get(key)
        if e is None:
            return
        try:
            vals = [float(t) for t in e.text().replace(";", ",").split(",") if t.strip()]
            if not all(math.isfinite(x) for x in vals):
                raise ValueError
            value = vals if key == "betas" else vals[0]
            if key == "betas" and len(vals) != 2:
                raise ValueError
            make_optimizer(name, **{**hyper_of(self.model.state, name),
                                    key: tuple(value) if key == "betas" else value})
        except (ValueError, IndexError, TypeError):
            self.show_hyper()
            self.session.status.emit(self.tr("Not a valid value for {k}").format(k=key))
            return
        self.set_hyper(name, **{key: value})

    # ------------------------------------------------------------------ model → widgets
    def show_selected(self) -> None:
        selected = self.model.state.selected
        for n, cb in self.opt_checks.items():
            cb.blockSignals(True)
            cb.setChecked(n in selected)
            cb.blockSignals(False)

    def show_hyper(self) -> None:
        """The form of the optimizer chosen in the combo, with the state's values."""
        name = self.hyper_combo.currentData() or "gd"
        h = hyper_of(self.model.state, name)
        keys = [k for k, v in h.items() if not isinstance(v, bool)]
        if self._form_name != name or set(self.hyper_edits) != set(keys):
            while self.hyper_form.rowCount():
                self.hyper_form.removeRow(0)
            self.hyper_edits = {}
            for k in keys:
                e = QLineEdit(self.hyper_form_host)
                e.editingFinished.connect(lambda n=name, k=k: self._on_hyper_edit(n, k))
                self.hyper_form.addRow(self._hyper_label(k), e)
                self.hyper_edits[k] = e
            self._form_name = name
            self._hyper_tooltips()
        for k, e in self.hyper_edits.items():
            e.setText(_number_text(h[k]))

    # ------------------------------------------------------------------ words, colours
    def _hyper_label(self, key: str) -> str:
        """The row's label: the word and the chapter's symbol, then torch.optim's name."""
        words = {
            "lr": self.tr("Learning rate η"), "momentum": self.tr("Momentum μ"),
            "dampening": self.tr("Dampening"), "weight_decay": self.tr("Weight decay λ"),
            "lr_decay": self.tr("η decay"), "eps": "ε", "alpha": self.tr("Smoothing α"),
            "initial_accumulator_value": self.tr("Initial sum"), "betas": "β₁, β₂",
        }
        word = words.get(key)
        return self.tr("{word} ({name})").format(word=word, name=key) if word else key

    def _hyper_tooltips(self) -> None:
        name = self._form_name
        if name is None:
            return
        tips = {
            "lr": self.tr("Learning rate η of {opt}: the size of each step Δθ = −η·(…)"),
            "momentum": self.tr("Momentum μ in v ← μv + ∇f(θ): how much of the last velocity "
                                "is kept (0 = none)"),
            "dampening": self.tr("Dampening: v ← μv + (1 − dampening)·∇f(θ)"),
            "weight_decay": self.tr("Weight decay λ: adds λθ to the gradient, pulling θ "
                                    "towards 0"),
            "lr_decay": self.tr("Learning-rate decay: η is divided by 1 + (k − 1)·decay at "
                                "step k"),
            "initial_accumulator_value": self.tr("Starting value of the sum of squared "
                                                 "gradients"),
            "eps": self.tr("ε: a small number added to the denominator so it is never 0"),
            "alpha": self.tr("Smoothing constant α of the moving average of ∇f²"),
            "betas": self.tr("β₁, β₂: decay rates of the moving averages m of ∇f and v of ∇f²"),
        }
        for k, e in self.hyper_edits.items():
            label = self.hyper_form.labelForField(e)
            if label is not None:
                label.setText(self._hyper_label(k))
            tip = tips.get(k)
            e.setToolTip(tip.format(opt=LABELS[name]) if tip
                         else self.tr("Setting {k} of {opt}").format(k=k, opt=LABELS[name]))

    def retranslate(self) -> None:
        opt_tips = {
            "gd": self.tr("Plain gradient descent, the chapter's rule: θ ← θ − η∇f(θ)."),
            "momentum": self.tr("Momentum: v ← μv + ∇f(θ), θ ← θ − ηv; the velocity v carries "
                                "the point through narrow valleys."),
            "nesterov": self.tr("Nesterov momentum: like momentum, but ∇f is taken at the "
                                "look-ahead point θ − ημv."),
            "adagrad": self.tr("AdaGrad: each coordinate's step η·∂f/∂θᵢ is divided by the root "
                               "of the sum of its past squared gradients."),
            "rmsprop": self.tr("RMSProp: each coordinate's step η·∂f/∂θᵢ is divided by the root "
                               "of a moving average of its squared gradients."),
            "adam": self.tr("Adam: moving averages m of ∇f and v of ∇f²; step Δθ = "
                            "−η·m̂/(√v̂ + ε)."),
        }
        for n, cb in self.opt_checks.items():
            cb.setToolTip(opt_tips[n])
        self.hyper_combo.setToolTip(self.tr("The optimizer whose settings (η, μ, β₁, β₂, ε …) "
                                            "are edited below"))
        self._hyper_tooltips()
        self.setTitle(self.tr("Optimizers (all from the same start)"))
        self.hyper_label.setText(self.tr("Settings of"))
        self.hyper_combo.setAccessibleName(self.tr("Settings of optimizer"))

    def recolour(self) -> None:
        border = theme.colour("descent.swatch.border")
        for name, sw in self._swatches.items():
            restyle(sw, f"background: {path_colour(name)}; border: 1px solid {border}; "
                        "border-radius: 3px;")



class StopBox(Panel, QGroupBox):
    """‖∇f‖ < [tol], [x] |Δf| < [tol], max steps [n]."""

    def __init__(self, model: LabModel[DescentState], session, parent=None):
        super().__init__(parent)
        self.model = model
        self.session = session
        sf = QFormLayout(self)
        sf.setContentsMargins(8, 6, 8, 6)
        self.gtol_edit = QLineEdit(self)
        self.vtol_check = QCheckBox(self)
        self.vtol_edit = QLineEdit(self)
        vrow = QHBoxLayout()
        vrow.addWidget(self.vtol_check)
        vrow.addWidget(self.vtol_edit, 1)
        self.max_spin = QSpinBox(self)
        self.max_spin.setRange(1, MAX_STEPS)
        self.max_spin.setSingleStep(100)
        self.gtol_label, self.vtol_label, self.max_label = QLabel(self), QLabel(self), QLabel(self)
        for label, field in ((self.gtol_label, self.gtol_edit), (self.vtol_label, self.vtol_edit),
                             (self.max_label, self.max_spin)):
            label.setBuddy(field)
        sf.addRow(self.gtol_label, self.gtol_edit)
        sf.addRow(self.vtol_label, vrow)
        sf.addRow(self.max_label, self.max_spin)
        self.gtol_edit.editingFinished.connect(self._on_edit)
        self.vtol_edit.editingFinished.connect(self._on_edit)
        self.vtol_check.toggled.connect(lambda _on: self._on_edit())
        self.max_spin.editingFinished.connect(self._on_edit)
        self._ready = True

    def set_stop_rules(self, grad_tol=None, value_tol="keep", max_steps=None) -> None:
        stop = {}
        if grad_tol is not None:
            stop["grad_tol"] = float(grad_tol)
        if value_tol != "keep":
            stop["value_tol"] = None if value_tol is None else float(value_tol)
        if max_steps is not None:
            stop["max_steps"] = int(max_steps)
        push_edit(self.model, self.session, {"stop": stop}, self.tr("Stop rules"))

    def _on_edit(self) -> None:
        try:
            gt = float(self.gtol_edit.text())
            vt = float(self.vtol_edit.text()) if self.vtol_check.isChecked() else None
            if not (0 <= gt < 1e300) or (vt is not None and not (0 <= vt < 1e300)):
                raise ValueError
        except ValueError:
            self.show_state()
            return
        self.set_stop_rules(grad_tol=gt, value_tol=vt, max_steps=self.max_spin.value())

    def show_state(self) -> None:
        st = self.model.state.stop
        widgets = (self.gtol_edit, self.vtol_check, self.vtol_edit, self.max_spin)
        for w in widgets:
            w.blockSignals(True)
        try:
            self.gtol_edit.setText(f"{st.grad_tol:g}")
            self.vtol_check.setChecked(st.value_tol is not None)
            self.vtol_edit.setText(f"{st.value_tol if st.value_tol is not None else 1e-5:g}")
            self.vtol_edit.setEnabled(st.value_tol is not None)
            self.max_spin.setValue(int(st.max_steps))
        finally:
            for w in widgets:
                w.blockSignals(False)

    def retranslate(self) -> None:
        self.gtol_edit.setToolTip(self.tr("Stop when ‖∇f(θ)‖ < this value (the point is flat: a "
                                          "minimum, saddle or plateau)."))
        self.vtol_check.setToolTip(self.tr("Also stop when |Δf| = |f(θₖ₊₁) − f(θₖ)| is below the "
                                           "value on the right (the chapter's rule: it can stop "
                                           "before the minimum)."))
        self.vtol_edit.setToolTip(self.tr("Stop when f changes by less than this in one step: "
                                          "|f(θₖ₊₁) − f(θₖ)| < value."))
        self.max_spin.setToolTip(self.tr("Stop after at most this many steps k, converged or "
                                         "not."))
        self.setTitle(self.tr("Stop rules"))
        self.gtol_label.setText(self.tr("‖∇f‖ <"))
        self.vtol_label.setText(self.tr("|Δf| <"))
        self.max_label.setText(self.tr("max steps"))
        # the labels are formulas: spoken names say what they are
        for w, name in ((self.gtol_edit, self.tr("Gradient tolerance: stop when ‖∇f‖ is below")),
                        (self.vtol_check, self.tr("Also stop when f hardly changes")),
                        (self.vtol_edit, self.tr("Value tolerance: stop when |Δf| is below")),
                        (self.max_spin, self.tr("Maximum number of steps"))):
            w.setAccessibleName(name)

