"""The one wrapper over pyqtgraph internals in the Regression Lab: move_spot."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from gui.labs.regression.plot_items import move_spot


def test_move_spot_moves_one_spot_and_its_bounds(qapp):
    s = pg.ScatterPlotItem()
    x, y = np.arange(5.0), np.arange(5.0) * 2
    s.setData(x, y)
    assert s.dataBounds(0) == (0.0, 4.0)
    assert move_spot(s, 2, 10.0, -3.0, 5)
    gx, gy = s.getData()
    np.testing.assert_array_equal(gx, [0, 1, 10, 3, 4])
    np.testing.assert_array_equal(gy, [0, 2, -3, 6, 8])
    assert s.dataBounds(0) == (0.0, 10.0) and s.dataBounds(1) == (-3.0, 8.0)
    # the same as rebuilding every spot with the public setData
    ref = pg.ScatterPlotItem()
    ref.setData(gx.copy(), gy.copy())
    assert ref.dataBounds(0) == s.dataBounds(0) and ref.dataBounds(1) == s.dataBounds(1)


def test_move_spot_refuses_when_the_scatter_does_not_hold_the_points(qapp):
    s = pg.ScatterPlotItem()
    s.setData([0.0, 1.0], [0.0, 1.0])
    assert not move_spot(s, 0, 5.0, 5.0, 3)   # the caller then uses setData
    assert not move_spot(s, 7, 5.0, 5.0, 2)
    np.testing.assert_array_equal(s.getData()[0], [0, 1])
