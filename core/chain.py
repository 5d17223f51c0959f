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

The graph and activations live in core.graph, the neuron and its sympy reference in
core.neuron; they are re-exported here.  numpy, sympy and the standard library only
(no Qt).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy as sp

from core.expression import bounded_subs, numeric_function, real_diff
from core.graph import (
    ACTIVATIONS,
    BackwardStep,
    Graph,
    Node,
    activation_derivative,
    activation_value,
)
from core.neuron import Neuron, symbolic_activation, symbolic_gradient, symbolic_neuron

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
