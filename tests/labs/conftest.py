"""tests/labs: the labs' Qt-free states.  These tests need no display, and when run
with ``GRADLAB_ASSERT_NO_QT=1`` (tests/test_architecture.py does, with the Qt
plugins off) the run fails if anything imported PySide6."""
from __future__ import annotations

import os
import sys

import pytest


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if os.environ.get("GRADLAB_ASSERT_NO_QT"):
        qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6",
                                                                  "pyqtgraph"))
        if qt:
            print(f"\nQt was imported by the Qt-free tests: {qt[:5]}")
            session.exitstatus = pytest.ExitCode.TESTS_FAILED
