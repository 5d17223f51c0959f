"""Chain rule (链式法则) and a single neuron for the Chain Rule Lab — chapter section 1.

* A tiny computational graph (:class:`Graph`) with forward evaluation and
  reverse-mode differentiation (backpropagation) in floats, able to list the
  backward pass edge by edge (:class:`BackwardStep`) so a GUI can step through it.
* :class:`Neuron` — z = w1·x1 + w2·x2 + b, y = a(z), C = ½(t − y)², with an
  immutable gradient-descent step.
* A sympy reference for the neuron (:func:`symbolic_neuron`,
  :func:`symbolic_gradient`).
* Chain-rule helpers on sympy expressions: :func:`single_chain`
  (y = f(u), u = g(x)) and :func:`two_path_chain` (z = f(u, v), u = u(x, y),
  v = v(x, y)).  They take sympy expressions (never strings; parsing user text
  is core/expression.py's job).

numpy, sympy and the standard library only (no Qt).
"""

from __future__ import annotations

import functools
import math
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar

import numpy as np
import sympy as sp

from core.expression import bounded_subs, numeric_function, real_diff

__all__ = [
    "ACTIVATIONS",
    "Node",
    "Graph",
    "BackwardStep",
    "Neuron",
    "activation_value",
    "activation_derivative",
    "symbolic_activation",
    "symbolic_neuron",
    "symbolic_gradient",
    "SingleChain",
    "SingleChainValues",
    "single_chain",
    "TwoPathChain",
    "TwoPathChainValues",
    "two_path_chain",
    "STATUSES",
]

ACTIVATIONS = ("sigmoid", "tanh", "relu", "identity")


# ------------------------------------------------------------------ activations


def _sigmoid(z: float) -> float:
    if z >= 0.0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def activation_value(name: str, z: float) -> float:
    """a(z) for an activation in :data:`ACTIVATIONS`."""
    z = float(z)
    if name == "sigmoid":
        return _sigmoid(z)
    if name == "tanh":
        return math.tanh(z)
    if name == "relu":
        return z if z > 0.0 else 0.0
    if name == "identity":
        return z
    raise ValueError(f"unknown activation {name!r}; expected one of {ACTIVATIONS}")


def activation_derivative(name: str, z: float) -> float:
    """a'(z).  For relu the derivative at the kink z = 0 is taken as 0."""
    z = float(z)
    if name == "sigmoid":
        s = _sigmoid(z)
        return s * (1.0 - s)
    if name == "tanh":
        t = math.tanh(z)
        return 1.0 - t * t
    if name == "relu":
        return 1.0 if z > 0.0 else 0.0
    if name == "identity":
        return 1.0
    raise ValueError(f"unknown activation {name!r}; expected one of {ACTIVATIONS}")


_ACTIVATION_FORMULA = {
    "sigmoid": ("σ(z) = 1/(1 + e^(−z))", "σ'(z) = σ(z)(1 − σ(z))"),
    "tanh": ("tanh(z)", "tanh'(z) = 1 − tanh²(z)"),
    "relu": ("max(0, z)", "relu'(z) = 1 if z > 0 else 0"),
    "identity": ("z", "1"),
}


# ----------------------------------------------------------------- the graph


@dataclass(frozen=True)
class Node:
    """A graph node.  ``op`` is "input", "add", "mul", "sigmoid", "tanh", "relu",
    "identity" or "sqerr" (½(t − y)² with inputs (y, t))."""

    name: str
    op: str
    inputs: tuple[str, ...] = ()
    label: str = ""  # how the node reads in formulas, e.g. "w1·x1"


_UNARY = set(ACTIVATIONS)


@dataclass(frozen=True)
class BackwardStep:
    """One step of reverse mode: the contribution of edge ``node → consumer``.

    adjoint(node) += upstream · local_derivative, where upstream = ∂C/∂consumer
    and local_derivative = ∂consumer/∂node.  ``adjoint`` is the accumulated
    ∂C/∂node after this step (final when ``complete`` is true).  The very first
    step is the seed ∂C/∂C = 1 with ``consumer`` None.
    """

    node: str
    consumer: str | None
    local_formula: str
    local_derivative: float
    upstream: float
    product: float
    adjoint: float
    complete: bool


