"""The results card under the data plot: the best-fit equation, SSE, MSE, R² and
r, my line with its SSE, and why a fit is not determined (chapter 3.5)."""
from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QWidget

from gui import theme
from gui.text import regression_messages as msg
from gui.text.format import fmt

EQUATION_SIZES = (15, 13, 12, 11, 10, 9, 8)  # pt: the largest that fits is used


class ResultCard(QFrame):
    def __init__(self, lab: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.lab = lab
        self.setObjectName("resultCard")
        cg = QGridLayout(self)
        cg.setContentsMargins(12, 8, 12, 8)
        cg.setHorizontalSpacing(18)
        self.equation_title = QLabel()
        self.equation_label = QLabel()
        self.equation_label.setObjectName("equation")
        self.equation_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._equation_pt = 0
        self.equation_label.installEventFilter(self)
        self.metrics_label = QLabel()
        self.metrics_label.setObjectName("metrics")
        self.metrics_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.my_title = QLabel()
        self.my_label = QLabel()
        self.status_label = QLabel()
        self.status_label.setObjectName("statusMessage")
        self.status_label.setWordWrap(True)
        for lab_ in (self.equation_label, self.metrics_label, self.my_label):
            # text changes during a drag must not re-layout the window
            lab_.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            lab_.setMinimumHeight(lab_.sizeHint().height() + 6)
        # in a narrow window the numbers go onto a second line (each stays whole)
        self.metrics_label.setWordWrap(True)
        cg.addWidget(self.equation_title, 0, 0)
        cg.addWidget(self.equation_label, 0, 1)
        cg.addWidget(self.metrics_label, 1, 1)
        cg.addWidget(self.my_title, 2, 0)
        cg.addWidget(self.my_label, 2, 1)
        cg.addWidget(self.status_label, 3, 0, 1, 2)
        cg.setColumnStretch(1, 1)
        self.recolour()

    def recolour(self) -> None:
        c = theme.colour
        self.setStyleSheet(f"#resultCard {{ background: {c('card.background')}; border: 1px "
                           f"solid {c('panel.border')}; border-radius: 6px; }}")
        self.my_label.setStyleSheet(f"color: {c('regression.my_line')}; font-weight: 600;")
        self.status_label.setStyleSheet(
            f"background: {c('regression.status.background')}; border: 1px solid "
            f"{c('regression.status.border')}; border-radius: 4px; padding: 6px; "
            f"color: {c('regression.status.text')};")
        pt, self._equation_pt = self._equation_pt, 0
        self._set_equation_size(pt or EQUATION_SIZES[0])

    def retranslate(self) -> None:
        self.equation_title.setText(self.tr("Best fit:"))
        self.my_title.setText(self.tr("My line:"))

    # ------------------------------------------------------------------ the equation
    def _set_equation_size(self, pt: int) -> None:
        if pt != self._equation_pt:
            self._equation_pt = pt
            self.equation_label.setStyleSheet(
                f"font-size: {pt}pt; font-weight: 600; color: {theme.colour('regression.fit')};")

    def _set_equation_text(self, text: str) -> None:
        """The best-fit equation, in a smaller font when it would not fit (a degree-6
        polynomial is long); the whole equation is also its tooltip."""
        lab_ = self.equation_label
        if text != lab_.text():
            lab_.setText(text)
            lab_.setToolTip(text)
        width = lab_.width() - 4
        if width <= 0:
            return
        font = QFont(lab_.font())
        font.setWeight(QFont.Weight.DemiBold)
        size = EQUATION_SIZES[0]
        for size in EQUATION_SIZES:
            font.setPointSizeF(size)
            if QFontMetricsF(font).horizontalAdvance(text) <= width:
                break
        self._set_equation_size(size)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if obj is self.equation_label and event.type() == QEvent.Type.Resize:
            self._set_equation_text(obj.text())
        return False

    # ------------------------------------------------------------------ the numbers
    def show_fit(self, live: bool) -> None:
        """The fit's texts; ``live`` (a drag at degree 1): from the statistics, O(1)."""
        state, r = self.lab.model.state, self.lab.results
        n = r.n
        if state.degree == 1 and live:
            k, b, sse, r2, corr = r.live_line()
            coeffs: tuple[float, ...] = (k, b)
        else:
            f = r.fit()
            coeffs = tuple(f.coefficients)
            sse, r2, corr = f.sse, f.r2, f.r
            status = msg.status_text(f.message_args)
            self.status_label.setText(status)
            self.status_label.setVisible(bool(status))
        mse = sse / n if n else math.nan
        self._set_equation_text(msg.polynomial_text(coeffs))
        parts = [f"SSE = Σ(y − ŷ)² = {fmt(sse, 7)}", f"MSE = {fmt(mse, 6)}",
                 f"R² = {fmt(r2, 5)}"]
        if corr is not None:
            parts.append(f"r = {fmt(corr, 5)}")
        self.metrics_label.setText("    ".join(p.replace(" ", "\u00a0") for p in parts))
        self.show_my_line()

    def show_my_line(self) -> None:
        state, r = self.lab.model.state, self.lab.results
        show = dict(state.view)["my_line"]
        k, b = state.my_line
        sse = float(r.stats.cost(k, b)) if r.n else 0.0
        self.my_label.setText(self.tr("{eq}    SSE = {sse}").format(
            eq=msg.polynomial_text((k, b), 5), sse=fmt(sse, 6)))
        self.my_label.setVisible(show)
        self.my_title.setVisible(show)
