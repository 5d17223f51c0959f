"""The About box: what GradLab is and what it runs on."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the module stays Qt-free to import: main.py --version uses it
    from PySide6.QtWidgets import QWidget


def about_text(window: QWidget | None = None) -> str:
    import numpy
    import pyqtgraph
    import sympy
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QCoreApplication, qVersion

    renderer = gl_renderer() or "?"
    return (QCoreApplication.translate("MainWindow", "GradLab {version}").format(
        version=app_version()) + "\n\n" + QCoreApplication.translate(
        "MainWindow", "GradLab 梯度实验室: the chain rule, gradient descent and least "
        "squares, to touch.") + "\n\n"
            f"Qt {qVersion()} · PySide6 {pyside_version}\n"
            f"pyqtgraph {pyqtgraph.__version__} · numpy {numpy.__version__} · "
            f"sympy {sympy.__version__}\n"
            f"OpenGL: {renderer}")


def app_version() -> str:
    """The installed package's version, else pyproject.toml's (a source checkout)."""
    try:
        from importlib.metadata import PackageNotFoundError, version

        return version("gradlab")
    except PackageNotFoundError:
        import re
        from pathlib import Path

        toml = Path(__file__).resolve().parents[2] / "pyproject.toml"
        try:
            m = re.search(r'^version\s*=\s*"([^"]+)"', toml.read_text("utf-8"), re.MULTILINE)
        except OSError:
            m = None
        return m.group(1) if m else "?"


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
