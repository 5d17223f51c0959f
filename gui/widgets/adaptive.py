"""Layouts that adapt to the width they are given (issue 12, "Fits any screen").

A lab must fit a 1280 × 720 laptop at 150 % zoom with the lesson panel open, with no
horizontal scroll bar.  These pieces let its panels give way instead of demanding
their full width:

* :class:`FlowLayout` / :class:`FlowRow` — a row of controls that wraps onto more
  lines when it is narrow (its height follows its width);
* :class:`AdaptiveSplitter` — children side by side while they fit at their
  minimum widths, one above the other when they do not;
* :class:`VScrollArea` — a side panel that scrolls vertically only: it is as wide
  as its content needs (never clipped, no horizontal bar), its content as wide as
  its viewport;
* :class:`ShrinkingCombo` — a combo box as wide as its longest item where there is
  room, narrower (down to a few characters) where there is not;
* :func:`size_to_current_page` — a stacked or tab widget that asks for the room of
  the page shown, not of its largest page.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)


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
        self._h, self._v = spacing, line_spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt API
        self._items.append(item)

    def addSpacing(self, width: int) -> None:  # noqa: N802 - Qt API (QBoxLayout's name)
        from PySide6.QtWidgets import QSpacerItem
        self.addItem(QSpacerItem(width, 0, QSizePolicy.Policy.Fixed,
                                 QSizePolicy.Policy.Minimum))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, i: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items[i] if 0 <= i < len(self._items) else None

    def takeAt(self, i: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items.pop(i) if 0 <= i < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt API
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
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

        for item in self._shown():
            hint = _one_line_hint(item)
            if hint.width() > area.width():  # a line of its own, as wide as there is
                width = max(area.width(), item.minimumSize().width(), 1)
                height = (item.heightForWidth(width) if item.hasHeightForWidth()
                          else hint.height())  # a word-wrapped label grows taller
                hint = QSize(width, max(height, hint.height()))
            if item.spacerItem() is not None and x == area.x():
                continue  # no spacing at the start of a line
            if line and x + hint.width() > area.right() + 1:
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

    def __init__(self, widget: QWidget, layout: QLayout):
        super().__init__(widget)
        self._widget, self._layout = widget, layout
        widget.installEventFilter(self)

    def fit(self) -> None:
        w, lay = self._widget, self._layout
        if not lay.hasHeightForWidth():
            return
        h = lay.totalHeightForWidth(max(w.width(), 1))
        if h != w.minimumHeight():
            w.setMinimumHeight(h)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self.fit()
        return False


def fit_height(widget: QWidget) -> None:
    """Keep ``widget`` (with its layout set) at least as tall as its layout needs for
    its width, wherever it is (a splitter would squeeze wrapped text)."""
    _FitHeight(widget, widget.layout())


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
    sp.setHeightForWidth(True)
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


class ShrinkingCombo(QComboBox):
    """Asks for the width of its longest item (or placeholder) but can be given as
    little as ``min_chars`` characters."""

    def __init__(self, min_chars: int = 12, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(min_chars)
        m = self.model()
        for signal in (m.dataChanged, m.rowsInserted, m.rowsRemoved, m.modelReset):
            signal.connect(lambda *_: self.updateGeometry())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        base = super().sizeHint()  # min_chars wide, as Qt measures them
        fm = self.fontMetrics()
        texts = [self.itemText(i) for i in range(self.count())] + [self.placeholderText()]
        widest = max(fm.horizontalAdvance(t) for t in texts)
        extra = widest - fm.horizontalAdvance("x") * self.minimumContentsLength()
        return QSize(base.width() + max(extra, 0), base.height())


class AdaptiveSplitter(QSplitter):
    """A splitter whose children lie side by side while they fit, each at its
    minimum width, and one above the other when they do not.

    It asks its parent only for the widest child's width, so that the parent may
    make it narrower; ``sizes_for(orientation)`` (optional) gives the children's
    sizes after a switch."""

    def __init__(self, parent: QWidget | None = None, sizes_for=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._sizes_for = sizes_for
        self._switching = False
        self.setChildrenCollapsible(False)

    def _children(self) -> list[QWidget]:
        return [self.widget(i) for i in range(self.count())
                if not self.widget(i).isHidden()]

    @staticmethod
    def _min(w: QWidget) -> QSize:
        return w.minimumSizeHint().expandedTo(w.minimumSize())

    def wide_width(self) -> int:
        """The width the children need side by side."""
        kids = self._children()
        return (sum(self._min(w).width() for w in kids)
                + self.handleWidth() * max(len(kids) - 1, 0))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        kids = self._children()
        mins = [self._min(w) for w in kids]
        w = max((m.width() for m in mins), default=0)
        if self.orientation() == Qt.Orientation.Vertical:
            h = sum(m.height() for m in mins) + self.handleWidth() * max(len(kids) - 1, 0)
        else:
            h = max((m.height() for m in mins), default=0)
        return QSize(w, h)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.adapt()

    def adapt(self) -> None:
        """Choose the orientation for the width now."""
        if self._switching:
            return
        want = (Qt.Orientation.Horizontal if self.width() >= self.wide_width()
                else Qt.Orientation.Vertical)
        if want == self.orientation():
            return
        self._switching = True
        try:
            vertical = want == Qt.Orientation.Vertical
            for w in self._children():
                if isinstance(w, VScrollArea):
                    w.set_unfolded(vertical)  # one above the other: shown whole
            self.setOrientation(want)
            if self._sizes_for is not None:
                self.setSizes(list(self._sizes_for(want)))
            else:
                self.setSizes([max(self._min(w).height(), 1) if vertical
                               else w.sizeHint().width() for w in self._children()])
            self.updateGeometry()
        finally:
            self._switching = False

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
            self.adapt()
        return super().event(event)


class VScrollArea(QScrollArea):
    """Scrolls vertically only: as wide as its content's minimum (plus the scroll
    bar), the content as wide as the viewport."""

    def __init__(self, widget: QWidget | None = None, parent: QWidget | None = None,
                 width: int = 0):
        """``width``: the width it asks for where there is room (at least its
        content's minimum)."""
        super().__init__(parent)
        self._preferred = width
        self._unfolded = False
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if widget is not None:
            self.setWidget(widget)

    def setWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt API
        super().setWidget(widget)
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if obj is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the content's minimum width may have changed
        return super().eventFilter(obj, event)

    def _content_width(self) -> int:
        w = self.widget()
        if w is None:
            return 0
        inner = w.minimumSizeHint().expandedTo(w.minimumSize()).width()
        return inner + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()

    def set_unfolded(self, on: bool) -> None:
        """``on``: ask for the content's whole height (nothing to scroll), e.g. when
        an :class:`AdaptiveSplitter` puts it above the rest."""
        if on != self._unfolded:
            self._unfolded = on
            self.updateGeometry()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        w = self.widget()
        if self._unfolded and w is not None:
            h = w.minimumSizeHint().expandedTo(w.minimumSize()).height() + 2 * self.frameWidth()
        else:
            h = self.fontMetrics().height() * 6
        return QSize(self._content_width(), h)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        w = self.widget()
        h = w.sizeHint().height() if w is not None else 0
        return QSize(max(self._content_width(), self._preferred), h)


def size_to_current_page(stack: QStackedWidget | QTabWidget) -> None:
    """Make ``stack`` ask for the room of the page shown only (a stacked or tab
    widget otherwise asks for its largest page's minimum size)."""

    own: dict[int, QSizePolicy] = {}  # each page's own policy, while it is hidden

    def follow(index: int) -> None:
        for i in range(stack.count()):
            page = stack.widget(i)
            if i == index:
                if i in own:
                    page.setSizePolicy(own.pop(i))
            elif i not in own:
                own[i] = page.sizePolicy()
                page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        stack.updateGeometry()

    stack.currentChanged.connect(follow)
    follow(stack.currentIndex())


class ScrollPage(QWidget):
    """Holds one page in a scroll area and gives it the viewport's size, or its
    minimum size where that is larger.

    A scroll area gives a page whose layout has a height for its width (any
    word-wrapped label or flowing row inside) its *preferred* height for that width,
    so it scrolls although the page would fit; this frame has no height-for-width."""

    def __init__(self, page: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        page.setParent(self)
        page.installEventFilter(self)
        page.show()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self.page.minimumSizeHint().expandedTo(self.page.minimumSize())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self.page.sizeHint()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.page.setGeometry(0, 0, self.width(), self.height())

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if obj is self.page and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the page's minimum size may have changed
        return False
