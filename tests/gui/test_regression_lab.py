"""Regression Lab: real widgets, driven through the mouse, the table and the public API.

Numbers are checked against numpy.polyfit and the chapter's values (section 3.4)."""
from __future__ import annotations

import json
import re

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from gui.labs.regression.lab import RegressionLab
from gui.shell.session import Session
from tests.gui.conftest import CH_X, CH_Y

_SESSIONS: list[Session] = []  # keep sessions alive until the end (no teardown noise)


@pytest.fixture
def lab(make_regression_lab):
    return make_regression_lab()


def numbers(text: str) -> list[float]:
    text = text.replace("−", "-")
    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", text)]


def equation_kb(lab) -> tuple[float, float]:
    """k and b as shown on screen in 'y = kx + b'."""
    text = lab.equation_label.text().replace("−", "-").replace(" ", "")
    m = re.fullmatch(r"y=(-?[\d.]+)x([+-][\d.]+)", text)
    assert m, text
    return float(m.group(1)), float(m.group(2))


# ------------------------------------------------------------------ mouse helpers
def viewport_pos(lab, x: float, y: float):
    scene = lab.viewbox.mapViewToScene(QPointF(x, y))
    return lab.plot.mapFromScene(scene)


def send_mouse(lab, kind, pos, button, buttons):
    vp = lab.plot.viewport()
    local = QPointF(pos)
    ev = QMouseEvent(kind, local, QPointF(vp.mapToGlobal(local.toPoint())), button, buttons,
                     Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(vp, ev)
    QApplication.processEvents()


def press(lab, pos, button=Qt.MouseButton.LeftButton):
    send_mouse(lab, QEvent.Type.MouseButtonPress, pos, button, button)


def move(lab, pos, button=Qt.MouseButton.LeftButton):
    send_mouse(lab, QEvent.Type.MouseMove, pos, Qt.MouseButton.NoButton, button)


def release(lab, pos, button=Qt.MouseButton.LeftButton):
    send_mouse(lab, QEvent.Type.MouseButtonRelease, pos, button, Qt.MouseButton.NoButton)


def click(lab, pos, button=Qt.MouseButton.LeftButton):
    press(lab, pos, button)
    release(lab, pos, button)


# ------------------------------------------------------------------ tests
def test_chapter_data_is_default_and_matches_polyfit(lab):
    x, y = lab.points()
    np.testing.assert_array_equal(x, CH_X)
    np.testing.assert_array_equal(y, CH_Y)
    k, b = equation_kb(lab)
    k_ref, b_ref = np.polyfit(CH_X, CH_Y, 1)
    assert "0.7514124" in lab.equation_label.text()
    assert "124.29802" in lab.equation_label.text()
    assert k == pytest.approx(k_ref, rel=1e-7)
    assert b == pytest.approx(b_ref, rel=1e-7)
    metrics = lab.metrics_label.text()
    assert "113.6243" in metrics and "0.63756" in metrics and "0.79847" in metrics
    assert lab.count_label.text() == "2 parameters, 8 points"
    # axes of the chapter's plot, with units
    (x0, x1), (y0, y1) = lab.viewbox.viewRange()
    assert (x0, x1) == pytest.approx((40, 80), abs=1e-6)
    assert (y0, y1) == pytest.approx((140, 200), abs=1e-6)
    assert "kg" in lab.plot.getAxis("bottom").labelText
    assert "cm" in lab.plot.getAxis("left").labelText
    assert not lab.status_label.isVisible()


def test_drag_point_refits_live_and_one_undo_restores(lab):
    session = lab.session_ref
    before = lab.equation_label.text()
    k0 = lab.fit().k
    depth = session.undo_stack.count()
    start = viewport_pos(lab, 64, 175)
    press(lab, start)
    seen = []
    for t in np.linspace(0, 1, 6)[1:]:
        move(lab, viewport_pos(lab, 64 + 6 * t, 175 + 15 * t))
        seen.append(equation_kb(lab)[0])
    # during the drag (button still down): the fit and its text have changed
    x_now, y_now = lab.points()
    assert x_now[4] == pytest.approx(70, abs=0.3) and y_now[4] == pytest.approx(190, abs=0.3)
    assert lab.equation_label.text() != before
    assert len(set(seen)) > 3  # changed at every move, not only on release
    k_ref, b_ref = np.polyfit(x_now, y_now, 1)
    assert seen[-1] == pytest.approx(k_ref, rel=1e-6)
    release(lab, viewport_pos(lab, 70, 190))
    assert lab.fit().k == pytest.approx(np.polyfit(*lab.points(), 1)[0], rel=1e-9)
    assert lab.fit().k != pytest.approx(k0)
    assert session.undo_stack.count() == depth + 1  # one entry for the whole drag
    session.undo_stack.undo()
    x, y = lab.points()
    np.testing.assert_array_equal(x, CH_X)
    np.testing.assert_array_equal(y, CH_Y)
    assert lab.equation_label.text() == before


def test_drag_updates_cost_grid_live(lab, qtbot):
    lab.tabs.setCurrentIndex(2)
    Z0 = lab.contour._Z.copy()
    press(lab, viewport_pos(lab, 43, 155))
    move(lab, viewport_pos(lab, 45, 175))
    # reshaped during the drag (button still down; refreshes are coalesced by a timer)
    qtbot.waitUntil(lambda: not np.allclose(Z0, lab.contour._Z), timeout=2000)
    release(lab, viewport_pos(lab, 45, 175))


def test_click_adds_right_click_and_delete_remove(lab):
    session = lab.session_ref
    click(lab, viewport_pos(lab, 75, 145))
    x, y = lab.points()
    assert x.size == 9
    assert x[-1] == pytest.approx(75, abs=0.2) and y[-1] == pytest.approx(145, abs=0.2)
    assert lab.table_model.rowCount() == 9
    assert lab.count_label.text() == "2 parameters, 9 points"
    k_ref = np.polyfit(x, y, 1)[0]
    assert equation_kb(lab)[0] == pytest.approx(k_ref, rel=1e-7)
    session.undo_stack.undo()
    assert lab.points()[0].size == 8
    # right-click on a point removes it
    click(lab, viewport_pos(lab, 50, 157), Qt.MouseButton.RightButton)
    x, _y = lab.points()
    assert x.size == 7 and 50 not in x
    # click selects a point, Delete removes it
    click(lab, viewport_pos(lab, 43, 155))
    assert lab.points()[0].size == 7  # selecting does not add
    assert lab._selected == 5
    lab.plot.setFocus()
    from PySide6.QtTest import QTest
    QTest.keyClick(lab.plot, Qt.Key.Key_Delete)
    x, _y = lab.points()
    assert x.size == 6 and 43 not in x
    session.undo_stack.undo()
    session.undo_stack.undo()
    np.testing.assert_array_equal(lab.points()[0], CH_X)


def test_table_edit_add_and_remove_rows(lab, qtbot):
    session = lab.session_ref
    table = lab.table
    idx = lab.table_model.index(0, 1)
    table.setCurrentIndex(idx)
    table.edit(idx)
    editors = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1
    editor = editors[0]
    editor.selectAll()
    qtbot.keyClicks(editor, "180")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lab.points()[1][0] == 180, timeout=2000)  # commit is queued
    _x, y = lab.points()
    assert y[0] == 180
    y_ref = CH_Y.copy()
    y_ref[0] = 180
    assert equation_kb(lab)[0] == pytest.approx(np.polyfit(CH_X, y_ref, 1)[0], rel=1e-7)
    # the plot follows the table
    sx, sy = lab.scatter.getData()
    assert sy[0] == 180
    qtbot.mouseClick(lab.add_row_button, Qt.MouseButton.LeftButton)
    assert lab.table_model.rowCount() == 9 and lab.points()[0].size == 9
    table.selectRow(2)
    qtbot.mouseClick(lab.remove_rows_button, Qt.MouseButton.LeftButton)
    x, _y = lab.points()
    assert x.size == 8 and x[2] == CH_X[3]
    for _ in range(3):
        session.undo_stack.undo()
    np.testing.assert_array_equal(lab.points()[1], CH_Y)


