"""Session files: new, open, save, save as, export a picture, the recent files,
and the question about unsaved work.

:class:`SessionFilesMixin` is part of :class:`gui.shell.main_window.MainWindow`;
its texts are in the ``MainWindow`` translation context.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from core import sessionfile
from gui.labs.fields import StateError
from gui.shell import app as gapp
from gui.text.state_messages import session_error_message, state_error_message
from gui.views import export

translate = QCoreApplication.translate  # every text here: "MainWindow" context

SESSION_FILTER = "GradLab session (*.gradlab);;JSON (*.json);;All files (*)"
POINT_SUFFIXES = (".csv", ".tsv", ".txt")
SESSION_SUFFIXES = (".gradlab", ".json")


def _kind(path: str) -> str | None:
    """"session", "points" or None (a file GradLab does not open), by suffix."""
    suffix = Path(path).suffix.lower()
    if suffix in SESSION_SUFFIXES:
        return "session"
    return "points" if suffix in POINT_SUFFIXES else None
MAX_RECENT = 8


class SessionFilesMixin:
    """The File menu's work: every file the user names goes through here."""

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
        box.setWindowTitle(translate("MainWindow", "Unsaved changes"))
        name = (
            self.file_path.name if self.file_path else translate("MainWindow", "Untitled session")
        )
        box.setText(translate("MainWindow", "Save the changes to “{0}”?").format(name))
        if action == "quit" and self.autosave_error is None:
            box.setInformativeText(
                translate(
                    "MainWindow",
                    "If you don't save, your work is still kept: GradLab reopens it the next "
                    "time it starts.",
                )
            )
        elif action == "quit":
            box.setInformativeText(
                translate(
                    "MainWindow",
                    "Your work could not be kept automatically ({0}). If you don't save it "
                    "now, it is lost.",
                ).format(self.autosave_error)
            )
        else:
            box.setInformativeText(
                translate("MainWindow", "If you don't save, your changes are lost.")
            )
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        if action == "quit" and self.autosave_error is None:
            box.button(QMessageBox.StandardButton.Discard).setText(
                translate("MainWindow", "Quit without saving")
            )
        answer = box.exec()
        return {
            QMessageBox.StandardButton.Save: "save",
            QMessageBox.StandardButton.Discard: "discard",
        }.get(QMessageBox.StandardButton(answer), "cancel")

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
            path, _f = QFileDialog.getOpenFileName(
                self, translate("MainWindow", "Open session"), str(self._last_dir()), SESSION_FILTER
            )
            if not path:
                return False
        if not Path(path).exists():
            # e.g. a recent file that was moved or deleted: say so, forget it
            self._forget_recent(str(path))
            QMessageBox.warning(
                self,
                translate("MainWindow", "Cannot open session"),
                translate("MainWindow", "This file no longer exists.")
                + "\n\n"
                + str(path)
                + "\n\n"
                + translate("MainWindow", "Nothing was changed: your current work is as it was."),
            )
            return False
        try:
            doc = sessionfile.load(path)
            self._apply_document(doc)
        except (sessionfile.SessionFileError, StateError) as exc:
            QMessageBox.warning(
                self,
                translate("MainWindow", "Cannot open session"),
                self._session_error_text(exc, path),
            )
            return False
        self.file_path = Path(path)
        self._add_recent(path)
        self.session.undo_stack.setClean()
        self._update_title()
        self.autosave()
        return True

    def _session_error_text(
        self, exc: sessionfile.SessionFileError | StateError, path: str | os.PathLike
    ) -> str:
        why = (
            state_error_message(exc) if isinstance(exc, StateError) else session_error_message(exc)
        )
        return (
            why
            + "\n\n"
            + str(path)
            + "\n\n"
            + translate("MainWindow", "Nothing was changed: your current work is as it was.")
        )

    def save_session(self) -> bool:
        if self.file_path is None:
            return self.save_session_as()
        return self._write(self.file_path)

    def save_session_as(self, path: str | None = None) -> bool:
        if not path:
            path, _f = QFileDialog.getSaveFileName(
                self,
                translate("MainWindow", "Save session"),
                str(self._last_dir() / "session.gradlab"),
                SESSION_FILTER,
            )
            if not path:
                return False
        return self._write(Path(path))

    def _write(self, path: Path) -> bool:
        try:
            sessionfile.save(path, self.session.state(), self.app_state())
        except sessionfile.SessionFileError as exc:
            QMessageBox.warning(
                self, translate("MainWindow", "Cannot save session"), session_error_message(exc)
            )
            return False
        except (OSError, ValueError, RecursionError) as exc:
            QMessageBox.warning(
                self,
                translate("MainWindow", "Cannot save session"),
                translate("MainWindow", "The session could not be saved:") + f"\n{exc}",
            )
            return False
        self.file_path = Path(path)
        self._add_recent(str(path))
        self.session.undo_stack.setClean()
        self._update_title()
        self.session.status.emit(translate("MainWindow", "Saved {0}").format(path))
        return True

    def export_picture(self, path: str | None = None, scale: int | None = None,
                       widget=None) -> bool:
        """The current lab (or ``widget``) as PNG at 1×, 2× or 3× its size on screen
        (3D views included) or as SVG (vector)."""
        filters = [translate("MainWindow", "PNG, 1× (*.png)"),
                   translate("MainWindow", "PNG, 2× for slides (*.png)"),
                   translate("MainWindow", "PNG, 3× (*.png)"), "SVG (*.svg)"]
        if not path:
            path, chosen = QFileDialog.getSaveFileName(
                self, translate("MainWindow", "Export picture"),
                str(self._last_dir() / "gradlab.png"), ";;".join(filters), filters[1])
            if not path:
                return False
            if scale is None and chosen in filters[:3]:
                scale = filters.index(chosen) + 1
        widget = widget or self.tabs.currentWidget()
        ok = export.save_picture(widget, str(path), scale or 1)
        if not ok:
            QMessageBox.warning(
                self,
                translate("MainWindow", "Export picture"),
                translate("MainWindow", "The picture could not be saved."),
            )
        else:
            self.session.status.emit(translate("MainWindow", "Saved {0}").format(path))
        return bool(ok)

    # -- files from the desktop and the command line --------------------------
    def _init_file_drops(self) -> None:
        """Files dropped on the window are opened (called once by the window)."""
        self.setAcceptDrops(True)
        export.remove_matplotlib_exporter()

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if any(_kind(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        paths = [p for p in paths if _kind(p)]
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self._open_safely(paths[0])

    def _open_safely(self, path: str) -> None:
        """open_path from an event handler: nothing may be raised into Qt."""
        try:
            self.open_path(path)
        except Exception:  # noqa: BLE001 - reported, never raised into Qt's event loop
            logging.getLogger(__name__).exception("opening %s failed", path)
            self.session.status.emit(
                translate("MainWindow", "The file could not be opened.") + f" {path}")

    def event(self, event) -> bool:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.FileOpen:  # macOS: a file opened in the Finder
            self._open_safely(event.file())
            return True
        return super().event(event)

    def open_path(self, path: str, ask: bool = True) -> bool:
        """Open ``path``: a session (.gradlab, .json), or points (.csv, .tsv, .txt)
        imported into the Regression Lab, which is shown.  ``ask=False`` (a
        screenshot run) opens no dialog: default columns, errors in the status bar."""
        kind = _kind(path)
        if kind == "session" and not ask:
            try:
                self._apply_document(sessionfile.load(path))
                return True
            except (sessionfile.SessionFileError, StateError, OSError) as exc:
                why = exc if isinstance(exc, OSError) else self._session_error_text(exc, path)
                self.session.status.emit(str(why).replace("\n", " "))
                return False
        if kind == "session":
            return self.open_session(path)
        if kind != "points" and not ask:
            self.session.status.emit(translate("MainWindow", "The file could not be opened.")
                                     + f" {path}")
            return False
        if kind != "points":
            QMessageBox.warning(
                self, translate("MainWindow", "Cannot open file"),
                translate("MainWindow", "GradLab opens sessions (.gradlab) and points "
                                        "(.csv, .tsv, .txt).") + "\n\n" + str(path))
            return False
        self.show_lab("regression")
        return bool(self.labs["regression"].import_file(str(path), ask))

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
        gapp.settings().setValue("recentFiles", [path] + files[: MAX_RECENT - 1])
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
