"""Robustness: thousands of seeded random user actions across every screen.

Typing (garbage included) into every text field, clicking buttons, moving
sliders and spin boxes, choosing combo entries, toggling check boxes, key
presses, drags on plots, undo/redo, tab and language switches. No exception
may reach ``sys.excepthook`` (pytest-qt also fails the test on exceptions raised
inside Qt slots and virtual methods) and the window must still respond.

Modal dialogs are replaced by stubs that return at once (a monkey cannot
answer a file dialog), which is the only thing taken out of the app.
"""
from __future__ import annotations

import os
import random
import sys

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractSlider, QAbstractSpinBox,
                               QApplication, QCheckBox, QComboBox, QDialog, QFileDialog,
                               QLineEdit, QMessageBox, QPlainTextEdit, QTabWidget, QTextEdit,
                               QWidget)
from PySide6.QtTest import QTest

from gui import app as gapp
from gui.main_window import MainWindow

N_ACTIONS = int(os.environ.get("GRADLAB_MONKEY_ACTIONS", "5000"))

GARBAGE = ["", "x^", "((", "x**(10**10**10)", "factorial(10**9)", "1/0", "log(-x)",
           "sin(x)*cos(y)", "x^2+y^2", "nan", "inf", "-1e308", "1e999", "abc", "😀", "中文",
           "x = 3", "]]]", "0", "-0.0", "3.14159", "x y z w", "exp(exp(exp(x)))", "  ",
           "sqrt(x)+sqrt(-y)", "99999999999999999999999", "0.5", "200", "-5", "1e-9",
           "(x + y - 3)^2 + (x + 2y - 5)^2 + 2", "relu(x) - relu(y)", ",", "\t"]
KEYS = [Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Space, Qt.Key.Key_Delete,
        Qt.Key.Key_Return, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Escape,
        Qt.Key.Key_Tab, Qt.Key.Key_Backspace, Qt.Key.Key_PageUp, Qt.Key.Key_Home]


@pytest.fixture
def no_modal_dialogs(monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    for name in ("warning", "information", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, name,
                            staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QDialog, "exec", lambda self: 0)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)


def _visible(widget: QWidget, cls) -> list:
    return [w for w in widget.findChildren(cls) if w.isVisible() and w.isEnabled()]


@pytest.mark.slow
def test_monkey_random_actions(qtbot, settings_tmp, no_modal_dialogs):
    hook_calls = []
    old_hook = sys.excepthook
    sys.excepthook = lambda *exc: hook_calls.append(exc)
    rng = random.Random(20261129)
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    stack = w.session.undo_stack
    try:
        for i in range(N_ACTIONS):
            tab = w.tabs.currentWidget()
            r = rng.random()
            if r < 0.03:
                w.tabs.setCurrentIndex(rng.randrange(w.tabs.count()))
            elif r < 0.04:
                w.set_language(rng.choice(["en", "zh_CN"]))
            elif r < 0.08:
                (stack.undo if rng.random() < 0.6 else stack.redo)()
            elif r < 0.30:
                edits = _visible(tab, QLineEdit)
                if edits:
                    e = rng.choice(edits)
                    if not e.isReadOnly():
                        e.selectAll()
                        text = rng.choice(GARBAGE)
                        if text.isascii():
                            QTest.keyClicks(e, text)
                        else:  # QTest only synthesises ASCII keys; paste the rest
                            e.insert(text)
                        if rng.random() < 0.5:
                            QTest.keyClick(e, Qt.Key.Key_Return)
            elif r < 0.48:
                buttons = [b for b in _visible(tab, QAbstractButton)
                           if not isinstance(b, QCheckBox)]
                if buttons:
                    rng.choice(buttons).click()
            elif r < 0.56:
                boxes = _visible(tab, QCheckBox)
                if boxes:
                    rng.choice(boxes).click()
            elif r < 0.64:
                sliders = _visible(tab, QAbstractSlider)
                if sliders:
                    s = rng.choice(sliders)
                    s.setValue(rng.randint(s.minimum(), s.maximum()))
            elif r < 0.70:
                spins = _visible(tab, QAbstractSpinBox)
                if spins:
                    sp = rng.choice(spins)
                    sp.stepBy(rng.choice([-10, -1, 1, 3, 10]))
            elif r < 0.76:
                combos = _visible(tab, QComboBox)
                if combos:
                    c = rng.choice(combos)
                    if c.count():
                        c.setCurrentIndex(rng.randrange(c.count()))
            elif r < 0.86:
                target = rng.choice(_visible(tab, QWidget) or [tab])
                if isinstance(target, (QTextEdit, QPlainTextEdit)):
                    continue
                QTest.keyClick(target, rng.choice(KEYS))
            else:
                views = [v for v in _visible(tab, QWidget)
                         if type(v).__name__ in ("PlotWidget", "ContourView", "GraphicsView",
                                                 "GraphicsLayoutWidget")
                         or type(v).__mro__[1].__name__ == "PlotWidget"]
                if views:
                    v = rng.choice(views)
                    vp = v.viewport() if hasattr(v, "viewport") else v
                    x0, y0 = rng.randrange(max(1, vp.width())), rng.randrange(max(1, vp.height()))
                    x1, y1 = rng.randrange(max(1, vp.width())), rng.randrange(max(1, vp.height()))
                    button = rng.choice([Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
                                         Qt.MouseButton.RightButton])
                    if rng.random() < 0.5:
                        QTest.mouseClick(vp, button, Qt.KeyboardModifier.NoModifier,
                                         QPoint(x0, y0))
                    else:
                        QTest.mousePress(vp, Qt.MouseButton.LeftButton,
                                         Qt.KeyboardModifier.NoModifier, QPoint(x0, y0))
                        QTest.mouseMove(vp, QPoint((x0 + x1) // 2, (y0 + y1) // 2))
                        QTest.mouseMove(vp, QPoint(x1, y1))
                        QTest.mouseRelease(vp, Qt.MouseButton.LeftButton,
                                           Qt.KeyboardModifier.NoModifier, QPoint(x1, y1))
            if i % 10 == 0:
                QApplication.processEvents()
            if i % 500 == 0:
                qtbot.wait(30)  # let timers (debounce, play, chunks) fire
        # still responsive: an event round-trip and a repaint work
        qtbot.wait(200)
        w.tabs.setCurrentIndex(0)
        w.set_language("en")
        assert w.windowTitle().startswith("GradLab") or "GradLab" in w.windowTitle()
        assert w.grab().width() > 0
    finally:
        sys.excepthook = old_hook
        gapp.set_language("en")
    assert not hook_calls, hook_calls[:3]