def test_csv_round_trip_and_malformed_csv(lab):
    text = lab.data_io.csv_bytes().decode("utf-8-sig")
    lab.load_dataset(None)
    assert lab.points()[0].size == 0
    assert lab.import_csv_text(text)
    x, y = lab.points()
    np.testing.assert_array_equal(x, CH_X)
    np.testing.assert_array_equal(y, CH_Y)
    # tabs, header, round trip through another data set
    assert lab.import_csv_text("speed\tdist\n4\t2\n7\t4\n8\t16\n")
    np.testing.assert_array_equal(lab.points()[0], [4, 7, 8])
    before = lab.points()
    bad = "x,y\n1,2\n3,abc\n5,6\n7\n8,9\n"
    assert lab.import_csv_text(bad) is False
    after = lab.points()
    np.testing.assert_array_equal(before[0], after[0])
    np.testing.assert_array_equal(before[1], after[1])
    msg = lab.last_error_text
    assert "Line 3" in msg and "Line 5" in msg and "not changed" in msg
    box = lab.findChild(QMessageBox, "csvErrorBox")
    assert box is not None and box.isVisible() and "Line 3" in box.text()
    box.close()


@pytest.mark.parametrize("xs, ys, degree, expect", [
    ([50], [160], 1, "1 point cannot determine a line"),
    ([45, 60], [150, 170], 1, "2 points and 2 parameters"),
    ([40, 50, 60, 70], [150, 171, 160, 190], 3, "4 points and 4 parameters"),
    ([40, 50, 60], [150, 171, 160], 4, "3 points cannot determine"),
    ([50, 50, 50], [150, 160, 170], 1, "3 points all at the same x"),
])
def test_underdetermined_cases_say_so(lab, xs, ys, degree, expect):
    lab.set_points(xs, ys)
    lab.set_degree(degree)
    assert lab.status_label.isVisible()
    assert expect in lab.status_label.text()
    f = lab.fit()
    assert f.status in ("exact", "underdetermined")
    assert lab.count_label.text().startswith(f"{degree + 1} parameters")
    if f.status == "underdetermined":
        gx, gy = lab.ghost_curve.getData()
        # several other curves with the same (zero / smallest) error are drawn
        assert gx is not None and np.isnan(gy).sum() >= 4 and np.isfinite(gy).sum() >= 8
    else:
        assert f.sse == pytest.approx(0, abs=1e-9)
    lab.set_points([40, 50, 60, 70, 80, 45, 55], [150, 171, 160, 190, 185, 150, 168])
    assert not lab.status_label.isVisible()


