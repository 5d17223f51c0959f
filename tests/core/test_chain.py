"""Tests for core.chain: reverse mode vs sympy vs central finite differences."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from dataclasses import FrozenInstanceError
from pathlib import Path

import numpy as np
import pytest
import sympy as sp
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import core.chain as chain
from core.chain import (
    ACTIVATIONS,
    STATUSES,
    Graph,
    Neuron,
    Node,
    activation_derivative,
    activation_value,
    single_chain,
    symbolic_gradient,
    symbolic_neuron,
    two_path_chain,
)
from core.expression import parse
from tests.core.work_meter import UnboundedPower, exact_power_meter, hang_guard

ROOT = Path(__file__).resolve().parents[2]

ALL_NODES = ["w1", "x1", "w2", "x2", "b", "t", "p1", "p2", "z", "y", "C"]


def fd_grad(neuron: Neuron, h: float = 1e-6) -> dict[str, float]:
    out = {}
    for name in ("w1", "w2", "b", "x1", "x2", "t"):
        v = getattr(neuron, name)
        plus = Neuron(**{**_fields(neuron), name: v + h}).cost
        minus = Neuron(**{**_fields(neuron), name: v - h}).cost
        out[name] = (plus - minus) / (2 * h)
    return out


def _fields(n: Neuron) -> dict:
    return dict(w1=n.w1, w2=n.w2, b=n.b, x1=n.x1, x2=n.x2, t=n.t, activation=n.activation)


CASES = [
    Neuron(0.5, -0.3, 0.1, 1.0, 2.0, 1.0, "sigmoid"),
    Neuron(1.2, 0.7, -0.4, 0.3, -1.1, 0.2, "sigmoid"),
    Neuron(0.5, -0.3, 0.1, 1.0, 2.0, 1.0, "tanh"),
    Neuron(-2.0, 0.25, 0.9, 0.6, 1.5, -0.5, "tanh"),
    Neuron(0.8, 0.4, 0.2, 1.0, 0.5, 2.0, "relu"),
    Neuron(-0.8, 0.4, 0.2, 1.0, 0.5, 2.0, "relu"),  # z < 0: dead
    Neuron(1.5, -2.0, 0.3, 0.7, 0.2, 1.0, "identity"),
]


@pytest.mark.parametrize("neuron", CASES, ids=lambda n: n.activation)
def test_forward_values(neuron):
    v = neuron.forward()
    assert list(v) == ALL_NODES
    z = neuron.w1 * neuron.x1 + neuron.w2 * neuron.x2 + neuron.b
    assert math.isclose(v["z"], z, rel_tol=1e-14, abs_tol=1e-15)
    a = {
        "sigmoid": 1 / (1 + math.exp(-z)),
        "tanh": math.tanh(z),
        "relu": max(0.0, z),
        "identity": z,
    }[neuron.activation]
    assert math.isclose(v["y"], a, rel_tol=1e-14, abs_tol=1e-15)
    assert math.isclose(v["C"], 0.5 * (neuron.t - a) ** 2, rel_tol=1e-13, abs_tol=1e-15)


@pytest.mark.parametrize("neuron", CASES, ids=lambda n: n.activation)
def test_reverse_mode_matches_sympy_and_finite_differences(neuron):
    adj = neuron.backward()
    assert set(adj) == set(ALL_NODES) and adj["C"] == 1.0
    sym = symbolic_gradient(neuron)
    fd = fd_grad(neuron)
    for name in ("w1", "w2", "b", "x1", "x2", "t"):
        assert abs(adj[name] - sym[name]) <= 1e-12 * max(1.0, abs(sym[name])), name
        assert abs(adj[name] - fd[name]) <= 1e-7, name
    # internal adjoints follow the chain rule by hand
    v = neuron.forward()
    assert math.isclose(adj["y"], v["y"] - neuron.t, rel_tol=1e-15, abs_tol=1e-300)
    da = activation_derivative(neuron.activation, v["z"])
    assert math.isclose(adj["z"], adj["y"] * da, rel_tol=1e-15, abs_tol=1e-300)
    assert adj["p1"] == adj["p2"] == adj["b"] == adj["z"]
    assert math.isclose(adj["w1"], adj["z"] * neuron.x1, rel_tol=1e-15, abs_tol=1e-300)


@settings(max_examples=60, deadline=None)
@given(
    vals=st.lists(st.floats(-3, 3, allow_nan=False), min_size=6, max_size=6),
    activation=st.sampled_from(ACTIVATIONS),
)
def test_property_reverse_mode_equals_symbolic(vals, activation):
    n = Neuron(*vals, activation=activation)
    z = n.forward()["z"]
    assume(activation != "relu" or abs(z) > 1e-3)
    adj = n.backward()
    sym = symbolic_gradient(n)
    for name in ("w1", "w2", "b"):
        assert abs(adj[name] - sym[name]) <= 1e-12 * max(1.0, abs(sym[name]))


def test_symbolic_neuron_expression():
    syms, cost = symbolic_neuron("sigmoid")
    z = syms["w1"] * syms["x1"] + syms["w2"] * syms["x2"] + syms["b"]
    expected = sp.Rational(1, 2) * (syms["t"] - 1 / (1 + sp.exp(-z))) ** 2
    assert sp.simplify(cost - expected) == 0
    rs, relu_cost = symbolic_neuron("relu")
    assert relu_cost.has(sp.Piecewise)
    zr = rs["w1"] * rs["x1"] + rs["w2"] * rs["x2"] + rs["b"]
    # relu agrees with max(0, z) everywhere; at the kink its derivative is 0
    # (the reverse-mode convention), not sympy's Heaviside(0) = 1/2
    for zval in (-2.0, -0.5, 0.0, 0.25, 3.0):
        vals = {rs["w1"]: 1.0, rs["x1"]: zval, rs["w2"]: 0.0, rs["x2"]: 1.0, rs["b"]: 0.0,
                rs["t"]: 1.0}
        assert float(zr.subs(vals)) == zval
        assert float(relu_cost.subs(vals)) == 0.5 * (1.0 - max(0.0, zval)) ** 2
    d = sp.diff(relu_cost, rs["b"]).subs({rs["w1"]: 1.0, rs["x1"]: 0.0, rs["w2"]: 0.0,
                                           rs["x2"]: 1.0, rs["b"]: 0.0, rs["t"]: 1.0})
    assert float(d) == 0.0


def test_relu_kink_reverse_mode_and_symbolic_agree():
    n = Neuron(w1=1.0, w2=-0.5, b=0.0, x1=1.0, x2=2.0, t=1.0, activation="relu")
    assert n.forward()["z"] == 0.0
    adj, sym = n.backward(), symbolic_gradient(n)
    for name in ("w1", "w2", "b"):
        assert adj[name] == sym[name] == 0.0


def test_backward_steps_walk_the_graph():
    n = Neuron(0.5, -0.3, 0.1, 1.0, 2.0, 1.0, "sigmoid")
    steps = n.backward_steps()
    adj = n.backward()
    assert steps[0].node == "C" and steps[0].consumer is None and steps[0].adjoint == 1.0
    assert [s.node for s in steps] == ["C", "y", "t", "z", "p1", "p2", "b", "w1", "x1", "w2", "x2"]
    seen_complete = {"C"}
    for s in steps[1:]:
        # the upstream adjoint is final before it is used
        assert s.consumer in seen_complete
        assert s.upstream == adj[s.consumer]
        assert math.isclose(s.product, s.upstream * s.local_derivative, rel_tol=1e-15)
        assert s.local_formula.startswith(f"∂{s.consumer}/∂{s.node}")
        if s.complete:
            assert s.adjoint == adj[s.node]
            seen_complete.add(s.node)
    assert seen_complete == set(ALL_NODES)
    by_node = {s.node: s for s in steps}
    assert by_node["z"].local_derivative == pytest.approx(0.25)  # σ'(0) = 1/4
    assert "σ" in by_node["z"].local_formula
    assert by_node["w1"].local_formula == "∂p1/∂w1 = x1"


def test_backward_steps_shared_node_accumulates():
    g = Graph(
        [
            Node("a", "input"),
            Node("b", "input"),
            Node("m", "mul", ("a", "a")),
            Node("s", "add", ("m", "a", "b")),
            Node("o", "mul", ("s", "a")),
        ],
        "o",
    )
    v = g.forward({"a": 2.0, "b": 3.0})
    assert v["o"] == 18.0  # (a² + a + b)·a
    adj = g.backward(v)
    assert adj["a"] == 3 * 4 + 2 * 2 + 3  # d/da (a³ + a² + ab) = 3a² + 2a + b = 19
    steps = g.backward_steps(v)
    a_steps = [s for s in steps if s.node == "a"]
    assert len(a_steps) == 4  # o, s, and m twice (a·a)
    assert [s.complete for s in a_steps] == [False, False, False, True]
    assert a_steps[-1].adjoint == 19.0
    assert math.isclose(sum(s.product for s in a_steps), 19.0)


def test_graph_validation():
    with pytest.raises(ValueError):
        Graph([Node("a", "mul", ("b", "c"))], "a")
    with pytest.raises(ValueError):
        Graph([Node("a", "input"), Node("s", "sigmoid", ("a", "a"))], "s")
    with pytest.raises(ValueError):
        Graph([Node("a", "input"), Node("a", "input")], "a")
    with pytest.raises(ValueError):
        Graph([Node("a", "input"), Node("s", "softmax", ("a",))], "s")


def test_gd_step_is_immutable_and_descends():
    n = Neuron(0.5, -0.3, 0.1, 1.0, 2.0, 1.0, "sigmoid")
    g = n.gradient()
    m = n.gd_step(0.5)
    assert (n.w1, n.w2, n.b) == (0.5, -0.3, 0.1)
    assert m.w1 == 0.5 - 0.5 * g["w1"]
    assert m.w2 == -0.3 - 0.5 * g["w2"]
    assert m.b == 0.1 - 0.5 * g["b"]
    assert (m.x1, m.x2, m.t, m.activation) == (n.x1, n.x2, n.t, n.activation)
    assert m.cost < n.cost
    with pytest.raises(FrozenInstanceError):
        n.w1 = 2.0  # type: ignore[misc]
    cur = n
    for _ in range(200):
        cur = cur.gd_step(1.0)
    assert cur.cost < 1e-3


def test_neuron_validation():
    with pytest.raises(ValueError):
        Neuron(1, 1, 1, 1, 1, 1, "softplus")
    with pytest.raises(ValueError):
        Neuron(math.nan, 1, 1, 1, 1, 1)


def test_activation_helpers():
    assert activation_value("sigmoid", 0.0) == 0.5
    assert activation_value("sigmoid", -800.0) == 0.0  # no overflow
    assert activation_value("sigmoid", 800.0) == 1.0
    assert activation_derivative("relu", 0.0) == 0.0
    assert activation_derivative("relu", 1e-9) == 1.0
    for a in ACTIVATIONS:
        for z in (-1.3, 0.4, 2.2):
            h = 1e-6
            fd = (activation_value(a, z + h) - activation_value(a, z - h)) / (2 * h)
            assert abs(fd - activation_derivative(a, z)) < 1e-8


# --------------------------------------------------------------- chain helpers

x, y, u, v = sp.symbols("x y u v")


@pytest.mark.parametrize(
    "f,g,x0",
    [
        (sp.sin(u), x**2, 0.7),
        (u**3, 2 * x + 1, -1.2),
        (sp.exp(u), sp.cos(x), 0.3),
        (1 / (1 + sp.exp(-u)), 3 * x - 1, 0.25),
        (sp.log(u), x**2 + 1, 2.0),
    ],
)
def test_single_chain(f, g, x0):
    c = single_chain(f, g)
    composite = f.subs(u, g)
    assert sp.simplify(c.dy_dx - sp.diff(composite, x)) == 0
    assert sp.simplify(c.dy_du - sp.diff(f, u)) == 0
    assert sp.simplify(c.du_dx - sp.diff(g, x)) == 0
    vals = c.at(x0)
    ref = float(sp.diff(composite, x).subs(x, x0).evalf(30))
    assert math.isclose(vals.dy_dx, ref, rel_tol=1e-12, abs_tol=1e-14)
    assert math.isclose(vals.dy_dx, vals.dy_du * vals.du_dx, rel_tol=1e-15)
    assert math.isclose(vals.dy_dx_direct, ref, rel_tol=1e-12, abs_tol=1e-14)
    assert math.isclose(vals.u, float(g.subs(x, x0)), rel_tol=1e-14, abs_tol=1e-15)
    # finite differences on the composite
    fn = sp.lambdify(x, composite, "math")
    h = 1e-6
    assert abs((fn(x0 + h) - fn(x0 - h)) / (2 * h) - vals.dy_dx) < 1e-6


@pytest.mark.parametrize(
    "f,ue,ve,pt",
    [
        (u**2 * v, x + y, x * y, (1.0, 2.0)),
        (sp.sin(u) + sp.exp(v), x**2 - y, x * sp.cos(y), (0.4, -1.1)),
        (u * v, x + 2 * y, 3 * x - y, (1.5, 0.5)),
        ((u - 3) ** 2 + (v - 5) ** 2, x + y, x + 2 * y, (0.5, 0.5)),  # chapter 2.7 minus 2
        (sp.log(u) * v, x**2 + y**2 + 1, sp.atan(x * y), (-0.3, 0.8)),
    ],
)
def test_two_path_chain(f, ue, ve, pt):
    c = two_path_chain(f, ue, ve)
    composite = f.subs({u: ue, v: ve}, simultaneous=True)
    for got, var in ((c.dz_dx, x), (c.dz_dy, y)):
        assert sp.simplify(got - sp.diff(composite, var)) == 0
    assert sp.simplify(c.dz_du - sp.diff(f, u)) == 0
    assert sp.simplify(c.dv_dy - sp.diff(ve, y)) == 0
    vals = c.at(*pt)
    sub = {x: sp.Rational(pt[0]), y: sp.Rational(pt[1])}
    for got, var in ((vals.dz_dx, x), (vals.dz_dy, y)):
        ref = float(sp.diff(composite, var).evalf(30, subs=sub))
        assert math.isclose(got, ref, rel_tol=1e-12, abs_tol=1e-13)
    assert math.isclose(vals.dz_dx, vals.path_u_x + vals.path_v_x, rel_tol=1e-15)
    assert math.isclose(vals.path_u_x, vals.dz_du * vals.du_dx, rel_tol=1e-15)
    assert math.isclose(vals.path_v_y, vals.dz_dv * vals.dv_dy, rel_tol=1e-15)
    assert math.isclose(vals.dz_dx, vals.dz_dx_direct, rel_tol=1e-12, abs_tol=1e-13)
    assert vals.gradient == (vals.dz_dx, vals.dz_dy)
    fn = sp.lambdify((x, y), composite, "math")
    h = 1e-6
    fdx = (fn(pt[0] + h, pt[1]) - fn(pt[0] - h, pt[1])) / (2 * h)
    fdy = (fn(pt[0], pt[1] + h) - fn(pt[0], pt[1] - h)) / (2 * h)
    assert abs(fdx - vals.dz_dx) < 1e-6 and abs(fdy - vals.dz_dy) < 1e-6
    assert math.isclose(vals.z, fn(*pt), rel_tol=1e-12, abs_tol=1e-14)


def test_chapter_example_gradient_at_minimum():
    # f = (x + y − 3)² + (x + 2y − 5)² + 2 via u = x + y, v = x + 2y
    c = two_path_chain((u - 3) ** 2 + (v - 5) ** 2 + 2, x + y, x + 2 * y)
    vals = c.at(1.0, 2.0)
    assert vals.gradient == (0.0, 0.0) and vals.z == 2.0
    vals = c.at(0.5, 0.5)
    # ∂f/∂x = 2(x + y − 3) + 2(x + 2y − 5), ∂f/∂y = 2(x + y − 3) + 4(x + 2y − 5)
    assert vals.dz_dx == 2 * (1 - 3) + 2 * (1.5 - 5)
    assert vals.dz_dy == 2 * (1 - 3) + 4 * (1.5 - 5)


def test_symbols_by_name_keep_assumptions():
    xr, yr, ur, vr = sp.symbols("x y u v", real=True)
    c = two_path_chain(ur * vr, xr + yr, xr - yr)
    # sympy caches expressions, so an equal Symbol may be another object:
    # compare by equality, which includes the assumptions (real=True).
    assert c.x == xr and c.u == ur and c.x.is_real and c.u.is_real
    assert c.at(2.0, 1.0).dz_dx == 4.0  # z = x² − y², ∂z/∂x = 2x
    s = single_chain(ur**2, sp.sin(xr))
    assert s.x == xr and s.x.is_real and s.x != sp.Symbol("x")


def test_undefined_values_are_nan():
    c = single_chain(sp.log(u), x - 1)
    vals = c.at(0.0)  # log of −1: complex
    assert math.isnan(vals.y) and vals.u == -1.0
    assert math.isnan(vals.dy_du) and math.isnan(vals.dy_dx)
    assert not math.isnan(c.at(3.0).dy_dx)
    t = two_path_chain(sp.sqrt(u) + v, x - y, x)
    tv = t.at(0.0, 1.0)
    assert math.isnan(tv.z) and math.isnan(tv.dz_dx) and math.isnan(tv.dv_dx)
    c2 = single_chain(1 / u, x)
    assert math.isnan(c2.at(0.0).dy_du)


def test_bad_inputs():
    with pytest.raises(TypeError):
        single_chain("sin(u)", x**2)  # strings are never parsed here
    with pytest.raises(ValueError, match="only use u"):
        single_chain(u + x, x**2)  # f must depend on x only through u
    with pytest.raises(ValueError):
        two_path_chain(u * v, x + y + sp.Symbol("a"), x)
    with pytest.raises(ValueError):
        two_path_chain(u * v * x, x, y)
    with pytest.raises(ValueError):
        two_path_chain(u * v, x, y, u="w", v="w")
    with pytest.raises(ValueError):
        single_chain(u, x).at(math.inf)


def test_values_come_from_code_compiled_once(monkeypatch):
    """Work, not seconds: dragging the point runs compiled float code. The code is
    generated once per chain (on the first point), and values never go through
    sympy's evalf (unbounded: minutes for exp(exp(exp(x))) at x = 50)."""
    compiled = []
    real = chain.numeric_function

    def counting(symbols, expr):
        compiled.append(expr)
        return real(symbols, expr)

    def no_evalf(self, *args, **kwargs):
        raise AssertionError("evalf called")

    monkeypatch.setattr(chain, "numeric_function", counting)
    c = two_path_chain(sp.sin(u) * v**2, x**2 + y, sp.exp(x * y))
    s = single_chain(sp.sin(u), x**2)
    c.at(0.0, 0.2)
    s.at(0.0)
    assert len(compiled) == 11 + 5  # the values of one TwoPathChain and one SingleChain
    monkeypatch.setattr(sp.Expr, "evalf", no_evalf)
    monkeypatch.setattr(sp.Expr, "_eval_evalf", no_evalf, raising=False)
    for i in range(1, 10):
        a, b = 0.1 * i, 0.2
        # z = sin(x² + y)·exp(2xy): ∂z/∂y = (cos(x² + y) + 2x·sin(x² + y))·exp(2xy)
        want = (math.cos(a * a + b) + 2 * a * math.sin(a * a + b)) * math.exp(2 * a * b)
        assert c.at(a, b).dz_dy == pytest.approx(want, rel=1e-12)
        assert s.at(a).dy_dx == pytest.approx(math.cos(a * a) * 2 * a, rel=1e-12)
    assert len(compiled) == 16


