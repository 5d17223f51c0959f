"""The 3D view of section 1.4: the surface z = f(x, y), its tangent plane at the
point, the step Δx, the true and the approximate Δz and the gradient.

Heights are shown scaled: lo..hi (see ``core.chain_extra.height_range``) maps to
0..HEIGHT.  The items are made once and updated with ``setData``."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.chain_extra import GradientStep, tangent_plane
from gui import theme

HEIGHT = 2.6


def display_height(z, lo: float, hi: float):
    """Display height of z: lo..hi maps to 0..HEIGHT."""
    span = hi - lo
    with np.errstate(all="ignore"):
        if not (math.isfinite(span) and span > 0):  # never, after height_range
            return np.zeros_like(np.asarray(z, dtype=float))
        return (np.asarray(z, dtype=float) - lo) * (HEIGHT / span)


class TangentPlaneView(QWidget):
    """A caption over the GL view (or a note when OpenGL is missing)."""

    def __init__(self, domain: float, grid: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.domain, self.n = domain, grid
        hl = QVBoxLayout(self)
        hl.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel()
        self.caption.setWordWrap(True)  # a narrow window: two lines
        hl.addWidget(self.caption)
        self.view = None
        self.missing: QLabel | None = None
        try:
            import pyqtgraph.opengl  # noqa: F401
        except Exception:  # pragma: no cover - no OpenGL bindings
            self.missing = QLabel()
            self.missing.setAlignment(Qt.AlignmentFlag.AlignCenter)
            hl.addWidget(self.missing, 1)
        else:
            self._build()
            hl.addWidget(self.view, 1)
        self.recolour()
        self.retranslate()

    def _build(self) -> None:
        import pyqtgraph.opengl as gl
        from OpenGL import GL

        from gui.views.glview import OffscreenGLView

        # offscreen: a QOpenGLWidget would put the whole window on GL composition
        v = OffscreenGLView()
        v.setBackgroundColor(theme.qcolour("chain.gl.background", dark=False))
        v.setMinimumHeight(300)
        v.setCameraPosition(distance=8.2, elevation=32, azimuth=-125)
        v.opts["center"] = pg.Vector(0, 0, 0.9)
        self.grid = gl.GLGridItem()
        self.grid.setSize(2 * self.domain, 2 * self.domain)
        self.grid.setSpacing(0.5, 0.5)
        v.addItem(self.grid)
        self._base_z = 0.0
        n = self.n
        xs = np.linspace(-self.domain, self.domain, n)
        self.surface = gl.GLSurfacePlotItem(x=xs, y=xs, z=np.zeros((n, n)),
                                            colors=np.ones((n * n, 4)), shader=None,
                                            computeNormals=False, smooth=False,
                                            glOptions="opaque", drawEdges=False)
        v.addItem(self.surface)
        m = 11
        self.plane = gl.GLSurfacePlotItem(x=np.linspace(0, 1, m), y=np.linspace(0, 1, m),
                                          z=np.zeros((m, m)),
                                          colors=np.tile(theme.rgba("chain.gl.plane", 0.55),
                                                         (m * m, 1)),
                                          shader=None, computeNormals=False,
                                          glOptions="translucent", drawEdges=True,
                                          edgeColor=theme.rgba("chain.gl.plane_edge", 0.7))
        # the plane, lines and points are drawn over the surface (no depth test), so
        # the tangent plane stays visible under a convex surface too
        on_top = {GL.GL_DEPTH_TEST: False, GL.GL_BLEND: True, GL.GL_CULL_FACE: False,
                  "glBlendFunc": (GL.GL_SRC_ALPHA, GL.GL_ONE_MINUS_SRC_ALPHA)}
        self.plane.setGLOptions(on_top)
        v.addItem(self.plane)
        widths = {"delta": 3, "grad": 4, "true": 4, "approx": 4, "drop": 1.5}
        self.lines = {k: gl.GLLinePlotItem(width=w, antialias=True, mode="lines")
                      for k, w in widths.items()}
        for item in self.lines.values():
            item.setGLOptions(on_top)
            v.addItem(item)
        self.points = gl.GLScatterPlotItem(pos=np.zeros((3, 3)), size=13, pxMode=True)
        self.points.setGLOptions(on_top)
        v.addItem(self.points)
        self.view = v

    # -- theme and words ---------------------------------------------------
    def recolour(self) -> None:
        """The 3D view's own background follows the palette; the floor grid, the
        lines and the drop line take the matching roles."""
        self.caption.setStyleSheet(f"color: {theme.colour('chain.gl.caption')}; "
                                   "font-weight: 600;")
        if self.view is None:
            return
        dark = self.view.is_dark()
        self.grid.setColor(theme.qcolour("chain.gl.grid", (70 if dark else 60) / 255, dark))
        roles = {"delta": "chain.delta", "grad": "chain.grad", "true": "chain.true",
                 "approx": "chain.approx"}
        for k, role in roles.items():
            self.lines[k].setData(color=theme.rgba(role, dark=dark))
        self.lines["drop"].setData(color=theme.rgba("chain.gl.drop", 0.6, dark))
        self._point_colours = np.array([theme.rgba(r, dark=dark) for r in
                                        ("chain.tangent", "chain.true", "chain.approx")])
        self.view.update()

    def retranslate(self) -> None:
        if self.missing is not None:
            self.missing.setText(self.tr("OpenGL is not available: the 3D view is off."))
        self.caption.setText(self.tr("Surface and tangent plane at (x, y): ∇z uphill (green), "
                                     "step Δx (purple), true Δz (red), approximate Δz "
                                     "(blue). Drag to rotate."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) \
                and self.view is not None:
            from gui.views.glview import palette_is_dark

            self.view.set_dark(palette_is_dark(self.view.palette()))
            self.recolour()
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- drawing -----------------------------------------------------------
    def show_surface(self, xs, Z, lo: float, hi: float) -> None:
        if self.view is None:
            return
        span = hi - lo
        Zc = np.where(np.isfinite(Z), Z, lo)
        Zc = np.clip(Zc, lo - 0.25 * span, hi + 0.25 * span)
        Zd = display_height(Zc, lo, hi)
        # colours: viridis by height, shaded by a fixed light
        t = np.clip((Zc - lo) / span, 0, 1)
        rgba = np.array(pg.colormap.get("viridis").map(t.ravel(), mode="float"), dtype=float)
        h = xs[1] - xs[0]
        gz_x, gz_y = np.gradient(Zd, h, h)
        nrm = np.stack([-gz_x, -gz_y, np.ones_like(Zd)], axis=-1)
        nrm /= np.linalg.norm(nrm, axis=-1, keepdims=True)
        light = np.array([-0.4, -0.5, 0.77])
        light /= np.linalg.norm(light)
        shade = 0.55 + 0.45 * np.clip(nrm @ light, 0, 1)
        rgba[:, :3] *= shade.ravel()[:, None]
        rgba[:, 3] = 1.0
        self.surface.setData(x=xs, y=xs, z=Zd, colors=rgba)
        base = float(np.min(Zd)) - 0.03
        if base != self._base_z:  # the floor grid sits just under the surface
            self.grid.translate(0, 0, base - self._base_z)
            self._base_z = base

    def show_step(self, x: float, y: float, dx: float, dy: float, n: GradientStep,
                  lo: float, hi: float) -> None:
        if self.view is None:
            return
        z0, gx, gy = n.z0, n.gx, n.gy
        if not all(math.isfinite(v) for v in (z0, gx, gy)):
            self.plane.setVisible(False)
            return
        self.plane.setVisible(True)
        r = 0.75
        px = np.linspace(x - r, x + r, 11)
        py = np.linspace(y - r, y + r, 11)
        PX, PY = np.meshgrid(px, py, indexing="ij")
        self.plane.setData(x=px, y=py,
                           z=display_height(tangent_plane(z0, gx, gy, x, y, PX, PY), lo, hi))
        zd0 = float(display_height(z0, lo, hi))
        zd1 = float(display_height(n.z1, lo, hi)) if math.isfinite(n.z1) else zd0
        zda = float(display_height(z0 + n.approx, lo, hi))
        x1, y1 = x + dx, y + dy
        self.lines["delta"].setData(pos=np.array([[x, y, zd0], [x1, y1, zd0]]))
        self.lines["true"].setData(pos=np.array([[x1, y1, zd0], [x1, y1, zd1]]))
        self.lines["approx"].setData(pos=np.array([[x1 + 0.03, y1 + 0.03, zd0],
                                                   [x1 + 0.03, y1 + 0.03, zda]]))
        # ∇z drawn from the point, uphill along the tangent plane
        g = math.hypot(gx, gy)
        k = min(0.9, g) / g if g > 0 else 0.0
        gx1, gy1 = x + gx * k, y + gy * k
        gz1 = float(display_height(z0 + (gx * gx + gy * gy) * k, lo, hi))
        self.lines["grad"].setData(pos=np.array([[x, y, zd0], [gx1, gy1, gz1]]))
        self.lines["drop"].setData(pos=np.array([[x, y, self._base_z], [x, y, zd0]]))
        pos = np.array([[x, y, zd0], [x1, y1, zd1], [x1 + 0.03, y1 + 0.03, zda]])
        self.points.setData(pos=pos, color=self._point_colours)