def test_degree_change_is_undoable_and_fits(lab):
    session = lab.session_ref
    lab.degree_spin.setValue(2)
    assert lab.fit().degree == 2
    np.testing.assert_allclose(lab.fit().coefficients, np.polyfit(CH_X, CH_Y, 2), rtol=1e-8)
    assert lab.count_label.text() == "3 parameters, 8 points"
    assert "x²" in lab.equation_label.text()
    assert lab.cost_stack.currentIndex() == 1  # no (k, b) surface for degree 2
    session.undo_stack.undo()
    assert lab.fit().degree == 1 and lab.degree_spin.value() == 1


def test_my_line_sliders_and_sse(lab):
    session = lab.session_ref
    lab.set_my_line(0.5, 140.0)
    assert lab.model.state.my_line == (0.5, 140.0)
    sse = float(np.sum((CH_Y - (0.5 * CH_X + 140)) ** 2))
    assert f"{sse:.6g}" in lab.compare_label.text().replace("−", "-")
    lab.k_slider.spin.setValue(0.75)
    assert lab.model.state.my_line[0] == pytest.approx(0.75)
    session.undo_stack.undo()
    assert lab.model.state.my_line == (0.5, 140.0)
    lab.snap_button.click()
    k, b = np.polyfit(CH_X, CH_Y, 1)
    assert lab.model.state.my_line == pytest.approx((k, b), rel=1e-9)


def test_gradient_descent_standardised_reaches_closed_form(lab):
    ref = np.polyfit(CH_X, CH_Y, 1)
    t = lab.run_descent(optimizer="gd", lr=0.05, standardize=True, start=(0.0, 0.0))
    assert t.converged and t.n_steps < 100
    np.testing.assert_allclose(lab.descent_parameters(), ref, rtol=1e-6)
    assert "converges" in lab.descent_compare.text()
    # stepping moves the line in the data view
    lab._set_cursor(1)
    d1 = lab.descent_curve.getData()[1].copy()
    lab.step_controls.step_button.click()
    assert lab.results.cursor == 2
    d2 = lab.descent_curve.getData()[1]
    assert not np.allclose(d1, d2)
    assert "Δk′" in lab.step_panel.text()
    # raw data: the same η diverges (the bowl is long and narrow)
    t_raw = lab.run_descent(standardize=False, lr=0.05)
    assert t_raw.stop_reason == "diverged"
    assert "diverges" in lab.descent_compare.text()
    assert "condition number" in lab.bound_label.text().lower()


