"""The keyboard: the stepper's keys (→ ← Space Home End P) drive a lab's run but
leave tables, text fields and spin boxes their own keys; Ctrl+digit switches labs.

Numbers are checked against numpy.polyfit and the chapter's values."""
from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit

from gui.labs.registry import NAMES
from tests.gui.conftest import CH_X, CH_Y


@pytest.fixture
def regression(make_regression_lab):
    # window shortcuts only fire in the active window
    return make_regression_lab(activate=True)


@pytest.fixture
def descent(make_descent_lab):
    return make_descent_lab(1100, 700)


# ----------------------------------------------------------------- regression lab
def test_arrow_home_end_keys_stay_in_the_points_table(regression, qtbot):
    """The stepper's keys used to be window shortcuts over the whole lab: in the
    points table → / ← / Home / End stepped the gradient descent instead of moving
    the table's current cell."""
    lab = regression
    lab.tabs.setCurrentIndex(0)
    table = lab.table
    table.setFocus()
    table.setCurrentIndex(lab.table_model.index(2, 0))
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert table.currentIndex().column() == 1 and table.currentIndex().row() == 2
    qtbot.keyClick(table, Qt.Key.Key_Left)
    assert table.currentIndex().column() == 0
    qtbot.keyClick(table, Qt.Key.Key_End)
    assert table.currentIndex().column() == 1
    qtbot.keyClick(table, Qt.Key.Key_Home)
    assert table.currentIndex().column() == 0
    assert lab.descent_parameters() is None  # no descent was started by these keys
    # while editing a cell, the keys move the text cursor and the edit is committed
    table.edit(lab.table_model.index(2, 1))
    editor = table.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, "158")
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    assert editor.cursorPosition() == 0
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    assert editor.cursorPosition() == 1
    qtbot.keyClick(editor, Qt.Key.Key_End)
    assert editor.cursorPosition() == 3
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lab.points()[1][2] == 158)  # the delegate commits queued
    x, y = lab.points()
    ref_y = CH_Y.copy()
    ref_y[2] = 158
    np.testing.assert_array_equal(y, ref_y)
    k_ref, b_ref = np.polyfit(CH_X, ref_y, 1)
    assert lab.fit().k == pytest.approx(k_ref, rel=1e-9)
    assert lab.descent_parameters() is None


def test_step_keys_still_drive_the_descent_from_the_lab(regression, qtbot):
    lab = regression
    lab.tabs.setCurrentIndex(3)
    lab.setFocus()
    qtbot.keyClick(lab, Qt.Key.Key_Right)
    assert lab.results.cursor == 1
    qtbot.keyClick(lab, Qt.Key.Key_Space)
    assert lab.results.cursor == 2
    qtbot.keyClick(lab, Qt.Key.Key_Left)
    assert lab.results.cursor == 1
    qtbot.keyClick(lab, Qt.Key.Key_End)
    n = lab.results.trajectory.n_steps
    assert lab.results.cursor == n > 2
    # the run reaches the least-squares line of numpy.polyfit
    k_ref, b_ref = np.polyfit(CH_X, CH_Y, 1)
    k, b = lab.descent_parameters()
    assert k == pytest.approx(k_ref, rel=1e-4) and b == pytest.approx(b_ref, rel=1e-4)
    qtbot.keyClick(lab, Qt.Key.Key_Home)
    assert lab.results.cursor == 0
    # a click on the loss plot gives the keys back to the lab
    vp = lab.loss_plot.viewport()
    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=vp.rect().center())
    qtbot.keyClick(QApplication.focusWidget() or lab, Qt.Key.Key_Right)
    assert lab.results.cursor == 1
    # a spin box keeps its arrows: → moves its text cursor and does not step the run
    run = lab.results.trajectory
    spin = lab.steps_spin
    spin.setFocus()
    line = spin.lineEdit()
    line.setCursorPosition(0)
    qtbot.keyClick(spin, Qt.Key.Key_Right)
    assert line.cursorPosition() == 1
    assert lab.results.trajectory is run and lab.results.cursor == 1
    # ... and ↑ changes its value
    value = spin.value()
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert spin.value() == value + spin.singleStep()