def test_numpy_float_inputs_accepted():
    n = Neuron(np.float64(0.5), np.float32(-0.25), 0, 1, 2, 1)
    assert isinstance(n.w1, float) and n.w2 == -0.25


# ------------------------------------------- bounded values (no exact evaluation)

def _parsed_single(f: str, g: str):
    return single_chain(parse(f, ("u",)).expression, parse(g, ("x",)).expression, u="u", x="x")


def _parsed_two(f: str, ue: str, ve: str):
    return two_path_chain(parse(f, ("u", "v")).expression, parse(ue, ("x", "y")).expression,
                          parse(ve, ("x", "y")).expression)


def _max_digits(*exprs) -> int:
    """Digits of the largest exact integer (numerator, denominator) sympy built."""
    out = 0
    for e in exprs:
        for a in e.atoms(sp.Rational):
            out = max(out, abs(int(a.p)).bit_length(), int(a.q).bit_length())
    return math.ceil(out * math.log10(2))


HANG_INPUTS = [
    # (f(u), g(x), x0): exp(exp(exp(50))) is beyond any float; sympy's exact evalf of
    # it took minutes. Substituting g into f made sympy build 2^999997, 12^8000000…
    ("sin(u)", "exp(exp(exp(x)))", 50.0),
    ("u^2 + 1", "exp(exp(exp(x)))", 50.0),
    ("u^(-1/999999)", "12", 1.0),
    ("u^3.7e-10", "2.5e-10", 1.0),
    ("((u^200)^200)^200", "12.5x", 1.0),
    ("|u|", "|asin(x)^100|", 0.5),
]


