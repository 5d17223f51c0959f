"""The cost-surface tab: C(k, b) of the straight line as a 3D surface and as
contours, with the best fit and my line marked and the descent's path drawn in raw
(k, b).  During a drag it is refreshed at most ~60 times a second, and only while
it is shown."""
from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from core.regression import parameter_window
from gui import theme
from gui.text import view_text as vt
from gui.views.a11y import set_view_text
from gui.views.contour import ContourView
from gui.views.surface import SurfaceView

GRID_N = 100


class CostPanel(QWidget):
    def __init__(self, lab: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.lab = lab
        self._window: tuple[tuple[float, float], tuple[float, float]] | None = None
        self.dirty = False  # a live change came while the tab was hidden
        cv = QVBoxLayout(self)
        self.cost_stack = QStackedWidget()
        page = QWidget()
        sv = QVBoxLayout(page)
        sv.setContentsMargins(0, 0, 0, 0)
        self.cost_caption = QLabel()
        self.cost_caption.setWordWrap(True)
        sv.addWidget(self.cost_caption)
        split = QSplitter(Qt.Orientation.Vertical)
        self.surface = SurfaceView()
        self.surface.setMinimumHeight(200)
        self.contour = ContourView()
        self.contour.setMinimumHeight(200)
        split.addWidget(self.surface)
        split.addWidget(self.contour)
        sv.addWidget(split, 1)
        self.cost_stack.addWidget(page)
        self.cost_unavailable = QLabel()
        self.cost_unavailable.setWordWrap(True)
        self.cost_unavailable.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cost_stack.addWidget(self.cost_unavailable)
        cv.addWidget(self.cost_stack)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(15)  # at most ~60 refreshes/s, moves in between merge
        self.timer.timeout.connect(lambda: self.refresh(live=True))

    def schedule(self, shown: bool) -> None:
        """A live refresh, coalesced: many mouse moves in one event-loop pass give
        one refresh; skipped (and done when shown) while the tab is hidden."""
        if not shown:
            self.dirty = True
        elif not self.timer.isActive():
            self.timer.start()

    def _unavailable_text(self) -> str:
        if self.lab.model.state.degree == 1:
            return self.tr(
                "The numbers of these points are too large: the cost C(k, b) is beyond "
                "the range of floating-point numbers, so its surface cannot be drawn.")
        return self.tr(
            "The cost surface over (k, b) is drawn for a straight line (degree 1).\n"
            "For other degrees the cost depends on more than two parameters: use "
            "“Fit by gradient descent” to follow the loss curve and parameter traces.")

    def _axes(self, keep: bool) -> tuple[np.ndarray, np.ndarray]:
        """The grid's axes; during a drag the window stays while it holds the minimum."""
        s = self.lab.results.stats
        k, b = s.best_fit()
        if not (keep and self._window is not None and self._window[0][0] < k
                < self._window[0][1] and self._window[1][0] < b < self._window[1][1]):
            self._window = parameter_window(s)
        (k0, k1), (b0, b1) = self._window
        return np.linspace(k0, k1, GRID_N), np.linspace(b0, b1, GRID_N)

    def refresh(self, live: bool) -> None:
        s = self.lab.results.stats
        if self.lab.model.state.degree != 1 or not all(
                math.isfinite(v) for v in (s.mean_x, s.mean_y, s.sxx, s.sxy, s.syy)):
            self.cost_unavailable.setText(self._unavailable_text())
            self.cost_stack.setCurrentIndex(1)
            self.describe(" ".join(self._unavailable_text().split()))
            return
        self.cost_stack.setCurrentIndex(0)
        ks, bs = self._axes(keep=live)
        Z = s.cost_grid(ks, bs)
        self.surface.set_grid(ks, bs, Z, log_color=True)
        self.contour.set_grid(ks, bs, Z, log_color=True)
        if not live:
            self.surface.set_axis_labels("k", "b", "C(k, b)")
            self.contour.set_axis_labels("k", "b")
        self.show_markers()

    def show_markers(self) -> None:
        state, r = self.lab.model.state, self.lab.results
        if state.degree != 1:
            return
        s = r.stats
        markers = [(s.best_fit(), s.min_cost() if s.n else 0.0,
                    theme.colour("regression.fit"), 16)]
        if dict(state.view)["my_line"]:
            mk, mb = state.my_line
            markers.append(((mk, mb), float(s.cost(mk, mb)) if s.n else 0.0,
                            theme.colour("regression.my_line"), 13))
        self.surface.set_markers(markers)
        self.contour.set_markers(markers)
        self.describe()

    def describe(self, unavailable: str = "") -> None:
        """What the two views show now, for screen readers: C(k, b), its lowest point
        and my line's point (or why the surface cannot be drawn)."""
        state, s = self.lab.model.state, self.lab.results.stats
        parts = [unavailable] if unavailable else [vt.points_text(s.n)]
        if not unavailable and s.n:
            parts.append(vt.lowest_text(s.best_fit(), "C", s.min_cost()))
            if dict(state.view)["my_line"]:
                parts.append(vt.my_line_at(state.my_line, "C", float(s.cost(*state.my_line))))
        for view, name in ((self.surface, self.tr("3D surface of the cost C(k, b)")),
                           (self.contour, self.tr("Contour map of the cost C(k, b)"))):
            set_view_text(view, name, vt.sentence(name, parts))

    def show_path(self, raw: np.ndarray | None) -> None:
        """The descent's path up to the step shown, in raw (k, b); None: no run."""
        if raw is None:
            for view in (self.surface, self.contour):
                view.set_paths([])
                view.set_current([])
            return
        with np.errstate(all="ignore"):
            rv = np.atleast_1d(self.lab.results.stats.cost(raw[:, 0], raw[:, 1]))
        colour = theme.colour("regression.descent")
        for view in (self.surface, self.contour):
            view.set_paths([(raw, rv, colour)])
            view.set_current([(raw[-1], float(rv[-1]), colour)])

    def retranslate(self) -> None:
        self.cost_caption.setText(self.tr(
            "C(k, b) = Σ (yᵢ − (k·xᵢ + b))² over the parameters. Red: the best fit "
            "(the lowest point); green: my line. Drag a data point and watch the bowl move."))
        self.cost_unavailable.setText(self._unavailable_text())
