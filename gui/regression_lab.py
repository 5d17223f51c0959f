"""Regression Lab (回归分析): chapter section 3 — least squares as an optimisation problem.

A student places and drags data points and watches the least-squares fit, its
residuals (segments and squares) and its cost change live; compares "my line"
with the best fit; sees the degree-1 cost C(k, b) as a surface and as contours;
and solves the same problem by gradient descent, step by step.

Structure
---------
* :class:`RegressionModel` — the lab's state (points, degree, data set, my line,
  toggles, descent settings) with one ``changed(str)`` signal.  Edits made by the
  user go through :class:`QUndoCommand` objects pushed on ``session``; the model's
  setters are what the commands call.
* :class:`DataViewBox` — mouse editing of points (click to add, drag to move,
  right-click / Delete to remove) with a vectorised hit test, no per-point work.
* :class:`RegressionLab` — the widget.  Cost-surface and step-through views are the
  shared ones from ``gui/views`` (``SurfaceView``, ``ContourView``,
  ``StepControls``, ``StepPanel``, ``TrajectoryCursor``), reused as they are.
"""
from __future__ import annotations

import contextlib
import logging
import math
import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPointF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFrame,
    QGraphicsPathItem,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.datasets import (
    DEFAULT_DATASET_ID,
    CsvError,
    format_points_csv,
    list_datasets,
    load_dataset,
    parse_points_csv,
)
from core.descent import Trajectory, classify_run, descend, learning_rate_bound
from core.optimizers import make_optimizer
from core.regression import (
    PolynomialFit,
    SufficientStats,
    cost_function,
    fit_polynomial,
    parameter_names,
)
from gui import app as gapp
from gui.commands import CallbackCommand, SetValueCommand
from gui.text import format as text_format
from gui.views.contour import ContourView
from gui.views.perf import cache_axes
from gui.views.ranges import safe_range
from gui.views.stepper import StepControls, StepPanel, TrajectoryCursor
from gui.views.surface import SurfaceView

_ROOT = QModelIndex()  # the invisible root: the default "parent" of Qt model methods
_log = logging.getLogger(__name__)

MAX_DEGREE = 6
OPTIMIZERS = ("gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")
OPTIMIZER_LABELS = {"gd": "GD", "momentum": "Momentum", "nesterov": "Nesterov",
                    "adagrad": "AdaGrad", "rmsprop": "RMSProp", "adam": "Adam"}
RESIDUAL_LIMIT = 5_000      # draw residual segments up to this many points
SQUARE_LIMIT = 1_000        # draw residual squares up to this many points
HIT_RADIUS_PX = 9.0
GRID_N = 100

COLOR_POINT = "#1f5fa8"
COLOR_POINT_SEL = "#f2a900"
COLOR_FIT = "#c0392b"
COLOR_MY = "#2e8b57"
COLOR_DESCENT = "#e67e22"
COLOR_GHOST = "#8c8c8c"



# --------------------------------------------------------------------------- helpers


def fmt(v: float | None, digits: int = 8) -> str:
    """The lab's numbers: the one formatter (gui/text/format.py) at 8 significant
    digits, the chapter's precision (y = 0.75141243x + 124.29802)."""
    return text_format.fmt(v, digits)


def polynomial_text(coefficients: Sequence[float], digits: int = 8) -> str:
    """'y = 0.75141243x + 124.29802' for highest-power-first coefficients."""
    c = [float(v) for v in coefficients]
    d = len(c) - 1
    parts: list[str] = []
    for i, a in enumerate(c):
        power = d - i
        var = "" if power == 0 else ("x" if power == 1 else "x" + text_format.superscript(power))
        mag = fmt(abs(a), digits)
        if not parts:
            term = ("−" if a < 0 else "") + mag + var
        else:
            term = (" − " if a < 0 else " + ") + mag + var
        parts.append(term)
    return "y = " + "".join(parts)


def _as_points(x: Any, y: Any) -> tuple[np.ndarray, np.ndarray]:
    xa = np.array(x, dtype=np.float64).reshape(-1)
    ya = np.array(y, dtype=np.float64).reshape(-1)
    if xa.shape != ya.shape:
        raise ValueError("x and y must have the same length")
    if not (np.isfinite(xa).all() and np.isfinite(ya).all()):
        raise ValueError("points must be finite numbers")
    return xa, ya


def _stats_standardized(s: SufficientStats) -> tuple[SufficientStats, float, float]:
    """Stats of (z, y) with z = (x − x̄)/σ (population σ, as core.cost_function)."""
    if s.n == 0:
        return s, 0.0, 1.0
    sigma = math.sqrt(s.sxx / s.n) if s.sxx > 0 else 1.0
    return SufficientStats(s.n, 0.0, s.mean_y, s.sxx / sigma ** 2, s.sxy / sigma, s.syy), \
        s.mean_x, sigma


# --------------------------------------------------------------------------- model


class RegressionModel(QObject):
    """State of the lab.  ``changed(kind)``: "points" (set replaced / edited),
    "move" (live drag of one point), "degree", "myline", "view", "descent"."""

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.x = np.zeros(0)
        self.y = np.zeros(0)
        self.stats = SufficientStats(0, 0.0, 0.0, 0.0, 0.0, 0.0)
        self.dataset_id: str | None = DEFAULT_DATASET_ID
        self.degree = 1
        self.my_line = (0.0, 0.0)
        self.view = {"residuals": True, "squares": False, "my_line": True}
        self.descent = {"optimizer": "gd", "lr": 0.05, "max_steps": 2000,
                        "standardize": True, "start": [0.0, 0.0]}
        self._fit: PolynomialFit | None = None
        self.moving: int | None = None  # index of the point being dragged

    # -- points -----------------------------------------------------------------
    @property
    def n(self) -> int:
        return int(self.x.size)

    def snapshot(self) -> dict:
        return {"x": self.x.copy(), "y": self.y.copy(), "dataset": self.dataset_id}

    def restore(self, snap: dict) -> None:
        self.x = np.array(snap["x"], dtype=np.float64)
        self.y = np.array(snap["y"], dtype=np.float64)
        self.dataset_id = snap.get("dataset")
        self._points_committed()

    def insert_points(self, indices: Sequence[int], xs: Sequence[float],
                      ys: Sequence[float]) -> None:
        """Insert so that afterwards point indices[j] == (xs[j], ys[j]) (sorted indices)."""
        order = np.argsort(indices)
        idx = np.asarray(indices)[order]
        xs = np.asarray(xs, dtype=np.float64)[order]
        ys = np.asarray(ys, dtype=np.float64)[order]
        pos = idx - np.arange(idx.size)  # positions in the array before insertion
        self.x = np.insert(self.x, pos, xs)
        self.y = np.insert(self.y, pos, ys)
        self._points_committed()

    def remove_points(self, indices: Sequence[int]) -> None:
        self.x = np.delete(self.x, list(indices))
        self.y = np.delete(self.y, list(indices))
        self._points_committed()

    def set_point(self, i: int, x: float, y: float) -> None:
        self.x[i] = x
        self.y[i] = y
        self._points_committed()

    def move_live(self, i: int, x: float, y: float) -> None:
        """A live drag step: O(1) update of the statistics, no refit from scratch."""
        old = (float(self.x[i]), float(self.y[i]))
        self.x[i] = x
        self.y[i] = y
        if self.stats.n:
            self.stats = self.stats.moved(old, (x, y))
        self._fit = None
        self.changed.emit("move")

    def _points_committed(self) -> None:
        self.stats = SufficientStats.from_points(self.x, self.y)
        self._fit = None
        self.moving = None
        self.changed.emit("points")

    # -- fit ------------------------------------------------------------------------
    def fit(self) -> PolynomialFit:
        if self._fit is None:
            self._fit = fit_polynomial(self.x, self.y, self.degree)
        return self._fit

    def set_degree(self, d: int) -> None:
        self.degree = int(d)
        self._fit = None
        self.changed.emit("degree")

    def set_my_line(self, kb: Sequence[float]) -> None:
        self.my_line = (float(kb[0]), float(kb[1]))
        self.changed.emit("myline")

    def set_view(self, view: dict) -> None:
        self.view = dict(view)
        self.changed.emit("view")

    def set_descent(self, settings: dict) -> None:
        self.descent = dict(settings)
        self.changed.emit("descent")


# --------------------------------------------------------------------------- table


class PointsTableModel(QAbstractTableModel):
    """The points as an editable two-column table (virtual: fine for 100,000 rows)."""

    def __init__(self, lab: RegressionLab):
        super().__init__(lab)
        self._lab = lab
        self.headers = ("x", "y")

    def rowCount(self, parent=_ROOT):  # noqa: N802
        return 0 if parent.isValid() else self._lab.model.n

    def columnCount(self, parent=_ROOT):  # noqa: N802
        return 0 if parent.isValid() else 2

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        m = self._lab.model
        if index.row() >= m.n:
            return None
        v = float((m.x if index.column() == 0 else m.y)[index.row()])
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{v:.6g}"
        if role == Qt.ItemDataRole.EditRole:
            return repr(v) if not v.is_integer() else str(int(v))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        try:
            v = float(str(value).strip().replace("−", "-"))
        except ValueError:
            return False
        if not math.isfinite(v):
            return False
        m = self._lab.model
        r = index.row()
        x, y = float(m.x[r]), float(m.y[r])
        if index.column() == 0:
            x = v
        else:
            y = v
        self._lab.edit_point(r, x, y)
        return True

    def flags(self, index):
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return str(section + 1)

    def reset(self) -> None:
        # the same number of rows (a cell edit, a drag, their undo): keep the current
        # cell, the selection and the scroll position; only a new row count resets
        n = self._lab.model.n
        if n and n == getattr(self, "_rows", -1):
            self.dataChanged.emit(self.index(0, 0), self.index(n - 1, 1))
            return
        self.beginResetModel()
        self._rows = n
        self.endResetModel()

    def row_changed(self, r: int) -> None:
        self.dataChanged.emit(self.index(r, 0), self.index(r, 1))


# --------------------------------------------------------------------------- mouse


class DataViewBox(pg.ViewBox):
    """A ViewBox that edits points: click empty space to add, drag a point to move
    it, right-click a point to remove it.  Dragging empty space pans as usual."""

    def __init__(self, lab: RegressionLab, **kw):
        super().__init__(**kw)
        self._lab = lab
        self._drag_index: int | None = None
        self._panning = False

    def hit(self, scene_pos) -> int | None:
        """Index of the point under ``scene_pos`` (vectorised, no per-point Python)."""
        m = self._lab.model
        if m.n == 0:
            return None
        p = self.mapSceneToView(scene_pos)
        pw, ph = self.viewPixelSize()
        if not (pw > 0 and ph > 0):
            return None
        dx = (m.x - p.x()) / pw
        dy = (m.y - p.y()) / ph
        d2 = dx * dx + dy * dy
        i = int(np.argmin(d2))
        return i if d2[i] <= HIT_RADIUS_PX ** 2 else None

    def mouseClickEvent(self, ev):  # noqa: N802
        if ev.button() == Qt.MouseButton.LeftButton:
            i = self.hit(ev.scenePos())
            ev.accept()
            if i is None:
                p = self.mapSceneToView(ev.scenePos())
                self._lab.add_point(p.x(), p.y())
            else:
                self._lab.select_point(i)
            self._lab.plot.setFocus()
            return
        if ev.button() == Qt.MouseButton.RightButton:
            i = self.hit(ev.scenePos())
            if i is not None:
                ev.accept()
                self._lab.remove_points([i])
                return
        super().mouseClickEvent(ev)

    def mouseDragEvent(self, ev, axis=None):  # noqa: N802
        if ev.button() != Qt.MouseButton.LeftButton:
            return super().mouseDragEvent(ev, axis)
        if ev.isStart():
            self._drag_index = self.hit(ev.buttonDownScenePos())
            self._panning = self._drag_index is None
            if self._drag_index is not None:
                self._lab.begin_drag(self._drag_index)
        if self._panning:
            super().mouseDragEvent(ev, axis)
            if ev.isFinish():
                self._panning = False
            return
        ev.accept()
        if self._drag_index is None:
            return
        p = self.mapSceneToView(ev.scenePos())
        self._lab.drag_to(self._drag_index, p.x(), p.y())
        if ev.isFinish():
            self._lab.end_drag(self._drag_index)
            self._drag_index = None