class Graph:
    """A small DAG evaluated in floats; nodes must be listed in topological order."""

    def __init__(self, nodes: list[Node], output: str):
        names: set[str] = set()
        for node in nodes:
            if node.name in names:
                raise ValueError(f"duplicate node {node.name!r}")
            for i in node.inputs:
                if i not in names:
                    raise ValueError(f"node {node.name!r} uses {i!r} before it is defined")
            arity = {"input": 0, "sqerr": 2}.get(node.op)
            if node.op in _UNARY:
                arity = 1
            if node.op in ("add", "mul"):
                if len(node.inputs) < 2:
                    raise ValueError(f"{node.op} node {node.name!r} needs ≥ 2 inputs")
            elif arity is None:
                raise ValueError(f"unknown op {node.op!r}")
            elif len(node.inputs) != arity:
                raise ValueError(f"{node.op} node {node.name!r} needs {arity} inputs")
            names.add(node.name)
        if output not in names:
            raise ValueError(f"output {output!r} is not a node")
        self.nodes: tuple[Node, ...] = tuple(nodes)
        self.output = output
        self._by_name = {n.name: n for n in nodes}

    def node(self, name: str) -> Node:
        return self._by_name[name]

    def consumers(self, name: str) -> list[str]:
        return [n.name for n in self.nodes if name in n.inputs]

    def forward(self, inputs: Mapping[str, float]) -> dict[str, float]:
        """Value of every node (in topological order)."""
        values: dict[str, float] = {}
        for node in self.nodes:
            if node.op == "input":
                if node.name not in inputs:
                    raise KeyError(f"missing value for input {node.name!r}")
                values[node.name] = float(inputs[node.name])
                continue
            args = [values[i] for i in node.inputs]
            if node.op == "add":
                values[node.name] = math.fsum(args)
            elif node.op == "mul":
                prod = 1.0
                for a in args:
                    prod *= a
                values[node.name] = prod
            elif node.op == "sqerr":
                y, t = args
                values[node.name] = 0.5 * (t - y) ** 2
            else:
                values[node.name] = activation_value(node.op, args[0])
        return values

    def local_derivative(
        self, consumer: str, wrt_index: int, values: Mapping[str, float]
    ) -> tuple[float, str]:
        """(∂consumer/∂input[wrt_index], formula text) at the forward ``values``."""
        node = self._by_name[consumer]
        inp = node.inputs[wrt_index]
        args = [values[i] for i in node.inputs]
        d = f"∂{consumer}/∂{inp}"
        if node.op == "add":
            return 1.0, f"{d} = 1"
        if node.op == "mul":
            prod = 1.0
            others = []
            for j, a in enumerate(args):
                if j != wrt_index:
                    prod *= a
                    others.append(node.inputs[j])
            return prod, f"{d} = {'·'.join(others)}"
        if node.op == "sqerr":
            y, t = args
            if wrt_index == 0:
                return y - t, f"{d} = −({node.inputs[1]} − {inp}) = {inp} − {node.inputs[1]}"
            return t - y, f"{d} = {inp} − {node.inputs[0]}"
        return (
            activation_derivative(node.op, args[0]),
            f"{d} = {_ACTIVATION_FORMULA[node.op][1]}",
        )

    def backward(self, values: Mapping[str, float]) -> dict[str, float]:
        """∂output/∂node for every node (reverse mode)."""
        adj = {n.name: 0.0 for n in self.nodes}
        adj[self.output] = 1.0
        for node in reversed(self.nodes):
            up = adj[node.name]
            for j, inp in enumerate(node.inputs):
                local, _ = self.local_derivative(node.name, j, values)
                adj[inp] += up * local
        return adj

    def backward_steps(self, values: Mapping[str, float]) -> list[BackwardStep]:
        """The backward pass as an ordered list of edge contributions.

        Nodes are visited level by level from the output (a node's level is its
        longest distance from the output, so all its consumers come first); for
        each node, one step per consumer edge, so a node's adjoint is complete at
        its last step and every upstream adjoint used is already complete.
        Nodes the output does not depend on get no steps.
        """
        order = [n.name for n in self.nodes]
        # only nodes the output depends on, with their longest distance from it
        depth = {self.output: 0}
        for node in reversed(self.nodes):
            if node.name in depth:
                for inp in node.inputs:
                    depth[inp] = max(depth.get(inp, 0), depth[node.name] + 1)
        consumers_of: dict[str, list[str]] = {name: [] for name in depth}
        for node in self.nodes:
            if node.name in depth:
                for inp in node.inputs:
                    if node.name not in consumers_of[inp]:
                        consumers_of[inp].append(node.name)
        # visit level by level (all consumers of a node are on earlier levels);
        # within a level, in the order the nodes appear as inputs of ranked nodes
        rank = {self.output: 0}
        visit: list[str] = []
        for level in range(1, max(depth.values()) + 1):
            level_nodes = [n for n in depth if depth[n] == level]
            level_nodes.sort(
                key=lambda n: min(
                    (rank[c], self._by_name[c].inputs.index(n)) for c in consumers_of[n]
                )
            )
            for n in level_nodes:
                rank[n] = len(rank)
                visit.append(n)
        adj = {name: 0.0 for name in order}
        adj[self.output] = 1.0
        steps = [
            BackwardStep(
                self.output, None, f"∂{self.output}/∂{self.output} = 1", 1.0, 1.0, 1.0, 1.0, True
            )
        ]
        for name in visit:
            consumers = sorted(consumers_of[name], key=rank.__getitem__)
            for i, consumer in enumerate(consumers):
                cnode = self._by_name[consumer]
                for j, inp in enumerate(cnode.inputs):
                    if inp != name:
                        continue
                    local, formula = self.local_derivative(consumer, j, values)
                    up = adj[consumer]
                    product = up * local
                    adj[name] += product
                    steps.append(
                        BackwardStep(
                            name,
                            consumer,
                            formula,
                            local,
                            up,
                            product,
                            adj[name],
                            i == len(consumers) - 1 and j == _last_index(cnode.inputs, name),
                        )
                    )
        return steps


