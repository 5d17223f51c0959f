"""Chain Rule Lab: the screens a student touches, checked against independent
references (finite differences, sympy through core.chain, the core's reverse mode)."""
from __future__ import annotations

import json
import math

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel

from core.chain import Neuron
from gui.labs.chain.lab import NEURON_PARAMS, fmt


@pytest.fixture
def lab(make_chain_lab):
    w = make_chain_lab()
    w._test_session = w._session_ref
    return w


def fd(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


def retype(qtbot, line_edit, text):
    line_edit.setFocus()
    qtbot.keyClick(line_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(line_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(line_edit, text)


# ----------------------------------------------------------------- single variable
def test_typing_functions_updates_derivatives(lab, qtbot):
    sec = lab.sections["single"]
    retype(qtbot, sec.f_field.edit, "sin(u)")
    retype(qtbot, sec.g_field.edit, "x^2")
    assert lab.state["single"]["f"] == "sin(u)"
    assert lab.state["single"]["g"] == "x^2"
    x0 = lab.state["single"]["x"]
    v = sec.values()
    F = lambda x: math.sin(x * x)  # noqa: E731 - the reference composite
    assert v.dy_dx == pytest.approx(fd(F, x0), rel=1e-7, abs=1e-9)
    assert v.dy_du == pytest.approx(math.cos(x0 * x0))
    assert v.du_dx == pytest.approx(2 * x0)
    text = sec.deriv_label.text()
    assert fmt(v.dy_dx) in text and "2x" in text and "cos" in text
    # the tangent line on the plot has slope dy/dx and passes through (x, F(x))
    xs, ys = sec.tangent.getData()
    slope = (ys[-1] - ys[0]) / (xs[-1] - xs[0])
    assert slope == pytest.approx(fd(F, x0), rel=1e-6)
    assert np.interp(x0, xs, ys) == pytest.approx(F(x0), abs=1e-9)


def test_bad_function_shows_error_and_keeps_last_good(lab, qtbot):
    sec = lab.sections["single"]
    before = sec.values().dy_dx
    retype(qtbot, sec.f_field.edit, "u^2 + (u")
    assert sec.f_field.has_error
    assert sec.f_field.error.isVisible()
    err = sec.f_field.error.text()
    assert "never closed" in err and "character 7" in err
    assert lab.state["single"]["f"].strip() == "u^2"  # the last text that parsed
    assert sec.values().dy_dx == before
    # an unknown variable is reported at its position
    retype(qtbot, sec.f_field.edit, "u + x")
    assert "character 5" in sec.f_field.error.text()
    # fixing it clears the error
    retype(qtbot, sec.f_field.edit, "u^3")
    assert not sec.f_field.has_error and not sec.f_field.error.isVisible()
    assert lab.state["single"]["f"] == "u^3"


def test_moving_the_point_updates_dydx(lab, qtbot):
    sec = lab.sections["single"]
    F = lambda x: (3 * x + 1) ** 2  # noqa: E731
    # slider
    sec.x_ctl.slider.setValue(sec.x_ctl.slider.value() + 70)  # +0.7
    x0 = lab.state["single"]["x"]
    assert x0 == pytest.approx(1.2)
    assert sec.values().dy_dx == pytest.approx(fd(F, x0), rel=1e-7)
    assert fmt(18 * x0 + 6) in sec.deriv_label.text()
    # the spin box (typed)
    spin = sec.x_ctl.spin
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, "-0.25")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert lab.state["single"]["x"] == pytest.approx(-0.25)
    assert sec.values().dy_dx == pytest.approx(fd(F, -0.25), rel=1e-7, abs=1e-8)
    # public API
    lab.set_x(2.0)
    assert sec.values().dy_dx == pytest.approx(42.0)
    assert sec.x_ctl.spin.value() == pytest.approx(2.0)


def test_click_and_drag_on_plot_moves_x(lab, qtbot):
    sec = lab.sections["single"]
    vb = sec.plot.getPlotItem().vb
    scene_pt = vb.mapViewToScene(QPointF(-1.0, 0.0))
    view_pt = sec.plot.mapFromScene(scene_pt)
    qtbot.mouseClick(sec.plot.viewport(), Qt.MouseButton.LeftButton, pos=view_pt)
    assert lab.state["single"]["x"] == pytest.approx(-1.0, abs=0.02)
    # dragging the point: pyqtgraph moves the TargetItem, the lab snaps it to the curve
    sec.point.setPos(0.8, 123.0)
    assert lab.state["single"]["x"] == pytest.approx(0.8)
    assert sec.point.pos().y() == pytest.approx((3 * 0.8 + 1) ** 2)


def test_approximation_panel(lab, qtbot):
    sec = lab.sections["single"]
    lab.set_x(0.5)
    lab.set_dx(0.1)
    F = lambda x: (3 * x + 1) ** 2  # noqa: E731
    true = F(0.6) - F(0.5)
    approx = 15 * 0.1
    text = sec.approx_label.text()
    assert fmt(true) in text and fmt(approx) in text and fmt(true - approx) in text
    xs, ys = sec.true_seg.getData()
    assert list(xs) == pytest.approx([0.6, 0.6])
    assert list(ys) == pytest.approx([F(0.5), F(0.6)])


def test_presets_and_undo(lab, qtbot):
    sec = lab.sections["single"]
    stack = lab._test_session.undo_stack
    sec.preset.setCurrentIndex(2)
    sec.preset.activated.emit(2)  # the sigmoid of a line
    assert lab.state["single"]["f"] == "sigmoid(u)"
    assert sec.f_field.edit.text() == "sigmoid(u)"
    x0 = lab.state["single"]["x"]
    s = 1 / (1 + math.exp(-(2 * x0 - 1)))
    assert sec.values().dy_dx == pytest.approx(2 * s * (1 - s))
    stack.undo()
    assert lab.state["single"]["f"] == "u^2"
    assert sec.f_field.edit.text() == "u^2"


def test_slider_drag_is_one_undo_entry(lab, qtbot):
    sec = lab.sections["single"]
    stack = lab._test_session.undo_stack
    n = stack.count()
    for _ in range(10):
        sec.x_ctl.slider.setValue(sec.x_ctl.slider.value() + 5)
    assert stack.count() == n + 1
    assert lab.state["single"]["x"] == pytest.approx(1.0)
    stack.undo()
    assert lab.state["single"]["x"] == pytest.approx(0.5)
    assert sec.x_ctl.spin.value() == pytest.approx(0.5)


def test_undo_restores_typed_function(lab, qtbot):
    sec = lab.sections["single"]
    retype(qtbot, sec.g_field.edit, "5x")
    assert lab.state["single"]["g"] == "5x"
    lab._test_session.undo_stack.undo()
    assert lab.state["single"]["g"] == "3x + 1"
    assert sec.g_field.edit.text() == "3x + 1"


# ----------------------------------------------------------------- several variables
@pytest.mark.parametrize("preset", range(5))
def test_path_sum_equals_direct_differentiation(lab, qtbot, preset):
    from core.expression import parse
    from gui.labs.chain.lab import MULTI_PRESETS

    lab.show_section("multi")
    sec = lab.sections["multi"]
    sec.preset.activated.emit(preset + 1)
    f, u, v = MULTI_PRESETS[preset]
    assert (lab.state["multi"]["f"], lab.state["multi"]["u"], lab.state["multi"]["v"]) == (f, u, v)
    lab.set_point(0.7, -0.4)
    vals = sec.values()
    fo, uo, vo = parse(f, ("u", "v")), parse(u, ("x", "y")), parse(v, ("x", "y"))
    Z = lambda x, y: float(fo.value(uo.value(x, y), vo.value(x, y)))  # noqa: E731
    assert vals.dz_dx == pytest.approx(vals.path_u_x + vals.path_v_x)
    assert vals.dz_dx == pytest.approx(vals.dz_dx_direct, rel=1e-12, abs=1e-12)
    assert vals.dz_dx == pytest.approx(fd(lambda x: Z(x, -0.4), 0.7), rel=1e-6, abs=1e-7)
    assert vals.dz_dy == pytest.approx(fd(lambda y: Z(0.7, y), -0.4), rel=1e-6, abs=1e-7)
    text = sec.sum_label.text()
    assert fmt(vals.dz_dx) in text and "agrees" in text
    # ∂z/∂y
    sec.wrt_y.click()
    assert lab.state["multi"]["wrt"] == "y"
    text = sec.sum_label.text()
    assert fmt(vals.path_u_y) in text and fmt(vals.path_v_y) in text
    assert fmt(vals.dz_dy) in text and "agrees" in text


def test_graph_highlights_contributing_paths(lab, qtbot):
    lab.show_section("multi")
    sec = lab.sections["multi"]
    lab.set_point(1.0, 2.0)
    v = sec.values()
    solid = lambda e: e.line.pen().style() == Qt.PenStyle.SolidLine  # noqa: E731
    E = sec.edges
    assert solid(E[("x", "u")]) and solid(E[("x", "v")])
    assert not solid(E[("y", "u")]) and not solid(E[("y", "v")])
    assert solid(E[("u", "z")]) and solid(E[("v", "z")])
    assert fmt(v.du_dx) in E[("x", "u")].label.toPlainText()
    assert "∂z/∂u" in E[("u", "z")].label.toPlainText()
    sec.wrt_y.click()
    assert solid(E[("y", "u")]) and not solid(E[("x", "u")])


# ----------------------------------------------------------------- neuron
def _neuron(lab) -> Neuron:
    st = lab.state["neuron"]
    return Neuron(**{k: st[k] for k in NEURON_PARAMS}, activation=st["activation"])


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu", "identity"])
def test_backprop_steps_reach_every_node(lab, qtbot, activation):
    lab.show_section("neuron")
    sec = lab.sections["neuron"]
    sec.act.setCurrentIndex(sec.act.findData(activation))
    sec.act.activated.emit(sec.act.findData(activation))
    assert lab.state["neuron"]["activation"] == activation
    nr = _neuron(lab)
    adj = nr.backward()
    reached = set()
    n_steps = len(nr.backward_steps())
    for i in range(n_steps):
        qtbot.mouseClick(sec.btn_step, Qt.MouseButton.LeftButton)
        shown = sec.shown_adjoints()
        reached |= set(shown)
        assert f"Step {i + 1} of {n_steps}" in sec.step_label.text()
    assert not sec.btn_step.isEnabled()
    assert reached == set(nr.forward())
    shown = sec.shown_adjoints()
    for name, (value, complete) in shown.items():
        assert complete
        assert value == pytest.approx(adj[name], rel=1e-12, abs=1e-15)
        # (toHtml() never holds the typed "<b>": Qt rewrites it as a styled span)
        assert f"∂C/∂{name} = {fmt(value)}" in sec.nodes[name].text.toPlainText()
    # finite differences on the inputs
    from dataclasses import replace
    for p in ("w1", "w2", "b", "x1", "x2", "t"):
        v = getattr(nr, p)
        h = 1e-6
        ref = (replace(nr, **{p: v + h}).cost - replace(nr, **{p: v - h}).cost) / (2 * h)
        assert shown[p][0] == pytest.approx(ref, rel=1e-5, abs=1e-8)


def test_backprop_step_api_and_symbolic_agree(lab, qtbot):
    from core.chain import symbolic_gradient

    sec = lab.sections["neuron"]
    lab.backprop_step()
    assert set(sec.shown_adjoints()) == {"C"}
    assert "∂C/∂C = 1" in sec.step_label.text()
    lab.backprop_step()
    assert "y" in sec.shown_adjoints()
    nr = _neuron(lab)
    sym = symbolic_gradient(nr)
    adj = nr.backward()
    for p in ("w1", "w2", "b", "x1", "x2"):
        assert adj[p] == pytest.approx(sym[p], rel=1e-12, abs=1e-15)
    assert sec._table_html(nr).count("✔") == 5
    lab.backpropagate()
    assert sec.bp_index == len(nr.backward_steps())
    qtbot.mouseClick(sec.btn_reset, Qt.MouseButton.LeftButton)
    assert sec.shown_adjoints() == {}


def test_gd_step_lowers_cost_and_undo_restores(lab, qtbot):
    lab.show_section("neuron")
    sec = lab.sections["neuron"]
    stack = lab._test_session.undo_stack
    before = _neuron(lab)
    eta = lab.state["neuron"]["eta"]
    g = before.gradient()
    qtbot.mouseClick(sec.btn_gd, Qt.MouseButton.LeftButton)
    after = _neuron(lab)
    for p in ("w1", "w2", "b"):
        assert getattr(after, p) == pytest.approx(getattr(before, p) - eta * g[p], rel=1e-15)
        assert sec.spins[p].value() == pytest.approx(getattr(after, p), abs=1e-4)
    assert after.cost < before.cost
    for _ in range(4):
        lab.gd_step()
    costs = list(lab.state["neuron"]["history"]) + [_neuron(lab).cost]
    assert len(costs) == 6 and all(b < a for a, b in zip(costs, costs[1:], strict=False))
    xs, ys = sec.cost_curve.getData()
    assert list(ys) == pytest.approx(costs)
    for _ in range(5):
        stack.undo()
    assert _neuron(lab) == before
    assert lab.state["neuron"]["history"] == []
    assert sec.spins["w1"].value() == pytest.approx(before.w1)


def test_gd_step_past_the_weight_limit_is_refused_with_a_message(lab, qtbot):
    """A step of a huge gradient would take w1 past the ±1e6 the lab allows: the step is
    refused, nothing changes, nothing is pushed, and the student is told why."""
    st = dict(lab.state)
    st["neuron"] = dict(st["neuron"], w1=9e5, w2=0.0, b=0.0, x1=1000.0, x2=0.0, t=0.0,
                        activation="identity", eta=10.0, history=[])
    lab.set_state(st)
    lab.show_section("neuron")
    before = _neuron(lab)
    assert abs(before.w1 - 10.0 * before.gradient()["w1"]) > 1e6  # the step would overflow
    session = lab._test_session
    messages: list[str] = []
    session.status.connect(messages.append)
    count = session.undo_stack.count()
    qtbot.mouseClick(lab.sections["neuron"].btn_gd, Qt.MouseButton.LeftButton)
    assert _neuron(lab) == before
    assert lab.state["neuron"]["history"] == []
    assert session.undo_stack.count() == count
    assert len(messages) == 1 and "neuron.w1" in messages[0] and "range" in messages[0]


def test_neuron_parameter_edit_and_eta_are_undoable(lab, qtbot):
    sec = lab.sections["neuron"]
    stack = lab._test_session.undo_stack
    spin = sec.spins["w2"]
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, "1.5")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert lab.state["neuron"]["w2"] == pytest.approx(1.5)
    assert fmt(_neuron(lab).forward()["p2"]) in sec.nodes["p2"].text.toPlainText()
    sec.eta.setValue(0.1)
    assert lab.state["neuron"]["eta"] == pytest.approx(0.1)
    stack.undo()
    stack.undo()
    assert lab.state["neuron"]["w2"] == pytest.approx(-0.4)
    assert lab.state["neuron"]["eta"] == pytest.approx(0.5)


# ----------------------------------------------------------------- vector form, state, language
def test_vector_numbers(lab, qtbot):
    lab.show_section("vector")
    sec = lab.sections["vector"]
    sec.ctls["dx"].spin.setValue(0.2)
    sec.ctls["dy"].spin.setValue(0.1)
    st = lab.state["vector"]
    assert (st["dx"], st["dy"]) == (pytest.approx(0.2), pytest.approx(0.1))
    f = lambda x, y: x * x + y * y  # noqa: E731
    x, y = st["x"], st["y"]
    true = f(x + 0.2, y + 0.1) - f(x, y)
    approx = 2 * x * 0.2 + 2 * y * 0.1
    n = sec.numbers()
    assert n["true"] == pytest.approx(true) and n["approx"] == pytest.approx(approx)
    assert fmt(true) in sec.true_label.text()
    assert fmt(approx) in sec.approx_label.text()
    # dragging the (Δx, Δy) handle is one undoable edit
    sec.pad_handle.setPos(-0.5, 0.4)
    assert (lab.state["vector"]["dx"], lab.state["vector"]["dy"]) == (-0.5, 0.4)


@pytest.mark.parametrize("constant", ["1e16", "1e99", "-1e16", "0"])
def test_vector_constant_surface_does_not_divide_by_zero(lab, qtbot, constant):
    """z = 1e16 is flat: its height range 1e16 ± 1 is 1e16 (ZeroDivisionError)."""
    lab.show_section("vector")
    sec = lab.sections["vector"]
    with qtbot.capture_exceptions() as caught:
        retype(qtbot, sec.field.edit, constant)
    assert caught == []
    assert lab.state["vector"]["f"] == constant
    _fo, _xs, _Z, lo, hi = sec.objective()
    assert math.isfinite(hi - lo) and hi - lo > 0 and lo < float(constant) < hi
    n = sec.numbers()
    assert n["gx"] == 0 and n["gy"] == 0 and n["true"] == 0 and n["approx"] == 0
    assert f"∇z = ({fmt(0.0)}, {fmt(0.0)})" in sec.grad_label.text()


def test_single_variable_plot_range_survives_huge_values(lab, qtbot):
    """f(u) = u¹⁹⁹ reaches ±1.7e308 on the plot: the y range's width overflowed."""
    sec = lab.sections["single"]
    with qtbot.capture_exceptions() as caught:
        retype(qtbot, sec.g_field.edit, "35.4 sin(50x)")
        retype(qtbot, sec.f_field.edit, "u^199")
    assert caught == []
    assert lab.state["single"]["f"] == "u^199"
    (_x0, _x1), (y0, y1) = sec.plot.getPlotItem().vb.viewRange()
    assert math.isfinite(y0) and math.isfinite(y1) and y0 < y1


@pytest.mark.gl
def test_vector_surface_renders(lab, qtbot):
    lab.show_section("vector")
    sec = lab.sections["vector"]
    qtbot.wait(300)
    img = sec.gl_view.grabFramebuffer()
    assert img.width() > 100
    colors = {img.pixelColor(x, y).name() for x in range(0, img.width(), 37)
              for y in range(0, img.height(), 37)}
    assert len(colors) > 10  # a shaded surface, not a blank or black view
    z0 = sec.numbers()["z0"]
    assert z0 == pytest.approx(1.25)


def test_state_round_trip(lab, qtbot):
    lab.set_single("exp(u)", "sin(x)")
    lab.set_x(1.1)
    lab.set_neuron(w1=0.9, activation="tanh")
    lab.gd_step()
    lab.show_section("neuron")
    state = json.loads(json.dumps(lab.get_state()))
    lab.set_state({})
    assert lab.state["single"]["f"] == "u^2"
    lab.set_state(state)
    assert lab.state == state
    assert lab.current_section() == "neuron"
    assert lab.sections["single"].f_field.edit.text() == "exp(u)"
    # bad saved text falls back to a default instead of crashing
    state["single"]["f"] = "u +"
    lab.set_state(state)
    assert lab.state["single"]["f"] == "u^2"


def test_show_section_and_retranslate(lab, qtbot):
    for name in ("single", "multi", "vector", "neuron"):
        lab.show_section(name)
        assert lab.current_section() == name
        assert lab.nav.currentRow() == ("single", "multi", "vector", "neuron").index(name)
    with pytest.raises(ValueError):
        lab.show_section("nope")
    QApplication.sendEvent(lab, QEvent(QEvent.Type.LanguageChange))
    for sec in lab.sections.values():
        QApplication.sendEvent(sec, QEvent(QEvent.Type.LanguageChange))
    assert lab.nav.item(0).text()
    assert lab.sections["neuron"].btn_gd.text() == "Gradient-descent step"


def test_mouse_drag_of_the_point(lab, qtbot):
    """A real press–move–release on the orange point moves x (one undo entry)."""
    from PySide6.QtTest import QTest

    sec = lab.sections["single"]
    stack = lab._test_session.undo_stack
    n = stack.count()
    vb = sec.plot.getPlotItem().vb
    F = lambda x: (3 * x + 1) ** 2  # noqa: E731

    def to_widget(x, y):
        return sec.plot.mapFromScene(vb.mapViewToScene(QPointF(x, y)))

    vp = sec.plot.viewport()
    start = to_widget(0.5, F(0.5))
    QTest.mouseMove(vp, start)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 11):
        QTest.mouseMove(vp, to_widget(0.5 - 0.1 * i, F(0.5)))
        qtbot.wait(5)
    end = to_widget(-0.5, F(0.5))
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert lab.state["single"]["x"] == pytest.approx(-0.5, abs=0.06)  # within a few pixels
    assert sec.point.pos().y() == pytest.approx(F(lab.state["single"]["x"]))
    assert stack.count() == n + 1
    x0 = lab.state["single"]["x"]
    assert sec.values().dy_dx == pytest.approx(18 * x0 + 6)


