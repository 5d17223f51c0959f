"""Screen readers: a view's accessible name and description (what it shows now).

The description changes as the view does; it is set only when it changed, so a
view can be described on every step of an animation at the cost of a string
comparison.  A 3D view's GL widget (``view.gl``, or ``view.view`` in a captioned
view) is named and described with it:
that is where the keyboard focus and a screen reader's review cursor land.
"""
from __future__ import annotations

from PySide6.QtWidgets import QWidget


def set_view_text(view: QWidget, name: str, description: str) -> None:
    # not getattr: a PlotWidget forwards unknown attributes to its PlotItem
    inner = [view.__dict__.get(a) for a in ("gl", "view")]
    for w in (view, *inner):
        if not isinstance(w, QWidget):
            continue
        if w.accessibleName() != name:
            w.setAccessibleName(name)
        if w.accessibleDescription() != description:
            w.setAccessibleDescription(description)