class DataPlotWidget(pg.PlotWidget):
    """The data plot.  Its grid is painted in the view's cached background (redrawn
    only when the range or size changes), so a drag repaints only the data items:
    pyqtgraph's own grid lives in the axes and is redrawn with every frame."""

    def __init__(self, viewBox: pg.ViewBox):
        super().__init__(viewBox=viewBox)
        self.setCacheMode(self.CacheModeFlag.CacheBackground)
        # pyqtgraph drops mouse moves that come < 10 ms after the previous one
        # (mouseRateLimit); Qt already merges queued moves into one per event-loop
        # pass and a drag step is O(1), so keep every move: the dragged point then
        # always ends where the pointer is, however fast the repaint is
        self.scene()._moveEventIsAllowed = lambda: True
        viewBox.sigRangeChanged.connect(lambda *_a: self.resetCachedContent())
        viewBox.sigResized.connect(lambda *_a: self.resetCachedContent())
        self._major = QPen(QColor("#e2e6ec"), 0)
        self._minor = QPen(QColor("#f1f3f6"), 0)

    def resizeEvent(self, ev):  # noqa: N802
        super().resizeEvent(ev)
        self.resetCachedContent()

    def drawBackground(self, painter, rect):  # noqa: N802
        super().drawBackground(painter, rect)
        pi = self.getPlotItem()
        vb = pi.vb
        area = vb.sceneBoundingRect()
        (x0, x1), (y0, y1) = vb.viewRange()
        painter.save()
        painter.setClipRect(area)
        for axis, lo, hi, size, vertical in (("bottom", x0, x1, area.width(), True),
                                             ("left", y0, y1, area.height(), False)):
            try:
                levels = pi.getAxis(axis).tickValues(lo, hi, size)
            except Exception:  # pragma: no cover - never break painting
                continue
            for level, (_spacing, values) in reversed(list(enumerate(levels[:2]))):
                painter.setPen(self._major if level == 0 else self._minor)
                for v in values:
                    if vertical:
                        p = vb.mapViewToScene(QPointF(v, y0))
                        painter.drawLine(QPointF(p.x(), area.top()), QPointF(p.x(), area.bottom()))
                    else:
                        p = vb.mapViewToScene(QPointF(x0, v))
                        painter.drawLine(QPointF(area.left(), p.y()), QPointF(area.right(), p.y()))
        painter.restore()


# --------------------------------------------------------------------------- sliders


class ParamSlider(QWidget):
    """A slider with a spin box for one real parameter.  ``valueChanged(float, bool)``:
    the bool is True while the slider is being dragged (live, not yet committed)."""

    valueChanged = Signal(float, bool)
    dragFinished = Signal()
    STEPS = 1000

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.lo, self.hi = -1.0, 1.0
        self.name = QLabel(name)
        self.name.setMinimumWidth(18)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, self.STEPS)
        self.spin = QDoubleSpinBox()
        self.spin.setDecimals(4)
        self.spin.setRange(-1e9, 1e9)
        self.spin.setKeyboardTracking(False)
        self.spin.setMinimumWidth(100)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.name)
        lay.addWidget(self.slider, 1)
        lay.addWidget(self.spin)
        self.slider.valueChanged.connect(self._from_slider)
        self.slider.sliderReleased.connect(self.dragFinished)
        self.spin.valueChanged.connect(lambda v: self.valueChanged.emit(float(v), False))

    def set_range(self, lo: float, hi: float) -> None:
        # from the data: nan, inf or ±1e308 (huge data) must still give a usable range
        self.lo, self.hi = safe_range(lo, hi, (-1.0, 1.0))
        span = self.hi - self.lo
        self.spin.setSingleStep(10.0 ** math.floor(math.log10(span / 100)))

    def value(self) -> float:
        return float(self.spin.value())

    def set_value(self, v: float) -> None:
        for w in (self.slider, self.spin):
            w.blockSignals(True)
        if math.isfinite(v):
            self.spin.setValue(v)
        span = self.hi - self.lo
        t = (v / 2 - self.lo / 2) / (span / 2) if span > 0 else 0.0  # no overflow
        pos = round(min(max(t, 0.0), 1.0) * self.STEPS) if math.isfinite(t) else 0
        self.slider.setValue(int(pos))
        for w in (self.slider, self.spin):
            w.blockSignals(False)

    def _from_slider(self, pos: int) -> None:
        v = self.lo + (self.hi - self.lo) * pos / self.STEPS
        self.spin.blockSignals(True)
        self.spin.setValue(v)
        self.spin.blockSignals(False)
        self.valueChanged.emit(v, self.slider.isSliderDown())


# --------------------------------------------------------------------------- the lab


