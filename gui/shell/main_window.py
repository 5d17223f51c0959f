"""The main window: one tab per lab, menus, status bar.

The window's parts live beside it in ``gui/shell/``: ``autosave.py`` (the autosave
file), ``files.py`` (session files, recent files, export), ``menus.py`` (the
actions) and ``about.py``.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui import theme as colours
from gui.labs import registry
from gui.labs.model import EditCommand
from gui.shell import app as gapp
from gui.shell.about import about_text
from gui.shell.autosave import AutosaveMixin, autosave_path, data_dir
from gui.shell.files import SessionFilesMixin
from gui.shell.help import retranslate_help_menu
from gui.shell.lessons import LESSONS, LESSONS_BY_ID, LessonPanel
from gui.shell.menus import build_menus
from gui.shell.session import Session
from gui.theme import zoom
from gui.views.plotstyle import restyle_all
from gui.widgets.adaptive import ScrollPage
from gui.widgets.taborder import TabCycle, visual_chain

__all__ = ["MainWindow", "about_text", "autosave_path", "data_dir"]


class _Labs:
    """name → lab widget, building a lab the first time it is asked for."""

    def __init__(self, window: MainWindow):
        self._window = window
        self.built: dict[str, QWidget] = {}

    def __getitem__(self, name: str) -> QWidget:
        if name not in self.built:
            if name not in registry.NAMES:
                raise KeyError(name)
            self.built[name] = self._window._build_lab(name)
        return self.built[name]



class MainWindow(SessionFilesMixin, AutosaveMixin, QMainWindow):
    def __init__(self, session: Session | None = None, parent: QWidget | None = None,
                 persistent: bool = True):
        """``persistent=False`` (screenshots, timing runs): no autosave is read or
        written and no preferences or recent files are touched."""
        super().__init__(parent)
        self.persistent = persistent
        self._cjk_warned = False
        self.session = session or Session(self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        # Labs are built on first use (the first paint must not wait for sympy,
        # pyqtgraph and OpenGL): each tab holds a container that receives its lab.
        self.labs = _Labs(self)
        self._painted = False  # labs wait for the first paint (see main.py)
        self._holders: dict[str, QWidget] = {}
        self._loading: dict[str, QLabel] = {}
        for name in registry.NAMES:
            holder = QWidget()
            lay = QVBoxLayout(holder)
            lay.setContentsMargins(0, 0, 0, 0)
            loading = QLabel(holder)
            loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
            lay.addWidget(loading)
            self._holders[name] = holder
            self._loading[name] = loading
            self.tabs.addTab(holder, "")
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.session.status.connect(self._show_status)
        self.session.labRequested.connect(self.show_lab)
        self.file_path: Path | None = None
        self._init_autosave()
        self.session.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.lesson_panel = LessonPanel(self)
        self.lesson_panel.lessonRequested.connect(self.apply_lesson)
        self.lesson_dock = QDockWidget(self)
        self.lesson_dock.setObjectName("lessonDock")
        self.lesson_dock.setWidget(self.lesson_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.lesson_dock)
        self.lesson_dock.hide()
        build_menus(self)
        self.tab_cycle = TabCycle(self._tab_regions, self)
        QApplication.instance().installEventFilter(self.tab_cycle)
        self._init_file_drops()
        zoom.notifier().changed.connect(self._on_zoom)
        self.retranslate()
        self.warn_if_no_chinese_font()  # Chinese restored or asked for at start-up
        self.fit_screen(1400, 900)
        if persistent:
            self._claim_autosave_slot()
            self._restore_preferences()
        else:
            self.theme_actions["light"].setChecked(True)
            self.res_actions[self.surface_resolution()].setChecked(True)
        self._on_zoom()

    def fit_screen(self, width: int, height: int) -> None:
        """Resize to ``width`` × ``height``, or less: the window and its frame fit
        the available geometry of its screen (1280 × 720 laptops)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            avail = screen.availableGeometry()
            # leave room for the title bar and frame the window manager adds
            width = min(width, avail.width() - 16)
            height = min(height, avail.height() - 48)
        self.resize(max(width, 640), max(height, 480))

    # -- zoom -----------------------------------------------------------------
    def set_zoom(self, factor: float, presentation: bool | None = None) -> None:
        """View → Zoom: 80 %–200 % (and Presentation), remembered."""
        zoom.notifier().set(factor, presentation)
        if self.persistent:
            st = gapp.settings()
            st.setValue("view/zoom", zoom.factor())
            st.setValue("view/presentation", zoom.notifier().presentation)
        self._show_status(self.tr("Zoom {percent} %").format(
            percent=round(zoom.factor() * 100)), 2000)

    def zoom_step(self, direction: int) -> None:
        self.set_zoom(zoom.next_step(zoom.factor(), direction))

    def set_presentation(self, on: bool) -> None:
        if on != zoom.notifier().presentation:
            self.set_zoom(zoom.PRESENTATION_ZOOM if on else 1.0, on)

    def _on_zoom(self) -> None:
        gapp.apply_zoom()
        # the panels resize their pens on the FontChange events the event loop delivers
        # next (sending every posted one now, sendPostedEvents(None, …), crashed a run)
        restyle_all(self)
        f = zoom.factor()
        self.zoom_actions["in"].setEnabled(f < zoom.MAX - 1e-9)
        self.zoom_actions["out"].setEnabled(f > zoom.MIN + 1e-9)
        with QSignalBlocker(self.act_presentation):
            self.act_presentation.setChecked(zoom.notifier().presentation)

    # -- Run menu -------------------------------------------------------------
    def _current_lab(self):
        return self.labs.built.get(self.current_lab_name())

    def update_run_actions(self) -> None:
        lab = self._current_lab()
        # a lab offers a set of commands, or a method giving the ones on offer now
        offered = getattr(lab, "run_commands", frozenset())
        if callable(offered):
            offered = offered()
        for name, act in self.run_actions.items():
            act.setEnabled(name in offered)

    def run_command(self, name: str) -> bool:
        """Run → ``name`` on the current lab; False when it does not offer it."""
        lab = self._current_lab()
        if lab is None or not hasattr(lab, "run_command"):
            return False
        return bool(lab.run_command(name))

    def apply_lesson(self, lesson_id: str) -> bool:
        """Open the lab of a chapter section with its example: one undo entry, named
        after the lesson."""
        lesson = LESSONS_BY_ID.get(lesson_id)
        if lesson is None:
            return False
        self.show_lab(lesson.lab)
        lab = self.labs[lesson.lab]
        self.session.push(EditCommand(lab.model, lesson.change(), lesson.tr_title(),
                                      report=self.session.status.emit))
        self.lesson_panel.set_lesson(lesson)
        self.lesson_dock.show()
        return True

    # -- preferences ---------------------------------------------------------
    def _restore_preferences(self) -> None:
        st = gapp.settings()
        try:
            factor = float(st.value("view/zoom", 1.0))
        except (TypeError, ValueError):
            factor = 1.0
        presentation = str(st.value("view/presentation", "false")).lower() == "true"
        zoom.notifier().set(factor, presentation)
        if self.theme() == "dark":
            self.set_theme("dark")
        else:
            self.theme_actions["light"].setChecked(True)
        self.set_surface_resolution(self.surface_resolution())
        geom = st.value("window/geometry")
        if isinstance(geom, QByteArray) and not geom.isEmpty():
            self.restoreGeometry(geom)
            self.fit_screen(self.width(), self.height())  # saved on a larger screen
        tab = st.value("window/tab")
        if isinstance(tab, str):
            self.show_lab(tab)

    def save_preferences(self) -> None:
        st = gapp.settings()
        st.setValue("window/geometry", self.saveGeometry())
        st.setValue("window/tab", self.current_lab_name())
        st.setValue("language", gapp.current_language())
        st.sync()

    def current_lab_name(self) -> str:
        w = self.tabs.currentWidget()
        for name, holder in self._holders.items():
            if holder is w:
                return name
        return "descent"

    def app_state(self, autosave: bool = False) -> dict:
        """Window state saved with a session: the tab; in the autosave also the
        session file it belongs to and whether it has unsaved changes."""
        state: dict = {"tab": self.current_lab_name()}
        if autosave:
            state["file"] = str(self.file_path) if self.file_path else None
            state["modified"] = self.is_modified()
        return state

    # -- status bar and title ----------------------------------------------
    def _show_status(self, message: str, timeout: int = 8000) -> None:
        self.statusBar().showMessage(message, timeout)

    def _on_clean_changed(self, _clean: bool) -> None:
        self._update_title()

    def _update_title(self) -> None:
        title = self.tr("GradLab 梯度实验室")
        if self.file_path is not None:
            dirty = "" if self.session.undo_stack.isClean() else "*"
            title = f"{self.file_path.name}{dirty} — {title}"
        self.setWindowTitle(title)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.persistent:
            self.autosave()
            if not self.maybe_save("quit"):
                event.ignore()
                return
            self.autosave()  # once more: a Save just now made the work clean
            self.save_preferences()
            self._release_autosave_slot()
        super().closeEvent(event)

    # ------------------------------------------------------------------
    def _build_lab(self, name: str) -> QWidget:
        spec = registry.spec(name)
        holder = self._holders[name]
        try:
            cls = spec.widget_class()
        except ModuleNotFoundError as exc:
            if exc.name != spec.module:
                raise
            self._loading[name].setText(self.tr("This lab is not available yet."))
            return self._loading[name]
        lab = cls(self.session, holder)
        loading = self._loading.pop(name)
        holder.layout().removeWidget(loading)
        loading.deleteLater()
        # a scroll area lets the window shrink below a lab's minimum size (small
        # laptop screens, the lesson panel open) instead of refusing to; the labs
        # adapt to the width (gui/widgets/adaptive.py), so only a lab's height may
        # need it
        scroll = QScrollArea(holder)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(ScrollPage(lab))
        holder.layout().addWidget(scroll)
        self.session.remember_defaults(name)
        self.session.apply_pending(name)
        fn = getattr(lab, "set_surface_resolution", None)
        if fn is not None:
            fn(self.surface_resolution())
        signal = getattr(lab, "runCommandsChanged", None)
        if signal is not None:
            signal.connect(self.update_run_actions)
        restyle_all(lab)
        if name == self.current_lab_name():
            QTimer.singleShot(0, self.update_run_actions)
        return lab

    def _on_tab_changed(self, _index: int) -> None:
        self.update_run_actions()
        name = self.current_lab_name()
        if name not in self.labs.built and self._painted:
            # paint the "Loading…" state first, then build
            QTimer.singleShot(0, lambda n=name: self.labs[n])

    def _tab_regions(self) -> list[list[QWidget]]:
        """What Tab goes through, in order: the lab tabs, the lab shown, the lesson
        panel when it is open."""
        if not self.isVisible():
            return []
        regions = [[self.tabs.tabBar()], visual_chain(self.tabs.currentWidget())]
        if self.lesson_dock.isVisible() and self.lesson_dock.widget() is not None:
            regions.append(visual_chain(self.lesson_dock.widget()))
        return regions

    def build_current_lab(self) -> None:
        self._painted = True
        self.labs[self.current_lab_name()]

    def show_lab(self, name: str) -> None:
        if name in self._holders:
            self.tabs.setCurrentWidget(self._holders[name])

    def theme(self) -> str:
        t = gapp.settings().value("theme", "light")
        return t if t in ("light", "dark") else "light"

    def set_theme(self, theme: str) -> None:
        from PySide6.QtWidgets import QApplication

        gapp.settings().setValue("theme", theme)
        gapp.apply_theme(QApplication.instance(), theme)
        bg = colours.colour("plot.background", dark=theme == "dark")
        fg = colours.colour("plot.foreground", dark=theme == "dark")
        import pyqtgraph as pg

        pg.setConfigOption("background", bg)
        pg.setConfigOption("foreground", fg)
        restyle_all(self)
        for code, act in self.theme_actions.items():
            act.setChecked(code == theme)

    def surface_resolution(self) -> int:
        try:
            n = int(gapp.settings().value("surface/resolution", 150))
        except (TypeError, ValueError):
            n = 150
        return n if n in (50, 100, 150, 200) else 150

    def set_surface_resolution(self, n: int) -> None:
        gapp.settings().setValue("surface/resolution", int(n))
        for lab in self.labs.built.values():
            fn = getattr(lab, "set_surface_resolution", None)
            if fn is not None:
                fn(int(n))
        for k, act in self.res_actions.items():
            act.setChecked(k == n)

    def warn_if_no_chinese_font(self) -> None:
        """Chinese chosen (now or at start-up) and no CJK font installed: said once, in
        English too, since the Chinese words would be boxes themselves."""
        if gapp.current_language() != "zh_CN" or gapp.has_cjk_font() or self._cjk_warned:
            return
        self._cjk_warned = True
        english = ("No Chinese font is installed, so Chinese text may show as boxes. "
                   "Install one, e.g. the package fonts-noto-cjk or fonts-wqy-microhei.")
        self._show_status(english + " / " + self.tr(
            "No Chinese font is installed, so Chinese text may show as boxes. Install "
            "one, e.g. the package fonts-noto-cjk or fonts-wqy-microhei."), 30000)

    def set_language(self, code: str) -> None:
        from PySide6.QtCore import QCoreApplication

        gapp.set_language(code)
        gapp.settings().setValue("language", code)
        self.warn_if_no_chinese_font()
        # deliver the LanguageChange events now, so every widget is relabelled
        # before this returns (not at some later turn of the event loop)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

    def retranslate(self) -> None:
        self._update_title()
        self.act_new.setText(self.tr("&New session"))
        self.act_open.setText(self.tr("&Open…"))
        self.act_save.setText(self.tr("&Save"))
        self.act_save_as.setText(self.tr("Save &as…"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.act_export_picture.setText(self.tr("&Export picture of this lab…"))
        self.act_export_picture.setToolTip(self.tr(
            "Save the current lab as PNG or SVG. Right-click any 2D plot to export just "
            "that plot (PNG, SVG or CSV)."))
        titles = {"descent": self.tr("Gradient Descent"),
                  "regression": self.tr("Regression"),
                  "chain": self.tr("Chain Rule")}
        for i, name in enumerate(registry.NAMES):
            self.tabs.setTabText(i, titles[name])
            if hasattr(self, "lab_actions"):
                self.lab_actions[name].setText(titles[name])
            if name in self._loading:
                self._loading[name].setText(self.tr("Loading…"))
        self.file_menu.setTitle(self.tr("&File"))
        self.act_quit.setText(self.tr("&Quit"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.act_undo.setText(self.tr("&Undo"))
        self.act_redo.setText(self.tr("&Redo"))
        self.lang_menu.setTitle(self.tr("&Language"))
        self.view_menu.setTitle(self.tr("&View"))
        self.theme_menu.setTitle(self.tr("&Theme"))
        self.theme_actions["light"].setText(self.tr("&Light"))
        self.theme_actions["dark"].setText(self.tr("&Dark"))
        self.res_menu.setTitle(self.tr("Surface &resolution"))
        self.zoom_actions["in"].setText(self.tr("Zoom &in"))
        self.zoom_actions["out"].setText(self.tr("Zoom &out"))
        self.zoom_actions["reset"].setText(self.tr("&Actual size"))
        self.act_presentation.setText(self.tr("&Presentation (150 %, thicker lines)"))
        self.run_menu.setTitle(self.tr("&Run"))
        for name, text in (("step", self.tr("&Step")), ("back", self.tr("Step &back")),
                           ("play", self.tr("&Play / Pause")),
                           ("end", self.tr("Run to &end")), ("reset", self.tr("&Reset"))):
            self.run_actions[name].setText(text)
        self.lessons_menu.setTitle(self.tr("Lesso&ns"))
        for lesson in LESSONS:
            self.lesson_actions[lesson.id].setText(lesson.tr_title())
        self.act_lesson_panel.setText(self.tr("Show lesson &panel"))
        self.lesson_dock.setWindowTitle(self.tr("Lesson"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.act_about.setText(self.tr("&About GradLab"))
        retranslate_help_menu(self)
        for code, act in self.lang_actions.items():
            act.setChecked(code == gapp.current_language())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About GradLab"), about_text(self))