@pytest.mark.parametrize("opt, lr", [("adam", 0.5), ("momentum", 0.01), ("rmsprop", 0.1)])
def test_other_optimizers_and_higher_degree(lab, opt, lr):
    lab.set_degree(2)
    t = lab.run_descent(optimizer=opt, lr=lr, standardize=True, max_steps=20000)
    ref = np.polyfit(CH_X, CH_Y, 2)
    assert len(lab.trace_curves) == 3
    assert t.values[-1] <= t.values[0]
    if t.converged:
        np.testing.assert_allclose(lab.descent_parameters(), ref, rtol=1e-3, atol=1e-3)


def test_state_round_trip_is_json(lab):
    lab.set_points([1, 2, 3, 4], [2, 4, 5, 8])
    lab.set_degree(2)
    lab.set_my_line(1.5, 0.5)
    state = json.loads(json.dumps(lab.get_state()))
    _SESSIONS.append(Session())
    other = RegressionLab(_SESSIONS[-1], None)
    other.set_state(state)
    np.testing.assert_array_equal(other.points()[0], [1, 2, 3, 4])
    assert other.fit().degree == 2
    assert other.model.state.my_line == (1.5, 0.5)
    other.deleteLater()


def test_large_data_set_drag_does_no_per_point_refit(lab, monkeypatch):
    """A drag step costs O(1): the statistics move, nothing is refitted from the
    100,000 points until the drag ends (work is bounded, not time)."""
    import core.regression
    import gui.labs.regression.results as rl

    rng = np.random.default_rng(1)
    x = rng.uniform(40, 80, 100_000)
    y = 0.75 * x + 124 + rng.normal(0, 5, x.size)
    lab.set_points(x, y)
    calls = {"from_points": 0, "fit": 0}
    from_points = core.regression.SufficientStats.from_points.__func__
    fit = rl.fit_polynomial

    def counted_from_points(cls, *a, **k):
        calls["from_points"] += 1
        return from_points(cls, *a, **k)

    def counted_fit(*a, **k):
        calls["fit"] += 1
        return fit(*a, **k)

    monkeypatch.setattr(core.regression.SufficientStats, "from_points",
                        classmethod(counted_from_points))
    monkeypatch.setattr(rl, "fit_polynomial", counted_fit)
    lab.begin_drag(0)
    for i in range(20):
        lab.drag_to(0, 50 + i, 300)
        QApplication.processEvents()
    assert calls == {"from_points": 0, "fit": 0}
    lab.end_drag(0)
    assert calls["from_points"] >= 1  # the drag's end recomputes exactly
    monkeypatch.undo()
    xs, ys = lab.points()
    assert equation_kb(lab)[0] == pytest.approx(np.polyfit(xs, ys, 1)[0], rel=1e-6)


def test_chinese_axis_labels(lab):
    from gui.shell import app as gapp
    gapp.set_language("zh_CN")
    try:
        lab.retranslate()
        assert "体重" in lab.plot.getAxis("bottom").labelText
        assert "身高" in lab.plot.getAxis("left").labelText
    finally:
        gapp.set_language("en")
        lab.retranslate()
    assert "Weight" in lab.plot.getAxis("bottom").labelText


@pytest.mark.gl
def test_surface_reshapes_during_drag(lab, qtbot):
    lab.tabs.setCurrentIndex(2)
    QApplication.processEvents()
    _xs, _ys, Z0 = lab.surface.surface_data()
    Z0 = Z0.copy()
    lab.begin_drag(4)
    lab.drag_to(4, 64, 195)
    qtbot.waitUntil(lambda: not np.allclose(Z0, lab.surface.surface_data()[2]), timeout=2000)
    lab.end_drag(4)
    img = lab.surface.grab().toImage()
    assert img.width() > 100


