"""Robustness: thousands of seeded random user actions across every lab.

The window is built the way main.py builds it: the labs are created lazily, after
the first paint (``MainWindow.build_current_lab``), so the test first shows and
builds every lab and checks that it did. Then, for each seed, random actions:
typing random text (extreme numbers such as ±1e308, 1.7e308, 1e16, -0, nan, inf,
1e-320, long digit strings, unicode junk, empty, function texts) into every line
edit, spin box and table cell, clicking buttons and check boxes, choosing combo
entries, switching tabs and sections, dragging sliders, key presses, clicks and
drags on the plots, undo/redo on the session's stack, lessons, language changes.

Before the random actions, a deterministic sweep types each extreme number (±1e308,
±1.7e308, ±1e16, NaN, -inf) into every line edit, spin box and table cell of every
screen of every lab (each tab and section), so that no field is left to chance.

No exception may reach ``sys.excepthook`` (a recorder is installed; pytest-qt also
fails the test on exceptions raised inside Qt slots and virtual methods) and the
window must still respond at the end. Modal dialogs are replaced by stubs that
return at once (a monkey cannot answer a file dialog); popup menus are closed.

``GRADLAB_MONKEY_ACTIONS`` sets the actions per seed (default 5000, the CI value);
``GRADLAB_MONKEY_SEEDS`` a comma-separated list of seeds (default: three).
"""
from __future__ import annotations

import os
import random
import sys

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from gui.labs.registry import NAMES
from gui.shell import app as gapp
from gui.shell.lessons import LESSONS
from gui.shell.main_window import MainWindow

N_ACTIONS = int(os.environ.get("GRADLAB_MONKEY_ACTIONS", "5000"))
SEEDS = [int(s) for s in os.environ.get("GRADLAB_MONKEY_SEEDS", "20261129,7,1234").split(",")]

NUMBERS = ["1e308", "-1e308", "1.7e308", "-1.7e308", "1e16", "-1e16", "1e300", "-1e300",
           "-0", "-0.0", "0", "nan", "NaN", "inf", "-inf", "1e-320", "5e-324", "-1e-320",
           "1e999", "99999999999999999999999", "1" * 60, "0." + "0" * 40 + "1",
           "3.14159", "0.5", "200", "-5", "1e-9", "2", "1", "1e6", "100000", "−3", "1,5",
           "0x10", "1_000", "+7", ".5", "5.", "1e", "e5", "--1", "١٢٣"]
JUNK = ["", " ", "  ", "\t", "abc", "😀", "中文", "Ω≈ç√", "]]]", "((", ",", ";", "x = 3",
        "\u200b", "\x00", "'", '"', "\\", "%s", "{0}", "<b>bold</b>", "&amp;", "a" * 300]
FUNCTIONS = ["x^2+y^2", "sin(x)*cos(y)", "x^", "1/0", "log(-x)", "x y z w", "exp(exp(exp(x)))",
             "sqrt(x)+sqrt(-y)", "(x + y - 3)^2 + (x + 2y - 5)^2 + 2", "relu(x) - relu(y)",
             "x^4 - 3x^2 + y^2", "1e16", "1e99", "1e16 + 0*x", "x*1e99", "x/y", "abs(x)+abs(y)",
             "sigmoid(x)", "tanh(x*y)", "x", "y", "x^2", "2*x+1", "exp(x)", "x^200", "x**(10**10)",
             "factorial(10**9)", "1e-99*x", "(x-1)^2+100(y-x^2)^2", "x+y+z", "a*b"]
TEXTS = NUMBERS + JUNK + FUNCTIONS
# typed into every field by the sweep
EXTREMES = ["1e308", "-1e308", "1.7e308", "-1.7e308", "1e16", "-1e16", "NaN", "-inf"]
KEYS = [Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Space, Qt.Key.Key_Delete,
        Qt.Key.Key_Return, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Escape,
        Qt.Key.Key_Tab, Qt.Key.Key_Backspace, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
        Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_P, Qt.Key.Key_Plus, Qt.Key.Key_Minus]
