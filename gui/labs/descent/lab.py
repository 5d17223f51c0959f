"""The Descent Lab (issue #3): type a function, see it as a surface and contours,
and walk gradient descent one step at a time (chapter part 2).

The lab composes its panels around one model, ``self.model``
(``LabModel("descent", DescentState())``): panels push edits, the model announces
``changed(fields)``, and :meth:`DescentLab._on_changed` recomputes the results and
tells each panel what concerns it.

* Settings: ``self.model.state`` (saved; ``lab.state`` is a read-only copy of its
  saved form).
* Results: ``self.results`` (:class:`gui.labs.descent.results.Results`: the runs,
  their classes, 2/λmax), computed from the settings, never saved.
* View state: the step shown (``self.traj_cursor``) and whose steps the step tabs
  show (``steps_of()``) — both saved with the session (``cursor``, ``steps_of``:
  :meth:`get_state` writes the current ones; the model's copies are the values last
  loaded) but never edits; the settings form shown, ``log y``, the basin map and the
  camera are not saved.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from core.optimizers import OPTIMIZER_NAMES
from gui.labs.descent.basin import BasinBox
from gui.labs.descent.common import NAME, push_edit
from gui.labs.descent.controls import OptimizerBox, StopBox
from gui.labs.descent.editor import EditorPanel
from gui.labs.descent.eta import EtaBox, gd_eta
from gui.labs.descent.loss import LossPlots
from gui.labs.descent.plots import FunctionViews
from gui.labs.descent.ranges import RangeBox
from gui.labs.descent.results import (
    DRAG_STEPS,
    Results,
    compute,
    parse_function,
    start_of,
    start_outside_range,
    with_variables,
)
from gui.labs.descent.state import PRESETS, DescentState
from gui.labs.descent.status import StatusBanner
from gui.labs.descent.steps import StepTabs
from gui.labs.model import LabModel
from gui.views.stepper import StepControls, TrajectoryCursor
from gui.widgets.adaptive import AdaptiveSplitter, VScrollArea, make_flow, size_to_current_page

PRESET_ALIASES = {"bowl": "paraboloid", "chapter_example": "chapter", "1d": "one_var",
                  "one_variable": "one_var", "3d": "three_var"}
RUN_FIELDS = frozenset({"function", "start", "selected", "hyper", "stop"})
GRID_FIELDS = frozenset({"function", "ranges", "log_color"})
RUN_COMMANDS = frozenset({"step", "back", "play", "end", "reset"})


class DescentLab(QWidget):
    NAME = NAME
    #: what the window's Run menu may ask of this lab (see :meth:`run_command`)
    run_commands = RUN_COMMANDS
    runsChanged = Signal()

    GRID_N = 150
    DEBOUNCE_MS = EditorPanel.DEBOUNCE_MS
    BANNER_MAX_LINES = StatusBanner.BANNER_MAX_LINES

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.grid_n = self.GRID_N
        self.model: LabModel[DescentState] = LabModel(NAME, DescentState(), self)
        self.results: Results = compute(self.model.state)
        self._steps_of: str | None = None   # view: the optimizer chosen to show
        self.step_table_for: str | None = None  # … the one shown (a selected one)
        self.traj_cursor = TrajectoryCursor(self)
        self._build()
        self._connect()
        self.retranslate()
        self._on_changed(frozenset(DescentState.field_names()))
        session.register(NAME, self.get_state, self.set_state)
        self._ready = True

    # ================================================================ panels
    def _build(self) -> None:
        m, s = self.model, self.session
        self.editor_panel = EditorPanel(m, s, self)
        self.views = FunctionViews(self)
        self.range_box = RangeBox(m, s, self)
        self.eta_box = EtaBox(m, s, self)
        self.opt_box = OptimizerBox(m, s, self)
        self.stop_box = StopBox(m, s, self)
        self.basin = BasinBox(m, s, self.views.contour, self)
        self.banner_scroll = StatusBanner(self)
        self.controls = StepControls(self)
        self.bottom_tabs = StepTabs(self)
        self.loss = LossPlots(self)
        # the widgets a user (and a test) reaches
        ed, v, lp, bt = self.editor_panel, self.views, self.loss, self.bottom_tabs
        self.editor, self.error_label, self.math_label = ed.editor, ed.error_label, ed.math_label
        self.preset_combo = ed.preset_combo
        self.surface, self.contour, self.view_stack = v.surface, v.contour, v
        self.curve_plot, self.trace_plot = v.curve_plot, v.trace_plot
        self.loss_plot, self.grad_plot, self.loss_legend = lp.loss_plot, lp.grad_plot, \
            lp.loss_legend
        self.loss_title, self.log_loss_check = lp.loss_title, lp.log_loss_check
        self.eta_edit, self.eta_slider = self.eta_box.eta_edit, self.eta_box.slider
        self.opt_checks = self.opt_box.opt_checks
        sb = self.stop_box
        self.gtol_edit, self.vtol_check, self.vtol_edit, self.max_spin = \
            sb.gtol_edit, sb.vtol_check, sb.vtol_edit, sb.max_spin
        self.basin_check, self.basin_size = self.basin.basin_check, self.basin.basin_size
        self.basin_status = self.basin.basin_status
        self.banner = self.banner_scroll.banner
        self.step_panel, self.step_table = bt.step_panel, bt.step_table
        self.steps_of_combo = bt.steps_of_combo

        side = QWidget(self)
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 6, 0)
        sl.setSpacing(8)
        for box in (self.range_box, self.eta_box, self.opt_box, self.stop_box, self.basin):
            sl.addWidget(box)
        sl.addStretch(1)
        # narrow windows (a laptop, the zoom, the lesson panel): the side panel
        # scrolls vertically and is as wide as its content; the step buttons wrap;
        # the step tabs and the loss plots go one above the other
        side_scroll = VScrollArea(side, self)
        flow = make_flow(self.controls)
        c = self.controls
        flow.keep_together(c.sps_label, c.sps)
        flow.keep_together(c.spf_label, c.spf)
        size_to_current_page(self.views)

        left_bottom = QWidget(self)
        lb = QVBoxLayout(left_bottom)
        lb.setContentsMargins(0, 0, 0, 0)
        lb.addWidget(self.banner_scroll)
        lb.addWidget(self.controls)
        lb.addWidget(self.bottom_tabs, 1)
        bottom = AdaptiveSplitter(self)
        bottom.addWidget(left_bottom)
        bottom.addWidget(self.loss)
        bottom.setSizes([640, 440])
        vsplit = QSplitter(Qt.Orientation.Vertical, self)
        vsplit.addWidget(self.views)
        vsplit.addWidget(bottom)
        vsplit.setSizes([470, 400])
        vsplit.setStretchFactor(0, 3)
        vsplit.setStretchFactor(1, 2)
        main = QSplitter(Qt.Orientation.Horizontal, self)
        main.addWidget(side_scroll)
        main.addWidget(vsplit)
        main.setSizes([320, 1080])
        main.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.setSpacing(6)
        lay.addWidget(self.editor_panel)
        lay.addWidget(main, 1)

    def _connect(self) -> None:
        self.model.changed.connect(self._on_changed)
        self.editor_panel.presetChosen.connect(self.apply_preset)
        self.contour.pointClicked.connect(self.set_start)
        self.contour.startDragged.connect(self.range_box.drag_start)
        self.contour.startDragFinished.connect(self.range_box.end_start_drag)
        # after the commit: runs cut while θ₀ moved (DRAG_STEPS) go on to max steps
        self.contour.startDragFinished.connect(
            lambda *_a: self.results.capped and self._on_changed(frozenset({"start"})))
        self.bottom_tabs.stepsOfChosen.connect(self.set_steps_of)
        self.controls.stepRequested.connect(self.step)
        self.controls.playToggled.connect(self.traj_cursor.toggle)
        self.controls.runRequested.connect(self.traj_cursor.to_end)
        self.controls.resetRequested.connect(self.traj_cursor.reset)
        self.controls.speedChanged.connect(self.traj_cursor.set_speed)
        self.traj_cursor.indexChanged.connect(self._on_cursor)
        self.traj_cursor.playingChanged.connect(self.controls.set_playing)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        # views must not swallow ← → (the GL view rotates on arrows): clicking a view
        # gives the keyboard to the lab, so → / ← / Space step through the run
        for w in (self.surface.gl, self.contour, self.loss_plot, self.grad_plot,
                  self.curve_plot, self.trace_plot):
            w.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            target = w.viewport() if hasattr(w, "viewport") else w
            target.installEventFilter(self)

    # ================================================================ model → panels
    def _on_changed(self, fields: frozenset[str]) -> None:
        state = self.model.state
        obj = parse_function(state.function)  # cached; the state's function parses
        rerun = bool(fields & RUN_FIELDS)
        if rerun:
            # θ₀ dragged: a frame's worth of steps per move, the rest on release
            dragging = self.model.previewing() and fields <= {"start"}
            self.results = compute(state, obj, DRAG_STEPS if dragging else None)
            for message in self.results.errors:
                self.session.status.emit(message)
        self.editor_panel.show_state(fields, obj)
        self.range_box.set_variables(obj.variables)
        self.range_box.show_state()
        if "hyper" in fields:
            self.eta_box.show_state()
            self.opt_box.show_hyper()
        if "selected" in fields:
            self.opt_box.show_selected()
        if "stop" in fields:
            self.stop_box.show_state()
        if fields & GRID_FIELDS:
            self.views.show_function(state, obj, self.grid_n,
                                     keep_overlay=self.basin_check.isChecked())
        if rerun:
            self.eta_box.set_bound(self.results.bound)
            self._show_runs()
            self.traj_cursor.set_length(self.results.length, keep=True)
            self.runsChanged.emit()
        elif "ranges" in fields:
            self._show_banner()
            self._on_cursor(self.traj_cursor.index)
        self.basin.show_state(fields, obj.n)
        # let the plots apply their new auto-range now.  pyqtgraph does it at the
        # start of a paint; the axes it changes then ask for a second paint of the
        # same plot in the same pass (2–4 paints per plot after a function edit)
        for plot in (*self.loss.plots(), *self.views.plots()):
            if plot.isVisible():
                plot.scene().prepareForPaint()

    def _show_runs(self) -> None:
        res = self.results
        if self._steps_of not in res.runs:  # deselected: fall back to the first
            self._steps_of = next(iter(res.runs), None)
        self.step_table_for = self._steps_of
        legend = self.legend_text
        self.loss.show_runs(res, legend)
        state = self.model.state
        start = start_of(state, res.objective.variables)
        self.views.show_runs(res, self.step_table_for,
                             [start[v] for v in res.objective.variables])
        self.bottom_tabs.show_runs(res, self.step_table_for, legend)
        self._show_banner()
        self.views.describe(res, self.step_table_for, state)

    def _show_banner(self) -> None:
        self.banner_scroll.show_results(
            self.results, start_outside_range(self.model.state, self.results.objective.variables))

    def _on_cursor(self, k: int) -> None:
        self.controls.set_position(k, self.traj_cursor.length)
        self.loss.set_cursor(k)
        self.views.show_cursor(k, self.results, self.step_table_for, self.model.state)
        self.bottom_tabs.show_step(k, self.results, self.step_table_for)

    # ================================================================ public API
    @property
    def state(self) -> dict:
        """The settings in their saved form (a copy: edits go through the model)."""
        return self.model.saved()

    def preset_ids(self) -> list[str]:
        return list(PRESETS)

    def apply_preset(self, pid: str) -> None:
        pid = PRESET_ALIASES.get(pid, pid)
        p = PRESETS[pid]
        # a preset always replaces what is in the editor, even an invalid text whose
        # last valid function equals the preset's (then the state does not change)
        self.editor_panel.take_text(p["function"])
        push_edit(self.model, self.session,
                  {"function": p["function"], "ranges": p["ranges"], "start": p["start"],
                   "hyper": {"gd": {"lr": float(p["eta"])}}, "preset": pid},
                  self.tr("Preset: {name}").format(name=self.editor_panel.preset_name(pid)))
        self.traj_cursor.reset()

    def set_function_text(self, text: str) -> bool:
        """Set f as if typed (undoable). Returns False (and shows the error) if invalid."""
        return self.editor_panel.type_text(text)

    def set_start(self, *xy: float) -> None:
        if len(xy) == 1:
            xy = tuple(xy[0])
        self.range_box.set_start(dict(zip(self.variables(), xy, strict=False)))

    def set_learning_rate(self, eta: float) -> None:
        self.eta_box.set_eta(eta)

    def set_optimizers(self, names: list[str]) -> None:
        self.opt_box.set_optimizers(names)

    def set_stop_rules(self, grad_tol=None, value_tol="keep", max_steps=None) -> None:
        self.stop_box.set_stop_rules(grad_tol, value_tol, max_steps)

    def function_text(self) -> str:
        """The current (last valid) function as typed."""
        return self.model.state.function

    def start(self) -> tuple[float, ...]:
        start = start_of(self.model.state, self.variables())
        return tuple(start[v] for v in self.variables())

    def step(self, n: int = 1) -> None:
        self.traj_cursor.step(n)

    def run_command(self, name: str) -> bool:
        """Run → Step, Step back, Play/Pause, Run to end, Reset."""
        c = self.traj_cursor
        fn = {"step": lambda: c.step(1), "back": lambda: c.step(-1),
              "play": self.controls.play_button.click, "end": c.to_end,
              "reset": c.reset}.get(name)
        if fn is None:
            return False
        fn()
        return True

    def set_steps_of(self, name: str | None) -> None:
        """Show the worked steps and the step table of optimizer ``name`` (a view
        choice, no undo entry); an optimizer that is not selected falls back to the
        first selected one.  The cursor index stays."""
        if name is not None and name not in OPTIMIZER_NAMES:
            return
        self._steps_of = name
        self._show_runs()
        self._on_cursor(self.traj_cursor.index)

    def steps_of(self) -> str | None:
        """The optimizer whose steps the This step panel and the table show."""
        return self.step_table_for

    def trajectory(self, opt_name: str = "gd"):
        return self.results.runs.get(opt_name)

    def current_index(self) -> int:
        return self.traj_cursor.index

    def variables(self) -> tuple[str, ...]:
        return self.results.objective.variables

    def eta(self) -> float:
        return gd_eta(self.model.state)

    def status_text(self) -> str:
        """The banner text (plain), as a user reads it."""
        return self.banner_scroll.text()

    def legend_text(self, name: str) -> str:
        return self.banner_scroll.legend_text(self.results, name)

    def partial_texts(self) -> list[str]:
        obj = self.results.objective
        return [obj.partial_text(i) for i in range(obj.n)]

    def error_position(self) -> int | None:
        return self.editor_panel.error_position()

    def error_text(self) -> str:
        return self.editor_panel.error_text()

    def basin_running(self) -> bool:
        return self.basin.running()

    # ================================================================ session
    def get_state(self) -> dict:
        """The saved settings, with the view state the session keeps."""
        return {**self.model.saved(), "cursor": self.traj_cursor.index,
                "steps_of": self.step_table_for}

    def set_state(self, state: dict) -> None:
        """Take a saved state (checked by the session; StateError otherwise)."""
        new = DescentState.from_dict(state)
        new = with_variables(new, parse_function(new.function).variables)
        if new.steps_of in OPTIMIZER_NAMES:
            self._steps_of = new.steps_of
        if not self.model.replace(new) & RUN_FIELDS:
            self._show_runs()  # the steps shown may have changed
        self.traj_cursor.set_index(new.cursor, force=True)

    # ================================================================ Qt
    def retranslate(self) -> None:
        """Every text in the current language (each panel also does its own part on
        QEvent.LanguageChange)."""
        for panel in (self.editor_panel, self.range_box, self.eta_box, self.opt_box,
                      self.stop_box, self.basin, self.bottom_tabs, self.loss, self.views):
            panel.retranslate()
        if self.results.runs:
            self._show_banner()
            self.views.describe(self.results, self.step_table_for, self.model.state)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if not self.__dict__.get("_ready"):  # an event from inside __init__
            super().changeEvent(event)
            return
        if event.type() == QEvent.Type.LanguageChange:
            self._on_cursor(self.traj_cursor.index)  # after the panels: see event()
        super().changeEvent(event)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
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
        self.views.show_function(self.model.state, self.results.objective, self.grid_n,
                                 keep_overlay=self.basin_check.isChecked())

    def title(self) -> str:
        return self.tr("Gradient Descent")