def test_my_line_handle_drag_is_one_undo_entry(lab):
    session = lab.session_ref
    h = lab.handles[1]
    hx, hy = h.pos().x(), h.pos().y()
    k0, b0 = lab.model.state.my_line
    depth = session.undo_stack.count()
    press(lab, viewport_pos(lab, hx, hy))
    for t in np.linspace(0, 1, 5)[1:]:
        move(lab, viewport_pos(lab, hx, hy + 10 * t))
    k1, b1 = lab.model.state.my_line
    assert k1 > k0  # the right-hand handle went up: the line got steeper, live
    release(lab, viewport_pos(lab, hx, hy + 10))
    assert session.undo_stack.count() == depth + 1
    assert lab.points()[0].size == 8  # no point was added or moved
    session.undo_stack.undo()
    assert lab.model.state.my_line == (k0, b0)


# ------------------------------------------------------ numbers near the float range
def type_in_cell(qtbot, lab, row: int, col: int, text: str) -> None:
    """Type into a table cell as a user does: open its editor, type, Return."""
    table = lab.table
    idx = lab.table_model.index(row, col)
    table.setCurrentIndex(idx)
    table.edit(idx)
    editors = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1
    editors[0].selectAll()
    qtbot.keyClicks(editors[0], text)
    qtbot.keyClick(editors[0], Qt.Key.Key_Return)
    QApplication.processEvents()


def assert_views_usable(lab):
    for vb in (lab.viewbox, lab.contour.getPlotItem().vb,
               lab.descent_contour.getPlotItem().vb):
        (x0, x1), (y0, y1) = vb.viewRange()
        assert all(np.isfinite([x0, x1, y0, y1])) and x0 < x1 and y0 < y1
    for s in (lab.k_slider, lab.b_slider):
        assert np.isfinite([s.lo, s.hi]).all() and s.lo < s.hi


@pytest.mark.parametrize("cells", [
    # four numbers typed into the table: the slider range's step (log10 of an
    # infinite width) and the cost view's range (±inf) raised inside the undo command
    [(0, 0, "1e308"), (0, 1, "-1e300"), (1, 0, "-1e300"), (1, 1, "1e154")],
    [(0, 0, "1.7e308"), (1, 0, "-1.7e308"), (0, 1, "1e16"), (1, 1, "-0")],
    [(0, 1, "1.7e308"), (0, 0, "1e-320"), (1, 1, "-1.7e308"), (2, 0, "5e-324")],
])
def test_extreme_numbers_typed_into_the_table(lab, qtbot, cells):
    stack = lab.session_ref.undo_stack
    count = stack.count()
    with qtbot.capture_exceptions() as caught:
        for row, col, text in cells:
            type_in_cell(qtbot, lab, row, col, text)
    assert caught == []
    x, y = lab.points()
    for row, col, text in cells:
        assert (x, y)[col][row] == float(text)
    assert stack.count() == count + len(cells)
    assert_views_usable(lab)
    # every tab still draws, and the fit is the scaled problem's
    for i in range(lab.tabs.count()):
        lab.tabs.setCurrentIndex(i)
        QApplication.processEvents()
    assert caught == []
    for _ in cells:
        stack.undo()
    np.testing.assert_array_equal(lab.points()[0], CH_X)
    np.testing.assert_array_equal(lab.points()[1], CH_Y)


def test_csv_of_three_points_near_1e300(lab, qtbot):
    """Their sums of squares overflow: math.fsum raised "-inf + inf". The fit is made
    in power-of-two units and agrees with numpy.polyfit of the scaled data."""
    with qtbot.capture_exceptions() as caught:
        assert lab.import_csv_text("x,y\n1e300,2e300\n-1e300,1e300\n5e299,-1e300\n")
        for i in range(lab.tabs.count()):
            lab.tabs.setCurrentIndex(i)
            QApplication.processEvents()
        lab.run_descent()
    assert caught == []
    k, b = np.polyfit([1.0, -1.0, 0.5], [2.0, 1.0, -1.0], 1)
    fit = lab.fit()
    assert fit.k == pytest.approx(k, rel=1e-12)
    assert fit.b == pytest.approx(b * 1e300, rel=1e-12)
    assert "∞" in lab.metrics_label.text()  # SSE ≈ 1e600 is shown as ∞
    assert_views_usable(lab)
    # the cost surface says why it is not drawn instead of raising
    assert lab.cost_stack.currentIndex() == 1
    assert "too large" in lab.cost_unavailable.text()


