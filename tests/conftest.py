"""Shared test set-up.

GUI tests run under Xvfb (pytest-xvfb starts it when the Xvfb binary exists).
Without any display, Qt falls back to the offscreen platform and tests marked
``gl`` are skipped with the reason, instead of crashing the run.

No test reads or writes the real home folder: before anything is collected (so
before any QApplication or QSettings exists), HOME, the XDG folders and
GRADLAB_DATA_DIR point into one private temporary folder, and QSettings uses INI
files under it.  Subprocesses that tests start inherit that environment.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _have_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


# ---------------------------------------------------------------- private HOME
HOME_VARS = ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
             "XDG_RUNTIME_DIR", "GRADLAB_DATA_DIR")
_saved_env: dict[str, str | None] = {}
_private: dict[str, Path] = {}  # "root": the private home, "real": the home it replaced


def _private_env(root: Path) -> dict[str, str]:
    return {"HOME": str(root),
            "XDG_CONFIG_HOME": str(root / ".config"),
            "XDG_DATA_HOME": str(root / ".local" / "share"),
            "XDG_CACHE_HOME": str(root / ".cache"),
            "XDG_STATE_HOME": str(root / ".local" / "state"),
            "XDG_RUNTIME_DIR": str(root / "runtime"),
            "GRADLAB_DATA_DIR": str(root / "gradlab-data")}


def _use_ini_settings_under(folder: Path) -> None:
    """gui.shell.app.settings() then reads and writes ``folder/GradLab/GradLab.ini``."""
    if os.environ.get("GRADLAB_ASSERT_NO_QT"):
        return  # the Qt-free run of tests/labs (see tests/labs/conftest.py): no Qt at all
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


def _xvfb_started() -> bool:
    try:
        import pytest_xvfb
    except ImportError:
        return False
    return getattr(pytest_xvfb, "xvfb_instance", None) is not None


def _enter_private_home() -> None:
    real = Path(os.path.expanduser("~"))
    root = Path(tempfile.mkdtemp(prefix="gradlab-test-home-"))
    env = _private_env(root)
    for key in (*HOME_VARS, "XAUTHORITY"):
        _saved_env[key] = os.environ.get(key)
    # the user's own X display (pytest --no-xvfb) still finds its cookie; Xvfb needs
    # none.  (Tests start Python with sys.executable, never `uv run`, so uv's cache
    # under the real HOME is not needed either.)
    if _have_display() and not _xvfb_started() and "XAUTHORITY" not in os.environ \
            and (real / ".Xauthority").exists():
        os.environ["XAUTHORITY"] = str(real / ".Xauthority")
    for key, value in env.items():
        Path(value).mkdir(parents=True, exist_ok=True)
        os.environ[key] = value
    os.chmod(env["XDG_RUNTIME_DIR"], 0o700)  # Qt ignores a runtime folder others can read
    _private.update(root=root, real=real)
    _use_ini_settings_under(Path(env["XDG_CONFIG_HOME"]))


def _leave_private_home() -> None:
    root = _private.pop("root", None)
    for key, value in _saved_env.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    _saved_env.clear()
    if root is not None:
        shutil.rmtree(root, ignore_errors=True)


def pytest_unconfigure(config):
    _leave_private_home()


@pytest.fixture(scope="session")
def private_home() -> Path:
    """The temporary folder every test (and every subprocess) has as HOME."""
    return _private["root"]


@pytest.fixture(scope="session")
def real_home() -> Path:
    """The home folder of the user running pytest (no test may touch it)."""
    return _private["real"]


@pytest.fixture(scope="session", autouse=True)
def _private_home_session(private_home):
    assert os.environ["HOME"] == str(private_home)
    yield private_home


@pytest.fixture(autouse=True)
def _private_home_each_test(private_home, monkeypatch):
    """Each test starts with the private environment, whatever an earlier test set,
    and QSettings back on the INI files under it afterwards."""
    for key, value in _private_env(private_home).items():
        monkeypatch.setenv(key, value)
    yield
    _use_ini_settings_under(private_home / ".config")


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    # pytest-xvfb has already started Xvfb (and set DISPLAY) in its own configure
    # hook when the binary exists.
    if not _have_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("GRADLAB_NO_AUTOSAVE_RESTORE", "1")
    # before collection: test modules import gui.*, and nothing may have read the
    # real HOME yet (QSettings fixes its folders on first use)
    _enter_private_home()


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
    from gui.shell import app as gapp

    app = gapp.make_app(qapp_args)
    gapp.set_language("en")
    yield app


@pytest.fixture
def settings_tmp(tmp_path, monkeypatch):
    """QSettings and autosave files in this test's own temporary folder (instead of
    the run's shared private HOME; afterwards QSettings goes back to that)."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    monkeypatch.setenv("GRADLAB_DATA_DIR", str(tmp_path / "data"))
    yield tmp_path
