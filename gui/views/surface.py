"""A 3D surface (pyqtgraph.opengl) of f on a grid, with paths, current points, an
arrow and markers, and a colour bar.  Generic: any function of two variables.

Coordinates are normalised for display: x and y map to [−1, 1], z (clipped at a
high percentile so one spike cannot flatten the view) maps to [0, Z_HEIGHT].
Where f is nan or ±inf the surface has holes (those triangles are not drawn).
"""
from __future__ import annotations

import numpy as np
import pyqtgraph.opengl as gl
from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from core.landscape import bilinear, lambert_shading
from gui import theme
from gui.text.format import fmt
from gui.theme import zoom
from gui.views.colors import ColorBar, color_scale, cut_at_box, lut, rgba_f, robust_limits
from gui.views.glview import OffscreenGLView, palette_is_dark
from gui.views.ranges import drawable_axis

Z_HEIGHT = 1.1
LIFT = 0.012  # paths float slightly above the surface so they stay visible
FLOOR = -0.08  # the floor grid sits below the lowest point (no z-fighting)


def grid_faces(nx: int, ny: int) -> np.ndarray:
    """The triangles of an nx × ny grid of vertices (vertex ``i·ny + j`` is grid point
    (i, j)): two per cell, in the order pyqtgraph's GLSurfacePlotItem uses."""
    rows, cols = nx - 1, ny - 1
    if rows < 1 or cols < 1:
        return np.zeros((0, 3), dtype=np.uint32)
    base = (np.arange(rows)[:, None] * ny + np.arange(cols)[None, :]).astype(np.uint32)
    first = np.stack([base, base + 1, base + ny], axis=-1)
    second = np.stack([base + ny, base + 1, base + ny + 1], axis=-1)
    return np.concatenate([first, second], axis=1).reshape(-1, 3)


def holey_faces(faces: np.ndarray, bad: np.ndarray | None) -> np.ndarray:
    """``faces`` without the triangles that touch a vertex flagged in ``bad``."""
    if bad is None or not bad.any():
        return faces
    flat = bad.reshape(-1)
    return faces[~(flat[faces[:, 0]] | flat[faces[:, 1]] | flat[faces[:, 2]])]


class HoleySurface(gl.GLMeshItem):
    """A surface z(x, y) over a grid, drawn with per-vertex colours, that skips the
    triangles touching a non-finite vertex.  Built on pyqtgraph's public mesh API
    (MeshData + GLMeshItem.meshDataChanged): the grid's triangles are made here."""

    def __init__(self):
        self.mesh = gl.MeshData()
        super().__init__(meshdata=self.mesh, smooth=True, computeNormals=False)
        self._faces_of: tuple[tuple[int, int], np.ndarray] | None = None

    def set_surface(self, x, y, z, colors, bad: np.ndarray | None) -> None:
        nx, ny = len(x), len(y)
        if self._faces_of is None or self._faces_of[0] != (nx, ny):
            self._faces_of = ((nx, ny), grid_faces(nx, ny))
        verts = np.empty((nx, ny, 3), dtype=np.float32)
        verts[:, :, 0] = np.asarray(x, np.float32).reshape(nx, 1)
        verts[:, :, 1] = np.asarray(y, np.float32).reshape(1, ny)
        verts[:, :, 2] = z
        self.mesh.setVertexes(verts.reshape(-1, 3))
        self.mesh.setFaces(holey_faces(self._faces_of[1], bad))
        self.mesh.setVertexColors(np.asarray(colors, np.float32).reshape(-1, 4))
        self.meshDataChanged()