# (cumulative probability, action): cheap actions often, expensive ones rarely
ACTIONS = ((0.02, "lab"), (0.05, "inner_tab"), (0.055, "language"), (0.06, "lesson"),
           (0.062, "theme"), (0.11, "undo"), (0.33, "type"), (0.38, "spin"), (0.44, "cell"),
           (0.57, "button"), (0.62, "check"), (0.68, "slider"), (0.73, "combo"), (0.80, "key"),
           (1.0, "plot"))
PLOT_TYPES = ("PlotWidget", "ContourView", "DataPlotWidget", "GraphicsView",
              "GraphicsLayoutWidget", "OffscreenGLView", "GraphView")


@pytest.fixture
def no_modal_dialogs(monkeypatch):
    for name in ("getOpenFileName", "getSaveFileName", "getOpenFileNames"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))
    for name in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name,
                            staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *a, **k: None))
    for name in ("getText", "getInt", "getDouble", "getItem"):
        monkeypatch.setattr(QInputDialog, name, staticmethod(lambda *a, **k: (None, False)))
    monkeypatch.setattr(QDialog, "exec", lambda self: 0)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    monkeypatch.setattr(QMenu, "exec", lambda self, *a, **k: None)


def _alive(w) -> bool:
    return w is not None and shiboken6.isValid(w) and w.isVisible() and w.isEnabled()


