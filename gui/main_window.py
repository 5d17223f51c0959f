"""The main window: one tab per lab, menus, status bar."""
from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QLockFile, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import sessionfile
from gui import app as gapp
from gui.labs import registry
from gui.labs.fields import StateError
from gui.labs.model import EditCommand
from gui.lessons import LESSONS, LESSONS_BY_ID, LessonPanel
from gui.session import Session
from gui.state_messages import session_error_message, state_error_message

log = logging.getLogger(__name__)

SESSION_FILTER = "GradLab session (*.gradlab);;JSON (*.json);;All files (*)"
MAX_RECENT = 8


def data_dir() -> Path:
    env = os.environ.get("GRADLAB_DATA_DIR")
    if env:
        return Path(env)
    loc = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(loc or Path.home() / ".gradlab")


def autosave_path(slot: int = 1) -> Path:
    """The autosave of window ``slot``: the first window running uses
    ``autosave.gradlab``, a second one at the same time ``autosave-2.gradlab``..."""
    return data_dir() / ("autosave.gradlab" if slot == 1 else f"autosave-{slot}.gradlab")


MAX_AUTOSAVE_SLOTS = 20
AUTOSAVE_DEBOUNCE_MS = 800   # after the last edit ...
AUTOSAVE_MAX_WAIT_MS = 3000  # ... but never later than this after the first unsaved one



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



