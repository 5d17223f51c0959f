"""The About box: what GradLab is and what it runs on."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget


def about_text(window: QWidget | None = None) -> str:
    import numpy
    import pyqtgraph
    import sympy
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QCoreApplication, qVersion

    renderer = gl_renderer() or "?"
    return (QCoreApplication.translate(
        "MainWindow", "GradLab 梯度实验室: the chain rule, gradient descent and least "
        "squares, to touch.") + "\n\n"
            f"Qt {qVersion()} · PySide6 {pyside_version}\n"
            f"pyqtgraph {pyqtgraph.__version__} · numpy {numpy.__version__} · "
            f"sympy {sympy.__version__}\n"
            f"OpenGL: {renderer}")


def gl_renderer() -> str | None:
    try:
        from PySide6.QtGui import QOffscreenSurface, QOpenGLContext
        ctx = QOpenGLContext()
        if not ctx.create():
            return None
        surf = QOffscreenSurface()
        surf.create()
        if not ctx.makeCurrent(surf):
            return None
        f = ctx.functions()
        text = f.glGetString(0x1F01)  # GL_RENDERER
        ctx.doneCurrent()
        return str(text) if text else None
    except Exception:  # pragma: no cover - diagnostic only
        return None
