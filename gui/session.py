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
        # a QUndoStack clears itself (emitting cleanChanged / indexChanged) when it is
        # destroyed, after the window that listens to it may already be gone: keep it
        # quiet from the moment the session is being destroyed
        stack = self.undo_stack
        self.destroyed.connect(lambda *_a: stack.blockSignals(True))
        self._labs: dict[str, tuple[Callable[[], dict], Callable[[dict], None]]] = {}
        # state for labs that are not built yet (labs are built on first use)
        self._pending: dict[str, dict] = {}
        self._defaults: dict[str, dict] = {}

    def _on_index_changed(self, _index: int) -> None:
        self.changed.emit()

    def push(self, command: QUndoCommand) -> None:
        self.undo_stack.push(command)

    def register(self, name: str, get_state: Callable[[], dict],
                 set_state: Callable[[dict], None]) -> None:
        self._labs[name] = (get_state, set_state)

    def remember_defaults(self, name: str) -> None:
        """Record a freshly built lab's state as what File → New goes back to."""
        if name in self._labs:
            self._defaults[name] = self._labs[name][0]()

    def reset(self) -> None:
        """File → New: every built lab back to its first-start state."""
        self._pending.clear()
        for name, (_g, set_) in self._labs.items():
            if name in self._defaults:
                set_(self._defaults[name])
        self.undo_stack.clear()

    def apply_pending(self, name: str) -> None:
        """Give a lab that was just built the state restored before it existed."""
        pending = self._pending.pop(name, None)
        if pending and name in self._labs:
            self._labs[name][1](pending)

    def state(self) -> dict[str, Any]:
        out = {name: dict(st) for name, st in self._pending.items()}
        out.update({name: get() for name, (get, _s) in self._labs.items()})
        return out

    def restore(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            if not isinstance(value, dict):
                continue
            if name in self._labs:
                self._labs[name][1](value)
            elif value:
                self._pending[name] = dict(value)
            else:
                self._pending.pop(name, None)
        self.undo_stack.clear()
