"""The learning-rate box: η = [edit], a logarithmic slider that marks the stability
bound 2/λmax of plain GD at θ₀, and the bound as text.

The slider previews while it is dragged (one undo entry on release); its arrow keys
push merging edits.  The box shows the state's η (plain GD's ``lr``).
"""
from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPen
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QSlider, QVBoxLayout

from gui import theme
from gui.labs.descent.common import Panel, push_edit, restyle
from gui.labs.descent.state import DescentState
from gui.labs.model import LabModel
from gui.text.format import fmt

ETA_MIN, ETA_MAX, SLIDER_STEPS = 1e-5, 10.0, 1200


def eta_to_slider(eta: float) -> int:
    t = (math.log10(max(min(eta, ETA_MAX), ETA_MIN)) - math.log10(ETA_MIN)) / (
        math.log10(ETA_MAX) - math.log10(ETA_MIN))
    return int(round(t * SLIDER_STEPS))


def slider_to_eta(v: int) -> float:
    e = math.log10(ETA_MIN) + v / SLIDER_STEPS * (math.log10(ETA_MAX) - math.log10(ETA_MIN))
    return float(f"{10 ** e:.3g}")


def gd_eta(state: DescentState) -> float:
    return float(dict(dict(state.hyper)["gd"])["lr"])


class EtaSlider(QSlider):
    """Logarithmic η slider that marks the stability bound 2/λmax."""

    def __init__(self, parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setRange(0, SLIDER_STEPS)
        self.setMinimumHeight(34)
        self.bound: float | None = None
        self.bound_label = "2/λmax"

    def paintEvent(self, ev) -> None:  # noqa: N802 - Qt API
        super().paintEvent(ev)
        if self.bound is None or not math.isfinite(self.bound) or self.bound <= 0:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        span = self.width() - 16
        x = 8 + span * eta_to_slider(self.bound) / SLIDER_STEPS
        p.setPen(QPen(theme.qcolour("descent.bound"), 2))
        p.drawLine(int(x), 2, int(x), self.height() - 12)
        f = QFont(self.font())
        f.setPointSizeF(max(7.0, f.pointSizeF() - 1.5))
        p.setFont(f)
        rect = QRectF(x - 40, self.height() - 13, 80, 13)
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.bound_label)
        p.end()


class EtaBox(Panel, QGroupBox):
    def __init__(self, model: LabModel[DescentState], session, parent=None):
        super().__init__(parent)
        self.model = model
        self.session = session
        self.bound = math.nan
        el = QVBoxLayout(self)
        el.setContentsMargins(8, 6, 8, 6)
        row = QHBoxLayout()
        self.eta_label = QLabel("η =", self)
        self.eta_edit = QLineEdit(self)
        self.eta_label.setBuddy(self.eta_edit)
        self.eta_edit.setMaximumWidth(90)
        self.bound_label = QLabel(self)
        row.addWidget(self.eta_label)
        row.addWidget(self.eta_edit)
        row.addWidget(self.bound_label, 1)
        el.addLayout(row)
        self.slider = EtaSlider(self)
        el.addWidget(self.slider)
        scale = QHBoxLayout()
        self.scale_labels: list[QLabel] = []
        for t in ("10⁻⁵", "10⁻³", "10⁻¹", "10"):
            lab = QLabel(t, self)
            self.scale_labels.append(lab)
            scale.addWidget(lab)
            scale.addStretch(1)
        scale.takeAt(scale.count() - 1)
        el.addLayout(scale)
        self.slider.valueChanged.connect(self._on_slider)
        self.slider.sliderReleased.connect(self._on_released)
        self.eta_edit.editingFinished.connect(self._on_edit)
        self.recolour()
        self._ready = True

    # ------------------------------------------------------------------ edits
    def set_eta(self, eta: float, merge: bool = False) -> None:
        """Plain GD's learning rate (an edit; ignored unless finite and > 0)."""
        eta = float(eta)
        if not (eta > 0 and math.isfinite(eta)):
            return
        push_edit(self.model, self.session, {"hyper": {"gd": {"lr": eta}}},
                  self._text(eta), merge=merge)

    def _text(self, eta: float) -> str:
        return self.tr("Learning rate η = {eta}").format(eta=fmt(eta))

    def _on_slider(self, v: int) -> None:
        eta = slider_to_eta(v)
        if self.slider.isSliderDown():  # a drag: live, one undo entry on release
            self.model.preview({"hyper": {"gd": {"lr": eta}}})
        else:  # arrow keys, page steps, a click on the groove
            self.set_eta(eta, merge=True)

    def _on_released(self) -> None:
        self.model.commit_preview(self._text(gd_eta(self.model.state)), self.session.push,
                                  self.session.status.emit)

    def _on_edit(self) -> None:
        try:
            eta = float(self.eta_edit.text().replace("η", "").replace("=", "").strip())
        except ValueError:
            eta = math.nan
        if not math.isfinite(eta):
            self.show_state()
            return
        self.set_eta(min(max(eta, ETA_MIN), ETA_MAX))

    # ------------------------------------------------------------------ model → widgets
    def show_state(self) -> None:
        eta = gd_eta(self.model.state)
        for w in (self.slider, self.eta_edit):
            w.blockSignals(True)
        try:
            if not self.slider.isSliderDown():
                self.slider.setValue(eta_to_slider(eta))
            self.eta_edit.setText(f"{eta:g}")  # typed back in: plain digits
        finally:
            for w in (self.slider, self.eta_edit):
                w.blockSignals(False)
        self._show_bound()

    def set_bound(self, bound: float) -> None:
        """2/λmax at θ₀ (nan: unknown, inf: no bound)."""
        self.bound = bound
        self.slider.bound = bound
        self.slider.update()
        self._show_bound()

    def _show_bound(self) -> None:
        b = self.bound
        if math.isfinite(b):
            self.bound_label.setText(self.tr("2/λmax ≈ {b} at the start").format(b=fmt(b, 4)))
        elif math.isinf(b):
            self.bound_label.setText(self.tr("no upper bound here (λmax ≤ 0)"))
        else:
            self.bound_label.setText("")
        over = math.isfinite(b) and gd_eta(self.model.state) > b
        restyle(
            self.bound_label,
            f"color: {theme.colour('descent.bound')}; font-weight: 600;" if over
            else f"color: {theme.colour('descent.dim')};")

    # ------------------------------------------------------------------ words, colours
    def retranslate(self) -> None:
        self.setTitle(self.tr("Learning rate η (plain GD)"))
        self.slider.setToolTip(self.tr("Learning rate η in Δθ = −η∇f(θ), on a logarithmic "
                                       "scale 10⁻⁵ … 10. The red mark is 2/λmax at the "
                                       "start: plain GD diverges above it."))
        self.eta_edit.setToolTip(self.tr("Learning rate η in Δθ = −η∇f(θ): the step is η times "
                                         "the gradient, downhill."))
        self.eta_edit.setAccessibleName(self.tr("Learning rate η"))
        self.slider.setAccessibleName(self.tr("Learning rate η, logarithmic scale"))
        self._show_bound()

    def recolour(self) -> None:
        for lab in self.scale_labels:
            restyle(lab, f"color: {theme.colour('descent.scale')};")
        self._show_bound()
        self.slider.update()