def _last_index(seq: tuple[str, ...], item: str) -> int:
    return len(seq) - 1 - seq[::-1].index(item)


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


# ------------------------------------------------------------- chain-rule helpers


def _resolve(sym: sp.Symbol | str, *exprs: sp.Expr) -> sp.Symbol:
    """``sym`` itself, or the free symbol of ``exprs`` with that name (else Symbol(name))."""
    if isinstance(sym, sp.Symbol):
        return sym
    if not isinstance(sym, str):
        raise TypeError(f"expected a sympy Symbol or a symbol name, got {sym!r}")
    for e in exprs:
        for s in e.free_symbols:
            if isinstance(s, sp.Symbol) and s.name == sym:
                return s
    return sp.Symbol(sym)


def _check_expr(e: Any, what: str) -> sp.Expr:
    if isinstance(e, str) or not isinstance(e, sp.Basic):
        raise TypeError(f"{what} must be a sympy expression (parse user text first)")
    return e


def _check_free(e: sp.Expr, allowed: set[sp.Symbol], what: str) -> None:
    extra = e.free_symbols - allowed
    if extra:
        names = ", ".join(sorted(str(s) for s in extra))
        ok = ", ".join(sorted(str(s) for s in allowed))
        raise ValueError(f"{what} may only use {ok}; it also uses {names}")


# Why values are nan: "ok" (none is), "undefined" (outside the real domain: a
# complex value, 1/0, log 0) or "overflow" (beyond the float range, e.g.
# exp(exp(exp(x))) at x = 50, where the exact value exists but no float holds it).
STATUSES = ("ok", "undefined", "overflow")


def _point(v: float) -> float:
    v = float(v)
    if not math.isfinite(v):
        raise ValueError("the point must have finite coordinates")
    return v


def _as_float(r: Any) -> float:
    """A real float from what the generated code returned; nan if complex or infinite."""
    try:
        c = complex(np.asarray(r).item())
    except (TypeError, ValueError, OverflowError):
        return math.nan
    if not (math.isfinite(c.real) and math.isfinite(c.imag)):
        return math.nan
    if abs(c.imag) > 1e-12 * max(1.0, abs(c.real)):
        return math.nan
    return c.real