class Monkey:
    """Random actions on the current lab of ``window``; widget lists are cached per
    screen and refreshed every few actions (finding children is the slow part)."""

    def __init__(self, window: MainWindow, rng: random.Random):
        self.w = window
        self.rng = rng
        self.stack = window.session.undo_stack
        self._cache: dict[type, list] = {}
        self._cache_key = None
        self._age = 0
        self.counts: dict[str, int] = {}

    # widgets of the current screen ---------------------------------------------------
    def widgets(self, cls) -> list:
        tab = self.w.tabs.currentWidget()
        key = (id(tab), self._screen_key(tab))
        if key != self._cache_key or self._age > 40:
            self._cache, self._cache_key, self._age = {}, key, 0
        if cls not in self._cache:
            self._cache[cls] = tab.findChildren(cls)
        return [x for x in self._cache[cls] if _alive(x)]

    def _screen_key(self, tab) -> tuple:
        keys = []
        for t in self._cache.get(QTabWidget, []):
            if shiboken6.isValid(t):
                keys.append(t.currentIndex())
        for n in self._cache.get(QListWidget, []):
            if shiboken6.isValid(n):
                keys.append(n.currentRow())
        return tuple(keys)

    def text(self) -> str:
        r = self.rng.random()
        if r < 0.08:  # a number with junk around it
            return self.rng.choice(NUMBERS) + self.rng.choice(["", " ", "x", "e", "0"])
        return self.rng.choice(TEXTS)

    # actions ---------------------------------------------------------------------------
    def act(self) -> None:
        self._age += 1
        r = self.rng.random()
        name = next(n for limit, n in ACTIONS if r < limit)
        self.counts[name] = self.counts.get(name, 0) + 1
        getattr(self, "do_" + name)()
        self._close_popups()

    def do_lab(self) -> None:
        self.w.show_lab(self.rng.choice(NAMES))

    def do_inner_tab(self) -> None:
        tabs = [t for t in self.widgets(QTabWidget) if t.count()]
        navs = [n for n in self.widgets(QListWidget) if n.count()]
        if tabs and (not navs or self.rng.random() < 0.5):
            t = self.rng.choice(tabs)
            t.setCurrentIndex(self.rng.randrange(t.count()))
        elif navs:
            n = self.rng.choice(navs)
            n.setCurrentRow(self.rng.randrange(n.count()))

    def do_language(self) -> None:
        self.w.set_language(self.rng.choice(["en", "zh_CN"]))

    def do_lesson(self) -> None:
        self.w.apply_lesson(self.rng.choice(LESSONS).id)

    def do_theme(self) -> None:
        self.w.set_theme(self.rng.choice(["light", "dark"]))

    def do_undo(self) -> None:
        for _ in range(self.rng.choice([1, 1, 1, 3, 10])):
            (self.stack.undo if self.rng.random() < 0.6 else self.stack.redo)()

    def _type_into(self, e: QLineEdit, text: str) -> None:
        e.setFocus()
        e.selectAll()
        if text.isascii() and text.isprintable() and len(text) < 40 \
                and self.rng.random() < 0.7:
            QTest.keyClicks(e, text)
        else:  # QTest only synthesises ASCII keys; paste the rest
            e.insert(text)
        if self.rng.random() < 0.75:
            QTest.keyClick(e, Qt.Key.Key_Return)
        elif _alive(e):
            e.editingFinished.emit()  # as when the field loses the focus

    def do_type(self) -> None:
        edits = [e for e in self.widgets(QLineEdit)
                 if not e.isReadOnly() and not isinstance(e.parent(), QAbstractSpinBox)]
        if edits:
            self._type_into(self.rng.choice(edits), self.text())

    def do_spin(self) -> None:
        spins = self.widgets(QAbstractSpinBox)
        if not spins:
            return
        sp = self.rng.choice(spins)
        if self.rng.random() < 0.5:
            sp.stepBy(self.rng.choice([-100, -10, -1, 1, 3, 10, 100]))
        else:
            self._type_into(sp.lineEdit(), self.text())
            if _alive(sp):
                sp.editingFinished.emit()

    def do_cell(self) -> None:
        views = [v for v in self.widgets(QTableView) if v.model() is not None
                 and v.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers]
        if not views:
            return
        v = self.rng.choice(views)
        m = v.model()
        if not m.rowCount() or not m.columnCount():
            return
        row = self.rng.choice([0, m.rowCount() - 1, self.rng.randrange(m.rowCount())])
        index = m.index(row, self.rng.randrange(m.columnCount()))
        v.setFocus()
        v.setCurrentIndex(index)
        if not m.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return
        if v.state() != QAbstractItemView.State.EditingState:
            v.edit(index)
        editors = [e for e in v.viewport().findChildren(QLineEdit) if _alive(e)]
        if not editors:
            return
        e = editors[0]
        e.selectAll()
        text = self.text()
        if text.isascii() and text.isprintable() and len(text) < 40:
            QTest.keyClicks(e, text)
        else:
            e.insert(text)
        if _alive(e):  # commit (Return, Tab) or cancel (Escape)
            QTest.keyClick(e, self.rng.choice([Qt.Key.Key_Return, Qt.Key.Key_Return,
                                               Qt.Key.Key_Tab, Qt.Key.Key_Escape]))

    def do_button(self) -> None:
        buttons = [b for b in self.widgets(QAbstractButton) if not isinstance(b, QCheckBox)]
        if buttons:
            self.rng.choice(buttons).click()

    def do_check(self) -> None:
        boxes = self.widgets(QCheckBox)
        if boxes:
            self.rng.choice(boxes).click()

    def do_slider(self) -> None:
        sliders = self.widgets(QAbstractSlider)
        if not sliders:
            return
        s = self.rng.choice(sliders)
        lo, hi = s.minimum(), s.maximum()
        if self.rng.random() < 0.5:
            s.setValue(self.rng.randint(lo, hi))
            return
        s.setSliderDown(True)  # a drag: pressed, several moves, released
        for _ in range(self.rng.randint(2, 6)):
            if not _alive(s):
                return
            s.setValue(self.rng.randint(lo, hi))
        if _alive(s):
            s.setSliderDown(False)

    def do_combo(self) -> None:
        combos = [c for c in self.widgets(QComboBox) if c.count()]
        if combos:
            c = self.rng.choice(combos)
            i = self.rng.randrange(c.count())
            c.setCurrentIndex(i)
            if _alive(c):
                c.activated.emit(i)  # what a user's choice also emits

    def do_key(self) -> None:
        targets = [t for t in self.widgets(QWidget)
                   if not isinstance(t, (QTextEdit, QPlainTextEdit, QMenu))]
        target = self.rng.choice(targets) if targets else self.w.tabs.currentWidget()
        mod = self.rng.choice([Qt.KeyboardModifier.NoModifier] * 4
                              + [Qt.KeyboardModifier.ShiftModifier])
        QTest.keyClick(target, self.rng.choice(KEYS), mod)

    def do_plot(self) -> None:
        views = [v for v in self.widgets(QWidget)
                 if any(c.__name__ in PLOT_TYPES for c in type(v).__mro__)]
        if not views:
            return
        v = self.rng.choice(views)
        vp = v.viewport() if hasattr(v, "viewport") else v
        W, H = max(1, vp.width()), max(1, vp.height())

        def pt() -> QPoint:
            return QPoint(self.rng.randrange(W), self.rng.randrange(H))

        p0, p1 = pt(), pt()
        r = self.rng.random()
        if r < 0.4:
            button = self.rng.choice([Qt.MouseButton.LeftButton] * 3
                                     + [Qt.MouseButton.RightButton])
            QTest.mouseClick(vp, button, Qt.KeyboardModifier.NoModifier, p0)
        elif r < 0.5:
            QTest.mouseDClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p0)
        else:
            QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p0)
            for k in range(1, 4):
                if not _alive(vp):
                    return
                QTest.mouseMove(vp, QPoint(p0.x() + (p1.x() - p0.x()) * k // 3,
                                           p0.y() + (p1.y() - p0.y()) * k // 3))
            if _alive(vp):
                QTest.mouseRelease(vp, Qt.MouseButton.LeftButton,
                                   Qt.KeyboardModifier.NoModifier, p1)

    def _close_popups(self) -> None:
        popup = QApplication.activePopupWidget()
        while popup is not None:
            popup.close()
            nxt = QApplication.activePopupWidget()
            if nxt is popup:
                break
            popup = nxt


def build_every_lab(qtbot, w: MainWindow) -> None:
    """Like main.py after the first paint, for every tab: each lab is built (not
    the "not available" label) and shown in its tab."""
    assert not w.labs.built  # built lazily: nothing before the first paint
    for name in NAMES:
        w.show_lab(name)
        w.build_current_lab()
        lab = w.labs.built.get(name)
        assert lab is not None and type(lab).__name__ != "QLabel", f"lab {name} was not built"
        qtbot.waitUntil(lab.isVisible)
    assert set(w.labs.built) == set(NAMES)


def _screens(lab: QWidget):
    """Show each screen of ``lab`` in turn, yielding a name for each: the one shown,
    then every page of its tab widgets and every row of its section lists."""
    yield "shown"
    for t in lab.findChildren(QTabWidget):
        for i in range(t.count()):
            if shiboken6.isValid(t):
                t.setCurrentIndex(i)
                yield f"{t.objectName() or type(t).__name__}[{i}]"
    for n in lab.findChildren(QListWidget):
        for i in range(n.count()):
            if shiboken6.isValid(n):
                n.setCurrentRow(i)
                yield f"{n.objectName() or type(n).__name__}[{i}]"


def _type_text(e: QLineEdit, text: str) -> None:
    e.setFocus()
    e.selectAll()
    QTest.keyClicks(e, text)
    if _alive(e):
        QTest.keyClick(e, Qt.Key.Key_Return)
    if _alive(e):
        e.editingFinished.emit()  # as when the field loses the focus


def _fields(lab: QWidget) -> list[tuple[str, QWidget]]:
    """The fields of the screen shown: line edits, spin boxes, editable table views."""
    out: list[tuple[str, QWidget]] = []
    for e in lab.findChildren(QLineEdit):
        if _alive(e) and not e.isReadOnly() and not isinstance(e.parent(), QAbstractSpinBox) \
                and not isinstance(e.parent(), QAbstractItemView) \
                and not isinstance(e.parent().parent(), QAbstractItemView):
            out.append(("edit", e))
    out += [("spin", sp) for sp in lab.findChildren(QAbstractSpinBox)
            if _alive(sp) and not sp.isReadOnly()]
    out += [("table", v) for v in lab.findChildren(QTableView)
            if _alive(v) and v.model() is not None
            and v.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers]
    return out


def _type_into_cells(v: QTableView, text: str) -> int:
    """Type ``text`` into every editable cell of the first and the last row."""
    m, typed = v.model(), 0
    rows = sorted({0, m.rowCount() - 1}) if m.rowCount() else []
    for row in rows:
        for col in range(m.columnCount()):
            if not _alive(v) or row >= m.rowCount():
                return typed
            index = m.index(row, col)
            if not m.flags(index) & Qt.ItemFlag.ItemIsEditable:
                continue
            v.setFocus()
            v.setCurrentIndex(index)
            v.edit(index)
            editors = [e for e in v.viewport().findChildren(QLineEdit) if _alive(e)]
            if editors:
                editors[0].selectAll()
                QTest.keyClicks(editors[0], text)
                if _alive(editors[0]):
                    QTest.keyClick(editors[0], Qt.Key.Key_Return)
                typed += 1
            QApplication.processEvents()
    return typed


def type_extremes_everywhere(qtbot, w: MainWindow, hook_calls: list) -> dict[str, int]:
    """Each value of EXTREMES into every field of every screen of every lab; returns
    the number of fields typed into per lab."""
    typed: dict[str, int] = {}
    for name in NAMES:
        w.show_lab(name)
        lab = w.labs.built[name]
        qtbot.waitUntil(lab.isVisible)
        done: set[int] = set()
        typed[name] = 0
        for screen in _screens(lab):  # lazily: each screen is shown while it is swept
            QApplication.processEvents()
            for kind, field in _fields(lab):
                if id(field) in done:
                    continue
                done.add(id(field))
                for text in EXTREMES:
                    if not _alive(field):
                        break
                    if kind == "table":
                        _type_into_cells(field, text)
                    elif kind == "spin":
                        _type_text(field.lineEdit(), text)
                        if _alive(field):
                            field.editingFinished.emit()
                    else:
                        _type_text(field, text)
                    QApplication.processEvents()
                    assert not hook_calls, (name, screen, kind, text, hook_calls[0][1])
                typed[name] += 1
            qtbot.wait(20)  # debounced work (function edits, plots) runs here
            assert not hook_calls, (name, screen, hook_calls[0][1])
    return typed


@pytest.fixture
def hook_calls():
    """Every exception that reaches ``sys.excepthook`` (an exception raised in a Qt
    slot or virtual method goes there); pytest-qt's own hook still sees it."""
    calls: list = []
    old_hook = sys.excepthook

    def recorder(*exc):
        calls.append(exc)
        old_hook(*exc)

    sys.excepthook = recorder
    yield calls
    sys.excepthook = old_hook


@pytest.mark.slow
@pytest.mark.parametrize("seed", SEEDS)
def test_monkey_random_actions(qtbot, settings_tmp, no_modal_dialogs, hook_calls, seed):
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    monkey = Monkey(w, random.Random(seed))
    try:
        build_every_lab(qtbot, w)
        if seed == SEEDS[0]:  # deterministic: once per run is enough
            typed = type_extremes_everywhere(qtbot, w, hook_calls)
            assert all(typed[name] > 0 for name in NAMES), typed
            print(f"extreme numbers typed into {typed} fields")
        for i in range(N_ACTIONS):
            monkey.act()
            if i % 10 == 0:
                QApplication.processEvents()
            if i % 250 == 0:
                qtbot.wait(20)  # let timers (debounce, play, chunks, autosave) fire
            assert not hook_calls, (i, hook_calls[0][1])
        # still responsive: an event round-trip, a repaint, relabelling, every lab
        qtbot.wait(200)
        w.set_language("en")
        assert w.file_path is None and w.windowTitle() == "GradLab 梯度实验室"
        for name in NAMES:
            w.show_lab(name)
            qtbot.wait(20)
            assert w.labs.built[name].isVisible()
            assert w.grab().width() > 0
        descent = w.labs.built["descent"]
        assert descent.set_function_text("x^2 + y^2")
        assert descent.trajectory(descent.state["selected"][0]) is not None
    finally:
        gapp.set_language("en")
        w.set_theme("light")
        for lab in w.labs.built.values():
            for timer_owner in (getattr(lab, "traj_cursor", None), getattr(lab, "tcursor", None)):
                if timer_owner is not None:
                    timer_owner.pause()
        w.session.undo_stack.blockSignals(True)
    assert not hook_calls, hook_calls[:3]
    print(f"seed {seed}: {N_ACTIONS} actions {dict(sorted(monkey.counts.items()))}")
