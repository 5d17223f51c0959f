"""Fixtures shared by the GUI tests."""
from __future__ import annotations

import numpy as np
import pytest

# the chapter's example data (section 3.4): the Regression Lab opens with it
CH_X = np.array([48, 57, 50, 54, 64, 61, 43, 59], float)
CH_Y = np.array([165, 165, 157, 170, 175, 165, 155, 170], float)


@pytest.fixture
def make_descent_lab(qtbot, qapp, settings_tmp):
    """Build a shown DescentLab on its own Session; stops its timers afterwards."""
    from gui.labs.descent.lab import DescentLab
    from gui.shell.session import Session

    made = []

    def make(width: int = 1400, height: int = 900):
        session = Session()
        w = DescentLab(session)
        qtbot.addWidget(w)
        w.resize(width, height)
        w.show()
        qtbot.waitExposed(w)
        w._session_ref = session
        made.append((w, session))
        return w

    yield make
    for w, session in made:
        w.traj_cursor.pause()
        w.basin.timer.stop()
        session.undo_stack.blockSignals(True)


def type_function(qtbot, lab, text: str) -> None:
    """Type a function into the Descent Lab's editor and wait for the debounce."""
    lab.editor.clear()
    qtbot.keyClicks(lab.editor, text)
    qtbot.wait(lab.DEBOUNCE_MS + 150)


@pytest.fixture
def make_chain_lab(qtbot, qapp, settings_tmp):
    """Build a shown ChainLab on its own Session (``lab._session_ref``)."""
    from gui.labs.chain.lab import ChainLab
    from gui.shell.session import Session

    made = []

    def make(width: int = 1400, height: int = 860):
        session = Session()
        w = ChainLab(session)
        qtbot.addWidget(w)
        w.resize(width, height)
        w.show()
        qtbot.waitExposed(w)
        w._session_ref = session
        made.append(session)
        return w

    yield make
    for session in made:
        session.undo_stack.blockSignals(True)


_REGRESSION_SESSIONS: list = []  # kept alive to the end of the run (no teardown noise)


@pytest.fixture
def make_regression_lab(qtbot, qapp, settings_tmp):
    """Build a shown RegressionLab on its own Session (``lab.session_ref``);
    ``activate=True`` also makes it the active window (window shortcuts need it)."""
    from PySide6.QtWidgets import QApplication

    from gui.labs.regression.lab import RegressionLab
    from gui.shell.session import Session

    def make(width: int = 1300, height: int = 850, activate: bool = False):
        session = Session()
        _REGRESSION_SESSIONS.append(session)
        w = RegressionLab(session, None)
        w.session_ref = session
        qtbot.addWidget(w)
        w.resize(width, height)
        w.show()
        qtbot.waitExposed(w)
        if activate:
            w.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
        QApplication.processEvents()
        return w

    return make


@pytest.fixture
def win(qtbot, settings_tmp):
    """A shown MainWindow with its settings in this test's own folder."""
    from gui.shell.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture(autouse=True)
def unsaved_changes_answer(monkeypatch):
    """A window with unsaved work asks Save / Discard / Cancel before New, Open and
    Quit (a modal box would block the test run): tests answer "discard" unless they
    set ``answers.reply``; every question asked is recorded in ``answers.asked``."""
    from gui.shell.main_window import MainWindow

    class Answers:
        reply = "discard"
        asked: list[str] = []

    answers = Answers()
    answers.asked = []

    def ask(self, action):
        answers.asked.append(action)
        return answers.reply

    monkeypatch.setattr(MainWindow, "ask_save_changes", ask)
    return answers


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch):
    """A modal dialog nobody answers would hang the run: fail the test instead.
    Tests that expect a dialog patch it themselves (monkeypatch wins, it is later)."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    def refuse(*args, **kwargs):
        raise AssertionError(f"a modal dialog was opened in a test: {args[1:3]!r}")

    for name in ("warning", "information", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(refuse))
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(refuse))
    monkeypatch.setattr(QMessageBox, "exec", refuse)
    monkeypatch.setattr(QDialog, "exec", refuse)
