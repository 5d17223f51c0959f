"""A pyqtgraph.opengl view that renders offscreen and shows the result as an image.

Why: a QOpenGLWidget anywhere in a top-level window switches the *whole* window to
OpenGL composition.  Under software GL (Mesa llvmpipe, Xvfb) every later repaint of
any widget in that window — a label, a 2D plot — then re-composes the full window
through GL, about 8–40 ms each.  ``OffscreenGLView`` is a plain QWidget: the 3D
scene is drawn into a framebuffer object of one shared offscreen GL context, read
back once per scene change, and painted as a QImage.  The window stays on the
raster backing store, ``QWidget.grab()`` shows the scene, and the rest of the
GLViewWidget API (``items``, ``addItem``, ``opts``, ``setCameraPosition``, mouse
rotate / pan / zoom, ``grabFramebuffer``, ``renderToArray``, ``frameSwapped``) is
the same, because it is pyqtgraph's own ``GLViewMixin``.

The scene is re-rendered only after ``update()`` (called by pyqtgraph items when
their data change and by camera moves); expose repaints reuse the last image.
``GLTextItem``s are drawn by QPainter over the image (pyqtgraph draws them with a
QPainter on the view, which only works on a QOpenGLWidget).
"""
from __future__ import annotations

import numpy as np
import pyqtgraph.opengl as gl
from OpenGL import GL
from pyqtgraph.opengl.GLViewWidget import GLViewMixin
from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QMatrix4x4,
    QOffscreenSurface,
    QOpenGLContext,
    QPainter,
    QPalette,
    QSurfaceFormat,
    QVector3D,
)
from PySide6.QtOpenGL import QOpenGLFramebufferObject, QOpenGLFramebufferObjectFormat
from PySide6.QtWidgets import QWidget

from gui import theme

_SHARED: dict = {}


def dark_background() -> QColor:
    """The background of the 3D views under the dark theme (that of the dark plots)."""
    return theme.qcolour("view3d.background", dark=True)


