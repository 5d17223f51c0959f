"""The Descent Lab (issue #3): type a function, see it as a surface and contours,
and walk gradient descent one step at a time (chapter part 2)."""
from __future__ import annotations

import copy
import html
import math
import time
from collections import OrderedDict

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.descent import (
    STOP_REASONS,
    classify_run,
    cluster_minima,
    descend,
    iter_descend_batch,
    learning_rate_bound,
)
from core.expression import ExpressionError, parse
from core.optimizers import OPTIMIZER_NAMES, make_optimizer
from gui.commands import SetValueCommand
from gui.expr_messages import expression_error_message
from gui.labs.descent.state import DEFAULT_RANGE, PRESETS, gui_default_hyper
from gui.text.format import fmt
from gui.views.contour import ContourView
from gui.views.glview import palette_is_dark
from gui.views.perf import cache_axes
from gui.views.ranges import safe_range
from gui.views.stepper import StepControls, StepPanel, StepTable, TrajectoryCursor
from gui.views.surface import SurfaceView

NAME = "descent"

COLOURS = {"gd": "#e63946", "momentum": "#ff9f1c", "nesterov": "#f72585",
           "adagrad": "#ffffff", "rmsprop": "#4cc9f0", "adam": "#111111"}
LABELS = {"gd": "GD", "momentum": "Momentum", "nesterov": "Nesterov", "adagrad": "AdaGrad",
          "rmsprop": "RMSProp", "adam": "Adam"}
BASIN_COLOURS = ["#e63946", "#2a9d8f", "#f4a261", "#457b9d", "#e9c46a", "#8338ec",
                 "#06d6a0", "#ff006e", "#3a86ff", "#fb5607"]
MAX_BASIN_MARKERS = 64  # minima marked with a star (the largest basins)

ETA_MIN, ETA_MAX, SLIDER_STEPS = 1e-5, 10.0, 1200

PRESET_ALIASES = {"bowl": "paraboloid", "chapter_example": "chapter", "1d": "one_var",
                  "one_variable": "one_var", "3d": "three_var"}


def eta_to_slider(eta: float) -> int:
    t = (math.log10(max(min(eta, ETA_MAX), ETA_MIN)) - math.log10(ETA_MIN)) / (
        math.log10(ETA_MAX) - math.log10(ETA_MIN))
    return int(round(t * SLIDER_STEPS))


def slider_to_eta(v: int) -> float:
    e = math.log10(ETA_MIN) + v / SLIDER_STEPS * (math.log10(ETA_MAX) - math.log10(ETA_MIN))
    return float(f"{10 ** e:.3g}")


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
        p.setPen(QPen(QColor("#c62828"), 2))
        p.drawLine(int(x), 2, int(x), self.height() - 12)
        f = QFont(self.font())
        f.setPointSizeF(max(7.0, f.pointSizeF() - 1.5))
        p.setFont(f)
        rect = QRectF(x - 40, self.height() - 13, 80, 13)
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.bound_label)
        p.end()


