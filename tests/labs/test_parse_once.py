"""A new function is parsed once (sympy's differentiation and lambdify are the
slow part of an edit): validating the saved state, applying the edit and
computing the results share one parse (core.expression.parse_cached)."""
from __future__ import annotations

import pytest

import core.expression as expression
from core.expression import ExpressionError, parse_cached
from gui.labs.descent import results
from gui.labs.descent.state import DescentState
from gui.labs.fields import StateError


@pytest.fixture
def lambdified(monkeypatch):
    """How many functions sympy compiled (every parse compiles f and ∇f)."""
    calls: list[int] = []
    real = expression._lambdify

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(expression, "_lambdify", counting)
    return calls


def test_an_edit_of_the_function_parses_it_once(lambdified):
    parse_cached(DescentState().function)      # the default, as at start-up
    lambdified.clear()
    expression.parse("x^2 + 5y^2 + 0.75xy")   # one parse, for the count
    one_parse = len(lambdified)
    assert one_parse > 0
    lambdified.clear()
    text = "x^2 + 3y^2 + 0.25xy"          # not parsed before in this test run
    state = DescentState().apply({"function": text})
    undo = state.apply({"function": DescentState().function})   # the inverse edit
    res = results.compute(state)
    assert len(lambdified) == one_parse
    assert undo.function == DescentState().function
    assert res.objective.text == text


def test_the_cache_gives_the_same_objective_and_still_refuses_bad_text():
    a = parse_cached("sin(x) + y^4 + 0.5")
    assert parse_cached("sin(x) + y^4 + 0.5") is a
    assert a.value(0.0, 1.0) == pytest.approx(1.5)
    for _ in range(2):
        with pytest.raises(ExpressionError):
            parse_cached("x +* y")
    with pytest.raises(StateError):
        DescentState().apply({"function": "x +* y"})


def test_the_cache_forgets_old_texts():
    first = parse_cached("x^2 + 7")
    for i in range(expression.PARSE_CACHE_SIZE):
        parse_cached(f"x^2 + {i + 100}")
    assert parse_cached("x^2 + 7") is not first
