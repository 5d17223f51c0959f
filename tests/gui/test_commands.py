"""Undo commands never let an exception out of redo()/undo() (on Python 3.11 PySide6
crashes with SIGSEGV on one): a failed edit is reported, the state stays as it was
and no entry is left on the undo stack."""
from __future__ import annotations

import sys

import pytest

from gui.labs import commands
from gui.labs.commands import CallbackCommand, SetValueCommand
from gui.shell.session import Session


class Box:
    """A value whose setter fails half-way for some values (after changing it)."""

    def __init__(self, value):
        self.value = value

    def set(self, v):
        self.value = v
        if v == "boom":
            raise RuntimeError("setter exploded")


@pytest.fixture
def excepthook_calls(monkeypatch):
    calls = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc: calls.append(exc))
    return calls


def test_a_failing_push_changes_nothing_and_leaves_no_entry(qtbot, qapp, excepthook_calls):
    session = Session()
    box = Box(1)
    messages = []
    session.push(SetValueCommand(box.set, 1, 2, "set 2", report=messages.append))
    assert box.value == 2 and session.undo_stack.count() == 1
    with qtbot.capture_exceptions() as caught:
        session.push(SetValueCommand(box.set, 2, "boom", "set boom", report=messages.append))
    assert caught == [] and excepthook_calls == []
    assert box.value == 2                      # the old value is back
    assert session.undo_stack.count() == 1     # no entry for the failed edit
    assert session.undo_stack.index() == 1
    assert len(messages) == 1 and "set boom" in messages[0] and "setter exploded" in messages[0]
    session.undo_stack.undo()                  # the stack still works
    assert box.value == 1


def test_a_failed_edit_does_not_merge_into_the_previous_one(qtbot, qapp, excepthook_calls):
    session = Session()
    box = Box(0)
    session.push(SetValueCommand(box.set, 0, 1, "drag", merge_id=7))
    with qtbot.capture_exceptions() as caught:
        session.push(SetValueCommand(box.set, 1, "boom", "drag", merge_id=7))
    assert caught == [] and excepthook_calls == []
    assert box.value == 1 and session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert box.value == 0
    session.undo_stack.redo()
    assert box.value == 1                      # the merged command kept new = 1


def test_failing_undo_and_redo_restore_the_state_and_drop_the_entry(qtbot, qapp,
                                                                    excepthook_calls):
    session = Session()
    box = Box("boom-free")
    reported = []
    commands_on_error = commands.on_error
    commands.on_error = reported.append  # no report= given: the module hook is used
    try:
        session.push(SetValueCommand(box.set, "boom", "fine", "edit"))
        assert box.value == "fine" and session.undo_stack.count() == 1
        with qtbot.capture_exceptions() as caught:
            session.undo_stack.undo()          # undo sets "boom": fails
        assert caught == [] and excepthook_calls == []
        assert box.value == "fine"
        assert session.undo_stack.count() == 0
        assert len(reported) == 1
    finally:
        commands.on_error = commands_on_error


def test_callback_command_puts_the_snapshot_back(qtbot, qapp, excepthook_calls):
    session = Session()
    data = [1, 2, 3]

    def do():
        data.append(4)
        raise ValueError("refresh failed after the change")

    with qtbot.capture_exceptions() as caught:
        session.push(CallbackCommand(do, lambda: data.pop(), "add 4",
                                     snapshot=lambda: list(data),
                                     restore=lambda snap: data.__setitem__(slice(None), snap)))
    assert caught == [] and excepthook_calls == []
    assert data == [1, 2, 3]
    assert session.undo_stack.count() == 0


def test_a_lab_edit_whose_refresh_raises_is_refused_not_crashed(qtbot, make_regression_lab,
                                                                excepthook_calls):
    """The real widget: a refresh that raises while a table edit is applied."""
    lab = make_regression_lab()
    stack = lab.session_ref.undo_stack
    before = lab.points()
    count = stack.count()
    messages = []
    lab.session_ref.status.connect(messages.append)

    def broken(*_a, **_k):
        raise RuntimeError("view broke")

    lab._refresh_curves = broken  # the refresh a model change triggers (a slot)
    with qtbot.capture_exceptions() as caught:
        assert lab.table_model.setData(lab.table_model.index(0, 1), "170")
    del lab._refresh_curves
    assert caught == [] and excepthook_calls == []
    after = lab.points()
    assert after[0].tolist() == before[0].tolist() and after[1].tolist() == before[1].tolist()
    assert stack.count() == count
    assert messages and "view broke" in messages[-1]
