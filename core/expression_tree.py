"""Parse-time checks: the token stream → a small, checked expression tree.

Python's :mod:`ast` parses the token stream and a whitelist walker builds the tree,
bounding its size, nesting, literals, constant powers and the size of the exact
numbers sympy would build (so that ``x**(10**10**10)`` is refused in microseconds).

Moved out of core/expression.py.
"""
from __future__ import annotations

import ast
import cmath
import math
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from core.expression_lexer import _known_functions, _tokenise
from core.expression_rules import (
    FUNCTIONS,
    MAX_DEPTH,
    MAX_EXPONENT,
    MAX_LITERAL_DIGITS,
    MAX_NEST,
    MAX_NODES,
    MAX_RESULT_DIGITS,
    ExpressionError,
)
from core.expression_text import CONSTANTS, _neg_text, _negate

_LN10 = math.log(10)


# --------------------------------------------------------------------------
# Tree: tuples ('num', Fraction, text) ('sym', name) ('add', [terms])
# ('neg', a) ('mul', [factors]) ('div', a, b) ('pow', a, b) ('call', name, [args])
# --------------------------------------------------------------------------
@dataclass
class _Info:
    """What the size limits need to know about a subtree."""

    level: int            # nesting of functions and non-trivial powers / quotients
    digits: float         # bound on log10 of the exact numbers sympy may build for it
    value: complex | None  # its value if constant (complex inf if huge), else None


_INF = complex(math.inf, 0.0)
_NAN = complex(math.nan, math.nan)
_MAX_DIGIT_ESTIMATE = 100_000  # beyond this even computing the exact numbers is slow


def _finite(v: complex) -> bool:
    return cmath.isfinite(v)


def _cpow(a: complex, b: complex) -> complex:
    if cmath.isnan(a) or cmath.isnan(b):
        return _NAN
    if a == 0:
        return 1 + 0j if b == 0 else (0j if b.real > 0 else _NAN)
    try:
        lm = (b * cmath.log(a)).real / _LN10
        if not math.isfinite(lm) or lm > 330:
            return _INF
        if lm < -330:
            return 0j
        return cmath.exp(b * cmath.log(a))
    except (OverflowError, ValueError, ZeroDivisionError):
        return _INF


_CFUNCS: dict[str, Callable] = {
    "sin": cmath.sin, "cos": cmath.cos, "tan": cmath.tan, "asin": cmath.asin,
    "acos": cmath.acos, "atan": cmath.atan, "arcsin": cmath.asin, "arccos": cmath.acos,
    "arctan": cmath.atan, "sinh": cmath.sinh, "cosh": cmath.cosh, "tanh": cmath.tanh,
    "exp": cmath.exp, "ln": cmath.log, "sqrt": cmath.sqrt, "log10": cmath.log10,
    "log2": lambda u: cmath.log(u) / math.log(2), "abs": lambda u: complex(abs(u)),
    "sign": lambda u: 1 + 0j, "sigmoid": lambda u: 1 / (1 + cmath.exp(-u)),
    "relu": lambda u: complex(max(0.0, u.real)), "sec": lambda u: 1 / cmath.cos(u),
    "csc": lambda u: 1 / cmath.sin(u), "cot": lambda u: cmath.cos(u) / cmath.sin(u),
    "log": lambda u, b=None: cmath.log(u) if b is None else cmath.log(u) / cmath.log(b),
    "max": lambda a, b: complex(max(a.real, b.real)),
    "min": lambda a, b: complex(min(a.real, b.real)),
    "atan2": lambda a, b: complex(math.atan2(a.real, b.real)),
}


def _cfunc(name: str, vals: list[complex]) -> complex:
    """Value of a function of constants, for the size checks: inf if it overflows,
    nan where it is undefined (sympy then decides, e.g. log(0) = zoo)."""
    if any(cmath.isnan(v) for v in vals):
        return _NAN
    if not all(_finite(v) for v in vals):
        return _INF
    try:
        r = complex(_CFUNCS[name](*vals))
    except OverflowError:
        return _INF
    except (ValueError, ZeroDivisionError):
        return _NAN
    return r if _finite(r) or cmath.isnan(r) else _INF


