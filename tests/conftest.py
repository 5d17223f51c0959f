"""Shared test set-up.

GUI tests run under Xvfb (pytest-xvfb starts it when the Xvfb binary exists).
Without any display, Qt falls back to the offscreen platform and tests marked
``gl`` are skipped with the reason, instead of crashing the run.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _have_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    # pytest-xvfb has already started Xvfb (and set DISPLAY) in its own configure
    # hook when the binary exists.
    if not _have_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("GRADLAB_NO_AUTOSAVE_RESTORE", "1")


def gl_skip_reason() -> str | None:
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen" or not _have_display():
        if shutil.which("Xvfb") is None:
            return "no display and no Xvfb: OpenGL views cannot render (install xvfb)"
        return "no display: OpenGL views cannot render offscreen"
    return None


def pytest_collection_modifyitems(config, items):
    reason = gl_skip_reason()
    if reason is None:
        return
    for item in items:
        if "gl" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def qapp_args():
    return ["gradlab-tests"]


@pytest.fixture(scope="session")
def qapp(qapp_args, pytestconfig):
    """The QApplication, created the way main.py creates it (shared GL contexts)."""
    from gui import app as gapp

    app = gapp.make_app(qapp_args)
    gapp.set_language("en")
    yield app


@pytest.fixture
def settings_tmp(tmp_path, monkeypatch):
    """Isolate QSettings and autosave files in a temporary folder."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    monkeypatch.setenv("GRADLAB_DATA_DIR", str(tmp_path / "data"))
    yield tmp_path
