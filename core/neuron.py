"""One neuron (神经元) and its chain rule, factor by factor (the Chain Rule Lab's
neuron section).

:class:`Neuron` is z = w1·x1 + w2·x2 + b, y = a(z), C = ½(t − y)², with an immutable
gradient-descent step, computed on a :class:`core.graph.Graph`; a sympy reference
(:func:`symbolic_neuron`, :func:`symbolic_gradient`) checks it.

For that neuron (z = w1·x1 + w2·x2 + b, y = a(z),
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
import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import ClassVar

import sympy as sp

from core.graph import _ACTIVATION_FORMULA, ACTIVATIONS, BackwardStep, Graph, Node

__all__ = ["Neuron", "symbolic_activation", "symbolic_neuron", "symbolic_gradient",
           "ACTIVATION_SYMBOL", "NeuronChain", "neuron_chain", "chain_factors",
           "finite_difference_gradient"]

# ----------------------------------------------------------------------- neuron


def _neuron_graph(activation: str) -> Graph:
    if activation not in ACTIVATIONS:
        raise ValueError(f"unknown activation {activation!r}; expected one of {ACTIVATIONS}")
    return Graph(
        [
            Node("w1", "input", label="w1"),
            Node("x1", "input", label="x1"),
            Node("w2", "input", label="w2"),
            Node("x2", "input", label="x2"),
            Node("b", "input", label="b"),
            Node("t", "input", label="t"),
            Node("p1", "mul", ("w1", "x1"), label="w1·x1"),
            Node("p2", "mul", ("w2", "x2"), label="w2·x2"),
            Node("z", "add", ("p1", "p2", "b"), label="w1·x1 + w2·x2 + b"),
            Node("y", activation, ("z",), label=f"a(z) = {_ACTIVATION_FORMULA[activation][0]}"),
            Node("C", "sqerr", ("y", "t"), label="½(t − y)²"),
        ],
        output="C",
    )


_GRAPHS = {a: _neuron_graph(a) for a in ACTIVATIONS}


@dataclass(frozen=True)
class Neuron:
    """z = w1·x1 + w2·x2 + b, y = a(z), C = ½(t − y)².  Immutable.

    Node names: inputs w1, x1, w2, x2, b, t; p1 = w1·x1, p2 = w2·x2, z, y, C.
    """

    w1: float
    w2: float
    b: float
    x1: float
    x2: float
    t: float
    activation: str = "sigmoid"
    PARAMETERS: ClassVar[tuple[str, ...]] = ("w1", "w2", "b")

    def __post_init__(self) -> None:
        if self.activation not in ACTIVATIONS:
            raise ValueError(
                f"unknown activation {self.activation!r}; expected one of {ACTIVATIONS}"
            )
        for name in ("w1", "w2", "b", "x1", "x2", "t"):
            v = float(getattr(self, name))
            if not math.isfinite(v):
                raise ValueError(f"{name} must be a finite number")
            object.__setattr__(self, name, v)

    @property
    def graph(self) -> Graph:
        return _GRAPHS[self.activation]

    @property
    def inputs(self) -> dict[str, float]:
        return {n: getattr(self, n) for n in ("w1", "x1", "w2", "x2", "b", "t")}

    def forward(self) -> dict[str, float]:
        """Value of every node: w1, x1, w2, x2, b, t, p1, p2, z, y, C."""
        return self.graph.forward(self.inputs)

    def backward(self) -> dict[str, float]:
        """∂C/∂node for every node (reverse mode)."""
        return self.graph.backward(self.forward())

    def backward_steps(self) -> list[BackwardStep]:
        """Backprop edge by edge, starting with the seed ∂C/∂C = 1."""
        return self.graph.backward_steps(self.forward())

    def gradient(self) -> dict[str, float]:
        """∂C/∂w1, ∂C/∂w2, ∂C/∂b."""
        adj = self.backward()
        return {p: adj[p] for p in self.PARAMETERS}

    @property
    def cost(self) -> float:
        return self.forward()["C"]

    def gd_step(self, eta: float) -> Neuron:
        """A new neuron with (w1, w2, b) ← (w1, w2, b) − η·∇C (simultaneous update)."""
        eta = float(eta)
        g = self.gradient()
        return replace(self, **{p: getattr(self, p) - eta * g[p] for p in self.PARAMETERS})


# --------------------------------------------------------------- sympy reference


_SYM_NAMES = ("w1", "w2", "b", "x1", "x2", "t")


def symbolic_activation(name: str, z: sp.Expr) -> sp.Expr:
    """a(z) as a sympy expression, for an activation in :data:`ACTIVATIONS`
    (the same functions as :func:`activation_value`)."""
    if name == "sigmoid":
        return 1 / (1 + sp.exp(-z))
    if name == "tanh":
        return sp.tanh(z)
    if name == "relu":
        # Piecewise, not Max(0, z): its derivative at the kink is 0, the same
        # convention as the reverse-mode graph (relu'(0) = 0, as in PyTorch);
        # Max would give Heaviside(0) = 1/2 there.
        return sp.Piecewise((0, z <= 0), (z, True))
    if name == "identity":
        return z
    raise ValueError(f"unknown activation {name!r}; expected one of {ACTIVATIONS}")


def symbolic_neuron(activation: str = "sigmoid") -> tuple[dict[str, sp.Symbol], sp.Expr]:
    """(symbols by name, C) with C = ½(t − a(w1·x1 + w2·x2 + b))² as a sympy expression."""
    syms = {n: sp.Symbol(n, real=True) for n in _SYM_NAMES}
    z = syms["w1"] * syms["x1"] + syms["w2"] * syms["x2"] + syms["b"]
    y = symbolic_activation(activation, z)
    return syms, sp.Rational(1, 2) * (syms["t"] - y) ** 2


def symbolic_gradient(neuron: Neuron, digits: int = 30) -> dict[str, float]:
    """∂C/∂w1, ∂C/∂w2, ∂C/∂b (and ∂C/∂x1, ∂C/∂x2, ∂C/∂t) by sympy differentiation,
    evaluated at the neuron's exact float values with ``digits`` significant digits."""
    syms, partials = _symbolic_partials(neuron.activation)
    point = {syms[n]: sp.Rational(getattr(neuron, n)) for n in _SYM_NAMES}
    return {n: float(d.evalf(digits, subs=point)) for n, d in partials.items()}


@functools.cache
def _symbolic_partials(activation: str) -> tuple[dict[str, sp.Symbol], dict[str, sp.Expr]]:
    """(symbols, ∂C/∂n for n = w1, w2, b, x1, x2, t), differentiated once per activation."""
    syms, cost = symbolic_neuron(activation)
    return syms, {n: sp.diff(cost, syms[n]) for n in ("w1", "w2", "b", "x1", "x2", "t")}


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