def test_chains_that_used_to_hang_finish_in_a_subprocess():
    """A hang guard only: the child builds every chain of HANG_INPUTS and section 1.3's
    exp(exp(exp(x))); the generous timeout (exact evaluation took minutes, and hung
    forever on some inputs) cannot fail on a slow machine. The work bounds are below."""
    code = (
        "import json, sys\n"
        "from tests.core.test_chain import HANG_INPUTS, _parsed_single, _parsed_two\n"
        "out = [_parsed_single(f, g).at(x0).status for f, g, x0 in HANG_INPUTS]\n"
        "out.append(_parsed_two('sin(u) v', 'exp(exp(exp(x)))', 'x y').at(50.0, 1.0).status)\n"
        "print(json.dumps(out))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    statuses = json.loads(run.stdout.splitlines()[-1])
    assert statuses == ["overflow", "overflow", "ok", "ok", "overflow", "ok", "overflow"]


@pytest.mark.parametrize("f,g,x0", HANG_INPUTS)
def test_substituted_chains_stay_small(f, g, x0):
    """Work, not seconds: the meter refuses any exact power beyond the parser's bound
    before sympy starts it, so without bounded_subs this fails instead of hanging.
    (The values themselves are bounded by test_values_come_from_code_compiled_once;
    the hang guard only ends the run if exact evaluation ever comes back.)"""
    with hang_guard(), exact_power_meter() as unbounded:
        try:
            c = _parsed_single(f, g)
            v = c.at(x0)
        except UnboundedPower:
            pass
    assert not unbounded, (f, g, unbounded)
    exprs = (c.composite, c.dy_du_x, c.dy_dx, c.dy_dx_direct)
    assert _max_digits(*exprs) <= 1000
    assert max(sp.count_ops(e) for e in exprs) <= 60
    assert v.status in STATUSES
    assert v.status != "undefined"


def test_overflow_is_nan_with_the_overflow_status():
    with hang_guard():  # exact evaluation of exp(exp(exp(50))) never finishes
        v = _parsed_single("sin(u)", "exp(exp(exp(x)))").at(50.0)
        t = _parsed_two("sin(u) v", "exp(exp(exp(x)))", "x y").at(50.0, 1.0)
    assert v.status == "overflow"
    assert all(math.isnan(getattr(v, k)) for k in ("u", "y", "dy_du", "du_dx", "dy_dx",
                                                    "dy_dx_direct"))
    # 12.5^8000000 is a sympy Float beyond the float range: overflow, not undefined
    w = _parsed_single("((u^200)^200)^200", "12.5x").at(1.0)
    assert w.u == 12.5 and math.isnan(w.y) and w.status == "overflow"
    assert t.status == "overflow" and math.isnan(t.u) and math.isnan(t.dz_dx)
    assert t.v == 50.0
    # products of finite factors that overflow
    p = single_chain(u**200, x**200).at(40.0)  # dy/du = 200·40^39800
    assert math.isnan(p.y) and p.status == "overflow"


def test_undefined_values_have_the_undefined_status():
    assert single_chain(sp.log(u), x - 1).at(0.0).status == "undefined"  # log(−1)
    assert single_chain(1 / u, x).at(0.0).status == "undefined"  # 1/0
    assert two_path_chain(sp.sqrt(u) + v, x - y, x).at(0.0, 1.0).status == "undefined"
    assert single_chain(sp.log(u), x + 1).at(1.0).status == "ok"


@pytest.mark.parametrize("f,g,x0,ref", [
    # reference values by the math module, written by hand
    ("exp(u)", "exp(exp(x))", 1.0,
     (math.exp(math.e), math.exp(math.exp(math.e)),
      math.exp(math.exp(math.e)) * math.exp(math.e) * math.e)),
    ("sin(u)", "x^3 - 2x", 0.7,
     (0.7**3 - 1.4, math.sin(0.7**3 - 1.4), math.cos(0.7**3 - 1.4) * (3 * 0.49 - 2))),
    ("|u|", "asin(x)^3", -0.5,
     (math.asin(-0.5) ** 3, abs(math.asin(-0.5) ** 3),
      -3 * math.asin(-0.5) ** 2 / math.sqrt(1 - 0.25))),
    ("sqrt(u)", "x^2 + 1", 2.0, (5.0, math.sqrt(5.0), 2.0 / math.sqrt(5.0))),
    ("u^(1/7)", "12x", 2.0, (24.0, 24.0 ** (1 / 7), 12 / 7 * 24.0 ** (-6 / 7))),
])
def test_values_match_an_independent_reference(f, g, x0, ref):
    c = _parsed_single(f, g)
    v = c.at(x0)
    assert v.status == "ok"
    assert v.u == pytest.approx(ref[0], rel=1e-13)
    assert v.y == pytest.approx(ref[1], rel=1e-13)
    assert v.dy_dx == pytest.approx(ref[2], rel=1e-12)
    assert v.dy_dx_direct == pytest.approx(ref[2], rel=1e-12)
    # and central finite differences of y = f(g(x)), from the same math-module reference
    fo, go = parse(f, ("u",)), parse(g, ("x",))
    h = 1e-6 * max(1.0, abs(x0))
    fd = (float(fo.value(go.value(x0 + h))) - float(fo.value(go.value(x0 - h)))) / (2 * h)
    assert v.dy_dx == pytest.approx(fd, rel=1e-6)


def test_two_path_values_match_finite_differences():
    c = _parsed_two("u^2 exp(v)", "sin(x) + y", "x y - 1")
    for p in [(0.3, -0.4), (1.2, 0.5), (-2.0, 0.1)]:
        val = c.at(*p)

        def z(a, b):
            return (math.sin(a) + b) ** 2 * math.exp(a * b - 1)

        h = 1e-6
        fdx = (z(p[0] + h, p[1]) - z(p[0] - h, p[1])) / (2 * h)
        fdy = (z(p[0], p[1] + h) - z(p[0], p[1] - h)) / (2 * h)
        assert val.status == "ok"
        assert val.z == pytest.approx(z(*p), rel=1e-13)
        assert val.dz_dx == pytest.approx(fdx, rel=1e-6, abs=1e-9)
        assert val.dz_dy == pytest.approx(fdy, rel=1e-6, abs=1e-9)
        assert val.dz_dx == pytest.approx(val.dz_dx_direct, rel=1e-12)


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_symbolic_gradient_of_extreme_neurons_is_bounded(activation):
    """The 30-digit sympy reference at the float extremes (its exact arguments are
    linear in the inputs, so mpmath's work stays bounded)."""
    for vals in [(1e300,) * 6, (1e308, -1e308, 1e308, 1e308, 1e308, -1e308),
                 (5e-324, 1, 1, 1, 1, 1)]:
        sym = symbolic_gradient(Neuron(*vals, activation=activation))
        assert set(sym) == {"w1", "w2", "b", "x1", "x2", "t"}
