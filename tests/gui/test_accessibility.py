"""Screen readers: every interactive control in every lab and in the window has an
accessible name of its own, and every plot and 3D view has a name and a description
of what it shows now (issue 12).

The walk goes through the QAccessible tree, as a screen reader does (Orca reads the
same interfaces through AT-SPI): ``queryAccessibleInterface``, ``child(i)``,
``role()``, ``text(Name)`` / ``text(Description)``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QStackedWidget,
    QTextBrowser,
    QWidget,
)

from gui.labs.registry import NAMES
from tests.gui.conftest import CH_X, CH_Y

R = QAccessible.Role
CONTROL_ROLES = {R.PushButton, R.Button, R.ButtonMenu, R.ButtonDropDown, R.CheckBox,
                 R.RadioButton, R.EditableText, R.ComboBox, R.SpinBox, R.Slider, R.Dial,
                 R.PageTab, R.PageTabList, R.Table, R.List, R.Tree}
NAME, DESCRIPTION = QAccessible.Text.Name, QAccessible.Text.Description
#: the 3D views (their GL widget inside is named and described with them)
VIEW_CLASSES = ("SurfaceView", "TangentPlaneView", "OffscreenGLView")


def _shown_in(widget: QWidget, top: QWidget) -> bool:
    """Whether ``widget`` is part of ``top`` as a user can reach it: not hidden,
    except as a page of a stack that another page covers now (a tab, a section)."""
    w: QWidget | None = widget
    while w is not None and w is not top:
        parent = w.parentWidget()
        if w.isHidden() and not (isinstance(parent, QStackedWidget) and parent.indexOf(w) >= 0):
            return False
        w = parent
    return True


def _group_titles(widget: QWidget) -> set[str]:
    out, w = set(), widget.parentWidget()
    while w is not None:
        if isinstance(w, QGroupBox):
            out.add(w.title().replace("&", ""))
        w = w.parentWidget()
    return out


def own_name(iface) -> str:
    """The name a screen reader speaks for this control, or '' when it has none of
    its own: Qt falls back on the title of the box around it (six range fields then
    all say "Plot range and start point") and, on Linux, reads a combo box's current
    item as its name (its label comes through the labelled-by relation)."""
    obj = iface.object()
    name = iface.text(NAME).strip()
    if not isinstance(obj, QWidget) or obj.accessibleName():
        return name
    # a buddy label (Qt also lists the box around a control as its label)
    labelled = [r for r, _ in iface.relations(QAccessible.Relation.Label)
                if isinstance(r.object(), QLabel)]
    if isinstance(obj, QComboBox):
        return name if labelled else ""
    if name in _group_titles(obj) and not labelled:
        return ""
    if not any(c.isalnum() for c in name):  # "◀" is a picture, not a name
        return ""
    return name


@dataclass
class Node:
    """What a screen reader reads of one accessible object (read at once: no
    QAccessibleInterface is kept, its wrapper would outlive the object)."""
    role: QAccessible.Role
    name: str
    own: str
    description: str
    obj: object

    def __str__(self) -> str:
        tip = self.obj.toolTip()[:50] if isinstance(self.obj, QWidget) else ""
        return f"{self.role.name} {type(self.obj).__name__} {tip!r}"


def walk(top: QWidget) -> list[Node]:
    """Every accessible object under ``top`` a user can reach; the rows of tables
    and lists and a combo box's popup are not walked."""
    out = []
    stack = [QAccessible.queryAccessibleInterface(top)]
    while stack:
        iface = stack.pop()
        if iface is None or not iface.isValid():
            continue
        obj = iface.object()
        if isinstance(obj, QWidget) and not _shown_in(obj, top):
            continue
        out.append(Node(iface.role(), iface.text(NAME).strip(), own_name(iface),
                        iface.text(DESCRIPTION).strip(), obj))
        if iface.role() not in (R.Table, R.List, R.Tree, R.ComboBox, R.ScrollBar):
            stack += [iface.child(i) for i in reversed(range(iface.childCount()))]
    return out


def unnamed_controls(top: QWidget) -> list[str]:
    """Controls, and text panels (the step shown, a lesson), with no name."""
    return [str(n) for n in walk(top) if not n.own and (
        n.role in CONTROL_ROLES or isinstance(n.obj, QTextBrowser))]


def views(top: QWidget) -> list[Node]:
    """Each plot and 3D view: pyqtgraph plots, the graph views, the GL views."""
    return [n for n in walk(top)
            if isinstance(n.obj, QGraphicsView) or type(n.obj).__name__ in VIEW_CLASSES]


def silent_views(top: QWidget) -> list[str]:
    return [str(n) for n in views(top) if not n.name or not n.description]


@pytest.fixture
def all_labs(win, qtbot):
    win.build_current_lab()
    for name in NAMES:
        win.labs[name]
    win.lesson_dock.show()
    qtbot.wait(50)
    return win


def test_every_control_in_every_lab_and_the_window_has_a_name(all_labs):
    w = all_labs
    problems = {name: unnamed_controls(w.labs[name]) for name in NAMES}
    problems["window"] = [p for p in unnamed_controls(w)
                          if not any(p in v for v in problems.values())]
    assert {k: v for k, v in problems.items() if v} == {}


