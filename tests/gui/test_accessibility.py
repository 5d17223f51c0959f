"""Screen readers: every interactive control in every lab and in the window has an
accessible name of its own, and every plot and 3D view has a name and a description
of what it shows now (issue 12).

The walk goes through the QAccessible tree, as a screen reader does (Orca reads the
same interfaces through AT-SPI): ``queryAccessibleInterface``, ``child(i)``,
``role()``, ``text(Name)`` / ``text(Description)``.
"""
from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QStackedWidget,
    QWidget,
)

from gui.labs.registry import NAMES

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


def walk(top: QWidget):
    """(interface, widget) for every accessible object under ``top`` a user can
    reach; the rows of tables and lists and a combo box's popup are not walked."""
    out = []

    def visit(iface):
        if iface is None or not iface.isValid():
            return
        obj = iface.object()
        if isinstance(obj, QWidget) and not _shown_in(obj, top):
            return
        out.append((iface, obj))
        if iface.role() in (R.Table, R.List, R.Tree, R.ComboBox, R.ScrollBar):
            return
        for i in range(iface.childCount()):
            visit(iface.child(i))

    visit(QAccessible.queryAccessibleInterface(top))
    return out


def _describe(iface, obj) -> str:
    return f"{iface.role().name} {type(obj).__name__} {getattr(obj, 'toolTip', str)()[:50]!r}"


def unnamed_controls(top: QWidget) -> list[str]:
    bad = []
    for iface, obj in walk(top):
        if iface.role() in CONTROL_ROLES and not own_name(iface):
            bad.append(_describe(iface, obj))
    return bad


def views(top: QWidget) -> list:
    """Each plot and 3D view: pyqtgraph plots, the graph views, the GL views."""
    return [(iface, obj) for iface, obj in walk(top)
            if isinstance(obj, QGraphicsView) or type(obj).__name__ in VIEW_CLASSES]


def silent_views(top: QWidget) -> list[str]:
    return [_describe(iface, obj) for iface, obj in views(top)
            if not iface.text(NAME).strip() or not iface.text(DESCRIPTION).strip()]


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
        for iface, obj in walk(all_labs.labs[name]):
            if iface.role() in CONTROL_ROLES - {R.PageTab} and isinstance(obj, QWidget):
                key = (name, id(obj.parentWidget()), iface.role())
                seen.setdefault(key, []).append(own_name(iface))
    shared = {k: v for k, v in seen.items() if len(v) != len(set(v))}
    assert shared == {}


def test_every_plot_and_3d_view_has_a_name_and_a_description(all_labs):
    w = all_labs
    found = {name: views(w.labs[name]) for name in NAMES}
    assert all(found.values())  # every lab has views
    assert {name: silent_views(w.labs[name]) for name in NAMES} == \
        {name: [] for name in NAMES}


def test_the_range_fields_each_have_their_own_name(make_descent_lab):
    lab = make_descent_lab()
    names = [QAccessible.queryAccessibleInterface(e).text(NAME)
             for es in lab.range_box.range_edits.values() for e in es]
    assert len(names) == 6 and len(set(names)) == 6
    assert names[:3] == ["x from", "x to", "x start"]
    editor = QAccessible.queryAccessibleInterface(lab.editor)
    assert editor.text(NAME) and "f" in editor.text(NAME)
    assert editor.text(DESCRIPTION)


def _numbers(text: str) -> list[str]:
    return re.findall(r"−?\d+(?:\.\d+)?", text)


def test_the_contour_description_follows_the_run(make_descent_lab, qtbot):
    lab = make_descent_lab()
    lab.apply_preset("chapter")
    contour = QAccessible.queryAccessibleInterface(lab.contour)
    assert contour.text(NAME) == "Contour map"
    first = contour.text(DESCRIPTION)
    x0, y0 = lab.start()
    assert f"start ({x0:g}, {y0:g})" in first
    # the chapter's minimum: (1, 2), f = 2
    run = lab.trajectory("gd")
    assert f"converges to (1, 2) after {run.n_steps} steps, f = 2" in first
    lab.step(3)
    after_step = contour.text(DESCRIPTION)
    assert after_step != first and "step 3" in after_step
    lab.set_start(-1.5, 3.25)
    moved = contour.text(DESCRIPTION)
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
        contour = QAccessible.queryAccessibleInterface(lab.contour)
        assert contour.text(NAME) == "等高线图"
        text = contour.text(DESCRIPTION)
        assert text.startswith("等高线图：") and "起点" in text and "步后收敛到" in text
        assert not re.search(r"[A-Za-z]{3,}", text.replace("f(x, y)", ""))
        names = [QAccessible.queryAccessibleInterface(e).text(NAME)
                 for es in lab.range_box.range_edits.values() for e in es]
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
            for iface, obj in views(w.labs[name]):
                text = iface.text(DESCRIPTION)
                if not (han.search(iface.text(NAME)) and han.search(text)):
                    english[f"{name} {type(obj).__name__}"] = text
        assert english == {}
    finally:
        w.set_language("en")
