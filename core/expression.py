"""Safe parsing of the functions a student types, and their derivatives.

``parse(text)`` turns text such as ``(x + y - 3)^2 + (x + 2y - 5)^2 + 2`` (the
chapter's example, section 2.7) into an :class:`Objective`: a sympy expression,
its partial derivatives ∂f/∂v, and fast numeric functions for f and ∇f.

Safety: user text never reaches ``eval``, ``sympify`` or ``parse_expr`` (they
execute Python). The text is tokenised here, implicit multiplication is made
explicit (``2x`` → ``2*x``), then Python's :mod:`ast` parses the token stream and
a whitelist walker builds a small expression tree. Sizes are bounded (text
length, tokens, nodes, nesting depth, literal size, constant powers, the size of
the numbers sympy would build and of the derivatives), so inputs such as
``x**(10**10**10)`` are refused in microseconds instead of hanging.

Every refusal raises :class:`ExpressionError` (a ``ValueError``) with a message a
student can act on and the character position (0-based) it refers to.

The derivative text is built by applying the chain rule to the tree as typed,
so ∂f/∂x of the chapter's f reads ``2(x + y − 3) + 2(x + 2y − 5)``, exactly as in
the chapter, and also in sympy's simplified form ``4x + 6y − 16``. The text that
is shown (``function_text``, the derivative texts) can be typed back in: the
parser reads the superscripts, ``√`` and ``|…|`` it prints.
"""
from __future__ import annotations

import keyword
import math
import re
from collections import OrderedDict
from collections.abc import Sequence

import sympy as sp

from core.expression_numeric import SharedCSE, _clean, _lambdify, _math_namespace, _numeric_form
from core.expression_numeric import numeric_function as numeric_function
from core.expression_printer import to_text as to_text
from core.expression_rules import (
    FUNCTIONS,
    MAX_DERIVATIVE_SIZE,
    MAX_LENGTH,
    MAX_NUMBER_DIGITS,
    ExpressionError,
)
from core.expression_sympy import _to_sympy, real_diff
from core.expression_sympy import bounded_power as bounded_power
from core.expression_sympy import bounded_subs as bounded_subs
from core.expression_text import CONSTANTS, _free
from core.expression_tree import _MAX_DIGIT_ESTIMATE as _MAX_DIGIT_ESTIMATE
from core.expression_tree import _build
from core.objective import Objective

__all__ = ["ExpressionError", "Objective", "parse", "parse_cached", "FUNCTIONS", "CONSTANTS",
           "to_text", "bounded_power", "bounded_subs", "real_diff", "numeric_function"]


def _order(names: set[str]) -> tuple[str, ...]:
    first = [v for v in ("x", "y", "z") if v in names]
    return tuple(first + sorted(n for n in names if n not in ("x", "y", "z")))


# --------------------------------------------------------------------------
# Size of the derivatives, estimated on the tree before sympy builds them
# --------------------------------------------------------------------------
def _cost(t: tuple) -> tuple[float, float, float]:
    """(size of f, of ∂f/∂v, of ∂²f/∂v²), roughly in expression nodes, for one
    variable standing for all of them (an over-estimate, cheap to compute)."""
    k = t[0]
    if k == "num":
        return (1, 0, 0)
    if k == "sym":
        return (1, 0, 0) if t[1] in CONSTANTS else (1, 1, 0)
    if k in ("add", "neg"):
        ch = [_cost(a) for a in (t[1] if k == "add" else [t[1]])]
        return (1 + sum(c[0] for c in ch), 1 + sum(c[1] for c in ch),
                1 + sum(c[2] for c in ch))
    if k == "mul":
        return _cost_mul([_cost(a) for a in t[1]])
    if k == "div":
        return _cost_mul([_cost(t[1]), _cost_call(_cost(t[2]), 1, 2)])
    if k == "pow":
        a, b = _cost(t[1]), _cost(t[2])
        if b[1] == 0:
            return _cost_call(a, 1, 2)
        return _cost_call(_cost_mul([b, _cost_call(a, 1, 2)]), 1, 2)
    if k == "call":
        ch = [_cost(a) for a in t[2]]
        u = (sum(c[0] for c in ch), sum(c[1] for c in ch), sum(c[2] for c in ch))
        return _cost_call(u, 3 if t[1] == "sigmoid" else 2, 6 if t[1] == "sigmoid" else 4)
    raise AssertionError(k)  # pragma: no cover


def _cost_call(u, c1, c2):
    s, d, d2 = u
    if d == 0:
        return (1 + s, 0, 0)
    return (1 + s, 1 + c1 * s + d, 3 + c2 * s + 2 * d + c1 * s + d2)


def _cost_mul(ch):
    s = 1 + sum(c[0] for c in ch)
    var = [c for c in ch if c[1] > 0]
    d = 1 + sum(1 + c[1] + (s - 1 - c[0]) for c in var)
    d2 = 1 + sum(1 + c[2] + (s - 1 - c[0]) for c in var)
    for i in range(len(var)):
        for j in range(i + 1, len(var)):
            d2 += 2 * (1 + var[i][1] + var[j][1] + (s - 1 - var[i][0] - var[j][0]))
    return (s, d, d2)


