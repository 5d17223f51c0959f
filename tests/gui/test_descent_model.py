"""The Descent Lab's model wiring: every widget shows the model, edits are
EditCommands on the session's stack, drags and slider repeats are one entry."""
from __future__ import annotations

import numpy as np
import pytest

from core.expression import parse
from gui.labs.descent.eta import eta_to_slider
from gui.labs.model import EditCommand

CHAPTER = "(x + y - 3)^2 + (x + 2y - 5)^2 + 2"

CHANGE = {"function": "x^2 + 4y^2", "ranges": {"x": [-2.0, 2.0], "y": [-1.0, 3.0]},
          "start": {"x": 1.5, "y": -0.5}, "selected": ["gd", "adam"],
          "hyper": {"gd": {"lr": 0.05}, "adam": {"lr": 0.02}},
          "stop": {"grad_tol": 1e-4, "value_tol": 1e-7, "max_steps": 300},
          "log_color": True, "preset": ""}


@pytest.fixture
def lab(make_descent_lab):
    return make_descent_lab()


def _shown(lab) -> dict:
    """What the widgets show, read off the widgets."""
    lo, hi, st = lab.range_box.range_edits["x"]
    ylo, yhi, yst = lab.range_box.range_edits["y"]
    lab.opt_box.hyper_combo.setCurrentIndex(lab.opt_box.hyper_combo.findData("adam"))
    adam_lr = lab.opt_box.hyper_edits["lr"].text()
    lab.opt_box.hyper_combo.setCurrentIndex(lab.opt_box.hyper_combo.findData("gd"))
    return {
        "editor": lab.editor.text(),
        "x": (lo.text(), hi.text(), st.text()), "y": (ylo.text(), yhi.text(), yst.text()),
        "eta": lab.eta_edit.text(), "slider": lab.eta_slider.value(),
        "checked": [n for n, cb in lab.opt_checks.items() if cb.isChecked()],
        "adam_lr": adam_lr,
        "stop": (lab.gtol_edit.text(), lab.vtol_check.isChecked(), lab.vtol_edit.text(),
                 lab.max_spin.value()),
        "log": lab.basin.log_color_check.isChecked(),
        "preset": lab.preset_combo.currentData(),
        "math": "∂f/∂y = 8y" in lab.math_label.text(),
    }


def test_an_edit_pushed_on_the_model_shows_in_every_widget_and_undo_shows_the_old(qtbot, lab):
    before = _shown(lab)
    assert before["editor"] == CHAPTER and before["preset"] == "chapter"
    stack = lab._session_ref.undo_stack
    stack.push(EditCommand(lab.model, CHANGE, "everything"))
    now = _shown(lab)
    assert now == {
        "editor": "x^2 + 4y^2", "x": ("-2", "2", "1.5"), "y": ("-1", "3", "-0.5"),
        "eta": "0.05", "slider": eta_to_slider(0.05), "checked": ["gd", "adam"],
        "adam_lr": "0.02", "stop": ("0.0001", True, "1e-07", 300), "log": True,
        "preset": None, "math": True}
    # the results follow the state: GD from (1.5, −0.5) with η = 0.05 on x² + 4y²
    t = lab.trajectory("gd")
    g = parse("x^2 + 4y^2").gradient(1.5, -0.5)
    np.testing.assert_allclose(t.points[1], np.array([1.5, -0.5]) - 0.05 * np.asarray(g))
    assert set(lab.results.runs) == {"gd", "adam"}
    xs, ys, Z = lab.surface.surface_data()
    assert (xs[0], xs[-1], ys[0], ys[-1]) == (-2.0, 2.0, -1.0, 3.0)
    assert Z[7, 11] == pytest.approx(xs[7] ** 2 + 4 * ys[11] ** 2)
    stack.undo()
    assert _shown(lab) == before
    assert np.allclose(lab.trajectory("gd").final_point, [1, 2], atol=1e-6)
    stack.redo()
    assert _shown(lab) == now


def test_replacing_the_state_shows_it_and_keeps_the_view_state(qtbot, lab):
    lab.step(3)
    saved = lab.get_state()
    assert saved["cursor"] == 3 and saved["steps_of"] == "gd"
    other = {**lab.model.saved(), **CHANGE, "cursor": 2, "steps_of": "adam"}
    lab.set_state(other)
    assert lab.editor.text() == "x^2 + 4y^2" and lab.eta_edit.text() == "0.05"
    assert lab.current_index() == 2 and lab.steps_of() == "adam"
    assert lab.steps_of_combo.currentData() == "adam"
    lab.set_state(saved)
    assert lab.editor.text() == CHAPTER and lab.current_index() == 3
    assert lab.steps_of() == "gd"


def test_state_is_a_copy_of_the_model(lab):
    s = lab.state
    s["function"] = "x^2"
    s["start"]["x"] = 99.0
    assert lab.model.state.function == CHAPTER
    assert lab.state["start"] == {"x": 0.5, "y": 0.5}


def test_a_refused_change_changes_nothing_and_says_why(qtbot, lab):
    messages = []
    lab._session_ref.status.connect(messages.append)
    before = lab.model.saved()
    lab._session_ref.push(EditCommand(lab.model, {"stop": {"max_steps": -3}}, "bad",
                                      report=lab._session_ref.status.emit))
    assert lab.model.saved() == before
    assert lab.max_spin.value() == 5000
    assert messages and "bad" in messages[-1]
    assert lab._session_ref.undo_stack.count() == 0


def test_slider_drag_previews_live_and_is_one_undo_entry(qtbot, lab):
    stack = lab._session_ref.undo_stack
    seen = []
    lab.runsChanged.connect(lambda: seen.append(lab.eta()))
    slider = lab.eta_slider
    slider.setSliderDown(True)
    for v in range(600, 700, 20):
        slider.setValue(v)
    assert stack.count() == 0 and len(seen) == 5  # re-ran live, no entry yet
    slider.setSliderDown(False)  # emits sliderReleased
    assert stack.count() == 1
    assert lab.eta() == seen[-1] and lab.eta_edit.text() == f"{seen[-1]:g}"
    stack.undo()
    assert lab.eta() == 0.1 and lab.eta_slider.value() == eta_to_slider(0.1)


def test_arrow_key_repeats_merge_into_one_entry(qtbot, lab):
    from PySide6.QtCore import Qt

    stack = lab._session_ref.undo_stack
    lab.eta_slider.setFocus()
    for _ in range(4):
        qtbot.keyClick(lab.eta_slider, Qt.Key.Key_Right)
    assert stack.count() == 1 and lab.eta() > 0.1
    stack.undo()
    assert lab.eta() == 0.1


def test_a_new_function_gives_its_new_variables_a_range_and_a_start(qtbot, lab):
    assert lab.set_function_text("x^2 + y^2 + z^2")
    assert lab.variables() == ("x", "y", "z")
    assert lab.state["ranges"]["z"] == [-3.0, 3.0] and lab.state["start"]["z"] == 1.0
    assert lab.view_stack.currentIndex() == 2
    assert set(lab.range_box.range_edits) == {"x", "y", "z"}
    lab._session_ref.undo_stack.undo()
    assert lab.variables() == ("x", "y") and set(lab.range_box.range_edits) == {"x", "y"}
