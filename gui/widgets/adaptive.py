"""Layouts that adapt to the width they are given (issue 12, "Fits any screen").

A lab must fit a 1280 × 720 laptop at 150 % zoom with the lesson panel open, with no
horizontal scroll bar.  These pieces let its panels give way instead of demanding
their full width:

* :class:`FlowLayout` / :class:`FlowRow` / :func:`make_flow` (from
  :mod:`gui.widgets.flow`) — a row of controls that wraps onto more lines when it
  is narrow; :func:`fit_height` — wrapped content never squeezed;
* :class:`AdaptiveSplitter` — children side by side while they fit at their
  minimum widths, one above the other when they do not;
* :class:`SplitOrTabs` — pages side by side while each gets a useful width, in
  tabs when not;
* :class:`VScrollArea` — a side panel that scrolls vertically only: it is as wide
  as its content needs (never clipped, no horizontal bar), its content as wide as
  its viewport;
* :class:`ShrinkingCombo` — a combo box as wide as its longest item where there is
  room, narrower (down to a few characters) where there is not;
* :func:`size_to_current_page` — a stacked or tab widget that asks for the room of
  the page shown, not of its largest page;
* :class:`ScrollPage` — a lab in the window's scroll area gets the viewport's
  height (not its preferred height), so it scrolls only when it must.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedLayout,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from gui.widgets.flow import FlowLayout, FlowRow, fit_height, make_flow

__all__ = ["AdaptiveSplitter", "FlowLayout", "FlowRow", "ScrollPage", "ShrinkingCombo",
           "SplitOrTabs", "VScrollArea", "fit_height", "make_flow", "size_to_current_page"]


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


class SplitOrTabs(QWidget):
    """Its pages side by side in a splitter while each can have ``page_width`` px,
    in tabs (one page at a time, each whole) when they cannot.  ``set_titles``
    names the tabs."""

    def __init__(self, page_width: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.page_width = page_width
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setChildrenCollapsible(False)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.split)
        self._stack.addWidget(self.tabs)
        self._pages: list[QWidget] = []
        self._titles: list[str] = []
        self._sizes: list[int] = []

    def addWidget(self, page: QWidget) -> None:  # noqa: N802 - like QSplitter
        self._pages.append(page)
        self._titles.append("")
        self.split.addWidget(page)

    def setSizes(self, sizes: list[int]) -> None:  # noqa: N802 - like QSplitter
        self._sizes = list(sizes)
        self.split.setSizes(self._sizes)

    def set_titles(self, titles: list[str]) -> None:
        self._titles = list(titles)
        for i, t in enumerate(self._titles):
            j = self.tabs.indexOf(self._pages[i])
            if j >= 0:
                self.tabs.setTabText(j, t)

    def tabbed(self) -> bool:
        return self._stack.currentWidget() is self.tabs

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """That of the tabs: the parent may make it narrower than the splitter."""
        size = QSize()
        for page in self._pages:
            size = size.expandedTo(page.minimumSizeHint().expandedTo(page.minimumSize()))
        return size + QSize(0, self.tabs.tabBar().sizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.adapt()

    def adapt(self) -> None:
        n = len(self._pages)
        tabbed = self.width() < n * self.page_width + (n - 1) * self.split.handleWidth()
        if tabbed == self.tabbed():
            return
        if tabbed:
            self._sizes = self.split.sizes()
            for page, title in zip(self._pages, self._titles, strict=True):
                self.tabs.addTab(page, title)
            self._stack.setCurrentWidget(self.tabs)
        else:
            for page in self._pages:
                self.split.addWidget(page)
                page.show()  # the tabs hid all but one
            if self._sizes:
                self.split.setSizes(self._sizes)
            self._stack.setCurrentWidget(self.split)
        self.updateGeometry()


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