# ----------------------------------------------------------------- descent lab
def test_home_end_p_keys_drive_the_stepper_but_not_text_fields(qtbot, descent):
    lab = descent
    n = lab.traj_cursor.length - 1
    assert n > 2
    lab.setFocus()
    qtbot.keyClick(lab, Qt.Key.Key_End)
    assert lab.current_index() == n
    qtbot.keyClick(lab, Qt.Key.Key_Home)
    assert lab.current_index() == 0
    qtbot.keyClick(lab, Qt.Key.Key_P)
    assert lab.controls.play_button.isChecked()
    qtbot.keyClick(lab, Qt.Key.Key_P)
    assert not lab.controls.play_button.isChecked()
    # in the function editor the keys edit text; the run stays where it is
    lab.step(2)
    lab.editor.setFocus()
    lab.editor.setCursorPosition(3)
    qtbot.keyClick(lab.editor, Qt.Key.Key_Home)
    qtbot.keyClick(lab.editor, Qt.Key.Key_End)
    assert lab.editor.cursorPosition() == len(lab.editor.text())
    assert lab.current_index() == 2 and not lab.controls.play_button.isChecked()
    for w in (lab.controls.reset_button, lab.controls.run_button, lab.controls.play_button):
        assert re.search(r"\((Home|End|P)\)", w.toolTip())


# ----------------------------------------------------------------- main window
def test_ctrl_digit_switches_labs_from_the_view_menu(win):
    for i, name in enumerate(NAMES):
        act = win.lab_actions[name]
        assert act.shortcut() == QKeySequence(f"Ctrl+{i + 1}")
        assert act in win.view_menu.actions() and act.text() == win.tabs.tabText(i)
    win.lab_actions["regression"].trigger()
    assert win.tabs.currentIndex() == NAMES.index("regression")
    win.lab_actions["descent"].trigger()
    assert win.tabs.currentIndex() == NAMES.index("descent")


def _tab_walk(win, qtbot, presses: int) -> list:
    from PySide6.QtWidgets import QApplication

    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.tabs.tabBar().setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.tabs.tabBar())
    seen = [QApplication.focusWidget()]
    for _ in range(presses):
        qtbot.keyClick(seen[-1], Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is not None, seen[-1]
        seen.append(QApplication.focusWidget())
    return seen


@pytest.mark.parametrize("name", ["descent", "regression", "chain"])
def test_tab_goes_in_reading_order_round_the_window(win, qtbot, name):
    """Tab follows the layout (columns top to bottom, side by side left to right),
    reaches every control of the lab and comes back to the lab tabs: none keeps the
    focus.  Shift+Tab goes back the same way."""
    from gui.widgets.taborder import visual_chain

    win.resize(1280, 720)
    win.show_lab(name)
    win.build_current_lab()
    qtbot.wait(50)
    chain = visual_chain(win.tabs.currentWidget())
    assert len(chain) >= 8
    seen = _tab_walk(win, qtbot, len(chain) + 1)
    assert seen[1:-1] == chain  # every control once, in reading order
    assert seen[-1] is win.tabs.tabBar()  # and round again
    from PySide6.QtWidgets import QApplication

    qtbot.keyClick(seen[-1], Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is chain[-1]


def test_descent_tab_order_is_the_side_panel_then_the_run(win, qtbot):
    """Built on demand, the ranges and an optimizer's settings came last in Qt's
    creation order: now the side column is read top to bottom, then the run."""
    win.resize(1280, 720)
    win.build_current_lab()
    lab = win.labs["descent"]
    qtbot.wait(50)
    seen = _tab_walk(win, qtbot, 60)
    from gui.labs.descent.controls import OptimizerBox

    lr = lab.findChild(OptimizerBox).hyper_edits["lr"]
    x_from = lab.range_box.range_edits["x"][0]
    order = [seen.index(w) for w in (x_from, lab.eta_edit, lr, lab.controls.step_button)]
    assert order == sorted(order), order