class RegressionLab(QWidget):
    NAME = "regression"

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.model = RegressionModel(self)
        self._trajectory: Trajectory | None = None
        self._traj_cost = None
        self._cursor = 0
        self._selected: int | None = None
        self._drag_old: tuple[float, float] | None = None
        self._my_drag_old: tuple[float, float] | None = None
        self._grid_ranges: tuple[tuple[float, float], tuple[float, float]] | None = None
        self._grid_key: Any = None
        self.tcursor = TrajectoryCursor(self)
        self.tcursor.indexChanged.connect(self._on_cursor_index)
        self._in_command = 0  # > 0 while an undo command changes the model
        self._refresh_failed: Exception | None = None

        self._build_ui()
        self._apply_colors()
        self.model.changed.connect(self._on_model_changed)
        session.register(self.NAME, self.get_state, self.set_state)
        self.retranslate()
        ds = load_dataset(DEFAULT_DATASET_ID)
        self.model.my_line = (0.0, float(np.mean(ds.y)))
        self._apply_snapshot({"x": ds.x.copy(), "y": ds.y.copy(),
                              "dataset": DEFAULT_DATASET_ID}, reframe=True)

    # ================================================================== UI building
    def _build_ui(self) -> None:
        root = QHBoxLayout(self)
        root.setContentsMargins(8, 8, 8, 8)
        split = QSplitter(Qt.Orientation.Horizontal)
        root.addWidget(split)

        # ---- left: tool rows, data plot, results card
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.setSpacing(6)
        row1 = QHBoxLayout()
        self.dataset_label = QLabel()
        self.dataset_combo = QComboBox()
        self.dataset_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.dataset_combo.setMinimumContentsLength(34)
        self._dataset_ids = [d.id for d in list_datasets()] + [""]
        for _ in self._dataset_ids:
            self.dataset_combo.addItem("")
        self.dataset_combo.activated.connect(self._on_dataset_combo)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self._import_dialog)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self._export_dialog)
        self.degree_label = QLabel()
        self.degree_spin = QSpinBox()
        self.degree_spin.setRange(0, MAX_DEGREE)
        self.degree_spin.valueChanged.connect(self._on_degree_spin)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        row1.addWidget(self.dataset_label)
        row1.addWidget(self.dataset_combo)
        row1.addWidget(self.import_button)
        row1.addWidget(self.export_button)
        row1.addSpacing(16)
        row1.addWidget(self.degree_label)
        row1.addWidget(self.degree_spin)
        row1.addWidget(self.count_label)
        row1.addStretch(1)
        lv.addLayout(row1)

        row2 = QHBoxLayout()
        self.residuals_check = QCheckBox()
        self.squares_check = QCheckBox()
        self.myline_check = QCheckBox()
        for key, box in (("residuals", self.residuals_check), ("squares", self.squares_check),
                         ("my_line", self.myline_check)):
            box.toggled.connect(lambda on, k=key: self._on_toggle(k, on))
            row2.addWidget(box)
        self.limit_label = QLabel()
        self.limit_label.setObjectName("limitLabel")
        self.limit_label.setStyleSheet(f"color: {COLOR_FIT};")
        self.limit_label.hide()
        row2.addWidget(self.limit_label)
        row2.addStretch(1)
        self.hint_label = QLabel()
        row2.addWidget(self.hint_label)
        lv.addLayout(row2)

        # data plot
        self.viewbox = DataViewBox(self)
        self.plot = DataPlotWidget(self.viewbox)
        self.plot.setBackground("w")
        self.plot.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.plot.setMinimumSize(420, 320)
        pi = self.plot.getPlotItem()
        pi.setMenuEnabled(False)
        pi.layout.setContentsMargins(4, 12, 12, 4)
        for ax in ("left", "bottom"):
            a = pi.getAxis(ax)
            a.setPen(pg.mkPen("#555"))
            a.setTextPen(pg.mkPen("#333"))
        self.viewbox.disableAutoRange()
        self.squares_item = QGraphicsPathItem()
        self.squares_item.setPen(QPen(QColor(192, 57, 43, 150), 0))
        self.squares_item.setBrush(QBrush(QColor(192, 57, 43, 38)))
        self.plot.addItem(self.squares_item)
        self.ghost_curve = pg.PlotCurveItem(pen=pg.mkPen(COLOR_GHOST, width=1.2,
                                                         style=Qt.PenStyle.DashLine),
                                            connect="finite")
        self.plot.addItem(self.ghost_curve)
        self.residual_curve = pg.PlotCurveItem(pen=pg.mkPen(QColor(192, 57, 43), width=1),
                                               connect="pairs")
        self.plot.addItem(self.residual_curve)
        self.fit_curve = pg.PlotCurveItem(pen=pg.mkPen(COLOR_FIT, width=2.6))
        self.plot.addItem(self.fit_curve)
        self.my_curve = pg.PlotCurveItem(pen=pg.mkPen(COLOR_MY, width=2.2,
                                                      style=Qt.PenStyle.DashLine))
        self.plot.addItem(self.my_curve)
        self.descent_curve = pg.PlotCurveItem(pen=pg.mkPen(COLOR_DESCENT, width=2.2))
        self.plot.addItem(self.descent_curve)
        self.scatter = pg.ScatterPlotItem(size=10, pxMode=True,
                                          pen=pg.mkPen("w", width=1.2),
                                          brush=pg.mkBrush(COLOR_POINT))
        self.plot.addItem(self.scatter)
        self.sel_scatter = pg.ScatterPlotItem(size=15, pxMode=True,
                                              pen=pg.mkPen(COLOR_POINT_SEL, width=2.5),
                                              brush=pg.mkBrush(0, 0, 0, 0))
        self.plot.addItem(self.sel_scatter)
        for item in (self.scatter, self.sel_scatter):  # clicks go to DataViewBox
            item.mouseClickEvent = lambda ev: ev.ignore()
        self.handles = [pg.TargetItem(size=13, movable=True, symbol="s",
                                      pen=pg.mkPen(COLOR_MY, width=2),
                                      brush=pg.mkBrush(255, 255, 255, 220),
                                      hoverBrush=pg.mkBrush(COLOR_MY))
                        for _ in range(2)]
        for h in self.handles:
            self.plot.addItem(h)
            h.sigPositionChanged.connect(self._on_handle_moved)
            h.sigPositionChangeFinished.connect(self._on_handle_finished)
        self._handles_updating = False
        self.legend = pi.addLegend(offset=(-10, 10), labelTextSize="9pt", labelTextColor="#222")
        self.legend.setBrush(pg.mkBrush(255, 255, 255))  # opaque: cheaper to repaint
        self.legend.setPen(pg.mkPen("#bbb"))
        self.viewbox.sigXRangeChanged.connect(lambda *_: self._refresh_curves())
        lv.addWidget(self.plot, 1)
        self.plot.installEventFilter(self)

        # results card
        card = QFrame()
        card.setObjectName("resultCard")
        self.result_card = card
        cg = QGridLayout(card)
        cg.setContentsMargins(12, 8, 12, 8)
        cg.setHorizontalSpacing(18)
        self.equation_title = QLabel()
        self.equation_label = QLabel()
        self.equation_label.setObjectName("equation")
        self.equation_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._equation_pt = 0
        self._set_equation_size(15)
        self.equation_label.installEventFilter(self)
        self.metrics_label = QLabel()
        self.metrics_label.setObjectName("metrics")
        self.metrics_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.my_title = QLabel()
        self.my_label = QLabel()
        self.my_label.setStyleSheet(f"color: {COLOR_MY}; font-weight: 600;")
        self.status_label = QLabel()
        self.status_label.setObjectName("statusMessage")
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet("background: #fff4d6; border: 1px solid #e8c15a;"
                                        " border-radius: 4px; padding: 6px; color: #6b4e00;")
        for lab_ in (self.equation_label, self.metrics_label, self.my_label):
            # text changes during a drag must not re-layout the window
            lab_.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            lab_.setMinimumHeight(lab_.sizeHint().height() + 6)
        cg.addWidget(self.equation_title, 0, 0)
        cg.addWidget(self.equation_label, 0, 1)
        cg.addWidget(self.metrics_label, 1, 1)
        cg.addWidget(self.my_title, 2, 0)
        cg.addWidget(self.my_label, 2, 1)
        cg.addWidget(self.status_label, 3, 0, 1, 2)
        cg.setColumnStretch(1, 1)
        lv.addWidget(card)
        split.addWidget(left)

        # ---- right: tabs
        self.tabs = QTabWidget()
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._cost_timer = QTimer(self)
        self._cost_timer.setSingleShot(True)
        self._cost_timer.setInterval(15)  # at most ~60 refreshes/s, moves in between merge
        self._cost_timer.timeout.connect(lambda: self._refresh_cost(live=True))
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([860, 520])
        split.setChildrenCollapsible(False)

        # points tab
        pts = QWidget()
        pv = QVBoxLayout(pts)
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.source_label.setTextFormat(Qt.TextFormat.RichText)
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        pv.addWidget(self.source_label)
        self.table_model = PointsTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._select_from_table(cur.row()))
        pv.addWidget(self.table, 1)
        tb = QHBoxLayout()
        self.add_row_button = QPushButton()
        self.add_row_button.clicked.connect(self._add_row)
        self.remove_rows_button = QPushButton()
        self.remove_rows_button.clicked.connect(self._remove_selected_rows)
        tb.addWidget(self.add_row_button)
        tb.addWidget(self.remove_rows_button)
        tb.addStretch(1)
        pv.addLayout(tb)

        # my line tab
        myw = QWidget()
        mv = QVBoxLayout(myw)
        self.my_intro = QLabel()
        self.my_intro.setWordWrap(True)
        mv.addWidget(self.my_intro)
        self.k_slider = ParamSlider("k")
        self.b_slider = ParamSlider("b")
        for s in (self.k_slider, self.b_slider):
            s.valueChanged.connect(self._on_my_slider)
            s.dragFinished.connect(self._on_my_slider_released)
            mv.addWidget(s)
        self.compare_label = QLabel()
        self.compare_label.setObjectName("compare")
        self.compare_label.setWordWrap(True)
        self.compare_label.setTextFormat(Qt.TextFormat.RichText)
        self.compare_label.setStyleSheet("font-size: 11pt;")
        mv.addWidget(self.compare_label)
        self.snap_button = QPushButton()
        self.snap_button.clicked.connect(self._snap_my_line)
        hb = QHBoxLayout()
        hb.addWidget(self.snap_button)
        hb.addStretch(1)
        mv.addLayout(hb)
        mv.addStretch(1)

        # cost surface tab
        cw = QWidget()
        cv = QVBoxLayout(cw)
        self.cost_stack = QStackedWidget()
        surf_page = QWidget()
        sv = QVBoxLayout(surf_page)
        sv.setContentsMargins(0, 0, 0, 0)
        self.cost_caption = QLabel()
        self.cost_caption.setWordWrap(True)
        sv.addWidget(self.cost_caption)
        cost_split = QSplitter(Qt.Orientation.Vertical)
        self.surface = SurfaceView()
        self.surface.setMinimumHeight(200)
        self.contour = ContourView()
        self.contour.setMinimumHeight(200)
        cost_split.addWidget(self.surface)
        cost_split.addWidget(self.contour)
        sv.addWidget(cost_split, 1)
        self.cost_stack.addWidget(surf_page)
        self.cost_unavailable = QLabel()
        self.cost_unavailable.setWordWrap(True)
        self.cost_unavailable.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cost_stack.addWidget(self.cost_unavailable)
        cv.addWidget(self.cost_stack)
        if hasattr(self.contour, "pointClicked"):
            self.contour.pointClicked.connect(self._on_contour_clicked)

        # descent tab
        dw = QWidget()
        dv = QVBoxLayout(dw)
        box = QGroupBox()
        self.descent_box = box
        form = QGridLayout(box)
        self.opt_label = QLabel()
        self.opt_combo = QComboBox()
        for name in OPTIMIZERS:
            self.opt_combo.addItem(OPTIMIZER_LABELS[name], name)
        self.opt_combo.activated.connect(lambda _i: self._on_descent_widget())
        self.lr_label = QLabel()
        self.lr_spin = QDoubleSpinBox()
        self.lr_spin.setDecimals(8)
        self.lr_spin.setRange(1e-8, 10.0)
        self.lr_spin.setSingleStep(0.01)
        self.lr_spin.setKeyboardTracking(False)
        self.lr_spin.valueChanged.connect(lambda _v: self._on_descent_widget())
        self.steps_label = QLabel()
        self.steps_spin = QSpinBox()
        self.steps_spin.setRange(1, 200_000)
        self.steps_spin.setKeyboardTracking(False)
        self.steps_spin.valueChanged.connect(lambda _v: self._on_descent_widget())
        self.standardize_check = QCheckBox()
        self.standardize_check.toggled.connect(lambda _v: self._on_descent_widget())
        self.bound_label = QLabel()
        self.bound_label.setWordWrap(True)
        self.bound_label.setTextFormat(Qt.TextFormat.RichText)
        form.addWidget(self.opt_label, 0, 0)
        form.addWidget(self.opt_combo, 0, 1)
        form.addWidget(self.lr_label, 0, 2)
        form.addWidget(self.lr_spin, 0, 3)
        form.addWidget(self.steps_label, 1, 0)
        form.addWidget(self.steps_spin, 1, 1)
        form.addWidget(self.standardize_check, 2, 0, 1, 4)
        form.addWidget(self.bound_label, 3, 0, 1, 4)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)
        dv.addWidget(box)
        self.step_controls = StepControls()
        self.step_controls.stepRequested.connect(self._on_step_requested)
        self.step_controls.playToggled.connect(self._on_play_toggled)
        self.step_controls.runRequested.connect(self._on_run_requested)
        self.step_controls.resetRequested.connect(self._on_reset_requested)
        self.step_controls.speedChanged.connect(self.tcursor.set_speed)
        self.tcursor.playingChanged.connect(self.step_controls.set_playing)
        # → / Space / ← / Home / End / P drive the stepper only when no child uses the
        # key (see keyPressEvent): the table, spin boxes and combo boxes keep theirs
        # play speed is chosen from the run's length (a whole run plays in about 8 s),
        # so the speed boxes are not needed here and the controls fit the side panel
        for w in (self.step_controls.sps_label, self.step_controls.sps,
                  self.step_controls.spf_label, self.step_controls.spf):
            w.hide()
        dv.addWidget(self.step_controls)
        self.descent_compare = QLabel()
        self.descent_compare.setObjectName("descentCompare")
        self.descent_compare.setWordWrap(True)
        self.descent_compare.setTextFormat(Qt.TextFormat.RichText)
        dv.addWidget(self.descent_compare)
        self.step_panel = StepPanel()
        mid = QHBoxLayout()
        self.step_panel.setMinimumWidth(250)
        self.step_panel.setStyleSheet("QLabel { background: #fbfbfd; border: 1px solid #dde2ea;"
                                      " border-radius: 4px; }")
        self.step_scroll = QScrollArea()
        self.step_scroll.setWidgetResizable(True)
        self.step_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.step_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.step_scroll.setWidget(self.step_panel)
        self.step_scroll.setMinimumHeight(120)
        mid.addWidget(self.step_scroll, 1)
        self.descent_contour = ContourView()
        self.descent_contour.setMinimumHeight(160)
        if hasattr(self.descent_contour, "pointClicked"):
            self.descent_contour.pointClicked.connect(self._on_contour_clicked)
        if hasattr(self.descent_contour, "startDragFinished"):
            self.descent_contour.startDragFinished.connect(self._on_contour_clicked)
        self.loss_plot = pg.PlotWidget()
        self.trace_plot = pg.PlotWidget()
        for w in (self.loss_plot, self.trace_plot):
            w.setBackground("w")
            w.setMinimumHeight(110)
            w.showGrid(x=True, y=True, alpha=0.2)
            for ax in ("left", "bottom"):
                w.getAxis(ax).setPen(pg.mkPen("#555"))
                w.getAxis(ax).setTextPen(pg.mkPen("#333"))
        self.loss_plot.setLogMode(y=True)
        self.loss_curve = self.loss_plot.plot(pen=pg.mkPen(COLOR_DESCENT, width=2))
        self.loss_cursor = pg.InfiniteLine(angle=90,
                                           pen=pg.mkPen("#888", style=Qt.PenStyle.DotLine))
        self.loss_plot.addItem(self.loss_cursor)
        self.trace_legend = self.trace_plot.addLegend(offset=(-5, 5), labelTextSize="8pt")
        self.trace_curves: list[pg.PlotDataItem] = []
        self.trace_targets: list[pg.InfiniteLine] = []
        self.trace_cursor = pg.InfiniteLine(angle=90,
                                            pen=pg.mkPen("#888", style=Qt.PenStyle.DotLine))
        self.trace_plot.addItem(self.trace_cursor)
        self.descent_contour.setMinimumSize(240, 240)
        mid.addWidget(self.descent_contour, 1)
        self.descent_contour.setSizePolicy(QSizePolicy.Policy.Expanding,
                                           QSizePolicy.Policy.Ignored)
        dv.addLayout(mid, 3)
        low = QHBoxLayout()
        low.addWidget(self.loss_plot)
        low.addWidget(self.trace_plot)
        self.loss_plot.setMinimumHeight(140)
        self.trace_plot.setMinimumHeight(140)
        dv.addLayout(low, 2)

        for page in (pts, myw, cw, dw):
            self.tabs.addTab(page, "")
        for plot in self.findChildren(pg.PlotWidget):
            if plot is not self.plot:  # the data plot: points are dragged over its axes
                cache_axes(plot)
        # views that do not use the keyboard give it to the lab when clicked, so the
        # step keys work after a click on a plot (the 3D view would rotate on arrows)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._focus_views = [self.surface.gl, self.contour, self.descent_contour,
                             self.loss_plot, self.trace_plot]
        for w in self._focus_views:
            w.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            target = w.viewport() if hasattr(w, "viewport") else w
            target.installEventFilter(self)

    def _set_equation_size(self, pt: int) -> None:
        if pt != self._equation_pt:
            self._equation_pt = pt
            self.equation_label.setStyleSheet(
                f"font-size: {pt}pt; font-weight: 600; color: {COLOR_FIT};")

    def _set_equation_text(self, text: str) -> None:
        """The best-fit equation, in a smaller font when it would not fit (a degree-6
        polynomial is long); the whole equation is also its tooltip."""
        from PySide6.QtGui import QFont, QFontMetricsF

        lab_ = self.equation_label
        if text != lab_.text():
            lab_.setText(text)
            lab_.setToolTip(text)
        width = lab_.width() - 4
        if width <= 0:
            return
        font = QFont(lab_.font())
        font.setWeight(QFont.Weight.DemiBold)
        size = 15
        for size in (15, 13, 12, 11, 10, 9, 8):
            font.setPointSizeF(size)
            if QFontMetricsF(font).horizontalAdvance(text) <= width:
                break
        self._set_equation_size(size)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if obj is getattr(self, "equation_label", None):
            if event.type() == QEvent.Type.Resize:
                self._set_equation_text(obj.text())
            return False
        if obj is self.plot and event.type() == QEvent.Type.KeyPress and \
                event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and \
                self._selected is not None:
            self._delete_selected()
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

    # ================================================================== colours
    def _is_dark(self) -> bool:
        from PySide6.QtGui import QPalette
        return self.palette().color(QPalette.ColorRole.Window).lightness() < 128

    def _colors(self) -> dict[str, str]:
        """Colours of text and grid that must stay readable in the light and the dark
        theme (View → Theme recolours the plots' backgrounds)."""
        if self._is_dark():
            return {"muted": "#aab0b8", "text2": "#c9cdd3", "title": "#d6dae0",
                    "axis": "#e1e4e8", "grid": "#3b4048", "grid_minor": "#2d3137",
                    "legend_bg": "#2a2d33", "legend_pen": "#555b64", "legend_text": "#e1e4e8",
                    "card_bg": "#262a30", "card_border": "#3d434c"}
        return {"muted": "#666", "text2": "#444", "title": "#333", "axis": "#222",
                "grid": "#e2e6ec", "grid_minor": "#f1f3f6", "legend_bg": "#ffffff",
                "legend_pen": "#bbb", "legend_text": "#222", "card_bg": "#f7f9fc",
                "card_border": "#d5dce6"}

    def _set_plot_titles(self) -> None:
        c = self._colors()["title"]
        self.loss_plot.setTitle(self.tr("Loss C per step"), size="9pt", color=c)
        self.trace_plot.setTitle(self.tr("Parameters per step"), size="9pt", color=c)

    def _apply_colors(self) -> None:
        c = self._colors()
        self.hint_label.setStyleSheet(f"color: {c['muted']};")
        self.source_label.setStyleSheet(f"color: {c['text2']};")
        self.bound_label.setStyleSheet(f"color: {c['text2']};")
        self.result_card.setStyleSheet(
            f"#resultCard {{ background: {c['card_bg']}; border: 1px solid "
            f"{c['card_border']}; border-radius: 6px; }}")
        self.plot._major = QPen(QColor(c["grid"]), 0)
        self.plot._minor = QPen(QColor(c["grid_minor"]), 0)
        self.plot.resetCachedContent()
        self.legend.setBrush(pg.mkBrush(c["legend_bg"]))
        self.legend.setPen(pg.mkPen(c["legend_pen"]))
        self.legend.setLabelTextColor(c["legend_text"])
        self._set_plot_titles()
        if hasattr(self, "_trajectory"):
            self._update_axis_labels()
            self._legend_key = None  # re-add the entries: their text takes the colour
            self._refresh_legend()

    # ================================================================== translation
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() in (QEvent.Type.PaletteChange,
                              QEvent.Type.ApplicationPaletteChange) and \
                hasattr(self, "result_card"):
            self._apply_colors()
        super().changeEvent(event)

    def _lang(self) -> str:
        return gapp.current_language()

    def retranslate(self) -> None:
        lang = self._lang()
        self.dataset_label.setText(self.tr("Data set:"))
        for i, did in enumerate(self._dataset_ids):
            if did:
                ds = load_dataset(did)
                self.dataset_combo.setItemText(
                    i, self.tr("{name} ({n} points)").format(name=ds.name(lang), n=ds.n_points))
            else:
                self.dataset_combo.setItemText(i, self.tr("Empty — place your own points"))
        self.import_button.setText(self.tr("Import CSV…"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.degree_label.setText(self.tr("Polynomial degree:"))
        self.residuals_check.setText(self.tr("Residuals"))
        self.squares_check.setText(self.tr("Squares of residuals"))
        self.myline_check.setText(self.tr("My line"))
        self.hint_label.setText(
            self.tr("Click: add point · drag: move · right-click or Del: remove"))
        self.equation_title.setText(self.tr("Best fit:"))
        self.my_title.setText(self.tr("My line:"))
        self.tabs.setTabText(0, self.tr("Points"))
        self.tabs.setTabText(1, self.tr("My line"))
        self.tabs.setTabText(2, self.tr("Cost surface"))
        self.tabs.setTabText(3, self.tr("Fit by gradient descent"))
        self.add_row_button.setText(self.tr("Add row"))
        self.remove_rows_button.setText(self.tr("Remove selected rows"))
        self.my_intro.setText(self.tr(
            "Set the slope k and the intercept b of your own line, or drag its two square "
            "handles in the plot. Can you make its sum of squared errors as small as the "
            "best fit's?"))
        self.snap_button.setText(self.tr("Put my line on the best fit"))
        self.cost_caption.setText(self.tr(
            "C(k, b) = Σ (yᵢ − (k·xᵢ + b))² over the parameters. Red: the best fit "
            "(the lowest point); green: my line. Drag a data point and watch the bowl move."))
        self.cost_unavailable.setText(self._cost_unavailable_text())
        self.descent_box.setTitle(self.tr("Optimizer"))
        self.opt_label.setText(self.tr("Method:"))
        self.lr_label.setText(self.tr("Learning rate η:"))
        self.steps_label.setText(self.tr("Max steps:"))
        self.standardize_check.setText(self.tr("Standardise x (feature scaling)"))
        self._set_plot_titles()
        self.loss_plot.setLabel("bottom", self.tr("step"))
        self.trace_plot.setLabel("bottom", self.tr("step"))
        self.dataset_combo.setToolTip(self.tr(
            "The data points (xᵢ, yᵢ) to fit, e.g. the chapter's weights x and heights y of "
            "8 girls, or an empty plot for your own points"))
        self.import_button.setToolTip(self.tr("Load points (xᵢ, yᵢ) from a CSV file with two "
                                              "columns x, y"))
        self.export_button.setToolTip(self.tr("Save the points (xᵢ, yᵢ) as a CSV file"))
        self.degree_spin.setToolTip(self.tr(
            "Degree n of the fitted polynomial y = a₀ + a₁x + … + aₙxⁿ (1: the line "
            "y = kx + b). It has n + 1 parameters, so it needs more than n + 1 points."))
        self.residuals_check.setToolTip(self.tr(
            "Draw each residual yᵢ − (k·xᵢ + b) as a vertical segment from the point to the "
            "line."))
        self.squares_check.setToolTip(self.tr(
            "Draw each residual yᵢ − (k·xᵢ + b) as a square: the cost C = Σ of their areas."))
        self.myline_check.setToolTip(self.tr(
            "Show your own line y = kx + b (set k and b in the “My line” tab) and compare its "
            "cost C with the best fit's."))
        self.add_row_button.setToolTip(self.tr("Add a point (xᵢ, yᵢ) at the end of the table"))
        self.remove_rows_button.setToolTip(self.tr("Remove the selected points from the data "
                                                   "and from the sum C"))
        k_tip = self.tr("Slope k of my line y = kx + b")
        b_tip = self.tr("Intercept b of my line y = kx + b: its height at x = 0")
        for w in (self.k_slider.slider, self.k_slider.spin):
            w.setToolTip(k_tip)
        for w in (self.b_slider.slider, self.b_slider.spin):
            w.setToolTip(b_tip)
        self.snap_button.setToolTip(self.tr("Set my k and b to the least-squares values: the "
                                            "minimum of C(k, b)"))
        self.opt_combo.setToolTip(self.tr("The rule that updates the parameters θ = (k, b, …) "
                                          "step by step to minimise C, e.g. θ ← θ − η∇C(θ)"))
        self.lr_spin.setToolTip(self.tr("Learning rate η in θ ← θ − η∇C(θ): too large and C "
                                        "oscillates or diverges."))
        self.steps_spin.setToolTip(self.tr("Stop after at most this many steps"))
        self.standardize_check.setToolTip(self.tr(
            "Fit on x scaled to mean 0 and standard deviation 1: the bowl C(k, b) becomes "
            "round, so a larger η converges."))
        self._refresh_all()

    # ================================================================== public API
    def load_dataset(self, dataset_id: str | None) -> None:
        """Replace the points by a built-in data set ("" or None: empty); undoable."""
        did = dataset_id or None
        if did:
            ds = load_dataset(did)
            x, y = ds.x, ds.y
            name = ds.name(self._lang())
        else:
            x, y = np.zeros(0), np.zeros(0)
            name = self.tr("empty")
        self._push_points(x, y, self.tr("Load data set {name}").format(name=name),
                          reframe=True, dataset=did)

    def set_points(self, x: Any, y: Any) -> None:
        """Replace all points (undoable); the data set becomes "your own data"."""
        xa, ya = _as_points(x, y)
        self._push_points(xa, ya, self.tr("Set points"), reframe=True)

    def points(self) -> tuple[np.ndarray, np.ndarray]:
        return self.model.x.copy(), self.model.y.copy()

    def set_degree(self, d: int) -> None:
        d = int(d)
        if not 0 <= d <= MAX_DEGREE:
            raise ValueError(f"degree must be 0..{MAX_DEGREE}")
        if d == self.model.degree:
            return
        self.session.push(self._value_command(self.model.set_degree, self.model.degree, d,
                                              self.tr("Degree {d}").format(d=d)))

    def fit(self) -> PolynomialFit:
        return self.model.fit()

    def import_csv_text(self, text: str) -> bool:
        """Parse ``text`` and replace the points; on error show the bad lines and keep
        the points exactly as they were.  Returns True on success."""
        try:
            x, y = parse_points_csv(text)
        except CsvError as exc:
            self._show_csv_errors(exc)
            return False
        self._push_points(x, y, self.tr("Import CSV ({n} points)").format(n=x.size), reframe=True)
        self.session.status.emit(self.tr("Imported {n} points.").format(n=x.size))
        return True

    def export_csv_text(self) -> str:
        return format_points_csv(self.model.x, self.model.y)

    def set_my_line(self, k: float, b: float) -> None:
        self._push_my_line(self.model.my_line, (float(k), float(b)))

    def run_descent(self, optimizer: str | None = None, lr: float | None = None,
                    standardize: bool | None = None, max_steps: int | None = None,
                    start: Sequence[float] | None = None) -> Trajectory:
        """Run the optimizer on the least-squares cost and show the last step."""
        s = dict(self.model.descent)
        if optimizer is not None:
            s["optimizer"] = optimizer
        if lr is not None:
            s["lr"] = float(lr)
        if standardize is not None:
            s["standardize"] = bool(standardize)
        if max_steps is not None:
            s["max_steps"] = int(max_steps)
        if start is not None:
            s["start"] = [float(v) for v in start]
        if s != self.model.descent:
            self._push_descent(s)
        traj = self._ensure_trajectory()
        self._set_cursor(traj.n_steps)
        return traj

    def descent_parameters(self) -> np.ndarray | None:
        """Raw-x coefficients of the descent's current step (None before a run)."""
        if self._trajectory is None:
            return None
        return self._traj_cost.to_raw(self._trajectory.points[self._cursor])

    def get_state(self) -> dict:
        m = self.model
        return {"x": m.x.tolist(), "y": m.y.tolist(), "dataset": m.dataset_id,
                "degree": m.degree, "my_line": list(m.my_line), "view": dict(m.view),
                "descent": dict(m.descent)}

    def set_state(self, state: dict) -> None:
        """Restore a saved state.  A value of the wrong type or out of range (a damaged
        or hand-edited file) keeps the current value: this never raises halfway."""
        m = self.model
        try:
            x, y = _as_points(state.get("x", []), state.get("y", []))
        except (ValueError, TypeError):
            return
        with contextlib.suppress(TypeError, ValueError, OverflowError):
            m.degree = int(min(max(int(state.get("degree", 1)), 0), MAX_DEGREE))
        view = dict(m.view)
        saved_view = state.get("view", {})
        if isinstance(saved_view, dict):
            view.update({k: bool(v) for k, v in saved_view.items() if k in view})
        m.view = view
        m.descent = self._checked_descent(state.get("descent", {}))
        try:
            ml = state.get("my_line", m.my_line)
            k, b = float(ml[0]), float(ml[1])
            if math.isfinite(k) and math.isfinite(b):
                m.my_line = (k, b)
        except (TypeError, ValueError, IndexError, KeyError):
            pass
        did = state.get("dataset")
        did = did if isinstance(did, str) and did in self._dataset_ids and did else None
        self._apply_snapshot({"x": x, "y": y, "dataset": did}, reframe=True)
        self._refresh_all()

    def _checked_descent(self, saved: Any) -> dict:
        """The descent settings of a saved state, each checked (bad ones stay as now)."""
        desc = dict(self.model.descent)
        if not isinstance(saved, dict):
            return desc
        if saved.get("optimizer") in OPTIMIZERS:
            desc["optimizer"] = saved["optimizer"]
        try:
            lr = float(saved["lr"])
            if math.isfinite(lr) and lr > 0:
                desc["lr"] = min(max(lr, self.lr_spin.minimum()), self.lr_spin.maximum())
        except (KeyError, TypeError, ValueError):
            pass
        try:
            steps = int(saved["max_steps"])
            desc["max_steps"] = min(max(steps, self.steps_spin.minimum()),
                                    self.steps_spin.maximum())
        except (KeyError, TypeError, ValueError, OverflowError):
            pass
        if isinstance(saved.get("standardize"), bool):
            desc["standardize"] = saved["standardize"]
        try:
            start = [float(v) for v in saved["start"]]
            if len(start) == 2 and all(math.isfinite(v) for v in start):
                desc["start"] = start
        except (KeyError, TypeError, ValueError):
            pass
        return desc

    # ================================================================== commands
    def _checked(self, fn: Callable[..., None]) -> Callable[..., None]:
        """``fn`` for an undo command: raises when the refresh it triggers through
        ``model.changed`` failed (a slot's exception never reaches the caller)."""
        def run(*args) -> None:
            self._in_command += 1
            self._refresh_failed = None
            try:
                fn(*args)
            finally:
                self._in_command -= 1
            exc, self._refresh_failed = self._refresh_failed, None
            if exc is not None:
                raise exc

        return run

    def _command(self, do, undo, text: str) -> CallbackCommand:
        """An undo command for an edit of the points: if it fails halfway, the points
        and my line are put back as they were (see gui/commands.py)."""
        def snapshot():
            return self.model.snapshot(), self.model.my_line

        def restore(snap):
            self.model.my_line = snap[1]
            self._apply_snapshot(snap[0], reframe=False)

        return CallbackCommand(self._checked(do), self._checked(undo), text,
                               snapshot=snapshot, restore=restore,
                               report=self.session.status.emit)

    def _value_command(self, setter, old, new, text: str) -> SetValueCommand:
        return SetValueCommand(self._checked(setter), old, new, text,
                               report=self.session.status.emit)

    def _push_points(self, x: np.ndarray, y: np.ndarray, text: str, reframe: bool = False,
                     dataset: str | None = None) -> None:
        """Replace the whole point set (one undo entry); my line restarts horizontal."""
        old = self.model.snapshot()
        old_my = self.model.my_line
        new = {"x": np.array(x, dtype=np.float64), "y": np.array(y, dtype=np.float64),
               "dataset": dataset}
        new_my = (0.0, float(np.mean(new["y"])) if new["y"].size else 0.0)

        def do():
            self.model.my_line = new_my
            self._apply_snapshot(new, reframe)

        def undo():
            self.model.my_line = old_my
            self._apply_snapshot(old, reframe)

        self.session.push(self._command(do, undo, text))

    def _apply_snapshot(self, snap: dict, reframe: bool) -> None:
        self._reframe_pending = reframe
        self.model.restore(snap)

    def add_point(self, x: float, y: float) -> None:
        i = self.model.n
        self.session.push(self._command(
            lambda: self.model.insert_points([i], [x], [y]),
            lambda: self.model.remove_points([i]),
            self.tr("Add point ({x}, {y})").format(x=fmt(x, 4), y=fmt(y, 4))))
        self._select(i)

    def remove_points(self, indices: Sequence[int]) -> None:
        idx = sorted({int(i) for i in indices if 0 <= int(i) < self.model.n})
        if not idx:
            return
        xs = self.model.x[idx].copy()
        ys = self.model.y[idx].copy()
        self._select(None)
        text = (self.tr("Remove point") if len(idx) == 1
                else self.tr("Remove {n} points").format(n=len(idx)))
        self.session.push(self._command(lambda: self.model.remove_points(idx),
                                        lambda: self.model.insert_points(idx, xs, ys), text))

    def edit_point(self, i: int, x: float, y: float) -> None:
        old = (float(self.model.x[i]), float(self.model.y[i]))
        if old == (x, y):
            return
        self.session.push(self._command(lambda: self.model.set_point(i, x, y),
                                        lambda: self.model.set_point(i, *old),
                                        self.tr("Edit point {i}").format(i=i + 1)))

    def select_point(self, i: int | None) -> None:
        self._select(i)

    # drag --------------------------------------------------------------------------
    def begin_drag(self, i: int) -> None:
        self._drag_old = (float(self.model.x[i]), float(self.model.y[i]))
        self.model.moving = i
        self._select(i)

    def drag_to(self, i: int, x: float, y: float) -> None:
        if not (math.isfinite(x) and math.isfinite(y)):
            return
        self.model.move_live(i, x, y)

    def end_drag(self, i: int) -> None:
        old = self._drag_old
        self._drag_old = None
        new = (float(self.model.x[i]), float(self.model.y[i]))
        if old is None:
            return
        if old == new:
            self.model.moving = None
            return
        self.session.push(self._command(lambda: self.model.set_point(i, *new),
                                        lambda: self.model.set_point(i, *old),
                                        self.tr("Move point {i}").format(i=i + 1)))

    # my line / view / descent ------------------------------------------------------
    def _push_my_line(self, old: tuple, new: tuple) -> None:
        if not all(math.isfinite(v) for v in new):  # huge data: k or b overflowed
            self._sync_widgets()
            return
        if tuple(old) == tuple(new):
            self.model.set_my_line(new)
            return
        self.session.push(self._value_command(self.model.set_my_line, tuple(old), tuple(new),
                                              self.tr("My line")))

    def _push_view(self, key: str, on: bool) -> None:
        old = dict(self.model.view)
        new = dict(old)
        new[key] = bool(on)
        if old != new:
            self.session.push(self._value_command(self.model.set_view, old, new,
                                                  self.tr("Display options")))

    def _push_descent(self, new: dict) -> None:
        old = dict(self.model.descent)
        if old != new:
            self.session.push(self._value_command(self.model.set_descent, old, dict(new),
                                                  self.tr("Optimizer settings")))

    # ================================================================== UI handlers
    def _on_dataset_combo(self, index: int) -> None:
        did = self._dataset_ids[index] or None
        self.load_dataset(did)

    def _on_degree_spin(self, d: int) -> None:
        if d != self.model.degree:
            self.set_degree(d)

    def _on_toggle(self, key: str, on: bool) -> None:
        self._push_view(key, on)

    def _on_my_slider(self, _v: float, live: bool) -> None:
        kb = (self.k_slider.value(), self.b_slider.value())
        if live:
            if self._my_drag_old is None:
                self._my_drag_old = self.model.my_line
            self.model.set_my_line(kb)
        else:
            old = self._my_drag_old or self.model.my_line
            self._my_drag_old = None
            self._push_my_line(old, kb)

    def _on_my_slider_released(self) -> None:
        if self._my_drag_old is not None:
            old = self._my_drag_old
            self._my_drag_old = None
            self._push_my_line(old, (self.k_slider.value(), self.b_slider.value()))

    def _handle_kb(self) -> tuple[float, float] | None:
        (x1, y1), (x2, y2) = [(h.pos().x(), h.pos().y()) for h in self.handles]
        if abs(x2 - x1) < 1e-12:
            return None
        k = (y2 - y1) / (x2 - x1)
        b = y1 - k * x1
        return (k, b) if math.isfinite(k) and math.isfinite(b) else None

    def _on_handle_moved(self, *_a) -> None:
        if self._handles_updating:
            return
        kb = self._handle_kb()
        if kb is None:
            return
        if self._my_drag_old is None:
            self._my_drag_old = self.model.my_line
        self.model.set_my_line(kb)

    def _on_handle_finished(self, *_a) -> None:
        if self._my_drag_old is not None:
            old = self._my_drag_old
            self._my_drag_old = None
            self._push_my_line(old, self.model.my_line)

    def _snap_my_line(self) -> None:
        k, b = self.model.stats.best_fit()
        if not (math.isfinite(k) and math.isfinite(b)) and self.model.degree == 1:
            # the sums overflowed (±1e300 data); the fit works in scaled units
            k, b = (float(c) for c in self.fit().coefficients)
        self._push_my_line(self.model.my_line, (k, b))

    def _on_descent_widget(self) -> None:
        s = dict(self.model.descent)
        s["optimizer"] = self.opt_combo.currentData()
        s["lr"] = float(self.lr_spin.value())
        s["max_steps"] = int(self.steps_spin.value())
        s["standardize"] = self.standardize_check.isChecked()
        self._push_descent(s)

    def _on_contour_clicked(self, x: float, y: float) -> None:
        s = dict(self.model.descent)
        if self.model.degree != 1:
            return
        if self.sender() is self.contour and s["standardize"]:
            # the cost tab's contour is over raw (k, b): convert the start
            _z, mx, sig = _stats_standardized(self.model.stats)
            x, y = x * sig, y + x * mx
        s["start"] = [float(x), float(y)]
        self._push_descent(s)

    def _add_row(self) -> None:
        m = self.model
        if m.n:
            x = float(m.stats.mean_x)
            y = float(self.fit().predict(x))
        else:
            (x0, x1), (y0, y1) = self.viewbox.viewRange()
            x, y = (x0 + x1) / 2, (y0 + y1) / 2
        self.add_point(x, y)
        self.table.scrollToBottom()

    def _remove_selected_rows(self) -> None:
        rows = sorted({ix.row() for ix in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        self.remove_points(rows)

    def _delete_selected(self) -> None:
        if self._selected is not None:
            self.remove_points([self._selected])

    def _select_from_table(self, row: int) -> None:
        if 0 <= row < self.model.n and row != self._selected:
            self._selected = row
            self._refresh_selection()

    def _select(self, i: int | None) -> None:
        self._selected = i
        self._refresh_selection()
        if i is not None and self.model.n <= 100_000:
            self.table.selectRow(i) if 0 <= i < self.table_model.rowCount() else None

    # CSV dialogs -------------------------------------------------------------------
    def _import_dialog(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, self.tr("Import points"), "",
            self.tr("CSV or text files (*.csv *.tsv *.txt);;All files (*)"))
        if not path:
            return
        try:
            with open(path, encoding="utf-8-sig") as fh:
                text = fh.read()
        except (OSError, UnicodeDecodeError) as exc:
            QMessageBox.warning(self, self.tr("Import points"),
                                self.tr("Could not read the file: {err}").format(err=str(exc)))
            return
        self.import_csv_text(text)

    def _export_dialog(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Export points"), "points.csv",
                                               self.tr("CSV files (*.csv)"))
        if not path:
            return
        try:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(self.export_csv_text())
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export points"),
                                self.tr("Could not write the file: {err}").format(err=str(exc)))
            return
        self.session.status.emit(self.tr("Exported {n} points.").format(n=self.model.n))

    def _csv_problem(self, msg: str) -> str:
        """core.datasets reports CSV problems in English: say them in the user's
        language (an unknown message is shown as it is)."""
        m = re.fullmatch(r"expected 2 columns \(x and y\), found (\d+)", msg)
        if m:
            return self.tr("expected 2 columns (x and y), found {n}").format(n=m.group(1))
        m = re.fullmatch(r"header has (\d+) columns, expected 2 \(x and y\)", msg)
        if m:
            return self.tr("the header has {n} columns, expected 2 (x and y)").format(
                n=m.group(1))
        m = re.fullmatch(r"([xy]) value (.*) is not a finite number", msg)
        if m:
            return self.tr("{name} value {value} is not a finite number").format(
                name=m.group(1), value=m.group(2))
        m = re.fullmatch(r"([xy]) value (.*) is not a number", msg)
        if m:
            value = m.group(2)
            if value == "'(empty)'":
                value = self.tr("(empty)")
            return self.tr("{name} value {value} is not a number").format(
                name=m.group(1), value=value)
        return msg

    def csv_error_text(self, exc: CsvError) -> str:
        if all(ln == 0 for ln, _msg in exc.errors) and \
                [msg for _ln, msg in exc.errors] == ["no data rows found"]:
            return self.tr("The points were not changed: the text has no rows with two "
                           "numbers x and y.")
        lines = []
        for ln, msg in exc.errors[:12]:
            problem = self._csv_problem(msg)
            if ln:
                lines.append(self.tr("Line {line}: {problem}").format(line=ln, problem=problem))
            else:
                lines.append(problem)
        if len(exc.errors) > 12:
            lines.append(self.tr("… and {n} more").format(n=len(exc.errors) - 12))
        return (self.tr("The points were not changed. These rows could not be read:")
                + "\n" + "\n".join(lines))

    def _show_csv_errors(self, exc: CsvError) -> None:
        text = self.csv_error_text(exc)
        self.last_error_text = text
        self.session.status.emit(text.replace("\n", " "))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Import points"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("csvErrorBox")
        box.open()  # non-blocking (tests can find and close it)
        self._csv_box = box

    # ================================================================== refresh
    def _on_model_changed(self, kind: str) -> None:
        # a slot must not raise: the exception would go to sys.excepthook, past the
        # undo command that changed the model. Inside a command it is kept for the
        # command (which then puts the old state back, see _checked); otherwise the
        # edit stays and the failure is reported.
        try:
            with np.errstate(all="ignore"):  # huge data: inf and nan are shown as such
                self._refresh_for(kind)
        except Exception as exc:  # noqa: BLE001
            if self._in_command:
                self._refresh_failed = exc
            else:
                _log.exception("refreshing the Regression Lab after %r failed", kind)
                self.session.status.emit(self.tr("The view could not be updated: {error}")
                                         .format(error=exc))

    def _refresh_for(self, kind: str) -> None:
        if kind == "move":
            self._refresh_live()
        elif kind == "myline" or kind == "view":
            self._sync_widgets()
            self._refresh_fit_texts(live=False)
            self._refresh_curves()
            self._refresh_cost_markers()
        elif kind == "descent":
            self._invalidate_descent()
            self._sync_widgets()
            self._refresh_descent_views()
        else:
            self._invalidate_descent()
            self._refresh_all()

    def _invalidate_descent(self) -> None:
        self._trajectory = None
        self._traj_cost = None
        self._cursor = 0
        self.tcursor.pause()
        self.tcursor.set_length(1, keep=False)

    def _refresh_all(self) -> None:
        if not hasattr(self, "model"):
            return
        m = self.model
        if getattr(self, "_reframe_pending", False):
            self._reframe_pending = False
            self._reframe()
            self._grid_ranges = None
        self._sync_widgets()
        self._update_axis_labels()
        self._style_scatter()
        self.scatter.setData(m.x, m.y)
        self.table_model.reset()
        self._refresh_selection()
        self._refresh_fit_texts(live=False)
        self._refresh_curves()
        self._refresh_cost(live=False)
        self._refresh_descent_views()

    def _refresh_live(self) -> None:
        """One drag step: move one scatter spot in place, refit from the statistics."""
        m = self.model
        i = m.moving
        if i is not None and self.scatter.data is not None and len(self.scatter.data) == m.n:
            self.scatter.data["x"][i] = m.x[i]
            self.scatter.data["y"][i] = m.y[i]
            self.scatter.prepareGeometryChange()
            self.scatter.bounds = [None, None]
            self.scatter.update()
            if m.n <= 20_000:
                self.table_model.row_changed(i)
        else:
            self.scatter.setData(m.x, m.y)
        self._refresh_selection()
        self._refresh_fit_texts(live=True)
        self._refresh_curves(live=True)
        self._schedule_cost_refresh()
        if self._trajectory is not None:
            self._invalidate_descent()
            self.descent_curve.setData([], [])

    def _style_scatter(self) -> None:
        """Many points: small markers without the white outline, which would
        otherwise paint over the dense cloud and leave it almost invisible."""
        dense = self.model.n > 2000
        if getattr(self, "_scatter_dense", None) is dense:
            return
        self._scatter_dense = dense
        if dense:
            self.scatter.setSize(5)
            self.scatter.setPen(pg.mkPen(None))
        else:
            self.scatter.setSize(10)
            self.scatter.setPen(pg.mkPen("w", width=1.2))

    def _sync_widgets(self) -> None:
        m = self.model
        widgets = (self.dataset_combo, self.degree_spin, self.residuals_check,
                   self.squares_check, self.myline_check, self.opt_combo, self.lr_spin,
                   self.steps_spin, self.standardize_check)
        for w in widgets:
            w.blockSignals(True)
        did = m.dataset_id or ""
        if did in self._dataset_ids:
            self.dataset_combo.setCurrentIndex(self._dataset_ids.index(did))
        if m.dataset_id is None and m.n:
            self.dataset_combo.setCurrentIndex(-1)
            self.dataset_combo.setPlaceholderText(
                self.tr("Your own data") if m.n != 1 else self.tr("Your own data (1 point)"))
        self.degree_spin.setValue(m.degree)
        self.residuals_check.setChecked(m.view["residuals"])
        self.squares_check.setChecked(m.view["squares"])
        self.myline_check.setChecked(m.view["my_line"])
        d = m.descent
        self.opt_combo.setCurrentIndex(max(0, OPTIMIZERS.index(d["optimizer"])))
        self.lr_spin.setValue(float(d["lr"]))
        self.steps_spin.setValue(int(d["max_steps"]))
        self.standardize_check.setChecked(bool(d["standardize"]))
        for w in widgets:
            w.blockSignals(False)
        self.viewbox.setAspectLocked(bool(m.view["squares"]), ratio=1.0)
        # my-line sliders
        k, b = m.my_line
        kb_star = m.stats.best_fit()
        sx = math.sqrt(m.stats.sxx / m.stats.n) if m.stats.n and m.stats.sxx > 0 else 1.0
        sy = math.sqrt(m.stats.syy / m.stats.n) if m.stats.n and m.stats.syy > 0 else 1.0
        dk = max(3.0 * abs(kb_star[0]), 3.0 * sy / sx, 1e-3)
        self.k_slider.set_range(kb_star[0] - dk, kb_star[0] + dk)
        db = max(dk * (abs(m.stats.mean_x) + sx), 3 * sy, 1e-3)
        self.b_slider.set_range(kb_star[1] - db, kb_star[1] + db)
        self.k_slider.set_value(k)
        self.b_slider.set_value(b)
        # source
        lang = self._lang()
        if m.dataset_id:
            ds = load_dataset(m.dataset_id)
            self.source_label.setText(self.tr("<b>{name}</b><br>{note}<br><i>Source:</i> {source}")
                                      .format(name=ds.name(lang), note=ds.note(lang),
                                              source=self._source_text(ds)))
        else:
            self.source_label.setText(self.tr("<b>Your own data</b><br>Click in the plot to add "
                                              "points, or type them into the table."))

    def _source_text(self, ds) -> str:
        """The data set's source in the user's language: the descriptive words are
        translated, bibliographic titles stay as published (core keeps only English)."""
        described = {
            "chapter_heights": self.tr(
                "The chapter 深度学习 | 掌握神经网络的法宝（一） (Deep learning: the tools "
                "for mastering neural networks, part 1), section 3.4, Python example."),
            "women_1975": self.tr(
                "The World Almanac and Book of Facts, 1975: average weights for American "
                "women aged 30–39; as distributed in R's datasets package (data set "
                "'women')."),
            "cars_1920s": self.tr(
                "M. Ezekiel, Methods of Correlation Analysis, Wiley (1930); recorded in "
                "the 1920s; as distributed in R's datasets package (data set 'cars')."),
        }
        return described.get(ds.id, ds.source)

    def _axis_texts(self) -> tuple[str, str]:
        m = self.model
        lang = self._lang()
        if m.dataset_id:
            ds = load_dataset(m.dataset_id)
            xl, yl = ds.x_label(lang), ds.y_label(lang)
            xu, yu = ds.units
            return (f"{xl} x ({xu})" if xu else f"{xl}"), (f"{yl} y ({yu})" if yu else f"{yl}")
        return "x", "y"

    def _update_axis_labels(self) -> None:
        xt, yt = self._axis_texts()
        style = {"color": self._colors()["axis"], "font-size": "11pt"}
        self.plot.setLabel("bottom", xt, **style)
        self.plot.setLabel("left", yt, **style)
        names = self._axis_texts()
        self.table_model.headers = names
        self.table_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)

    def _reframe(self) -> None:
        m = self.model
        if m.dataset_id:
            ds = load_dataset(m.dataset_id)
            xr, yr = ds.x_range, ds.y_range
        elif m.n:
            x0, x1 = float(m.x.min()), float(m.x.max())
            y0, y1 = float(m.y.min()), float(m.y.max())
            # halves first: the width of ±1.7e308 data is beyond the float range
            px = (x1 / 2 - x0 / 2) * 0.24 or max(1.0, abs(x0) * 0.1)
            py = (y1 / 2 - y0 / 2) * 0.3 or max(1.0, abs(y0) * 0.1)
            xr, yr = (x0 - px, x1 + px), (y0 - py, y1 + py)
        else:
            xr, yr = (0.0, 10.0), (0.0, 10.0)
        self.viewbox.setRange(xRange=safe_range(*xr), yRange=safe_range(*yr), padding=0)

    def _refresh_selection(self) -> None:
        i = self._selected
        m = self.model
        if i is not None and 0 <= i < m.n:
            self.sel_scatter.setData([m.x[i]], [m.y[i]])
        else:
            self._selected = None
            self.sel_scatter.setData([], [])

    # texts -------------------------------------------------------------------------
    def _model_name(self, degree: int) -> str:
        names = {0: self.tr("constant"), 1: self.tr("line"), 2: self.tr("parabola"),
                 3: self.tr("cubic")}
        return names.get(degree, self.tr("degree-{d} polynomial").format(d=degree))

    def _count_text(self, p: int, n: int) -> str:
        ptxt = self.tr("1 parameter") if p == 1 else self.tr("{p} parameters").format(p=p)
        ntxt = self.tr("1 point") if n == 1 else self.tr("{n} points").format(n=n)
        return self.tr("{params}, {points}").format(params=ptxt, points=ntxt)

    def status_text(self, fit: PolynomialFit) -> str:
        """Translated explanation of ``fit.status`` ("" when the fit is ok)."""
        a = fit.message_args
        n, p, d = a["n_points"], a["n_params"], a["n_distinct_x"]
        model = self._model_name(fit.degree)
        if a["status"] == "ok":
            return ""
        if a["status"] == "empty":
            if p == 1:
                return self.tr("No points yet: click in the plot to add some. A constant has "
                               "1 parameter, so it needs more than 1 point to be determined "
                               "(chapter 3.5).")
            return self.tr("No points yet: click in the plot to add some. A {model} has {p} "
                           "parameters, so it needs more than {p} points to be determined "
                           "(chapter 3.5).").format(model=model, p=p)
        if a["status"] == "exact":
            if n == 1:
                return self.tr("1 point and 1 parameter: the constant passes through the "
                               "point exactly, so the error is zero — nothing was really "
                               "fitted. To determine a model you need more points than "
                               "parameters (chapter 3.5).")
            return self.tr("{n} points and {p} parameters: the {model} passes through every "
                           "point exactly, so the error is zero — nothing was really fitted. "
                           "To determine a model you need more points than parameters "
                           "(chapter 3.5).").format(n=n, p=p, model=model)
        if n == d:
            if n == 1 and fit.degree == 1:
                return self.tr("1 point cannot determine a line (2 parameters): every line "
                               "through it has zero error (grey lines). The cost surface is a "
                               "flat valley with no single lowest point; the horizontal line "
                               "is shown.")
            if n == 1:
                return self.tr("1 point cannot determine a {model} ({p} parameters): "
                               "infinitely many of them pass through it with zero error "
                               "(grey curves); the simplest one is shown.").format(
                    model=model, p=p)
            return self.tr("{n} points cannot determine a {model} ({p} parameters): "
                           "infinitely many of them pass through all the points with zero "
                           "error (grey curves); the simplest one is shown.").format(
                n=n, model=model, p=p)
        if d == 1:
            return self.tr("{n} points all at the same x cannot determine a {model} ({p} "
                           "parameters): infinitely many share the same smallest error (grey "
                           "curves); the simplest one is shown.").format(n=n, model=model, p=p)
        return self.tr("{n} points with only {d} different x values cannot determine a "
                       "{model} ({p} parameters): infinitely many share the same smallest "
                       "error (grey curves); the simplest one is shown.").format(
            n=n, d=d, model=model, p=p)

    def _live_line(self) -> tuple[float, float, float, float, float]:
        """(k, b, SSE, R², r) from the sufficient statistics (O(1))."""
        s = self.model.stats
        k, b = s.best_fit()
        sse = s.min_cost()
        r2 = 1.0 - sse / s.syy if s.syy > 0 else math.nan
        r = s.sxy / math.sqrt(s.sxx * s.syy) if s.sxx > 0 and s.syy > 0 else math.nan
        return k, b, sse, r2, max(-1.0, min(1.0, r)) if not math.isnan(r) else r

    def _refresh_fit_texts(self, live: bool) -> None:
        m = self.model
        n, p = m.n, m.degree + 1
        self.count_label.setText(self._count_text(p, n))
        if m.degree == 1 and live:
            k, b, sse, r2, r = self._live_line()
            coeffs = (k, b)
            status = self.status_label.text()
        else:
            f = self.fit()
            coeffs = tuple(f.coefficients)
            sse, r2 = f.sse, f.r2
            r = f.r if f.r is not None else None
            status = self.status_text(f)
        mse = sse / n if n else math.nan
        self._set_equation_text(polynomial_text(coeffs))
        parts = [f"SSE = Σ(y − ŷ)² = {fmt(sse, 7)}", f"MSE = {fmt(mse, 6)}",
                 f"R² = {fmt(r2, 5)}"]
        if r is not None:
            parts.append(f"r = {fmt(r, 5)}")
        self.metrics_label.setText("    ".join(parts))
        if not live:
            self.status_label.setText(status)
            self.status_label.setVisible(bool(status))
        # my line
        show_my = m.view["my_line"]
        k, b = m.my_line
        my_sse = float(m.stats.cost(k, b)) if m.n else 0.0
        self.my_label.setText(self.tr("{eq}    SSE = {sse}").format(
            eq=polynomial_text((k, b), 5), sse=fmt(my_sse, 6)))
        self.my_label.setVisible(show_my)
        self.my_title.setVisible(show_my)
        best = m.stats.min_cost() if m.n else 0.0
        if m.n:
            ratio = (my_sse / best) if best > 0 else math.inf
            more = my_sse - best
            self.compare_label.setText(self.tr(
                "<span style='color:{cm}'>My line: SSE = <b>{mine}</b></span><br>"
                "<span style='color:{cf}'>Best line: SSE = <b>{best}</b></span><br>"
                "Mine is larger by {more} ({ratio}× the best). Least squares means: no "
                "other line has a smaller sum of squares.").format(
                cm=COLOR_MY, cf=COLOR_FIT, mine=fmt(my_sse, 6), best=fmt(best, 6),
                more=fmt(more, 4), ratio=fmt(ratio, 3)))
        else:
            self.compare_label.setText(self.tr("Add some points first."))

    # curves ------------------------------------------------------------------------
    def _refresh_curves(self, live: bool = False) -> None:
        if not hasattr(self, "model"):
            return
        with np.errstate(all="ignore"):  # huge data: the curves leave the float range
            self._draw_curves(live)

    def _draw_curves(self, live: bool) -> None:
        m = self.model
        (x0, x1), (y0, y1) = self.viewbox.viewRange()
        span = x1 - x0
        xs = np.linspace(x0 - span * 0.5, x1 + span * 0.5, 2 if m.degree <= 1 else 400)
        fit = None
        if m.degree == 1 and (live or m.n):
            if live:
                k, b = m.stats.best_fit()
            else:
                fit = self.fit()
                k, b = fit.k, fit.b
            yhat_pts = k * m.x + b
            self.fit_curve.setData(xs, k * xs + b)
        else:
            fit = fit_polynomial(m.x, m.y, m.degree) if live else self.fit()
            yhat_pts = fit.predict(m.x) if m.n else np.zeros(0)
            self.fit_curve.setData(xs, fit.predict(xs) if m.n else np.full_like(xs, np.nan))
            if not m.n:
                self.fit_curve.setData([], [])
        # residual segments
        show_res = m.view["residuals"] and 0 < m.n <= RESIDUAL_LIMIT
        if show_res:
            seg_x = np.repeat(m.x, 2)
            seg_y = np.empty(2 * m.n)
            seg_y[0::2] = m.y
            seg_y[1::2] = yhat_pts
            self.residual_curve.setData(seg_x, seg_y, connect="pairs")
        else:
            self.residual_curve.setData([], [])
        self.residual_curve.setVisible(show_res)
        # squares
        show_sq = m.view["squares"] and 0 < m.n <= SQUARE_LIMIT
        if show_sq:
            r = m.y - yhat_pts
            side = np.abs(r)
            # squares on the side facing the middle of the data, so they stay in view
            direction = np.where(m.x > (x0 + x1) / 2, -1.0, 1.0)
            xa = m.x
            xb = m.x + direction * side
            sx = np.stack([xa, xb, xb, xa, xa, np.full_like(xa, np.nan)], axis=1).ravel()
            sy = np.stack([m.y, m.y, yhat_pts, yhat_pts, m.y, np.full_like(xa, np.nan)],
                          axis=1).ravel()
            path = pg.arrayToQPath(sx, sy, connect="finite")
            self.squares_item.setPath(path)
        else:
            self.squares_item.setPath(QPainterPath())
        self.squares_item.setVisible(show_sq)
        self._refresh_limit_note()
        # ghost curves (underdetermined: many curves with zero error)
        self._refresh_ghosts(xs, live)
        # my line + handles
        show_my = bool(m.view["my_line"])
        k, b = m.my_line
        xl = np.array([x0 - span * 0.5, x1 + span * 0.5])
        self.my_curve.setData(xl, k * xl + b)
        self.my_curve.setVisible(show_my)
        hx = (x0 + span * 0.2, x0 + span * 0.8)
        self._handles_updating = True
        for h, xh in zip(self.handles, hx, strict=False):
            h.setVisible(show_my)
            if not getattr(h, "moving", False):  # the dragged handle follows the mouse
                h.setPos(xh, k * xh + b)
        self._handles_updating = False
        # descent line
        self._refresh_descent_line(xs)
        self._refresh_legend()

    def _refresh_limit_note(self) -> None:
        """Say why residuals or squares that are switched on are not drawn."""
        m = self.model
        note = ""
        if m.view["squares"] and m.n > SQUARE_LIMIT:
            note = self.tr("(squares are drawn for up to {n} points)").format(
                n=f"{SQUARE_LIMIT:,}")
        if m.view["residuals"] and m.n > RESIDUAL_LIMIT:
            note = self.tr("(residuals and squares are drawn for up to {r} and {s} points)"
                           ).format(r=f"{RESIDUAL_LIMIT:,}", s=f"{SQUARE_LIMIT:,}") \
                if m.view["squares"] else \
                self.tr("(residuals are drawn for up to {n} points)").format(
                    n=f"{RESIDUAL_LIMIT:,}")
        if note != self.limit_label.text():
            self.limit_label.setText(note)
        self.limit_label.setVisible(bool(note))

    def _refresh_ghosts(self, xs: np.ndarray, live: bool) -> None:
        m = self.model
        f = None if live else self.fit()
        if f is None or f.status != "underdetermined" or m.n == 0:
            self.ghost_curve.setData([], [])
            return
        xd = np.unique(m.x)
        base = f.predict(xs)
        prod = np.ones_like(xs)
        for xi in xd:
            prod = prod * (xs - xi)
        (x0, x1), (y0, y1) = self.viewbox.viewRange()
        xv = np.linspace(x0, x1, 64)  # scale the family by its size inside the view
        pv = np.ones_like(xv)
        for xi in xd:
            pv = pv * (xv - xi)
        scale = float(np.max(np.abs(pv)))
        scale = scale if scale > 0 else 1.0
        amp = (y1 - y0) * 0.35 / scale
        curves = []
        for t in (-1.0, -0.5, 0.5, 1.0):
            curves.append(np.append(base + t * amp * prod, np.nan))
        gx = np.tile(np.append(xs, np.nan), len(curves))
        self.ghost_curve.setData(gx, np.concatenate(curves), connect="finite")

    def _refresh_descent_line(self, xs: np.ndarray | None = None) -> None:
        params = self.descent_parameters()
        if params is None:
            self.descent_curve.setData([], [])
            return
        if xs is None:
            (x0, x1), _ = self.viewbox.viewRange()
            span = x1 - x0
            xs = np.linspace(x0 - span * 0.5, x1 + span * 0.5,
                             2 if self.model.degree <= 1 else 400)
        self.descent_curve.setData(xs, np.polyval(params, xs))

    def _refresh_legend(self) -> None:
        entries = [(self.scatter, self.tr("data")),
                   (self.fit_curve, self.tr("least-squares fit"))]
        if self.model.view["residuals"] and self.residual_curve.isVisible():
            entries.append((self.residual_curve, self.tr("residuals y − ŷ")))
        if self.model.view["my_line"]:
            entries.append((self.my_curve, self.tr("my line")))
        if self._trajectory is not None:
            entries.append((self.descent_curve, self.tr("gradient descent")))
        key = tuple((id(item), text) for item, text in entries)
        if key == getattr(self, "_legend_key", None):
            return
        self._legend_key = key
        self.legend.clear()
        for item, text in entries:
            self.legend.addItem(item, text)

    # cost surface ------------------------------------------------------------------
    def _grid_for(self, s: SufficientStats, keep: bool) -> tuple[np.ndarray, np.ndarray]:
        k, b = s.best_fit()
        if keep and self._grid_ranges is not None:
            (k0, k1), (b0, b1) = self._grid_ranges
            if k0 < k < k1 and b0 < b < b1:
                return np.linspace(k0, k1, GRID_N), np.linspace(b0, b1, GRID_N)
        sx = math.sqrt(s.sxx / s.n) if s.n and s.sxx > 0 else 1.0
        sy = math.sqrt(s.syy / s.n) if s.n and s.syy > 0 else 1.0
        dk = max(2.0 * abs(k), 2.0 * sy / sx, 0.5)
        db = max(dk * (abs(s.mean_x) + sx), 2.0 * sy, 1.0)
        self._grid_ranges = ((k - dk, k + dk), (b - db, b + db))
        (k0, k1), (b0, b1) = self._grid_ranges
        return np.linspace(k0, k1, GRID_N), np.linspace(b0, b1, GRID_N)

    def _schedule_cost_refresh(self) -> None:
        """Live cost refresh, coalesced: many mouse moves in one event-loop pass give
        one refresh; skipped (and done when shown) while the cost tab is hidden."""
        if self.tabs.currentIndex() != 2:
            self._cost_dirty = True
            return
        if not self._cost_timer.isActive():
            self._cost_timer.start()

    def _on_tab_changed(self, index: int) -> None:
        if index == 2 and getattr(self, "_cost_dirty", False):
            self._cost_dirty = False
            self._refresh_cost(live=self.model.moving is not None)

    def _cost_unavailable_text(self) -> str:
        if self.model.degree == 1:
            return self.tr(
                "The numbers of these points are too large: the cost C(k, b) is beyond "
                "the range of floating-point numbers, so its surface cannot be drawn.")
        return self.tr(
            "The cost surface over (k, b) is drawn for a straight line (degree 1).\n"
            "For other degrees the cost depends on more than two parameters: use "
            "“Fit by gradient descent” to follow the loss curve and parameter traces.")

    def _refresh_cost(self, live: bool) -> None:
        m = self.model
        s = m.stats
        if m.degree != 1 or not all(math.isfinite(v) for v in (s.mean_x, s.mean_y, s.sxx,
                                                               s.sxy, s.syy)):
            self.cost_unavailable.setText(self._cost_unavailable_text())
            self.cost_stack.setCurrentIndex(1)
            return
        self.cost_stack.setCurrentIndex(0)
        ks, bs = self._grid_for(s, keep=live)
        Z = s.cost_grid(ks, bs)
        self.surface.set_grid(ks, bs, Z, log_color=True)
        self.contour.set_grid(ks, bs, Z, log_color=True)
        if not live:
            self.surface.set_axis_labels("k", "b", "C(k, b)")
            self.contour.set_axis_labels("k", "b")
        self._refresh_cost_markers()

    def _refresh_cost_markers(self) -> None:
        m = self.model
        if m.degree != 1:
            return
        s = m.stats
        k, b = s.best_fit()
        cbest = s.min_cost() if s.n else 0.0
        mk, mb = m.my_line
        cmy = float(s.cost(mk, mb)) if s.n else 0.0
        markers = [((k, b), cbest, COLOR_FIT, 16)]
        if m.view["my_line"]:
            markers.append(((mk, mb), cmy, COLOR_MY, 13))
        self.surface.set_markers(markers)
        self.contour.set_markers(markers)

    # descent ------------------------------------------------------------------------
    def _current_cost(self):
        m = self.model
        if self._traj_cost is None:
            self._traj_cost = cost_function(m.x, m.y, m.degree, m.descent["standardize"])
        return self._traj_cost

    def _ensure_trajectory(self) -> Trajectory:
        if self._trajectory is not None:
            return self._trajectory
        m = self.model
        d = m.descent
        cost = self._current_cost()
        opt = make_optimizer(d["optimizer"], lr=float(d["lr"]))
        start = np.zeros(cost.n)
        if m.degree == 1 and len(d.get("start", [])) == 2:
            start = np.array(d["start"], dtype=np.float64)
        self._trajectory = descend(cost, opt, start, max_steps=int(d["max_steps"]),
                                   grad_tol=1e-6 * max(1.0, math.sqrt(max(m.n, 1))))
        self._cursor = 0
        self.tcursor.set_length(self._trajectory.n_steps + 1, keep=False)
        self.tcursor.set_speed(20.0, max(1, self._trajectory.n_steps // 160))
        self._refresh_descent_views()
        return self._trajectory

    def _set_cursor(self, k: int) -> None:
        self._ensure_trajectory()
        self.tcursor.set_index(k, force=True)

    def _on_cursor_index(self, i: int) -> None:
        if self._trajectory is None:
            return
        self._cursor = int(i)
        self._refresh_descent_cursor()

    def _on_step_requested(self, delta: int) -> None:
        self._ensure_trajectory()
        self.tcursor.step(int(delta))

    def _on_play_toggled(self, on: bool) -> None:
        if on:
            self._ensure_trajectory()
        self.tcursor.toggle(on)

    def _on_run_requested(self) -> None:
        self._ensure_trajectory()
        self.tcursor.to_end()

    def _on_reset_requested(self) -> None:
        self.tcursor.reset()
        self._invalidate_descent()
        self._refresh_descent_views()
        self._refresh_descent_line()
        self._refresh_legend()

    def _descent_grid(self, cost) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        s = self.model.stats
        if cost is not None and cost.standardize:
            s, _mx, _sig = _stats_standardized(s)
        k, b = s.best_fit()
        sx = math.sqrt(s.sxx / s.n) if s.n and s.sxx > 0 else 1.0
        sy = math.sqrt(s.syy / s.n) if s.n and s.syy > 0 else 1.0
        dk = max(2.0 * abs(k), 2.0 * sy / sx, 0.5)
        db = max(dk * (abs(s.mean_x) + sx), 2.0 * sy, 1.0)
        k0, k1, b0, b1 = k - dk, k + dk, b - db, b + db
        pts = [np.array(self.model.descent.get("start", [0.0, 0.0]), dtype=np.float64)[None, :]]
        if self._trajectory is not None:
            pts.append(self._trajectory.points)
        P = np.concatenate(pts)
        ok = np.isfinite(P).all(axis=1) & (np.abs(P).max(axis=1) < 1e6)
        if cost is not None and cost.standardize:
            # a round bowl: a square window around the minimum that holds the path
            r = max(dk, 2.0 * sy)
            if ok.any():
                r = max(r, float(np.abs(P[ok] - np.array([k, b])).max()) * 1.1)
            k0, k1, b0, b1 = k - r, k + r, b - r, b + r
        elif ok.any():
            k0, k1 = min(k0, P[ok, 0].min()), max(k1, P[ok, 0].max())
            b0, b1 = min(b0, P[ok, 1].min()), max(b1, P[ok, 1].max())
        pk, pb = (k1 - k0) * 0.06, (b1 - b0) * 0.06
        ks = np.linspace(k0 - pk, k1 + pk, GRID_N)
        bs = np.linspace(b0 - pb, b1 + pb, GRID_N)
        return ks, bs, s.cost_grid(ks, bs)

    def _var_names(self) -> list[str]:
        m = self.model
        names = list(parameter_names(m.degree))
        if m.descent["standardize"] and m.degree >= 1:
            return [f"{v}′" for v in names]
        return names

    def _refresh_descent_views(self) -> None:
        """Everything that depends on the data, settings and run (not on the cursor)."""
        m = self.model
        d = m.descent
        t = self._trajectory
        if not m.n:
            self.bound_label.setText(self.tr("Add points to fit them by gradient descent."))
            self.descent_contour.setVisible(False)
            self.loss_curve.setData([], [])
            for c in self.trace_curves:
                c.setData([], [])
            self.step_panel.clear_step()
            self.descent_compare.setText("")
            self.step_controls.set_position(0, 1)
            return
        cost = self._current_cost()
        bound = learning_rate_bound(cost, np.zeros(cost.n))
        ev = np.linalg.eigvalsh(cost.hessian_at())
        cond = ev[-1] / ev[0] if ev[0] > 1e-300 else math.inf
        shape = (self.tr("a long, narrow valley: plain GD crawls along it.") if cond > 100
                 else self.tr("a round bowl: GD goes almost straight to the bottom."))
        text = self.tr("Plain GD is stable only for η &lt; 2/λ<sub>max</sub> = <b>{bound}</b>. "
                       "Condition number λ<sub>max</sub>/λ<sub>min</sub> = {cond}: {shape}"
                       ).format(bound=fmt(bound, 3), cond=fmt(cond, 3), shape=shape)
        if d["optimizer"] == "gd" and float(d["lr"]) >= bound:
            text += " " + self.tr("<b style='color:#c0392b'>η is above this limit: "
                                  "the run diverges.</b>")
        self.bound_label.setText(text)
        names = self._var_names()
        if m.degree == 1:
            ks, bs, Z = self._descent_grid(cost)
            self.descent_contour.setAspectLocked(bool(d["standardize"]), ratio=1.0)
            self.descent_contour.set_grid(ks, bs, Z, log_color=True)
            self.descent_contour.setVisible(True)
            self.descent_contour.set_axis_labels(names[0], names[1])
            self.descent_contour.set_markers([(tuple(cost.minimizer), cost.min_value,
                                               COLOR_FIT, 16)])
            self.descent_contour.set_start(tuple(d.get("start", [0.0, 0.0])))
        else:
            self.descent_contour.setVisible(False)
        if t is not None:
            steps = np.arange(t.n_steps + 1)
            with np.errstate(all="ignore"):
                vals = np.where(np.isfinite(t.values) & (t.values > 0), t.values, np.nan)
            self.loss_curve.setData(steps, vals, connect="finite")
            if len(self.trace_curves) != t.points.shape[1] or \
                    [c.name() for c in self.trace_curves] != names:
                for c in self.trace_curves + self.trace_targets:
                    self.trace_plot.removeItem(c)
                self.trace_legend.clear()
                self.trace_curves, self.trace_targets = [], []
                colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2",
                          "#17becf"]
                for j, name in enumerate(names):
                    c = self.trace_plot.plot(pen=pg.mkPen(colors[j % 7], width=1.8), name=name)
                    self.trace_curves.append(c)
                    tl = pg.InfiniteLine(angle=0, pen=pg.mkPen(colors[j % 7], width=1,
                                                               style=Qt.PenStyle.DashLine))
                    self.trace_plot.addItem(tl)
                    self.trace_targets.append(tl)
            with np.errstate(all="ignore"):
                P = np.where(np.isfinite(t.points) & (np.abs(t.points) < 1e12), t.points, np.nan)
            for j, c in enumerate(self.trace_curves):
                c.setData(steps, P[:, j], connect="finite")
                self.trace_targets[j].setPos(float(cost.minimizer[j]))
            self.loss_plot.enableAutoRange()
            self.trace_plot.enableAutoRange()
        else:
            self.loss_curve.setData([], [])
            for c in self.trace_curves:
                c.setData([], [])
        self._refresh_descent_cursor()

    def _refresh_descent_cursor(self) -> None:
        """What moves with the step cursor: path, current point, line, arithmetic."""
        t = self._trajectory
        m = self.model
        i = self._cursor
        if t is None:
            if m.degree == 1:
                self.descent_contour.set_paths([])
                self.descent_contour.set_current([])
            self.step_panel.clear_step()
            self.step_controls.set_position(0, 1)
            self._refresh_descent_compare()
            self._refresh_descent_line()
            self.surface.set_paths([])
            self.surface.set_current([])
            self.contour.set_paths([])
            self.contour.set_current([])
            return
        if m.degree == 1:
            P = t.points[: i + 1]
            self.descent_contour.set_paths([(P, t.values[: i + 1], COLOR_DESCENT)])
            self.descent_contour.set_current([(P[-1], float(t.values[i]), COLOR_DESCENT)])
            # the same path on the raw (k, b) cost surface
            raw = self._traj_cost.to_raw(P)
            with np.errstate(all="ignore"):
                rv = self.model.stats.cost(raw[:, 0], raw[:, 1])
            self.surface.set_paths([(raw, np.atleast_1d(rv), COLOR_DESCENT)])
            self.contour.set_paths([(raw, np.atleast_1d(rv), COLOR_DESCENT)])
            self.contour.set_current([(raw[-1], float(np.atleast_1d(rv)[-1]), COLOR_DESCENT)])
            self.surface.set_current([(raw[-1], float(np.atleast_1d(rv)[-1]), COLOR_DESCENT)])
        self.loss_cursor.setPos(i)
        self.trace_cursor.setPos(i)
        self.step_controls.set_position(i, t.n_steps + 1)
        names = self._var_names()
        d = m.descent
        final = i >= t.n_steps
        self.step_panel.set_step(
            names, t.points[i], t.gradients[i], None if final else t.steps[i],
            float(t.values[i]), float(t.values[min(i + 1, t.n_steps)]),
            eta=float(d["lr"]) if d["optimizer"] == "gd" else None,
            iteration=i, rule=t.optimizer.describe(), final=final)
        self._refresh_descent_compare()
        self._refresh_descent_line()
        self._refresh_legend()

    def _refresh_descent_compare(self) -> None:
        m = self.model
        t = self._trajectory
        if not m.n:
            self.descent_compare.setText("")
            return
        f = self.fit()
        closed = polynomial_text(f.coefficients, 8)
        if t is None:
            self.descent_compare.setText(self.tr(
                "<b style='color:{cf}'>Closed form</b> (least squares): {closed}<br>"
                "Press Step, Play or Run to end to start gradient descent from the start "
                "point (click the contour plot to move it).").format(cf=COLOR_FIT,
                                                                      closed=closed))
            return
        raw = self._traj_cost.to_raw(t.points[self._cursor])
        run = classify_run(t)
        kinds = {"converges": self.tr("converges"), "oscillates": self.tr("oscillates"),
                 "slow": self.tr("crawls (slow)"), "diverges": self.tr("diverges")}
        if np.isfinite(raw).all() and np.abs(raw).max() < 1e12:
            desc = polynomial_text(raw, 8)
            diff_txt = fmt(float(np.max(np.abs(raw - f.coefficients))), 3)
        else:
            desc, diff_txt = self.tr("(blew up)"), "∞"
        self.descent_compare.setText(self.tr(
            "<b style='color:{cf}'>Closed form</b>: {closed}<br>"
            "<b style='color:{c}'>Descent</b>, step {k} of {n}: {desc}<br>"
            "largest coefficient difference {diff} · C = {cost} · this run <b>{kind}</b> "
            "after {n} steps.").format(
            cf=COLOR_FIT, closed=closed, c=COLOR_DESCENT, k=self._cursor, n=t.n_steps,
            desc=desc, diff=diff_txt, cost=fmt(float(t.values[self._cursor]), 7),
            kind=kinds.get(run.kind, run.kind)))
