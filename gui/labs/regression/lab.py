"""Regression Lab (回归分析): chapter section 3 — least squares as an optimisation problem.

A student places and drags data points and watches the least-squares fit, its
residuals (segments and squares) and its cost change live; compares "my line"
with the best fit; sees the degree-1 cost C(k, b) as a surface and as contours;
and solves the same problem by gradient descent, step by step.

The lab holds its settings in ``self.model`` (a :class:`RegressionModel` over the
Qt-free :class:`RegressionState`); what is computed from them is in
``self.results``.  Every edit is an :class:`EditCommand` pushed on the session.
View state (not saved): the selected point ``_selected``, the point being dragged
and the descent step shown (``results.moving``, ``results.cursor``).

Panels: toolbar.py (data set, degree, toggles), data_plot.py, status.py (the
results card), points_table.py, my_line.py, cost_tab.py, descent_tab.py;
refresh.py turns model changes into their redraws.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from core.datasets import (
    DEFAULT_DATASET_ID,
    dataset_ids,
    load_dataset,
)
from core.descent import Trajectory
from core.regression import PolynomialFit
from gui.labs.model import EditCommand
from gui.labs.regression.commands import PointsEdit, RegressionModel
from gui.labs.regression.cost_tab import CostPanel
from gui.labs.regression.data_io import DataIO
from gui.labs.regression.data_plot import DataPlot
from gui.labs.regression.descent_tab import DescentPanel
from gui.labs.regression.my_line import MyLinePanel
from gui.labs.regression.points_table import PointsPanel
from gui.labs.regression.refresh import Refresher
from gui.labs.regression.results import RegressionResults
from gui.labs.regression.state import MAX_DEGREE, RegressionState
from gui.labs.regression.status import ResultCard
from gui.labs.regression.toolbar import DataToolbar
from gui.text import regression_messages as msg
from gui.text.format import fmt
from gui.views.perf import cache_axes
from gui.widgets.adaptive import AdaptiveSplitter, size_to_current_page

#: widgets shown by the lab under their old names (tests, the bench, lessons)
ALIASES = {
    "data_plot": ("viewbox", "scatter", "sel_scatter", "fit_curve", "residual_curve",
                  "squares_item", "ghost_curve", "my_curve", "descent_curve", "handles",
                  "legend"),
    "toolbar": ("dataset_combo", "import_button", "export_button", "degree_spin",
                "count_label", "limit_label", "hint_label", "residuals_check",
                "squares_check", "myline_check"),
    "result_card": ("equation_label", "metrics_label", "my_label", "status_label"),
    "points_panel": ("source_label", "table", "table_model", "add_row_button",
                     "remove_rows_button"),
    "my_line_panel": ("k_slider", "b_slider", "compare_label", "snap_button"),
    "cost_panel": ("surface", "contour", "cost_stack", "cost_unavailable"),
    "descent_panel": ("step_controls", "step_panel", "descent_compare", "bound_label",
                      "opt_combo", "lr_spin", "steps_spin", "standardize_check", "tcursor"),
}


def _as_points(x: Any, y: Any) -> tuple[np.ndarray, np.ndarray]:
    xa = np.array(x, dtype=np.float64).reshape(-1)
    ya = np.array(y, dtype=np.float64).reshape(-1)
    if xa.shape != ya.shape:
        raise ValueError("x and y must have the same length")
    if not (np.isfinite(xa).all() and np.isfinite(ya).all()):
        raise ValueError("points must be finite numbers")
    return xa, ya


class RegressionLab(QWidget):
    NAME = "regression"

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        ds = load_dataset(DEFAULT_DATASET_ID)
        self.model = RegressionModel(RegressionState(
            x=tuple(ds.x.tolist()), y=tuple(ds.y.tolist()), dataset=DEFAULT_DATASET_ID,
            my_line=(0.0, float(np.mean(ds.y)))), self)
        self.results = RegressionResults()
        self.results.take_points(self.model.state)
        self._selected: int | None = None       # view state: the selected point
        self._drag_old: tuple[float, float] | None = None
        self.last_error_text = ""
        self.refresher = Refresher(self)
        self.data_io = DataIO(self)
        self._build_ui()
        self.model.changed.connect(self.refresher.on_changed)
        session.register(self.NAME, self.get_state, self.set_state)
        self.recolour()
        self.retranslate()
        self.data_plot.reframe_to_state()

    # ================================================================== building
    def _build_ui(self) -> None:
        root = QHBoxLayout(self)
        root.setContentsMargins(8, 8, 8, 8)
        # the data and the tabs side by side, or the tabs under the data in a narrow
        # window (a laptop, the zoom, the lesson panel)
        split = AdaptiveSplitter()
        root.addWidget(split)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.setSpacing(6)
        self.toolbar = DataToolbar(self)
        lv.addWidget(self.toolbar)
        self.data_plot = DataPlot(self)
        self.plot = self.data_plot.widget
        self.data_plot.viewbox.sigXRangeChanged.connect(lambda *_: self._refresh_curves())
        lv.addWidget(self.plot, 1)
        self.plot.installEventFilter(self)
        self.result_card = ResultCard(self)
        lv.addWidget(self.result_card)
        split.addWidget(left)
        self.tabs = QTabWidget()
        self.tabs.currentChanged.connect(lambda i: self.refresher.tab_shown(i))
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([860, 520])
        self.points_panel = PointsPanel(self)
        self.my_line_panel = MyLinePanel(self)
        self.cost_panel = CostPanel(self)
        self.descent_panel = DescentPanel(self)
        for page in (self.points_panel, self.my_line_panel, self.cost_panel,
                     self.descent_panel):
            self.tabs.addTab(page, "")
        size_to_current_page(self.tabs)
        for panel, names in ALIASES.items():
            for name in names:
                setattr(self, name, getattr(getattr(self, panel), name))
        plots = self.descent_panel.plots
        self.descent_contour, self.loss_plot, self.trace_plot = \
            plots.contour, plots.loss_plot, plots.trace_plot
        start = self.descent_panel.set_start
        self.contour.pointClicked.connect(lambda x, y: start(x, y, raw=True))
        self.descent_contour.pointClicked.connect(lambda x, y: start(x, y))
        self.descent_contour.startDragFinished.connect(lambda x, y: start(x, y))
        for plot in self.findChildren(pg.PlotWidget):
            if plot is not self.plot:  # the data plot: points are dragged over its axes
                cache_axes(plot)
        # views that do not use the keyboard give it to the lab when clicked, so the
        # step keys work after a click on a plot (the 3D view would rotate on arrows)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        for w in (self.surface.gl, self.contour, self.descent_contour, self.loss_plot,
                  self.trace_plot):
            w.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            (w.viewport() if hasattr(w, "viewport") else w).installEventFilter(self)

    @property
    def trace_curves(self) -> list:
        return self.descent_panel.plots.trace_curves

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if obj is self.plot and event.type() == QEvent.Type.KeyPress:
            if event.matches(QKeySequence.StandardKey.Paste):
                self.data_io.paste()
                return True
            if event.matches(QKeySequence.StandardKey.Copy):
                self.data_io.copy()
                return True
        if obj is self.plot and event.type() == QEvent.Type.KeyPress and \
                event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and \
                self._selected is not None:
            self.remove_points([self._selected])
            return True
        if event.type() == QEvent.Type.MouseButtonPress and obj is not self.plot:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
        return super().eventFilter(obj, event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        # only keys that no child used reach here (the table moves its current cell
        # with ← → Home End, spin boxes and editors keep theirs): → / Space step,
        # ← steps back, Home resets, End runs to the end, P plays or pauses
        if not self.step_controls.handle_key(event):
            super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() in (QEvent.Type.PaletteChange,
                              QEvent.Type.ApplicationPaletteChange) and \
                hasattr(self, "descent_panel"):
            self.recolour()
            self.refresher.all()
        elif event.type() == QEvent.Type.FontChange and hasattr(self, "descent_panel"):
            # the zoom: pens and markers, once the new font has reached every child
            QTimer.singleShot(0, self._restyle_plots)
        super().changeEvent(event)

    def _restyle_plots(self) -> None:
        self.data_plot.recolour()
        self.descent_panel.plots.recolour()

    def recolour(self) -> None:
        for panel in (self.data_plot, self.toolbar, self.result_card, self.points_panel,
                      self.descent_panel):
            panel.recolour()

    def retranslate(self) -> None:
        for panel in (self.toolbar, self.result_card, self.points_panel, self.my_line_panel,
                      self.cost_panel, self.descent_panel):
            panel.retranslate()
        for i, text in enumerate((self.tr("Points"), self.tr("My line"),
                                  self.tr("Cost surface"), self.tr("Fit by gradient descent"))):
            self.tabs.setTabText(i, text)
        self.data_plot.refresh_legend()
        self.refresher.all()

    # ================================================================== public API
    def load_dataset(self, dataset_id: str | None) -> None:
        """Replace the points by a built-in data set ("" or None: empty); undoable."""
        did = dataset_id or None
        if did:
            ds = load_dataset(did)
            x, y, name = ds.x, ds.y, msg.dataset_name(did)
        else:
            x, y, name = np.zeros(0), np.zeros(0), self.tr("empty")
        self._push_points(x, y, self.tr("Load data set {name}").format(name=name), did)

    def fit_view(self) -> None:
        """Frame all of the points (the "Fit view to data" button, Ctrl+Shift+F)."""
        self.data_plot.reframe(None)

    def set_points(self, x: Any, y: Any) -> None:
        """Replace all points (undoable); the data set becomes "your own data"."""
        self._push_points(*_as_points(x, y), self.tr("Set points"))

    def points(self) -> tuple[np.ndarray, np.ndarray]:
        return self.results.x.copy(), self.results.y.copy()

    def set_degree(self, d: int) -> None:
        d = int(d)
        if not 0 <= d <= MAX_DEGREE:
            raise ValueError(f"degree must be 0..{MAX_DEGREE}")
        if d != self.model.state.degree:
            self._push({"degree": d}, self.tr("Degree {d}").format(d=d))

    def fit(self) -> PolynomialFit:
        return self.results.fit()

    def status_text(self, fit: PolynomialFit) -> str:
        """Translated explanation of ``fit.status`` ("" when the fit is ok)."""
        return msg.status_text(fit.message_args)

    def import_csv_text(self, text: str) -> bool:
        """Read ``text`` and replace the points; on error show the bad lines and keep
        the points exactly as they were.  Returns True on success."""
        return self.data_io.import_text(text)

    def import_file(self, path: str, ask: bool = True) -> bool:
        """Import a points file (.csv, .tsv, .txt; any encoding read_points knows);
        ``ask=False`` takes the default columns without the chooser."""
        return self.data_io.import_path(path, ask)

    def set_my_line(self, k: float, b: float, merge: bool = False) -> None:
        self.my_line_panel.commit()
        kb = [float(k), float(b)]
        if not all(np.isfinite(kb)):  # huge data: k or b overflowed
            self.my_line_panel.show_line()
        elif tuple(kb) != self.model.state.my_line:
            self._push({"my_line": kb}, self.tr("My line"), merge=merge)

    def set_view(self, key: str, on: bool) -> None:
        if dict(self.model.state.view)[key] != bool(on):
            self._push({"view": {key: bool(on)}}, self.tr("Display options"))

    def set_descent(self, settings: dict, merge: bool = False) -> None:
        """Change some of the descent's settings (a partial object: {"lr": 0.1})."""
        now = self.model.saved()["descent"]
        if any(now[k] != v for k, v in settings.items()):
            self._push({"descent": dict(settings)}, self.tr("Optimizer settings"), merge=merge)

    def run_descent(self, optimizer: str | None = None, lr: float | None = None,
                    standardize: bool | None = None, max_steps: int | None = None,
                    start: Sequence[float] | None = None) -> Trajectory:
        """Run the optimizer on the least-squares cost and show the last step."""
        given = {"optimizer": optimizer, "lr": lr, "standardize": standardize,
                 "max_steps": max_steps, "start": None if start is None else list(start)}
        self.set_descent({k: v for k, v in given.items() if v is not None})
        traj = self.descent_panel.ensure_run()
        self.descent_panel.set_cursor(traj.n_steps)
        return traj

    def descent_parameters(self) -> np.ndarray | None:
        """Raw-x coefficients of the descent's current step (None before a run)."""
        return self.results.parameters()

    def get_state(self) -> dict:
        return self.model.saved()

    def set_state(self, state: dict) -> None:
        """Take a saved state (already checked by the session)."""
        new = RegressionState.from_dict(state)
        if new.dataset is not None and new.dataset not in dataset_ids():
            new = new.apply({"dataset": None})  # a data set this version does not have
        self.model.replace(new)
        self.data_plot.reframe_to_state()

    # ================================================================== point edits
    def _push(self, change: dict, text: str, merge: bool = False) -> None:
        self.session.push(EditCommand(self.model, change, text, merge=merge,
                                      report=self.session.status.emit))

    def _push_xy(self, x: Sequence[float], y: Sequence[float], text: str) -> None:
        self._push({"x": list(x), "y": list(y)}, text)

    def _push_points(self, x: np.ndarray, y: np.ndarray, text: str,
                     dataset: str | None = None, axes: tuple[str, str] = ("", ""),
                     keep_line: bool = False) -> None:
        """Replace the whole point set (one undo entry) and the axis names; my line
        restarts horizontal (unless ``keep_line``)."""
        change: dict[str, Any] = {
            "x": np.asarray(x, float).tolist(), "y": np.asarray(y, float).tolist(),
            "dataset": dataset, "axes": [a[:200] for a in axes]}
        if not keep_line:
            change["my_line"] = [0.0, float(np.mean(y)) if len(y) else 0.0]
        self.session.push(PointsEdit(
            self.model, change, text,
            reframe=self.data_plot.reframe_to_state, report=self.session.status.emit))

    def add_point(self, x: float, y: float) -> None:
        s = self.model.state
        i = len(s.x)
        self._push_xy(s.x + (float(x),), s.y + (float(y),),
                          self.tr("Add point ({x}, {y})").format(x=fmt(x, 4), y=fmt(y, 4)))
        self.select_point(i)

    def remove_points(self, indices: Sequence[int]) -> None:
        s = self.model.state
        idx = sorted({int(i) for i in indices if 0 <= int(i) < len(s.x)})
        if not idx:
            return
        self.select_point(None)
        text = (self.tr("Remove point") if len(idx) == 1
                else self.tr("Remove {n} points").format(n=len(idx)))
        self._push_xy(np.delete(np.asarray(s.x), idx).tolist(),
                          np.delete(np.asarray(s.y), idx).tolist(), text)

    def edit_point(self, i: int, x: float, y: float) -> None:
        s = self.model.state
        if (s.x[i], s.y[i]) == (x, y):
            return
        xs, ys = list(s.x), list(s.y)
        xs[i], ys[i] = float(x), float(y)
        self._push_xy(xs, ys, self.tr("Edit point {i}").format(i=i + 1))

    def select_point(self, i: int | None) -> None:
        self._selected = i
        self.data_plot.show_selection()
        if i is not None:
            self.points_panel.select_row(i)

    # a point drag moves the results only (O(1) a step, see results.py): the state
    # gets the new place when the drag ends, in one undo entry
    def begin_drag(self, i: int) -> None:
        self._drag_old = (float(self.results.x[i]), float(self.results.y[i]))
        self.results.moving = i
        self.select_point(i)

    def drag_to(self, i: int, x: float, y: float) -> None:
        if not (np.isfinite(x) and np.isfinite(y)):
            return
        had_run = self.results.trajectory is not None
        self.results.move_live(i, x, y)
        self.refresher.on_live(i, had_run)

    def end_drag(self, i: int) -> None:
        old, self._drag_old = self._drag_old, None
        new = (float(self.results.x[i]), float(self.results.y[i]))
        self.results.moving = None
        if old is None or old == new:
            return
        xs, ys = list(self.model.state.x), list(self.model.state.y)
        xs[i], ys[i] = new
        self._push_xy(xs, ys, self.tr("Move point {i}").format(i=i + 1))

    # ================================================================== redraws
    def _refresh_curves(self, live: bool = False) -> None:
        self.data_plot.draw(live)

    def _refresh_cost(self, live: bool) -> None:
        self.cost_panel.refresh(live)

    def _set_cursor(self, k: int) -> None:
        self.descent_panel.set_cursor(k)

    def _add_row(self) -> None:
        self.points_panel.add_row()
