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

import ast
import cmath
import keyword
import math
import re
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np
import sympy as sp

# the display algebra (chain-rule text, printing) lives beside the parser
from core.expression_text import (
    _NICE_NAMES,
    CONSTANTS,
    _diff,
    _free,
    _neg_text,
    _negate,
    sympy_text,
    to_text,
)

__all__ = ["ExpressionError", "Objective", "parse", "FUNCTIONS", "CONSTANTS", "to_text",
           "bounded_power", "bounded_subs", "real_diff", "numeric_function"]

MAX_LENGTH = 500
MAX_TOKENS = 300
MAX_NODES = 250
MAX_DEPTH = 40
MAX_LITERAL_DIGITS = 20
MAX_EXPONENT = 200
MAX_RESULT_DIGITS = 300
MAX_NEST = 8             # nested functions / non-trivial powers and quotients
MAX_NUMBER_DIGITS = 1000  # digits of the exact numbers sympy may build
MAX_DERIVATIVE_SIZE = 3000  # estimated size of the gradient (see _cost)
MAX_SYMBOLIC_HESSIAN = 5000  # above this estimated size: finite-difference Hessian
_LN10 = math.log(10)


class ExpressionError(ValueError):
    """A refusal of user text. ``position`` is a 0-based character index or None.

    ``key`` names the kind of error (for translation in the GUI) and ``params``
    holds the values substituted into the message.
    """

    def __init__(self, message: str, position: int | None = None, key: str = "", **params):
        self.message = message
        self.position = position
        self.key = key or "invalid"
        self.params = params
        where = f" (at position {position + 1})" if position is not None else ""
        super().__init__(message + where)


# name -> (accepted numbers of arguments, sympy builder)
def _sig(u):
    return 1 / (1 + sp.exp(-u))


FUNCTIONS: dict[str, tuple[tuple[int, ...], Callable]] = {
    "sin": ((1,), sp.sin), "cos": ((1,), sp.cos), "tan": ((1,), sp.tan),
    "asin": ((1,), sp.asin), "acos": ((1,), sp.acos), "atan": ((1,), sp.atan),
    "arcsin": ((1,), sp.asin), "arccos": ((1,), sp.acos), "arctan": ((1,), sp.atan),
    "sinh": ((1,), sp.sinh), "cosh": ((1,), sp.cosh), "tanh": ((1,), sp.tanh),
    "exp": ((1,), sp.exp), "log": ((1, 2), sp.log), "ln": ((1,), sp.log),
    "log10": ((1,), lambda u: sp.log(u, 10)), "log2": ((1,), lambda u: sp.log(u, 2)),
    "sqrt": ((1,), sp.sqrt), "abs": ((1,), sp.Abs), "sign": ((1,), sp.sign),
    "sigmoid": ((1,), _sig), "relu": ((1,), lambda u: sp.Max(0, u)),
    "max": ((2,), sp.Max), "min": ((2,), sp.Min), "atan2": ((2,), sp.atan2),
    "sec": ((1,), sp.sec), "csc": ((1,), sp.csc), "cot": ((1,), sp.cot),
}

