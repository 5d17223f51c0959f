"""The :class:`Objective`: a parsed function with its derivative texts and its
numeric value, gradient and Hessian.

Moved out of core/expression.py, which builds it (:func:`core.expression.parse`)
and re-exports it.
"""
from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import sympy as sp

from core.expression_numeric import _lambdify, _numeric_form, _real
from core.expression_printer import _NICE_NAMES, sympy_text, to_text
from core.expression_sympy import _to_sympy, real_diff
from core.expression_text import _diff

MAX_SYMBOLIC_HESSIAN = 5000  # above this estimated size: finite-difference Hessian


@dataclass(eq=False)
class Objective:
    """A parsed function f of ``variables`` with its gradient.

    ``value(*coords)`` and ``gradient(*coords)`` accept numbers or numpy arrays
    and broadcast; the gradient has shape ``(n_vars, *broadcast_shape)``.
    ``value_at(points)``/``gradient_at(points)`` take points of shape
    ``(..., n)``. Outside the domain results are nan or inf; no exception and no
    numpy warning.
    """

    text: str
    variables: tuple[str, ...]
    expression: sp.Expr
    partials: tuple[sp.Expr, ...]
    _tree: tuple = field(repr=False)
    _f: Callable = field(repr=False)
    _g: Callable = field(repr=False)
    _h: Callable | str | None = field(default=None, repr=False)  # "fd": differences
    _sf: Callable | None = field(default=None, repr=False)  # f with the math module
    _sg: Callable | None = field(default=None, repr=False)  # ∇f with the math module
    _hessian_size: float = field(default=0.0, repr=False)

    @property
    def n(self) -> int:
        return len(self.variables)

    def _symbols(self) -> dict[str, sp.Symbol]:
        return {v: sp.Symbol(v, real=True) for v in self.variables}

    # ---- text -------------------------------------------------------
    @property
    def function_text(self) -> str:
        """f as typed, in readable math, e.g. ``(x + y − 3)² + (x + 2y − 5)² + 2``."""
        return to_text(self._tree)

    def _chain(self, i: int) -> tuple[tuple, sp.Expr] | None:
        """The chain-rule derivative as (display tree, sympy), or None where it is not
        tabulated (x^x, max…) or not meaningful: for sqrt(x − x), which sympy reads as
        0, the chain rule gives 0/(2√0)."""
        cache = self.__dict__.setdefault("_chain_cache", {})
        if i not in cache:
            try:
                tree = _diff(self._tree, self.variables[i])
                expr = _to_sympy(tree, self._symbols())
                bad = (sp.nan, sp.zoo, sp.oo, -sp.oo)
                cache[i] = None if expr.has(*bad) and not self.partials[i].has(*bad) \
                    else (tree, expr)
            except Exception:  # _NoChain, or sympy refusing 0/0
                cache[i] = None
        return cache[i]

    def partial_chain_text(self, i: int) -> str:
        """∂f/∂v_i by the chain rule applied to f as typed (unsimplified)."""
        c = self._chain(i)
        if c is None:
            return self.partial_simplified_text(i)
        try:
            return to_text(c[0])
        except Exception:  # pragma: no cover - printing must never fail
            return self.partial_simplified_text(i)

    def partial_chain_expr(self, i: int) -> sp.Expr:
        """The expression that :meth:`partial_chain_text` shows, as sympy (unsimplified).

        Equal to ``partials[i]`` mathematically (tests check it); where the chain
        rule is not tabulated (e.g. x^x, max) it is ``partials[i]`` itself.
        """
        c = self._chain(i)
        return self.partials[i] if c is None else c[1]

    def partial_simplified_text(self, i: int) -> str:
        try:
            return sympy_text(self.partials[i])
        except Exception:  # pragma: no cover - printing must never fail
            return str(self.partials[i])

    def partial_text(self, i: int) -> str:
        """``∂f/∂x = 2(x + y − 3) + 2(x + 2y − 5)`` (and ``= 4x + 6y − 16`` if different)."""
        v = _NICE_NAMES.get(self.variables[i], self.variables[i])
        chain = self.partial_chain_text(i)
        simple = self.partial_simplified_text(i)
        s = f"∂f/∂{v} = {chain}"
        if simple.replace(" ", "") != chain.replace(" ", ""):
            s += f" = {simple}"
        return s

    @property
    def partial_texts(self) -> tuple[str, ...]:
        return tuple(self.partial_text(i) for i in range(self.n))

    # ---- numbers ----------------------------------------------------
    def value(self, *coords) -> np.ndarray:
        self._check_arity(coords)
        arrs = [np.asarray(c, dtype=float) for c in coords]
        shape = np.broadcast_shapes(*[a.shape for a in arrs]) if arrs else ()
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                out = _real(self._f(*arrs))
            except Exception:  # outside the domain: nan, never raise
                out = np.full(shape, np.nan)
        return np.broadcast_to(out, shape).copy() if out.shape != shape else out

    def gradient(self, *coords) -> np.ndarray:
        self._check_arity(coords)
        arrs = [np.asarray(c, dtype=float) for c in coords]
        shape = np.broadcast_shapes(*[a.shape for a in arrs]) if arrs else ()
        out = np.empty((self.n,) + shape)
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                parts = self._g(*arrs)
                for i, p in enumerate(parts):
                    out[i] = _real(p)
            except Exception:  # outside the domain: nan, never raise
                out[...] = np.nan
        return out

    def value_at(self, points) -> np.ndarray:
        p = np.asarray(points, dtype=float)
        return self.value(*np.moveaxis(p, -1, 0))

    def gradient_at(self, points) -> np.ndarray:
        p = np.asarray(points, dtype=float)
        return np.moveaxis(self.gradient(*np.moveaxis(p, -1, 0)), 0, -1)

    def hessian_at(self, point) -> np.ndarray:
        """Hessian matrix (n, n) at one point.

        From sympy's second derivatives; for functions whose second derivatives
        would be very large expressions, from central differences of the exact
        gradient instead (relative accuracy about 1e-8).
        """
        if self._h is None:
            h: Callable | str = "fd"
            if self._hessian_size <= MAX_SYMBOLIC_HESSIAN:
                try:
                    syms = list(self._symbols().values())
                    H = [[_numeric_form(real_diff(p, s)) for s in syms]
                         for p in self.partials]
                    h = _lambdify(syms, H, "numpy")
                except Exception:  # fall back to finite differences
                    h = "fd"
            object.__setattr__(self, "_h", h)
        p = np.asarray(point, dtype=float).reshape(self.n)
        hess = self._h
        if not callable(hess):
            return self._fd_hessian(p)
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                H = hess(*p)
                return _real(np.array(H, dtype=complex if _any_complex(H) else float))
            except Exception:  # outside the domain: nan, never raise
                return np.full((self.n, self.n), np.nan)

    def _fd_hessian(self, p: np.ndarray) -> np.ndarray:
        n = self.n
        h = 1e-5 * np.maximum(1.0, np.abs(p))
        steps = np.diag(h)
        pts = np.concatenate([p + steps, p - steps])  # (2n, n)
        g = self.gradient_at(pts)  # (2n, n)
        H = (g[:n] - g[n:]) / (2 * h)[:, None]
        return (H + H.T) / 2

    def value_and_gradient_scalar(self, *coords: float) -> tuple[float, tuple[float, ...]]:
        """Fast path for one point given as Python floats: (f, (∂f/∂v…)).

        Generated pure-Python arithmetic (math module), as fast as a hand-written
        loop. It is the same code as the numpy path (same common subexpressions,
        same order of operations), so both give the same numbers; where Python
        would raise or the result is not a finite real number (1/0, overflow, a
        complex power, a huge subnormal quotient), the numpy path answers.
        """
        sf, sg = self._sf, self._sg
        if sf is not None and sg is not None:
            try:
                f = float(sf(*coords))
                g = tuple([float(x) for x in sg(*coords)])
                if math.isfinite(f + sum(g)):
                    return f, g
            except Exception:  # any failure: the numpy path decides
                pass
        p = np.array(coords, dtype=float)
        return float(self.value(*p)), tuple(float(x) for x in self.gradient(*p))

    def _check_arity(self, coords):
        if len(coords) != self.n:
            raise TypeError(f"expected {self.n} coordinates ({', '.join(self.variables)}), "
                            f"got {len(coords)}")


def _any_complex(H) -> bool:
    return any(isinstance(x, complex) or np.iscomplexobj(x) for row in H for x in row)
