"""core.neuron: the neuron's chain-rule factors, against finite differences of a
cost written out by hand (no core code in the reference)."""
from __future__ import annotations

import math

import pytest
import sympy as sp

from core.chain import Neuron
from core.neuron import chain_factors, finite_difference_gradient, neuron_chain

ACTS = ("sigmoid", "tanh", "relu", "identity")
A = {"sigmoid": lambda z: 1 / (1 + math.exp(-z)), "tanh": math.tanh,
     "relu": lambda z: max(0.0, z), "identity": lambda z: z}


def cost(act, w1, w2, b, x1, x2, t):
    return 0.5 * (t - A[act](w1 * x1 + w2 * x2 + b)) ** 2


def fd(f, v, h=1e-6):
    return (f(v + h) - f(v - h)) / (2 * h)


POINT = dict(w1=0.9, w2=-0.3, b=0.2, x1=1.0, x2=0.5, t=0.25)  # z = 0.95: off the ReLU kink


@pytest.mark.parametrize("act", ACTS)
def test_factor_product_is_the_finite_difference(act):
    nr = Neuron(**POINT, activation=act)
    factors = chain_factors(nr)
    assert set(factors) == {"w1", "w2", "b"}
    for p, (f1, f2, f3) in factors.items():
        ref = fd(lambda v, p=p: cost(act, **dict(POINT, **{p: v})), POINT[p])
        assert f1 * f2 * f3 == pytest.approx(ref, rel=1e-6, abs=1e-9)


@pytest.mark.parametrize("act", ACTS)
def test_each_factor_alone(act):
    nr = Neuron(**POINT, activation=act)
    z = POINT["w1"] * POINT["x1"] + POINT["w2"] * POINT["x2"] + POINT["b"]
    y = A[act](z)
    f = chain_factors(nr)
    dC_dy, dy_dz, _ = f["w1"]
    assert dC_dy == pytest.approx(fd(lambda v: 0.5 * (POINT["t"] - v) ** 2, y), rel=1e-7)
    assert dy_dz == pytest.approx(fd(A[act], z), rel=1e-7)
    assert f["w1"][2] == POINT["x1"] and f["w2"][2] == POINT["x2"] and f["b"][2] == 1.0


def test_relu_kink_takes_zero():
    nr = Neuron(w1=0.5, w2=-0.25, b=0.0, x1=1.0, x2=2.0, t=1.0, activation="relu")
    assert nr.forward()["z"] == 0
    assert chain_factors(nr)["b"][1] == 0.0


@pytest.mark.parametrize("act", ACTS)
def test_symbolic_forms(act):
    ch = neuron_chain(act)
    assert neuron_chain(act) is ch  # cached
    # dy_dz_a is dy_dz written with a(z): the same function of z
    back = ch.dy_dz_a.replace(sp.Function(ch.name), lambda arg: ch.a.subs(ch.z, arg))
    for z0 in (-1.3, 0.4, 2.0):
        assert float(back.subs(ch.z, z0)) == pytest.approx(float(ch.dy_dz.subs(ch.z, z0)))
    assert sp.simplify(ch.dC_dy - (ch.y - ch.t)) == 0
    assert {p: str(e) for p, e in ch.dz_dp.items()} == {"w1": "x1", "w2": "x2", "b": "1"}


def test_unknown_activation():
    with pytest.raises(ValueError):
        neuron_chain("softplus")


@pytest.mark.parametrize("act", ACTS)
def test_finite_difference_gradient(act):
    nr = Neuron(**POINT, activation=act)
    got = finite_difference_gradient(nr)
    assert set(got) == {"w1", "w2", "b", "x1", "x2", "t"}
    for p, v in got.items():
        ref = fd(lambda v, p=p: cost(act, **dict(POINT, **{p: v})), POINT[p])
        assert v == pytest.approx(ref, rel=1e-9, abs=1e-12)
    assert set(finite_difference_gradient(nr, names=("b",))) == {"b"}
