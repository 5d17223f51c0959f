"""The checked expression tree → sympy, and bounded sympy: exact powers, |u| and
substitutions that cannot explode (:func:`bounded_power`, :func:`bounded_subs`,
:func:`real_diff`).

Moved out of core/expression.py (which re-exports the public names).
"""
from __future__ import annotations

import math
from collections.abc import Mapping

import sympy as sp

from core.expression_rules import FUNCTIONS, MAX_NUMBER_DIGITS
from core.expression_text import CONSTANTS


# --------------------------------------------------------------------------
# Tree → sympy
# --------------------------------------------------------------------------
def _to_sympy(t: tuple, symbols: dict[str, sp.Symbol]) -> sp.Expr:
    k = t[0]
    if k == "num":
        v = t[1]
        return sp.Integer(v.numerator) if v.denominator == 1 else sp.Rational(v.numerator,
                                                                             v.denominator)
    if k == "sym":
        if t[1] in CONSTANTS:
            return CONSTANTS[t[1]]
        return symbols[t[1]]
    if k == "add":
        return sp.Add(*[_to_sympy(a, symbols) for a in t[1]])
    if k == "neg":
        return -_to_sympy(t[1], symbols)
    if k == "mul":
        return sp.Mul(*[_to_sympy(a, symbols) for a in t[1]])
    if k == "div":
        return _to_sympy(t[1], symbols) / _to_sympy(t[2], symbols)
    if k == "pow":
        return bounded_power(_to_sympy(t[1], symbols), _to_sympy(t[2], symbols),
                             integers=False)
    if k == "call":
        return FUNCTIONS[t[1]][1](*[_to_sympy(a, symbols) for a in t[2]])
    raise AssertionError(k)  # pragma: no cover



# --------------------------------------------------------------------------
# Bounded sympy: exact powers, |u| and substitutions that cannot explode
# --------------------------------------------------------------------------
MAX_EXACT_ROOT = 6  # c^(p/q) of an exact number c stays exact for q ≤ this


def _exact_factor(f: sp.Basic) -> bool:
    """A factor whose powers sympy computes exactly: a rational c ≠ 0, ±1, or c^(p/q)."""
    if isinstance(f, sp.Pow):
        return _exact_factor(f.base) and isinstance(f.exp, sp.Rational)
    return isinstance(f, sp.Rational) and f not in (sp.S.Zero, sp.S.One, sp.S.NegativeOne)


def _rational_digits(f: sp.Basic) -> float:
    """Digits of the largest numerator or denominator in an exact factor."""
    big = max((max(abs(int(a.p)), int(a.q)) for a in f.atoms(sp.Rational)), default=1)
    return big.bit_length() * math.log10(2) if big > 1 else 0.0


def bounded_power(base: sp.Expr, exponent: sp.Expr, *, integers: bool = True) -> sp.Expr:
    """``base ** exponent`` without sympy's unbounded exact arithmetic.

    For an exact exponent p/q, sympy computes c^(p/q) of the exact numbers c in
    the base (``(12x)^(−1/999999)`` becomes ``12^(−1/999999)·x^(…)``) through
    integers of about q times the digits of c: ``12^(−1/999999)`` builds 2^999997,
    and ``12^(−99^−99)`` never finishes. Where q > :data:`MAX_EXACT_ROOT` or those
    integers would exceed :data:`MAX_NUMBER_DIGITS` digits, the exact numbers of
    the base become 17-digit Floats, so that sympy evaluates a float power. A
    base without exact numbers (``x^(1/999999)``, ``(x + 1)^(2/7)``) stays exact.
    With ``integers`` (for substitutions, which the parser's size checks do not
    cover) integer exponents are bounded too: ``(12x)^8000000`` takes 12 as a
    Float instead of building 12^8000000.
    """
    if not isinstance(exponent, sp.Rational) or (exponent.is_Integer and not integers):
        return base ** exponent
    factors = sp.Mul.make_args(base)
    if any(_exact_factor(f) for f in factors):
        digits = max(_rational_digits(f) for f in factors if _exact_factor(f))
        q = int(exponent.q)
        cost = q * (1 + digits) + (abs(float(exponent)) * digits if integers else 0.0)
        if q > MAX_EXACT_ROOT or cost > MAX_NUMBER_DIGITS:
            base = sp.Mul(*[f.evalf(17) if _exact_factor(f) else f for f in factors])
    return base ** exponent


def bounded_subs(expr: sp.Expr, mapping: Mapping[sp.Symbol, sp.Expr]) -> sp.Expr:
    """``expr`` with the symbols of ``mapping`` replaced simultaneously, rebuilt with
    :func:`bounded_power`: substituting a number (or 12x) into u^8000000 or
    u^(−1/999999) must not make sympy build huge exact numbers."""
    keys = set(mapping)
    memo: dict[sp.Basic, sp.Basic] = {}

    def rebuild(e: sp.Basic) -> sp.Basic:
        if e in mapping:
            return mapping[e]
        if not e.args or not (e.free_symbols & keys):
            return e
        got = memo.get(e)
        if got is None:
            args = [rebuild(a) for a in e.args]
            got = bounded_power(args[0], args[1]) if isinstance(e, sp.Pow) else e.func(*args)
            memo[e] = got
        return got

    return rebuild(expr)


class _RealAbs(sp.Function):
    """|u| while differentiating: d|u| = sign(u)·du, as for a real u."""

    def fdiff(self, argindex=1):
        return sp.sign(self.args[0])


def real_diff(expr: sp.Expr, symbol: sp.Symbol) -> sp.Expr:
    """d expr / d symbol for the real-valued functions of the application.

    sympy differentiates |u| of a u it cannot prove real (asin(x), log(x): real
    only on part of the line) as (re(u)·re(u)′ + im(u)·im(u)′)/|u|, which expands
    |asin(x)¹⁰⁰| binomially into thousands of terms. The application computes in
    the reals (complex values are nan), where d|u| = sign(u)·du.
    """
    if not expr.has(sp.Abs):
        return sp.diff(expr, symbol)
    d = sp.diff(expr.replace(sp.Abs, _RealAbs), symbol)
    return d.replace(_RealAbs, sp.Abs)