class MainWindow(QMainWindow):
    def __init__(self, session: Session | None = None, parent: QWidget | None = None,
                 persistent: bool = True):
        """``persistent=False`` (screenshots, timing runs): no autosave is read or
        written and no preferences or recent files are touched."""
        super().__init__(parent)
        self.persistent = persistent
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
        self.autosave_error: str | None = None  # why the last autosave failed
        self.autosave_slot = 1
        self._lock: QLockFile | None = None
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(AUTOSAVE_DEBOUNCE_MS)
        self._autosave_timer.timeout.connect(self.autosave)
        # steady editing restarts the debounce timer: this one is not restarted
        self._autosave_deadline = QTimer(self)
        self._autosave_deadline.setSingleShot(True)
        self._autosave_deadline.setInterval(AUTOSAVE_MAX_WAIT_MS)
        self._autosave_deadline.timeout.connect(self.autosave)
        self.session.changed.connect(self._schedule_autosave)
        self.session.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.lesson_panel = LessonPanel(self)
        self.lesson_panel.lessonRequested.connect(self.apply_lesson)
        self.lesson_dock = QDockWidget(self)
        self.lesson_dock.setObjectName("lessonDock")
        self.lesson_dock.setWidget(self.lesson_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.lesson_dock)
        self.lesson_dock.hide()
        self._build_menus()
        self.retranslate()
        self.resize(1400, 900)
        if persistent:
            self._claim_autosave_slot()
            self._restore_preferences()
        else:
            self.theme_actions["light"].setChecked(True)
            self.res_actions[self.surface_resolution()].setChecked(True)

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

    # ------------------------------------------------------------------
    # preferences, autosave, session files
    def _restore_preferences(self) -> None:
        st = gapp.settings()
        if self.theme() == "dark":
            self.set_theme("dark")
        else:
            self.theme_actions["light"].setChecked(True)
        self.set_surface_resolution(self.surface_resolution())
        geom = st.value("window/geometry")
        if isinstance(geom, QByteArray) and not geom.isEmpty():
            self.restoreGeometry(geom)
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

    # -- autosave ----------------------------------------------------------
    def _claim_autosave_slot(self) -> None:
        """Lock an autosave file of our own: a second window running at the same
        time writes ``autosave-2.gradlab`` instead of overwriting the first's."""
        folder = data_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.autosave_error = str(exc)
            return
        for slot in range(1, MAX_AUTOSAVE_SLOTS + 1):
            path = autosave_path(slot)
            lock = QLockFile(str(path.with_suffix(".lock")))
            lock.setStaleLockTime(0)  # stale only when its process is gone
            if lock.tryLock(0):
                self._lock = lock
                self.autosave_slot = slot
                if slot > 1:
                    notice = self.tr(
                        "Another GradLab window is open. This window keeps its work in "
                        "its own autosave file ({0}).").format(path.name)
                    QTimer.singleShot(0, lambda n=notice: self._show_status(n, 15000))
                return
        self.autosave_error = self.tr("too many GradLab windows are open")

    def autosave_file(self) -> Path:
        return autosave_path(self.autosave_slot)

    def _schedule_autosave(self) -> None:
        self._autosave_timer.start()
        if not self._autosave_deadline.isActive():
            self._autosave_deadline.start()

    def is_modified(self) -> bool:
        """Work that is not in a session file (the undo stack is not clean)."""
        return not self.session.undo_stack.isClean()

    def autosave(self) -> bool:
        """Write the working session to this window's autosave file."""
        self._autosave_timer.stop()
        self._autosave_deadline.stop()
        if not self.persistent or self._lock is None:
            return False
        try:
            sessionfile.save(self.autosave_file(), self.session.state(),
                             self.app_state(autosave=True))
        except sessionfile.SessionFileError as exc:
            self._autosave_failed(session_error_message(exc))
            return False
        except (OSError, ValueError, RecursionError) as exc:
            self._autosave_failed(str(exc))
            return False
        if self.autosave_error is not None:
            self.autosave_error = None
            self.session.status.emit(self.tr("Autosave works again."))
        return True

    def _autosave_failed(self, why: str) -> None:
        first = self.autosave_error is None
        self.autosave_error = why
        if first:
            self.session.status.emit(self.tr("Autosave failed: {0}").format(why))

    def restore_autosave(self) -> bool:
        """Restore the working session saved before the last exit or crash.

        A damaged autosave never blocks start-up: it is moved aside (kept, as
        ``autosave-broken-<time>.gradlab``), the labs keep their defaults, and the
        status bar says so once."""
        if not self.persistent:
            return False
        path = self.autosave_file()
        if not path.exists():
            return False
        try:
            doc = sessionfile.load(path)
            self._apply_document(doc)
        except (sessionfile.SessionFileError, StateError) as exc:
            why = (state_error_message(exc) if isinstance(exc, StateError)
                   else session_error_message(exc))
            kept = self._move_aside(path)
            msg = self.tr("Your last session could not be restored: {0} GradLab started "
                          "with the defaults.").format(why)
            if kept is not None:
                msg += " " + self.tr("The file was kept as {0}.").format(kept)
            self._show_status(msg, 30000)
            return False
        app = doc.get("app", {})
        saved_file = app.get("file")
        if isinstance(saved_file, str) and saved_file:
            self.file_path = Path(saved_file)
        if app.get("modified", True):
            self.session.undo_stack.resetClean()  # the work is in no file yet
        self._update_title()
        self.session.status.emit(self.tr("Restored your last session."))
        return True

    def _move_aside(self, path: Path) -> str | None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        for n in range(100):
            target = path.with_name(f"autosave-broken-{stamp}"
                                    + (f"-{n}" if n else "") + ".gradlab")
            if target.exists():
                continue
            try:
                os.replace(path, target)
            except OSError:
                log.exception("could not move the broken autosave aside")
                return None
            return target.name
        return None

    def _apply_document(self, doc: dict) -> None:
        """All or nothing: raises StateError before anything changes."""
        self.session.restore(doc["labs"])
        tab = doc.get("app", {}).get("tab")
        if isinstance(tab, str):
            self.show_lab(tab)

    # -- unsaved work -------------------------------------------------------
    def ask_save_changes(self, action: str) -> str:
        """Ask what to do with unsaved work before ``action`` ("new", "open",
        "quit"); returns "save", "discard" or "cancel"."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved changes"))
        name = self.file_path.name if self.file_path else self.tr("Untitled session")
        box.setText(self.tr("Save the changes to “{0}”?").format(name))
        if action == "quit" and self.autosave_error is None:
            box.setInformativeText(self.tr(
                "If you don't save, your work is still kept: GradLab reopens it the next "
                "time it starts."))
        elif action == "quit":
            box.setInformativeText(self.tr(
                "Your work could not be kept automatically ({0}). If you don't save it "
                "now, it is lost.").format(self.autosave_error))
        else:
            box.setInformativeText(self.tr("If you don't save, your changes are lost."))
        box.setStandardButtons(QMessageBox.StandardButton.Save
                               | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        if action == "quit" and self.autosave_error is None:
            box.button(QMessageBox.StandardButton.Discard).setText(self.tr("Quit without saving"))
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(
            QMessageBox.StandardButton(answer), "cancel")

    def maybe_save(self, action: str) -> bool:
        """Qt's usual pattern: True when it is fine to go on with ``action``."""
        if not self.is_modified():
            return True
        answer = self.ask_save_changes(action)
        if answer == "save":
            return self.save_session()
        return answer == "discard"

    def new_session(self) -> bool:
        if not self.maybe_save("new"):
            return False
        self.session.reset()
        self.session.undo_stack.setClean()
        self.file_path = None
        self._update_title()
        self.autosave()
        return True

    def open_session(self, path: str | None = None) -> bool:
        if not self.maybe_save("open"):
            return False
        if not path:
            path, _f = QFileDialog.getOpenFileName(self, self.tr("Open session"),
                                                   str(self._last_dir()), SESSION_FILTER)
            if not path:
                return False
        if not Path(path).exists():
            # e.g. a recent file that was moved or deleted: say so, forget it
            self._forget_recent(str(path))
            QMessageBox.warning(self, self.tr("Cannot open session"),
                                self.tr("This file no longer exists.") + "\n\n" + str(path)
                                + "\n\n" + self.tr("Nothing was changed: your current work "
                                                   "is as it was."))
            return False
        try:
            doc = sessionfile.load(path)
            self._apply_document(doc)
        except (sessionfile.SessionFileError, StateError) as exc:
            QMessageBox.warning(self, self.tr("Cannot open session"),
                                self._session_error_text(exc, path))
            return False
        self.file_path = Path(path)
        self._add_recent(path)
        self.session.undo_stack.setClean()
        self._update_title()
        self.autosave()
        return True

    def _session_error_text(self, exc: sessionfile.SessionFileError | StateError,
                            path: str | os.PathLike) -> str:
        why = (state_error_message(exc) if isinstance(exc, StateError)
               else session_error_message(exc))
        return (why + "\n\n" + str(path) + "\n\n"
                + self.tr("Nothing was changed: your current work is as it was."))

    def save_session(self) -> bool:
        if self.file_path is None:
            return self.save_session_as()
        return self._write(self.file_path)

    def save_session_as(self, path: str | None = None) -> bool:
        if not path:
            path, _f = QFileDialog.getSaveFileName(self, self.tr("Save session"),
                                                   str(self._last_dir() / "session.gradlab"),
                                                   SESSION_FILTER)
            if not path:
                return False
        return self._write(Path(path))

    def _write(self, path: Path) -> bool:
        try:
            sessionfile.save(path, self.session.state(), self.app_state())
        except sessionfile.SessionFileError as exc:
            QMessageBox.warning(self, self.tr("Cannot save session"),
                                session_error_message(exc))
            return False
        except (OSError, ValueError, RecursionError) as exc:
            QMessageBox.warning(self, self.tr("Cannot save session"),
                                self.tr("The session could not be saved:") + f"\n{exc}")
            return False
        self.file_path = Path(path)
        self._add_recent(str(path))
        self.session.undo_stack.setClean()
        self._update_title()
        self.session.status.emit(self.tr("Saved {0}").format(path))
        return True

    def export_picture(self, path: str | None = None) -> bool:
        """The current lab as PNG (pixels, 3D views included) or SVG (vector)."""
        if not path:
            path, _f = QFileDialog.getSaveFileName(
                self, self.tr("Export picture"), str(self._last_dir() / "gradlab.png"),
                "PNG (*.png);;SVG (*.svg)")
            if not path:
                return False
        widget = self.tabs.currentWidget()
        if str(path).lower().endswith(".svg"):
            from PySide6.QtCore import QPoint, QRect, QSize
            from PySide6.QtGui import QPainter
            from PySide6.QtSvg import QSvgGenerator

            gen = QSvgGenerator()
            gen.setFileName(str(path))
            gen.setSize(QSize(widget.width(), widget.height()))
            gen.setViewBox(QRect(0, 0, widget.width(), widget.height()))
            gen.setTitle("GradLab")
            painter = QPainter(gen)
            ok = painter.isActive()
            if ok:
                # PySide6 has no render(painter) overload: the offset is required
                widget.render(painter, QPoint(0, 0))
                ok = painter.end()
        else:
            ok = widget.grab().save(str(path))
        if not ok:
            QMessageBox.warning(self, self.tr("Export picture"),
                                self.tr("The picture could not be saved."))
        else:
            self.session.status.emit(self.tr("Saved {0}").format(path))
        return bool(ok)

    def _last_dir(self) -> Path:
        recent = self.recent_files()
        return Path(recent[0]).parent if recent else Path.home()

    def recent_files(self) -> list[str]:
        v = gapp.settings().value("recentFiles", [])
        if isinstance(v, str):
            v = [v]
        return [str(p) for p in (v or [])][:MAX_RECENT]

    def _add_recent(self, path: str) -> None:
        path = str(Path(path).resolve())
        files = [p for p in self.recent_files() if p != path]
        gapp.settings().setValue("recentFiles", [path] + files[:MAX_RECENT - 1])
        self._fill_recent_menu()

    def _forget_recent(self, path: str) -> None:
        path = str(Path(path).resolve())
        files = [p for p in self.recent_files() if p != path]
        gapp.settings().setValue("recentFiles", files)
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        for p in files:
            act = self.recent_menu.addAction(Path(p).name)
            act.setToolTip(p)
            act.triggered.connect(lambda _c=False, p=p: self.open_session(p))
        self.recent_menu.setEnabled(bool(files))

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
            if self._lock is not None:
                self._lock.unlock()
                self._lock = None
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
        # laptop screens, the lesson panel open) instead of refusing to
        scroll = QScrollArea(holder)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(lab)
        holder.layout().addWidget(scroll)
        self.session.remember_defaults(name)
        self.session.apply_pending(name)
        fn = getattr(lab, "set_surface_resolution", None)
        if fn is not None:
            fn(self.surface_resolution())
        return lab

    def _on_tab_changed(self, _index: int) -> None:
        name = self.current_lab_name()
        if name not in self.labs.built and self._painted:
            # paint the "Loading…" state first, then build
            QTimer.singleShot(0, lambda n=name: self.labs[n])

    def build_current_lab(self) -> None:
        self._painted = True
        self.labs[self.current_lab_name()]

    def show_lab(self, name: str) -> None:
        if name in self._holders:
            self.tabs.setCurrentWidget(self._holders[name])

    def _build_menus(self) -> None:
        mb = self.menuBar()
        self.file_menu = mb.addMenu("")
        self.act_new = QAction(self, shortcut=QKeySequence.StandardKey.New)
        self.act_new.triggered.connect(self.new_session)
        self.act_open = QAction(self, shortcut=QKeySequence.StandardKey.Open)
        self.act_open.triggered.connect(lambda: self.open_session())
        self.act_save = QAction(self, shortcut=QKeySequence.StandardKey.Save)
        self.act_save.triggered.connect(self.save_session)
        self.act_save_as = QAction(self, shortcut=QKeySequence.StandardKey.SaveAs)
        self.act_save_as.triggered.connect(lambda: self.save_session_as())
        for a in (self.act_new, self.act_open, self.act_save, self.act_save_as):
            self.file_menu.addAction(a)
        self.recent_menu = self.file_menu.addMenu("")
        self._fill_recent_menu()
        self.file_menu.addSeparator()
        self.act_export_picture = QAction(self, shortcut=QKeySequence("Ctrl+Shift+E"))
        self.act_export_picture.triggered.connect(lambda: self.export_picture())
        self.file_menu.addAction(self.act_export_picture)
        self.file_menu.addSeparator()
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
        for code, label in (("en", "&English"), ("zh_CN", "中文(&Z)")):
            act = QAction(label, self, checkable=True)
            act.setData(code)
            act.triggered.connect(lambda _c=False, c=code: self.set_language(c))
            self.lang_group.addAction(act)
            self.lang_menu.addAction(act)
            self.lang_actions[code] = act

        self.view_menu = mb.addMenu("")
        self.theme_menu = self.view_menu.addMenu("")
        self.theme_group = QActionGroup(self)
        self.theme_actions = {}
        for code in ("light", "dark"):
            act = QAction(self, checkable=True)
            act.triggered.connect(lambda _c=False, c=code: self.set_theme(c))
            self.theme_group.addAction(act)
            self.theme_menu.addAction(act)
            self.theme_actions[code] = act
        self.res_menu = self.view_menu.addMenu("")
        self.res_group = QActionGroup(self)
        self.res_actions = {}
        for n in (50, 100, 150, 200):
            act = QAction(f"{n} × {n}", self, checkable=True)
            act.triggered.connect(lambda _c=False, n=n: self.set_surface_resolution(n))
            self.res_group.addAction(act)
            self.res_menu.addAction(act)
            self.res_actions[n] = act
        # Ctrl+1/2/3 switch labs (no text field uses Ctrl+digit)
        self.view_menu.addSeparator()
        self.lab_actions = {}
        for i, name in enumerate(registry.NAMES):
            act = QAction(self, shortcut=QKeySequence(f"Ctrl+{i + 1}"))
            act.triggered.connect(lambda _c=False, n=name: self.show_lab(n))
            self.view_menu.addAction(act)
            self.lab_actions[name] = act

        self.lessons_menu = mb.addMenu("")
        self.lesson_actions = {}
        for lesson in LESSONS:
            act = QAction(self)
            act.triggered.connect(lambda _c=False, i=lesson.id: self.apply_lesson(i))
            self.lessons_menu.addAction(act)
            self.lesson_actions[lesson.id] = act
        self.lessons_menu.addSeparator()
        self.act_lesson_panel = self.lesson_dock.toggleViewAction()
        self.act_lesson_panel.setShortcut(QKeySequence("F1"))
        self.lessons_menu.addAction(self.act_lesson_panel)

        self.help_menu = mb.addMenu("")
        self.act_about = QAction(self)
        self.act_about.triggered.connect(self.show_about)
        self.help_menu.addAction(self.act_about)

    def theme(self) -> str:
        t = gapp.settings().value("theme", "light")
        return t if t in ("light", "dark") else "light"

    def set_theme(self, theme: str) -> None:
        from PySide6.QtWidgets import QApplication

        gapp.settings().setValue("theme", theme)
        gapp.apply_theme(QApplication.instance(), theme)
        bg = "#1e2024" if theme == "dark" else "w"
        fg = "#e1e4e8" if theme == "dark" else "#202020"
        try:
            import pyqtgraph as pg
            pg.setConfigOption("background", bg)
            pg.setConfigOption("foreground", fg)
            for w in self.findChildren(pg.PlotWidget):
                w.setBackground(bg)
                for name in ("left", "bottom", "right", "top"):
                    ax = w.getPlotItem().getAxis(name)
                    if ax is not None:
                        ax.setPen(fg)
                        ax.setTextPen(fg)
        except Exception:  # pragma: no cover - cosmetic
            pass
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

    def set_language(self, code: str) -> None:
        from PySide6.QtCore import QCoreApplication

        gapp.set_language(code)
        gapp.settings().setValue("language", code)
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
        self.lessons_menu.setTitle(self.tr("Lesso&ns"))
        for lesson in LESSONS:
            self.lesson_actions[lesson.id].setText(lesson.tr_title())
        self.act_lesson_panel.setText(self.tr("Show lesson &panel"))
        self.lesson_dock.setWindowTitle(self.tr("Lesson"))
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