_SUPER_DIGITS = {c: str(i) for i, c in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹")}
_SUPER_SIGNS = {"⁻": "-", "⁺": "+"}


# --------------------------------------------------------------------------
# Tokeniser
# --------------------------------------------------------------------------
_NUM_RE = re.compile(r"([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")
# Latin and Greek letters (α…ω, Α…Ω and the variants ϑ ϕ ϵ); Python applies NFKC
# to identifiers, which maps those variants onto θ φ ε. π (and ϖ) is never part of
# a name: 2πx is 2·π·x.
_LETTER = "A-Za-z\u0391-\u03a9\u03b1-\u03bf\u03c1-\u03c9\u03d1\u03d5\u03f5"
_NAME_RE = re.compile(f"[{_LETTER}_][{_LETTER}0-9_]*|[π\u03d6]")
_OPS = {"**": "**", "^": "**", "+": "+", "-": "-", "−": "-", "–": "-", "*": "*", "×": "*",
        "·": "*", "⋅": "*", "/": "/", "÷": "/", "(": "(", ")": ")", ",": ",",
        "[": "(", "]": ")"}
_PAIRS = {"(": ")", "[": "]", "|": "|"}


@dataclass
class _Tok:
    kind: str  # num, name, op
    text: str  # python text
    pos: int   # position in the original text
    br: str = ""  # for brackets: the character typed: ( ) [ ] or | (abs bars)


def _ends_operand(t: _Tok | None) -> bool:
    return t is not None and (t.kind == "num" or (t.kind == "name" and t.text not in FUNCTIONS)
                              or t.text == ")")


def _known_functions() -> str:
    return ", ".join(sorted(k for k in FUNCTIONS if not k.startswith("arc")))


def _tokenise(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(text)
    open_bars = 0
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        m = _NUM_RE.match(text, i)
        if m:
            lit = m.group(0)
            lit = re.sub(r"^0+(?=[0-9])", "", lit)  # Python refuses 007
            toks.append(_Tok("num", lit, i))
            i = m.end()
            continue
        m = _NAME_RE.match(text, i)
        if m:
            name = "π" if m.group(0) == "\u03d6" else m.group(0)
            if keyword.iskeyword(name):
                raise ExpressionError(f"'{name}' is not allowed in a function", i, "keyword",
                                      name=name)
            if name.startswith("_"):
                raise ExpressionError("A name must start with a letter", i, "bad_name",
                                      name=name)
            toks.append(_Tok("name", name, i))
            i = m.end()
            continue
        if text.startswith("**", i):
            toks.append(_Tok("op", "**", i))
            i += 2
            continue
        if ch == "[" and toks and toks[-1].kind == "name" and toks[-1].text not in FUNCTIONS \
                and toks[-1].pos + len(toks[-1].text) == i:
            raise ExpressionError(
                f"Indexing such as {toks[-1].text}[…] is not supported: write a name like "
                f"{toks[-1].text}1, or use ( ) to multiply", i, "subscript",
                name=toks[-1].text)
        if ch in _OPS:
            t = _Tok("op", _OPS[ch], i, ch if ch in "()[]" else "")
            toks.append(t)
            i += 1
            continue
        if ch in _SUPER_DIGITS or (ch in _SUPER_SIGNS and i + 1 < n
                                   and text[i + 1] in _SUPER_DIGITS):
            toks.append(_Tok("op", "**", i))
            if ch in _SUPER_SIGNS:
                toks.append(_Tok("op", _SUPER_SIGNS[ch], i))
                i += 1
            j = i
            while j < n and text[j] in _SUPER_DIGITS:
                j += 1
            digits = "".join(_SUPER_DIGITS[c] for c in text[i:j]).lstrip("0") or "0"
            toks.append(_Tok("num", digits, i))
            i = j
            continue
        if ch == "√":
            toks.append(_Tok("name", "sqrt", i))
            j = i + 1
            while j < n and text[j].isspace():
                j += 1
            if j < n and text[j] in "([":
                i = j
                continue
            m = _NUM_RE.match(text, j) or _NAME_RE.match(text, j)
            if not m or m.group(0) in FUNCTIONS or m.group(0).startswith("_") \
                    or keyword.iskeyword(m.group(0)):
                raise ExpressionError("Write √ before a number, a variable or a bracket: "
                                      "√x, √2, √(x + 1)", i, "sqrt")
            kind = "num" if m.re is _NUM_RE else "name"
            lit = re.sub(r"^0+(?=[0-9])", "", m.group(0)) if kind == "num" else m.group(0)
            toks += [_Tok("op", "(", i, "√"), _Tok(kind, lit, j), _Tok("op", ")", j, "√")]
            i = m.end()
            continue
        if ch == "|":
            if open_bars and _ends_operand(toks[-1] if toks else None):
                toks.append(_Tok("op", ")", i, "|"))
                open_bars -= 1
            else:
                toks += [_Tok("name", "abs", i), _Tok("op", "(", i, "|")]
                open_bars += 1
            i += 1
            continue
        if ch == "=":
            raise ExpressionError(
                "Type only the right-hand side, e.g. x^2 + y^2 instead of f = x^2 + y^2",
                i, "equals")
        if ch in "<>!≤≥≠":
            raise ExpressionError("Comparisons are not allowed: type only the function",
                                  i, "comparison", char=ch)
        raise ExpressionError(f"Unexpected character '{ch}'", i, "char", char=ch)
    if len(toks) > MAX_TOKENS:
        raise ExpressionError(f"The function is too long (more than {MAX_TOKENS} symbols)",
                              toks[MAX_TOKENS].pos, "too_long", limit=MAX_TOKENS)
    # implicit multiplication: 2x, 2(x+1), (x+1)(x-1), x(y+1), 2 sin(x), x y
    out: list[_Tok] = []
    for idx, t in enumerate(toks):
        nxt = toks[idx + 1] if idx + 1 < len(toks) else None
        if t.kind == "name" and t.text in FUNCTIONS and (nxt is None or nxt.text != "("):
            raise ExpressionError(f"'{t.text}' is a function: write {t.text}(…)", t.pos,
                                  "function_as_name", name=t.text)
        if (t.kind == "name" and t.text not in FUNCTIONS and len(t.text) > 1
                and t.text not in CONSTANTS and nxt is not None and nxt.text == "("
                and nxt.br == "(" and nxt.pos == t.pos + len(t.text)):
            raise ExpressionError(f"Unknown function '{t.text}'. Known functions: "
                                  f"{_known_functions()}", t.pos, "unknown_function",
                                  name=t.text)
        if out:
            p = out[-1]
            left = _ends_operand(p)
            right = t.kind in ("num", "name") or t.text == "("
            if left and right and not (p.kind == "num" and t.kind == "num"):
                out.append(_Tok("op", "*", t.pos))
        out.append(t)
    stack: list[_Tok] = []
    for t in out:
        if t.text == "(":
            stack.append(t)
            if len(stack) > MAX_DEPTH:
                raise ExpressionError(f"Too many nested brackets (more than {MAX_DEPTH})",
                                      t.pos, "too_deep", limit=MAX_DEPTH)
        elif t.text == ")":
            if not stack:
                raise ExpressionError(f"This '{t.br}' has no matching "
                                      f"'{'(' if t.br == ')' else '['}'", t.pos,
                                      "unmatched_close", char=t.br)
            o = stack.pop()
            if o.br == "√":
                continue
            if _PAIRS[o.br] != t.br:
                raise ExpressionError(f"This '{t.br}' does not match the '{o.br}' at position "
                                      f"{o.pos + 1}", t.pos, "mismatched", char=t.br)
    if stack:
        o = stack[-1]
        raise ExpressionError(f"A '{o.br}' is never closed", o.pos, "unclosed", char=o.br)
    return out


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


def _lambdify(symbols, exprs, module):
    # dummify: a variable called e.g. "numpy", "math" or "x0" must not shadow the
    # names the generated code uses
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sp.lambdify(symbols, exprs, modules=module, cse=True, dummify=True)


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
        f = _lambdify(syms, num_f, "numpy")
        g = _lambdify(syms, num_g, "numpy")
    except ExpressionError:
        raise
    except Exception:  # RecursionError, MemoryError, sympy limits…
        raise ExpressionError("The function is too complicated to differentiate", 0,
                              "too_complex") from None
    try:
        # the same expressions, common subexpressions and order of operations as
        # the numpy path, so that both give the same numbers
        ns = [_math_namespace(), "math"]
        sf, sg = _lambdify(syms, num_f, ns), _lambdify(syms, num_g, ns)
    except Exception:  # pragma: no cover - the numpy path is enough
        sf = sg = None
    return Objective(text=text, variables=tuple(variables), expression=expr,
                     partials=partials, _tree=tree, _f=f, _g=g, _sf=sf, _sg=sg,
                     _hessian_size=k * k * d2)


# "sinx", "cos2y", "expx": a function name glued to its argument
_GLUED_FUNCTION = re.compile(
    r"^(" + "|".join(sorted((re.escape(f) for f in FUNCTIONS if f.isalpha() and len(f) > 1),
                            key=len, reverse=True)) + r")(\d*[xyzuvw]\d?)$")


def _find_name(text: str, name: str) -> int | None:
    m = re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text)
    return m.start() if m else None