def _known(values: list[complex | None]) -> list[complex] | None:
    """The values if all of them are known (constant subtrees), else None."""
    out = [v for v in values if v is not None]
    return out if len(out) == len(values) else None


def _info(t: tuple, memo: dict[int, tuple[tuple, _Info]]) -> _Info:
    """Bottom-up facts about a subtree, memoised by identity while the tree is built
    (the memo keeps the subtree alive, so that its id cannot be reused)."""
    got = memo.get(id(t))
    if got is not None and got[0] is t:
        return got[1]
    k = t[0]
    val: complex | None
    if k == "num":
        v: Fraction = t[1]
        big = max(abs(v.numerator), v.denominator)
        try:
            val = complex(float(v))
        except OverflowError:
            val = _INF
        res = _Info(0, math.log10(big) if big > 1 else 0.0, val)
    elif k == "sym":
        r = {"pi": math.pi, "π": math.pi, "e": math.e}.get(t[1])
        res = _Info(0, 0.0, None if r is None else complex(r))
    elif k == "neg":
        a = _info(t[1], memo)
        res = _Info(a.level, a.digits, None if a.value is None else -a.value)
    elif k in ("add", "mul"):
        ch = [_info(a, memo) for a in t[1]]
        vals = _known([c.value for c in ch])
        val = None
        if vals is not None:
            val = 0j if k == "add" else 1 + 0j
            for cv in vals:
                val = val + cv if k == "add" else val * cv
        res = _Info(max(c.level for c in ch), sum(c.digits for c in ch), val)
    elif k == "div":
        a, b = _info(t[1], memo), _info(t[2], memo)
        val = None
        if a.value is not None and b.value is not None:
            try:
                val = a.value / b.value
            except ZeroDivisionError:
                val = _NAN
            except OverflowError:
                val = _INF
        level = max(a.level, b.level) + (b.value is None)
        res = _Info(level, a.digits + b.digits, val)
    elif k == "pow":
        a, b = _info(t[1], memo), _info(t[2], memo)
        av, bv = a.value, b.value
        trivial = t[1][0] == "sym" and bv is not None
        level = max(a.level, b.level) + (not (av is not None and bv is not None) and not trivial)
        if bv is not None:
            digits = abs(bv) * a.digits + b.digits if a.digits else b.digits
        else:
            digits = a.digits + b.digits
        res = _Info(level, digits, _cpow(av, bv) if av is not None and bv is not None else None)
    elif k == "call":
        ch = [_info(a, memo) for a in t[2]]
        vals = _known([c.value for c in ch])
        level = max(c.level for c in ch) + (vals is None)
        res = _Info(level, sum(c.digits for c in ch),
                    None if vals is None else _cfunc(t[1], vals))
    else:  # pragma: no cover
        raise AssertionError(k)
    memo[id(t)] = (t, res)
    return res


