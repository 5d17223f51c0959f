"""The zoom: one value for the whole application, published here.

The main window sets it (View → Zoom in / Zoom out / Actual size / Presentation);
the application font follows it (``gui.shell.app.apply_zoom``) and every view asks
it for its sizes: :func:`pt` for a font size given at 100 %, :func:`line` for a pen
width, :func:`marker` for a marker size.  Widgets that draw with their own sizes
listen to :func:`notifier` ``().changed`` (or to ``QEvent.ApplicationFontChange``,
which every widget receives when the application font changes).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication

MIN, MAX = 0.8, 2.0
#: the zoom levels Zoom in / Zoom out walk through
STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)
#: Presentation: this zoom, and lines this much thicker again
PRESENTATION_ZOOM = 1.5
PRESENTATION_LINES = 1.5


def clamp(factor: float) -> float:
    try:
        f = float(factor)
    except (TypeError, ValueError):
        return 1.0
    if f != f:  # nan
        return 1.0
    return min(max(f, MIN), MAX)


class Zoom(QObject):
    """The zoom factor (1.0 = 100 %) and whether Presentation is on."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._factor = 1.0
        self._presentation = False

    @property
    def factor(self) -> float:
        return self._factor

    @property
    def presentation(self) -> bool:
        return self._presentation

    def set(self, factor: float, presentation: bool | None = None) -> None:
        f = clamp(factor)
        p = self._presentation if presentation is None else bool(presentation)
        if (f, p) != (self._factor, self._presentation):
            self._factor, self._presentation = f, p
            self.changed.emit()

    def line_scale(self) -> float:
        return self._factor * (PRESENTATION_LINES if self._presentation else 1.0)


_zoom: Zoom | None = None


def notifier() -> Zoom:
    """The application's one zoom (created on first use)."""
    global _zoom
    if _zoom is None:
        _zoom = Zoom()
    return _zoom


def factor() -> float:
    return notifier().factor


def next_step(current: float, direction: int) -> float:
    """The zoom level after ``current`` in ``direction`` (+1 in, −1 out)."""
    if direction > 0:
        return next((s for s in STEPS if s > current + 1e-9), MAX)
    return next((s for s in reversed(STEPS) if s < current - 1e-9), MIN)


def pt(size: float) -> float:
    """A font size in points given at 100 %, at the current zoom."""
    return float(size) * notifier().factor


def device_ratio() -> float:
    """The screens' highest device pixel ratio (2 on a "200 %" display).  pyqtgraph's
    pens are cosmetic: their width is in device pixels, so without it every line
    would be half as thick at 2× (markers and text already scale)."""
    app = QGuiApplication.instance()
    try:
        ratio = float(app.devicePixelRatio()) if app is not None else 1.0
    except (AttributeError, RuntimeError):
        ratio = 1.0
    return ratio if ratio >= 1.0 else 1.0


def line(width: float) -> float:
    """A pen width given at 100 % on a 1× screen, at the current zoom (thicker in
    Presentation) and the screen's pixel ratio."""
    return float(width) * notifier().line_scale() * device_ratio()


def marker(size: float) -> float:
    """A marker (symbol) size given at 100 %, at the current zoom."""
    return float(size) * notifier().line_scale()
