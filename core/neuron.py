"""The neuron's chain rule, factor by factor (the Chain Rule Lab's neuron section).

For the neuron of :class:`core.chain.Neuron` (z = w1·x1 + w2·x2 + b, y = a(z),
C = ½(t − y)²) the derivative of the cost with respect to a parameter p is the
product of three local derivatives::

    ∂C/∂p = ∂C/∂y · ∂y/∂z · ∂z/∂p

* :func:`neuron_chain` gives the three factors as sympy expressions (derived by
  sympy from core's symbolic activation), for a GUI to print;
* :func:`chain_factors` gives their values at a neuron's point;
* :func:`finite_difference_gradient` is the independent numerical check: central
  differences of the cost.

numpy, sympy and the standard library only (no Qt).
"""
from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, replace

import sympy as sp

from core.chain import ACTIVATIONS, Neuron, symbolic_activation

__all__ = ["ACTIVATION_SYMBOL", "NeuronChain", "neuron_chain", "chain_factors",
           "finite_difference_gradient"]

#: how the activation is named in formulas: y = σ(z), y = tanh(z) …
ACTIVATION_SYMBOL = {"sigmoid": "σ", "tanh": "tanh", "relu": "relu", "identity": "a"}


@dataclass(frozen=True)
class NeuronChain:
    """The symbolic factors of ∂C/∂p = ∂C/∂y · ∂y/∂z · ∂z/∂p.

    ``a`` is a(z); ``dy_dz`` is sympy's derivative of it; ``dy_dz_a`` is the same
    derivative written with a(z) where sympy can eliminate z (σ(z)(1 − σ(z)),
    1 − tanh(z)²; otherwise it *is* ``dy_dz``); ``dC_dy`` = −(t − y), written as in
    the chapter; ``dz_dp`` maps w1, w2, b to ∂z/∂p (x1, x2, 1).  The symbols are
    ``z``, ``y``, ``t`` and w1, w2, b, x1, x2 (all real)."""

    activation: str
    name: str
    z: sp.Symbol
    y: sp.Symbol
    t: sp.Symbol
    a: sp.Expr
    dy_dz: sp.Expr
    dy_dz_a: sp.Expr
    dC_dy: sp.Expr
    dz_dp: dict[str, sp.Expr]


def _flip_sign(e: sp.Expr) -> sp.Expr:
    """−y(y − 1) → y(1 − y): move a leading −1 into an Add factor."""
    if isinstance(e, sp.Mul) and e.could_extract_minus_sign():
        m = -e
        args = list(m.args) if isinstance(m, sp.Mul) else [m]
        for i, f in enumerate(args):
            if isinstance(f, sp.Add):
                args[i] = sp.expand(-f)
                return sp.Mul(*args, evaluate=False)
    return e


def _in_terms_of_a(a: sp.Expr, d: sp.Expr, z: sp.Symbol, name: str) -> sp.Expr:
    """``d`` (= a′(z)) written with a(z) when z can be eliminated, else ``d``."""
    if isinstance(d, sp.Piecewise) or not d.has(z) or d.has(a):
        return d
    A = sp.Symbol("A", positive=True)
    try:
        sols = sp.solve(sp.Eq(a, A), z)
    except NotImplementedError:  # pragma: no cover
        sols = []
    for sol in sols:
        r = sp.factor(sp.simplify(d.subs(z, sol)))
        if not r.has(z):
            d_a = _flip_sign(r).xreplace({A: sp.Function(name)(z)})
            if isinstance(d_a, sp.Mul):  # σ(z)(1 − σ(z)): plain factors first
                d_a = sp.Mul(*sorted(d_a.args, key=lambda f: isinstance(f, sp.Add)),
                             evaluate=False)
            return d_a
    return d


@functools.cache
def neuron_chain(activation: str) -> NeuronChain:
    """The symbolic chain-rule factors of the neuron with this activation (one of
    :data:`core.chain.ACTIVATIONS`; ValueError otherwise).  Cached."""
    if activation not in ACTIVATIONS:
        raise ValueError(f"unknown activation {activation!r}; expected one of {ACTIVATIONS}")
    z = sp.Symbol("z", real=True)
    t, y = sp.Symbol("t", real=True), sp.Symbol("y", real=True)
    a = symbolic_activation(activation, z)
    d = sp.diff(a, z)
    name = ACTIVATION_SYMBOL[activation]
    cost = sp.Rational(1, 2) * (t - y) ** 2
    dC_dy = sp.Mul(-1, t - y, evaluate=False)  # = y − t, written as in the chapter
    if sp.simplify(sp.diff(cost, y) - dC_dy) != 0:  # pragma: no cover
        dC_dy = sp.diff(cost, y)
    w1, w2, b, x1, x2 = sp.symbols("w1 w2 b x1 x2", real=True)
    zexpr = w1 * x1 + w2 * x2 + b
    return NeuronChain(
        activation=activation, name=name, z=z, y=y, t=t, a=a, dy_dz=d,
        dy_dz_a=_in_terms_of_a(a, d, z, name), dC_dy=dC_dy,
        dz_dp={p: sp.diff(zexpr, s) for p, s in (("w1", w1), ("w2", w2), ("b", b))})


def _value(e: sp.Expr, subs: dict[sp.Symbol, float]) -> float:
    """``e`` at exact rational values of the floats (20 significant digits)."""
    return float(e.xreplace({k: sp.Rational(v) for k, v in subs.items()}).evalf(20))


def chain_factors(neuron: Neuron) -> dict[str, tuple[float, float, float]]:
    """(∂C/∂y, ∂y/∂z, ∂z/∂p) at the neuron's point, for p = w1, w2, b.

    Their product is ∂C/∂p.  For ReLU at z = 0, ∂y/∂z is 0 (relu′(0) = 0, the
    convention of :func:`core.chain.activation_derivative`)."""
    ch = neuron_chain(neuron.activation)
    fwd = neuron.forward()
    dC_dy = _value(ch.dC_dy, {ch.t: neuron.t, ch.y: fwd["y"]})
    dy_dz = _value(ch.dy_dz, {ch.z: fwd["z"]})
    return {p: (dC_dy, dy_dz, _value(e, {s: getattr(neuron, s.name) for s in e.free_symbols}))
            for p, e in ch.dz_dp.items()}


def finite_difference_gradient(neuron: Neuron, h: float = 1e-6,
                               names: Iterable[str] = ("w1", "w2", "b", "x1", "x2", "t")
                               ) -> dict[str, float]:
    """∂C/∂n by central differences (C(n + h) − C(n − h)) / 2h, for each name."""
    out = {}
    for n in names:
        v = getattr(neuron, n)
        out[n] = (replace(neuron, **{n: v + h}).cost
                  - replace(neuron, **{n: v - h}).cost) / (2 * h)
    return out
