"""Tests for core.chain: reverse mode vs sympy vs central finite differences."""

from __future__ import annotations

import math
from dataclasses import FrozenInstanceError

import numpy as np
import pytest
import sympy as sp
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from core.chain import (
    ACTIVATIONS,
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
    assert m.w1 == 0.5 - 0.5 * g["w1"] and m.w2 == -0.3 - 0.5 * g["w2"] and m.b == 0.1 - 0.5 * g["b"]
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


def test_two_path_values_are_fast_enough_for_dragging():
    import time

    c = two_path_chain(sp.sin(u) * v**2, x**2 + y, sp.exp(x * y))
    c.at(0.1, 0.2)
    t0 = time.perf_counter()
    for i in range(10):
        c.at(0.1 * i, 0.2)
    assert (time.perf_counter() - t0) / 10 < 0.05


def test_numpy_float_inputs_accepted():
    n = Neuron(np.float64(0.5), np.float32(-0.25), 0, 1, 2, 1)
    assert isinstance(n.w1, float) and n.w2 == -0.25
