"""The expression tree's algebra for display: chain-rule differentiation.

``core.expression`` parses user text into a small tree of tuples
(``('num', Fraction, text)``, ``('sym', name)``, ``('add', [terms])``,
``('neg', a)``, ``('mul', [factors])``, ``('div', a, b)``, ``('pow', a, b)``,
``('call', name, [args])``). This module differentiates that tree by the chain
rule exactly as typed, so ∂f/∂x of the chapter's f reads
``2(x + y − 3) + 2(x + 2y − 5)``; core/expression_printer.py prints trees (and
sympy results) as readable one-line math. Numbers and sympy objects are the only
dependencies.
"""
from __future__ import annotations

from fractions import Fraction

import sympy as sp

CONSTANTS = {"pi": sp.pi, "e": sp.E, "π": sp.pi}


_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _negate(t: tuple) -> tuple:
    if t[0] == "num":
        return ("num", -t[1], _neg_text(t[2]))
    if t[0] == "neg":
        return t[1]
    return ("neg", t)


def _neg_text(s: str) -> str:
    return s[1:] if s.startswith("-") else "-" + s


def _const_value(t: tuple) -> Fraction | None:
    """Exact rational value of a constant subtree made of numbers, or None."""
    k = t[0]
    if k == "num":
        return t[1]
    if k == "neg":
        v = _const_value(t[1])
        return None if v is None else -v
    return None


def _exact_value(t: tuple) -> Fraction | None:
    """Exact rational value of numbers combined by + − · /, or None."""
    k = t[0]
    if k == "num":
        return t[1]
    if k == "neg":
        v = _exact_value(t[1])
        return None if v is None else -v
    if k in ("add", "mul"):
        out = Fraction(0) if k == "add" else Fraction(1)
        for a in t[1]:
            v = _exact_value(a)
            if v is None:
                return None
            out = out + v if k == "add" else out * v
        return out
    if k == "div":
        a, b = _exact_value(t[1]), _exact_value(t[2])
        if a is None or b is None or b == 0:
            return None
        return a / b
    return None


def _free(t: tuple, out: set) -> set:
    k = t[0]
    if k == "sym" and t[1] not in CONSTANTS:
        out.add(t[1])
    elif k in ("add", "mul"):
        for a in t[1]:
            _free(a, out)
    elif k == "neg":
        _free(t[1], out)
    elif k in ("div", "pow"):
        _free(t[1], out)
        _free(t[2], out)
    elif k == "call":
        for a in t[2]:
            _free(a, out)
    return out


ZERO = ("num", Fraction(0), "0")
ONE = ("num", Fraction(1), "1")


def _num(v: Fraction) -> tuple:
    """A number node whose text is exact: 3, 0.25, 1e-07 or 4/3."""
    if v.denominator == 1:
        return ("num", v, str(v.numerator))
    try:
        r = repr(float(v))
        if len(r) < 10 and Fraction(r) == v:
            return ("num", v, r)
    except (OverflowError, ValueError):  # pragma: no cover - huge or tiny values
        pass
    return ("num", v, f"{v.numerator}/{v.denominator}")


def _is0(t):
    return t[0] == "num" and t[1] == 0


def _is1(t):
    return t[0] == "num" and t[1] == 1


def _mk_mul(factors: list) -> tuple:
    nums = Fraction(1)
    rest = []
    neg = False
    stack = list(factors)
    while stack:
        f = stack.pop(0)
        if f[0] == "neg":
            neg = not neg
            stack.insert(0, f[1])
            continue
        if f[0] == "mul":
            stack[0:0] = list(f[1])
            continue
        if f[0] == "num":
            nums *= f[1]
        else:
            rest.append(f)
    # a second pass for nested muls that carried numbers
    flat = []
    for f in rest:
        if f[0] == "num":
            nums *= f[1]
        else:
            flat.append(f)
    if neg:
        nums = -nums
    if nums == 0:
        return ZERO
    divs = [f for f in flat if f[0] == "div"]
    if len(divs) == 1:
        d = divs[0]
        others = [f for f in flat if f is not d]
        den = d[2]
        dcoef = Fraction(1)
        if den[0] == "mul" and den[1][0][0] == "num":
            dcoef = den[1][0][1]
            rest_den = den[1][1:]
            den = rest_den[0] if len(rest_den) == 1 else ("mul", rest_den)
        elif den[0] == "num":
            dcoef, den = den[1], ONE
        c = nums / dcoef  # 1/(2√x) rather than 0.5/√x
        top = _mk_mul([_num(Fraction(c.numerator))] + others + ([] if _is1(d[1]) else [d[1]]))
        if c.denominator != 1:
            q = _num(Fraction(c.denominator))
            den = q if _is1(den) else _mk_mul([q, den])
        if _is1(den):
            return top
        if top[0] == "neg":
            return ("neg", ("div", top[1], den))
        return ("div", top, den)
    if not flat:
        return _num(nums)
    out = flat if nums in (1, -1) else [_num(abs(nums))] + flat
    res = out[0] if len(out) == 1 else ("mul", out)
    return ("neg", res) if nums < 0 else res


def _mk_add(terms: list) -> tuple:
    flat: list = []
    total = Fraction(0)
    at: int | None = None  # numbers are summed, where the first one stood
    for t in terms:
        for u in (t[1] if t[0] == "add" else [t]):
            if u[0] == "num":
                total += u[1]
                if at is None:
                    at = len(flat)
            else:
                flat.append(u)
    if total != 0 and at is not None:
        flat.insert(at, _num(total))
    if not flat:
        return ZERO
    return flat[0] if len(flat) == 1 else ("add", flat)


