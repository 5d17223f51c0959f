"""The Regression Lab's model and its one special edit.

:class:`RegressionModel` is the shared :class:`~gui.labs.model.LabModel` with one
addition: a panel's refresh that fails while a change is applied (a slot's
exception never reaches whoever emitted the signal) is handed back to
:meth:`replace`, which raises it, so the :class:`~gui.labs.model.EditCommand`
that made the change puts the old state back and reports the failure instead of
leaving a state that the lab could not show.  During a drag preview the failure is
only reported (the mouse handler must not raise).

:class:`PointsEdit` replaces the whole point set (a data set, pasted points, a CSV
file): after a redo and an undo the data plot frames the points again.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from gui.labs.model import EditCommand, LabModel
from gui.labs.regression.state import RegressionState


class RegressionModel(LabModel[RegressionState]):
    def __init__(self, state: RegressionState, parent=None):
        super().__init__("regression", state, parent)
        self._failed: Exception | None = None

    def refresh_failed(self, exc: Exception) -> None:
        """Called by the lab's refresh (a slot of ``changed``) that raised ``exc``."""
        self._failed = exc

    def replace(self, state: RegressionState) -> frozenset[str]:
        self._failed = None
        fields = super().replace(state)
        exc, self._failed = self._failed, None
        if exc is not None:
            raise exc
        return fields


class PointsEdit(EditCommand[RegressionState]):
    """An edit that replaces the whole point set; ``reframe()`` is called after
    each redo and undo (the data plot then shows all of the points)."""

    def __init__(self, model: RegressionModel, change: Mapping[str, Any], text: str,
                 reframe: Callable[[], None], **kw: Any):
        super().__init__(model, change, text, **kw)
        self._reframe = reframe

    def _apply(self, change: dict[str, Any]) -> None:
        super()._apply(change)
        self._reframe()
