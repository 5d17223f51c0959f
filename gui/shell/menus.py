"""The main window's menus: File, Edit, Language, View, Lessons, Help.

:func:`build_menus` creates the actions once; ``MainWindow.retranslate`` sets their
texts on every language change.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from gui.labs import registry
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
    window.act_about = QAction(window)
    window.act_about.triggered.connect(window.show_about)
    window.help_menu.addAction(window.act_about)


