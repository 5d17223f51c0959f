"""The session: one object every view listens to.

It owns the undo stack and the registry of labs whose state is saved, loaded
and autosaved. Labs keep their own model objects, but every user edit goes
through ``session.push(command)``.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack


class Session(QObject):
    changed = Signal()          # any edit (autosave listens)
    status = Signal(str)        # a message for the status bar
    labRequested = Signal(str)  # a lab asks to be shown (lessons)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._on_index_changed)
        self._labs: dict[str, tuple[Callable[[], dict], Callable[[dict], None]]] = {}

    def _on_index_changed(self, _index: int) -> None:
        self.changed.emit()

    def push(self, command: QUndoCommand) -> None:
        self.undo_stack.push(command)

    def register(self, name: str, get_state: Callable[[], dict],
                 set_state: Callable[[dict], None]) -> None:
        self._labs[name] = (get_state, set_state)

    def state(self) -> dict[str, Any]:
        return {name: get() for name, (get, _s) in self._labs.items()}

    def restore(self, state: dict[str, Any]) -> None:
        for name, (_g, set_) in self._labs.items():
            if name in state and isinstance(state[name], dict):
                set_(state[name])
        self.undo_stack.clear()
