"""Files from the desktop (issue 11): a dropped .csv is imported into the Regression
Lab, a dropped .gradlab is opened, a file named on the command line does the same,
--version prints the version and About shows it."""
from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import numpy as np
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def _drop(win, path: Path) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    pos = QPointF(win.width() / 2, win.height() / 2)
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(pos.toPoint(), actions, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(win, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, actions, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(win, drop)
    return drop


def test_dropped_csv_is_imported_into_the_regression_lab(win, tmp_path):
    win.show_lab("descent")
    path = tmp_path / "data.tsv"
    path.write_bytes("速度\t距离\n4\t2\n7\t4\n8\t16\n".encode("utf-16"))  # Excel "Unicode text"
    assert win.acceptDrops()
    drop = _drop(win, path)
    assert drop.isAccepted()
    assert win.current_lab_name() == "regression"
    lab = win.labs["regression"]
    x, y = lab.points()
    np.testing.assert_array_equal(x, [4, 7, 8])
    np.testing.assert_array_equal(y, [2, 4, 16])
    assert lab.plot.getPlotItem().getAxis("bottom").labelText == "速度"


def test_other_files_are_refused_at_the_door(win, tmp_path):
    path = tmp_path / "picture.png"
    path.write_bytes(b"\x89PNG\r\n")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(win.rect().center(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(win, enter)
    assert not enter.isAccepted()


def test_dropped_session_is_opened(win, tmp_path):
    lab = win.labs["regression"]
    lab.set_points([1, 2, 3], [3, 5, 8])
    path = tmp_path / "lesson.gradlab"
    assert win.save_session_as(str(path))
    lab.load_dataset(None)
    assert lab.points()[0].size == 0
    _drop(win, path)
    np.testing.assert_array_equal(lab.points()[1], [3, 5, 8])
    assert win.file_path == path


def test_file_given_to_the_window_like_the_command_line(win, tmp_path):
    """main.py FILE calls window.open_path(FILE) once the window is up."""
    path = tmp_path / "points.csv"
    path.write_text("x,y\n1,1\n2,3\n", encoding="utf-8")
    assert win.open_path(str(path))
    assert win.current_lab_name() == "regression"
    np.testing.assert_array_equal(win.labs["regression"].points()[1], [1, 3])


def test_command_line_file_in_a_screenshot_run(tmp_path):
    """``main.py FILE --screenshot``: the picture shows the imported points (a
    separate process with its own HOME: the user's files are never touched)."""
    path = tmp_path / "p.csv"
    path.write_text("a,b\n1,10\n2,20\n3,35\n", encoding="utf-8")
    shot = tmp_path / "shot.png"
    env = {"HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
           "XDG_RUNTIME_DIR": str(tmp_path)}
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), str(path), "--screenshot",
                          str(shot), "--size", "900x600"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert shot.exists() and shot.stat().st_size > 1000


def test_command_line_gbk_file_with_a_name_column_in_a_screenshot_run(tmp_path):
    """A Chinese-Excel file with three columns would open the column chooser; a
    screenshot run asks nothing (it used to wait for the dialog for ever) and takes
    the first two numeric columns."""
    path = tmp_path / "班级.csv"
    path.write_bytes("姓名,体重,身高\r\n张三,48,165\r\n李四,57,176\r\n,,\r\n".encode("gbk"))
    shot = tmp_path / "shot.png"
    env = {"HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
           "XDG_RUNTIME_DIR": str(tmp_path)}
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), str(path), "--screenshot",
                          str(shot), "--size", "900x600"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300)  # a hang guard only
    assert run.returncode == 0, run.stderr[-2000:]
    assert shot.exists() and shot.stat().st_size > 1000


def test_opening_without_questions_takes_defaults_and_reports_in_the_status_bar(
        win, tmp_path, qtbot):
    """open_path(..., ask=False), as a screenshot run calls it: no chooser, no
    message box; a bad file says why in the status bar and changes nothing."""
    path = tmp_path / "three.csv"
    path.write_bytes("姓名,体重,身高\n张三,48,165\n李四,57,176\n".encode("gbk"))
    assert win.open_path(str(path), ask=False)
    lab = win.labs["regression"]
    assert lab.data_io.chooser is None
    np.testing.assert_array_equal(lab.points()[0], [48, 57])
    np.testing.assert_array_equal(lab.points()[1], [165, 176])
    bad = tmp_path / "broken.gradlab"
    bad.write_text("{not json", encoding="utf-8")
    assert not win.open_path(str(bad), ask=False)
    assert QApplication.activeModalWidget() is None
    assert win.statusBar().currentMessage()
    np.testing.assert_array_equal(lab.points()[0], [48, 57])


def test_version_on_the_command_line_and_in_about(settings_tmp):
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "--version"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0
    assert run.stdout.strip() == f"GradLab {VERSION}"
    from gui.shell.about import about_text

    assert f"GradLab {VERSION}" in about_text()


def test_desktop_file_and_mime_type_register_sessions():
    desktop = (ROOT / "packaging" / "gradlab.desktop").read_text("utf-8")
    assert "Exec=gradlab %f" in desktop
    assert "application/x-gradlab-session" in desktop
    mime = (ROOT / "packaging" / "gradlab-mime.xml").read_text("utf-8")
    assert 'type="application/x-gradlab-session"' in mime and '"*.gradlab"' in mime
