"""The chain rule's computational graph (计算图) — chapter section 1.

Activations (:data:`ACTIVATIONS`, :func:`activation_value`,
:func:`activation_derivative`) and a tiny computational graph (:class:`Graph`) with
forward evaluation and reverse-mode differentiation (backpropagation) in floats,
able to list the backward pass edge by edge (:class:`BackwardStep`) so a GUI can
step through it.

The standard library only (no Qt).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["ACTIVATIONS", "Node", "Graph", "BackwardStep", "activation_value",
           "activation_derivative"]

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
