"""The Descent Lab driven through its real widgets (issue #3)."""
from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from core.expression import parse
from core.optimizers import OPTIMIZER_NAMES
from gui.labs.descent.common import LABELS
from gui.labs.descent.state import PRESETS
from gui.views.ranges import LIMIT
from tests.gui.conftest import type_function

CHAPTER = "(x + y - 3)^2 + (x + 2y - 5)^2 + 2"
# Himmelblau's four minima (f = 0), from the literature
HIMMELBLAU_MINIMA = [(3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186),
                     (3.584428, -1.848126)]


@pytest.fixture
def lab(make_descent_lab):
    return make_descent_lab()


def test_default_is_the_chapter_example(lab):
    assert lab.state["function"] == CHAPTER
    t = lab.trajectory("gd")
    # chapter 2.7: minimum f = 2 at (1, 2) with η = 0.1
    assert np.allclose(t.final_point, [1.0, 2.0], atol=1e-6)
    assert math.isclose(t.final_value, 2.0, abs_tol=1e-10)
    assert t.stop_reason == "gradient_tolerance"
    assert "Converged" in lab.status_text()
    assert "∂f/∂x = 2(x + y − 3) + 2(x + 2y − 5)" in lab.math_label.text()


@pytest.mark.gl
def test_typing_a_function_updates_partials_and_surface(qtbot, lab):
    type_function(qtbot, lab, "x^2 + 3y^2")
    assert lab.state["function"] == "x^2 + 3y^2"
    assert lab.partial_texts() == ["∂f/∂x = 2x", "∂f/∂y = 6y"]
    xs, ys, Z = lab.surface.surface_data()
    i, j = 17, 101
    assert Z[i, j] == pytest.approx(xs[i] ** 2 + 3 * ys[j] ** 2)
    # the run follows the new function: z = x² + 3y² has its minimum at the origin
    assert np.allclose(lab.trajectory("gd").final_point, [0, 0], atol=1e-6)


@pytest.mark.gl
def test_bad_function_shows_error_and_keeps_old_surface(qtbot, lab):
    before = lab.surface.surface_data()[2].copy()
    type_function(qtbot, lab, "x^2 + (y")
    assert lab.error_label.isVisible()
    assert lab.error_position() == 6  # the '(' that is never closed
    assert "never closed" in lab.error_text()
    assert "character 7" in lab.error_text()
    assert lab.state["function"] == CHAPTER
    np.testing.assert_array_equal(lab.surface.surface_data()[2], before)
    # fixing it clears the error
    qtbot.keyClicks(lab.editor, ")^2")
    qtbot.wait(lab.DEBOUNCE_MS + 150)
    assert not lab.error_label.isVisible()
    assert lab.state["function"] == "x^2 + (y)^2"


def test_undo_of_function_edit_restores_previous_function(qtbot, lab):
    type_function(qtbot, lab, "x^2 + y^2")
    assert lab.state["function"] == "x^2 + y^2"
    lab._session_ref.undo_stack.undo()
    assert lab.state["function"] == CHAPTER
    assert lab.editor.text() == CHAPTER
    assert np.allclose(lab.trajectory("gd").final_point, [1, 2], atol=1e-6)
    lab._session_ref.undo_stack.redo()
    assert lab.state["function"] == "x^2 + y^2"


def test_clicking_the_contour_sets_the_start(qtbot, lab):
    view = lab.contour
    qtbot.wait(50)
    scene = view.scene_pos_of(2.5, 0.5)
    pos = view.mapFromScene(scene)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos.x(), pos.y()))
    qtbot.waitUntil(lambda: abs(lab.state["start"]["x"] - 2.5) < 0.05, timeout=2000)
    assert lab.state["start"]["y"] == pytest.approx(0.5, abs=0.05)
    t = lab.trajectory("gd")
    assert np.allclose(t.points[0], [lab.state["start"]["x"], lab.state["start"]["y"]])
    # one undo entry puts the start back
    lab._session_ref.undo_stack.undo()
    assert lab.state["start"] == {"x": 0.5, "y": 0.5}


