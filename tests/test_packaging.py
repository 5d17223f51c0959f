"""The double-click build: PyInstaller one-folder app, smoke-run with --screenshot.

It takes about a minute, so it runs in CI (CI=true) or when
GRADLAB_TEST_PACKAGING=1, and is skipped otherwise with that reason.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WANTED = os.environ.get("CI", "").lower() in ("1", "true", "yes") or \
    os.environ.get("GRADLAB_TEST_PACKAGING") == "1"


def test_gui_entry_point_and_desktop_file():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert meta["project"]["gui-scripts"]["gradlab"] == "main:main"
    desktop = (ROOT / "packaging" / "gradlab.desktop").read_text(encoding="utf-8")
    assert "Exec=gradlab" in desktop and "Name[zh_CN]=梯度实验室" in desktop
    assert (ROOT / "resources" / "icons" / "gradlab.svg").exists()


@pytest.mark.slow
@pytest.mark.skipif(not WANTED, reason="PyInstaller build runs in CI (set CI=true or "
                                       "GRADLAB_TEST_PACKAGING=1 to run it here)")
def test_pyinstaller_one_folder_build_runs(tmp_path):
    if not os.environ.get("DISPLAY"):
        pytest.skip("no display to smoke-run the frozen app")
    dist, work = tmp_path / "dist", tmp_path / "work"
    exe = Path(sys.executable).with_name("pyinstaller")
    build = subprocess.run([str(exe), str(ROOT / "packaging" / "gradlab.spec"), "--noconfirm",
                            "--distpath", str(dist), "--workpath", str(work)],
                           cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert build.returncode == 0, build.stderr[-3000:]
    app = dist / "gradlab" / ("gradlab.exe" if os.name == "nt" else "gradlab")
    assert app.exists()
    shot = tmp_path / "frozen.png"
    env = dict(os.environ, GRADLAB_DATA_DIR=str(tmp_path / "data"))
    run = subprocess.run([str(app), "--screenshot", str(shot), "--tab", "regression"],
                         capture_output=True, text=True, timeout=180, env=env)
    assert run.returncode == 0, run.stderr[-3000:]
    assert shot.stat().st_size > 10_000


def test_ci_ends_with_the_readme_test_command():
    """.ci/run may do more first, but what it finally runs is what the README says."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "uv run pytest       # run all tests" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [ln.strip() for ln in ci.splitlines()
                if ln.strip() and not ln.lstrip().startswith("#")]
    assert commands[-1] == "uv run pytest"
    assert os.access(ROOT / ".ci" / "run", os.X_OK)