_FLOAT_MAX = float(np.finfo(float).max)


def _beyond_float(expr: sp.Expr) -> bool:
    """Whether a number in ``expr`` lies beyond the float range (12.5^8000000 as a
    sympy Float): the compiled code holds inf there."""
    for a in expr.atoms(sp.Number):
        if a.is_finite:
            try:
                if abs(float(a)) > _FLOAT_MAX:
                    return True
            except OverflowError:
                return True
    return False


def _values(
    owner: Any,
    symbols: tuple[sp.Symbol, ...],
    exprs: Sequence[sp.Expr],
    point: tuple[float, ...],
    n_primary: int,
) -> tuple[list[float], str]:
    """Float values of ``exprs`` at ``point`` and their status (see :data:`STATUSES`).

    The expressions are compiled once per ``owner`` (a frozen chain) to numpy code;
    floating-point errors are recorded, not warned. If one of the first
    ``n_primary`` values (u, y or u, v, z) is nan, so are all the others.
    """
    compiled: list[tuple[Callable, bool]] | None = owner.__dict__.get("_numeric")
    if compiled is None:
        compiled = [(numeric_function(symbols, e), _beyond_float(e)) for e in exprs]
        owner.__dict__["_numeric"] = compiled
    overflow = False

    def record(kind: str, _flag: int) -> None:
        nonlocal overflow
        overflow = overflow or kind == "overflow"

    args = [np.asarray(p) for p in point]
    out: list[float] = []
    causes: list[bool] = []  # per value: nan because of an overflow
    with np.errstate(all="call", call=record), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for fn, huge in compiled:
            overflow = huge
            try:
                out.append(_as_float(fn(*args)))
            except (ArithmeticError, ValueError, TypeError):  # e.g. 2.0**5000 in Python
                out.append(math.nan)
                overflow = True
            causes.append(overflow)
    if any(math.isnan(v) for v in out[:n_primary]):
        # outside the (real) domain: no derivative values either
        out = out[:n_primary] + [math.nan] * (len(out) - n_primary)
        causes = causes[:n_primary]
    bad = [c for v, c in zip(out, causes, strict=False) if math.isnan(v)]
    if not bad:
        return out, "ok"
    return out, "overflow" if any(bad) else "undefined"


def _derived(status: str, *values: float) -> tuple[list[float], str]:
    """Products and sums of the values: nan where they overflow (1e200 · 1e200)."""
    out = [v if math.isfinite(v) else math.nan for v in values]
    if status == "ok" and any(math.isnan(v) for v in out):
        status = "overflow"
    return out, status


@dataclass(frozen=True)
class SingleChainValues:
    """Values of :class:`SingleChain` at x = x0.  Everything that is undefined
    (complex, infinite, division by zero) is nan; if u or y is undefined, so are
    all the derivatives. ``status`` says why values are nan: one of
    :data:`STATUSES`."""

    x: float
    u: float
    y: float
    dy_du: float
    du_dx: float
    dy_dx: float  # = dy_du · du_dx
    dy_dx_direct: float  # d/dx f(g(x)) differentiated directly
    status: str = "ok"


@dataclass(frozen=True)
class SingleChain:
    """y = f(u), u = g(x): dy/dx = dy/du · du/dx (chapter 1.2).

    ``dy_du`` is in terms of u; ``dy_du_x`` is it with u = g(x) substituted.
    """

    f: sp.Expr
    g: sp.Expr
    u: sp.Symbol
    x: sp.Symbol
    composite: sp.Expr  # f(g(x))
    dy_du: sp.Expr
    dy_du_x: sp.Expr
    du_dx: sp.Expr
    dy_dx: sp.Expr  # dy_du_x · du_dx (unsimplified product)
    dy_dx_direct: sp.Expr  # diff(composite, x)

    def at(self, x0: float) -> SingleChainValues:
        """Values at x = x0, from compiled float code (never exact arithmetic, which
        takes minutes for exp(exp(exp(x))) at x = 50)."""
        x0 = _point(x0)
        exprs = (self.g, self.composite, self.dy_du_x, self.du_dx, self.dy_dx_direct)
        (u0, y0, dy_du, du_dx, direct), status = _values(self, (self.x,), exprs, (x0,), 2)
        (dy_dx,), status = _derived(status, dy_du * du_dx)
        return SingleChainValues(
            x=x0,
            u=u0,
            y=y0,
            dy_du=dy_du,
            du_dx=du_dx,
            dy_dx=dy_dx,
            dy_dx_direct=direct,
            status=status,
        )


