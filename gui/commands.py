"""Undoable edits. Every user edit goes through a QUndoCommand on the session's
stack (glue-style command objects)."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtGui import QUndoCommand


class SetValueCommand(QUndoCommand):
    """Set a value through ``setter``; undo restores ``old``.

    Commands with the same non-negative ``merge_id`` that follow each other
    merge (a slider drag or a point drag is one undo entry)."""

    def __init__(self, setter: Callable[[Any], None], old: Any, new: Any, text: str,
                 merge_id: int = -1):
        super().__init__(text)
        self._setter = setter
        self.old = old
        self.new = new
        self._merge_id = merge_id

    def redo(self) -> None:
        self._setter(self.new)

    def undo(self) -> None:
        self._setter(self.old)

    def id(self) -> int:  # noqa: A003 - Qt API
        return self._merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, SetValueCommand) or other.id() != self.id() or self.id() < 0:
            return False
        if other._setter is not self._setter and getattr(other._setter, "__self__", None) is None:
            return False
        self.new = other.new
        return True


class CallbackCommand(QUndoCommand):
    """A command from two callables (for edits that are not a single value)."""

    def __init__(self, do: Callable[[], None], undo: Callable[[], None], text: str):
        super().__init__(text)
        self._do, self._undo = do, undo

    def redo(self) -> None:
        self._do()

    def undo(self) -> None:
        self._undo()