def test_controls_side_by_side_have_names_of_their_own(all_labs):
    """Two controls of one kind in one box never share a name (a screen reader
    user could not tell them apart)."""
    seen: dict[tuple, list[str]] = {}
    for name in NAMES:
        for n in walk(all_labs.labs[name]):
            if n.role in CONTROL_ROLES - {R.PageTab} and isinstance(n.obj, QWidget):
                key = (name, id(n.obj.parentWidget()), n.role)
                seen.setdefault(key, []).append(n.own)
    shared = {k: v for k, v in seen.items() if len(v) != len(set(v))}
    assert shared == {}


def test_controls_named_by_a_formula_say_what_it_means(all_labs):
    """'Δx', 'u(x, y) =', 'η (lr)': a name that is a formula comes with a description
    that says what it means."""
    formula = re.compile(r"[=∂∇Δη‖σ]")
    silent = []
    for name in NAMES:
        for n in walk(all_labs.labs[name]):
            if n.role in CONTROL_ROLES and formula.search(n.own) and not n.description:
                silent.append(f"{name} {n} {n.own!r}")
    assert silent == []


def test_every_plot_and_3d_view_has_a_name_and_a_description(all_labs):
    w = all_labs
    found = {name: views(w.labs[name]) for name in NAMES}
    assert all(found.values())  # every lab has views
    assert {name: silent_views(w.labs[name]) for name in NAMES} == \
        {name: [] for name in NAMES}


def name_of(widget: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(NAME)


def description_of(widget: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(DESCRIPTION)


def test_the_range_fields_each_have_their_own_name(make_descent_lab):
    lab = make_descent_lab()
    names = [name_of(e) for es in lab.range_box.range_edits.values() for e in es]
    assert len(names) == 6 and len(set(names)) == 6
    assert names == ["x from", "x to", "x start", "y from", "y to", "y start"]
    assert "f" in name_of(lab.editor) and description_of(lab.editor)


def _numbers(text: str) -> list[str]:
    return re.findall(r"−?\d+(?:\.\d+)?", text)


def test_the_contour_description_follows_the_run(make_descent_lab, qtbot):
    lab = make_descent_lab()
    lab.apply_preset("chapter")
    assert name_of(lab.contour) == "Contour map"
    first = description_of(lab.contour)
    x0, y0 = lab.start()
    assert f"start ({x0:g}, {y0:g})" in first
    # the chapter's minimum: (1, 2), f = 2
    run = lab.trajectory("gd")
    assert f"converges to (1, 2) after {run.n_steps} steps, f = 2" in first
    lab.step(3)
    after_step = description_of(lab.contour)
    assert after_step != first and "step 3 at (" in after_step
    assert description_of(lab.surface) == after_step.replace("Contour map", "3D surface")
    loss = description_of(lab.loss_plot)
    assert f"f falls from 18.25 to 2 in {run.n_steps} steps, at step 3, f = " in loss
    lab.set_start(-1.5, 3.25)
    moved = description_of(lab.contour)
    assert "start (−1.5, 3.25)" in moved
    assert moved not in (first, after_step)
    assert "−1.5" in _numbers(moved) and "3.25" in _numbers(moved)


def test_the_descriptions_are_chinese_in_chinese(make_descent_lab, qtbot):
    from gui.shell import app as gapp

    lab = make_descent_lab()
    lab.apply_preset("chapter")
    try:
        gapp.set_language("zh_CN")
        qtbot.wait(20)
        assert name_of(lab.contour) == "等高线图"
        text = description_of(lab.contour)
        assert text.startswith("等高线图：") and "起点" in text and "步后收敛到" in text
        assert not re.search(r"[A-Za-z]{3,}", text.replace("f(x, y)", ""))
        names = [name_of(e) for es in lab.range_box.range_edits.values() for e in es]
        assert all(re.search(r"[\u4e00-\u9fff]", n) for n in names)
    finally:
        gapp.set_language("en")


def test_every_view_is_described_in_chinese_after_a_live_switch(all_labs, qtbot):
    w = all_labs
    han = re.compile(r"[\u4e00-\u9fff]")
    try:
        w.set_language("zh_CN")
        qtbot.wait(20)
        english = {}
        for name in NAMES:
            for n in views(w.labs[name]):
                if not (han.search(n.name) and han.search(n.description)):
                    english[f"{name} {type(n.obj).__name__}"] = n.description
        assert english == {}
    finally:
        w.set_language("en")


def test_regression_and_chain_views_follow_their_models(make_regression_lab, make_chain_lab):
    lab = make_regression_lab()
    lab.set_points(CH_X, CH_Y)
    k, b = np.polyfit(CH_X, CH_Y, 1)  # the chapter's line y = 0.75141243x + 124.29802
    data = description_of(lab.plot)
    assert "8 points" in data and f"y = {k:.4g}x + {b:.4g}" in data
    lab.add_point(70, 180)
    lab.set_my_line(2, 3)
    data = description_of(lab.plot)
    assert "9 points" in data and "my line y = 2x + 3" in data
    assert "my line at (2, 3)" in description_of(lab.cost_panel.contour)
    contour = lab.descent_panel.plots.contour
    assert "not run yet" in description_of(contour)
    lab.run_descent()
    assert "not run yet" not in description_of(contour)

    chain = make_chain_lab()
    chain.set_single("u^2", "3x + 1")
    chain.set_x(1.5)
    text = description_of(chain.sections["single"].plot)
    # y = (3·1.5 + 1)² = 30.25, dy/dx = 2(3x + 1)·3 = 33
    assert "at x = 1.5: y = 30.25, dy/dx = 33" in text
