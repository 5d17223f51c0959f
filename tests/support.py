"""Small helpers shared by the tests."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_python(code: str, *args: str, timeout: float = 120,
               **kwargs) -> subprocess.CompletedProcess[str]:
    """Run ``python -c code args...`` in the project root (the environment is
    inherited: the private HOME of tests/conftest.py included)."""
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, **kwargs)
