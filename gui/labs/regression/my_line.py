"""The "My line" tab: the student's own k and b (sliders with spin boxes), its SSE
against the best line's, and a button that puts it on the best fit."""
from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.regression import parameter_window
from gui import theme
from gui.text.format import fmt
from gui.widgets.slider_spin import SliderSpin

#: the sliders span the best (k, b) ± 3 times the data's natural spreads
SLIDER_SPREAD = 3.0


class ParamSlider(SliderSpin):
    """k or b: a slider over a range taken from the data, and a spin box for any
    value. ``valueChanged(float, bool)``: the bool is True while the slider is
    dragged (live, not yet committed)."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(name, spin_range=(-1e9, 1e9), label_width=18, spin_width=100,
                         parent=parent)


class MyLinePanel(QWidget):
    def __init__(self, lab: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.lab = lab
        mv = QVBoxLayout(self)
        self.my_intro = QLabel()
        self.my_intro.setWordWrap(True)
        mv.addWidget(self.my_intro)
        self.k_slider = ParamSlider("k")
        self.b_slider = ParamSlider("b")
        for s in (self.k_slider, self.b_slider):
            s.valueChanged.connect(self._on_slider)
            s.dragFinished.connect(self.commit)
            mv.addWidget(s)
        self.compare_label = QLabel()
        self.compare_label.setObjectName("compare")
        self.compare_label.setWordWrap(True)
        self.compare_label.setTextFormat(Qt.TextFormat.RichText)
        self.compare_label.setStyleSheet("font-size: 11pt;")
        mv.addWidget(self.compare_label)
        self.snap_button = QPushButton()
        self.snap_button.clicked.connect(self._snap)
        hb = QHBoxLayout()
        hb.addWidget(self.snap_button)
        hb.addStretch(1)
        mv.addLayout(hb)
        mv.addStretch(1)

    def _on_slider(self, _v: float, live: bool) -> None:
        kb = (self.k_slider.value(), self.b_slider.value())
        if live:
            self.preview(kb)
        else:  # a spin box, the keyboard, a click on the groove: one (mergeable) edit
            self.lab.set_my_line(*kb, merge=True)

    def preview(self, kb: tuple[float, float]) -> None:
        """A drag of a slider or of a handle in the plot: live, one undo entry when
        it ends (:meth:`commit`)."""
        if all(math.isfinite(v) for v in kb):
            self.lab.model.preview({"my_line": [float(v) for v in kb]})

    def commit(self) -> None:
        lab = self.lab
        lab.model.commit_preview(self.tr("My line"), lab.session.push,
                                 report=lab.session.status.emit)

    def _snap(self) -> None:
        k, b = self.lab.results.stats.best_fit()
        if not (math.isfinite(k) and math.isfinite(b)) and self.lab.model.state.degree == 1:
            # the sums overflowed (±1e300 data); the fit works in scaled units
            k, b = (float(c) for c in self.lab.fit().coefficients)
        self.lab.set_my_line(k, b)

    def show_line(self) -> None:
        """The sliders' ranges (around the best line) and values, and the SSE texts."""
        state, r = self.lab.model.state, self.lab.results
        (k0, k1), (b0, b1) = parameter_window(r.stats, SLIDER_SPREAD, 1e-3, 1e-3)
        self.k_slider.set_range(k0, k1)
        self.b_slider.set_range(b0, b1)
        k, b = state.my_line
        self.k_slider.set_value(k)
        self.b_slider.set_value(b)
        if not r.n:
            self.compare_label.setText(self.tr("Add some points first."))
            return
        mine = float(r.stats.cost(k, b))
        best = r.stats.min_cost()
        ratio = (mine / best) if best > 0 else math.inf
        self.compare_label.setText(self.tr(
            "<span style='color:{cm}'>My line: SSE = <b>{mine}</b></span><br>"
            "<span style='color:{cf}'>Best line: SSE = <b>{best}</b></span><br>"
            "Mine is larger by {more} ({ratio}× the best). Least squares means: no "
            "other line has a smaller sum of squares.").format(
            cm=theme.colour("regression.my_line"), cf=theme.colour("regression.fit"),
            mine=fmt(mine, 6), best=fmt(best, 6), more=fmt(mine - best, 4),
            ratio=fmt(ratio, 3)))

    def retranslate(self) -> None:
        self.my_intro.setText(self.tr(
            "Set the slope k and the intercept b of your own line, or drag its two square "
            "handles in the plot. Can you make its sum of squared errors as small as the "
            "best fit's?"))
        self.snap_button.setText(self.tr("Put my line on the best fit"))
        k_tip = self.tr("Slope k of my line y = kx + b")
        b_tip = self.tr("Intercept b of my line y = kx + b: its height at x = 0")
        self.k_slider.set_tooltip(k_tip)  # also names the slider and describes both
        self.b_slider.set_tooltip(b_tip)
        self.snap_button.setToolTip(self.tr("Set my k and b to the least-squares values: the "
                                            "minimum of C(k, b)"))
