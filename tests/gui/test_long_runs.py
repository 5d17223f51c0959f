"""Long descent runs (issue 18): what is drawn on the map is thinned to the screen,
so a step costs the same at any run length, and nothing a user can see is lost."""
from __future__ import annotations

import numpy as np
import pytest

from gui.views.thin import CAP, prefix, screen_indices

BOX = (-1.0, 4.0, -1.0, 4.0)


def _max_gap(xy, kept, box, cells):
    """The farthest any original point lies from the drawn polyline through ``kept``,
    in cells of the grid (checked segment by segment, brute force)."""
    cell = np.array([box[1] - box[0], box[3] - box[2]]) / cells
    worst = 0.0
    for a, b in zip(kept[:-1], kept[1:], strict=True):
        p, q = xy[a] / cell, xy[b] / cell
        seg = xy[a:b + 1] / cell
        d = q - p
        t = np.clip(((seg - p) @ d) / max(d @ d, 1e-300), 0, 1)
        worst = max(worst, float(np.max(np.linalg.norm(seg - (p + t[:, None] * d), axis=1))))
    return worst


def test_thinned_spiral_stays_within_a_cell():
    k = np.arange(20_000)
    r = 2.0 * np.exp(-k / 4000)
    xy = np.c_[1.5 + r * np.cos(k / 50), 1.5 + r * np.sin(k / 50)]
    kept = screen_indices(xy, BOX, cells=500)
    assert kept[0] == 0 and kept[-1] == len(xy) - 1
    assert np.all(np.diff(kept) > 0)
    assert len(kept) < len(xy) / 3  # most points fall in a cell already entered
    assert _max_gap(xy, kept, BOX, 500) < 1.5  # the line drawn is the line


def test_non_finite_points_are_kept_and_oscillation_is_capped():
    xy = np.c_[np.linspace(0, 1, 10), np.linspace(0, 1, 10)]
    xy[4] = np.nan
    kept = screen_indices(xy, BOX, cells=4)
    assert {3, 4, 5} <= set(kept.tolist())  # the break in the line is drawn
    zigzag = np.c_[np.tile([0.0, 3.0], 50_000), np.zeros(100_000)]
    kept = screen_indices(zigzag, BOX)
    assert len(kept) <= CAP and kept[0] == 0 and kept[-1] == len(zigzag) - 1


def test_prefix_ends_at_the_step_shown():
    kept = np.array([0, 3, 7, 12])
    assert prefix(kept, 7).tolist() == [0, 3, 7]
    assert prefix(kept, 9).tolist() == [0, 3, 7, 9]
    assert prefix(kept, 0).tolist() == [0]


@pytest.mark.parametrize("steps", [1_000, 100_000])
def test_a_long_run_draws_at_most_cap_points_per_path(make_descent_lab, steps):
    from gui.labs.model import EditCommand

    lab = make_descent_lab()
    lab._session_ref.push(EditCommand(lab.model, {
        "function": "x^2 + y^2", "hyper": {"gd": {"lr": 1e-5}},
        "stop": {"grad_tol": 0.0, "value_tol": None, "max_steps": steps}}, "long run"))
    run = lab.trajectory("gd")
    assert len(run.points) == steps + 1
    k = steps // 2 + 1
    lab.traj_cursor.set_index(k)
    drawn = [item.getData() for item in lab.contour._path_items if item.isVisible()]
    assert len(drawn) == 2  # the faint whole run and the run up to step k
    for x, _y in drawn:
        assert len(x) <= CAP + 1
    (fx, _fy), (px, py) = drawn
    assert px[-1] == pytest.approx(run.points[k, 0]) and py[-1] == pytest.approx(run.points[k, 1])
    assert fx[-1] == pytest.approx(run.points[-1, 0])
