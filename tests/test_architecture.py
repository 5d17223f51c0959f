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


# -- the size of the house (issue 10): files, classes, colour literals --------------
MAX_FILE_LINES = 450
MAX_CLASS_METHODS = 40
_COLOUR_LITERAL = r"""["']#[0-9a-fA-F]{3,8}["']|QColor\(\s*\d"""
_SOURCES = sorted(p for top in ("core", "gui") for p in (ROOT / top).rglob("*.py"))


def test_sources_are_found():
    names = {p.relative_to(ROOT).as_posix() for p in _SOURCES}
    assert {"core/chain.py", "gui/shell/main_window.py", "gui/labs/descent/lab.py"} <= names


def test_no_source_file_is_over_450_lines():
    long = {p.relative_to(ROOT).as_posix(): n for p in _SOURCES
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_FILE_LINES}
    assert long == {}


def test_no_class_has_over_40_methods():
    import ast

    big = {}
    for p in _SOURCES:
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                n = sum(isinstance(b, ast.FunctionDef | ast.AsyncFunctionDef)
                        for b in node.body)
                if n > MAX_CLASS_METHODS:
                    big[f"{p.relative_to(ROOT).as_posix()}:{node.name}"] = n
    assert big == {}


def test_colour_literals_live_only_in_the_theme():
    import re

    literal = re.compile(_COLOUR_LITERAL)
    found = [f"{p.relative_to(ROOT).as_posix()}:{i}"
             for p in _SOURCES if "gui/theme" not in p.as_posix()
             for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if literal.search(line)]
    assert found == []


def test_colour_literal_check_sees_a_literal():
    import re

    literal = re.compile(_COLOUR_LITERAL)
    assert literal.search('bg = "#1e2024"') and literal.search("QColor(30, 32, 36)")
    assert not literal.search('theme.colour("plot.background")')