def test_backprop_step_back(lab, qtbot):
    sec = lab.sections["neuron"]
    assert not sec.btn_back.isEnabled()
    lab.backprop_step()
    lab.backprop_step()
    qtbot.mouseClick(sec.btn_back, Qt.MouseButton.LeftButton)
    assert set(sec.shown_adjoints()) == {"C"}
    assert "y = σ(z)" in sec.nodes["y"].text.toPlainText()


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu", "identity"])
def test_chain_rule_product_matches_finite_difference(lab, qtbot, activation):
    import re
    from dataclasses import replace

    lab.show_section("neuron")
    sec = lab.sections["neuron"]
    # z = 0.9·1.0 − 0.3·0.5 + 0.2 = 0.95 > 0, so ReLU is on its sloped side
    lab.set_neuron(w1=0.9, w2=-0.3, b=0.2, x1=1.0, x2=0.5, t=0.25)
    sec.act.setCurrentIndex(sec.act.findData(activation))
    sec.act.activated.emit(sec.act.findData(activation))
    assert lab.state["neuron"]["activation"] == activation
    text = sec.chain_label.text()
    doc = QTextDocument()
    doc.setHtml(text)
    plain = doc.toPlainText()
    # the symbolic chain: ∂C/∂y · ∂y/∂z · ∂z/∂w1 = −(t − y) · a′(z) · x1
    expected_dy = {"sigmoid": "σ(z)(1 − σ(z))", "tanh": "(1 − tanh(z)²)",
                   "relu": "(1 if z > 0 else 0)", "identity": "1"}[activation]
    assert "∂C/∂y · ∂y/∂z · ∂z/∂w1" in plain
    assert f"−(t − y) · {expected_dy} · x1" in plain
    assert f"−(t − y) · {expected_dy} · 1" in plain  # ∂z/∂b = 1

    num = r"(−?[0-9.]+)"
    m = re.search(rf"∂C/∂w1 = .*?=\s*{num} × {num} × {num}\s*=\s*{num}", plain, re.S)
    assert m, plain
    f1, f2, f3, shown = (float(g.replace("−", "-")) for g in m.groups())
    nr = _neuron(lab)
    h = 1e-6
    ref = (replace(nr, w1=nr.w1 + h).cost - replace(nr, w1=nr.w1 - h).cost) / (2 * h)
    assert abs(ref) > 1e-3  # a real check, not 0 = 0
    # the factors are shown with 5 significant digits
    assert f1 * f2 * f3 == pytest.approx(ref, rel=5e-5)
    assert shown == pytest.approx(ref, rel=5e-5)
    assert f3 == pytest.approx(nr.x1)