class SurfaceView(QWidget):
    """3D surface of a grid, with descent paths drawn on it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # rendered offscreen: a QOpenGLWidget would put the whole window on GL
        # composition (every label repaint re-composes the window in software GL)
        self.gl = OffscreenGLView(self)
        self.gl.setBackgroundColor(theme.qcolour("view3d.background", dark=False))
        self.gl.setMinimumSize(200, 200)
        self.colorbar = ColorBar(self)
        self.reset_button = QToolButton(self)
        self.reset_button.clicked.connect(self.reset_camera)
        self.reset_button.setAutoRaise(True)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.gl, 1)
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.colorbar, 1)
        side.addWidget(self.reset_button)
        row.addLayout(side)
        self.setLayout(row)

        self._xs = np.array([0.0, 1.0])
        self._ys = np.array([0.0, 1.0])
        self._Z = None
        self._zlo, self._zhi = 0.0, 1.0
        self._surface: HoleySurface | None = None
        self._path_lines: list[gl.GLLinePlotItem] = []
        self._path_dots: list[gl.GLScatterPlotItem] = []
        self._paths: list = []
        self._current = gl.GLScatterPlotItem(pos=np.zeros((1, 3)), size=14, pxMode=True)
        self._current.setGLOptions("translucent")
        self._current.setVisible(False)
        self._arrow = gl.GLLinePlotItem(pos=np.zeros((2, 3)), mode="lines", width=3,
                                        antialias=True)
        self._arrow.setGLOptions("translucent")
        self._arrow.setVisible(False)
        self._markers = gl.GLScatterPlotItem(pos=np.zeros((1, 3)), size=12, pxMode=True)
        self._markers.setVisible(False)
        self._current_data: list = []
        self._marker_data: list = []
        self._arrow_data = None

        # floor frame and axis labels
        self._frame = gl.GLLinePlotItem(pos=self._frame_lines(), mode="lines",
                                        color=theme.rgba("view3d.frame", 0.9, dark=False),
                                        width=1, antialias=True)
        self._floor = gl.GLGridItem(size=None)
        self._floor.setSize(2, 2, 1)
        self._floor.setSpacing(0.25, 0.25, 1)
        self._floor.setColor(theme.qcolour("view3d.floor", 110 / 255, dark=False))
        self._floor.translate(0, 0, FLOOR)
        self.gl.addItem(self._floor)
        self.gl.addItem(self._frame)
        self._labels = {k: gl.GLTextItem(text="", color=theme.qcolour("view3d.label", dark=False),
                                         font=self._label_font())
                        for k in ("x", "y", "z", "x0", "x1", "y0", "y1", "z0", "z1")}
        for item in self._labels.values():
            self.gl.addItem(item)
        self._axis_names = ("x", "y", "f")
        for item in (self._markers, self._current, self._arrow):
            self.gl.addItem(item)
        self.reset_camera()
        self.retranslate()
        self._dark = None
        self.set_dark(palette_is_dark(self.palette()))

    # ------------------------------------------------------------------ public API
    def set_dark(self, dark: bool) -> None:
        """Follow the dark (True) or light (False) theme: background, frame, floor
        grid and axis labels."""
        dark = bool(dark)
        if dark == self._dark:
            return
        self._dark = dark
        self.gl.set_dark(dark)
        self._frame.setData(color=theme.rgba("view3d.frame", 0.9, dark=dark))
        self._floor.setColor(theme.qcolour("view3d.floor", (90 if dark else 110) / 255,
                                           dark=dark))
        text = theme.qcolour("view3d.label", dark=dark)
        for item in self._labels.values():
            item.setData(color=text)
        self.gl.update()

    def is_dark(self) -> bool:
        return bool(self._dark)

    def set_grid(self, xs, ys, Z, log_color: bool = False) -> None:
        xs = np.asarray(xs, dtype=float)
        ys = np.asarray(ys, dtype=float)
        Z = np.asarray(Z, dtype=float)
        if Z.shape != (len(xs), len(ys)):
            raise ValueError(f"Z must have shape {(len(xs), len(ys))}, got {Z.shape}")
        if not drawable_axis(xs) or not drawable_axis(ys):
            # no usable coordinates (the data's numbers are too large): no surface
            if self._surface is not None:
                self._surface.setVisible(False)
            return
        if self._surface is not None:
            self._surface.setVisible(True)
        self._xs, self._ys, self._Z = xs, ys, Z
        lo, hi = robust_limits(Z, log_color)
        self._zlo, self._zhi = lo, hi
        bad = ~np.isfinite(Z)
        t = color_scale(Z, lo, hi, log_color)
        t = np.where(bad, 0.0, t)
        table = lut(256)
        colors = table[(t * 255).astype(np.int32)].astype(np.float32) / 255.0
        zn = self._norm_z(np.where(bad, lo, Z)).astype(np.float32)
        X, Y = self._norm_x(xs), self._norm_y(ys)
        colors[..., :3] *= lambert_shading(X, Y, zn)[..., None]
        if self._surface is None:
            # smooth: indexed triangles sharing vertices (6× less data to build and
            # upload than one vertex per triangle corner); no lighting, same picture
            self._surface = HoleySurface()
            self._surface.setGLOptions("opaque")
            self.gl.addItem(self._surface)
        self._surface.set_surface(X.astype(np.float32), Y.astype(np.float32), zn, colors,
                                  bad)
        # the mesh is drawn once per grid / camera; paths and points go over it
        self.gl.set_static_items([self._floor, self._frame, self._surface])
        self.colorbar.set_range(lo, hi, log_color)
        self._update_labels()
        self._redraw_paths()
        self._redraw_current()
        self._redraw_markers()
        self._redraw_arrow()

    def surface_data(self) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """(xs, ys, Z) as last set (for tests and lessons)."""
        if self._Z is None:
            return None
        return self._xs, self._ys, self._Z

    def set_paths(self, paths) -> None:
        self._paths = list(paths)
        self._redraw_paths()

    def set_current(self, points) -> None:
        self._current_data = list(points)
        self._redraw_current()

    def set_arrow(self, xy, vector_xy, colour: str | None = None) -> None:
        """An arrow from ``xy`` along ``vector_xy`` on the surface (None: no arrow);
        ``colour`` defaults to the theme's current-point marker."""
        self._arrow_data = None if (xy is None or vector_xy is None) else (
            np.asarray(xy, float), np.asarray(vector_xy, float),
            colour or theme.colour("marker.current"))
        self._redraw_arrow()

    def set_markers(self, markers) -> None:
        self._marker_data = list(markers)
        self._redraw_markers()

    def set_axis_labels(self, x: str, y: str, z: str) -> None:
        self._axis_names = (x, y, z)
        self._update_labels()
        self.colorbar.set_title(z.split("(")[0].strip() or "f")

    def reset_camera(self) -> None:
        self.gl.setCameraPosition(distance=3.3, elevation=30, azimuth=-55)
        self.gl.opts["center"] = self.gl.opts["center"].__class__(0, 0, Z_HEIGHT * 0.35)
        self.gl.update()

    def retranslate(self) -> None:
        self.reset_button.setText(self.tr("Reset view"))
        self.reset_button.setToolTip(self.tr("Reset the camera (drag to rotate, wheel to zoom)"))
        names = getattr(self, "_axis_names", None)
        self.colorbar.set_title((names[2].split("(")[0].strip() if names else "") or "f")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.set_dark(palette_is_dark(self.palette()))
        elif event.type() == QEvent.Type.FontChange and hasattr(self, "_labels"):
            font = self._label_font()  # the zoom changed
            for item in self._labels.values():
                item.setData(font=font)
        super().changeEvent(event)

    def _label_font(self) -> QFont:
        """The 3D labels' font: 10 pt at 100 % zoom."""
        font = QFont(self.font())
        font.setPointSizeF(zoom.pt(10))
        return font

    # ------------------------------------------------------------------ mapping
    def _norm_x(self, x):
        x0, x1 = self._xs[0], self._xs[-1]
        return (np.asarray(x, float) - x0) / ((x1 - x0) or 1.0) * 2 - 1

    def _norm_y(self, y):
        y0, y1 = self._ys[0], self._ys[-1]
        return (np.asarray(y, float) - y0) / ((y1 - y0) or 1.0) * 2 - 1

    def _norm_z(self, z):
        with np.errstate(all="ignore"):
            return (np.clip(np.asarray(z, float), self._zlo, self._zhi) - self._zlo) / (
                self._zhi - self._zlo) * Z_HEIGHT

    def _to_gl(self, xy, values) -> np.ndarray:
        xy = np.atleast_2d(np.asarray(xy, float))
        v = np.asarray(values, float).reshape(-1)
        with np.errstate(all="ignore"):
            out = np.empty((len(xy), 3), dtype=np.float32)
            out[:, 0] = np.clip(self._norm_x(xy[:, 0]), -1.6, 1.6)
            out[:, 1] = np.clip(self._norm_y(xy[:, 1]), -1.6, 1.6)
            z = self._norm_z(v)
            out[:, 2] = np.where(np.isfinite(z), z, Z_HEIGHT) + LIFT
        ok = np.isfinite(out).all(axis=1)
        return out[ok]

    # ------------------------------------------------------------------ drawing
    @staticmethod
    def _frame_lines() -> np.ndarray:
        c = [(-1, -1), (1, -1), (1, 1), (-1, 1)]
        segs = []
        for i in range(4):
            a, b = c[i], c[(i + 1) % 4]
            segs += [(a[0], a[1], FLOOR), (b[0], b[1], FLOOR)]
        segs += [(-1, 1, FLOOR), (-1, 1, Z_HEIGHT)]  # z axis at the back corner
        return np.array(segs, dtype=np.float32)

    def _update_labels(self) -> None:
        xn, yn, zn = self._axis_names
        L = self._labels
        L["x"].setData(pos=(0, -1.28, FLOOR), text=xn)
        L["y"].setData(pos=(1.22, 0, FLOOR), text=yn)
        L["z"].setData(pos=(-1.08, 1.08, Z_HEIGHT + 0.08), text=zn)
        L["x0"].setData(pos=(-1, -1.15, FLOOR), text=fmt(self._xs[0], 3))
        L["x1"].setData(pos=(1, -1.15, FLOOR), text=fmt(self._xs[-1], 3))
        L["y0"].setData(pos=(1.08, -1, FLOOR), text=fmt(self._ys[0], 3))
        L["y1"].setData(pos=(1.08, 1, FLOOR), text=fmt(self._ys[-1], 3))
        L["z0"].setData(pos=(-1.08, 1.08, 0), text=fmt(self._zlo, 3))
        L["z1"].setData(pos=(-1.08, 1.08, Z_HEIGHT), text=fmt(self._zhi, 3))

    def _redraw_paths(self) -> None:
        while len(self._path_lines) < len(self._paths):
            line = gl.GLLinePlotItem(pos=np.zeros((2, 3)), width=2.5, antialias=True,
                                     mode="line_strip")
            line.setGLOptions("translucent")
            dots = gl.GLScatterPlotItem(pos=np.zeros((1, 3)), size=6, pxMode=True)
            dots.setGLOptions("translucent")
            self.gl.addItem(line)
            self.gl.addItem(dots)
            self._path_lines.append(line)
            self._path_dots.append(dots)
        for i, (line, dots) in enumerate(zip(self._path_lines, self._path_dots, strict=False)):
            if i >= len(self._paths) or self._Z is None:
                line.setVisible(False)
                dots.setVisible(False)
                continue
            xy, values, colour = self._paths[i]
            xy, values = cut_at_box(xy, values, self._xs[0], self._xs[-1], self._ys[0],
                                    self._ys[-1])
            pos = self._to_gl(xy, values)
            if len(pos) == 0:
                line.setVisible(False)
                dots.setVisible(False)
                continue
            faint = QColor(colour).alphaF() < 0.5
            col = rgba_f(colour, QColor(colour).alphaF())
            line.setData(pos=pos if len(pos) > 1 else np.vstack([pos, pos]), color=col,
                         width=1.5 if faint else 2.5)
            dots.setData(pos=pos[:3000], color=rgba_f(colour, 0.95), size=6)
            line.setVisible(True)
            dots.setVisible(not faint)

    def _redraw_current(self) -> None:
        pts = [p for p in self._current_data if p is not None]
        if not pts or self._Z is None:
            self._current.setVisible(False)
            return
        pos = np.vstack([self._to_gl(xy, [v]) if len(self._to_gl(xy, [v])) else
                         np.full((1, 3), np.nan, np.float32) for xy, v, _c in pts])
        cols = np.array([rgba_f(c) for _xy, _v, c in pts], dtype=np.float32)
        ok = np.isfinite(pos).all(axis=1)
        if not ok.any():
            self._current.setVisible(False)
            return
        self._current.setData(pos=pos[ok], color=cols[ok], size=15)
        self._current.setVisible(True)

    def _redraw_markers(self) -> None:
        if not self._marker_data or self._Z is None:
            self._markers.setVisible(False)
            return
        pos, cols, sizes = [], [], []
        for xy, v, c, s in self._marker_data:
            p = self._to_gl(xy, [v])
            if len(p):
                pos.append(p[0])
                cols.append(rgba_f(c))
                sizes.append(float(s))
        if not pos:
            self._markers.setVisible(False)
            return
        self._markers.setData(pos=np.array(pos), color=np.array(cols), size=np.array(sizes))
        self._markers.setVisible(True)

    def _height_at(self, xy) -> float:
        """f at xy from the grid (bilinear), for drawing only."""
        if self._Z is None:
            return np.nan
        return bilinear(self._xs, self._ys, self._Z, xy[0], xy[1])

    def _redraw_arrow(self) -> None:
        if self._arrow_data is None or self._Z is None:
            self._arrow.setVisible(False)
            return
        xy, vec, colour = self._arrow_data
        if not (np.isfinite(xy).all() and np.isfinite(vec).all()) or not np.any(vec):
            self._arrow.setVisible(False)
            return
        a = self._to_gl(xy, [self._height_at(xy)])
        b = self._to_gl(xy + vec, [self._height_at(xy + vec)])
        if not len(a) or not len(b):
            self._arrow.setVisible(False)
            return
        a, b = a[0] + [0, 0, LIFT], b[0] + [0, 0, LIFT]
        d = b - a
        length = float(np.linalg.norm(d[:2]))
        if length < 1e-6:
            self._arrow.setVisible(False)
            return
        u = d / (np.linalg.norm(d) or 1.0)
        side = np.array([-u[1], u[0], 0.0])
        side /= (np.linalg.norm(side) or 1.0)
        head = min(0.09, 0.4 * np.linalg.norm(d))
        h1 = b - u * head + side * head * 0.5
        h2 = b - u * head - side * head * 0.5
        pos = np.array([a, b, b, h1, b, h2], dtype=np.float32)
        self._arrow.setData(pos=pos, color=rgba_f(colour), width=3.5)
        self._arrow.setVisible(True)
