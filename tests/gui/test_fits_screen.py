"""Issue 12, "Fits any screen": every lab is fully usable in a 1280 × 720 window,
with the lesson panel open or closed, at 100 % and at 150 % zoom — no horizontal
scroll bar anywhere, no plot squeezed to nothing, every page of every lab (the
Descent Lab's views for one, two and three variables, the Regression Lab's tabs,
the Chain Rule Lab's four sections)."""
from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)

from gui.labs import registry
from gui.shell.lessons import LESSONS
from gui.theme import zoom

WIDTH, HEIGHT = 1280, 720
#: the smallest a plot or 3D view may be and still be read
MIN_PLOT_W, MIN_PLOT_H = 200, 150
#: time for the layouts to settle after a change (a few turns of the event loop)
SETTLE_MS = 150


@pytest.fixture(autouse=True)
def _actual_size_afterwards():
    yield
    zoom.notifier().set(1.0, False)
    from gui.shell import app as gapp
    gapp.apply_zoom()


def _name(w: QWidget) -> str:
    """A widget and its parents, as a reader of a failure needs them."""
    parts = []
    while w is not None and len(parts) < 4:
        parts.append(w.objectName() or type(w).__name__)
        w = w.parentWidget()
    return " < ".join(parts)


def _views(win) -> list[QWidget]:
    """Every plot and 3D view in the window: pyqtgraph plots, GL views, the graph."""
    from gui.labs.chain.graph import GraphView
    from gui.views.glview import OffscreenGLView

    kinds = (pg.PlotWidget, OffscreenGLView, GraphView)
    return [w for w in win.findChildren(QWidget) if isinstance(w, kinds)]


def layout_problems(win) -> list[str]:
    """What a user would see go wrong: the window larger than the screen, a
    horizontal scroll bar, wrapped text cut off, a plot smaller than
    MIN_PLOT_W × MIN_PLOT_H."""
    QApplication.processEvents()
    found = []
    if win.width() > WIDTH or win.height() > HEIGHT:
        found.append(f"window is {win.width()}×{win.height()}")
    for area in win.findChildren(QScrollArea):
        bar = area.horizontalScrollBar()
        if area.isVisible() and bar.isVisible():
            found.append(f"horizontal scroll bar on {_name(area)}, "
                         f"{bar.maximum()} px hidden")
    controls = (QLabel, QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox, QGroupBox)
    for w in win.findChildren(QWidget):
        # a control lies inside its parent (not cut off by a box too small for it)
        parent = w.parentWidget()
        if (isinstance(w, controls) and w.isVisible() and parent is not None
                and parent.objectName() != "qt_scrollarea_viewport"
                and not parent.rect().adjusted(-1, -1, 1, 1).contains(w.geometry())):
            found.append(f"{_name(w)} {w.geometry().getRect()} is cut off by its parent "
                         f"{parent.rect().getRect()}")
    for label in win.findChildren(QLabel):
        # a word-wrapped text is shown whole (its lines are not cut off at the bottom)
        if label.isVisible() and label.wordWrap() and label.text() and label.width() > 0:
            need = label.heightForWidth(label.width())
            if label.height() + 2 < need:
                found.append(f"{_name(label)} {label.text()[:40]!r} is {label.height()} px "
                             f"high, needs {need}")
    for view in _views(win):
        if view.isVisible() and (view.width() < MIN_PLOT_W or view.height() < MIN_PLOT_H):
            found.append(f"{_name(view)} is {view.width()}×{view.height()}")
    return found


def _pages(win, name: str):
    """Show each page of lab ``name`` in turn; yields the page's name."""
    lab = win.labs[name]
    if name == "descent":
        for fn in ("x^2 - 2x", "(x + y - 3)^2 + (x + 2y - 5)^2 + 2", "x^2 + y^2 + z^2"):
            lab.set_function_text(fn)
            yield fn
    elif name == "regression":
        for i in range(lab.tabs.count()):
            lab.tabs.setCurrentIndex(i)
            yield lab.tabs.tabText(i)
    else:
        for section in ("single", "multi", "vector", "neuron"):
            lab.show_section(section)
            yield section


