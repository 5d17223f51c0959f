"""The thin Qt layer over a lab's Qt-free state: :class:`LabModel` and the one
undo command every lab edit uses, :class:`EditCommand`.

A lab's panels never change the state themselves.  They build a *change* (a dict of
top-level field names to new values, in the saved form of
``gui/labs/<lab>/state.py``) and push ``EditCommand(model, change, text)`` on the
session's undo stack; the model applies it with the state's pure ``apply`` and
emits ``changed(fields)`` with the names of the fields that really changed, so each
panel redraws only what concerns it.  Undo applies the inverse change, computed
when the command is made.

Drags use :meth:`LabModel.preview` while the mouse moves (live updates, no undo
entries) and :meth:`LabModel.commit_preview` on release: one undo command for the
whole drag.  Consecutive commands made with ``merge=True`` on the same model and the
same fields merge into one (the arrow keys on a slider).

Like every command here, EditCommand never lets an exception reach Qt (see
``gui/labs/commands.py``): a refused change is reported and leaves the state as it was.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from gui.labs.commands import SafeCommand
from gui.labs.fields import SavedState, StateError

S = TypeVar("S", bound=SavedState)

#: the QUndoCommand id shared by mergeable edits (QUndoStack only asks commands with
#: equal ids to merge; EditCommand.mergeWith then compares model and fields)
EDIT_MERGE_ID = 0x6C616200


class LabModel(QObject, Generic[S]):
    """Holds one lab's saved state (a frozen :class:`SavedState`) and announces
    its changes.  Results computed from the state are kept by the lab, apart."""

    #: frozenset of the names of the fields that changed (``"part.field"`` too,
    #: inside a nested state)
    changed = Signal(object)

    def __init__(self, name: str, state: S, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self._state: S = state
        self._preview_from: S | None = None

    @property
    def state(self) -> S:
        return self._state

    def saved(self) -> dict[str, Any]:
        """The state in its saved (JSON) form."""
        return self._state.to_dict()

    # ------------------------------------------------------------------ changes
    def apply(self, change: Mapping[str, Any]) -> frozenset[str]:
        """Apply ``change`` now (no undo entry: edits go through EditCommand).
        Raises StateError, changing nothing, if a value is refused."""
        return self.replace(self._state.apply(change))

    def replace(self, state: S) -> frozenset[str]:
        """Take a whole new state (loading a session, File → New)."""
        fields = state.changed_fields(self._state)
        self._state = state
        if fields:
            self.changed.emit(fields)
        return fields

    # ------------------------------------------------------------------ drags
    def preview(self, change: Mapping[str, Any]) -> frozenset[str]:
        """Apply ``change`` live, during a drag; :meth:`commit_preview` makes the
        drag one undo entry, :meth:`cancel_preview` goes back."""
        if self._preview_from is None:
            self._preview_from = self._state
        return self.apply(change)

    def previewing(self) -> bool:
        return self._preview_from is not None

    def commit_preview(self, text: str, push: Callable[[QUndoCommand], None],
                       report: Callable[[str], None] | None = None) -> EditCommand | None:
        """End a drag: push one EditCommand from the state before the drag to now
        (nothing when the drag changed nothing)."""
        start, self._preview_from = self._preview_from, None
        if start is None:
            return None
        now = self._state.to_dict()
        keys = {f.split(".", 1)[0] for f in self._state.changed_fields(start)}
        if not keys:
            return None
        change = {k: now[k] for k in keys}
        command = EditCommand(self, change, text, report=report, old=start.inverse(change),
                              applied=True)
        push(command)
        return command

    def cancel_preview(self) -> None:
        start, self._preview_from = self._preview_from, None
        if start is not None:
            self.replace(start)


class EditCommand(SafeCommand, Generic[S]):
    """Apply ``change`` to ``model``; undo applies the inverse change.

    ``merge=True``: a following mergeable command on the same model and the same
    fields merges into this one (one undo entry).  ``old`` is the inverse change
    when the model has already moved on (a committed drag)."""

    def __init__(self, model: LabModel[S], change: Mapping[str, Any], text: str, *,
                 merge: bool = False, report: Callable[[str], None] | None = None,
                 old: Mapping[str, Any] | None = None, applied: bool = False):
        super().__init__(text, report)
        self.model = model
        self.new: dict[str, Any] = dict(change)
        self.old: dict[str, Any] = dict(old) if old is not None \
            else model.state.inverse(change)
        self.merge = merge
        self._first = not applied  # the push's redo: obsolete if it changes nothing

    @property
    def fields(self) -> frozenset[str]:
        """What the edit changes: top-level names, and ``"part.key"`` for the keys
        of an object value (moving x, then Δx, inside one chain section are two
        different edits; merging compares these)."""
        return frozenset(f"{name}.{key}" if isinstance(value, dict) else name
                         for name, value in self.new.items()
                         for key in (value if isinstance(value, dict) else (None,)))

    def redo(self) -> None:
        self._attempt(lambda: self._apply(self.new), lambda: self._apply(self.old), "redo")

    def undo(self) -> None:
        self._attempt(lambda: self._apply(self.old), lambda: self._apply(self.new), "undo")

    def _apply(self, change: dict[str, Any]) -> None:
        first, self._first = self._first, False
        try:
            fields = self.model.apply(change)
        except StateError as exc:
            exc.lab = self.model.name
            raise
        if first and not fields:
            self.setObsolete(True)

    def id(self) -> int:  # noqa: A003 - Qt API
        return EDIT_MERGE_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        try:
            if not (isinstance(other, EditCommand) and self.merge and other.merge
                    and other.model is self.model and other.fields == self.fields
                    and not other.isObsolete()):
                return False
            self.new = dict(other.new)
            self.setText(other.text())
            # back where it started (QUndoStack redoes ``other`` before it asks to
            # merge, so the model holds the merged result): no entry at all
            if self.model.state.apply(self.old) == self.model.state:
                self.setObsolete(True)
            return True
        except Exception:  # noqa: BLE001 - nothing may reach Qt
            return False
