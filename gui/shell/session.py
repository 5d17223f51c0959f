"""The session: one object every view listens to.

It owns the undo stack and the registry of labs whose state is saved, loaded
and autosaved. Labs keep their own model objects, but every user edit goes
through ``session.push(command)``.

Loading is all or nothing: :meth:`Session.restore` checks every lab's saved state
with that lab's Qt-free validator (``gui/labs/<lab>/state.py``) before any lab
changes, and raises :class:`StateError` (with ``lab`` and ``field``) for the first
value that cannot be used.
"""
from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from gui.labs import registry
from gui.labs.fields import StateError

log = logging.getLogger(__name__)



def validate_labs(labs: Any) -> dict[str, dict]:
    """Every known lab's saved state in ``labs``, checked and completed with defaults.

    Unknown lab names are ignored (a newer GradLab may have more labs).  Raises
    StateError with ``lab`` set for the first value that cannot be used."""
    if not isinstance(labs, dict):
        raise StateError("labs", "not_an_object")
    out: dict[str, dict] = {}
    for spec in registry.LABS:
        name = spec.name
        if name not in labs:
            continue
        try:
            # imported when first needed: validators parse functions, and sympy
            # must not delay the first paint
            out[name] = spec.state_module().validate(labs[name])
        except StateError as exc:
            exc.lab = name
            raise
        except RecursionError:
            exc2 = StateError(name, "too_deep")
            exc2.lab = name
            raise exc2 from None
    return out


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
                set_(copy.deepcopy(self._defaults[name]))
        self.undo_stack.clear()

    def apply_pending(self, name: str) -> None:
        """Give a lab that was just built the state restored before it existed."""
        pending = self._pending.pop(name, None)
        if pending and name in self._labs:
            try:
                self._labs[name][1](pending)
            except Exception:  # checked state that a lab still refuses: a bug
                log.exception("restoring the %s lab failed; it keeps its defaults", name)

    def state(self) -> dict[str, Any]:
        out = {name: copy.deepcopy(st) for name, st in self._pending.items()}
        out.update({name: get() for name, (get, _s) in self._labs.items()})
        return out

    def restore(self, state: Any) -> None:
        """Load every lab's saved state, or nothing: raises StateError before any
        lab changes when one value cannot be used."""
        checked = validate_labs(state)
        before = {name: get() for name, (get, _s) in self._labs.items()}
        pending_before = copy.deepcopy(self._pending)
        try:
            for name, value in checked.items():
                if name in self._labs:
                    self._labs[name][1](value)
                else:
                    self._pending[name] = value
        except Exception:
            # a lab refused a checked state (a bug): put every lab back as it was
            log.exception("restoring a session failed; the previous state is kept")
            self._pending = pending_before
            for name, value in before.items():
                try:
                    self._labs[name][1](value)
                except Exception:  # pragma: no cover - already reporting a bug
                    log.exception("could not put the %s lab back", name)
            exc = StateError("", "internal")
            raise exc from None
        self.undo_stack.clear()
