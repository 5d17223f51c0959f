"""Hostile files (issue 9): a crafted autosave or session file never blocks start-up.

The window is started the way main.py starts it: shown, then after the first paint
the autosave is restored and the visible lab is built. The autosave holds functions
that used to hang the parser or the Chain Rule Lab (sympy's exact powers, exact
evaluation of exp(exp(exp(50)))), or is not a file at all (a FIFO, /dev/zero).

Work, not seconds: start-up runs under the exact power meter of the core tests,
which refuses (instead of starting) any exact power beyond the parser's bound, so
with a bound of core/ removed these tests fail at once instead of hanging. The
hang guard only ends the run, with every thread's traceback, if something else
ever hangs; nothing here measures time.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from gui.shell.main_window import MainWindow, autosave_path
from tests.core.work_meter import exact_power_meter, hang_guard

CHAPTER = "(x+y-3)^2+(x+2y-5)^2+2"

# the functions of the issue that used to hang (or take seconds)
NO_VARIABLE = ["12^-99^-99", "4.4466792376498525e-27^4.4466792376498525e-27"]
WITH_VARIABLE = ["x + 2.5e-10^3.7e-10", "(|(asin(x))¹⁰⁰|)", "x + 12^(-1/999999)",
                 "x^2 + y^2 + 12^-99^-99"]


def _doc(labs: dict, tab: str = "descent") -> str:
    return json.dumps({"format": "gradlab-session", "version": 1,
                       "app": {"tab": tab, "modified": True}, "labs": labs},
                      ensure_ascii=False)


def _write_autosave(content: str) -> Path:
    path = autosave_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def _start(qtbot) -> tuple[MainWindow, bool]:
    """Start as main.py does; the start-up must stay within the work bounds."""
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    with hang_guard(), exact_power_meter() as unbounded:
        restored = w.restore_autosave()  # main.py: after the first paint
        w.build_current_lab()
        qtbot.wait(50)  # the lab's first timers (debounce, plots) run here too
    assert not unbounded, unbounded
    return w, restored


def _assert_responsive(qtbot, w: MainWindow) -> None:
    """An event round-trip, the visible lab painted, and the window still usable."""
    ticked = []
    QTimer.singleShot(0, lambda: ticked.append(True))
    qtbot.waitUntil(lambda: bool(ticked))
    lab = w.labs.built[w.current_lab_name()]
    qtbot.waitUntil(lab.isVisible)
    assert type(lab).__name__ != "QLabel"  # the lab itself, not "Loading…"
    assert w.grab().width() > 0


def _stop(w: MainWindow) -> None:
    for lab in w.labs.built.values():
        for owner in (getattr(lab, "traj_cursor", None), getattr(lab, "tcursor", None)):
            if owner is not None:
                owner.pause()
        basin = getattr(lab, "basin", None)
        if basin is not None:
            basin.timer.stop()
    w.session.undo_stack.blockSignals(True)


# ------------------------------------------------------------------- autosave
@pytest.mark.parametrize("text", NO_VARIABLE)
def test_autosave_with_a_hanging_constant_starts_with_the_defaults(qtbot, settings_tmp, text):
    """No variable: the descent lab refuses the file whole (defaults and a message)."""
    path = _write_autosave(_doc({"descent": {"function": text}}))
    w, restored = _start(qtbot)
    try:
        assert restored is False
        d = w.labs["descent"]
        assert d.function_text().replace(" ", "") == CHAPTER
        message = w.statusBar().currentMessage()
        assert "could not be restored" in message
        kept = sorted(path.parent.glob("autosave-broken-*.gradlab"))
        assert len(kept) == 1 and kept[0].name in message
        assert json.loads(kept[0].read_text(encoding="utf-8"))["labs"]["descent"] == \
            {"function": text}
        _assert_responsive(qtbot, w)
        assert d.set_function_text("x^2 + y^2")
    finally:
        _stop(w)


@pytest.mark.parametrize("text", WITH_VARIABLE)
def test_autosave_with_a_formerly_hanging_function_is_restored(qtbot, settings_tmp, text):
    """With a variable: the function is restored and shown, without an error."""
    _write_autosave(_doc({"descent": {"function": text}}))
    w, restored = _start(qtbot)
    try:
        assert restored is True
        d = w.labs["descent"]
        assert w.current_lab_name() == "descent"
        assert d.function_text() == text
        assert d.error_text() == ""
        assert len(d.variables()) >= 1 and len(d.partial_texts()) == len(d.variables())
        assert "Restored" in w.statusBar().currentMessage()
        _assert_responsive(qtbot, w)
        assert d.trajectory(d.state["selected"][0]) is not None
        assert d.set_function_text("x^2 + y^2")
    finally:
        _stop(w)


CHAIN_STATES = [
    # chapter 1.2 and 1.3 at x = 50: exp(exp(exp(50))) is beyond any float; its
    # exact evaluation took minutes
    {"section": "single", "single": {"f": "sin(u)", "g": "exp(exp(exp(x)))", "x": 50.0}},
    {"section": "multi", "multi": {"f": "sin(u) v", "u": "exp(exp(exp(x)))", "v": "x y",
                                   "x": 50.0, "y": 1.0}},
    # substituting g into f built 2^999997 or 2^(10^11)
    {"section": "single", "single": {"f": "u^(-1/999999)", "g": "12"}},
    {"section": "single", "single": {"f": "u^3.7e-10", "g": "2.5e-10"}},
    {"section": "multi", "multi": {"f": "u^(-1/999999) + v", "u": "12x", "v": "y"}},
]


@pytest.mark.parametrize("state", CHAIN_STATES,
                         ids=lambda s: f"{s['section']}:{json.dumps(s[s['section']])[:40]}")
def test_autosave_of_the_chain_lab_with_hanging_values_starts(qtbot, settings_tmp, state):
    _write_autosave(_doc({"chain": state}, tab="chain"))
    w, restored = _start(qtbot)
    try:
        assert restored is True
        assert w.current_lab_name() == "chain"
        lab = w.labs["chain"]
        saved = lab.get_state()
        assert saved["section"] == state["section"]
        section = state["section"]
        for key, value in state[section].items():
            assert saved[section][key] == value, key
        _assert_responsive(qtbot, w)
        assert lab.sections[section].isVisible()
    finally:
        _stop(w)


def test_a_fifo_as_the_autosave_does_not_block_start_up(qtbot, settings_tmp):
    path = autosave_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)  # reading it would wait for a writer forever
    w, restored = _start(qtbot)
    try:
        assert restored is False
        assert w.labs["descent"].function_text().replace(" ", "") == CHAPTER
        message = w.statusBar().currentMessage()
        assert "could not be restored" in message and "not a regular file" in message
        assert not path.exists()  # moved aside: the next start does not ask again
        _assert_responsive(qtbot, w)
    finally:
        _stop(w)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_dev_zero_as_the_autosave_does_not_block_start_up(qtbot, settings_tmp):
    path = autosave_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to("/dev/zero")  # endless zeros: reading it all never ends
    w, restored = _start(qtbot)
    try:
        assert restored is False
        message = w.statusBar().currentMessage()
        assert "could not be restored" in message and "not a regular file" in message
        assert os.path.exists("/dev/zero")  # the link was moved aside, not the device
        _assert_responsive(qtbot, w)
    finally:
        _stop(w)


# ------------------------------------------------------------ File → Open
@pytest.fixture
def warnings_shown(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a, **k: shown.append(text)))
    return shown


def _special_files(tmp_path: Path) -> list[str]:
    fifo = tmp_path / "pipe.gradlab"
    os.mkfifo(fifo)
    out = [str(fifo)]
    if os.path.exists("/dev/zero"):
        out.append("/dev/zero")
    return out


def test_opening_a_fifo_or_dev_zero_is_refused_with_a_message(win, qtbot, tmp_path,
                                                              warnings_shown):
    d = win.labs["descent"]
    d.set_function_text("x^2 + 3y^2")
    before = win.session.state()
    for path in _special_files(tmp_path):
        warnings_shown.clear()
        with hang_guard():
            assert win.open_session(path) is False
        assert len(warnings_shown) == 1, path
        assert "not a regular file" in warnings_shown[0], warnings_shown[0]
        assert path in warnings_shown[0] and "Nothing was changed" in warnings_shown[0]
        assert win.session.state() == before
        assert win.file_path is None
    _assert_responsive(qtbot, win)


@pytest.mark.parametrize("text", NO_VARIABLE + WITH_VARIABLE)
def test_opening_a_session_with_a_formerly_hanging_function(win, qtbot, tmp_path,
                                                            warnings_shown, text):
    path = tmp_path / "crafted.gradlab"
    path.write_text(_doc({"descent": {"function": text}}), encoding="utf-8")
    d = win.labs["descent"]
    with hang_guard(), exact_power_meter() as unbounded:
        opened = win.open_session(str(path))
    assert not unbounded, unbounded
    if text in NO_VARIABLE:
        assert opened is False and len(warnings_shown) == 1
        assert "Nothing was changed" in warnings_shown[0]
        assert d.function_text().replace(" ", "") == CHAPTER
    else:
        assert opened is True and not warnings_shown
        assert d.function_text() == text and d.error_text() == ""
    _assert_responsive(qtbot, win)
