"""Undoable edits. Every user edit goes through a QUndoCommand on the session's
stack (glue-style command objects).

No exception may leave ``redo()`` / ``undo()``: Qt calls them from C++, and on
Python 3.11 PySide6 crashes (SIGSEGV) on an exception raised there. A failed edit
is logged, reported through ``report`` (e.g. ``session.status.emit``) or the
module-level :data:`on_error` hook, the state from before the edit is put back,
and the command marks itself obsolete so QUndoStack drops it (a failed push
leaves no entry behind; a failed undo or redo removes the entry).
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from gui.labs.fields import StateError
from gui.text.state_messages import state_error_message

_log = logging.getLogger(__name__)

#: Called with a (translated) message when an edit fails and the command was given
#: no ``report`` of its own; whoever shows messages (the session) may set it.
on_error: Callable[[str], None] | None = None


def _failure_message(text: str, exc: BaseException) -> str:
    if isinstance(exc, StateError):  # a value the lab's state refuses
        return QCoreApplication.translate(
            "Commands", "“{edit}” was not done: {reason}").format(
            edit=text, reason=state_error_message(exc))
    detail = str(exc) or type(exc).__name__
    if len(detail) > 200:
        detail = detail[:200] + "…"
    return QCoreApplication.translate(
        "Commands", "“{edit}” could not be done ({error}); nothing was changed.").format(
        edit=text, error=detail)


class SafeCommand(QUndoCommand):
    """Shared failure handling of every undo command (here and gui/labs/model.py)."""

    def __init__(self, text: str, report: Callable[[str], None] | None = None):
        super().__init__(text)
        self._report = report
        self.failed: BaseException | None = None  # the last error, for tests

    def _attempt(self, action: Callable[[], None], restore: Callable[[], None],
                 what: str) -> None:
        try:
            action()
        except Exception as exc:  # noqa: BLE001 - nothing may reach Qt
            self.failed = exc
            _log.exception("%s of %r failed; restoring the previous state", what, self.text())
            try:
                restore()
            except Exception:  # noqa: BLE001
                _log.exception("restoring the state after a failed %s failed", what)
            self.setObsolete(True)
            self._tell(_failure_message(self.text(), exc))

    def _tell(self, message: str) -> None:
        hook = self._report or on_error
        if hook is None:
            return
        try:
            hook(message)
        except Exception:  # noqa: BLE001
            _log.exception("reporting a failed edit failed")


class SetValueCommand(SafeCommand):
    """Set a value through ``setter``; undo restores ``old``.

    Commands with the same non-negative ``merge_id`` that follow each other
    merge (a slider drag or a point drag is one undo entry). If ``setter``
    raises, the value it was replacing is set again (see the module doc)."""

    def __init__(self, setter: Callable[[Any], None], old: Any, new: Any, text: str,
                 merge_id: int = -1, report: Callable[[str], None] | None = None):
        super().__init__(text, report)
        self._setter = setter
        self.old = old
        self.new = new
        self._merge_id = merge_id

    def redo(self) -> None:
        self._attempt(lambda: self._setter(self.new), lambda: self._setter(self.old), "redo")

    def undo(self) -> None:
        self._attempt(lambda: self._setter(self.old), lambda: self._setter(self.new), "undo")

    def id(self) -> int:  # noqa: A003 - Qt API
        return self._merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        try:
            if not isinstance(other, SetValueCommand) or other.id() != self.id() \
                    or self.id() < 0 or other.isObsolete():
                return False  # a failed edit merges into nothing
            if other._setter is not self._setter \
                    and getattr(other._setter, "__self__", None) is None:
                return False
            self.new = other.new
            return True
        except Exception:  # noqa: BLE001
            _log.exception("merging undo commands failed")
            return False


class CallbackCommand(SafeCommand):
    """A command from two callables (for edits that are not a single value).

    ``snapshot()`` / ``restore(snap)``, if given, save and put back the state
    around each ``do`` / ``undo`` so a failure leaves it as it was; without them
    a failed ``do`` is followed by ``undo`` (and a failed ``undo`` by ``do``)."""

    def __init__(self, do: Callable[[], None], undo: Callable[[], None], text: str,
                 snapshot: Callable[[], Any] | None = None,
                 restore: Callable[[Any], None] | None = None,
                 report: Callable[[str], None] | None = None):
        super().__init__(text, report)
        self._do, self._undo = do, undo
        self._snapshot, self._restore = snapshot, restore

    def _run(self, action: Callable[[], None], opposite: Callable[[], None], what: str) -> None:
        restore = opposite
        if self._snapshot is not None and self._restore is not None:
            try:
                snap = self._snapshot()
                put_back = self._restore
                restore = lambda: put_back(snap)  # noqa: E731
            except Exception:  # noqa: BLE001
                _log.exception("saving the state before %s failed", what)
        self._attempt(action, restore, what)

    def redo(self) -> None:
        self._run(self._do, self._undo, "redo")

    def undo(self) -> None:
        self._run(self._undo, self._do, "undo")