def palette_is_dark(palette: QPalette) -> bool:
    """True when a palette's window colour is dark (View → Theme → Dark)."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def _shared_context():
    """One offscreen GL context (and surface) for every OffscreenGLView, or None
    where GL cannot render (the ``offscreen`` Qt platform, no GL)."""
    if "ctx" in _SHARED:
        return _SHARED["ctx"], _SHARED["surface"]
    ctx = surface = None
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        fmt = QSurfaceFormat.defaultFormat()
        c = QOpenGLContext()
        c.setFormat(fmt)
        share = QOpenGLContext.globalShareContext()
        if share is not None:
            c.setShareContext(share)
        if c.create():
            s = QOffscreenSurface()
            s.setFormat(c.format())
            s.create()
            if s.isValid() and c.makeCurrent(s):
                ctx, surface = c, s
    _SHARED["ctx"], _SHARED["surface"] = ctx, surface
    app = QGuiApplication.instance()
    if app is not None and ctx is not None:
        app.aboutToQuit.connect(_release_shared)
    return ctx, surface


def _release_shared() -> None:
    ctx = _SHARED.get("ctx")
    if ctx is not None:
        ctx.makeCurrent(_SHARED["surface"])


class OffscreenGLView(GLViewMixin, QWidget):
    """Drop-in for ``pyqtgraph.opengl.GLViewWidget`` that keeps the window raster."""

    frameSwapped = Signal()

    def __init__(self, parent: QWidget | None = None, **kwargs):
        self._texts: list = []
        self._fbo = None
        self._image: QImage | None = None
        self._dirty = True
        self._initialized = False
        self._static_fbo = None
        self._static_items: list = []
        self._static_key = None
        self._static_serial = 0
        self._light_bg = QColor()  # set by super().__init__ (setBackgroundColor)
        self._dark = False
        super().__init__(parent, **kwargs)
        self._light_bg = QColor.fromRgbF(*self.opts["bgcolor"])
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.set_dark(palette_is_dark(self.palette()))

    # ------------------------------------------------------------ theme
    def setBackgroundColor(self, *args, **kwds) -> None:  # noqa: N802 - pyqtgraph API
        """The background under the light theme; the dark theme uses dark_background()."""
        import pyqtgraph as pg

        self._light_bg = pg.mkColor(*args, **kwds)
        self._apply_background()

    def set_dark(self, dark: bool) -> None:
        """Follow the dark (True) or light (False) theme."""
        self._dark = bool(dark)
        self._apply_background()

    def is_dark(self) -> bool:
        return self._dark

    def _apply_background(self) -> None:
        col = dark_background() if self._dark else self._light_bg
        self.opts["bgcolor"] = col.getRgbF()
        self.invalidate_static()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            dark = palette_is_dark(self.palette())
            if dark != self._dark:
                self.set_dark(dark)
        super().changeEvent(event)

    # ------------------------------------------------------------ QOpenGLWidget-like
    def context(self):
        return _shared_context()[0]

    def isValid(self) -> bool:  # noqa: N802 - Qt API
        return self._initialized

    def makeCurrent(self) -> bool:  # noqa: N802 - Qt API
        ctx, surface = _shared_context()
        return ctx is not None and ctx.makeCurrent(surface)

    def doneCurrent(self) -> None:  # noqa: N802 - Qt API
        ctx = _shared_context()[0]
        if ctx is not None:
            ctx.doneCurrent()

    def update(self, *args) -> None:
        """Schedule a re-render of the scene (and a repaint of this widget)."""
        self._dirty = True
        super().update(*args)

    def addItem(self, item) -> None:  # noqa: N802 - pyqtgraph API
        if isinstance(item, gl.GLTextItem):
            self._texts.append(item)
            item._setView(self)
            self.update()
            return
        if self._initialized:
            self.makeCurrent()
        super().addItem(item)

    def removeItem(self, item) -> None:  # noqa: N802 - pyqtgraph API
        if item in self._texts:
            self._texts.remove(item)
            item._setView(None)
            self.update()
            return
        super().removeItem(item)

    def clear(self) -> None:
        for item in self._texts:
            item._setView(None)
        self._texts = []
        super().clear()

    def _ensure_initialized(self) -> bool:
        if self._initialized:
            return self.makeCurrent()
        if not self.makeCurrent():
            return False
        self._initialized = True
        self.initializeGL()
        return True

    # ------------------------------------------------------------ rendering
    def set_static_items(self, items) -> None:
        """Items that change rarely (e.g. a big surface mesh): they are rendered into
        a cached layer, re-rendered only after ``invalidate_static()`` or a camera /
        size change, and the other items are drawn over a copy of it (colour and
        depth), so moving a path or a point does not re-rasterise the mesh."""
        self._static_items = list(items)
        self.invalidate_static()

    def invalidate_static(self) -> None:
        self._static_serial += 1
        self.update()

    def _camera_key(self, w: int, h: int) -> tuple:
        o = self.opts
        c = o["center"]
        rot = o.get("rotation")
        return (w, h, self._static_serial, c.x(), c.y(), c.z(), o["distance"], o["fov"],
                o.get("elevation"), o.get("azimuth"),
                None if rot is None else (rot.scalar(), rot.x(), rot.y(), rot.z()),
                tuple(o["bgcolor"]))

    def _draw_items(self, items, region, clear: bool) -> None:
        self.setProjection(region, region)
        self.setModelview()
        if clear:
            GL.glClearColor(*self.opts["bgcolor"])
            GL.glClear(GL.GL_DEPTH_BUFFER_BIT | GL.GL_COLOR_BUFFER_BIT)
        for i in sorted(items, key=lambda a: a.depthValue()):
            if not i.visible():
                continue
            self._modelViewStack.append(self.currentModelView() * i.transform())
            try:
                self.drawItemTree(i)
            finally:
                self._modelViewStack.pop()

    @staticmethod
    def _new_fbo(w: int, h: int):
        fmt = QOpenGLFramebufferObjectFormat()
        fmt.setAttachment(QOpenGLFramebufferObject.Attachment.CombinedDepthStencil)
        return QOpenGLFramebufferObject(w, h, fmt)

    def render_scene(self) -> QImage | None:
        """Render the scene into the framebuffer and return it (no text items)."""
        w, h = max(1, self.deviceWidth()), max(1, self.deviceHeight())
        if not self._ensure_initialized():
            return None
        if self._fbo is None or self._fbo.width() != w or self._fbo.height() != h:
            self._fbo = self._new_fbo(w, h)
        region = (0, 0, w, h)
        top = [x for x in self.items if x.parentItem() is None]
        static = [x for x in self._static_items if x in top]
        try:
            if static:
                if (self._static_fbo is None or self._static_fbo.width() != w
                        or self._static_fbo.height() != h):
                    self._static_fbo = self._new_fbo(w, h)
                    self._static_key = None
                key = self._camera_key(w, h)
                if key != self._static_key:
                    self._static_fbo.bind()
                    GL.glViewport(0, 0, w, h)
                    self._draw_items(static, region, clear=True)
                    self._static_fbo.release()
                    self._static_key = key
                QOpenGLFramebufferObject.blitFramebuffer(
                    self._fbo, self._static_fbo,
                    GL.GL_COLOR_BUFFER_BIT | GL.GL_DEPTH_BUFFER_BIT | GL.GL_STENCIL_BUFFER_BIT,
                    GL.GL_NEAREST)
                self._fbo.bind()
                GL.glViewport(0, 0, w, h)
                ids = {id(x) for x in static}
                self._draw_items([x for x in top if id(x) not in ids], region, clear=False)
            else:
                self._fbo.bind()
                GL.glViewport(0, 0, w, h)
                self._draw_items(top, region, clear=True)
            # translucent items blend into the alpha channel too: make it opaque
            GL.glColorMask(False, False, False, True)
            GL.glClearColor(0.0, 0.0, 0.0, 1.0)
            GL.glClear(GL.GL_COLOR_BUFFER_BIT)
            GL.glColorMask(True, True, True, True)
            # BGRA is the native order of llvmpipe and of QImage.Format_RGB32
            raw = GL.glReadPixels(0, 0, w, h, GL.GL_BGRA, GL.GL_UNSIGNED_BYTE)
        finally:
            self._fbo.release()
        buf = np.frombuffer(raw, dtype=np.uint8).reshape(h, w, 4)[::-1].copy()
        img = QImage(buf.data, w, h, 4 * w, QImage.Format.Format_RGB32)
        self._image_buf = buf  # the QImage does not own the numpy buffer
        img.setDevicePixelRatio(self.devicePixelRatioF())
        return img

    def _frame(self) -> QImage | None:
        size_ok = (self._image is not None
                   and self._image.width() == max(1, self.deviceWidth())
                   and self._image.height() == max(1, self.deviceHeight()))
        if self._dirty or not size_ok:
            self._image = self.render_scene()
            self._dirty = False
        return self._image

    def _paint_texts(self, p: QPainter) -> None:
        if not self._texts:
            return
        # the matrices of the last render (same camera and size)
        region = (0, 0, self.deviceWidth(), self.deviceHeight())
        proj = self.projectionMatrix(region, region)
        view = self.viewMatrix()
        rect = QRectF(self.rect())
        ndc = QMatrix4x4()
        ndc.viewport(rect.left(), rect.bottom(), rect.width(), -rect.height())
        p.setRenderHints(QPainter.RenderHint.Antialiasing
                         | QPainter.RenderHint.TextAntialiasing)
        for item in self._texts:
            if not item.visible() or not item.text:
                continue
            tr = item.transform()
            m = ndc * proj * view * (tr if tr is not None else QMatrix4x4())
            pos = item.align_text(m.map(QVector3D(*item.pos)).toPointF())
            p.setPen(item.color)
            p.setFont(item.font)
            p.drawText(pos, item.text)

    def paintEvent(self, ev) -> None:  # noqa: N802 - Qt API
        img = self._frame()
        p = QPainter(self)
        if img is None:
            p.fillRect(self.rect(), QColor.fromRgbF(*self.opts["bgcolor"]))
        else:
            p.drawImage(0, 0, img)
        self._paint_texts(p)
        p.end()
        self.frameSwapped.emit()

    def grabFramebuffer(self) -> QImage:  # noqa: N802 - Qt API
        """The scene as an image, text items included (like QOpenGLWidget's)."""
        img = self._frame()
        if img is None:
            img = QImage(max(1, self.width()), max(1, self.height()),
                         QImage.Format.Format_ARGB32_Premultiplied)
            img.fill(QColor.fromRgbF(*self.opts["bgcolor"]))
        else:
            img = img.copy()
        p = QPainter(img)
        self._paint_texts(p)
        p.end()
        return img

    def resizeEvent(self, ev) -> None:  # noqa: N802 - Qt API
        self._dirty = True
        super().resizeEvent(ev)
