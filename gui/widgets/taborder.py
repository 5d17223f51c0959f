"""Tab order that follows what the user sees (issue 12, keyboard only).

Qt's Tab order is the order in which widgets were created; panels built on demand
(an optimizer's settings, a stacked layout) ended up last.  :func:`visual_chain`
orders a window's controls as they are read: at every level of the widget tree the
children go top to bottom, and children side by side (overlapping rows) left to
right, so a column is finished before the next column starts.  Plain scroll areas
and frames are no Tab stops (their controls are).  :class:`TabCycle` moves the focus
along that order, computed at each key press (so panels rebuilt, shown or stacked
are always in their place).
"""
from __future__ import annotations

from functools import cmp_to_key

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtOpenGLWidgets import QOpenGLWidget
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGraphicsView,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

#: controls: a Tab stop of their own, their insides are theirs
CONTROLS = (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QComboBox,
            QGraphicsView, QLineEdit, QOpenGLWidget, QPlainTextEdit, QTabBar, QTextEdit)


def _reading_order(a: QWidget, b: QWidget) -> int:
    ra, rb = a.geometry(), b.geometry()
    overlap = min(ra.bottom(), rb.bottom()) - max(ra.top(), rb.top())
    if overlap > 0.5 * min(ra.height(), rb.height()):  # side by side: left first
        return -1 if ra.left() < rb.left() else (1 if ra.left() > rb.left() else 0)
    return -1 if ra.top() < rb.top() else (1 if ra.top() > rb.top() else 0)


def _tab_stop(w: QWidget) -> bool:
    return bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus) and w.isEnabled() \
        and w.focusProxy() is None


def visual_chain(root: QWidget) -> list[QWidget]:
    """The visible Tab stops under ``root`` in reading order."""
    out: list[QWidget] = []
    kids = [c for c in root.children() if isinstance(c, QWidget) and not c.isWindow()
            and c.isVisible()]
    for child in sorted(kids, key=cmp_to_key(_reading_order)):
        if isinstance(child, CONTROLS) or (isinstance(child, QAbstractScrollArea)
                                           and child.accessibleName()):
            if _tab_stop(child):
                out.append(child)
            continue
        if isinstance(child, QAbstractScrollArea) and _tab_stop(child):
            child.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # a container, no Tab stop
        out += visual_chain(child)
    return out


class TabCycle(QObject):
    """Tab and Shift+Tab go through ``regions()`` (lists of widgets, e.g. the window's
    lab tabs, the lab's controls, the lesson panel) in reading order, round and
    round: no control keeps the focus.  Keys inside other widgets (a table's cell
    editor, a dialog) are left alone."""

    def __init__(self, regions, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._regions = regions

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress or event.key() not in (
                Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            return False
        mods = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        if mods or not isinstance(obj, QWidget) or obj is not QApplication.focusWidget():
            return False
        chain = [w for region in self._regions() for w in region]
        if len(chain) < 2 or obj not in chain:
            return False
        back = event.key() == Qt.Key.Key_Backtab or bool(
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        i = chain.index(obj)
        target = chain[(i + (-1 if back else 1)) % len(chain)]
        target.setFocus(Qt.FocusReason.BacktabFocusReason if back
                        else Qt.FocusReason.TabFocusReason)
        return True


__all__ = ["CONTROLS", "TabCycle", "visual_chain"]
