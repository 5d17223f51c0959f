"""Every field of every lab's saved state, attacked (Qt-free: no display needed).

A saved value of the wrong type, null, NaN, an infinity, a huge number or an
unknown key must either be refused with a StateError naming the field, or (unknown
keys, values a field allows) give a state that checks again to itself.  Nothing
else may be raised."""
from __future__ import annotations

import copy
import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gui.labs.chain import state as chain_state
from gui.labs.descent import state as descent_state
from gui.labs.fields import StateError
from gui.labs.regression import state as regression_state

MODULES = {"descent": descent_state, "regression": regression_state, "chain": chain_state}
# fields where null is a meaningful value
NULLABLE = {"descent": {"stop.value_tol", "steps_of"}, "regression": {"dataset"},
            "chain": set()}


def _default(lab: str) -> dict:
    d = MODULES[lab].validate({})
    if lab == "regression":  # some points, so that the lists have entries to attack
        d["x"], d["y"] = [1.0, 2.0, 3.0], [2.0, 4.5, 5.0]
    if lab == "chain":
        d["neuron"]["history"] = [0.4, 0.3]
    return d


def _leaves(d, prefix=""):
    """(path, container, key) of every leaf of a saved state."""
    items = d.items() if isinstance(d, dict) else enumerate(d)
    for k, v in items:
        path = f"{prefix}.{k}" if isinstance(d, dict) and prefix else (
            str(k) if isinstance(d, dict) else f"{prefix}[{k}]")
        if isinstance(v, (dict, list)) and v:
            yield from _leaves(v, path)
        else:
            yield path, d, k


def _cases():
    for lab in MODULES:
        for path, _c, _k in _leaves(_default(lab)):
            yield lab, path


def _with(lab: str, path: str, value):
    d = _default(lab)
    for p, container, key in _leaves(d):
        if p == path:
            container[key] = value
            return d
    raise KeyError(path)


def _expect_refused(lab: str, path: str, value) -> StateError:
    with pytest.raises(StateError) as info:
        MODULES[lab].validate(_with(lab, path, value))
    err = info.value
    # the error names the field itself, or the list/pair it belongs to
    assert err.field and (err.field == path or path.startswith(
        (err.field + ".", err.field + "["))), (err.field, path)
    return err


def test_defaults_check_to_themselves():
    for lab, mod in MODULES.items():
        d = mod.validate({})
        assert mod.validate(d) == d
        assert json.loads(json.dumps(d)) == d, lab  # plain JSON, nothing else


@pytest.mark.parametrize(("lab", "path"), list(_cases()))
def test_every_field_refuses_bad_values(lab, path):
    original = None
    for p, container, key in _leaves(_default(lab)):
        if p == path:
            original = container[key]
    if path not in NULLABLE[lab]:
        _expect_refused(lab, path, None)
    if isinstance(original, bool):
        for bad in (0, 1, "true", [], {}):
            _expect_refused(lab, path, bad)
    elif isinstance(original, (int, float)):
        for bad in ("1.5", "abc", [], {}, True, math.nan, math.inf, -math.inf, 10 ** 400):
            err = _expect_refused(lab, path, bad)
            assert err.code in ("not_a_number", "not_an_integer", "not_finite",
                                "out_of_range")
        # a huge but finite number: refused, except where any finite value is meaningful
        # (data points; torch.optim's hyperparameters, which the lab's fields accept)
        if path.split("[")[0] not in ("x", "y", "neuron.history") and not (
                path.startswith("hyper.") and not path.endswith("betas")):
            _expect_refused(lab, path, 1e308)
    elif isinstance(original, str):
        for bad in (1, 2.5, [], {}, True, "x" * 100_000):
            _expect_refused(lab, path, bad)
    elif original is None:  # a nullable field: a value of the wrong kind is refused
        for bad in ([], {}, True):
            _expect_refused(lab, path, bad)


@pytest.mark.parametrize("lab", list(MODULES))
def test_unknown_keys_are_ignored_at_every_level(lab):
    d = _default(lab)
    ref = MODULES[lab].validate(copy.deepcopy(d))

    def add_unknown(obj, path=""):
        if isinstance(obj, dict):
            for k, v in obj.items():
                add_unknown(v, k)
            if path not in ("ranges", "start"):  # keyed by variable names, not fields
                obj["zz_unknown"] = {"nested": [1, None, "x"]}

    add_unknown(d)
    assert MODULES[lab].validate(d) == ref


@pytest.mark.parametrize("lab", list(MODULES))
def test_whole_state_of_wrong_type_is_refused(lab):
    for bad in (None, [], "abc", 3, True):
        with pytest.raises(StateError) as info:
            MODULES[lab].validate(bad)
        assert info.value.code == "not_an_object"


def test_the_examples_of_the_issue():
    with pytest.raises(StateError) as info:
        descent_state.validate({"function": "x^2 + y^2", "start": None})
    assert info.value.field == "start"
    with pytest.raises(StateError) as info:
        descent_state.validate({"ranges": "abc"})
    assert (info.value.field, info.value.code) == ("ranges", "not_an_object")
    with pytest.raises(StateError) as info:
        descent_state.validate({"function": "x +* y"})
    assert (info.value.field, info.value.code) == ("function", "invalid_expression")
    with pytest.raises(StateError) as info:
        chain_state.validate({"single": {"f": "x^2"}})  # f is a function of u
    assert (info.value.field, info.value.code) == ("single.f", "invalid_expression")
    with pytest.raises(StateError) as info:
        regression_state.validate({"x": [1.0, 2.0], "y": [1.0]})
    assert info.value.field == "y"


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-10 ** 30, 10 ** 30)
    | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(lab=st.sampled_from(sorted(MODULES)), data=st.data())
def test_any_value_at_any_field_is_refused_or_checks_to_itself(lab, data):
    paths = [p for p, _c, _k in _leaves(_default(lab))]
    path = data.draw(st.sampled_from(paths))
    value = data.draw(JSON)
    try:
        out = MODULES[lab].validate(_with(lab, path, value))
    except StateError as err:
        assert err.field and err.code
        return
    assert MODULES[lab].validate(out) == out
    json.dumps(out, allow_nan=False)  # what is accepted can be saved as strict JSON


@settings(max_examples=100, deadline=None)
@given(lab=st.sampled_from(sorted(MODULES)), value=JSON)
def test_any_document_is_refused_or_checks_to_itself(lab, value):
    try:
        out = MODULES[lab].validate(value)
    except StateError:
        return
    assert MODULES[lab].validate(out) == out
