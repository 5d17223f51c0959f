"""The shared slider + spin box (gui/widgets/slider_spin.py), used by the chain
lab's number controls and the regression lab's k and b."""
from __future__ import annotations

import pytest

from gui.widgets.slider_spin import SliderSpin


@pytest.fixture
def grid(qtbot):
    w = SliderSpin("x", -3.0, 3.0, step=0.01, decimals=3, spin_range=(-50.0, 50.0))
    qtbot.addWidget(w)
    return w


def test_a_grid_slider_has_one_position_per_step(grid):
    assert (grid.slider.minimum(), grid.slider.maximum()) == (0, 600)
    assert grid.spin.singleStep() == pytest.approx(0.05)


def test_moving_the_slider_shows_the_grid_value_and_reports_one_edit(grid, qtbot):
    seen = []
    grid.valueChanged.connect(lambda v, live: seen.append((v, live)))
    grid.slider.setValue(450)          # -3 + 450·0.01
    assert seen == [(1.5, False)]
    assert grid.spin.value() == 1.5


def test_a_held_slider_reports_live_values_then_the_release(grid):
    seen, released = [], []
    grid.valueChanged.connect(lambda v, live: seen.append(live))
    grid.dragFinished.connect(lambda: released.append(True))
    grid.slider.setSliderDown(True)
    grid.slider.setValue(100)
    grid.slider.setSliderDown(False)
    assert seen == [True] and released == [True]


def test_set_value_shows_the_value_without_a_signal(grid):
    seen = []
    grid.valueChanged.connect(lambda *a: seen.append(a))
    grid.set_value(20.0)               # beyond the slider: the slider stays at its end
    assert seen == []
    assert grid.spin.value() == 20.0 and grid.slider.value() == 600


def test_the_spin_box_moves_the_slider(grid):
    grid.spin.setValue(1.0)
    assert grid.slider.value() == 400


def test_a_data_range_slider_survives_huge_and_undefined_ranges(qtbot):
    w = SliderSpin("k", spin_range=(-1e9, 1e9))
    qtbot.addWidget(w)
    w.set_range(-1.7e308, 1.7e308)
    w.set_value(1e308)
    assert 0 <= w.slider.value() <= w.STEPS
    w.set_range(float("nan"), 1.0)
    assert (w.lo, w.hi) == (-1.0, 1.0)
    w.set_range(0.0, 200.0)
    assert w.spin.singleStep() == 1.0   # about a hundredth of the range, rounded