def single_chain(
    f: sp.Expr, g: sp.Expr, u: sp.Symbol | str = "u", x: sp.Symbol | str = "x"
) -> SingleChain:
    """Chain rule for y = f(u), u = g(x).  ``f`` may use only u, ``g`` only x.

    ``u``/``x`` are Symbols, or names looked up among the expressions' free symbols.
    """
    f = _check_expr(f, "f")
    g = _check_expr(g, "g")
    u = _resolve(u, f)
    x = _resolve(x, g)
    _check_free(f, {u}, "y = f(u)")
    _check_free(g, {x}, "u = g(x)")
    dy_du = real_diff(f, u)
    du_dx = real_diff(g, x)
    dy_du_x = bounded_subs(dy_du, {u: g})
    composite = bounded_subs(f, {u: g})
    return SingleChain(
        f=f,
        g=g,
        u=u,
        x=x,
        composite=composite,
        dy_du=dy_du,
        dy_du_x=dy_du_x,
        du_dx=du_dx,
        dy_dx=sp.Mul(dy_du_x, du_dx),
        dy_dx_direct=real_diff(composite, x),
    )


@dataclass(frozen=True)
class TwoPathChainValues:
    """Values of :class:`TwoPathChain` at (x0, y0).  Undefined values are nan; if
    u, v or z is undefined, so are all the derivatives. ``status`` says why values
    are nan: one of :data:`STATUSES`."""

    x: float
    y: float
    u: float
    v: float
    z: float
    dz_du: float
    dz_dv: float
    du_dx: float
    du_dy: float
    dv_dx: float
    dv_dy: float
    # the two products of each path and their sums (chapter 1.3)
    path_u_x: float  # ∂z/∂u · ∂u/∂x
    path_v_x: float  # ∂z/∂v · ∂v/∂x
    path_u_y: float  # ∂z/∂u · ∂u/∂y
    path_v_y: float  # ∂z/∂v · ∂v/∂y
    dz_dx: float  # path_u_x + path_v_x
    dz_dy: float  # path_u_y + path_v_y
    dz_dx_direct: float
    dz_dy_direct: float
    status: str = "ok"

    @property
    def gradient(self) -> tuple[float, float]:
        """∇z = (∂z/∂x, ∂z/∂y) (chapter 1.4)."""
        return self.dz_dx, self.dz_dy