class DescentLab(QWidget):
    NAME = NAME
    runsChanged = Signal()

    GRID_N = 150
    DEBOUNCE_MS = 150

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.grid_n = self.GRID_N
        self._parse_cache: OrderedDict[str, object] = OrderedDict()
        self.objective = None
        self.runs: dict[str, object] = {}
        self.run_classes: dict[str, object] = {}
        self._bound = math.nan
        self._grid = None
        self._merge_serial = 100
        self._basin_iter = None
        self._basin_result = None
        self._error: ExpressionError | None = None
        self._steps_of: str | None = None  # optimizer the This step / table follow
        self.step_table_for: str | None = None
        self.state = {
            "function": PRESETS["chapter"]["function"],
            "ranges": copy.deepcopy(PRESETS["chapter"]["ranges"]),
            "start": dict(PRESETS["chapter"]["start"]),
            "selected": ["gd"],
            "hyper": {n: gui_default_hyper(n) for n in OPTIMIZER_NAMES},
            "stop": {"grad_tol": 1e-6, "value_tol": None, "max_steps": 5000},
            "log_color": False,
            "preset": "chapter",
        }
        self.traj_cursor = TrajectoryCursor(self)
        self._build_ui()
        self._connect()
        self.retranslate()
        self._apply_changes(copy.deepcopy(self.state), initial=True)
        session.register(NAME, self.get_state, self.set_state)

    # ================================================================ UI
    def _build_ui(self) -> None:
        # ---- function editor row
        self.f_label = QLabel(self)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() + 2)
        self.editor = QLineEdit(self)
        self.editor.setFont(big)
        self.editor.setClearButtonEnabled(True)
        self.editor.setMinimumWidth(380)
        self.preset_label = QLabel(self)
        self.preset_combo = QComboBox(self)
        for pid in PRESETS:
            self.preset_combo.addItem("", pid)
        self.error_label = QLabel(self)
        self.error_label.setTextFormat(Qt.TextFormat.RichText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("QLabel { color: #b71c1c; }")
        self.error_label.setVisible(False)
        self.math_label = QLabel(self)
        self.math_label.setTextFormat(Qt.TextFormat.RichText)
        self.math_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.math_label.setWordWrap(True)
        mf = QFont(self.font())
        mf.setPointSizeF(mf.pointSizeF() + 1)
        self.math_label.setFont(mf)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(self.DEBOUNCE_MS)

        top = QFrame(self)
        top.setObjectName("editorBar")
        top.setStyleSheet("#editorBar { background: #eef2f7; border-radius: 6px; }")
        tl = QGridLayout(top)
        tl.setContentsMargins(10, 8, 10, 8)
        tl.setHorizontalSpacing(8)
        tl.setVerticalSpacing(3)
        tl.addWidget(self.f_label, 0, 0)
        tl.addWidget(self.editor, 0, 1)
        tl.addWidget(self.preset_label, 0, 2)
        tl.addWidget(self.preset_combo, 0, 3)
        tl.addWidget(self.error_label, 1, 1, 1, 3)
        tl.addWidget(self.math_label, 2, 1, 1, 3)
        tl.setColumnStretch(1, 1)

        # ---- side panel
        side = QWidget(self)
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 6, 0)
        sl.setSpacing(8)

        self.range_box = QGroupBox(self)
        self.range_form = QGridLayout(self.range_box)
        self.range_form.setContentsMargins(8, 6, 8, 6)
        self._range_edits: dict[str, tuple[QLineEdit, QLineEdit, QLineEdit]] = {}
        self.range_head = [QLabel(self), QLabel(self), QLabel(self)]
        for i, w in enumerate(self.range_head):
            self.range_form.addWidget(w, 0, i + 1)
        sl.addWidget(self.range_box)

        self.eta_box = QGroupBox(self)
        el = QVBoxLayout(self.eta_box)
        el.setContentsMargins(8, 6, 8, 6)
        row = QHBoxLayout()
        self.eta_label = QLabel("η =", self)
        self.eta_edit = QLineEdit(self)
        self.eta_edit.setMaximumWidth(90)
        self.bound_label = QLabel(self)
        row.addWidget(self.eta_label)
        row.addWidget(self.eta_edit)
        row.addWidget(self.bound_label, 1)
        el.addLayout(row)
        self.eta_slider = EtaSlider(self)
        el.addWidget(self.eta_slider)
        scale = QHBoxLayout()
        for t in ("10⁻⁵", "10⁻³", "10⁻¹", "10"):
            lab = QLabel(t, self)
            self._scale_labels = getattr(self, "_scale_labels", []) + [lab]
            scale.addWidget(lab)
            scale.addStretch(1)
        scale.takeAt(scale.count() - 1)
        el.addLayout(scale)
        sl.addWidget(self.eta_box)

        self.opt_box = QGroupBox(self)
        ol = QVBoxLayout(self.opt_box)
        ol.setContentsMargins(8, 6, 8, 6)
        grid = QGridLayout()
        self.opt_checks: dict[str, QCheckBox] = {}
        for i, name in enumerate(OPTIMIZER_NAMES):
            cb = QCheckBox(LABELS[name], self)
            sw = QLabel(self)
            sw.setFixedSize(14, 14)
            sw.setStyleSheet(f"background: {COLOURS[name]}; border: 1px solid #555; "
                             "border-radius: 3px;")
            cell = QHBoxLayout()
            cell.addWidget(sw)
            cell.addWidget(cb)
            cell.addStretch(1)
            grid.addLayout(cell, i // 2, i % 2)
            self.opt_checks[name] = cb
        ol.addLayout(grid)
        hrow = QHBoxLayout()
        self.hyper_label = QLabel(self)
        self.hyper_combo = QComboBox(self)
        for name in OPTIMIZER_NAMES:
            self.hyper_combo.addItem(LABELS[name], name)
        hrow.addWidget(self.hyper_label)
        hrow.addWidget(self.hyper_combo, 1)
        ol.addLayout(hrow)
        self.hyper_form_host = QWidget(self)
        self.hyper_form = QFormLayout(self.hyper_form_host)
        self.hyper_form.setContentsMargins(0, 0, 0, 0)
        ol.addWidget(self.hyper_form_host)
        self._hyper_edits: dict[str, QLineEdit] = {}
        sl.addWidget(self.opt_box)

        self.stop_box = QGroupBox(self)
        sf = QFormLayout(self.stop_box)
        sf.setContentsMargins(8, 6, 8, 6)
        self.gtol_edit = QLineEdit(self)
        self.vtol_check = QCheckBox(self)
        self.vtol_edit = QLineEdit(self)
        vrow = QHBoxLayout()
        vrow.addWidget(self.vtol_check)
        vrow.addWidget(self.vtol_edit, 1)
        self.max_spin = QSpinBox(self)
        self.max_spin.setRange(1, 100000)
        self.max_spin.setSingleStep(100)
        self.gtol_label, self.vtol_label, self.max_label = QLabel(self), QLabel(self), QLabel(self)
        sf.addRow(self.gtol_label, self.gtol_edit)
        sf.addRow(self.vtol_label, vrow)
        sf.addRow(self.max_label, self.max_spin)
        sl.addWidget(self.stop_box)

        self.view_box = QGroupBox(self)
        vl = QGridLayout(self.view_box)
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
        sl.addWidget(self.view_box)
        sl.addStretch(1)

        side_scroll = QScrollArea(self)
        side_scroll.setWidget(side)
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setMinimumWidth(300)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        # ---- views
        self.surface = SurfaceView(self)
        self.contour = ContourView(self)
        self.view2 = QSplitter(Qt.Orientation.Horizontal, self)
        self.view2.addWidget(self.surface)
        self.view2.addWidget(self.contour)
        self.view2.setSizes([560, 460])
        self.curve_plot = pg.PlotWidget(self, background="#ffffff")
        self.curve_plot.showGrid(x=True, y=True, alpha=0.25)
        self._curve = self.curve_plot.plot(pen=pg.mkPen("#264653", width=2.5))
        self._tangent = self.curve_plot.plot(pen=pg.mkPen("#e76f51", width=2,
                                                          style=Qt.PenStyle.DashLine))
        self._curve_paths: list = []
        self._curve_current = pg.ScatterPlotItem(size=13, pen=pg.mkPen("w", width=2))
        self._curve_current.setZValue(20)
        self.curve_plot.addItem(self._curve_current)

        self.trace_plot = pg.PlotWidget(self, background="#ffffff")
        self.trace_plot.showGrid(x=True, y=True, alpha=0.25)
        self.trace_legend = self.trace_plot.addLegend(offset=(-10, 10),
                                                     brush=pg.mkBrush(255, 255, 255, 215),
                                                     pen=pg.mkPen(200, 200, 200))
        self._traces: list = []
        self._trace_cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen("#888", width=1))
        self.trace_plot.addItem(self._trace_cursor)
        self.view_stack = QStackedWidget(self)
        self.view_stack.addWidget(self.curve_plot)  # 0: one variable
        self.view_stack.addWidget(self.view2)       # 1: two variables
        self.view_stack.addWidget(self.trace_plot)  # 2: three or more

        # ---- status banner
        self.banner = QLabel(self)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.setWordWrap(True)
        self.banner.setMinimumHeight(28)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        # one line per optimizer: the banner grows with its text and scrolls when the
        # lower pane is too short for all of them (never clips a row)
        self.banner_scroll = QScrollArea(self)
        self.banner_scroll.setWidget(self.banner)
        self.banner_scroll.setWidgetResizable(True)
        self.banner_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.banner_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.banner_scroll.setSizePolicy(QSizePolicy.Policy.Preferred,
                                         QSizePolicy.Policy.Fixed)
        self.banner_scroll.viewport().installEventFilter(self)

        # ---- bottom: step controls + panel/table, loss plots
        self.controls = StepControls(self)
        self.step_panel = StepPanel(self)
        self.step_table = StepTable(self)
        self.bottom_tabs = QTabWidget(self)
        self.bottom_tabs.addTab(self.step_panel, "")
        self.bottom_tabs.addTab(self.step_table, "")
        # view choice (not an undo entry): whose steps the panel and the table show
        steps_of = QWidget(self)
        so = QHBoxLayout(steps_of)
        so.setContentsMargins(0, 0, 4, 0)
        so.setSpacing(4)
        self.steps_of_label = QLabel(steps_of)
        self.steps_of_combo = QComboBox(steps_of)
        self.steps_of_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        so.addWidget(self.steps_of_label)
        so.addWidget(self.steps_of_combo)
        self.bottom_tabs.setCornerWidget(steps_of, Qt.Corner.TopRightCorner)
        left_bottom = QWidget(self)
        lb = QVBoxLayout(left_bottom)
        lb.setContentsMargins(0, 0, 0, 0)
        lb.addWidget(self.banner_scroll)
        lb.addWidget(self.controls)
        lb.addWidget(self.bottom_tabs, 1)

        self.loss_plot = pg.PlotWidget(self, background="#ffffff")
        self.loss_plot.showGrid(x=True, y=True, alpha=0.25)
        self.loss_legend = self.loss_plot.addLegend(offset=(-10, 8), labelTextSize="8pt",
                                                    brush=pg.mkBrush(255, 255, 255, 215),
                                                    pen=pg.mkPen(200, 200, 200))
        self.grad_plot = pg.PlotWidget(self, background="#ffffff")
        self.grad_plot.showGrid(x=True, y=True, alpha=0.25)
        self.grad_plot.setLogMode(False, True)
        self._loss_curves: dict[str, pg.PlotDataItem] = {}
        self._grad_curves: dict[str, pg.PlotDataItem] = {}
        self._loss_cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen("#888", width=1))
        self._grad_cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen("#888", width=1))
        self.loss_plot.addItem(self._loss_cursor)
        self.grad_plot.addItem(self._grad_cursor)
        self.log_loss_check = QCheckBox(self)
        plots = QWidget(self)
        pl = QVBoxLayout(plots)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.setSpacing(2)
        prow = QHBoxLayout()
        self.loss_title = QLabel(self)
        prow.addWidget(self.loss_title)
        prow.addStretch(1)
        prow.addWidget(self.log_loss_check)
        pl.addLayout(prow)
        pl.addWidget(self.loss_plot, 3)
        self.grad_title = QLabel(self)
        pl.addWidget(self.grad_title)
        pl.addWidget(self.grad_plot, 2)
        self._theme_titles()
        for plot in (self.loss_plot, self.grad_plot, self.curve_plot, self.trace_plot,
                     self.contour):
            cache_axes(plot)

        bottom = QSplitter(Qt.Orientation.Horizontal, self)
        bottom.addWidget(left_bottom)
        bottom.addWidget(plots)
        bottom.setSizes([640, 440])
        bottom.setChildrenCollapsible(False)

        centre = QWidget(self)
        cl = QVBoxLayout(centre)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(4)
        vsplit = QSplitter(Qt.Orientation.Vertical, self)
        vsplit.addWidget(self.view_stack)
        lower = QWidget(self)
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(bottom, 1)
        vsplit.addWidget(lower)
        vsplit.setSizes([470, 400])
        vsplit.setStretchFactor(0, 3)
        vsplit.setStretchFactor(1, 2)
        cl.addWidget(vsplit)

        main = QSplitter(Qt.Orientation.Horizontal, self)
        main.addWidget(side_scroll)
        main.addWidget(centre)
        main.setSizes([320, 1080])
        main.setStretchFactor(1, 1)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.setSpacing(6)
        lay.addWidget(top)
        lay.addWidget(main, 1)

    def _connect(self) -> None:
        self.editor.textEdited.connect(lambda _t: self._debounce.start())
        self._debounce.timeout.connect(self._on_editor_settled)
        self.preset_combo.activated.connect(
            lambda i: self.apply_preset(self.preset_combo.itemData(i)))
        self.eta_slider.valueChanged.connect(self._on_slider)
        self.eta_slider.sliderReleased.connect(self._next_merge)
        self.eta_edit.editingFinished.connect(self._on_eta_edit)
        for name, cb in self.opt_checks.items():
            cb.toggled.connect(lambda on, n=name: self._on_opt_toggled(n, on))
        self.hyper_combo.currentIndexChanged.connect(lambda _i: self._rebuild_hyper_form())
        self.gtol_edit.editingFinished.connect(self._on_stop_edit)
        self.vtol_edit.editingFinished.connect(self._on_stop_edit)
        self.vtol_check.toggled.connect(lambda _on: self._on_stop_edit())
        self.max_spin.editingFinished.connect(self._on_stop_edit)
        self.log_color_check.toggled.connect(
            lambda on: self._edit({"log_color": bool(on)}, self.tr("Log colour scale")))
        self.log_loss_check.toggled.connect(lambda on: self.loss_plot.setLogMode(False, on))
        self.basin_check.toggled.connect(self._on_basin_toggled)
        self.basin_size.editingFinished.connect(
            lambda: self.basin_check.isChecked() and self._start_basin())
        self.contour.pointClicked.connect(self._on_contour_click)
        self.contour.startDragged.connect(self._on_start_drag)
        self.contour.startDragFinished.connect(lambda _x, _y: self._next_merge())
        self.controls.stepRequested.connect(self.step)
        self.steps_of_combo.activated.connect(
            lambda i: self.set_steps_of(self.steps_of_combo.itemData(i)))
        self.controls.playToggled.connect(self.traj_cursor.toggle)
        self.controls.runRequested.connect(self.traj_cursor.to_end)
        self.controls.resetRequested.connect(self.traj_cursor.reset)
        self.controls.speedChanged.connect(self.traj_cursor.set_speed)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        # views must not swallow ← → (the GL view rotates on arrows): clicking a view
        # gives the keyboard to the lab, so → / ← / Space step through the run
        for w in (self.surface.gl, self.contour, self.loss_plot, self.grad_plot,
                  self.curve_plot, self.trace_plot):
            w.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            target = w.viewport() if hasattr(w, "viewport") else w
            target.installEventFilter(self)
        self.traj_cursor.indexChanged.connect(self._on_cursor)
        self.traj_cursor.playingChanged.connect(self.controls.set_playing)
        self._basin_timer = QTimer(self)
        self._basin_timer.setInterval(0)
        self._basin_timer.timeout.connect(self._basin_tick)

    # ================================================================ public API
    def preset_ids(self) -> list[str]:
        return list(PRESETS)

    def apply_preset(self, pid: str) -> None:
        pid = PRESET_ALIASES.get(pid, pid)
        p = PRESETS[pid]
        hyper = copy.deepcopy(self.state["hyper"])
        hyper["gd"]["lr"] = float(p["eta"])
        # a preset always replaces what is in the editor, even an invalid text whose
        # last valid function equals the preset's (then the state does not change)
        self._debounce.stop()
        self._error = None
        self.error_label.setVisible(False)
        if self.editor.text() != p["function"]:
            self.editor.setText(p["function"])
        self._edit({"function": p["function"], "ranges": copy.deepcopy(p["ranges"]),
                    "start": dict(p["start"]), "hyper": hyper, "preset": pid},
                   self.tr("Preset: {name}").format(name=self._preset_name(pid)))
        self.traj_cursor.reset()

    def set_function_text(self, text: str) -> bool:
        """Set f as if typed (undoable). Returns False (and shows the error) if invalid."""
        self.editor.setText(text)
        return self._on_editor_settled()

    def set_start(self, *xy: float) -> None:
        if len(xy) == 1:
            xy = tuple(xy[0])
        start = dict(self.state["start"])
        for v, val in zip(self.variables(), xy, strict=False):
            val = float(val)
            if not (math.isfinite(val) and abs(val) <= 1e12):
                self._sync_range_rows()
                return
            start[v] = val
        self._edit({"start": start}, self.tr("Move start point"))

    def set_learning_rate(self, eta: float, merge_id: int = -1) -> None:
        eta = float(eta)
        if not (eta > 0 and math.isfinite(eta)):
            return
        hyper = copy.deepcopy(self.state["hyper"])
        hyper["gd"]["lr"] = eta
        self._edit({"hyper": hyper}, self.tr("Learning rate η = {eta}").format(eta=fmt(eta)),
                   merge_id)

    def set_optimizers(self, names: list[str]) -> None:
        names = [n for n in OPTIMIZER_NAMES if n in names]
        if names:
            self._edit({"selected": names}, self.tr("Choose optimizers"))

    def set_hyper(self, name: str, **hyper) -> None:
        h = copy.deepcopy(self.state["hyper"])
        h[name].update(hyper)
        self._edit({"hyper": h}, self.tr("{opt} settings").format(opt=LABELS[name]))

    def set_stop_rules(self, grad_tol=None, value_tol="keep", max_steps=None) -> None:
        stop = dict(self.state["stop"])
        if grad_tol is not None:
            stop["grad_tol"] = float(grad_tol)
        if value_tol != "keep":
            stop["value_tol"] = None if value_tol is None else float(value_tol)
        if max_steps is not None:
            stop["max_steps"] = int(max_steps)
        self._edit({"stop": stop}, self.tr("Stop rules"))

    def set_range(self, var: str, lo: float, hi: float) -> None:
        lo, hi = float(lo), float(hi)
        if not (math.isfinite(lo) and math.isfinite(hi) and max(abs(lo), abs(hi)) <= 1e6
                and hi - lo >= 1e-6):
            self.session.status.emit(self.tr("A plot range needs two finite numbers "
                                             "'from' < 'to' (at most 10⁶ in size)."))
            self._sync_range_rows()
            return
        ranges = copy.deepcopy(self.state["ranges"])
        ranges[var] = [float(lo), float(hi)]
        self._edit({"ranges": ranges}, self.tr("Plot range of {v}").format(v=var))

    def function_text(self) -> str:
        """The current (last valid) function as typed."""
        return self.state["function"]

    def start(self) -> tuple[float, ...]:
        return tuple(float(self.state["start"][v]) for v in self.variables())

    def step(self, n: int = 1) -> None:
        self.traj_cursor.step(n)

    def set_steps_of(self, name: str | None) -> None:
        """Show the worked steps and the step table of optimizer ``name`` (a view
        choice, no undo entry); an optimizer that is not selected falls back to the
        first selected one.  The cursor index stays."""
        if name is not None and name not in OPTIMIZER_NAMES:
            return
        self._steps_of = name
        if self.objective is not None:
            self._update_full_curves()
            self._on_cursor(self.traj_cursor.index)

    def steps_of(self) -> str | None:
        """The optimizer whose steps the This step panel and the table show."""
        return self.step_table_for

    def trajectory(self, opt_name: str = "gd"):
        return self.runs.get(opt_name)

    def current_index(self) -> int:
        return self.traj_cursor.index

    def variables(self) -> tuple[str, ...]:
        return self.objective.variables if self.objective is not None else ()

    def eta(self) -> float:
        return float(self.state["hyper"]["gd"]["lr"])

    def status_text(self) -> str:
        """The banner text (plain), as a user reads it."""
        doc = self.banner.text()
        import re
        return html.unescape(re.sub(r"<[^>]+>", " ", doc))

    # ================================================================ state / undo
    def get_state(self) -> dict:
        s = copy.deepcopy(self.state)
        s["cursor"] = self.traj_cursor.index
        s["steps_of"] = self.step_table_for
        return s

    def set_state(self, state: dict) -> None:
        new = copy.deepcopy(self.state)
        for k in ("function", "ranges", "start", "selected", "hyper", "stop", "log_color",
                  "preset"):
            if k in state:
                new[k] = copy.deepcopy(state[k])
        try:
            if self._parse(new["function"]).n == 0:
                raise ExpressionError("no variable", None, "no_variable")
        except (ExpressionError, TypeError):
            new["function"] = self.state["function"]
        if "steps_of" in state and state["steps_of"] in OPTIMIZER_NAMES:
            self._steps_of = state["steps_of"]
        self._apply_changes(new)
        self.traj_cursor.set_index(int(state.get("cursor", 0)), force=True)

    def _next_merge(self) -> None:
        self._merge_serial += 1

    def _edit(self, changes: dict, text: str, merge_id: int = -1) -> None:
        old = {k: copy.deepcopy(self.state.get(k)) for k in changes}
        if all(old[k] == changes[k] for k in changes):
            return
        self.session.push(SetValueCommand(self._apply_changes, old, copy.deepcopy(changes),
                                          text, merge_id, report=self.session.status.emit))

    def _apply_changes(self, changes: dict, initial: bool = False) -> None:
        changes = copy.deepcopy(changes)
        before = copy.deepcopy(self.state)
        self.state.update(changes)
        regrid = initial or any(before.get(k) != self.state.get(k)
                                for k in ("function", "ranges", "log_color"))
        if initial or before["function"] != self.state["function"]:
            self.objective = self._parse(self.state["function"])
            self._error = None
            self.error_label.setVisible(False)
        self._fill_defaults()
        self._sync_widgets()
        if regrid:
            self._update_grid()
        self._rerun()
        if self.objective.n != 2 and self._basin_iter is not None:
            self._basin_timer.stop()
            self._basin_iter = None
            self.basin_status.setText("")
        if self.basin_check.isChecked() and any(
                before.get(k) != self.state.get(k)
                for k in ("function", "ranges", "selected", "hyper", "stop")):
            self._start_basin()
        self._prepare_plots()

    def _prepare_plots(self) -> None:
        """Let the plots apply their new auto-range now.  pyqtgraph does it at the
        start of a paint; the axes it changes then ask for a second paint of the
        same plot in the same pass (2–4 paints per plot after a function edit)."""
        for plot in (self.loss_plot, self.grad_plot, self.contour, self.curve_plot,
                     self.trace_plot):
            if plot.isVisible():
                plot.scene().prepareForPaint()

    def _fill_defaults(self) -> None:
        # copies: the dicts inside undo commands must never change afterwards
        self.state["ranges"] = copy.deepcopy(self.state["ranges"])
        self.state["start"] = dict(self.state["start"])
        for v in self.objective.variables:
            self.state["ranges"].setdefault(v, list(DEFAULT_RANGE))
            self.state["start"].setdefault(v, 1.0)

    def _parse(self, text: str):
        if text in self._parse_cache:
            self._parse_cache.move_to_end(text)
            return self._parse_cache[text]
        obj = parse(text)
        self._parse_cache[text] = obj
        while len(self._parse_cache) > 32:
            self._parse_cache.popitem(last=False)
        return obj

    # ================================================================ editor
    def _on_editor_settled(self) -> bool:
        self._debounce.stop()
        text = self.editor.text()
        try:
            obj = self._parse(text)
            if obj.n == 0:
                raise ExpressionError("f has no variable: write a function of x, y, …",
                                      None, "no_variable")
        except ExpressionError as exc:
            self._error = exc
            self._show_error()
            return False
        self._error = None
        self.error_label.setVisible(False)
        if text != self.state["function"]:
            changes = {"function": text, "preset": ""}
            ranges = copy.deepcopy(self.state["ranges"])
            start = dict(self.state["start"])
            for v in obj.variables:
                ranges.setdefault(v, list(DEFAULT_RANGE))
                start.setdefault(v, 1.0)
            if ranges != self.state["ranges"]:
                changes["ranges"] = ranges
            if start != self.state["start"]:
                changes["start"] = start
            self._edit(changes, self.tr("Edit function"))
        return True

    def _show_error(self) -> None:
        exc = self._error
        if exc is None:
            self.error_label.setVisible(False)
            return
        text = self.editor.text()
        pos = exc.position
        if pos is not None and text:
            pos = min(max(pos, 0), len(text))
            a, ch, b = text[:pos], text[pos:pos + 1] or " ", text[pos + 1:]
            shown = (f"<span style='font-family:monospace; color:#222'>{html.escape(a)}"
                     f"<span style='background:#ffcdd2; color:#b71c1c; "
                     f"text-decoration: underline; font-weight:bold'>"
                     f"{html.escape(ch).replace(' ', '&nbsp;')}</span>{html.escape(b)}</span>")
            where = self.tr("at character {n}").format(n=pos + 1)
            msg = self._error_message(exc)
            still = self.tr("The last valid function is still shown.")
            self.error_label.setText(f"⚠ {shown} &nbsp; — {html.escape(msg)} ({where}). "
                                     + html.escape(still))
        else:
            self.error_label.setText("⚠ " + html.escape(self._error_message(exc)))
        self.error_label.setVisible(True)

    def error_position(self) -> int | None:
        return None if self._error is None else self._error.position

    def error_text(self) -> str:
        return "" if self._error is None else self.status_from_html(self.error_label.text())

    @staticmethod
    def status_from_html(s: str) -> str:
        import re
        return html.unescape(re.sub(r"<[^>]+>", "", s))

    def _error_message(self, exc: ExpressionError) -> str:
        return expression_error_message(exc)

    # ================================================================ widgets <- state
    def _sync_widgets(self) -> None:
        s = self.state
        obj = self.objective
        blockers = [self.editor, self.eta_slider, self.eta_edit, self.gtol_edit,
                    self.vtol_edit, self.vtol_check, self.max_spin, self.log_color_check,
                    self.preset_combo, *self.opt_checks.values()]
        for w in blockers:
            w.blockSignals(True)
        try:
            if self.editor.text() != s["function"] and self._error is None:
                self.editor.setText(s["function"])
            elif self._error is not None and not self._debounce.isActive():
                pass
            eta = self.eta()
            self.eta_slider.setValue(eta_to_slider(eta))
            self.eta_edit.setText(f"{eta:g}")
            st = s["stop"]
            self.gtol_edit.setText(f"{st['grad_tol']:g}")
            self.vtol_check.setChecked(st["value_tol"] is not None)
            self.vtol_edit.setText(f"{st['value_tol'] if st['value_tol'] is not None else 1e-5:g}")
            self.vtol_edit.setEnabled(st["value_tol"] is not None)
            self.max_spin.setValue(int(st["max_steps"]))
            self.log_color_check.setChecked(bool(s["log_color"]))
            for n, cb in self.opt_checks.items():
                cb.setChecked(n in s["selected"])
            idx = self.preset_combo.findData(s.get("preset", ""))
            self.preset_combo.setCurrentIndex(idx if idx >= 0 else -1)
        finally:
            for w in blockers:
                w.blockSignals(False)
        self.f_label.setText("f(" + ", ".join(obj.variables) + ") =")
        self._sync_range_rows()
        self._rebuild_hyper_form()
        self._update_math()
        n = obj.n
        self.view_stack.setCurrentIndex(0 if n == 1 else 1 if n == 2 else 2)
        self.basin_check.setEnabled(n == 2)
        self.log_color_check.setEnabled(n == 2)

    def _update_math(self) -> None:
        obj = self.objective
        rows = ["<b>f</b> = " + html.escape(obj.function_text)]
        for i in range(obj.n):
            rows.append(html.escape(obj.partial_text(i)))
        self.math_label.setText("<span style='color:#1d3557'>"
                                + " &nbsp;&nbsp;│&nbsp;&nbsp; ".join(rows) + "</span>")

    def partial_texts(self) -> list[str]:
        return [self.objective.partial_text(i) for i in range(self.objective.n)]

    def _sync_range_rows(self) -> None:
        vars_ = self.objective.variables
        if tuple(self._range_edits) != vars_:
            for edits in self._range_edits.values():
                for e in edits:
                    self.range_form.removeWidget(e)
                    e.deleteLater()
            for lab in getattr(self, "_range_labels", []):
                self.range_form.removeWidget(lab)
                lab.deleteLater()
            self._range_edits, self._range_labels = {}, []
            for r, v in enumerate(vars_):
                lab = QLabel(v, self.range_box)
                lo, hi, st = (QLineEdit(self.range_box) for _ in range(3))
                for e in (lo, hi, st):
                    e.setMaximumWidth(70)
                lo.editingFinished.connect(lambda v=v: self._on_range_edit(v))
                hi.editingFinished.connect(lambda v=v: self._on_range_edit(v))
                st.editingFinished.connect(lambda v=v: self._on_start_edit(v))
                self.range_form.addWidget(lab, r + 1, 0)
                self.range_form.addWidget(lo, r + 1, 1)
                self.range_form.addWidget(hi, r + 1, 2)
                self.range_form.addWidget(st, r + 1, 3)
                self._range_labels.append(lab)
                self._range_edits[v] = (lo, hi, st)
            self._range_tooltips()
        for v, (lo, hi, st) in self._range_edits.items():
            r = self.state["ranges"][v]
            lo.setText(f"{r[0]:g}")
            hi.setText(f"{r[1]:g}")
            st.setText(f"{self.state['start'][v]:.4g}")

    def _rebuild_hyper_form(self) -> None:
        name = self.hyper_combo.currentData() or "gd"
        h = self.state["hyper"][name]
        keys = [k for k, v in h.items() if not isinstance(v, bool)]
        if getattr(self, "_hyper_form_name", None) != name or set(self._hyper_edits) != set(keys):
            while self.hyper_form.rowCount():
                self.hyper_form.removeRow(0)
            self._hyper_edits = {}
            for k in keys:
                e = QLineEdit(self.hyper_form_host)
                e.editingFinished.connect(lambda n=name, k=k: self._on_hyper_edit(n, k))
                label = "η (lr)" if k == "lr" else "β₁, β₂" if k == "betas" else k
                self.hyper_form.addRow(label, e)
                self._hyper_edits[k] = e
            self._hyper_form_name = name
            self._hyper_tooltips()
        for k, e in self._hyper_edits.items():
            v = h[k]
            e.setText(", ".join(f"{x:g}" for x in v) if isinstance(v, (list, tuple)) else f"{v:g}")

    def _range_tooltips(self) -> None:
        for v, (lo, hi, st) in self._range_edits.items():
            lo.setToolTip(self.tr("Left end of the plot range of {v}").format(v=v))
            hi.setToolTip(self.tr("Right end of the plot range of {v}").format(v=v))
            st.setToolTip(self.tr("Start value of {v} in θ₀: every optimizer starts its "
                                  "descent here (or click the contour plot).").format(v=v))

    def _hyper_tooltips(self) -> None:
        name = getattr(self, "_hyper_form_name", None)
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
        for k, e in self._hyper_edits.items():
            tip = tips.get(k)
            e.setToolTip(tip.format(opt=LABELS[name]) if tip
                         else self.tr("Setting {k} of {opt}").format(k=k, opt=LABELS[name]))

    # ================================================================ widget -> edits
    def _on_slider(self, v: int) -> None:
        self.set_learning_rate(slider_to_eta(v), merge_id=self._merge_serial)

    def _on_eta_edit(self) -> None:
        try:
            eta = float(self.eta_edit.text().replace("η", "").replace("=", "").strip())
        except ValueError:
            self._sync_widgets()
            return
        if not math.isfinite(eta):
            self._sync_widgets()
            return
        eta = min(max(eta, ETA_MIN), ETA_MAX)
        self._next_merge()
        self.set_learning_rate(eta)

    def _on_opt_toggled(self, name: str, on: bool) -> None:
        sel = [n for n in OPTIMIZER_NAMES
               if (n in self.state["selected"] and n != name) or (n == name and on)]
        if not sel:  # keep at least one
            self.opt_checks[name].blockSignals(True)
            self.opt_checks[name].setChecked(True)
            self.opt_checks[name].blockSignals(False)
            return
        self._edit({"selected": sel}, self.tr("Choose optimizers"))

    def _on_hyper_edit(self, name: str, key: str) -> None:
        e = self._hyper_edits.get(key)
        if e is None:
            return
        try:
            vals = [float(t) for t in e.text().replace(";", ",").split(",") if t.strip()]
            if not all(math.isfinite(x) for x in vals):
                raise ValueError
            value = vals if key == "betas" else vals[0]
            if key == "betas" and len(vals) != 2:
                raise ValueError
            make_optimizer(name, **{**self._hyper_for(name), key: tuple(value)
                                    if key == "betas" else value})
        except (ValueError, IndexError, TypeError):
            self._rebuild_hyper_form()
            self.session.status.emit(self.tr("Not a valid value for {k}").format(k=key))
            return
        self.set_hyper(name, **{key: value})

    def _on_stop_edit(self) -> None:
        try:
            gt = float(self.gtol_edit.text())
            vt = float(self.vtol_edit.text()) if self.vtol_check.isChecked() else None
            if not (0 <= gt < 1e300) or (vt is not None and not (0 <= vt < 1e300)):
                raise ValueError
        except ValueError:
            self._sync_widgets()
            return
        self.set_stop_rules(grad_tol=gt, value_tol=vt, max_steps=self.max_spin.value())

    def _on_range_edit(self, v: str) -> None:
        if v not in self._range_edits or v not in self.variables():
            return  # a row of a variable that just disappeared lost its focus
        lo_e, hi_e, _ = self._range_edits[v]
        try:
            lo, hi = float(lo_e.text()), float(hi_e.text())
        except ValueError:
            lo, hi = 0.0, -1.0
        if (lo, hi) == tuple(self.state["ranges"][v]):
            return
        self.set_range(v, lo, hi)  # says why when the range is not valid

    def _on_start_edit(self, v: str) -> None:
        if v not in self._range_edits or v not in self.variables():
            return
        e = self._range_edits[v][2]
        try:
            val = float(e.text())
        except ValueError:
            self._sync_range_rows()
            return
        if not (math.isfinite(val) and abs(val) <= 1e12):
            self._sync_range_rows()
            return
        start = dict(self.state["start"])
        start[v] = val
        self._edit({"start": start}, self.tr("Move start point"))

    def _on_contour_click(self, x: float, y: float) -> None:
        self._next_merge()
        self.set_start(x, y)

    def _on_start_drag(self, x: float, y: float) -> None:
        vars_ = self.variables()
        start = dict(self.state["start"])
        start[vars_[0]], start[vars_[1]] = float(x), float(y)
        self._edit({"start": start}, self.tr("Drag start point"), self._merge_serial)

    # ================================================================ computing
    def _hyper_for(self, name: str) -> dict:
        h = dict(self.state["hyper"][name])
        if "betas" in h:
            h["betas"] = tuple(h["betas"])
        return h

    def _start_point(self) -> np.ndarray:
        return np.array([self.state["start"][v] for v in self.objective.variables], float)

    def _update_grid(self) -> None:
        obj = self.objective
        if obj.n == 1:
            lo, hi = self.state["ranges"][obj.variables[0]]
            xs = np.linspace(lo, hi, 600)
            ys = obj.value(xs)
            with np.errstate(all="ignore"):
                ys = np.where(np.isfinite(ys), ys, np.nan)
            self._curve.setData(xs, ys, connect="finite")
            self._grid = (xs, None, ys)
            self.curve_plot.setXRange(*safe_range(lo, hi), padding=0.02)
            finite = ys[np.isfinite(ys)]
            if finite.size:
                # f = x¹⁹⁹ reaches ±1.7e308: b − a is beyond the float range
                a, b = float(finite.min()), float(np.percentile(finite, 98))
                pad = 0.16 * (b / 2 - a / 2) or 0.08
                self.curve_plot.setYRange(*safe_range(a - pad, b + pad), padding=0)
            return
        if obj.n != 2:
            self._grid = None
            return
        vx, vy = obj.variables
        xs = np.linspace(*self.state["ranges"][vx], self.grid_n)
        ys = np.linspace(*self.state["ranges"][vy], self.grid_n)
        X, Y = np.meshgrid(xs, ys, indexing="ij")
        Z = obj.value(X, Y)
        self._grid = (xs, ys, Z)
        log = bool(self.state["log_color"])
        self.surface.set_grid(xs, ys, Z, log_color=log)
        self.contour.set_grid(xs, ys, Z, log_color=log)
        self.surface.set_axis_labels(vx, vy, "f")
        self.contour.set_axis_labels(vx, vy)
        if not self.basin_check.isChecked():
            self.contour.set_overlay(None)
            self.contour.set_markers([])

    def _rerun(self) -> None:
        obj = self.objective
        start = self._start_point()
        st = self.state["stop"]
        self.runs, self.run_classes = {}, {}
        for name in self.state["selected"]:
            try:
                opt = make_optimizer(name, **self._hyper_for(name))
                traj = descend(obj, opt, start, max_steps=int(st["max_steps"]),
                               grad_tol=float(st["grad_tol"]), value_tol=st["value_tol"])
            except ValueError as exc:  # bad settings: say so, never crash
                self.session.status.emit(str(exc))
                continue
            self.runs[name] = traj
            self.run_classes[name] = classify_run(traj)
        self._bound = learning_rate_bound(obj, start)
        self.eta_slider.bound = self._bound
        self.eta_slider.update()
        if obj.n == 2:
            self.contour.set_start(start)
        self._update_full_curves()
        length = max((len(t.points) for t in self.runs.values()), default=1)
        self.traj_cursor.set_length(length, keep=True)
        self._update_banner()
        self.runsChanged.emit()

    def _update_full_curves(self) -> None:
        names = set(self.runs)
        for name in OPTIMIZER_NAMES:
            for store, plot in ((self._loss_curves, self.loss_plot),
                                (self._grad_curves, self.grad_plot)):
                if name not in store:
                    pen = pg.mkPen(COLOURS[name] if name != "adagrad" else "#6c757d", width=2)
                    store[name] = plot.plot(pen=pen, connect="finite")
                store[name].setVisible(name in names)
        self.loss_legend.clear()
        for name, t in self.runs.items():
            k = np.arange(len(t.values))
            with np.errstate(all="ignore"):
                v = np.where(np.isfinite(t.values), t.values, np.nan)
                if self.log_loss_check.isChecked():
                    v = np.where(v > 0, v, np.nan)
                g = t.gradient_norms
                g = np.where(np.isfinite(g) & (g > 0), g, np.nan)
            self._loss_curves[name].setData(k, v)
            self._grad_curves[name].setData(k, g)
            self.loss_legend.addItem(self._loss_curves[name], self._legend_text(name))
        self._paths_full = [(t.points[:, :2] if t.points.shape[1] >= 2 else t.points, t.values,
                             self._faint(COLOURS[name])) for name, t in self.runs.items()]
        if self._steps_of not in self.runs:  # deselected: fall back to the first
            self._steps_of = next(iter(self.runs), None)
        self.step_table_for = self._steps_of
        self._sync_steps_of_combo()
        if self.step_table_for:
            t = self.runs[self.step_table_for]
            self.step_table.set_trajectory(self.objective.variables, t.points, t.values,
                                           t.gradients, t.steps)
        # one-variable and n-variable full curves
        obj = self.objective
        if obj.n == 1:
            while len(self._curve_paths) < len(OPTIMIZER_NAMES):
                item = self.curve_plot.plot(symbol="o", symbolSize=6)
                item.setZValue(10)
                self._curve_paths.append(item)
        elif obj.n >= 3:
            # one curve per variable; items are pooled and updated with setData
            t = self.runs.get(self.step_table_for)
            palette = ["#e63946", "#2a9d8f", "#457b9d", "#f4a261", "#8338ec", "#06d6a0"]
            self.trace_legend.clear()
            for i in range(obj.n if t is not None else 0):
                if i >= len(self._traces):
                    self._traces.append(self.trace_plot.plot(
                        pen=pg.mkPen(palette[i % 6], width=2)))
                item = self._traces[i]
                item.setData(np.arange(len(t.points)), t.points[:, i])
                item.setVisible(True)
                self.trace_legend.addItem(item, obj.variables[i])
            for item in self._traces[obj.n if t is not None else 0:]:
                item.setVisible(False)

    def _sync_steps_of_combo(self) -> None:
        combo = self.steps_of_combo
        combo.blockSignals(True)
        combo.clear()
        for name in self.runs:
            pix = QPixmap(12, 12)
            pix.fill(QColor(COLOURS[name]))
            p = QPainter(pix)
            p.setPen(QPen(QColor("#808080")))
            p.drawRect(0, 0, 11, 11)
            p.end()
            combo.addItem(QIcon(pix), LABELS[name], name)
            combo.setItemData(combo.count() - 1, self._legend_text(name),
                              Qt.ItemDataRole.ToolTipRole)
        i = combo.findData(self.step_table_for)
        combo.setCurrentIndex(i)
        combo.setEnabled(combo.count() > 1)
        combo.blockSignals(False)

    def _step_note(self, name: str) -> str:
        """One line naming the update rule of a non-GD optimizer."""
        return {
            "momentum": self.tr("Momentum: v ← μv + ∇f(θ), Δθ = −η·v"),
            "nesterov": self.tr("Nesterov: v ← μv + ∇f(θ), Δθ = −η·(∇f(θ) + μv)"),
            "adagrad": self.tr("AdaGrad: G ← G + ∇f², Δθ = −η·∇f/(√G + ε)"),
            "rmsprop": self.tr("RMSProp: s ← αs + (1 − α)∇f², Δθ = −η·∇f/(√s + ε)"),
            "adam": self.tr("Adam: Δθ = −η·m̂/(√v̂ + ε)"),
        }.get(name, LABELS.get(name, name))

    @staticmethod
    def _faint(hexcol: str) -> str:
        c = QColor(hexcol)
        c.setAlpha(120)
        return c.name(QColor.NameFormat.HexArgb)

    # ================================================================ cursor -> views
    def _on_cursor(self, k: int) -> None:
        self.controls.set_position(k, self.traj_cursor.length)
        obj = self.objective
        names = list(self.runs)
        paths, current = [], []
        for name in names:
            t = self.runs[name]
            i = min(k, len(t.points) - 1)
            pts = t.points[: i + 1]
            paths.append((pts[:, :2] if obj.n >= 2 else pts, t.values[: i + 1], COLOURS[name]))
            current.append((t.points[i][:2], t.values[i], COLOURS[name]))
        self._loss_cursor.setValue(k)
        self._grad_cursor.setValue(k)
        self._trace_cursor.setValue(k)
        if obj.n == 2:
            full = getattr(self, "_paths_full", [])
            self.surface.set_paths(full + paths)
            self.contour.set_paths(full + paths)
            self.surface.set_current(current)
            self.contour.set_current(current)
        elif obj.n == 1:
            for j, item in enumerate(self._curve_paths):
                if j < len(names):
                    t = self.runs[names[j]]
                    i = min(k, len(t.points) - 1)
                    col = COLOURS[names[j]] if names[j] != "adagrad" else "#6c757d"
                    item.setData(t.points[: i + 1, 0], t.values[: i + 1],
                                 pen=pg.mkPen(col, width=1.5), symbolBrush=col,
                                 symbolPen=None)
                    item.setVisible(True)
                else:
                    item.setVisible(False)
            self._curve_current.setData([{"pos": (float(c[0][0]), float(c[1])),
                                          "brush": pg.mkBrush(c[2])} for c in current
                                         if np.isfinite(c[0]).all() and np.isfinite(c[1])])
        self._update_step_panel(k)
        if self.step_table_for and self.bottom_tabs.currentIndex() == 1:
            t = self.runs[self.step_table_for]
            self.step_table.set_current_row(min(k, len(t.points) - 1))

    def _update_step_panel(self, k: int) -> None:
        name = self.step_table_for
        obj = self.objective
        if name is None:
            self.step_panel.clear_step()
            self.surface.set_arrow(None, None)
            return
        t = self.runs[name]
        i = min(k, len(t.points) - 1)
        final = i >= t.n_steps
        step = None if final else t.steps[i]
        if name == "gd":
            eta = float(t.optimizer.hyper["lr"])
            self.step_panel.set_step(
                obj.variables, t.points[i], t.gradients[i], step, t.values[i],
                t.values[i + 1] if not final else t.values[i], eta=eta, iteration=i,
                rule=LABELS[name], final=final)
        else:
            # not −η∇f: the actual move θₖ₊₁ − θₖ of the run, under the rule's name
            actual = None if final else t.points[i + 1] - t.points[i]
            self.step_panel.set_step(
                obj.variables, t.points[i], t.gradients[i], actual, t.values[i],
                t.values[i + 1] if not final else t.values[i], iteration=i,
                rule=LABELS[name], final=final, note=self._step_note(name))
        if obj.n == 2:
            self.surface.set_arrow(t.points[i], None if step is None else step,
                                   "#d00000")
        elif obj.n == 1:
            x0, f0, d = t.points[i][0], t.values[i], t.gradients[i][0]
            if np.isfinite([x0, f0, d]).all():
                lo, hi = self.state["ranges"][obj.variables[0]]
                w = (hi - lo) * 0.22
                dx = np.array([-w, w])
                with np.errstate(all="ignore"):
                    ty = f0 + d * dx
                if np.isfinite(ty).all():
                    self._tangent.setData(x0 + dx, ty)
                else:
                    self._tangent.setData([], [])
            else:
                self._tangent.setData([], [])

    # ================================================================ status
    def _legend_text(self, name: str) -> str:
        t = self.runs[name]
        kind = self.run_classes[name].kind
        return self.tr("{opt}: {k} steps · {status}").format(
            opt=LABELS[name], k=t.n_steps, status=self._kind_text(kind))

    def _kind_text(self, kind: str) -> str:
        return {"converges": self.tr("converges"), "oscillates": self.tr("oscillates"),
                "slow": self.tr("slow"), "diverges": self.tr("diverges")}.get(kind, kind)

    def stop_reason_text(self, t) -> str:
        k = t.n_steps
        g = float(t.gradient_norms[-1]) if len(t.gradients) else math.nan
        p = "(" + ", ".join(fmt(c, 5) for c in t.points[-1]) + ")"
        f = fmt(t.values[-1], 6)
        r = t.stop_reason
        if r == "gradient_tolerance":
            return self.tr("Converged after {k} steps at {p}, f = {f}: ‖∇f‖ = {g} is below "
                           "the tolerance {tol}.").format(k=k, p=p, f=f, g=fmt(g, 3),
                                                           tol=fmt(t.grad_tol))
        if r == "value_tolerance":
            return self.tr("Stopped after {k} steps at {p}, f = {f}: f changed by less than "
                           "{tol} in the last step, but ‖∇f‖ is still {g} — maybe not the "
                           "exact minimum yet.").format(k=k, p=p, f=f, tol=fmt(t.value_tol),
                                                        g=fmt(g, 3))
        if r == "max_steps":
            return self.tr("Stopped at the maximum of {k} steps at {p}, f = {f}: not "
                           "converged yet (‖∇f‖ = {g}).").format(k=k, p=p, f=f, g=fmt(g, 3))
        if r == "diverged":
            return self.tr("Diverged after {k} steps: the point or f blew up.").format(k=k)
        if k == 0:
            return self.tr("f or its gradient is undefined at the start point {p}: choose "
                           "another start.").format(p=p)
        return self.tr("After {k} steps the point {p} left the region where f is "
                       "defined.").format(k=k, p=p)

    def explanation(self, name: str) -> str:
        t = self.runs[name]
        kind = self.run_classes[name].kind
        eta = float(t.optimizer.hyper["lr"])
        b = self._bound
        if kind == "diverges" and t.stop_reason != "undefined":
            if name == "gd" and math.isfinite(b) and eta > b:
                return self.tr("η = {eta} is above 2/λmax ≈ {bound} here: each step "
                               "overshoots further.").format(eta=f"{eta:g}", bound=f"{b:.4f}")
            if len(t.values) > 1 and t.values[-1] < t.values[0]:
                return self.tr("f fell without bound: it has no minimum in the direction "
                               "the point went.")
            return self.tr("Each step overshoots more than the last: use a smaller "
                           "learning rate.")
        if kind == "oscillates":
            return self.tr("The point jumps back and forth across the valley: η is near "
                           "its upper limit.")
        if kind == "slow":
            return self.tr("Progress is slow: a larger learning rate would get there "
                           "faster.")
        return ""

    def _update_banner(self) -> None:
        rows = []
        worst = "ok"
        for name, t in self.runs.items():
            kind = self.run_classes[name].kind
            col = COLOURS[name] if name != "adagrad" else "#6c757d"
            badge = {"converges": "#2e7d32", "oscillates": "#ef6c00", "slow": "#6d4c41",
                     "diverges": "#c62828"}.get(kind, "#333")
            expl = self.explanation(name)
            line = (f"<span style='color:{col}; font-size:13pt'>●</span> <b>{LABELS[name]}</b> "
                    f"<span style='background:{badge}; color:white; padding:1px 6px'>"
                    f"&nbsp;{html.escape(self._kind_text(kind))}&nbsp;</span> "
                    f"{html.escape(self.stop_reason_text(t))}")
            if expl:
                line += f" <b style='color:{badge}'>{html.escape(expl)}</b>"
            rows.append(line)
            if kind == "diverges":
                worst = "bad"
        outside = self._start_outside_range()
        if outside:
            rows.append("<b style='color:#9a5b00'>" + html.escape(self.tr(
                "The start point lies outside the plotted range of {v}: widen the range "
                "(or click the plot) to see it and its path.").format(v=", ".join(outside)))
                + "</b>")
        self.banner.setText("<br>".join(rows))
        bg = "#fdecea" if worst == "bad" else "#f1f8f2"
        # a light banner in both themes, so its text is dark in both
        self.banner.setStyleSheet(f"QLabel {{ background: {bg}; color: #1c2833; "
                                  f"border-radius: 5px; padding: 4px 8px; }}")
        self._fit_banner()
        b = self._bound
        if math.isfinite(b):
            self.bound_label.setText(self.tr("2/λmax ≈ {b} at the start").format(b=f"{b:.4g}"))
        elif math.isinf(b):
            self.bound_label.setText(self.tr("no upper bound here (λmax ≤ 0)"))
        else:
            self.bound_label.setText("")
        self.bound_label.setStyleSheet(
            "color: #c62828; font-weight: 600;" if math.isfinite(b) and self.eta() > b
            else f"color: {self._dim_colour()};")
        self.eta_slider.bound_label = "2/λmax"

    def _start_outside_range(self) -> list[str]:
        """The plotted variables (1 or 2 of them) whose start value is off the plot."""
        obj = self.objective
        if obj is None or obj.n > 2:
            return []
        out = []
        for v in obj.variables:
            lo, hi = self.state["ranges"][v]
            if not lo <= float(self.state["start"][v]) <= hi:
                out.append(v)
        return out

    BANNER_MAX_LINES = 9

    def _fit_banner(self) -> None:
        """Give the banner the height its wrapped text needs (all optimizers' lines),
        up to BANNER_MAX_LINES lines; beyond that it scrolls."""
        w = self.banner_scroll.viewport().width()
        if w < 50:
            w = max(self.banner_scroll.width(), 400)
        need = max(self.banner.heightForWidth(w), self.banner.minimumHeight())
        cap = self.banner.fontMetrics().lineSpacing() * self.BANNER_MAX_LINES + 12
        h = min(need, cap)
        if self.banner_scroll.height() != h or self.banner_scroll.minimumHeight() != h:
            self.banner_scroll.setFixedHeight(h)
        self.banner_scroll.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded if need > cap
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    # ================================================================ basin map
    def _on_basin_toggled(self, on: bool) -> None:
        if on:
            self._start_basin()
        else:
            self._basin_timer.stop()
            self._basin_iter = None
            self.contour.set_overlay(None)
            self.contour.set_markers([])
            self.basin_status.setText("")

    def _start_basin(self) -> None:
        obj = self.objective
        if obj is None or obj.n != 2:
            return
        nb = int(self.basin_size.value())
        vx, vy = obj.variables
        bx = np.linspace(*self.state["ranges"][vx], nb)
        by = np.linspace(*self.state["ranges"][vy], nb)
        X, Y = np.meshgrid(bx, by, indexing="ij")
        starts = np.column_stack([X.ravel(), Y.ravel()])
        name = self.state["selected"][0]
        st = self.state["stop"]
        opt = make_optimizer(name, **self._hyper_for(name))
        self._basin_shape = (nb, nb)
        self._basin_span = max(bx[-1] - bx[0], by[-1] - by[0])
        self.contour.set_overlay(None)
        self.contour.set_markers([])
        self._basin_started = time.perf_counter()
        self._basin_iter = iter_descend_batch(obj, opt, starts,
                                              max_steps=min(int(st["max_steps"]), 500),
                                              grad_tol=max(float(st["grad_tol"]), 1e-6),
                                              value_tol=st["value_tol"], chunk=4)
        self.basin_status.setText(self.tr("Computing basins…"))
        self._basin_timer.start()

    def basin_running(self) -> bool:
        return self._basin_timer.isActive()

    def _basin_tick(self) -> None:
        if self._basin_iter is None:
            self._basin_timer.stop()
            return
        t0 = time.perf_counter()
        res = None
        try:
            while time.perf_counter() - t0 < 0.025:
                res = next(self._basin_iter)
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
        self._basin_timer.stop()
        self._basin_iter = None
        self._basin_result = res
        # an end point that only ran out of steps is not a minimum: it stays grey
        # (otherwise Rosenbrock's slow valley shows "2 minima" where there is one)
        reasons = np.asarray(STOP_REASONS, dtype=object)[np.asarray(res.stop_reasons)] \
            if np.asarray(res.stop_reasons).dtype.kind in "iu" \
            else np.asarray(res.stop_reasons, dtype=object)
        unsettled = reasons.astype(str) == "max_steps"
        labels, minima = cluster_minima(res.final_points, tol=self._basin_span * 2e-3,
                                        stop_reasons=np.where(unsettled, "running",
                                                              reasons.astype(str)))
        # one colour per basin, vectorised: a plateau (relu(x) − relu(y)) stops every
        # start where it is, thousands of one-point "basins"
        palette = np.array([(c.red(), c.green(), c.blue(), 120)
                            for c in map(QColor, BASIN_COLOURS)], dtype=np.ubyte)
        rgba = palette[np.maximum(labels, 0) % len(palette)]
        rgba[labels < 0] = (40, 40, 40, 150)
        self.contour.set_overlay(rgba.reshape(*self._basin_shape, 4))
        shown = minima[:MAX_BASIN_MARKERS]  # the largest basins come first
        vals = self.objective.value_at(shown) if len(shown) else []
        self.contour.set_markers([(m, v, BASIN_COLOURS[j % len(BASIN_COLOURS)], 16)
                                  for j, (m, v) in enumerate(zip(shown, vals, strict=False))])
        elapsed = time.perf_counter() - self._basin_started
        text = self.tr("{n} minima found ({t:.2f} s)").format(n=len(minima), t=elapsed)
        n_unsettled = int(unsettled.sum())
        if n_unsettled:
            text += "\n" + self.tr("{m} of {total} starts had not converged after {k} "
                                    "steps (grey)").format(m=n_unsettled, total=len(labels),
                                                           k=res.steps_done)
        self.basin_status.setText(text)
        self.basin_unsettled = n_unsettled
        self.basin_labels = labels
        self.basin_minima = minima

    # ================================================================ translation
    def _preset_name(self, pid: str) -> str:
        return {
            "chapter": self.tr("Chapter example: (x + y − 3)² + (x + 2y − 5)² + 2"),
            "paraboloid": self.tr("Paraboloid: x² + y² from (3, 2)"),
            "ill": self.tr("Ill-conditioned bowl: 0.5x² + 10y²"),
            "rosenbrock": self.tr("Rosenbrock's banana valley"),
            "himmelblau": self.tr("Himmelblau: four minima"),
            "saddle": self.tr("Saddle: x² − y²"),
            "plateau": self.tr("Plateau: 1 − exp(−(x² + y²)/4)"),
            "one_var": self.tr("One variable: x⁴ − 3x² + x"),
            "three_var": self.tr("Three variables"),
        }[pid]

    def retranslate(self) -> None:
        self.preset_label.setText(self.tr("Preset:"))
        for i in range(self.preset_combo.count()):
            self.preset_combo.setItemText(i, self._preset_name(self.preset_combo.itemData(i)))
        self.preset_combo.setToolTip(self.tr("Choose an example function: it sets f, the plot "
                                             "range, the start point θ₀ and the learning rate "
                                             "η."))
        self.editor.setPlaceholderText(self.tr("Type a function, e.g. x^2 + y^2"))
        self.editor.setToolTip(self.tr("The function f(θ) to minimise; its partial derivatives "
                                       "∂f/∂x, ∂f/∂y, … form the gradient ∇f shown below. Use "
                                       "+ − * / ^, sin, exp, log, sqrt…; 2x means 2·x."))
        self.range_box.setTitle(self.tr("Plot range and start point"))
        heads = (self.tr("from"), self.tr("to"), self.tr("start"))
        for w, t in zip(self.range_head, heads, strict=True):
            w.setText(t)
        self.eta_box.setTitle(self.tr("Learning rate η (plain GD)"))
        self.eta_slider.setToolTip(self.tr("Learning rate η in Δθ = −η∇f(θ), on a logarithmic "
                                           "scale 10⁻⁵ … 10. The red mark is 2/λmax at the "
                                           "start: plain GD diverges above it."))
        self.eta_edit.setToolTip(self.tr("Learning rate η in Δθ = −η∇f(θ): the step is η times "
                                         "the gradient, downhill."))
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
        self._range_tooltips()
        self.gtol_edit.setToolTip(self.tr("Stop when ‖∇f(θ)‖ < this value (the point is flat: a "
                                          "minimum, saddle or plateau)."))
        self.vtol_check.setToolTip(self.tr("Also stop when |Δf| = |f(θₖ₊₁) − f(θₖ)| is below the "
                                           "value on the right (the chapter's rule: it can stop "
                                           "before the minimum)."))
        self.vtol_edit.setToolTip(self.tr("Stop when f changes by less than this in one step: "
                                          "|f(θₖ₊₁) − f(θₖ)| < value."))
        self.max_spin.setToolTip(self.tr("Stop after at most this many steps k, converged or "
                                         "not."))
        self.log_color_check.setToolTip(self.tr("Colour the surface and the contours by log f "
                                                "instead of f, to show the shape near the "
                                                "minimum."))
        self.basin_size.setToolTip(self.tr("Start points per side of the basin map: n × n runs "
                                           "of the first selected optimizer."))
        self.log_loss_check.setToolTip(self.tr("Plot the loss f(θₖ) on a logarithmic axis."))
        self.opt_box.setTitle(self.tr("Optimizers (all from the same start)"))
        self.hyper_label.setText(self.tr("Settings of"))
        self.stop_box.setTitle(self.tr("Stop rules"))
        self.gtol_label.setText(self.tr("‖∇f‖ <"))
        self.vtol_label.setText(self.tr("|Δf| <"))
        self.max_label.setText(self.tr("max steps"))
        self.view_box.setTitle(self.tr("View"))
        self.log_color_check.setText(self.tr("Log colour scale"))
        self.basin_check.setText(self.tr("Basin map"))
        self.basin_check.setToolTip(self.tr("Run descent from a grid of start points θ₀ and "
                                            "colour each start by the minimum it reaches (its "
                                            "basin)."))
        self.basin_size.setSuffix(self.tr(" × grid"))
        self.bottom_tabs.setTabText(0, self.tr("This step"))
        self.bottom_tabs.setTabText(1, self.tr("Step table"))
        self.steps_of_label.setText(self.tr("Show steps of:"))
        self.steps_of_combo.setToolTip(self.tr("Whose steps the This step panel and the step "
                                               "table show: one of the selected optimizers"))
        self.loss_title.setText(self.tr("Loss f(θₖ) against iteration k"))
        self.grad_title.setText(self.tr("‖∇f(θₖ)‖ against iteration k (log scale)"))
        self.log_loss_check.setText(self.tr("log y"))
        self.loss_plot.setLabel("bottom", self.tr("iteration k"))
        self.grad_plot.setLabel("bottom", self.tr("iteration k"))
        self.curve_plot.setLabel("bottom", "x")
        self.curve_plot.setLabel("left", "f")
        self.trace_plot.setLabel("bottom", self.tr("iteration k"))
        self.trace_plot.setLabel("left", self.tr("value of each variable"))
        if self.objective is not None and self.runs:
            self._update_full_curves()
            self._update_banner()
            self._on_cursor(self.traj_cursor.index)
        if self._error is not None:
            self._show_error()

    def _is_dark(self) -> bool:
        return palette_is_dark(self.palette())

    def _dim_colour(self) -> str:
        return "#9aa4b0" if self._is_dark() else "#556"

    def _theme_titles(self) -> None:
        """Colours of the hand-styled labels that must stay readable in both themes."""
        dark = self._is_dark()
        for lab in (self.loss_title, self.grad_title):
            lab.setStyleSheet(f"font-weight: 600; color: {'#d5dbe3' if dark else '#334'};")
        for lab in getattr(self, "_scale_labels", []):
            lab.setStyleSheet(f"color: {'#9aa4b0' if dark else '#667'};")
        self.basin_status.setStyleSheet(f"color: {self._dim_colour()};")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() in (QEvent.Type.PaletteChange,
                              QEvent.Type.ApplicationPaletteChange) and \
                hasattr(self, "loss_title") and hasattr(self, "basin_status"):
            self._theme_titles()
            if getattr(self, "runs", None) is not None and self.objective is not None:
                self._update_banner()
        super().changeEvent(event)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if obj is self.banner_scroll.viewport():
            if event.type() == QEvent.Type.Resize and event.oldSize().width() != \
                    event.size().width():
                self._fit_banner()
            return False
        if event.type() == QEvent.Type.MouseButtonPress:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
        return False

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        # keys a child (e.g. a text field) did not use: → / Space step, ← steps back
        if not self.controls.handle_key(event):
            super().keyPressEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt API
        # switching to another lab pauses the animation (nobody is watching it)
        self.traj_cursor.pause()
        super().hideEvent(event)

    def set_surface_resolution(self, n: int) -> None:
        """View → Surface resolution: grid points per axis of the surface and contours."""
        n = int(min(max(n, 20), 300))
        if n == self.grid_n:
            return
        self.grid_n = n
        if self.objective is not None:
            self._update_grid()

    def title(self) -> str:
        return self.tr("Gradient Descent")