def test_huge_coordinate_keeps_the_data_plot_range_finite(lab, qtbot):
    """1.7e308 typed as a coordinate: the framed range was [-inf, inf]."""
    with qtbot.capture_exceptions() as caught:
        assert lab.import_csv_text("1.7e308,1\n-1.7e308,2\n0,3\n")
    assert caught == []
    (x0, x1), (y0, y1) = lab.viewbox.viewRange()
    assert np.isfinite([x0, x1, y0, y1]).all() and x0 < 0 < x1 and y0 < 1 and y1 > 3


# ------------------------------------------------------------------ table edits
def test_editing_a_cell_keeps_the_tables_place(lab, qtbot):
    """Every cell edit used to reset the whole table model: the current cell was lost
    and a long table jumped back to its first row."""
    xs = np.arange(2000, dtype=float)
    ys = 3.0 * xs + 1.0 + np.sin(xs)
    lab.set_points(xs, ys)
    table = lab.table
    table.setFocus()
    target = lab.table_model.index(1500, 1)
    table.setCurrentIndex(target)
    table.scrollTo(target)
    QApplication.processEvents()
    scroll = table.verticalScrollBar().value()
    assert scroll > 0
    table.edit(target)
    editor = table.findChild(QLineEdit)
    editor.selectAll()
    editor.insert("−7.5")  # the minus sign the app itself displays
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    ref = ys.copy()
    ref[1500] = -7.5
    qtbot.waitUntil(lambda: lab.points()[1][1500] == -7.5)
    np.testing.assert_array_equal(lab.points()[1], ref)
    assert lab.fit().k == pytest.approx(np.polyfit(xs, ref, 1)[0], rel=1e-9)
    QApplication.processEvents()
    assert (table.currentIndex().row(), table.currentIndex().column()) == (1500, 1)
    assert table.verticalScrollBar().value() == scroll
    # ↓ goes on to the next row, as in any table
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == 1501
    # undo restores the value and still keeps the place
    lab.session_ref.undo_stack.undo()
    np.testing.assert_array_equal(lab.points()[1], ys)
    assert table.currentIndex().row() == 1501
    # adding a row still shows the new row count
    lab._add_row()
    assert lab.table_model.rowCount() == 2001 == table.model().rowCount()


# ------------------------------------------------------------------ messages
@pytest.mark.parametrize("degree, pts, expected", [
    (0, [], "A constant has 1 parameter, so it needs more than 1 point"),
    (0, [(1, 2)], "1 point and 1 parameter: the constant passes through the point"),
    (2, [(1, 2)], "1 point cannot determine a parabola (3 parameters)"),
    (1, [(1, 1), (1, 2), (1, 3)], "3 points all at the same x cannot determine a line"),
])
def test_too_few_points_messages_are_grammatical(lab, degree, pts, expected):
    """'1 points', '1 parameters' and 'only 1 different x values' were shown."""
    lab.set_points([p[0] for p in pts], [p[1] for p in pts])
    lab.set_degree(degree)
    text = lab.status_label.text()
    assert lab.status_label.isVisible()
    assert expected in text
    assert not any(s in text for s in ("1 points", "1 parameters", "1 different x values"))


def _close_csv_box(lab):
    box = getattr(lab, "_csv_box", None)
    if box is not None:
        box.close()


@pytest.mark.parametrize("text, line, en, zh", [
    ("x,y\n1,2\n3\n4,5", 3, "expected 2 columns (x and y), found 1", "应为 2 列"),
    ("1;2\n3;abc\n", 2, "y value 'abc' is not a number", "不是数字"),
    ("1,2\n3,inf\n", 2, "y value 'inf' is not a finite number", "不是有限的数"),
    ("a,b,c\n1,2\n", 1, "the header has 3 columns", "表头有 3 列"),
])
def test_csv_errors_name_the_line_in_the_users_language(lab, text, line, en, zh):
    """The problem of each bad line came from core in English, also in Chinese."""
    from gui.shell import app as gapp

    assert not lab.import_csv_text(text)
    _close_csv_box(lab)
    assert f"Line {line}: {en}" in lab.last_error_text
    try:
        assert gapp.set_language("zh_CN")
        assert not lab.import_csv_text(text)
        _close_csv_box(lab)
        msg = lab.last_error_text
        assert f"第 {line} 行" in msg and zh in msg
        assert "expected" not in msg and "is not a" not in msg and "header" not in msg
    finally:
        gapp.set_language("en")
    x, y = lab.points()
    np.testing.assert_array_equal(x, CH_X)
    np.testing.assert_array_equal(y, CH_Y)


