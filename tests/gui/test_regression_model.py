"""The Regression Lab's model wiring: every widget shows the model, whoever changes
it (an EditCommand pushed directly, undo, a saved state), and drags are one undo
entry.  Numbers are checked against numpy.polyfit."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from gui.labs.model import EditCommand
from tests.gui.conftest import CH_X, CH_Y


@pytest.fixture
def lab(make_regression_lab):
    return make_regression_lab()


def push(lab, change, text="test"):
    lab.session_ref.push(EditCommand(lab.model, change, text,
                                     report=lab.session_ref.status.emit))
    QApplication.processEvents()


def test_settings_pushed_on_the_model_show_in_every_widget_and_undo(lab):
    stack = lab.session_ref.undo_stack
    before = lab.get_state()
    push(lab, {"degree": 2, "my_line": [0.5, 140.0],
               "view": {"residuals": False, "squares": True, "my_line": False},
               "descent": {"optimizer": "adam", "lr": 0.25, "max_steps": 500,
                           "standardize": False}})
    assert lab.degree_spin.value() == 2
    assert "x²" in lab.equation_label.text()
    np.testing.assert_allclose(lab.fit().coefficients, np.polyfit(CH_X, CH_Y, 2), rtol=1e-9)
    assert lab.count_label.text() == "3 parameters, 8 points"
    assert (lab.k_slider.value(), lab.b_slider.value()) == (0.5, 140.0)
    assert not lab.residuals_check.isChecked() and lab.squares_check.isChecked()
    assert not lab.myline_check.isChecked() and not lab.my_curve.isVisible()
    assert lab.opt_combo.currentData() == "adam" and lab.lr_spin.value() == 0.25
    assert lab.steps_spin.value() == 500 and not lab.standardize_check.isChecked()
    assert lab.cost_stack.currentIndex() == 1  # no (k, b) surface for degree 2
    stack.undo()
    QApplication.processEvents()
    assert lab.get_state() == before
    assert lab.degree_spin.value() == 1 and "x²" not in lab.equation_label.text()
    assert lab.residuals_check.isChecked() and not lab.squares_check.isChecked()
    assert lab.myline_check.isChecked() and lab.my_curve.isVisible()
    assert lab.opt_combo.currentData() == "gd" and lab.lr_spin.value() == 0.05
    assert lab.steps_spin.value() == 2000 and lab.standardize_check.isChecked()
    assert lab.k_slider.value() == 0.0 and lab.b_slider.value() == pytest.approx(CH_Y.mean())
    assert lab.cost_stack.currentIndex() == 0


def test_points_pushed_on_the_model_show_in_plot_table_and_texts(lab):
    xs, ys = [1.0, 2.0, 3.0, 4.0], [2.0, 4.5, 5.5, 8.0]
    push(lab, {"x": xs, "y": ys, "dataset": None})
    np.testing.assert_array_equal(lab.scatter.getData()[0], xs)
    assert lab.table_model.rowCount() == 4
    assert lab.table_model.index(1, 1).data() == "4.5"
    assert lab.count_label.text() == "2 parameters, 4 points"
    k_ref = np.polyfit(xs, ys, 1)[0]
    assert f"{k_ref:.8g}" in lab.equation_label.text()
    assert "Your own data" in lab.source_label.text()
    (x0, x1), (y0, y1) = lab.viewbox.viewRange()  # framed around the new points
    assert x0 < 1 and 4 < x1 < 10 and y0 < 2 and 8 < y1 < 20
    lab.session_ref.undo_stack.undo()
    np.testing.assert_array_equal(lab.scatter.getData()[1], CH_Y)
    assert lab.table_model.rowCount() == 8
    assert "0.75141243" in lab.equation_label.text()


def test_a_refused_change_changes_nothing(lab):
    before = lab.get_state()
    messages = []
    lab.session_ref.status.connect(messages.append)
    push(lab, {"degree": 99})
    assert lab.get_state() == before and lab.degree_spin.value() == 1
    assert messages  # reported, not raised


def test_saved_state_round_trip_shows_in_the_widgets(lab, make_regression_lab):
    lab.set_points([1, 2, 3, 4], [2, 4, 5, 8])
    lab.set_degree(3)
    lab.run_descent(optimizer="momentum", lr=0.01)
    state = lab.get_state()
    other = make_regression_lab()
    other.set_state(state)
    assert other.get_state() == state
    assert other.degree_spin.value() == 3 and other.opt_combo.currentData() == "momentum"
    assert other.lr_spin.value() == 0.01
    np.testing.assert_array_equal(other.points()[0], [1, 2, 3, 4])


def test_my_line_slider_drag_is_one_undo_entry(lab):
    stack = lab.session_ref.undo_stack
    depth = stack.count()
    k0, b0 = lab.model.state.my_line
    slider = lab.k_slider.slider
    slider.setSliderDown(True)
    for pos in (600, 650, 700):
        slider.setValue(pos)
        assert lab.model.previewing()
    assert lab.model.state.my_line[0] == pytest.approx(lab.k_slider.value())
    slider.setSliderDown(False)  # emits sliderReleased
    assert stack.count() == depth + 1 and not lab.model.previewing()
    stack.undo()
    assert lab.model.state.my_line == (k0, b0)
    assert lab.k_slider.value() == pytest.approx(k0)


def test_learning_rate_arrows_merge_into_one_entry(lab):
    stack = lab.session_ref.undo_stack
    depth = stack.count()
    for _ in range(3):
        lab.lr_spin.stepUp()
    assert lab.model.state.descent.lr == pytest.approx(0.08)
    assert stack.count() == depth + 1
    stack.undo()
    assert lab.model.state.descent.lr == 0.05 and lab.lr_spin.value() == 0.05


def test_point_drag_leaves_the_state_until_release(lab):
    stack = lab.session_ref.undo_stack
    depth = stack.count()
    lab.begin_drag(0)
    lab.drag_to(0, 60.0, 190.0)
    assert lab.points()[0][0] == 60.0          # shown live
    assert lab.model.state.x[0] == CH_X[0]     # the state gets it on release
    lab.end_drag(0)
    assert lab.model.state.x[0] == 60.0 and lab.model.state.y[0] == 190.0
    assert stack.count() == depth + 1


def test_the_data_plots_mouse_rate_limit_is_restored(lab):
    """While a button is down on the data plot pyqtgraph's mouseRateLimit is off, so
    every move of a drag arrives; afterwards the application's value is back."""
    import pyqtgraph as pg
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    before = pg.getConfigOption("mouseRateLimit")
    vp = lab.plot.viewport()
    centre = vp.rect().center()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, pos=centre)
    assert pg.getConfigOption("mouseRateLimit") == 0
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=centre)
    assert pg.getConfigOption("mouseRateLimit") == before