@dataclass(frozen=True)
class TwoPathChain:
    """z = f(u, v), u = u(x, y), v = v(x, y) (chapter 1.3):

    ∂z/∂x = ∂z/∂u·∂u/∂x + ∂z/∂v·∂v/∂x,  ∂z/∂y = ∂z/∂u·∂u/∂y + ∂z/∂v·∂v/∂y.

    ``dz_du``/``dz_dv`` are in terms of u, v; the ``*_xy`` versions have u(x, y)
    and v(x, y) substituted.  ``dz_dx``/``dz_dy`` are the unsimplified sums of
    products; ``*_direct`` differentiate the composite directly.
    """

    f: sp.Expr
    u_expr: sp.Expr
    v_expr: sp.Expr
    u: sp.Symbol
    v: sp.Symbol
    x: sp.Symbol
    y: sp.Symbol
    composite: sp.Expr
    dz_du: sp.Expr
    dz_dv: sp.Expr
    dz_du_xy: sp.Expr
    dz_dv_xy: sp.Expr
    du_dx: sp.Expr
    du_dy: sp.Expr
    dv_dx: sp.Expr
    dv_dy: sp.Expr
    dz_dx: sp.Expr
    dz_dy: sp.Expr
    dz_dx_direct: sp.Expr
    dz_dy_direct: sp.Expr

    def at(self, x0: float, y0: float) -> TwoPathChainValues:
        """Values at (x0, y0), from compiled float code (as :meth:`SingleChain.at`)."""
        x0, y0 = _point(x0), _point(y0)
        exprs = (self.u_expr, self.v_expr, self.composite, self.dz_du_xy, self.dz_dv_xy,
                 self.du_dx, self.du_dy, self.dv_dx, self.dv_dy, self.dz_dx_direct,
                 self.dz_dy_direct)
        vals, status = _values(self, (self.x, self.y), exprs, (x0, y0), 3)
        u0, v0, z0, dz_du, dz_dv, du_dx, du_dy, dv_dx, dv_dy, ddx, ddy = vals
        (pux, pvx, puy, pvy), status = _derived(
            status, dz_du * du_dx, dz_dv * dv_dx, dz_du * du_dy, dz_dv * dv_dy
        )
        (dz_dx, dz_dy), status = _derived(status, pux + pvx, puy + pvy)
        return TwoPathChainValues(
            x=x0,
            y=y0,
            u=u0,
            v=v0,
            z=z0,
            dz_du=dz_du,
            dz_dv=dz_dv,
            du_dx=du_dx,
            du_dy=du_dy,
            dv_dx=dv_dx,
            dv_dy=dv_dy,
            path_u_x=pux,
            path_v_x=pvx,
            path_u_y=puy,
            path_v_y=pvy,
            dz_dx=dz_dx,
            dz_dy=dz_dy,
            dz_dx_direct=ddx,
            dz_dy_direct=ddy,
            status=status,
        )


def two_path_chain(
    f: sp.Expr,
    u_expr: sp.Expr,
    v_expr: sp.Expr,
    u: sp.Symbol | str = "u",
    v: sp.Symbol | str = "v",
    x: sp.Symbol | str = "x",
    y: sp.Symbol | str = "y",
) -> TwoPathChain:
    """Multivariable chain rule for z = f(u, v), u = u_expr(x, y), v = v_expr(x, y).

    ``f`` may use only u and v; ``u_expr``/``v_expr`` only x and y (ValueError
    otherwise).  Symbols may be given as Symbols or names (looked up among the
    expressions' free symbols, so assumptions such as real=True are kept).
    """
    f = _check_expr(f, "f")
    u_expr = _check_expr(u_expr, "u(x, y)")
    v_expr = _check_expr(v_expr, "v(x, y)")
    u = _resolve(u, f)
    v = _resolve(v, f)
    x = _resolve(x, u_expr, v_expr)
    y = _resolve(y, u_expr, v_expr)
    if len({u, v, x, y}) != 4:
        raise ValueError("u, v, x and y must be four different symbols")
    _check_free(f, {u, v}, "z = f(u, v)")
    _check_free(u_expr, {x, y}, "u(x, y)")
    _check_free(v_expr, {x, y}, "v(x, y)")
    subs_uv = {u: u_expr, v: v_expr}
    dz_du = real_diff(f, u)
    dz_dv = real_diff(f, v)
    dz_du_xy = bounded_subs(dz_du, subs_uv)
    dz_dv_xy = bounded_subs(dz_dv, subs_uv)
    du_dx, du_dy = real_diff(u_expr, x), real_diff(u_expr, y)
    dv_dx, dv_dy = real_diff(v_expr, x), real_diff(v_expr, y)
    composite = bounded_subs(f, subs_uv)
    return TwoPathChain(
        f=f,
        u_expr=u_expr,
        v_expr=v_expr,
        u=u,
        v=v,
        x=x,
        y=y,
        composite=composite,
        dz_du=dz_du,
        dz_dv=dz_dv,
        dz_du_xy=dz_du_xy,
        dz_dv_xy=dz_dv_xy,
        du_dx=du_dx,
        du_dy=du_dy,
        dv_dx=dv_dx,
        dv_dy=dv_dy,
        dz_dx=sp.Add(sp.Mul(dz_du_xy, du_dx), sp.Mul(dz_dv_xy, dv_dx)),
        dz_dy=sp.Add(sp.Mul(dz_du_xy, du_dy), sp.Mul(dz_dv_xy, dv_dy)),
        dz_dx_direct=real_diff(composite, x),
        dz_dy_direct=real_diff(composite, y),
    )
