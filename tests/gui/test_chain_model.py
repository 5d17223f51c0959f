"""Chain Lab: every widget shows the model.  Edits pushed on ``lab.model`` directly
(as undo, a lesson or a loaded session do) reach every section's widgets; each
section redraws only when its own part changes; the backprop step is view state."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest

from gui import theme
from gui.labs.chain.widgets import is_dragged
from gui.labs.model import EditCommand
from gui.shell import app as gapp


@pytest.fixture
def lab(make_chain_lab):
    return make_chain_lab()


def push(lab, change, text="edit"):
    lab._session_ref.push(EditCommand(lab.model, change, text))


def undo(lab):
    lab._session_ref.undo_stack.undo()


def test_single_widgets_show_the_model(lab, qtbot):
    sec = lab.sections["single"]
    push(lab, {"single": {"f": "sin(u)", "g": "x^2", "x": 1.25, "dx": -0.4}})
    assert sec.f_field.edit.text() == "sin(u)" and sec.g_field.edit.text() == "x^2"
    assert sec.x_ctl.spin.value() == pytest.approx(1.25)
    assert sec.x_ctl.slider.value() == round((1.25 + 2.5) / 0.01)
    assert sec.dx_ctl.spin.value() == pytest.approx(-0.4)
    assert "cos" in sec.deriv_label.text()
    assert sec.point.pos().x() == pytest.approx(1.25)
    undo(lab)
    assert sec.f_field.edit.text() == "u^2" and sec.g_field.edit.text() == "3x + 1"
    assert sec.x_ctl.spin.value() == pytest.approx(0.5)
    assert sec.dx_ctl.spin.value() == pytest.approx(0.8)
    assert sec.point.pos().x() == pytest.approx(0.5)


def test_multi_vector_and_neuron_widgets_show_the_model(lab, qtbot):
    multi, vec, nr = (lab.sections[k] for k in ("multi", "vector", "neuron"))
    push(lab, {"multi": {"u": "x·y", "x": -1.5, "wrt": "y"},
               "vector": {"f": "x^2 - y^2", "dy": -0.7},
               "neuron": {"w1": 1.75, "activation": "tanh", "eta": 0.25}})
    assert multi.fields["u"].edit.text() == "x·y"
    assert multi.x_ctl.spin.value() == pytest.approx(-1.5)
    assert multi.wrt_y.isChecked() and not multi.wrt_x.isChecked()
    assert vec.field.edit.text() == "x^2 - y^2"
    assert vec.ctls["dy"].spin.value() == pytest.approx(-0.7)
    assert vec.pad_handle.pos().y() == pytest.approx(-0.7)
    assert nr.spins["w1"].value() == pytest.approx(1.75)
    assert nr.act.currentData() == "tanh"
    assert nr.eta.value() == pytest.approx(0.25)
    undo(lab)
    assert multi.fields["u"].edit.text() == "x + y"
    assert multi.wrt_x.isChecked()
    assert vec.field.edit.text() == "x^2 + y^2"
    assert vec.pad_handle.pos().y() == pytest.approx(0.6)
    assert nr.spins["w1"].value() == pytest.approx(0.5)
    assert nr.act.currentData() == "sigmoid"
    assert nr.eta.value() == pytest.approx(0.5)
    assert lab._session_ref.undo_stack.count() == 1  # showing the model pushed nothing


def test_a_section_redraws_only_when_its_part_changes(lab, qtbot, monkeypatch):
    calls = {k: 0 for k in lab.sections}
    for key, sec in lab.sections.items():
        orig = sec.refresh

        def counted(orig=orig, key=key):
            calls[key] += 1
            orig()
        monkeypatch.setattr(sec, "refresh", counted)
    lab.set_x(1.0)
    assert calls == {"single": 1, "multi": 0, "vector": 0, "neuron": 0}
    lab.set_neuron(b=0.3)
    assert calls == {"single": 1, "multi": 0, "vector": 0, "neuron": 1}
    lab.show_section("vector")  # the section shown is no section's part
    assert calls == {"single": 1, "multi": 0, "vector": 0, "neuron": 1}
    undo(lab)
    assert calls["neuron"] == 2 and calls["single"] == 1


def test_repeats_merge_by_field(lab, qtbot):
    stack = lab._session_ref.undo_stack
    lab.set_x(1.0)
    lab.set_x(1.1)
    assert stack.count() == 1
    lab.set_dx(0.2)  # another field of the same section: its own entry
    assert stack.count() == 2
    undo(lab)
    assert lab.state["single"]["dx"] == pytest.approx(0.8)
    assert lab.state["single"]["x"] == pytest.approx(1.1)
    undo(lab)
    assert lab.state["single"]["x"] == pytest.approx(0.5)


def test_a_no_op_edit_pushes_nothing(lab, qtbot):
    lab.set_x(lab.state["single"]["x"])
    assert lab._session_ref.undo_stack.count() == 0


def test_backprop_step_is_view_state(lab, qtbot):
    sec = lab.sections["neuron"]
    saved = lab.get_state()
    lab.backprop_step()
    lab.backprop_step()
    assert sec.bp_index == 2
    assert lab.get_state() == saved  # not saved
    assert lab._session_ref.undo_stack.count() == 0  # not an edit
    lab.set_neuron(w2=0.1)  # a new neuron: the backward pass starts again
    assert sec.bp_index == 0 and sec.shown_adjoints() == {}
    lab.backpropagate()
    n = sec.bp_index
    assert n == len(sec.steps())
    lab.gd_step()  # every step was shown: they stay shown for the new weights
    assert sec.bp_index == n


def test_session_restore_reaches_the_widgets(lab, qtbot):
    session = lab._session_ref
    state = lab.get_state()
    state["single"]["x"] = -1.25
    state["neuron"]["activation"] = "relu"
    state["section"] = "multi"
    session.restore({"chain": state})
    assert lab.sections["single"].x_ctl.spin.value() == pytest.approx(-1.25)
    assert lab.sections["neuron"].act.currentData() == "relu"
    assert lab.current_section() == "multi" and lab.nav.currentRow() == 1


def test_dragging_the_handle_is_one_entry(lab, qtbot):
    lab.show_section("vector")
    sec = lab.sections["vector"]
    stack = lab._session_ref.undo_stack
    vb = sec.pad.getPlotItem().vb
    vp = sec.pad.viewport()

    def at(x, y):
        return sec.pad.mapFromScene(vb.mapViewToScene(QPointF(x, y)))

    start = at(0.3, 0.6)
    QTest.mouseMove(vp, start)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    seen = False
    for i in range(1, 9):
        QTest.mouseMove(vp, at(0.3 - 0.1 * i, 0.6 - 0.1 * i))
        qtbot.wait(5)
        seen = seen or is_dragged(sec.pad_handle)
    end = at(-0.5, -0.2)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert seen and not is_dragged(sec.pad_handle)
    assert stack.count() == 1
    assert lab.state["vector"]["dx"] == pytest.approx(-0.5, abs=0.06)
    assert sec.ctls["dx"].spin.value() == pytest.approx(lab.state["vector"]["dx"])
    undo(lab)
    assert (lab.state["vector"]["dx"], lab.state["vector"]["dy"]) == (0.3, 0.6)


def test_plot_lines_take_the_theme_colours(lab, qtbot, qapp):
    sec = lab.sections["single"]
    style, palette = qapp.style().name(), QPalette(qapp.palette())
    try:
        for name in ("dark", "light"):
            gapp.apply_theme(qapp, name)
            qapp.processEvents()
            dark = name == "dark"
            assert sec.curve.opts["pen"].color() == QColor(theme.colour("chain.curve", dark))
            bg = sec.plot.backgroundBrush().color()
            assert bg == QColor(theme.colour("plot.background", dark))
    finally:
        qapp.setStyle(style)
        qapp.setPalette(palette)
        qapp.processEvents()
