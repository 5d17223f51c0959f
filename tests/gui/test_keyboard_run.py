"""The Run menu (→ Step, ← Step back, Space/P Play/Pause, End Run to end, Home
Reset) acts on the current lab wherever the focus is, except where the focus
widget uses the key itself (text fields, spin boxes, lists; Space on a button).
A whole descent run is done here with key presses alone."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from gui.labs.registry import NAMES


@pytest.fixture
def active_win(win, qtbot):
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.build_current_lab()
    return win


def _key(qtbot, key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key)


def test_run_menu_lists_the_commands_with_their_keys(active_win):
    w = active_win
    keys = {"step": ["Right"], "back": ["Left"], "play": ["Space", "P"],
            "end": ["End"], "reset": ["Home"]}
    for name, seqs in keys.items():
        act = w.run_actions[name]
        assert act in w.run_menu.actions() and act.text()
        assert act.shortcuts() == [QKeySequence(s) for s in seqs]
        assert act.isEnabled()  # the descent lab offers all five


def test_a_whole_descent_run_with_key_presses_alone(active_win, qtbot):
    w = active_win
    lab = w.labs["descent"]
    # type the chapter's function into the editor: the keys edit the text
    lab.editor.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is lab.editor)
    lab.editor.selectAll()
    qtbot.keyClick(lab.editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(lab.editor, "(x + y - 3)^2 + (x + 2y - 5)^2 + 2")
    qtbot.wait(lab.DEBOUNCE_MS + 150)
    assert lab.function_text() == "(x + y - 3)^2 + (x + 2y - 5)^2 + 2"
    lab.editor.setCursorPosition(3)
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Home, Qt.Key.Key_End,
                Qt.Key.Key_P, Qt.Key.Key_Space):
        assert lab.current_index() == 0
        if key in (Qt.Key.Key_P, Qt.Key.Key_Space):
            continue  # would type into f
        _key(qtbot, key)
    assert lab.editor.cursorPosition() == len(lab.editor.text())
    assert lab.current_index() == 0
    # Tab to the Step button (it takes focus), then step with the keys
    step_button = lab.controls.step_button
    for _ in range(80):
        if QApplication.focusWidget() is step_button:
            break
        _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is step_button
    _key(qtbot, Qt.Key.Key_Right)
    _key(qtbot, Qt.Key.Key_Right)
    assert lab.current_index() == 2
    _key(qtbot, Qt.Key.Key_Left)
    assert lab.current_index() == 1
    _key(qtbot, Qt.Key.Key_Space)  # Space presses the focused Step button
    assert lab.current_index() == 2
    _key(qtbot, Qt.Key.Key_P)
    assert lab.controls.play_button.isChecked()
    _key(qtbot, Qt.Key.Key_P)
    assert not lab.controls.play_button.isChecked()
    _key(qtbot, Qt.Key.Key_End)
    run = lab.trajectory("gd")
    assert lab.current_index() == run.n_steps > 10
    # the chapter's minimum: x + y = 3 and x + 2y = 5 give (1, 2), f = 2
    np.testing.assert_allclose(run.points[-1], [1.0, 2.0], atol=1e-4)
    assert run.values[-1] == pytest.approx(2.0, abs=1e-8)
    _key(qtbot, Qt.Key.Key_Home)
    assert lab.current_index() == 0


def test_spin_boxes_and_lists_keep_their_keys(active_win, qtbot):
    lab = active_win.labs["descent"]
    spin = lab.max_spin
    spin.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    value = spin.value()
    _key(qtbot, Qt.Key.Key_Up)
    assert spin.value() == value + spin.singleStep()
    _key(qtbot, Qt.Key.Key_Right)
    _key(qtbot, Qt.Key.Key_End)
    assert lab.current_index() == 0


def test_chain_backprop_step_through_from_the_keyboard(active_win, qtbot):
    w = active_win
    qtbot.keyClick(QApplication.focusWidget() or w, Qt.Key(Qt.Key.Key_1 + NAMES.index("chain")),
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "chain" in w.labs.built)
    lab = w.labs["chain"]
    lab.show_section("single")
    w.update_run_actions()
    assert not w.run_actions["step"].isEnabled()  # nothing to step through here
    lab.nav.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is lab.nav)
    _key(qtbot, Qt.Key.Key_End)  # the list moves to its last row: the neuron
    assert lab.current_section() == "neuron"
    assert w.run_actions["step"].isEnabled()
    neuron = lab.sections["neuron"]
    neuron.btn_all.setFocus()  # the buttons take focus; the Run keys act from there
    qtbot.waitUntil(lambda: QApplication.focusWidget() is neuron.btn_all)
    _key(qtbot, Qt.Key.Key_Right)
    _key(qtbot, Qt.Key.Key_Right)
    assert neuron.bp_index == 2
    _key(qtbot, Qt.Key.Key_Left)
    assert neuron.bp_index == 1
    _key(qtbot, Qt.Key.Key_End)
    assert neuron.bp_index == len(neuron.steps()) > 3
    assert QApplication.focusWidget() is neuron.btn_all  # still enabled
    _key(qtbot, Qt.Key.Key_Home)
    assert neuron.bp_index == 0


def test_a_regression_with_key_presses_alone(active_win, qtbot):
    """Ctrl+2 to the Regression Lab, the empty data set chosen with the keys, four
    of the chapter's points typed into the table (Tab moves on; Enter in the last cell
    makes a row for the next point, Esc takes it back): the least-squares line is
    numpy.polyfit's."""
    w = active_win
    _key_ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(QApplication.focusWidget() or w, Qt.Key.Key_2, _key_ctrl)
    qtbot.waitUntil(lambda: w.current_lab_name() == "regression")
    w.build_current_lab()
    lab = w.labs["regression"]
    qtbot.waitUntil(lab.toolbar.dataset_combo.isVisible)
    w.tabs.tabBar().setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.tabs.tabBar())
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is lab.toolbar.dataset_combo
    _key(qtbot, Qt.Key.Key_End)  # the last entry: empty, place your own points
    qtbot.waitUntil(lambda: lab.results.n == 0)
    for _ in range(40):
        if QApplication.focusWidget() is lab.add_row_button:
            break
        _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is lab.add_row_button
    _key(qtbot, Qt.Key.Key_Space)  # a row; then into its x cell
    _key(qtbot, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is lab.table
    points = [(48, 165), (57, 165), (50, 157), (54, 170)]
    for i, (x, y) in enumerate(points):
        if i == 0:
            qtbot.keyClick(lab.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
            _key(qtbot, Qt.Key.Key_F2)  # edit the first cell
        qtbot.keyClicks(QApplication.focusWidget(), str(x))
        _key(qtbot, Qt.Key.Key_Tab)
        qtbot.keyClicks(QApplication.focusWidget(), str(y))
        _key(qtbot, Qt.Key.Key_Tab if i < len(points) - 1 else Qt.Key.Key_Return)
    # Enter in the last cell made a row for a fifth point; Esc takes it away again
    qtbot.waitUntil(lambda: lab.table_model.rowCount() == len(points) + 1)
    _key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: lab.table_model.rowCount() == len(points))
    assert lab.results.n == len(points)
    xs, ys = np.array(points, dtype=float).T
    np.testing.assert_allclose(lab.results.fit().coefficients, np.polyfit(xs, ys, 1),
                               rtol=1e-9)
