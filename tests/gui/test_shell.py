"""The application shell: window, tabs, the private HOME of the tests, the command
line's picture and timing modes, the PySide6 refcount bug."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from core import sessionfile
from gui.shell import app as gapp
from gui.shell.main_window import MainWindow, autosave_path, data_dir
from tests.support import run_python

ROOT = Path(__file__).resolve().parents[2]


def test_window_title_and_tabs(qtbot, settings_tmp):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.windowTitle() == "GradLab 梯度实验室"
    names = [w.tabs.tabText(i) for i in range(w.tabs.count())]
    assert names == ["Gradient Descent", "Regression", "Chain Rule"]
    w.show_lab("chain")
    assert w.tabs.currentIndex() == 2


# ------------------------------------------------------------------ private HOME
def test_tests_never_see_the_real_home(qapp, private_home, real_home):
    """tests/conftest.py gives the whole run, and every subprocess it starts, a
    temporary HOME before any QSettings exists: preferences, autosave and Qt's
    standard folders all resolve inside it."""
    assert private_home != real_home
    assert Path.home() == private_home
    std = QStandardPaths.StandardLocation
    paths = {
        "settings()": gapp.settings().fileName(),
        "native QSettings": QSettings(QSettings.Format.NativeFormat,
                                      QSettings.Scope.UserScope, "GradLab",
                                      "GradLab").fileName(),
        "data_dir()": data_dir(),
        "autosave_path()": autosave_path(),
        **{name: QStandardPaths.writableLocation(getattr(std, name))
           for name in ("AppDataLocation", "AppConfigLocation", "ConfigLocation",
                        "GenericDataLocation", "CacheLocation", "HomeLocation")},
    }
    outside = {k: p for k, p in paths.items() if not Path(p).is_relative_to(private_home)}
    assert not outside, outside
    # a subprocess (what main.py tests start) inherits the private environment
    code = ("import sys; sys.path.insert(0, '.'); from pathlib import Path\n"
            "from PySide6.QtCore import QCoreApplication, QSettings\n"
            "app = QCoreApplication(['t'])\n"
            "from gui.shell.main_window import data_dir\n"
            "print(Path.home()); print(QSettings('GradLab', 'GradLab').fileName());"
            "print(data_dir())")
    proc = run_python(code)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.split()
    assert len(lines) == 3 and all(Path(p).is_relative_to(private_home) for p in lines), lines


# ------------------------------------------------------------------ main.py modes
def test_settings_stay_in_the_test_folder(win, settings_tmp):
    """gapp.settings() ignored the INI default format the tests set, so every test
    wrote recent files, geometry, tab and theme into the real ~/.config file."""
    path = Path(gapp.settings().fileName()).resolve()
    assert settings_tmp.resolve() in path.parents
    win.save_preferences()
    assert path.exists()


def _fresh_home(tmp_path: Path) -> tuple[Path, dict]:
    """A user's HOME with GradLab's preferences and an autosave already in it, and the
    environment main.py would get from that user's desktop (default XDG folders)."""
    home = tmp_path / "home"
    settings = home / ".config" / "GradLab" / "GradLab.conf"  # QSettings' native file
    settings.parent.mkdir(parents=True)
    settings.write_text("[General]\nlanguage=zh_CN\ntheme=dark\nrecentFiles=/nowhere/a.gradlab"
                        "\n\n[window]\ntab=chain\n", encoding="utf-8")
    # data_dir() without GRADLAB_DATA_DIR: Qt's AppDataLocation under ~/.local/share
    autosave = home / ".local" / "share" / "GradLab" / "GradLab" / "autosave.gradlab"
    autosave.parent.mkdir(parents=True)
    autosave.write_text(sessionfile.dumps({"descent": {"function": "x^2 + 5y^2"}},
                                          {"tab": "chain"}), encoding="utf-8")
    env = dict(os.environ, HOME=str(home))
    for key in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "GRADLAB_DATA_DIR",
                "GRADLAB_NO_AUTOSAVE_RESTORE"):
        env.pop(key, None)
    # caches of fontconfig and Mesa, and Qt's runtime folder, are not GradLab's files
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    env["XDG_RUNTIME_DIR"] = str(tmp_path / "runtime")
    (tmp_path / "runtime").mkdir(mode=0o700)
    return home, env


