"""Lessons 1.1–3.5: each opens the right lab with the right example, and the
chapter's numbers come out of the screens it sets up (checked against the
chapter's values, not against the app's own output)."""
from __future__ import annotations

import math

import numpy as np
import pytest

from gui.shell.lessons import LESSONS
from gui.shell.main_window import MainWindow


@pytest.fixture
def win(qtbot, settings_tmp):
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_every_lesson_opens_its_lab_and_panel(win):
    ids = [lesson.id for lesson in LESSONS]
    assert ids[0] == "1.1" and ids[-1] == "3.5"
    assert {i.split(".")[0] for i in ids} == {"1", "2", "3"}
    for lesson in LESSONS:
        assert win.apply_lesson(lesson.id), lesson.id
        assert win.current_lab_name() == lesson.lab
        assert win.lesson_dock.isVisible()
        assert win.lesson_panel.title.text() == lesson.tr_title()
        # menu entry exists with the same title
        assert win.lesson_actions[lesson.id].text() == lesson.tr_title()


def test_lesson_is_one_undo_entry(win):
    d = win.labs["descent"]
    d.set_function_text("x^2 + 5y^2")
    before = d.function_text()
    win.apply_lesson("2.5")
    assert d.function_text() != before
    win.session.undo_stack.undo()
    assert d.function_text() == before


def test_lesson_2_1_paraboloid_steps_by_0_8(win):
    win.apply_lesson("2.1")
    t = win.labs["descent"].trajectory("gd")
    assert t.points[0] == pytest.approx([3, 2])
    assert t.points[1] == pytest.approx([2.4, 1.6], abs=1e-12)
    assert t.points[2] == pytest.approx([1.92, 1.28], abs=1e-12)


def test_lesson_2_4_reaches_minimum_2_at_1_2(win):
    win.apply_lesson("2.4")
    t = win.labs["descent"].trajectory("gd")
    assert t.stop_reason == "gradient_tolerance"
    assert t.points[-1] == pytest.approx([1.0, 2.0], abs=1e-5)
    assert t.values[-1] == pytest.approx(2.0, abs=1e-10)


def test_lesson_2_6_eta_015_diverges_and_014_converges(win):
    win.apply_lesson("2.6")
    d = win.labs["descent"]
    assert d.eta() == pytest.approx(0.15)
    t = d.trajectory("gd")
    assert t.stop_reason == "diverged"
    bound = 2 / (7 + math.sqrt(45))
    assert f"{bound:.4f}" in d.status_text()  # "… above 2/λmax ≈ 0.1459 …"
    d.set_learning_rate(0.14)
    t = d.trajectory("gd")
    assert t.stop_reason == "gradient_tolerance"
    assert t.points[-1] == pytest.approx([1.0, 2.0], abs=1e-5)


def test_lesson_2_5_three_variables(win):
    win.apply_lesson("2.5")
    d = win.labs["descent"]
    assert d.variables() == ("x", "y", "z")
    t = d.trajectory("gd")
    assert t.points[-1] == pytest.approx([1.0, -1.0, 2.0], abs=1e-5)


def test_lesson_3_4_heights_and_weights_fit(win):
    win.apply_lesson("3.4")
    r = win.labs["regression"]
    x, y = r.points()
    assert x.tolist() == [48, 57, 50, 54, 64, 61, 43, 59]
    assert y.tolist() == [165, 165, 157, 170, 175, 165, 155, 170]
    fit = r.fit()
    assert fit.k == pytest.approx(0.75141242937853, rel=1e-10)
    assert fit.b == pytest.approx(124.29802259887, rel=1e-10)
    assert fit.r == pytest.approx(0.79847, abs=5e-6)
    assert fit.r2 == pytest.approx(0.63756, abs=5e-6)
    assert fit.sse == pytest.approx(113.6243, abs=5e-5)
    k, b = np.polyfit(x, y, 1)
    assert (fit.k, fit.b) == pytest.approx((k, b), rel=1e-9)


def test_lesson_3_5_underdetermined_parabola(win):
    win.apply_lesson("3.5")
    r = win.labs["regression"]
    fit = r.fit()
    assert fit.degree == 2 and fit.n_points == 3
    assert fit.status == "exact"
    assert fit.sse == pytest.approx(0.0, abs=1e-9)
    assert "3" in r.status_text(fit)


def test_lesson_1_2_chain_rule_numbers(win):
    win.apply_lesson("1.2")
    c = win.labs["chain"]
    assert c.current_section() == "single"
    c.set_x(0.5)
    # y = (3x + 1)²: dy/du = 2u = 5, du/dx = 3, dy/dx = 6(3x + 1) = 15 at x = 0.5
    v = c.sections["single"].values()
    assert (v.dy_du, v.du_dx, v.dy_dx) == pytest.approx((5.0, 3.0, 15.0), abs=1e-12)
