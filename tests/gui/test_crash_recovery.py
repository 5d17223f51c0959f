"""Kill -9 the application after edits; the next start restores everything."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

EDIT = r"""
import sys, time
sys.path.insert(0, ROOT)
from gui.shell import app as gapp
app = gapp.make_app(["gradlab"])
from gui.shell.main_window import MainWindow, autosave_path
w = MainWindow()
w.show()
d = w.labs["descent"]; r = w.labs["regression"]; c = w.labs["chain"]
d.set_function_text("x^2 + 3y^2 - x*y")
d.set_start(2.5, -1.5)
r.set_points([1.0, 2.0, 3.0, 4.5], [2.0, 4.1, 5.9, 9.2])
r.set_degree(2)
w.show_lab("regression")
deadline = time.time() + 30
while time.time() < deadline:
    app.processEvents()
    p = autosave_path()
    if p.exists() and "9.2" in p.read_text() and "3y" in p.read_text():
        break
    time.sleep(0.05)
print("READY", flush=True)
while True:
    app.processEvents()
    time.sleep(0.05)
"""

RESTORE = r"""
import sys, json
sys.path.insert(0, ROOT)
from gui.shell import app as gapp
app = gapp.make_app(["gradlab"])
from gui.shell.main_window import MainWindow
w = MainWindow()
ok = w.restore_autosave()
d = w.labs["descent"]; r = w.labs["regression"]
x, y = r.points()
print(json.dumps({"ok": ok, "function": d.function_text(), "start": list(d.start()),
                  "x": [float(v) for v in x], "y": [float(v) for v in y],
                  "degree": r.fit().degree, "tab": w.current_lab_name()}))
"""


def _env(tmp_path: Path) -> dict:
    env = dict(os.environ)
    env["GRADLAB_DATA_DIR"] = str(tmp_path / "data")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    env["HOME"] = str(tmp_path)
    env.pop("GRADLAB_NO_AUTOSAVE_RESTORE", None)
    return env


@pytest.mark.skipif(not os.environ.get("DISPLAY"), reason="needs a display (Xvfb)")
def test_kill_9_after_edits_then_restart_restores_everything(tmp_path):
    env = _env(tmp_path)
    proc = subprocess.Popen([sys.executable, "-c", f"ROOT={str(ROOT)!r}\n" + EDIT], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 90
        line = ""
        while time.time() < deadline:
            line = proc.stdout.readline()
            if line.startswith("READY") or proc.poll() is not None:
                break
        assert line.startswith("READY"), proc.stderr.read()[-3000:]
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    out = subprocess.run([sys.executable, "-c", f"ROOT={str(ROOT)!r}\n" + RESTORE], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    state = json.loads(out.stdout.strip().splitlines()[-1])
    assert state["ok"] is True
    assert state["function"] == "x^2 + 3y^2 - x*y"
    assert state["start"] == pytest.approx([2.5, -1.5])
    assert state["x"] == [1.0, 2.0, 3.0, 4.5]
    assert state["y"] == [2.0, 4.1, 5.9, 9.2]
    assert state["degree"] == 2
    assert state["tab"] == "regression"
