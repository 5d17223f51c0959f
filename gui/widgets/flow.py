"""Rows of controls that wrap onto more lines when they are narrow (issue 12,
"Fits any screen"): :class:`FlowLayout`, :func:`make_flow` (turn a widget's box
layout into one), :class:`FlowRow`; and :func:`fit_height`, which keeps a widget
as tall as its wrapped content needs wherever it is (splitters ignore height for
width).  Used through :mod:`gui.widgets.adaptive`."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import QBoxLayout, QLabel, QLayout, QLayoutItem, QSizePolicy, QWidget


def _one_line_hint(item: QLayoutItem) -> QSize:
    """An item's size on one line: a word-wrapped label asks for a "pleasant" width
    of a few lines, but in a row it should take one line while there is room."""
    hint = item.sizeHint()
    label = item.widget()
    if isinstance(label, QLabel) and label.wordWrap() and label.textFormat() != \
            Qt.TextFormat.RichText:
        m = label.contentsMargins()
        extra = m.left() + m.right() + 2 * label.margin() + max(label.indent(), 0) + 2
        width = label.fontMetrics().horizontalAdvance(label.text()) + extra
        hint = QSize(max(width, hint.width()), label.fontMetrics().height()
                     + m.top() + m.bottom() + 2 * label.margin())
    return hint


class FlowLayout(QLayout):
    """Items left to right, wrapping onto a new line where the width runs out."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6, line_spacing: int = 4):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._runs: list[tuple[QWidget, ...]] = []
        self._h, self._v = spacing, line_spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt API
        self._items.append(item)

    def addSpacing(self, width: int) -> None:  # noqa: N802 - Qt API (QBoxLayout's name)
        from PySide6.QtWidgets import QSpacerItem
        self.addItem(QSpacerItem(width, 0, QSizePolicy.Policy.Fixed,
                                 QSizePolicy.Policy.Minimum))

    def keep_together(self, *widgets: QWidget) -> None:
        """Keep these (consecutive) widgets on one line, e.g. a label and its field."""
        self._runs.append(widgets)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, i: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items[i] if 0 <= i < len(self._items) else None

    def takeAt(self, i: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items.pop(i) if 0 <= i < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt API
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        # no: a parent's estimate of the width it will give differs by a few pixels
        # from the width it gives, so a line too few was given; the widget's
        # minimum height follows its real width instead (_FitHeight)
        return False

    def lines_height(self, width: int) -> int:
        """The height of the lines at ``width``."""
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt API
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """One line."""
        shown = self._shown()
        hints = [_one_line_hint(i) for i in shown]
        w = sum(h.width() for h in hints) + self._h * max(len(shown) - 1, 0)
        h = max((h.height() for h in hints), default=0)
        m = self.contentsMargins()
        return QSize(w + m.left() + m.right(), h + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt API
        """The widest item (one per line)."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty() or i.spacerItem() is not None]

    def _arrange(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line_h = area.x(), area.y(), 0
        line: list[tuple[QLayoutItem, int, QSize]] = []

        def place(row: list[tuple[QLayoutItem, int, QSize]], top: int, height: int) -> None:
            if move:
                for item, left, hint in row:
                    # centred in the line: labels beside taller buttons line up
                    dy = (height - hint.height()) // 2
                    item.setGeometry(QRect(QPoint(left, top + dy), hint))

        shown = self._shown()
        hints = []
        for item in shown:
            hint = _one_line_hint(item)
            if hint.width() > area.width():  # a line of its own, as wide as there is
                width = max(area.width(), item.minimumSize().width(), 1)
                height = (item.heightForWidth(width) if item.hasHeightForWidth()
                          else hint.height())  # a word-wrapped label grows taller
                hint = QSize(width, max(height, hint.height()))
            hints.append(hint)
        # a run kept together breaks before its first item, or not at all
        need = [h.width() for h in hints]
        glued = set()
        index = {id(item.widget()): i for i, item in enumerate(shown) if item.widget()}
        for run in self._runs:
            at = sorted(index[id(w)] for w in run if id(w) in index)
            width = sum(need[i] for i in at) + self._h * max(len(at) - 1, 0)
            if at and width <= area.width():
                need[at[0]] = width
                glued.update(at[1:])
        for i, (item, hint) in enumerate(zip(shown, hints, strict=True)):
            if item.spacerItem() is not None and x == area.x():
                continue  # no spacing at the start of a line
            if line and i not in glued and x + need[i] > area.right() + 1:
                place(line, y, line_h)
                x, y, line = area.x(), y + line_h + self._v, []
                line_h = 0
                if item.spacerItem() is not None:
                    continue
            line.append((item, x, hint))
            x += hint.width() + self._h
            line_h = max(line_h, hint.height())
        place(line, y, line_h)
        return y + line_h - rect.y() + m.bottom()


class _FitHeight(QObject):
    """Keeps a widget as tall as its layout needs at its width (a :class:`FlowLayout`'s
    lines, word-wrapped labels): not every parent asks a layout its height for a
    width (splitters do not), so the widget's minimum height is set whenever its
    width or its items change."""

    def __init__(self, widget: QWidget, layout: QLayout, least: bool = False):
        super().__init__(widget)
        self._widget, self._layout, self._least = widget, layout, least
        self._check_pending = False
        widget.installEventFilter(self)

    def fit(self) -> None:
        w, lay = self._widget, self._layout
        if w.isHidden():
            return
        if isinstance(lay, FlowLayout):
            h = lay.lines_height(max(w.width(), 1))
        elif self._least and isinstance(lay, QBoxLayout):
            h = least_height_for_width(lay, max(w.width(), 1))
        elif lay.hasHeightForWidth():
            h = lay.totalHeightForWidth(max(w.width(), 1))
        else:
            return
        if h != w.minimumHeight():
            w.setMinimumHeight(h)
        if not self._check_pending:
            # once the layout has done its own work: lay the items out again if it
            # left one shorter than it needs (a box layout laid out for another
            # height for width may keep it: a card's wrapped table was cut off)
            self._check_pending = True
            QTimer.singleShot(0, self._relayout_if_stale)

    def _relayout_if_stale(self) -> None:
        self._check_pending = False
        w, lay = self._widget, self._layout
        if self._stale(lay):
            lay.invalidate()
            lay.setGeometry(w.rect())

    @staticmethod
    def _stale(lay: QLayout) -> bool:
        """An item shorter than its height for its width."""
        for i in range(lay.count()):
            item = lay.itemAt(i)
            g = item.geometry()
            if item.hasHeightForWidth() and g.width() > 0 and \
                    g.height() < item.heightForWidth(g.width()):
                return True
        return False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind in (QEvent.Type.Resize, QEvent.Type.LayoutRequest, QEvent.Type.Show):
            self.fit()
        elif kind == QEvent.Type.Hide and not self._widget.isVisible():
            # a hidden page (another tab shown) asks for no room: a minimum height
            # holds even where the size policy is Ignored
            self._widget.setMinimumHeight(0)
        return False


def fit_height(widget: QWidget, least: bool = False) -> None:
    """Keep ``widget`` (with its layout set) at least as tall as its layout needs for
    its width, wherever it is (a splitter would squeeze wrapped text).  ``least``
    (a vertical box layout): the least height, its other items at their minimum
    heights (Qt's minimum size leaves out the wrapped text's extra lines, and the
    layout then squeezed everything to fit)."""
    _FitHeight(widget, widget.layout(), least)


def least_height_for_width(lay: QBoxLayout, width: int) -> int:
    """A vertical box layout's least height at ``width``: each item at its height
    for the width if it has one, else at its minimum height."""
    m = lay.contentsMargins()
    inner = width - m.left() - m.right()
    heights = []
    for i in range(lay.count()):
        item = lay.itemAt(i)
        if item.isEmpty():
            continue
        h = item.minimumSize().height()
        if item.hasHeightForWidth():
            h = max(h, item.heightForWidth(inner))
        heights.append(h)
    gap = lay.spacing()
    if gap < 0:
        gap = lay.parentWidget().style().layoutSpacing(
            QSizePolicy.ControlType.DefaultType, QSizePolicy.ControlType.DefaultType,
            Qt.Orientation.Vertical) if lay.parentWidget() else 6
    return sum(heights) + max(gap, 0) * max(len(heights) - 1, 0) + m.top() + m.bottom()


def make_flow(widget: QWidget, spacing: int = 6) -> FlowLayout:
    """Give ``widget`` a :class:`FlowLayout`; the widgets and fixed spacings of the
    box layout it had move into it, in order (stretches are dropped: a flowing row
    has no spare width to share)."""
    import shiboken6

    old = widget.layout()
    moved: list[QLayoutItem | QWidget] = []
    if old is not None:
        if old.spacing() >= 0:
            spacing = old.spacing()
        while old.count():
            item = old.takeAt(0)
            if item.widget() is not None:
                moved.append(item.widget())
            elif item.spacerItem() is not None and item.sizeHint().width() > 0 \
                    and not item.expandingDirections() & Qt.Orientation.Horizontal:
                moved.append(item)
        shiboken6.delete(old)
    flow = FlowLayout(widget, spacing)
    for m in moved:
        if isinstance(m, QWidget):
            flow.addWidget(m)
        else:
            flow.addSpacing(m.sizeHint().width())
    sp = widget.sizePolicy()
    sp.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
    sp.setVerticalPolicy(QSizePolicy.Policy.Minimum)
    widget.setSizePolicy(sp)
    _FitHeight(widget, flow)
    return flow


class FlowRow(QWidget):
    """A widget holding a :class:`FlowLayout` (``self.flow``), as tall as its lines."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6):
        super().__init__(parent)
        self.flow = make_flow(self, spacing)

    def addWidget(self, w: QWidget) -> None:  # noqa: N802 - like QBoxLayout
        self.flow.addWidget(w)

    def addSpacing(self, width: int) -> None:  # noqa: N802 - like QBoxLayout
        self.flow.addSpacing(width)