def _build(text: str) -> tuple:
    toks = _tokenise(text)
    if not toks:
        raise ExpressionError("Type a function, for example x^2 + y^2", 0, "empty")
    src_parts: list[str] = []
    offsets: list[tuple[int, int]] = []  # (offset in src, original position)
    col = 0
    for t in toks:
        offsets.append((col, t.pos))
        src_parts.append(t.text)
        col += len(t.text) + 1
    src = " ".join(src_parts)
    enc = src.encode("utf-8")
    if toks[-1].kind == "op" and toks[-1].text != ")":
        raise ExpressionError("The formula ends too early: something is missing after "
                              f"'{text[toks[-1].pos]}'", len(text.rstrip()), "syntax")
    if toks[0].text in ("*", "/", "**", ","):
        raise ExpressionError(f"The formula cannot start with '{text[toks[0].pos]}'",
                              toks[0].pos, "syntax")

    def orig(col_offset: int | None) -> int:
        if col_offset is None:
            return 0
        best = 0
        for c, p in offsets:
            if c <= col_offset:
                best = p
            else:
                break
        return best

    def where(node) -> int:
        """Original position of an ast node (its col_offset counts UTF-8 bytes)."""
        b = getattr(node, "col_offset", None)
        if b is None:
            return 0
        return orig(len(enc[:b].decode("utf-8", errors="ignore")))

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(src, mode="eval")
    except SyntaxError as exc:
        off = max(0, (exc.offset or 1) - 1)  # SyntaxError offsets count characters
        pos = orig(off) if off < len(src) else len(text.rstrip())
        raise ExpressionError("This is not a complete formula here: check for a missing "
                              "number, variable or operator", pos, "syntax") from None
    except (RecursionError, MemoryError, ValueError):
        raise ExpressionError("The function is too complicated", 0, "too_complex") from None

    count = [0]
    memo: dict[int, tuple[tuple, _Info]] = {}

    def checked(t: tuple, pos: int) -> tuple:
        inf = _info(t, memo)
        if inf.value is not None and cmath.isinf(inf.value):
            # beyond the float range: numerically inf or nan everywhere, and sympy
            # may try to evaluate e.g. sin(exp(exp(exp(3)))) to millions of digits
            raise ExpressionError("This number is too large (beyond 10^308)", pos,
                                  "big_number")
        if inf.level > MAX_NEST:
            raise ExpressionError(f"The functions are nested too deeply (at most {MAX_NEST} "
                                  "levels)", pos, "too_deep", limit=MAX_NEST)
        if not inf.digits <= _MAX_DIGIT_ESTIMATE:
            raise ExpressionError("The numbers in this function get too large", pos,
                                  "big_number")
        return t

    def walk(node, depth: int) -> tuple:
        count[0] += 1
        pos = where(node)
        if count[0] > MAX_NODES:
            raise ExpressionError(f"The function is too long (more than {MAX_NODES} parts)",
                                  pos, "too_long", limit=MAX_NODES)
        if depth > MAX_DEPTH * 2:
            raise ExpressionError("The function is nested too deeply", pos, "too_deep",
                                  limit=MAX_DEPTH)
        if isinstance(node, ast.Expression):
            return walk(node.body, depth + 1)
        if isinstance(node, ast.Constant):
            v = node.value
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise ExpressionError("Only numbers, variables and functions are allowed",
                                      pos, "bad_literal")
            lit = _literal_text(src, node)
            digits = len(re.split("[eE]", lit)[0].replace(".", "").lstrip("0"))
            mant, _, exp10 = lit.lower().partition("e")
            if digits > MAX_LITERAL_DIGITS or len(exp10.lstrip("+-")) > 4:
                frac = None
            else:
                frac = Fraction(lit)
            if frac is None or abs(frac) > 10 ** 100 or (frac != 0 and
                                                         abs(frac) < Fraction(1, 10 ** 100)):
                raise ExpressionError(
                    f"Numbers must have at most {MAX_LITERAL_DIGITS} digits and lie between "
                    "1e-100 and 1e100", pos, "big_number", limit=MAX_LITERAL_DIGITS)
            return ("num", frac, lit)
        if isinstance(node, ast.Name):
            name = node.id
            if name in FUNCTIONS:
                raise ExpressionError(f"'{name}' is a function: write {name}(…)", pos,
                                      "function_as_name", name=name)
            if len(name) > 12:
                raise ExpressionError(f"The name '{name}' is too long (at most 12 letters)",
                                      pos, "long_name", name=name)
            return ("sym", name)
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.USub):
                a = walk(node.operand, depth + 1)
                if a[0] == "num":
                    return ("num", -a[1], _neg_text(a[2]))
                return ("neg", a)
            if isinstance(node.op, ast.UAdd):
                return walk(node.operand, depth + 1)
            raise ExpressionError("This operator is not allowed", pos, "operator")
        if isinstance(node, ast.BinOp):
            a = walk(node.left, depth + 1)
            b = walk(node.right, depth + 1)
            op = node.op
            if isinstance(op, ast.Add):
                return checked(("add", _terms(a) + _terms(b)), pos)
            if isinstance(op, ast.Sub):
                return checked(("add", _terms(a) + [_negate(t) for t in _terms(b)]), pos)
            if isinstance(op, ast.Mult):
                # Python reads -2*x and -x*y as (-2)*x and (-x)*y: keep the sign in front
                neg = False
                if a[0] == "neg":
                    neg, a = True, a[1]
                elif a[0] == "num" and a[1] < 0:
                    neg, a = True, _negate(a)
                fs = _factors(a) + _factors(b)
                if neg and len(fs) > 1 and fs[0][0] == "num" and fs[0][1] == 1:
                    fs = fs[1:]
                m = fs[0] if len(fs) == 1 else ("mul", fs)
                return checked(("neg", m) if neg else m, pos)
            if isinstance(op, ast.Div):
                if a[0] == "neg" or (a[0] == "num" and a[1] < 0):
                    return checked(("neg", ("div", _negate(a), b)), pos)
                return checked(("div", a, b), pos)
            if isinstance(op, ast.Pow):
                _check_power(_info(a, memo), _info(b, memo), where(node.right))
                return checked(("pow", a, b), where(node.right))
            sym = {ast.Mod: "%", ast.FloorDiv: "//", ast.MatMult: "@", ast.BitXor: "^",
                   ast.BitAnd: "&", ast.BitOr: "|", ast.LShift: "<<", ast.RShift: ">>"}
            s = sym.get(type(op), "?")
            raise ExpressionError(f"The operator '{s}' is not allowed; use + - * / ^",
                                  pos, "operator", op=s)
        if isinstance(node, ast.Call):
            if not isinstance(node.func, ast.Name):
                raise ExpressionError("Only named functions such as sin(x) can be called",
                                      pos, "call")
            name = node.func.id
            if name not in FUNCTIONS:
                if name in CONSTANTS:
                    raise ExpressionError(f"'{name}' is a constant, not a function", pos,
                                          "unknown_function", name=name)
                raise ExpressionError(f"Unknown function '{name}'. Known functions: "
                                      f"{_known_functions()}", pos, "unknown_function",
                                      name=name)
            if node.keywords or any(isinstance(a, ast.Starred) for a in node.args):
                raise ExpressionError(f"Write {name}(…) with plain arguments", pos, "call")
            arities = FUNCTIONS[name][0]
            if len(node.args) not in arities:
                want = " or ".join(str(k) for k in arities)
                raise ExpressionError(
                    f"{name} takes {want} argument(s), not {len(node.args)}", pos,
                    "arity", name=name, want=want, got=len(node.args))
            return checked(("call", name, [walk(a, depth + 1) for a in node.args]), pos)
        if isinstance(node, ast.Tuple):
            raise ExpressionError("A comma is only allowed between a function's arguments",
                                  pos, "comma")
        raise ExpressionError("This is not allowed in a function", pos, "not_allowed")

    return walk(tree, 0)


