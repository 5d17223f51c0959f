"""Step-through controls, a cursor over an immutable trajectory and the worked
arithmetic of one step (the table of all steps is in gui/views/steptable.py and
is importable from here too).  Generic: any number of variables, names passed in."""
from __future__ import annotations

import html
import time

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QStyle,
    QTextBrowser,
    QToolButton,
    QWidget,
)

from gui.text.format import fmt, fmt_point


class TrajectoryCursor(QObject):
    """A cursor (index) over a trajectory of ``length`` points; play uses a QTimer.

    The trajectory is never modified: stepping back is exact."""

    indexChanged = Signal(int)
    playingChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._length = 1
        self._index = 0
        self.steps_per_second = 10.0
        self.steps_per_frame = 1
        self._timer = QTimer(self)
        # precise: a coarse 17 ms timer may fire up to 5 % late, below 60 frames/s
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._play_clock = time.perf_counter()
        self._play_from = 0

    @property
    def index(self) -> int:
        return self._index

    @property
    def length(self) -> int:
        return self._length

    def set_length(self, n: int, keep: bool = True) -> None:
        self._length = max(1, int(n))
        self.set_index(self._index if keep else 0, force=True)

    def set_index(self, i: int, force: bool = False) -> None:
        i = int(min(max(i, 0), self._length - 1))
        if i != self._index or force:
            self._index = i
            self.indexChanged.emit(i)

    def step(self, n: int = 1) -> None:
        self.set_index(self._index + n)

    def to_end(self) -> None:
        self.set_index(self._length - 1)

    def reset(self) -> None:
        self.pause()
        self.set_index(0)

    def is_playing(self) -> bool:
        return self._timer.isActive()

    def set_speed(self, steps_per_second: float, steps_per_frame: int | None = None) -> None:
        self.steps_per_second = max(0.1, float(steps_per_second))
        self._play_clock = time.perf_counter()
        self._play_from = self._index
        if steps_per_frame is not None:
            self.steps_per_frame = max(1, int(steps_per_frame))
        if self._timer.isActive():
            self._timer.setInterval(self._interval())

    def _interval(self) -> int:
        return max(1, int(round(1000.0 * self.steps_per_frame / self.steps_per_second)))

    def play(self) -> None:
        if self._index >= self._length - 1:
            self.set_index(0)
        if not self._timer.isActive():
            self._play_clock = time.perf_counter()
            self._play_from = self._index
            self._timer.start(self._interval())
            self.playingChanged.emit(True)

    def pause(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.playingChanged.emit(False)

    def toggle(self, playing: bool | None = None) -> None:
        want = (not self.is_playing()) if playing is None else playing
        self.play() if want else self.pause()

    def _tick(self) -> None:
        # keep the requested steps per second even when painting is slower than the
        # timer: advance by the steps that are due (at least steps_per_frame)
        due = self._play_from + int((time.perf_counter() - self._play_clock)
                                    * self.steps_per_second)
        n = max(self.steps_per_frame, due - self._index)
        self.step(n)
        if self._index >= self._length - 1:
            self.pause()


class StepControls(QWidget):
    """Step, Step back, Play/Pause, speed, Run to convergence, Reset."""

    stepRequested = Signal(int)
    playToggled = Signal(bool)
    runRequested = Signal()
    resetRequested = Signal()
    speedChanged = Signal(float, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        st = self.style()
        self.back_button = QToolButton(self)
        self.back_button.setIcon(st.standardIcon(QStyle.StandardPixmap.SP_MediaSeekBackward))
        self.step_button = QToolButton(self)
        self.step_button.setIcon(st.standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward))
        self.play_button = QToolButton(self)
        self.play_button.setCheckable(True)
        self.play_button.setIcon(st.standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.run_button = QToolButton(self)
        self.run_button.setIcon(st.standardIcon(QStyle.StandardPixmap.SP_MediaSkipForward))
        self.reset_button = QToolButton(self)
        self.reset_button.setIcon(st.standardIcon(QStyle.StandardPixmap.SP_MediaSkipBackward))
        for b in (self.back_button, self.step_button, self.play_button, self.run_button,
                  self.reset_button):
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # keyboard users reach them
        self.sps = QSpinBox(self)
        self.sps.setRange(1, 240)
        self.sps.setValue(10)
        self.spf = QSpinBox(self)
        self.spf.setRange(1, 1000)
        self.spf.setValue(1)
        self.sps_label = QLabel(self)
        self.spf_label = QLabel(self)
        self.position_label = QLabel(self)
        self.position_label.setFixedWidth(110)
        self.position_label.setAlignment(Qt.AlignmentFlag.AlignRight
                                         | Qt.AlignmentFlag.AlignVCenter)

        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        for w in (self.reset_button, self.back_button, self.step_button, self.play_button,
                  self.run_button):
            lay.addWidget(w)
        lay.addWidget(self.position_label)
        lay.addStretch(1)
        lay.addSpacing(8)
        lay.addWidget(self.sps_label)
        lay.addWidget(self.sps)
        lay.addWidget(self.spf_label)
        lay.addWidget(self.spf)

        self.step_button.clicked.connect(lambda: self.stepRequested.emit(1))
        self.back_button.clicked.connect(lambda: self.stepRequested.emit(-1))
        self.play_button.toggled.connect(self._on_play)
        self.run_button.clicked.connect(self.runRequested)
        self.reset_button.clicked.connect(self.resetRequested)
        self.sps.valueChanged.connect(lambda _v: self.speedChanged.emit(float(self.sps.value()),
                                                                        self.spf.value()))
        self.spf.valueChanged.connect(lambda _v: self.speedChanged.emit(float(self.sps.value()),
                                                                        self.spf.value()))
        self._shortcuts = []
        self.retranslate()

    def handle_key(self, event) -> bool:
        """Call from a lab's keyPressEvent: → / Space step, ← steps back.  Keys that
        a child used (text fields use arrows) never get here, so no conflict."""
        key = event.key()
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Space):
            self.stepRequested.emit(1)
        elif key == Qt.Key.Key_Left:
            self.stepRequested.emit(-1)
        elif key == Qt.Key.Key_Home:
            self.reset_button.click()
        elif key == Qt.Key.Key_End:
            self.run_button.click()
        elif key == Qt.Key.Key_P:
            self.play_button.click()
        else:
            return False
        event.accept()
        return True

    def install_shortcuts(self, scope: QWidget) -> None:
        """→ / Space step, ← steps back, Home resets, End runs to the end, P plays or
        pauses (while ``scope`` has focus within its window)."""
        for key, fn in ((Qt.Key.Key_Right, lambda: self.stepRequested.emit(1)),
                        (Qt.Key.Key_Space, lambda: self.stepRequested.emit(1)),
                        (Qt.Key.Key_Left, lambda: self.stepRequested.emit(-1)),
                        (Qt.Key.Key_Home, self.reset_button.click),
                        (Qt.Key.Key_End, self.run_button.click),
                        (Qt.Key.Key_P, self.play_button.click)):
            sc = QShortcut(QKeySequence(key), scope)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(fn)
            self._shortcuts.append(sc)

    def _on_play(self, on: bool) -> None:
        st = self.style()
        self.play_button.setIcon(st.standardIcon(
            QStyle.StandardPixmap.SP_MediaPause if on else QStyle.StandardPixmap.SP_MediaPlay))
        self.retranslate()
        self.playToggled.emit(on)

    def set_playing(self, on: bool) -> None:
        if self.play_button.isChecked() != on:
            self.play_button.blockSignals(True)
            self.play_button.setChecked(on)
            self.play_button.blockSignals(False)
            st = self.style()
            self.play_button.setIcon(st.standardIcon(
                QStyle.StandardPixmap.SP_MediaPause if on else QStyle.StandardPixmap.SP_MediaPlay))
            self.retranslate()

    def set_position(self, index: int, length: int) -> None:
        self.position_label.setText(self.tr("step {i} / {n}").format(i=index, n=max(length - 1, 0)))

    def retranslate(self) -> None:
        self.step_button.setText(self.tr("Step"))
        self.step_button.setToolTip(self.tr("One step forward: θₖ₊₁ = θₖ + Δθ with Δθ = "
                                            "−η∇f(θₖ) (→ or Space)"))
        self.back_button.setText(self.tr("Back"))
        self.back_button.setToolTip(self.tr("One step back to θₖ₋₁ (←): exact, the run is "
                                            "recorded"))
        self.play_button.setToolTip(self.tr("Play the run step by step at the speed on the "
                                            "right; click again to pause (P)"))
        self.play_button.setText(self.tr("Pause") if self.play_button.isChecked()
                                 else self.tr("Play"))
        self.run_button.setText(self.tr("Run to end"))
        self.run_button.setToolTip(self.tr("Jump to where the run stopped: the last θₖ (End)"))
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Back to the start point θ₀, k = 0 (Home)"))
        self.sps_label.setText(self.tr("steps/s"))
        self.sps_label.setBuddy(self.sps)
        self.spf_label.setBuddy(self.spf)
        self.spf_label.setText(self.tr("×/frame"))
        self.sps.setToolTip(self.tr("Play speed: how many steps per second while playing"))
        self.spf.setToolTip(self.tr("Steps k advanced per frame while playing, for long runs"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class StepPanel(QTextBrowser):
    """The worked arithmetic of one step in the chapter's notation (any n).

    A read-only text view: changing its text repaints only itself (a QLabel would
    re-layout the whole window on every step)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setOpenLinks(False)
        self._args = None
        self.retranslate()

    def setText(self, html_text: str) -> None:  # noqa: N802 - QLabel-like
        self.setHtml(html_text)

    def text(self) -> str:
        """The panel as plain text (what a user reads)."""
        return self.toPlainText()

    def retranslate_name(self) -> None:
        self.setAccessibleName(self.tr("This step"))

    def clear_step(self) -> None:
        self._args = None
        self.retranslate()

    def set_step(self, names, theta, grad, step, f_before, f_after, eta=None,
                 iteration: int = 0, rule: str | None = None, final: bool = False,
                 note: str | None = None) -> None:
        """Show step ``iteration`` → ``iteration + 1``: θ, ∇f(θ), Δθ, θ + Δθ, f.

        ``eta`` given: Δ is shown as −η·∂f/∂v (plain gradient descent); otherwise Δ is
        the optimizer's own update (``rule`` names it).  ``note`` given (and no
        ``eta``): Δθ is shown as θₖ₊₁ − θₖ read from the run, under the one-line
        ``note`` that states the optimizer's rule."""
        self._args = (list(names), np.asarray(theta, float), np.asarray(grad, float),
                      None if step is None else np.asarray(step, float), f_before, f_after,
                      eta, iteration, rule, final, note)
        self.retranslate()

    def retranslate(self) -> None:
        self.retranslate_name()
        if self._args is None:
            self.setText(self.tr("<i>Run descent to see each step's arithmetic.</i>"))
            return
        names, theta, grad, step, fb, fa, eta, k, rule, final, note = self._args
        rows = []
        head = self.tr("Step {k} → {k1}").format(k=k, k1=k + 1)
        if final or step is None:
            head = self.tr("Step {k}: the run stopped here").format(k=k)
        rows.append(f"<b>{head}</b>")
        rows.append(f"θ<sub>{k}</sub> = {fmt_point(theta)}")
        rows.append(f"f(θ<sub>{k}</sub>) = {fmt(fb)}")
        grad_cells = []
        for v, g in zip(names, grad, strict=False):
            grad_cells.append(f"∂f/∂{v} = {fmt(g)}")
        rows.append(" &nbsp; ".join(grad_cells))
        if step is not None and not final:
            if eta is not None:
                rows.append(f"η = {fmt(eta)}")
                cells = [f"Δ{v} = −η·∂f/∂{v} = −{fmt(eta)} × {fmt(g)} = {fmt(d)}"
                         for v, g, d in zip(names, grad, step, strict=False)]
            elif note is not None:
                rows.append(html.escape(note))
                rows.append(self.tr("Actual step of this run: Δθ = θ<sub>{k1}</sub> − "
                                    "θ<sub>{k}</sub>").format(k=k, k1=k + 1))
                cells = [f"Δ{v} = {fmt(a + d)} − {fmt(a)} = {fmt(d)}"
                         for v, a, d in zip(names, theta, step, strict=False)]
            else:
                rows.append(self.tr("Update rule: {rule}").format(rule=rule or "?"))
                cells = [f"Δ{v} = {fmt(d)}" for v, d in zip(names, step, strict=False)]
            rows.append("<br>".join(cells))
            rows.append(f"θ<sub>{k + 1}</sub> = θ<sub>{k}</sub> + Δθ = {fmt_point(theta + step)}")
            with np.errstate(all="ignore"):
                approx = float(np.dot(grad, step))
                true = float(fa) - float(fb)
            rows.append(f"f(θ<sub>{k + 1}</sub>) = {fmt(fa)}")
            rows.append(self.tr("Δf ≈ ∇f·Δθ = {a} &nbsp;&nbsp; true Δf = {t}").format(
                a=fmt(approx), t=fmt(true)))
        self.setText("<div style='line-height:125%'>" + "<br>".join(rows) + "</div>")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


from gui.views.steptable import StepTable  # noqa: E402  (re-exported: one import for all)

__all__ = ["TrajectoryCursor", "StepControls", "StepPanel", "StepTable"]
