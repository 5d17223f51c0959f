"""The base of the Chain Lab's four sections: a page that shows one part of the
lab's state (``ChainState.single``, ``.multi``, ``.vector`` or ``.neuron``).

A section never changes the state itself: :meth:`Section.edit` hands a change of
its part to the lab, which pushes an undo command.  It redraws when the model's
``changed`` names its part (``"single"``, with ``"single.x"`` …), when the language
changes and when the palette changes.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QWidget

from gui.labs.chain.widgets import card_css, card_title, recolour_plot
from gui.widgets.adaptive import AdaptiveSplitter

if TYPE_CHECKING:
    from gui.labs.chain.lab import ChainLab


RIGHT_MIN_WIDTH = 400


class Section(QWidget):
    KEY = ""

    def __init__(self, lab: ChainLab):
        super().__init__(lab)
        self.lab = lab
        self.model = lab.model
        self.model.changed.connect(self._on_model_changed)

    @property
    def st(self) -> Any:
        """This section's part of the saved state (a frozen dataclass)."""
        return getattr(self.model.state, self.KEY)

    def edit(self, changes: dict, text: str, merge: bool = False) -> None:
        """Push an undoable change of this section's fields (``merge``: a repeat of
        the same edit, e.g. a slider's steps, merges into one undo entry)."""
        self.lab.edit(self.KEY, changes, text, merge)

    def _on_model_changed(self, fields: frozenset[str]) -> None:
        if self.KEY in fields:
            self.state_changed(fields)

    def state_changed(self, fields: frozenset[str]) -> None:
        """This section's part changed (``fields`` as in ``LabModel.changed``)."""
        self.refresh()

    def refresh(self) -> None:  # pragma: no cover - overridden
        """Show the state: widgets (signals blocked), plots and texts."""

    def retranslate(self) -> None:  # pragma: no cover - overridden
        pass

    def recolour(self) -> None:
        """Take the colours of the theme in use (plots, cards); refresh redraws the rest."""
        for pw in self.findChildren(pg.PlotWidget):
            recolour_plot(pw)
        css = card_css()
        for frame in self.findChildren(QWidget, "card"):
            frame.setStyleSheet(css)
        title = card_title().styleSheet()
        for label in getattr(self, "card_titles", ()):
            label.setStyleSheet(title)

    def _assemble(self, controls: QWidget, top: QWidget, bottom: QWidget,
                  stretch: tuple[int, int] = (3, 2),
                  sizes: tuple[int, int] | None = (560, 280)) -> None:
        """Controls on the left; on the right, ``top`` over ``bottom`` in a splitter.
        In a window too narrow for both, the controls go above the rest."""
        if bottom.objectName() == "card":
            bottom.layout().addStretch(1)  # its text at the top
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(top)
        right.addWidget(bottom)
        right.setStretchFactor(0, stretch[0])
        right.setStretchFactor(1, stretch[1])
        if sizes is not None:
            right.setSizes(list(sizes))
        right.setChildrenCollapsible(False)
        # the plots and cards need this much beside the controls; less, and the
        # list of sections goes on top (gui/labs/chain/lab.py), then the controls
        right.setMinimumWidth(RIGHT_MIN_WIDTH)
        self.split = AdaptiveSplitter()
        self.split.addWidget(controls)
        self.split.addWidget(right)
        self.split.setStretchFactor(1, 1)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.split)

    def wide_width(self) -> int:
        """The width the section needs with its controls beside the rest."""
        m = self.layout().contentsMargins()
        return self.split.wide_width() + m.left() + m.right()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if not getattr(self, "built", False):  # subclasses set it when they are built
            pass
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()
        elif event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.recolour()  # the colours, or the zoom (pens and fonts)
            self.refresh()
        super().changeEvent(event)
