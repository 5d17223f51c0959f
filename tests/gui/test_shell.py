"""The application shell: window, tabs, language, the PySide6 refcount bug."""
from __future__ import annotations

import subprocess
import sys
import sys as _sys

import pytest
from PySide6.QtWidgets import QWidget

from gui.main_window import MainWindow


def test_window_title_and_tabs(qtbot, settings_tmp):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.windowTitle() == "GradLab 梯度实验室"
    names = [w.tabs.tabText(i) for i in range(w.tabs.count())]
    assert names == ["Gradient Descent", "Regression", "Chain Rule"]
    w.show_lab("chain")
    assert w.tabs.currentIndex() == 2


def test_void_qt_calls_do_not_corrupt_none_refcount(qapp):
    """PySide6 6.12.0 on Python 3.11 decremented None's refcount on every void
    call and aborted with 'none_dealloc' after a few thousand calls."""
    w = QWidget()
    before = _sys.getrefcount(None)
    for i in range(20_000):
        w.setWindowTitle("t")
        w.update()
    after = _sys.getrefcount(None)
    assert abs(after - before) < 50, (before, after)
    w.deleteLater()


def test_main_screenshot_cli(tmp_path):
    out = tmp_path / "shot.png"
    proc = subprocess.run([sys.executable, "main.py", "--screenshot", str(out)],
                          cwd=str(__import__("pathlib").Path(__file__).resolve().parents[2]),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    from PySide6.QtGui import QImage

    img = QImage(str(out))
    assert img.width() >= 800 and img.height() >= 500