def _shown_window(qtbot, name: str, percent: int, lesson_panel: bool):
    from gui.shell.main_window import MainWindow

    win = MainWindow(persistent=False)
    qtbot.addWidget(win)
    win.set_zoom(percent / 100)
    win.show_lab(name)
    win.resize(WIDTH, HEIGHT)
    win.show()
    qtbot.waitExposed(win)
    win.build_current_lab()
    if lesson_panel:
        lesson = next(le for le in LESSONS if le.lab == name)
        assert win.apply_lesson(lesson.id)
        assert win.lesson_dock.isVisible()
    win.resize(WIDTH, HEIGHT)
    qtbot.wait(50)
    return win


def _page_scroll(win, name: str) -> QScrollArea:
    """The window's scroll area around lab ``name``."""
    w = win.labs[name]
    while not isinstance(w, QScrollArea):
        w = w.parentWidget()
    return w


def _check_every_page(qtbot, win, name: str, no_scrolling: bool = False) -> None:
    """``no_scrolling``: the lab's pages fit the window whole (no vertical bar either)."""
    problems = []
    for page in _pages(win, name):
        qtbot.wait(SETTLE_MS)
        problems += [f"[{page}] {p}" for p in layout_problems(win)]
        bar = _page_scroll(win, name).verticalScrollBar()
        if no_scrolling and bar.isVisible():
            problems.append(f"[{page}] the lab scrolls: {bar.maximum()} px below the window")
    if hasattr(win.labs[name], "traj_cursor"):
        win.labs[name].traj_cursor.pause()
    assert not problems, "\n".join(problems)


@pytest.mark.gl
@pytest.mark.parametrize("percent", [100, 150])
@pytest.mark.parametrize("lesson_panel", [False, True], ids=["no-lesson", "lesson"])
@pytest.mark.parametrize("name", registry.NAMES)
def test_every_lab_fits_1280x720(qtbot, settings_tmp, name, lesson_panel, percent):
    win = _shown_window(qtbot, name, percent, lesson_panel)
    # at 100 % without the lesson panel every page fits whole, with no scrolling
    _check_every_page(qtbot, win, name, no_scrolling=percent == 100 and not lesson_panel)


@pytest.mark.gl
@pytest.mark.parametrize("name", registry.NAMES)
def test_zooming_in_on_a_shown_lab_keeps_it_fitting(qtbot, settings_tmp, name):
    """View → Zoom in to 150 % with the lab on screen and the lesson panel open: the
    panels re-flow (and back at 100 %)."""
    win = _shown_window(qtbot, name, 100, True)
    win.set_zoom(1.5)
    qtbot.wait(50)
    _check_every_page(qtbot, win, name)
    win.set_zoom(1.0)
    qtbot.wait(50)
    _check_every_page(qtbot, win, name)


@pytest.mark.parametrize("saved", [False, True], ids=["first-run", "saved-on-a-large-screen"])
def test_first_window_fits_a_small_screen(qtbot, settings_tmp, monkeypatch, saved):
    """On a 1280 × 720 laptop (a 28 px panel) the window and its frame fit the
    screen's available geometry, also when it was last closed on a larger screen."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    from gui.shell.main_window import MainWindow

    if saved:
        big = MainWindow()
        qtbot.addWidget(big)
        big.resize(1800, 1100)
        big.save_preferences()
    avail = QRect(0, 28, 1280, 692)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda self: avail)
    win = MainWindow()
    qtbot.addWidget(win)
    # the window manager adds its title bar and frame (fit_screen leaves room)
    assert win.width() <= avail.width() - 16
    assert win.height() <= avail.height() - 48