def _literal_text(src: str, node: ast.Constant) -> str:
    seg = ast.get_source_segment(src, node)
    return seg if seg else repr(node.value)


def _terms(t: tuple) -> list:
    return list(t[1]) if t[0] == "add" else [t]


def _factors(t: tuple) -> list:
    return list(t[1]) if t[0] == "mul" else [t]


def _check_power(a: _Info, b: _Info, pos: int) -> None:
    """Refuse powers whose exact evaluation by sympy could hang or explode."""
    ev = b.value
    if ev is None:
        return  # symbolic exponent such as x^y: sympy keeps it unevaluated
    if cmath.isnan(ev):
        raise ExpressionError("This exponent is undefined (e.g. a division by 0)", pos,
                              "undefined")
    if not _finite(ev) or abs(ev) > MAX_EXPONENT:
        raise ExpressionError(f"The exponent is too large (at most {MAX_EXPONENT})", pos,
                              "big_power", limit=MAX_EXPONENT)
    bv = a.value
    if bv is not None and not cmath.isnan(bv):
        if not _finite(bv):
            raise ExpressionError("This power is too large", pos, "big_power",
                                  limit=MAX_EXPONENT)
        if bv != 0 and abs(ev) * abs(math.log10(abs(bv))) > MAX_RESULT_DIGITS:
            raise ExpressionError("This power is too large", pos, "big_power",
                                  limit=MAX_EXPONENT)
