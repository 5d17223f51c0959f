"""A slider beside a spin box, for one real number.

The widget keeps no setting of its own: a lab sets the number shown with
:meth:`SliderSpin.set_value` (no signal) and hears the user's edits through
``valueChanged(value, live)``: ``live`` is True while the slider is held down (a
drag: preview it), False for the spin box, the keyboard or a click on the groove
(one edit). ``dragFinished`` is emitted when the slider is let go.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QSlider, QWidget

from gui.views.ranges import safe_range


class SliderSpin(QWidget):
    """``step`` given: the slider moves on the grid lo, lo + step, …, hi and the
    spin box's arrows move 5 steps; no ``step``: the slider has ``STEPS``
    positions over [lo, hi] (set again with :meth:`set_range`) and the arrows move
    by a round step of about a hundredth of the range."""

    valueChanged = Signal(float, bool)
    dragFinished = Signal()
    STEPS = 1000

    def __init__(self, text: str = "", lo: float = -1.0, hi: float = 1.0,
                 step: float | None = None, decimals: int = 4,
                 spin_range: tuple[float, float] | None = None,
                 label_width: int = 30, spin_width: int = 84,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.step = step
        self.lo, self.hi = lo, hi
        self.label = QLabel(text)
        self.label.setMinimumWidth(label_width)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.spin = QDoubleSpinBox()
        self.spin.setRange(*(spin_range or (lo, hi)))
        self.spin.setDecimals(decimals)
        self.spin.setKeyboardTracking(False)
        self.spin.setMinimumWidth(spin_width)
        if step is not None:
            self.spin.setSingleStep(step * 5)
        self.label.setBuddy(self.spin)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label)
        lay.addWidget(self.slider, 1)
        lay.addWidget(self.spin)
        self.set_range(lo, hi)
        self.slider.valueChanged.connect(self._from_slider)
        self.slider.sliderReleased.connect(self.dragFinished)
        self.spin.valueChanged.connect(self._from_spin)

    def _positions(self) -> int:
        if self.step is None:
            return self.STEPS
        return max(1, int(round((self.hi - self.lo) / self.step)))

    def set_range(self, lo: float, hi: float) -> None:
        """The slider's ends. From data, nan, inf or ±1e308 still give a usable range."""
        self.lo, self.hi = safe_range(lo, hi, (-1.0, 1.0))
        with QSignalBlocker(self.slider):
            self.slider.setRange(0, self._positions())
        if self.step is None:
            span = self.hi - self.lo
            self.spin.setSingleStep(10.0 ** math.floor(math.log10(span / 100)))

    def value(self) -> float:
        return float(self.spin.value())

    def set_tooltip(self, text: str) -> None:
        """The tooltip of both halves; it is also their accessible description, and
        the slider is named after the label (the spin box has it as its buddy)."""
        for w in (self.slider, self.spin):
            w.setToolTip(text)
            w.setAccessibleDescription(text)
        self.slider.setAccessibleName(self.label.text())

    def _position(self, v: float) -> int:
        span = self.hi - self.lo
        t = (v / 2 - self.lo / 2) / (span / 2) if span > 0 else 0.0  # no overflow
        return int(round(min(max(t, 0.0), 1.0) * self._positions())) if math.isfinite(t) else 0

    def set_value(self, v: float) -> None:
        """Show the model's value (no signal)."""
        with QSignalBlocker(self.slider), QSignalBlocker(self.spin):
            if math.isfinite(v):
                self.spin.setValue(v)
            self.slider.setValue(self._position(v))

    def _from_slider(self, pos: int) -> None:
        if self.step is None:
            v = self.lo + (self.hi - self.lo) * pos / self.STEPS
        else:
            v = round(self.lo + pos * self.step, 10)
        with QSignalBlocker(self.spin):
            self.spin.setValue(v)
        self.valueChanged.emit(float(v), self.slider.isSliderDown())

    def _from_spin(self, v: float) -> None:
        with QSignalBlocker(self.slider):
            self.slider.setValue(self._position(v))
        self.valueChanged.emit(float(v), False)
