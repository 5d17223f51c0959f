"""The shared views: the surface's mesh made with pyqtgraph's public API (no private
attributes), holes where f is undefined, and the contour view's public counters."""
from __future__ import annotations

import numpy as np
import pytest

from gui.views.surface import HoleySurface, SurfaceView, grid_faces, holey_faces


def test_grid_faces_are_two_triangles_per_cell():
    # a 2 × 3 grid: vertices 0 1 2 / 3 4 5 (vertex i·ny + j), by hand
    faces = grid_faces(2, 3)
    assert faces.dtype == np.uint32
    assert faces.tolist() == [[0, 1, 3], [1, 2, 4], [3, 1, 4], [4, 2, 5]]
    nx, ny = 7, 5
    faces = grid_faces(nx, ny)
    assert len(faces) == 2 * (nx - 1) * (ny - 1)
    # every cell's two triangles together use exactly its four corners
    for i in range(nx - 1):
        for j in range(ny - 1):
            corners = {i * ny + j, i * ny + j + 1, (i + 1) * ny + j, (i + 1) * ny + j + 1}
            cell = [f for f in faces.tolist() if set(f) <= corners]
            assert len(cell) == 2 and set(cell[0]) | set(cell[1]) == corners
    assert grid_faces(1, 5).shape == (0, 3)


def test_grid_faces_match_pyqtgraphs_surface_item(qapp):
    import pyqtgraph.opengl as gl

    item = gl.GLSurfacePlotItem(z=np.zeros((6, 4)))
    reference = item.opts["meshdata"].faces()  # the public MeshData it draws
    np.testing.assert_array_equal(grid_faces(6, 4), reference)


def test_holey_faces_drop_every_triangle_touching_a_bad_vertex():
    faces = grid_faces(4, 4)
    bad = np.zeros((4, 4), bool)
    bad[1, 2] = True
    kept = holey_faces(faces, bad)
    assert not np.isin(kept, [1 * 4 + 2]).any()
    assert len(faces) - len(kept) == 6  # an inner vertex touches six triangles
    assert holey_faces(faces, None) is faces


@pytest.mark.gl
def test_surface_view_draws_holes_through_the_public_mesh(qtbot):
    view = SurfaceView()
    qtbot.addWidget(view)
    xs = np.linspace(-1, 1, 11)
    ys = np.linspace(0, 2, 9)
    X, Y = np.meshgrid(xs, ys, indexing="ij")
    Z = np.where(X < -0.5, np.nan, X ** 2 + Y)
    view.set_grid(xs, ys, Z)
    mesh = next(i for i in view.gl.items if isinstance(i, HoleySurface)).mesh
    assert mesh.vertexes().shape == (11 * 9, 3)
    assert mesh.vertexColors().shape == (11 * 9, 4)
    bad = ~np.isfinite(Z).reshape(-1)
    assert not bad[mesh.faces()].any()
    assert len(mesh.faces()) == len(holey_faces(grid_faces(11, 9), ~np.isfinite(Z)))
    got = view.surface_data()
    assert got[2] is Z
    # the old API the Regression Lab uses still works
    view.set_paths([(np.array([[0.0, 1.0], [0.5, 1.5]]), np.array([1.0, 1.75]), "#ff0000")])
    view.set_current([(np.array([0.0, 1.0]), 1.0, "#ff0000")])
    view.set_arrow(np.array([0.0, 1.0]), np.array([0.2, 0.2]))  # default colour
    view.set_markers([(np.array([0.5, 1.0]), 1.25, "#00ff00", 12)])


def test_contour_view_counts_what_it_draws(qtbot):
    from gui.views.contour import ContourView, contour_segments

    view = ContourView()
    qtbot.addWidget(view)
    xs = np.linspace(-1, 1, 21)
    X, Y = np.meshgrid(xs, xs, indexing="ij")
    view.set_grid(xs, xs, X ** 2 + Y ** 2)
    view.set_markers([(np.array([0.0, 0.0]), 0.0, "#ffffff", 12),
                      (np.array([np.nan, 0.0]), 0.0, "#ffffff", 12)])
    assert view.markers_shown() == 1
    view.set_paths([(np.array([[0.0, 0.0], [0.5, 0.5]]), np.array([0.0, 0.5]), "#ff0000")])
    assert view.paths_shown() == 1
    assert callable(contour_segments)  # re-exported for the regression bench
