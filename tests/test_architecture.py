"""The layers: core/ is the Qt-free numerical engine, and the labs' saved states
(gui/labs/fields.py, gui/labs/<lab>/state.py) are Qt-free too; import-linter
contracts in pyproject.toml enforce both."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support import run_python

ROOT = Path(__file__).resolve().parent.parent


def test_import_linter_contract_kept():
    exe = Path(sys.executable).with_name("lint-imports")
    proc = subprocess.run([str(exe), "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "core is the Qt-free numerical engine KEPT" in proc.stdout
    for name in ("the labs' saved states are Qt-free", "the labs never import each other",
                 "gui layers: shell above labs above shared parts"):
        assert f"{name} KEPT" in proc.stdout, name


def test_core_imports_without_qt():
    code = ("import sys; import core.expression, core.optimizers, core.descent, "
            "core.regression, core.chain, core.datasets; "
            "bad = [m for m in sys.modules if m.split('.')[0] in "
            "('PySide6', 'pyqtgraph', 'OpenGL', 'gui')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    proc = run_python(code)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_lab_states_import_without_qt():
    code = ("import sys; import gui.labs.fields, gui.labs.descent.state, "
            "gui.labs.regression.state, gui.labs.chain.state; "
            "bad = [m for m in sys.modules if m.split('.')[0] in "
            "('PySide6', 'pyqtgraph', 'OpenGL', 'shiboken6')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    proc = run_python(code)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_lab_state_tests_run_without_qt_or_a_display():
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["GRADLAB_ASSERT_NO_QT"] = "1"
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "-p", "no:pytest-qt", "-p", "no:xvfb", "-p", "no:randomly",
                           "tests/labs"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert " passed" in proc.stdout and "Qt was imported" not in proc.stdout
