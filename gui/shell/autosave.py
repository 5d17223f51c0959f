"""Autosave: the working session is written to a file of this window's own a moment
after each edit, and read back when GradLab starts again (after an exit or a crash).

:class:`AutosaveMixin` is part of :class:`gui.shell.main_window.MainWindow`; its
texts are in the ``MainWindow`` translation context.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QStandardPaths, QTimer

from core import sessionfile
from gui.labs.fields import StateError
from gui.text.state_messages import session_error_message, state_error_message

translate = QCoreApplication.translate  # every text here: "MainWindow" context

log = logging.getLogger(__name__)

MAX_AUTOSAVE_SLOTS = 20
AUTOSAVE_DEBOUNCE_MS = 800  # after the last edit ...
AUTOSAVE_MAX_WAIT_MS = 3000  # ... but never later than this after the first unsaved one


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


class AutosaveMixin:
    """The main window's autosave file: its slot (a lock file), the debounce
    timers, writing and restoring."""

    def _init_autosave(self) -> None:
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

    def _release_autosave_slot(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

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
                    notice = translate(
                        "MainWindow",
                        "Another GradLab window is open. This window keeps its work in "
                        "its own autosave file ({0}).",
                    ).format(path.name)
                    QTimer.singleShot(0, lambda n=notice: self._show_status(n, 15000))
                return
        self.autosave_error = translate("MainWindow", "too many GradLab windows are open")

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
            sessionfile.save(
                self.autosave_file(), self.session.state(), self.app_state(autosave=True)
            )
        except sessionfile.SessionFileError as exc:
            self._autosave_failed(session_error_message(exc))
            return False
        except (OSError, ValueError, RecursionError) as exc:
            self._autosave_failed(str(exc))
            return False
        if self.autosave_error is not None:
            self.autosave_error = None
            self.session.status.emit(translate("MainWindow", "Autosave works again."))
        return True

    def _autosave_failed(self, why: str) -> None:
        first = self.autosave_error is None
        self.autosave_error = why
        if first:
            self.session.status.emit(translate("MainWindow", "Autosave failed: {0}").format(why))

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
            why = (
                state_error_message(exc)
                if isinstance(exc, StateError)
                else session_error_message(exc)
            )
            kept = self._move_aside(path)
            msg = translate(
                "MainWindow",
                "Your last session could not be restored: {0} GradLab started with the defaults.",
            ).format(why)
            if kept is not None:
                msg += " " + translate("MainWindow", "The file was kept as {0}.").format(kept)
            self._show_status(msg, 30000)
            return False
        app = doc.get("app", {})
        saved_file = app.get("file")
        if isinstance(saved_file, str) and saved_file:
            self.file_path = Path(saved_file)
        if app.get("modified", True):
            self.session.undo_stack.resetClean()  # the work is in no file yet
        self._update_title()
        self.session.status.emit(translate("MainWindow", "Restored your last session."))
        return True

    def _move_aside(self, path: Path) -> str | None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        for n in range(100):
            target = path.with_name(
                f"autosave-broken-{stamp}" + (f"-{n}" if n else "") + ".gradlab"
            )
            if target.exists():
                continue
            try:
                os.replace(path, target)
            except OSError:
                log.exception("could not move the broken autosave aside")
                return None
            return target.name
        return None