def _huge_numbers(exprs, max_digits: int) -> bool:
    bits = int(max_digits / math.log10(2))
    for e in exprs:
        for a in e.atoms(sp.Rational):
            if max(abs(int(a.p)).bit_length(), int(a.q).bit_length()) > bits:
                return True
    return False


def parse(text: str, variables: Sequence[str] | None = None) -> Objective:
    """Parse user text into an :class:`Objective` (or raise ExpressionError)."""
    if not isinstance(text, str):
        raise ExpressionError("The function must be text", None, "type")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"The function is too long (at most {MAX_LENGTH} characters)",
                              MAX_LENGTH, "too_long", limit=MAX_LENGTH)
    tree = _build(text)
    names = _free(tree, set())
    given = set(variables) if variables is not None else set()
    for name in sorted(names - given, key=lambda n: (_find_name(text, n) or 0, n)):
        m = _GLUED_FUNCTION.match(name)
        if m:
            fn, arg = m.group(1), m.group(2)
            raise ExpressionError(
                f"'{name}' is read as one variable name: for the function write {fn}({arg})",
                _find_name(text, name), "glued_function", name=name, function=fn, arg=arg)
    if variables is None:
        variables = _order(names)
    else:
        variables = tuple(variables)
        for v in variables:
            if not isinstance(v, str) or not re.fullmatch(r"[^\W\d_]\w*", v) or v in FUNCTIONS \
                    or v in CONSTANTS or keyword.iskeyword(v):
                raise ExpressionError(f"'{v}' cannot be a variable name", None, "bad_variable",
                                      name=str(v))
        if len(set(variables)) != len(variables):
            raise ExpressionError("A variable is listed twice", None, "bad_variable", name="")
        extra = names - set(variables)
        if extra:
            name = sorted(extra)[0]
            pos = _find_name(text, name)
            raise ExpressionError(
                f"Unknown name '{name}': the variables here are {', '.join(variables)}",
                pos, "unknown_variable", name=name, variables=", ".join(variables))
    s, d, d2 = _cost(tree)
    k = max(1, len(names))
    if k * d > MAX_DERIVATIVE_SIZE:
        raise ExpressionError("This function is too large to differentiate here: "
                              "simplify it or use fewer factors", 0, "too_complex")
    symbols = {v: sp.Symbol(v, real=True) for v in variables}
    try:
        expr = _to_sympy(tree, symbols)
        if expr.has(sp.zoo, sp.nan):
            raise ExpressionError("The function is undefined everywhere (e.g. a division "
                                  "by 0)", 0, "undefined")
        syms = [symbols[v] for v in variables]
        partials = tuple(_clean(real_diff(expr, s)) for s in syms)
        if _huge_numbers((expr,) + partials, MAX_NUMBER_DIGITS):
            raise ExpressionError("The numbers in this function get too large", 0,
                                  "big_number")
        num_f = _numeric_form(expr)
        num_g = [_numeric_form(p) for p in partials]
        shared = SharedCSE()  # one cse of f and of ∇f for both backends
        f = _lambdify(syms, num_f, "numpy", shared)
        g = _lambdify(syms, num_g, "numpy", shared)
    except ExpressionError:
        raise
    except Exception:  # RecursionError, MemoryError, sympy limits…
        raise ExpressionError("The function is too complicated to differentiate", 0,
                              "too_complex") from None
    try:
        # the same expressions, common subexpressions and order of operations as
        # the numpy path, so that both give the same numbers
        ns = [_math_namespace(), "math"]
        sf, sg = _lambdify(syms, num_f, ns, shared), _lambdify(syms, num_g, ns, shared)
    except Exception:  # pragma: no cover - the numpy path is enough
        sf = sg = None
    return Objective(text=text, variables=tuple(variables), expression=expr,
                     partials=partials, _tree=tree, _f=f, _g=g, _sf=sf, _sg=sg,
                     _hessian_size=k * k * d2)



_PARSED: OrderedDict[str, Objective] = OrderedDict()
PARSE_CACHE_SIZE = 32


def parse_cached(text: str) -> Objective:
    """:func:`parse` of ``text`` (its own variables), remembered for the last
    ``PARSE_CACHE_SIZE`` texts that parsed: typing back and forth, validating a
    saved state and computing its results parse a text once. An Objective is not
    changed by its users, so one may be shared. Errors are raised each time."""
    obj = _PARSED.get(text)
    if obj is None:
        obj = parse(text)
        _PARSED[text] = obj
        while len(_PARSED) > PARSE_CACHE_SIZE:
            _PARSED.popitem(last=False)
    else:
        _PARSED.move_to_end(text)
    return obj

# "sinx", "cos2y", "expx": a function name glued to its argument
_GLUED_FUNCTION = re.compile(
    r"^(" + "|".join(sorted((re.escape(f) for f in FUNCTIONS if f.isalpha() and len(f) > 1),
                            key=len, reverse=True)) + r")(\d*[xyzuvw]\d?)$")


def _find_name(text: str, name: str) -> int | None:
    m = re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text)
    return m.start() if m else None
