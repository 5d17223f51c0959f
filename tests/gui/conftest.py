"""Fixtures shared by the GUI tests."""
from __future__ import annotations

import pytest


@pytest.fixture
def make_descent_lab(qtbot, qapp, settings_tmp):
    """Build a shown DescentLab on its own Session; stops its timers afterwards."""
    from gui.descent_lab import DescentLab
    from gui.session import Session

    made = []

    def make(width: int = 1400, height: int = 900):
        session = Session()
        w = DescentLab(session)
        qtbot.addWidget(w)
        w.resize(width, height)
        w.show()
        qtbot.waitExposed(w)
        w._session_ref = session
        made.append((w, session))
        return w

    yield make
    for w, session in made:
        w.cursor.pause()
        w._basin_timer.stop()
        session.undo_stack.blockSignals(True)


def type_function(qtbot, lab, text: str) -> None:
    """Type a function into the Descent Lab's editor and wait for the debounce."""
    lab.editor.clear()
    qtbot.keyClicks(lab.editor, text)
    qtbot.wait(lab.DEBOUNCE_MS + 150)