# ----------------------------------------------------------------- ReLU kink
def _relu_cost(nr_params, **change):
    p = dict(nr_params, **change)
    z = p["w1"] * p["x1"] + p["w2"] * p["x2"] + p["b"]
    return 0.5 * (p["t"] - max(0.0, z)) ** 2


def test_relu_at_z_zero_explains_why_the_columns_disagree(lab, qtbot):
    lab.show_section("neuron")
    params = dict(w1=0.5, w2=-0.25, b=0.0, x1=1.0, x2=2.0, t=1.0)
    lab.set_neuron(activation="relu", **params)
    # independent check that this is the kink: the one-sided slopes in b differ
    h = 1e-7
    right = (_relu_cost(params, b=h) - _relu_cost(params)) / h
    left = (_relu_cost(params) - _relu_cost(params, b=-h)) / h
    assert right == pytest.approx(-1.0, abs=1e-6) and left == pytest.approx(0.0, abs=1e-6)
    text = lab.sections["neuron"].table_label.text()
    assert "kink" in text
    # away from the kink the note goes away
    lab.set_neuron(b=0.3)
    assert "kink" not in lab.sections["neuron"].table_label.text()
    assert isinstance(lab.sections["neuron"].table_label, QLabel)


def test_values_beyond_the_float_range_are_called_so_not_undefined(make_chain_lab):
    from gui.labs.model import EditCommand

    lab = make_chain_lab()
    lab.show_section("single")
    sec = lab.sections["single"]
    # exp(exp(exp(5))) = exp(e^148.4…): a real number, far beyond 1.8×10³⁰⁸
    lab.session.push(EditCommand(lab.model, {"single": {"g": "exp(exp(exp(x)))", "x": 5.0}},
                                 "Set g"))
    text = QTextDocument()
    text.setHtml(sec.deriv_label.text())
    shown = text.toPlainText()
    assert "too large for floating-point numbers" in shown
    assert "undefined" not in shown
    # a value outside the domain is still called undefined
    lab.session.push(EditCommand(lab.model, {"single": {"g": "log(x)", "x": -1.0}}, "Set g"))
    text.setHtml(sec.deriv_label.text())
    assert "undefined at this x" in text.toPlainText()
