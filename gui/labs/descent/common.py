"""What the Descent Lab's panels share: the optimizers' names and colours, and
:func:`push_edit`, the one way a panel changes the lab's state."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QEvent

from gui import theme
from gui.labs.descent.state import DescentState
from gui.labs.fields import StateError
from gui.labs.model import EditCommand, LabModel

NAME = "descent"

#: the optimizers' names as shown (proper names: not translated)
LABELS = {"gd": "GD", "momentum": "Momentum", "nesterov": "Nesterov", "adagrad": "AdaGrad",
          "rmsprop": "RMSProp", "adam": "Adam"}

N_BASIN_COLOURS = 10
MAX_BASIN_MARKERS = 64  # minima marked with a star (the largest basins)


def path_colour(name: str) -> str:
    """An optimizer's colour on the colour map of f (paths, current points)."""
    return theme.colour(f"descent.path.{name}")


def line_colour(name: str, dark: bool | None = None) -> str:
    """An optimizer's colour on a plot background (loss and gradient curves)."""
    return theme.colour(f"descent.line.{name}", dark)


def basin_colour(i: int) -> str:
    return theme.colour(f"descent.basin.{i % N_BASIN_COLOURS}")


def push_edit(model: LabModel[DescentState], session: Any, change: Mapping[str, Any],
              text: str, *, merge: bool = False) -> bool:
    """Push ``EditCommand(model, change, text)`` on the session's undo stack unless
    the change changes nothing.  A refused value is reported by the command (and
    changes nothing).  True when a command was pushed."""
    try:
        if model.state.apply(change) == model.state:
            return False
    except StateError:
        pass  # the command says why and leaves the state as it was
    session.push(EditCommand(model, change, text, merge=merge, report=session.status.emit))
    return True


def restyle(widget: Any, css: str) -> None:
    """``widget.setStyleSheet(css)`` unless it has that style sheet already (a style
    sheet set again repolishes the widget, which can send another PaletteChange)."""
    if widget.styleSheet() != css:
        widget.setStyleSheet(css)


class Panel:
    """Mixin of the lab's panels (put it before the Qt class): ``retranslate()`` on
    QEvent.LanguageChange, ``recolour()`` on a palette change and on a font change
    (the zoom: pens and fonts are sized by ``gui.theme.zoom``).  Events that arrive
    while ``__init__`` runs are ignored: a panel sets ``self._ready = True`` last."""

    def retranslate(self) -> None:
        pass

    def recolour(self) -> None:
        pass

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if self.__dict__.get("_ready"):
            if event.type() == QEvent.Type.LanguageChange:
                self.retranslate()
            elif event.type() in (QEvent.Type.PaletteChange,
                                  QEvent.Type.ApplicationPaletteChange,
                                  QEvent.Type.FontChange):
                self.recolour()
        super().changeEvent(event)  # type: ignore[misc]
