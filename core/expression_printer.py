"""Printing of expression trees (and sympy results) as readable one-line math:
2(x + y − 3), x², √, ·. The parser reads this text back.

Moved out of core/expression_text.py.
"""
from __future__ import annotations

from fractions import Fraction

import sympy as sp

from core.expression_text import _SUPERSCRIPT, ONE, _const_value, _negate, _num

# --------------------------------------------------------------------------
# Printing (readable math: 2(x + y − 3), x², √, ·)
# --------------------------------------------------------------------------
_PREC = {"add": 10, "neg": 15, "mul": 20, "div": 20, "pow": 30, "num": 40, "sym": 40,
         "call": 40}
_NICE_NAMES = {"pi": "π", "alpha": "α", "beta": "β", "gamma": "γ", "theta": "θ",
               "eta": "η", "lambda_": "λ", "mu": "μ", "sigma": "σ", "phi": "φ"}
_SUPER_CHARS = frozenset("⁰¹²³⁴⁵⁶⁷⁸⁹")


def _prec(t):
    if t[0] == "num" and t[1] < 0:
        return 15
    if t[0] == "num" and "/" in t[2]:
        return 19  # 4/3 is a quotient: (4/3)x, x^(1/3)
    return _PREC[t[0]]


def _num_text(s: str) -> str:
    neg = s.startswith("-")
    s = s.lstrip("-")
    if s.startswith("."):
        s = "0" + s
    s = s.replace(".e", "e").replace(".E", "E")
    if s.endswith("."):
        s = s[:-1]
    return ("−" if neg else "") + s


def to_text(t: tuple) -> str:
    """Readable one-line math for a tree (which :func:`parse` reads back)."""
    k = t[0]
    if k == "num":
        return _num_text(t[2])
    if k == "sym":
        return _NICE_NAMES.get(t[1], t[1])
    if k == "add":
        out = ""
        for i, a in enumerate(t[1]):
            if a[0] == "neg":
                s = _wrap(a[1], 11)
                out += ("−" if i == 0 else " − ") + s
            elif a[0] == "num" and a[1] < 0 and i > 0:
                out += " − " + to_text(_negate(a))
            else:
                s = _wrap(a, 10)
                out += s if i == 0 else " + " + s
        return out
    if k == "neg":
        return "−" + _wrap(t[1], 16)
    if k == "mul":
        out = ""
        prev = None
        for f in t[1]:
            s = _wrap(f, 20)
            if prev is None:
                out = s
            else:
                if prev[0] == "num" and _prec(prev) == 40:
                    # a plain number: 2x, 2(x + 1), 2√x, 2π, 2sin(x); not 2e (reads as 2e5)
                    juxt = (s[0].isalpha() and s[0] not in "eE") or s[0] in "(√π"
                elif prev[0] == "num":  # (−2)x, (4/3)x
                    juxt = s[0].isalpha() or s[0] in "(√π"
                elif s.startswith("("):  # x(y + 1), x²(y + 1), sin(x)(y + 1); not w1(…)
                    juxt = (out[-1] in ")|" or out[-1] in _SUPER_CHARS
                            or (prev[0] == "sym" and len(to_text(prev)) == 1))
                else:
                    juxt = False
                out += s if juxt else "·" + s
            prev = f
        return out
    if k == "div":
        return _wrap(t[1], 20) + "/" + _wrap(t[2], 21)
    if k == "pow":
        base = _wrap(t[1], 31)
        if t[1][0] == "call" and t[1][1] == "sqrt":
            base = "(" + base + ")"
        e = t[2]
        ev = _const_value(e)
        if ev is not None and ev.denominator == 1 and abs(ev) < 1000:
            return base + str(ev.numerator).translate(_SUPERSCRIPT)
        if e[0] == "sym" or (e[0] == "num" and _prec(e) == 40):
            return base + "^" + to_text(e)
        return base + "^(" + to_text(e) + ")"
    if k == "call":
        name = t[1]
        if name == "sqrt":
            a = t[2][0]
            inner = to_text(a)
            return "√" + (inner if a[0] == "sym" or (a[0] == "num" and _prec(a) == 40)
                          else "(" + inner + ")")
        if name == "abs":
            return "|" + to_text(t[2][0]) + "|"
        return name + "(" + ", ".join(to_text(a) for a in t[2]) + ")"
    raise AssertionError(k)  # pragma: no cover


def _wrap(t, prec):
    s = to_text(t)
    return "(" + s + ")" if _prec(t) < prec else s


def _from_sympy(e: sp.Expr) -> tuple:
    """Sympy expression → display tree (for simplified forms)."""
    if e.is_Integer:
        return _num(Fraction(int(e)))
    if e.is_Rational:
        return _num(Fraction(int(e.p), int(e.q)))
    if e.is_Float:
        return ("num", Fraction(float(e)), f"{float(e):.6g}")
    if e is sp.pi:
        return ("sym", "pi")
    if e is sp.E:
        return ("sym", "e")
    if e.is_Symbol:
        return ("sym", e.name)
    if e.is_Add:
        return ("add", [_from_sympy(a) for a in e.as_ordered_terms()])
    if e.is_Mul:
        c, rest = e.as_coeff_mul()
        num, den = [], []
        for f in rest:
            if f.is_Pow and f.exp.is_Rational and f.exp < 0:
                den.append(_from_sympy(f.base ** -f.exp))
            else:
                num.append(_from_sympy(f))
        cf = Fraction(int(sp.Rational(c).p), int(sp.Rational(c).q)) if c.is_Rational else None
        if cf is not None:
            if cf.denominator != 1:
                den.insert(0, _num(Fraction(cf.denominator)))
            cnum = cf.numerator
            top = ([_num(Fraction(abs(cnum)))] if abs(cnum) != 1 else []) + num
            neg = cnum < 0
        else:
            top = [_from_sympy(c)] + num
            neg = False
        t = top[0] if len(top) == 1 else ("mul", top) if top else ONE
        if den:
            t = ("div", t, den[0] if len(den) == 1 else ("mul", den))
        return ("neg", t) if neg else t
    if e.is_Pow:
        if e.exp == sp.Rational(1, 2):
            return ("call", "sqrt", [_from_sympy(e.base)])
        if e.exp.is_Rational and e.exp < 0:
            return ("div", ONE, _from_sympy(e.base ** -e.exp))
        if e.base is sp.E:
            return ("call", "exp", [_from_sympy(e.exp)])
        return ("pow", _from_sympy(e.base), _from_sympy(e.exp))
    if isinstance(e, sp.exp):
        return ("call", "exp", [_from_sympy(e.args[0])])
    if isinstance(e, sp.Abs):
        return ("call", "abs", [_from_sympy(e.args[0])])
    if isinstance(e, sp.log):
        return ("call", "ln", [_from_sympy(a) for a in e.args])
    if isinstance(e, sp.Function) or e.is_Function:
        name = type(e).__name__.lower()
        name = {"heaviside": "step"}.get(name, name)
        args = e.args[:1] if name == "step" else e.args
        return ("call", name, [_from_sympy(a) for a in args])
    return ("sym", str(e))


def sympy_text(e: sp.Expr) -> str:
    """Readable one-line math for a sympy expression (e.g. a simplified derivative)."""
    return to_text(_from_sympy(e))
