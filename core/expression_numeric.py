"""Numeric compilation of sympy expressions: lambdify (numpy and math module) with
the application's conventions (Dirac deltas as 0, huge integers as floats, complex
results as nan).

Moved out of core/expression.py (which re-exports :func:`numeric_function`).
"""
from __future__ import annotations

import math
import re
import warnings
from collections.abc import Callable, Sequence

import numpy as np
import sympy as sp


def numeric_function(symbols: Sequence[sp.Symbol], expr: sp.Expr) -> Callable:
    """numpy function of ``symbols`` computing ``expr`` as :class:`Objective` does
    (Dirac deltas as 0, huge integers as floats, common subexpressions once). It
    may return complex numbers, inf or nan, and warn: the caller decides."""
    return _lambdify(list(symbols), _numeric_form(expr), "numpy")


def _safe(fn):

    def g(*a):
        try:
            return fn(*a)
        except (ValueError, ZeroDivisionError, OverflowError):
            return math.nan
    return g


def _heaviside(x, h0=0.5):
    return math.nan if x != x else (0.0 if x < 0 else (1.0 if x > 0 else float(h0)))


def _math_namespace() -> dict:
    ns = {name: _safe(getattr(math, name)) for name in (
        "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh",
        "exp", "log", "sqrt", "log10", "log2")}
    ns.update(pi=math.pi, E=math.e, e=math.e, Heaviside=_heaviside, abs=_real_abs)
    return ns


def _real_abs(v):
    # abs() would turn a complex intermediate (Python's (-8)**(1/3)) into a real
    # number where numpy has nan: refuse it, so that the numpy path answers
    if isinstance(v, complex):
        raise TypeError("complex")
    return abs(v)


#: variable names that cannot clash with a name the generated code uses (modules,
#: functions, constants, cse's x0, x1, …): one letter, or a letter other than x with
#: digits (w1, b2).  Any other name is replaced by a Dummy first, which rebuilds the
#: whole expression (sympy re-evaluates every function and asks its assumptions):
#: that took two thirds of a parse's time.
_SAFE_NAME = re.compile(r"[A-DF-HJ-MPR-Za-z]|[A-Za-wyz]\d{1,3}")


def _needs_dummies(symbols) -> bool:
    return not all(_SAFE_NAME.fullmatch(s.name) for s in symbols)


class SharedCSE:
    """sympy's common-subexpression elimination, done once per expression and given
    to every backend's lambdify (numpy and math print the same reduced form)."""

    def __init__(self) -> None:
        self._done: dict[int, tuple] = {}

    def __call__(self, exprs):
        key = id(exprs)
        if key not in self._done:
            self._done[key] = (exprs, sp.cse(exprs, list=False))
        return self._done[key][1]


def _lambdify(symbols, exprs, module, cse: SharedCSE | None = None):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sp.lambdify(symbols, exprs, modules=module, cse=cse or True,
                           dummify=_needs_dummies(symbols))


def _clean(e: sp.Expr) -> sp.Expr:
    """Derivatives as the application uses them: Dirac deltas (from differentiating
    sign, or the kinks of abs, relu, max) are 0 wherever the derivative exists; an
    undefined zoo becomes nan."""
    if e.has(sp.DiracDelta):
        e = e.replace(lambda a: isinstance(a, sp.DiracDelta), lambda a: sp.S.Zero)
    if e.has(sp.Derivative):  # sympy leaves d/dx sign(x/y) unevaluated: it is 0
        e = e.replace(lambda a: isinstance(a, sp.Derivative)
                      and isinstance(a.expr, (sp.sign, sp.Heaviside)), lambda a: sp.S.Zero)
    if e.has(sp.zoo):
        e = e.xreplace({sp.zoo: sp.nan})
    return e


def _numeric_form(e: sp.Expr) -> sp.Expr:
    """What the generated numeric code evaluates (numpy and math paths alike):
    :func:`_clean`, and integers beyond 2^53 as floats (numpy cannot take
    sin(10^20) as a Python int beyond int64)."""
    e = _clean(e)
    big = {a: sp.Float(a, 17) for a in e.atoms(sp.Integer) if abs(a) > 2 ** 53}
    return e.xreplace(big) if big else e


def _real(a):
    a = np.asarray(a)
    if np.iscomplexobj(a):
        bad = np.abs(a.imag) > 1e-12 * np.maximum(1.0, np.abs(a.real))
        a = np.where(bad, np.nan, a.real)
    return a.astype(float, copy=False)