@pytest.mark.parametrize("text", ["", "x,y\n", "\n\n  \n", "# only a comment\n"])
def test_csv_without_data_rows_says_so_plainly(lab, text):
    """'These rows could not be read: no data rows found' named no row at all."""
    assert not lab.import_csv_text(text)
    _close_csv_box(lab)
    msg = lab.last_error_text
    assert "no rows with two numbers" in msg and "These rows could not be read" not in msg
    np.testing.assert_array_equal(lab.points()[0], CH_X)


def test_long_best_fit_equation_is_shown_whole(lab):
    """A degree-6 equation ran past the right edge of the results card (cut off at
    '… + 301'); it now shrinks to fit and is also the label's tooltip."""
    from PySide6.QtGui import QFontMetricsF

    lab.resize(1400, 900)
    QApplication.processEvents()
    lab.set_degree(6)
    QApplication.processEvents()
    label = lab.equation_label
    text = label.text()
    assert label.toolTip() == text
    fm = QFontMetricsF(label.font())
    assert fm.horizontalAdvance(text) <= label.width()
    # the numbers on screen are numpy.polyfit's, to the 8 digits shown
    ref = np.polyfit(CH_X, CH_Y, 6)
    t = text.replace("−", "-").replace(" ", "")
    sup = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
    t = re.sub(r"×10([⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)", lambda m: "e" + m.group(1).translate(sup), t)
    coeffs = [float(v) for v in re.findall(r"[-+]?\d+(?:\.\d+)?(?:e-?\d+)?(?=x|$)", t[2:])]
    assert len(coeffs) == 7
    np.testing.assert_allclose(coeffs, ref, rtol=1e-6)
    # a line keeps the large font
    lab.set_degree(1)
    QApplication.processEvents()
    assert "15pt" in label.styleSheet()


# ------------------------------------------------------------------ many points
def test_residual_and_square_limits_are_explained(lab):
    """With many points the residuals/squares silently vanished while their boxes
    stayed checked."""
    rng = np.random.default_rng(7)
    lab.squares_check.setChecked(True)
    assert lab.residuals_check.isChecked()
    assert lab.squares_item.isVisible() and not lab.limit_label.isVisible()
    xs = rng.uniform(0, 10, 1500)
    lab.set_points(xs, 2 * xs + rng.normal(0, 1, xs.size))
    assert not lab.squares_item.isVisible() and lab.residual_curve.isVisible()
    assert lab.limit_label.isVisible() and "1,000" in lab.limit_label.text()
    xs = rng.uniform(0, 10, 6000)
    lab.set_points(xs, 2 * xs + rng.normal(0, 1, xs.size))
    assert not lab.residual_curve.isVisible()
    assert "5,000" in lab.limit_label.text() and "1,000" in lab.limit_label.text()
    lab.squares_check.setChecked(False)
    assert lab.limit_label.text() == "(residuals are drawn for up to 5,000 points)"
    lab.residuals_check.setChecked(False)
    assert not lab.limit_label.isVisible()


def test_a_dense_cloud_of_points_stays_visible(lab):
    """With thousands of points the markers' white outlines painted over the cloud:
    6,000 points along a curve showed as an almost white smear."""
    xs = np.linspace(0, 10, 6000)
    ys = 2 * xs + np.sin(7 * xs)
    lab.set_points(xs, ys)
    QApplication.processEvents()
    img = lab.plot.grab().toImage()
    ratio = img.width() / lab.plot.width()
    blue = 0
    probes = range(200, 5800, 400)
    for i in probes:
        p = lab.plot.mapFromScene(lab.viewbox.mapViewToScene(QPointF(xs[i], ys[i])))
        c = img.pixelColor(int(p.x() * ratio), int(p.y() * ratio))
        blue += c.blue() > c.red() + 60 and c.lightness() < 200
    assert blue >= 0.8 * len(probes)
    # a few points keep the large outlined markers
    lab.load_dataset("chapter_heights")
    assert lab.scatter.opts["size"] == 10