def _tree(folder: Path) -> dict[str, str]:
    """Every file and folder under ``folder`` → the SHA-256 of its bytes ('dir')."""
    out = {}
    for p in sorted(folder.rglob("*")):
        rel = str(p.relative_to(folder))
        out[rel] = "dir" if p.is_dir() else hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def _assert_home_untouched(before: dict[str, str], home: Path, proc) -> None:
    after = _tree(home)
    changed = sorted(k for k in before.keys() & after.keys() if before[k] != after[k])
    added, removed = sorted(after.keys() - before.keys()), sorted(before.keys() - after.keys())
    assert not (changed or added or removed), (
        f"main.py touched the user's files: changed {changed}, added {added}, "
        f"removed {removed}\n{proc.stderr[-2000:]}")


def test_main_screenshot_cli_leaves_the_users_files_alone(tmp_path):
    """--screenshot makes a picture and nothing else: it neither reads nor writes the
    user's autosave, preferences or recent files."""
    home, env = _fresh_home(tmp_path)
    before = _tree(home)
    out = tmp_path / "shot.png"
    proc = subprocess.run([sys.executable, "main.py", "--screenshot", str(out)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    from PySide6.QtGui import QImage

    img = QImage(str(out))
    assert img.width() >= 800 and img.height() >= 500, proc.stderr
    _assert_home_untouched(before, home, proc)
    # the preferences were not read either: the picture is in the default light theme
    # (the settings say dark), judged by the median of a grid of pixels
    light = sorted(img.pixelColor(x, y).lightness()
                   for x in range(5, img.width(), 40) for y in range(5, img.height(), 40))
    assert light[len(light) // 2] > 150, "the picture took the user's dark theme"


def test_main_first_paint_time_leaves_the_users_files_alone(tmp_path):
    home, env = _fresh_home(tmp_path)
    before = _tree(home)
    proc = subprocess.run([sys.executable, "main.py", "--first-paint-time"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    marks = dict(line.split() for line in proc.stdout.splitlines()
                 if line.startswith(("FIRST_PAINT", "LAB_READY")))
    assert set(marks) == {"FIRST_PAINT", "LAB_READY"}, proc.stdout + proc.stderr
    assert float(marks["FIRST_PAINT"]) <= float(marks["LAB_READY"])
    _assert_home_untouched(before, home, proc)


# ------------------------------------------------------------------ export
def test_export_picture_as_svg(win, tmp_path):
    """File → Export picture as SVG raised TypeError (QWidget.render(painter))."""
    from PySide6.QtGui import QImage

    win.show_lab("regression")
    win.build_current_lab()
    path = tmp_path / "lab.svg"
    assert win.export_picture(str(path))
    text = path.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text and "</svg>" in text
    png = tmp_path / "lab.png"
    assert win.export_picture(str(png))
    img = QImage(str(png))
    assert img.width() > 400 and img.height() > 300


# ------------------------------------------------------------------ PySide6 bug
SOAK = r"""
import sys
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(["soak"])
w = QWidget()
before = sys.getrefcount(None)
for i in range(20_000):
    w.setWindowTitle("t")
    w.update()
after = sys.getrefcount(None)
print("refcount of None", before, after)
sys.exit(0 if abs(after - before) < 50 else 3)
"""


def test_void_qt_calls_do_not_corrupt_none_refcount():
    """PySide6 6.12.0 on Python 3.11 decremented None's refcount on every void
    call and aborted with 'none_dealloc' after a few thousand calls.  The calls run
    in a child process, so that abort fails this test instead of ending the run."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", SOAK], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, (proc.returncode, proc.stdout + proc.stderr[-3000:])
    assert "refcount of None" in proc.stdout
