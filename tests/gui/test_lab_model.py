"""LabModel and EditCommand (gui/labs/model.py): the one way a lab's state changes."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from gui.labs import commands
from gui.labs.chain.state import ChainState
from gui.labs.descent.state import DescentState
from gui.labs.model import EditCommand, LabModel


@pytest.fixture
def model(qapp):
    m = LabModel("descent", DescentState())
    seen: list[frozenset] = []
    m.changed.connect(seen.append)
    m.seen = seen
    return m


@pytest.fixture
def stack(qapp):
    return QUndoStack()


def test_apply_announces_the_fields_that_changed(model):
    assert model.apply({"start": {"x": 1.0, "y": 2.0}}) == {"start"}
    assert model.seen == [frozenset({"start"})]
    assert model.state.to_dict()["start"] == {"x": 1.0, "y": 2.0}
    # the same value again changes nothing and says nothing
    assert model.apply({"start": {"x": 1.0, "y": 2.0}}) == frozenset()
    assert len(model.seen) == 1


def test_nested_fields_are_named(qapp):
    m = LabModel("chain", ChainState())
    got = []
    m.changed.connect(got.append)
    m.apply({"single": {"x": 0.25}})
    assert got == [frozenset({"single", "single.x"})]


def test_edit_command_undo_redo(model, stack):
    stack.push(EditCommand(model, {"function": "x^2 + y^2"}, "Edit f"))
    stack.push(EditCommand(model, {"start": {"x": 3.0, "y": 2.0}}, "Move start point"))
    assert model.state.function == "x^2 + y^2"
    assert stack.undoText() == "Move start point"
    stack.undo()
    assert dict(model.state.start) == {"x": 0.5, "y": 0.5}
    stack.undo()
    assert model.state == DescentState()
    stack.redo()
    stack.redo()
    assert model.state.function == "x^2 + y^2" and dict(model.state.start) == {"x": 3.0,
                                                                                "y": 2.0}
    assert model.seen[-1] == {"start"}


def test_mergeable_edits_of_one_field_are_one_undo_entry(model, stack):
    for eta in (0.2, 0.3, 0.4):
        stack.push(EditCommand(model, {"hyper": {"gd": {"lr": eta}}}, f"η = {eta}",
                               merge=True))
    assert stack.count() == 1 and stack.undoText() == "η = 0.4"
    # another field does not merge, nor does an edit made without merge=True
    stack.push(EditCommand(model, {"log_color": True}, "Log colours", merge=True))
    stack.push(EditCommand(model, {"hyper": {"gd": {"lr": 0.5}}}, "η = 0.5"))
    assert stack.count() == 3
    stack.undo()
    stack.undo()
    stack.undo()
    assert model.state == DescentState()


def test_merging_back_to_the_start_leaves_no_entry(model, stack):
    lr = model.state.to_dict()["hyper"]["gd"]["lr"]
    stack.push(EditCommand(model, {"hyper": {"gd": {"lr": 0.7}}}, "η", merge=True))
    stack.push(EditCommand(model, {"hyper": {"gd": {"lr": lr}}}, "η", merge=True))
    assert stack.count() == 0 and model.state == DescentState()


def test_a_refused_change_is_reported_and_changes_nothing(model, stack, monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(commands, "on_error", said.append)
    stack.push(EditCommand(model, {"start": {"x": float("nan")}}, "Move start point"))
    assert model.state == DescentState() and model.seen == []
    assert stack.count() == 0  # no entry for an edit that was not done
    assert len(said) == 1 and "Move start point" in said[0] and "start.x" in said[0]
    assert "Gradient Descent" in said[0]


def test_a_drag_is_previewed_live_and_committed_as_one_entry(model, stack):
    for x in (1.0, 1.5, 2.0):
        model.preview({"start": {"x": x, "y": 0.5}})
    assert model.previewing() and stack.count() == 0
    assert dict(model.state.start)["x"] == 2.0 and len(model.seen) == 3
    command = model.commit_preview("Move start point", stack.push)
    assert command is not None and stack.count() == 1 and not model.previewing()
    assert dict(model.state.start)["x"] == 2.0
    stack.undo()
    assert model.state == DescentState()
    stack.redo()
    assert dict(model.state.start)["x"] == 2.0


def test_a_drag_that_ends_where_it_began_adds_nothing(model, stack):
    model.preview({"start": {"x": 1.0, "y": 0.5}})
    model.preview({"start": {"x": 0.5, "y": 0.5}})
    assert model.commit_preview("Move start point", stack.push) is None
    assert stack.count() == 0


def test_a_cancelled_drag_goes_back(model, stack):
    model.preview({"start": {"x": 4.0, "y": 0.5}})
    model.cancel_preview()
    assert model.state == DescentState() and stack.count() == 0
    assert model.seen[-1] == {"start"}


def test_an_edit_that_changes_nothing_leaves_no_entry(model, stack):
    stack.push(EditCommand(model, {"log_color": False}, "Log colours"))
    assert stack.count() == 0 and model.seen == []
    stack.push(EditCommand(model, {"log_color": True}, "Log colours"))
    assert stack.count() == 1
