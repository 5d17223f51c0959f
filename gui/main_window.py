"""The main window: one tab per lab, menus, status bar."""
from __future__ import annotations

import importlib

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget)

from gui import app as gapp
from gui.session import Session

# (tab name, module, class). A lab is a QWidget(session) with NAME and title().
LABS = (
    ("descent", "gui.descent_lab", "DescentLab"),
    ("regression", "gui.regression_lab", "RegressionLab"),
    ("chain", "gui.chain_lab", "ChainLab"),
)


class MainWindow(QMainWindow):
    def __init__(self, session: Session | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session or Session(self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.labs: dict[str, QWidget] = {}
        for name, module, cls in LABS:
            widget = self._make_lab(module, cls)
            self.labs[name] = widget
            self.tabs.addTab(widget, "")
        self.session.status.connect(lambda m: self.statusBar().showMessage(m, 8000))
        self.session.labRequested.connect(self.show_lab)
        self._build_menus()
        self.retranslate()
        self.resize(1400, 900)

    # ------------------------------------------------------------------
    def _make_lab(self, module: str, cls: str) -> QWidget:
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setProperty("placeholder", True)
            return label
        return getattr(mod, cls)(self.session, self)

    def show_lab(self, name: str) -> None:
        if name in self.labs:
            self.tabs.setCurrentWidget(self.labs[name])

    def _build_menus(self) -> None:
        mb = self.menuBar()
        self.file_menu = mb.addMenu("")
        self.act_quit = QAction(self)
        self.act_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.act_quit.triggered.connect(self.close)
        self.file_menu.addAction(self.act_quit)

        self.edit_menu = mb.addMenu("")
        self.act_undo = self.session.undo_stack.createUndoAction(self)
        self.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.act_redo = self.session.undo_stack.createRedoAction(self)
        self.act_redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.edit_menu.addAction(self.act_undo)
        self.edit_menu.addAction(self.act_redo)

        self.lang_menu = mb.addMenu("")
        self.lang_group = QActionGroup(self)
        self.lang_actions = {}
        for code, label in (("en", "English"), ("zh_CN", "中文")):
            act = QAction(label, self, checkable=True)
            act.setData(code)
            act.triggered.connect(lambda _c=False, c=code: self.set_language(c))
            self.lang_group.addAction(act)
            self.lang_menu.addAction(act)
            self.lang_actions[code] = act

        self.help_menu = mb.addMenu("")
        self.act_about = QAction(self)
        self.act_about.triggered.connect(self.show_about)
        self.help_menu.addAction(self.act_about)

    def set_language(self, code: str) -> None:
        gapp.set_language(code)
        gapp.settings().setValue("language", code)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("GradLab 梯度实验室"))
        titles = {"descent": self.tr("Gradient Descent"),
                  "regression": self.tr("Regression"),
                  "chain": self.tr("Chain Rule")}
        for i, (name, _m, _c) in enumerate(LABS):
            self.tabs.setTabText(i, titles[name])
            w = self.labs[name]
            if w.property("placeholder"):
                w.setText(self.tr("This lab is not available yet."))
        self.file_menu.setTitle(self.tr("&File"))
        self.act_quit.setText(self.tr("&Quit"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.act_undo.setText(self.tr("&Undo"))
        self.act_redo.setText(self.tr("&Redo"))
        self.lang_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.act_about.setText(self.tr("&About GradLab"))
        for code, act in self.lang_actions.items():
            act.setChecked(code == gapp.current_language())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About GradLab"), about_text(self))


def about_text(window: QWidget | None = None) -> str:
    import numpy
    import pyqtgraph
    import sympy
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    renderer = gl_renderer() or "?"
    tr = (window.tr if window is not None else (lambda s: s))
    return (tr("GradLab 梯度实验室: the chain rule, gradient descent and least squares, "
               "to touch.") + "\n\n"
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


def first_paint_then(widget: QWidget, callback, delay_ms: int = 400) -> None:
    """Run ``callback`` once the window has been painted (GL included)."""
    QTimer.singleShot(delay_ms, callback)
