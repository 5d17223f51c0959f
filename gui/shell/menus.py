"""The main window's menus: File, Edit, Language, View, Run, Lessons, Help.

:func:`build_menus` creates the actions once; ``MainWindow.retranslate`` sets their
texts on every language change.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
)

from gui.labs import registry
from gui.shell.help import build_help_menu
from gui.shell.lessons import LESSONS

if TYPE_CHECKING:
    from gui.shell.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    mb = window.menuBar()
    window.file_menu = mb.addMenu("")
    window.act_new = QAction(window, shortcut=QKeySequence.StandardKey.New)
    window.act_new.triggered.connect(window.new_session)
    window.act_open = QAction(window, shortcut=QKeySequence.StandardKey.Open)
    window.act_open.triggered.connect(lambda: window.open_session())
    window.act_save = QAction(window, shortcut=QKeySequence.StandardKey.Save)
    window.act_save.triggered.connect(window.save_session)
    window.act_save_as = QAction(window, shortcut=QKeySequence.StandardKey.SaveAs)
    window.act_save_as.triggered.connect(lambda: window.save_session_as())
    for a in (window.act_new, window.act_open, window.act_save, window.act_save_as):
        window.file_menu.addAction(a)
    window.recent_menu = window.file_menu.addMenu("")
    window._fill_recent_menu()
    window.file_menu.addSeparator()
    window.act_export_picture = QAction(window, shortcut=QKeySequence("Ctrl+Shift+E"))
    window.act_export_picture.triggered.connect(lambda: window.export_picture())
    window.file_menu.addAction(window.act_export_picture)
    window.file_menu.addSeparator()
    window.act_quit = QAction(window)
    window.act_quit.setShortcut(QKeySequence.StandardKey.Quit)
    window.act_quit.triggered.connect(window.close)
    window.file_menu.addAction(window.act_quit)

    window.edit_menu = mb.addMenu("")
    window.act_undo = window.session.undo_stack.createUndoAction(window)
    window.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
    window.act_redo = window.session.undo_stack.createRedoAction(window)
    window.act_redo.setShortcut(QKeySequence.StandardKey.Redo)
    window.edit_menu.addAction(window.act_undo)
    window.edit_menu.addAction(window.act_redo)

    window.lang_menu = mb.addMenu("")
    window.lang_group = QActionGroup(window)
    window.lang_actions = {}
    for code, label in (("en", "&English"), ("zh_CN", "中文(&Z)")):
        act = QAction(label, window, checkable=True)
        act.setData(code)
        act.triggered.connect(lambda _c=False, c=code: window.set_language(c))
        window.lang_group.addAction(act)
        window.lang_menu.addAction(act)
        window.lang_actions[code] = act

    window.view_menu = mb.addMenu("")
    window.theme_menu = window.view_menu.addMenu("")
    window.theme_group = QActionGroup(window)
    window.theme_actions = {}
    for code in ("light", "dark"):
        act = QAction(window, checkable=True)
        act.triggered.connect(lambda _c=False, c=code: window.set_theme(c))
        window.theme_group.addAction(act)
        window.theme_menu.addAction(act)
        window.theme_actions[code] = act
    window.res_menu = window.view_menu.addMenu("")
    window.res_group = QActionGroup(window)
    window.res_actions = {}
    for n in (50, 100, 150, 200):
        act = QAction(f"{n} × {n}", window, checkable=True)
        act.triggered.connect(lambda _c=False, n=n: window.set_surface_resolution(n))
        window.res_group.addAction(act)
        window.res_menu.addAction(act)
        window.res_actions[n] = act
    # Ctrl+1/2/3 switch labs (no text field uses Ctrl+digit)
    window.view_menu.addSeparator()
    window.lab_actions = {}
    for i, name in enumerate(registry.NAMES):
        act = QAction(window, shortcut=QKeySequence(f"Ctrl+{i + 1}"))
        act.triggered.connect(lambda _c=False, n=name: window.show_lab(n))
        window.view_menu.addAction(act)
        window.lab_actions[name] = act

    window.view_menu.addSeparator()
    window.zoom_actions = {}
    for key, seq, fn in (("in", QKeySequence("Ctrl+="), lambda: window.zoom_step(1)),
                         ("out", QKeySequence("Ctrl+-"), lambda: window.zoom_step(-1)),
                         ("reset", QKeySequence("Ctrl+0"), lambda: window.set_zoom(1.0, False))):
        act = QAction(window)
        shortcuts = [seq]
        if key == "in":
            shortcuts.append(QKeySequence("Ctrl++"))
        act.setShortcuts(shortcuts)
        act.triggered.connect(fn)
        window.view_menu.addAction(act)
        window.zoom_actions[key] = act
    window.act_presentation = QAction(window, checkable=True)
    window.act_presentation.setShortcut(QKeySequence("F5"))
    window.act_presentation.toggled.connect(window.set_presentation)
    window.view_menu.addAction(window.act_presentation)

    build_run_menu(window)

    window.lessons_menu = mb.addMenu("")
    window.lesson_actions = {}
    for lesson in LESSONS:
        act = QAction(window)
        act.triggered.connect(lambda _c=False, i=lesson.id: window.apply_lesson(i))
        window.lessons_menu.addAction(act)
        window.lesson_actions[lesson.id] = act
    window.lessons_menu.addSeparator()
    window.act_lesson_panel = window.lesson_dock.toggleViewAction()
    window.act_lesson_panel.setShortcut(QKeySequence("F1"))
    window.lessons_menu.addAction(window.act_lesson_panel)

    window.help_menu = mb.addMenu("")
    build_help_menu(window)
    window.act_about = QAction(window)
    window.act_about.triggered.connect(window.show_about)
    window.help_menu.addAction(window.act_about)




#: the Run menu: command name → the keys that trigger it
RUN_COMMANDS = (("step", ("Right",)), ("back", ("Left",)), ("play", ("Space", "P")),
                ("end", ("End",)), ("reset", ("Home",)))


def build_run_menu(window: MainWindow) -> None:
    """Run → Step, Step back, Play/Pause, Run to end, Reset: they act on the current
    lab (``lab.run_command(name)``, offered by ``lab.run_commands()``)."""
    window.run_menu = window.menuBar().addMenu("")
    window.run_actions = {}
    for name, keys in RUN_COMMANDS:
        act = QAction(window)
        act.setShortcuts([QKeySequence(k) for k in keys])
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act.triggered.connect(lambda _c=False, n=name: window.run_command(n))
        window.run_menu.addAction(act)
        window.run_actions[name] = act
    window.run_menu.aboutToShow.connect(window.update_run_actions)
    window.run_keys = RunKeys(window)
    QApplication.instance().installEventFilter(window.run_keys)


_TEXT = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)
_NAVIGATES = (QAbstractItemView, QAbstractSlider, QComboBox, QTabBar)
_MOVE_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End,
              Qt.Key.Key_Up, Qt.Key.Key_Down}
_RUN_KEYS = _MOVE_KEYS | {Qt.Key.Key_Space, Qt.Key.Key_P}


def widget_keeps_key(widget, key: int) -> bool:
    """True when the focus widget uses ``key`` itself, so the Run menu must not take
    it: text fields keep every Run key, lists, tables, sliders, combo boxes and tab
    bars their arrows, Home and End, buttons and check boxes their Space."""
    if isinstance(widget, _TEXT):
        read_only = getattr(widget, "isReadOnly", lambda: False)()
        return not read_only or key in _MOVE_KEYS
    if isinstance(widget, _NAVIGATES):
        return key in _MOVE_KEYS
    if isinstance(widget, QAbstractButton):
        return key == Qt.Key.Key_Space
    return False


class RunKeys(QObject):
    """Gives the Run keys to the focus widget when it uses them (Qt's
    ShortcutOverride: accepted, the key goes to the widget instead of the menu)."""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in _RUN_KEYS \
                and not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier) \
                and obj is QApplication.focusWidget() and widget_keeps_key(obj, event.key()):
            event.accept()
        return False
