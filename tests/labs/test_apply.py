"""``apply(state, change)`` of every lab: pure, checked, invertible (Qt-free).

A change maps top-level fields to new values in their saved form.  Every field of
every lab is changed once to a valid new value and once to a refused one."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gui.labs.chain import state as chain_state
from gui.labs.descent import state as descent_state
from gui.labs.fields import StateError
from gui.labs.regression import state as regression_state

MODULES = {"descent": descent_state, "regression": regression_state, "chain": chain_state}
STATES = {"descent": descent_state.DescentState, "regression": regression_state.RegressionState,
          "chain": chain_state.ChainState}

# for each lab and top-level field: a valid new value and a refused one, saved form
CHANGES = {
    "descent": {
        "function": ("x^2 + 3y^2", "x +* y"),
        "ranges": ({"x": [-2.0, 2.0], "y": [0.0, 1.0]}, {"x": [2.0, -2.0]}),
        "start": ({"x": 1.5, "y": -0.5}, {"x": float("nan")}),
        "selected": (["gd", "adam"], ["sgd-with-a-typo"]),
        "hyper": ({"adam": {"lr": 0.02}}, {"adam": {"lr": -1.0}}),
        "stop": ({"max_steps": 10}, {"max_steps": 0}),
        "log_color": (True, "yes"),
        "preset": ("himmelblau", "no-such-preset"),
        "cursor": (3, -1),
        "steps_of": ("adam", "lbfgs"),
    },
    "regression": {
        "x": ([4.0, 5.0, 6.0], [1.0, None]),
        "y": ([7.0, 8.0, 9.5], "1, 2"),
        "dataset": ("chapter_heights", 5),
        "degree": (2, 99),
        "my_line": ([1.5, -2.0], [1.0]),
        "axes": (["体重", "身高"], ["x", 3]),
        "view": ({"squares": True}, {"squares": "on"}),
        "descent": ({"lr": 0.01}, {"optimizer": "newton"}),
    },
    "chain": {
        "section": ("neuron", "appendix"),
        "single": ({"x": 0.7}, {"f": "sin("}),
        "multi": ({"wrt": "y"}, {"wrt": "z"}),
        "vector": ({"dx": -0.1, "dy": 0.2}, {"dx": float("inf")}),
        "neuron": ({"activation": "tanh", "eta": 0.1}, {"eta": 11.0}),
    },
}


def _cases(which: int):
    for lab, changes in CHANGES.items():
        for field, values in changes.items():
            yield pytest.param(lab, field, values[which], id=f"{lab}.{field}")


def test_every_field_has_a_case():
    for lab, cls in STATES.items():
        assert set(CHANGES[lab]) == set(cls.field_names()), lab


def _holds(saved, part) -> bool:
    """``saved`` has every value that ``part`` names (recursively)."""
    if isinstance(part, dict):
        return all(k in saved and _holds(saved[k], v) for k, v in part.items())
    return saved == part


def _base(lab: str):
    """The default state; the regression lab's with three points."""
    state = STATES[lab]()
    return state.apply({"x": [1.0, 2.0, 3.0], "y": [2.0, 4.5, 5.0]}) \
        if lab == "regression" else state


@pytest.mark.parametrize(("lab", "field", "value"), list(_cases(0)))
def test_a_valid_change_sets_that_field_only(lab, field, value):
    before = _base(lab)
    kept_before = before.to_dict()
    after = MODULES[lab].apply(before, {field: value})
    saved_before, saved_after = before.to_dict(), after.to_dict()
    # the field holds the new value (a partial object changes only what it names)
    if isinstance(value, dict):
        assert _holds(saved_after[field], value)
        kept = {k: v for k, v in saved_before[field].items() if k not in value}
        assert {k: saved_after[field][k] for k in kept} == kept
    else:
        assert saved_after[field] == value
    # every other field is as it was, and the old state is untouched (pure)
    others = set(saved_before) - {field}
    assert {k: saved_after[k] for k in others} == {k: saved_before[k] for k in others}
    assert before.to_dict() == kept_before
    assert field in after.changed_fields(before)


@pytest.mark.parametrize(("lab", "field", "value"), list(_cases(1)))
def test_a_refused_change_raises_and_changes_nothing(lab, field, value):
    before = _base(lab)
    with pytest.raises(StateError) as info:
        MODULES[lab].apply(before, {field: value})
    assert info.value.field.split(".")[0].split("[")[0] == field
    assert before == _base(lab)


@pytest.mark.parametrize("lab", list(MODULES))
def test_an_unknown_field_is_refused(lab):
    with pytest.raises(StateError) as info:
        MODULES[lab].apply(STATES[lab](), {"colour_scheme": "pink"})
    assert (info.value.field, info.value.code) == ("colour_scheme", "unknown_field")
    with pytest.raises(StateError) as info:
        MODULES[lab].apply(STATES[lab](), ["not", "a", "change"])
    assert info.value.code == "not_an_object"


def test_partial_changes_keep_the_rest_of_the_object():
    s = descent_state.DescentState()
    s2 = s.apply({"hyper": {"adam": {"lr": 0.02}}})
    h = s2.to_dict()["hyper"]
    assert h["adam"]["lr"] == 0.02
    assert h["adam"]["betas"] == s.to_dict()["hyper"]["adam"]["betas"]
    assert h["gd"] == s.to_dict()["hyper"]["gd"]
    s3 = s2.apply({"stop": {"grad_tol": 1e-3}}).apply({"stop": {"max_steps": 10}})
    assert (s3.stop.grad_tol, s3.stop.max_steps) == (1e-3, 10)
    r = regression_state.RegressionState().apply({"view": {"squares": True}})
    r = r.apply({"view": {"residuals": False}}).apply({"descent": {"lr": 0.5}})
    r = r.apply({"descent": {"max_steps": 7}})
    assert dict(r.view) == {"residuals": False, "squares": True, "my_line": True}
    assert (r.descent.lr, r.descent.max_steps) == (0.5, 7)
    c = chain_state.ChainState().apply({"single": {"x": 0.7}})
    assert c.single.x == 0.7 and c.single.f == "u^2" and c.single.dx == 0.8
    assert c.changed_fields(chain_state.ChainState()) == {"single", "single.x"}


@pytest.mark.parametrize(("lab", "field", "value"), list(_cases(0)))
def test_the_inverse_change_restores_the_state(lab, field, value):
    before = _base(lab)
    change = {field: value}
    after = before.apply(change)
    assert after != before
    assert after.apply(before.inverse(change)) == before


@settings(max_examples=60, deadline=None)
@given(x0=st.floats(-1e6, 1e6), y0=st.floats(-1e6, 1e6),
       eta=st.floats(1e-6, 10.0), degree=st.integers(0, 6))
def test_any_valid_sequence_of_changes_undoes_in_reverse(x0, y0, eta, degree):
    s0 = descent_state.DescentState()
    steps = [{"start": {"x": x0, "y": y0}}, {"hyper": {"gd": {"lr": eta}}},
             {"ranges": {"x": [-1.0, 1.0], "y": [-2.0, 2.0]}}]
    states, inverses = [s0], []
    for c in steps:
        inverses.append(states[-1].inverse(c))
        states.append(states[-1].apply(c))
    s = states[-1]
    for inv in reversed(inverses):
        s = s.apply(inv)
    assert s == s0
    r = regression_state.RegressionState()
    assert r.apply({"degree": degree}).apply(r.inverse({"degree": degree})) == r