def test_step_back_is_exact_and_play_advances(qtbot, lab):
    c = lab.controls
    t = lab.trajectory("gd")
    assert lab.current_index() == 0
    qtbot.mouseClick(c.step_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(c.step_button, Qt.MouseButton.LeftButton)
    assert lab.current_index() == 2
    p2 = t.points[2].copy()
    qtbot.mouseClick(c.step_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(c.back_button, Qt.MouseButton.LeftButton)
    assert lab.current_index() == 2
    np.testing.assert_array_equal(t.points[lab.current_index()], p2)
    # the step panel shows the chapter's arithmetic for this step
    g = parse(CHAPTER).gradient(*p2)
    assert f"{-0.1 * g[0]:.6g}".replace("-", "−") in lab.step_panel.text()
    # keyboard: → steps, ← steps back
    lab.setFocus()
    qtbot.keyClick(lab, Qt.Key.Key_Right)
    assert lab.current_index() == 3
    qtbot.keyClick(lab, Qt.Key.Key_Left)
    assert lab.current_index() == 2
    # play
    c.sps.setValue(60)
    qtbot.mouseClick(c.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lab.current_index() >= 10, timeout=3000)
    qtbot.mouseClick(c.play_button, Qt.MouseButton.LeftButton)
    assert not lab.traj_cursor.is_playing()
    qtbot.mouseClick(c.run_button, Qt.MouseButton.LeftButton)
    assert lab.current_index() == t.n_steps
    qtbot.mouseClick(c.reset_button, Qt.MouseButton.LeftButton)
    assert lab.current_index() == 0


def test_several_optimizers_give_several_paths(qtbot, lab):
    lab.opt_checks["momentum"].click()
    lab.opt_checks["adam"].click()
    assert set(lab.results.runs) == {"gd", "momentum", "adam"}
    lab.traj_cursor.to_end()
    assert lab.contour.paths_shown() == 6  # a faint full path and a bright walked path each
    starts = {tuple(lab.trajectory(n).points[0]) for n in lab.results.runs}
    assert starts == {(0.5, 0.5)}
    legend = [lab.legend_text(n) for n in lab.results.runs]
    assert any(s.startswith("Adam:") and "steps" in s for s in legend)
    assert lab.loss_legend.items and len(lab.loss_legend.items) == 3


def test_chapter_divergence_eta_015(qtbot, lab):
    lab.eta_edit.setText("0.15")
    qtbot.keyClick(lab.eta_edit, Qt.Key.Key_Return)
    assert lab.eta() == 0.15
    t = lab.trajectory("gd")
    assert t.stop_reason == "diverged"
    assert lab.results.classes["gd"].kind == "diverges"
    text = lab.status_text()
    assert "diverges" in text
    assert "0.1459" in text and "η = 0.15" in text
    # η = 0.14 still converges (zig-zagging), as in the chapter
    lab.set_learning_rate(0.14)
    assert lab.trajectory("gd").converged
    assert lab.results.classes["gd"].kind == "oscillates"
    # and η = 0.1 ends at (1, 2), f = 2
    lab.set_learning_rate(0.1)
    t = lab.trajectory("gd")
    assert np.allclose(t.final_point, [1, 2], atol=1e-6) and t.final_value == pytest.approx(2)


def test_slider_drag_is_one_undo_entry(qtbot, lab):
    stack = lab._session_ref.undo_stack
    n0 = stack.count()
    for v in range(600, 640, 5):
        lab.eta_slider.setValue(v)
    lab.eta_slider.sliderReleased.emit()
    assert stack.count() == n0 + 1
    stack.undo()
    assert lab.eta() == 0.1


def test_presets_and_state_roundtrip(qtbot, lab):
    import json

    assert "chapter" in lab.preset_ids() and "one_var" in lab.preset_ids()
    lab.apply_preset("paraboloid")
    t = lab.trajectory("gd")
    # each step multiplies the point by 0.8: (2.4, 1.6), (1.92, 1.28)
    assert np.allclose(t.points[1], [2.4, 1.6]) and np.allclose(t.points[2], [1.92, 1.28])
    lab.apply_preset("one_var")
    assert lab.view_stack.currentIndex() == 0
    lab.step(1)
    assert lab.current_index() == 1
    # the tangent is drawn at the current point: slope f'(x₁) = 4x₁³ − 6x₁ + 1
    x1 = lab.trajectory("gd").points[1][0]
    tx, ty = lab.views.tangent.getData()
    slope = (ty[1] - ty[0]) / (tx[1] - tx[0])
    assert slope == pytest.approx(4 * x1 ** 3 - 6 * x1 + 1)
    lab.apply_preset("three_var")
    assert lab.view_stack.currentIndex() == 2
    assert lab.step_table.model.columnCount() == 1 + 3 + 1 + 3 + 3
    state = json.loads(json.dumps(lab.get_state()))
    lab.apply_preset("himmelblau")
    lab.set_state(state)
    assert lab.state["function"] == state["function"]


def test_undefined_region_is_a_hole_not_a_crash(qtbot, lab):
    type_function(qtbot, lab, "log(x) + y^2")
    xs, ys, Z = lab.surface.surface_data()
    assert np.isnan(Z[xs < 0]).all()
    assert lab.trajectory("gd") is not None
    # GD walks towards x → 0, where log(x) ends: the run stops there and says so
    assert lab.trajectory("gd").stop_reason == "undefined"
    assert "left the region where f is defined" in lab.status_text()


def test_basin_map_himmelblau(qtbot, lab):
    lab.apply_preset("himmelblau")
    lab.basin_size.setValue(60)
    lab.basin_check.setChecked(True)
    qtbot.waitUntil(lambda: not lab.basin_running(), timeout=20000)
    assert len(lab.basin.minima) == 4
    assert lab.contour.overlay.isVisible()


def test_basin_map_of_a_plateau_marks_the_largest_basins_only(qtbot, lab):
    """relu(x) − relu(y) is flat where x < 0 < y: every start there stops where it
    is, thousands of one-point "basins". Colouring them was a loop per basin and every
    one got a star marker (seconds of frozen window); now it is vectorised and the
    stars are capped."""
    from gui.labs.descent.common import MAX_BASIN_MARKERS, basin_colour

    type_function(qtbot, lab, "relu(x) - relu(y)")
    lab.basin_size.setValue(120)
    lab.basin_check.setChecked(True)
    qtbot.waitUntil(lambda: not lab.basin_running(), timeout=30000)
    assert len(lab.basin.minima) > MAX_BASIN_MARKERS
    assert lab.contour.markers_shown() == MAX_BASIN_MARKERS
    rgba = lab.contour.overlay.image
    assert rgba.shape == (120, 120, 4)
    labels = lab.basin.labels.reshape(120, 120)
    i, j = np.argwhere(labels == 3)[0]
    assert tuple(rgba[i, j, :3]) == QColor(basin_colour(3)).getRgb()[:3]


def test_csv_export(qtbot, lab, tmp_path):
    out = tmp_path / "steps.csv"
    lab.step_table.export_csv(str(out))
    rows = out.read_text().splitlines()
    assert rows[0].startswith("k,x,y,f")
    assert len(rows) == lab.trajectory("gd").n_steps + 2


def _drag(qtbot, widget, a: QPoint, b: QPoint, steps: int = 8):
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    def send(kind, p, buttons):
        ev = QMouseEvent(kind, QPointF(p), QPointF(widget.mapToGlobal(p)),
                         Qt.MouseButton.LeftButton, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, ev)

    send(QEvent.Type.MouseButtonPress, a, Qt.MouseButton.LeftButton)
    for i in range(1, steps + 1):
        p = QPoint(a.x() + (b.x() - a.x()) * i // steps, a.y() + (b.y() - a.y()) * i // steps)
        send(QEvent.Type.MouseMove, p, Qt.MouseButton.LeftButton)
        qtbot.wait(10)
    send(QEvent.Type.MouseButtonRelease, b, Qt.MouseButton.NoButton)


def test_dragging_the_start_marker_reruns_live_and_is_one_undo_entry(qtbot, lab):
    view = lab.contour
    stack = lab._session_ref.undo_stack
    n0 = stack.count()
    seen = []
    lab.runsChanged.connect(lambda: seen.append(tuple(lab.trajectory("gd").points[0])))
    a = view.mapFromScene(view.scene_pos_of(0.5, 0.5))
    b = view.mapFromScene(view.scene_pos_of(3.0, 3.5))
    _drag(qtbot, view.viewport(), QPoint(a.x(), a.y()), QPoint(b.x(), b.y()))
    assert len(seen) >= 3  # re-ran during the drag, not only at the end
    assert lab.state["start"]["x"] == pytest.approx(3.0, abs=0.1)
    assert lab.state["start"]["y"] == pytest.approx(3.5, abs=0.1)
    assert np.allclose(lab.trajectory("gd").final_point, [1, 2], atol=1e-6)
    assert stack.count() == n0 + 1
    stack.undo()
    assert lab.state["start"] == {"x": 0.5, "y": 0.5}


def test_value_tolerance_stops_early_as_the_chapter_says(qtbot, lab):
    """Chapter 2.7: a stop rule on |Δf| < 1e-5 stops early, at about (1.028, 1.983)."""
    lab.vtol_check.click()
    lab.vtol_edit.setText("1e-5")
    qtbot.keyClick(lab.vtol_edit, Qt.Key.Key_Return)
    t = lab.trajectory("gd")
    assert t.stop_reason == "value_tolerance"
    assert np.allclose(t.final_point, [1.028, 1.983], atol=2e-3)
    assert "f changed by less than" in lab.status_text()
    lab._session_ref.undo_stack.undo()
    assert lab.trajectory("gd").stop_reason == "gradient_tolerance"


def test_constant_function_is_refused_inline(qtbot, lab):
    type_function(qtbot, lab, "3.14159")
    assert lab.error_label.isVisible() and "no variable" in lab.error_text()
    assert lab.state["function"] == CHAPTER


def test_switching_away_pauses_play(qtbot, settings_tmp):
    from gui.shell.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.show_lab("descent")
    qtbot.waitExposed(w)
    d = w.labs["descent"]
    qtbot.waitUntil(d.isVisible, timeout=2000)
    d.traj_cursor.toggle(True)
    assert d.traj_cursor.is_playing()
    w.show_lab("regression")
    qtbot.waitUntil(lambda: not d.traj_cursor.is_playing(), timeout=2000)
    index = d.current_index()
    qtbot.wait(300)
    assert d.current_index() == index


def _reference_run(lab, name):
    from core.descent import descend
    from core.optimizers import make_optimizer
    h = dict(lab.state["hyper"][name])
    if "betas" in h:
        h["betas"] = tuple(h["betas"])
    st = lab.state["stop"]
    start = [lab.state["start"][v] for v in lab.variables()]
    return descend(parse(lab.state["function"]), make_optimizer(name, **h), start,
                   max_steps=int(st["max_steps"]), grad_tol=float(st["grad_tol"]),
                   value_tol=st["value_tol"])


def _fmt(v):
    from gui.text.format import fmt
    return fmt(v)


def test_show_steps_of_any_selected_optimizer(qtbot, lab):
    import json
    c = lab.controls
    combo = lab.steps_of_combo
    for _ in range(3):
        qtbot.mouseClick(c.step_button, Qt.MouseButton.LeftButton)
    gd_text = lab.step_panel.text()
    assert "Δx = −η·∂f/∂x" in gd_text
    lab.opt_checks["adam"].click()
    assert list(lab.results.runs) == ["gd", "adam"]
    assert [combo.itemText(i) for i in range(combo.count())] == ["GD", "Adam"]
    assert combo.currentText() == "GD" and lab.step_panel.text() == gd_text
    # choose Adam with the keyboard, as a user would; the cursor stays at k = 3
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "Adam" and lab.steps_of() == "adam"
    assert lab.current_index() == 3
    undo_count = lab._session_ref.undo_stack.count()
    qtbot.mouseClick(c.step_button, Qt.MouseButton.LeftButton)
    k = lab.current_index()
    assert k == 4
    ref = _reference_run(lab, "adam")
    text = lab.step_panel.text()
    assert "Adam: Δθ = −η·m̂/(√v̂ + ε)" in text
    assert "−η·∂f/∂x" not in text  # Adam's step is not −η∇f
    assert f"θ{k} = ({_fmt(ref.points[k][0])}, {_fmt(ref.points[k][1])})" in text
    d = ref.points[k + 1] - ref.points[k]
    assert f"Δx = {_fmt(ref.points[k + 1][0])} − {_fmt(ref.points[k][0])} = {_fmt(d[0])}" in text
    assert (f"θ{k + 1} = θ{k} + Δθ = ({_fmt(ref.points[k + 1][0])}, "
            f"{_fmt(ref.points[k + 1][1])})") in text
    # the table holds Adam's run
    lab.bottom_tabs.setCurrentIndex(1)
    m = lab.step_table.model
    assert m.rowCount() == len(ref.points)
    np.testing.assert_allclose([m.cell(k, 1), m.cell(k, 2)], ref.points[k], rtol=1e-12)
    np.testing.assert_allclose([m.cell(k, 6), m.cell(k, 7)], d, rtol=1e-9, atol=1e-15)
    assert m.data(m.index(k, 1)) == _fmt(ref.points[k][0])
    lab.bottom_tabs.setCurrentIndex(0)
    # a view choice: no undo entry; saved in the lab state
    assert lab._session_ref.undo_stack.count() == undo_count
    state = json.loads(json.dumps(lab.get_state()))
    assert state["steps_of"] == "adam"
    # back to GD: its worked arithmetic is exactly as before (at k = 3)
    qtbot.mouseClick(c.back_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert lab.steps_of() == "gd"
    assert lab.step_panel.text() == gd_text
    # restoring the state shows Adam again
    lab.set_state(state)
    assert lab.steps_of() == "adam" and combo.currentText() == "Adam"
    assert lab.current_index() == 4
    # deselecting the shown optimizer falls back to the first selected one
    lab.opt_checks["adam"].click()
    assert lab.steps_of() == "gd" and combo.currentText() == "GD"
    assert lab.current_index() == 4
    assert "Δx = −η·∂f/∂x" in lab.step_panel.text()


def test_one_variable_plot_range_survives_values_near_the_float_limit(qtbot, lab):
    """f = x¹⁹⁹ on [−35.4, 35.4] reaches −1.78e308: the padded y range was −inf
    ("Cannot set range [-inf, ...]", raised inside the undo command)."""
    type_function(qtbot, lab, "x^199")
    assert lab.state["function"] == "x^199"
    lo_e, hi_e, _start = lab.range_box.range_edits["x"]
    with qtbot.capture_exceptions() as caught:
        for edit, text in ((lo_e, "-35.4"), (hi_e, "35.4")):
            edit.setFocus()
            edit.selectAll()
            qtbot.keyClicks(edit, text)
            qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert caught == []
    assert lab.state["ranges"]["x"] == [-35.4, 35.4]
    (x0, x1), (y0, y1) = lab.curve_plot.getPlotItem().vb.viewRange()
    assert np.isfinite([x0, x1, y0, y1]).all() and x0 < -35 and x1 > 35
    assert y0 == -LIMIT and 1e6 < y1 <= LIMIT  # views stop at ±1e300 (finite widths)


# ----------------------------------------------------------------- status banner
def test_banner_shows_a_readable_line_for_all_six_optimizers(qtbot, make_descent_lab):
    lab = make_descent_lab(1100, 700)  # a small window: the banner must wrap and scroll
    lab.set_learning_rate(0.15)  # plain GD diverges: the longest explanations
    for name in OPTIMIZER_NAMES:
        if not lab.opt_checks[name].isChecked():
            qtbot.mouseClick(lab.opt_checks[name], Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert lab.state["selected"] == list(OPTIMIZER_NAMES)
    text = lab.status_text()
    for name in OPTIMIZER_NAMES:
        assert LABELS[name] in text
    banner, scroll = lab.banner, lab.banner_scroll
    # the label is laid out at its full wrapped height (nothing clipped) ...
    assert banner.height() >= banner.heightForWidth(banner.width()) - 1
    # ... the scroll area is as tall as the text, up to BANNER_MAX_LINES lines ...
    cap = banner.fontMetrics().lineSpacing() * lab.BANNER_MAX_LINES + 12
    view = scroll.viewport().height()
    assert view >= min(banner.height(), cap) - 1, (view, banner.height(), cap)
    # ... and what does not fit is reached with a scroll bar that is shown
    hidden = banner.height() - view
    bar = scroll.verticalScrollBar()
    assert bar.maximum() >= hidden
    assert bar.isVisible() == (hidden > 1), (hidden, bar.isVisible())
    assert scroll.height() > 4 * banner.fontMetrics().lineSpacing()
    # back to one optimizer: the banner shrinks again
    lab.set_optimizers(["gd"])
    qtbot.wait(50)
    assert scroll.height() < 4 * banner.fontMetrics().lineSpacing() + 20


# ----------------------------------------------------------------- presets
def test_preset_replaces_invalid_text_even_if_function_is_unchanged(qtbot, lab):
    assert lab.state["preset"] == "chapter"
    type_function(qtbot, lab, "x^2 + (y")
    assert lab.error_label.isVisible()
    assert lab.state["function"] == PRESETS["chapter"]["function"]
    idx = lab.preset_combo.findData("chapter")
    lab.preset_combo.activated.emit(idx)
    assert lab.editor.text() == PRESETS["chapter"]["function"]
    assert not lab.error_label.isVisible() and lab.error_text() == ""
    # also through apply_preset (what lessons call) with an equal function
    type_function(qtbot, lab, "x^^2")
    assert lab.error_label.isVisible()
    lab.apply_preset("chapter")
    assert lab.editor.text() == PRESETS["chapter"]["function"]
    assert not lab.error_label.isVisible()


# ----------------------------------------------------------------- basin map
def _wait_basin(qtbot, lab) -> None:
    qtbot.waitUntil(lambda: not lab.basin_running(), timeout=20000)


def test_basin_map_does_not_call_unconverged_end_points_minima(qtbot, lab):
    lab.apply_preset("rosenbrock")
    lab.basin_check.setChecked(True)
    _wait_basin(qtbot, lab)
    # Rosenbrock has exactly one minimum, (1, 1); every "minimum" shown must be it
    for m in lab.basin.minima:
        assert np.allclose(m, [1.0, 1.0], atol=1e-2), m
    assert len(lab.basin.minima) <= 1
    assert "not converged" in lab.basin_status.text()


def test_basin_map_still_finds_himmelblaus_four_minima(qtbot, lab):
    lab.apply_preset("himmelblau")
    lab.basin_check.setChecked(True)
    _wait_basin(qtbot, lab)
    found = np.asarray(lab.basin.minima)
    assert len(found) == 4
    for ref in HIMMELBLAU_MINIMA:
        assert np.min(np.linalg.norm(found - np.asarray(ref), axis=1)) < 1e-3, ref


# ----------------------------------------------------------------- plot range and start
def test_inverted_plot_range_says_why(qtbot, lab):
    messages = []
    lab._session_ref.status.connect(messages.append)
    lo, hi, _ = lab.range_box.range_edits["x"]
    before = list(lab.state["ranges"]["x"])
    hi.setFocus()
    hi.selectAll()
    qtbot.keyClicks(hi, "-5")  # 'to' below 'from'
    hi.editingFinished.emit()
    assert lab.state["ranges"]["x"] == before
    assert hi.text() == f"{before[1]:g}"  # the field shows the range in force again
    assert messages and "'from' < 'to'" in messages[-1]


def test_start_outside_the_plot_range_is_said(qtbot, lab):
    x_start, y_start = lab.range_box.range_edits["x"][2], lab.range_box.range_edits["y"][2]
    for field, text in ((x_start, "100"), (y_start, "-50")):
        field.setFocus()
        field.selectAll()
        qtbot.keyClicks(field, text)
        field.editingFinished.emit()
    lo, hi = lab.state["ranges"]["x"]
    assert not lo <= 100 <= hi  # the chapter's plot is x, y ∈ [−1, 4]
    assert "outside the plotted range of x, y" in lab.status_text()
    # the run itself is fine: the chapter's minimum (1, 2) is still reached
    assert np.allclose(lab.trajectory("gd").final_point, [1.0, 2.0], atol=1e-5)
    x_start.setFocus()
    x_start.selectAll()
    qtbot.keyClicks(x_start, "0.5")
    x_start.editingFinished.emit()
    assert "outside the plotted range of y" in lab.status_text()


def test_a_long_run_is_cut_while_the_start_is_dragged_and_finished_on_release(qtbot, lab):
    """Issue 18: with max steps 100 000 every move of θ₀ re-ran the whole run (about
    half a second per move).  While the start moves, runs go DRAG_STEPS far; on
    release they go on to max steps, exactly as a run from that start would."""
    from core.descent import descend
    from core.optimizers import make_optimizer
    from gui.labs.descent.results import DRAG_STEPS, parse_function
    from gui.labs.model import EditCommand

    lab._session_ref.push(EditCommand(lab.model, {
        "function": "x^2 + y^2", "hyper": {"gd": {"lr": 1e-5}},
        "stop": {"grad_tol": 0.0, "value_tol": None, "max_steps": 100_000}}, "long"))
    assert len(lab.trajectory("gd").points) == 100_001
    view = lab.contour
    lengths = []
    lab.runsChanged.connect(lambda: lengths.append(len(lab.trajectory("gd").points)))
    a = view.mapFromScene(view.scene_pos_of(0.5, 0.5))
    b = view.mapFromScene(view.scene_pos_of(3.0, 3.5))
    _drag(qtbot, view.viewport(), QPoint(a.x(), a.y()), QPoint(b.x(), b.y()))
    assert len(lengths) >= 3 and set(lengths[:-1]) == {DRAG_STEPS + 1}
    assert lengths[-1] == 100_001  # finished on release
    start = np.array([lab.state["start"]["x"], lab.state["start"]["y"]])
    ref = descend(parse_function("x^2 + y^2"), make_optimizer("gd", lr=1e-5), start,
                  max_steps=100_000, grad_tol=0.0)
    np.testing.assert_allclose(lab.trajectory("gd").final_point, ref.final_point, rtol=1e-12)