def _mk_neg(a):
    if _is0(a):
        return ZERO
    if a[0] == "neg":
        return a[1]
    if a[0] == "num":
        return _negate(a)
    return ("neg", a)


def _mk_div(a, b):
    if _is0(a):
        return ZERO
    if _is1(b):
        return a
    if a[0] == "num" and b[0] == "num" and b[1] != 0:
        return _num(a[1] / b[1])
    if a[0] == "neg":
        return _mk_neg(_mk_div(a[1], b))
    if a[0] == "num" and a[1] < 0:
        return _mk_neg(_mk_div(_negate(a), b))
    return ("div", a, b)


def _mk_pow(a, b):
    if _is1(b):
        return a
    if _is0(b):
        return ONE
    return ("pow", a, b)


def _call(name, u):
    return ("call", name, [u])


_SQ = ("num", Fraction(2), "2")


def _dfunc(name: str, args: list) -> tuple | None:
    """f'(u) for one-argument functions, as a tree; None if not tabulated."""
    if len(args) != 1:
        return None
    u = args[0]
    if name == "sin":
        return _call("cos", u)
    if name == "cos":
        return ("neg", _call("sin", u))
    if name == "tan":
        return _mk_div(ONE, _mk_pow(_call("cos", u), _SQ))
    if name == "exp":
        return _call("exp", u)
    if name in ("log", "ln"):
        return _mk_div(ONE, u)
    if name == "sqrt":
        return _mk_div(ONE, _mk_mul([_SQ, _call("sqrt", u)]))
    if name in ("asin", "arcsin"):
        return _mk_div(ONE, _call("sqrt", _mk_add([ONE, ("neg", _mk_pow(u, _SQ))])))
    if name in ("acos", "arccos"):
        return ("neg", _mk_div(ONE, _call("sqrt", _mk_add([ONE, ("neg", _mk_pow(u, _SQ))]))))
    if name in ("atan", "arctan"):
        return _mk_div(ONE, _mk_add([ONE, _mk_pow(u, _SQ)]))
    if name == "sinh":
        return _call("cosh", u)
    if name == "cosh":
        return _call("sinh", u)
    if name == "tanh":
        return _mk_add([ONE, ("neg", _mk_pow(_call("tanh", u), _SQ))])
    if name == "abs":
        return _call("sign", u)
    if name == "sigmoid":
        s = _call("sigmoid", u)
        return _mk_mul([s, _mk_add([ONE, ("neg", s)])])
    if name in ("log10", "log2"):
        base = _num(Fraction(10 if name == "log10" else 2))
        return ("div", ONE, ("mul", [u, _call("ln", base)]))
    if name == "sec":
        return _mk_mul([_call("sec", u), _call("tan", u)])
    if name == "csc":
        return ("neg", _mk_mul([_call("csc", u), _call("cot", u)]))
    if name == "cot":
        return ("neg", _mk_div(ONE, _mk_pow(_call("sin", u), _SQ)))
    return None


class _NoChain(Exception):
    pass


def _diff(t: tuple, v: str) -> tuple:
    k = t[0]
    if k == "num":
        return ZERO
    if k == "sym":
        return ONE if t[1] == v else ZERO
    if not _free(t, set()) & {v}:
        return ZERO
    if k == "add":
        return _mk_add([_diff(a, v) for a in t[1]])
    if k == "neg":
        return _mk_neg(_diff(t[1], v))
    if k == "mul":
        terms = []
        fs = t[1]
        for i, f in enumerate(fs):
            d = _diff(f, v)
            if _is0(d):
                continue
            others = [g for j, g in enumerate(fs) if j != i]
            terms.append(_mk_mul(others + [d]))
        return _mk_add(terms)
    if k == "div":
        a, b = t[1], t[2]
        da, db = _diff(a, v), _diff(b, v)
        if _is0(db):
            return _mk_div(da, b)
        num = _mk_add([_mk_mul([da, b]), _mk_neg(_mk_mul([a, db]))] if not _is0(da)
                      else [_mk_neg(_mk_mul([a, db]))])
        return _mk_div(num, _mk_pow(b, _SQ))
    if k == "pow":
        a, b = t[1], t[2]
        bv = _exact_value(b)
        da = _diff(a, v)
        if bv is not None or not (_free(b, set()) & {v}):
            if bv is not None:
                coef = b if b[0] == "num" else _num(bv)
                newexp = _num(bv - 1)
                if len(newexp[2]) > 12:  # keep 1e-20 − 1 readable
                    newexp = _mk_add([b, ("neg", ONE)])
            else:
                newexp = _mk_add([b, ("neg", ONE)])
                coef = b
            return _mk_mul([coef, _mk_pow(a, newexp), da])
        db = _diff(b, v)
        if a == ("sym", "e"):
            return _mk_mul([t, db])
        if not (_free(a, set()) & {v}):
            return _mk_mul([t, _call("ln", a), db])
        raise _NoChain
    if k == "call":
        args = t[2]
        if len(args) != 1:
            raise _NoChain
        fp = _dfunc(t[1], args)
        if fp is None:
            raise _NoChain
        return _mk_mul([fp, _diff(args[0], v)])
    raise _NoChain  # pragma: no cover
