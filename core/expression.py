"""Safe parsing of the functions a student types, and their derivatives.

``parse(text)`` turns text such as ``(x + y - 3)^2 + (x + 2y - 5)^2 + 2`` (the
chapter's example, section 2.7) into an :class:`Objective`: a sympy expression,
its partial derivatives ∂f/∂v, and fast numeric functions for f and ∇f.

Safety: user text never reaches ``eval``, ``sympify`` or ``parse_expr`` (they
execute Python). The text is tokenised here, implicit multiplication is made
explicit (``2x`` → ``2*x``), then Python's :mod:`ast` parses the token stream and
a whitelist walker builds a small expression tree. Sizes are bounded (text
length, tokens, nodes, nesting depth, literal size, constant powers), so inputs
such as ``x**(10**10**10)`` are refused in microseconds instead of hanging.

Every refusal raises :class:`ExpressionError` (a ``ValueError``) with a message a
student can act on and the character position (0-based) it refers to.

The derivative text is built by applying the chain rule to the tree as typed,
so ∂f/∂x of the chapter's f reads ``2(x + y − 3) + 2(x + 2y − 5)``, exactly as in
the chapter, and also in sympy's simplified form ``4x + 6y − 16``.
"""
from __future__ import annotations

import ast
import math
import re
import warnings
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Callable, Sequence

import numpy as np
import sympy as sp

__all__ = ["ExpressionError", "Objective", "parse", "FUNCTIONS", "CONSTANTS", "to_text"]

MAX_LENGTH = 500
MAX_TOKENS = 300
MAX_NODES = 250
MAX_DEPTH = 40
MAX_LITERAL_DIGITS = 20
MAX_EXPONENT = 200
MAX_RESULT_DIGITS = 300


class ExpressionError(ValueError):
    """A refusal of user text. ``position`` is a 0-based character index or None.

    ``key`` names the kind of error (for translation in the GUI) and ``args_``
    holds the values substituted into the message.
    """

    def __init__(self, message: str, position: int | None = None, key: str = "", **params):
        self.message = message
        self.position = position
        self.key = key or "invalid"
        self.params = params
        where = f" (at position {position + 1})" if position is not None else ""
        super().__init__(message + where)


# name -> (arity, sympy builder, derivative builder for the display tree)
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
CONSTANTS = {"pi": sp.pi, "e": sp.E, "π": sp.pi}

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_SUPER_IN = {"²": "2", "³": "3", "¹": "1", "⁴": "4"}


# --------------------------------------------------------------------------
# Tokeniser
# --------------------------------------------------------------------------
_NUM_RE = re.compile(r"(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_NAME_RE = re.compile(r"[A-Za-z_\u0370-\u03ff][A-Za-z0-9_\u0370-\u03ff]*")
_OPS = {"**": "**", "^": "**", "+": "+", "-": "-", "−": "-", "–": "-", "*": "*", "×": "*",
        "·": "*", "⋅": "*", "/": "/", "÷": "/", "(": "(", ")": ")", ",": ",",
        "[": "(", "]": ")"}


@dataclass
class _Tok:
    kind: str  # num, name, op
    text: str  # python text
    pos: int   # position in the original text


def _tokenise(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        m = _NUM_RE.match(text, i)
        if m and (ch.isdigit() or ch == "."):
            toks.append(_Tok("num", m.group(0), i))
            i = m.end()
            continue
        m = _NAME_RE.match(text, i)
        if m:
            toks.append(_Tok("name", m.group(0), i))
            i = m.end()
            continue
        if text.startswith("**", i):
            toks.append(_Tok("op", "**", i))
            i += 2
            continue
        if ch in _OPS:
            toks.append(_Tok("op", _OPS[ch], i))
            i += 1
            continue
        if ch in _SUPER_IN:
            toks.append(_Tok("op", "**", i))
            toks.append(_Tok("num", _SUPER_IN[ch], i))
            i += 1
            continue
        if ch == "=":
            raise ExpressionError(
                "Type only the right-hand side, e.g. x^2 + y^2 instead of f = x^2 + y^2",
                i, "equals")
        raise ExpressionError(f"Unexpected character '{ch}'", i, "char", char=ch)
        # pragma: no cover
    if len(toks) > MAX_TOKENS:
        raise ExpressionError(f"The function is too long (more than {MAX_TOKENS} symbols)",
                              toks[MAX_TOKENS].pos, "too_long", limit=MAX_TOKENS)
    # implicit multiplication: 2x, 2(x+1), (x+1)(x-1), x(y+1), 2 sin(x), x y
    out: list[_Tok] = []
    for idx, t in enumerate(toks):
        if (t.kind == "name" and t.text not in FUNCTIONS and len(t.text) > 1
                and t.text not in CONSTANTS and idx + 1 < len(toks)
                and toks[idx + 1].text == "(" and toks[idx + 1].pos == t.pos + len(t.text)):
            known = ", ".join(sorted(k for k in FUNCTIONS if not k.startswith("arc")))
            raise ExpressionError(f"Unknown function '{t.text}'. Known functions: {known}",
                                  t.pos, "unknown_function", name=t.text)
        if out:
            p = out[-1]
            left = p.kind == "num" or (p.kind == "name" and p.text not in FUNCTIONS) or p.text == ")"
            right = t.kind in ("num", "name") or t.text == "("
            if left and right and not (p.kind == "num" and t.kind == "num"):
                out.append(_Tok("op", "*", t.pos))
        out.append(t)
    depth = 0
    for t in out:
        if t.text == "(":
            depth += 1
            if depth > MAX_DEPTH:
                raise ExpressionError(f"Too many nested parentheses (more than {MAX_DEPTH})",
                                      t.pos, "too_deep", limit=MAX_DEPTH)
        elif t.text == ")":
            depth -= 1
            if depth < 0:
                raise ExpressionError("This ')' has no matching '('", t.pos, "unmatched_close")
    if depth > 0:
        opens = [t for t in out if t.text == "("]
        raise ExpressionError("A '(' is never closed", opens[-1].pos if opens else None,
                              "unclosed")
    return out


# --------------------------------------------------------------------------
# Tree: tuples ('num', Fraction|float, text) ('sym', name) ('add', [terms])
# ('neg', a) ('mul', [factors]) ('div', a, b) ('pow', a, b) ('call', name, [args])
# --------------------------------------------------------------------------
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

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(src, mode="eval")
    except SyntaxError as exc:
        off = (exc.offset or 1) - 1
        pos = orig(off) if off < len(src) else len(text.rstrip())
        raise ExpressionError("This is not a complete formula here: check for a missing "
                              "number, variable or operator", pos, "syntax") from None
    except (RecursionError, MemoryError, ValueError):
        raise ExpressionError("The function is too complicated", 0, "too_complex") from None

    count = [0]

    def walk(node, depth: int) -> tuple:
        count[0] += 1
        pos = orig(getattr(node, "col_offset", None))
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
            # find the literal text for exact decimals
            lit = _literal_text(src, node)
            digits = len(lit.replace(".", "").split("e")[0].split("E")[0].lstrip("0"))
            if digits > MAX_LITERAL_DIGITS or (isinstance(v, float) and not math.isfinite(v)) \
                    or abs(float(v)) > 1e100:
                raise ExpressionError("This number is too large", pos, "big_number")
            try:
                frac = Fraction(lit)
            except (ValueError, ZeroDivisionError):
                frac = Fraction(v)
            return ("num", frac, lit)
        if isinstance(node, ast.Name):
            name = node.id
            if name in FUNCTIONS:
                raise ExpressionError(f"'{name}' is a function: write {name}(…)", pos,
                                      "function_as_name", name=name)
            if len(name) > 12:
                raise ExpressionError(f"The name '{name}' is too long", pos, "long_name",
                                      name=name)
            return ("sym", name)
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.USub):
                a = walk(node.operand, depth + 1)
                if a[0] == "num":
                    return ("num", -a[1], "-" + a[2])
                return ("neg", a)
            if isinstance(node.op, ast.UAdd):
                return walk(node.operand, depth + 1)
            raise ExpressionError("This operator is not allowed", pos, "operator")
        if isinstance(node, ast.BinOp):
            a = walk(node.left, depth + 1)
            b = walk(node.right, depth + 1)
            op = node.op
            if isinstance(op, ast.Add):
                return ("add", _terms(a) + _terms(b))
            if isinstance(op, ast.Sub):
                return ("add", _terms(a) + [_negate(t) for t in _terms(b)])
            if isinstance(op, ast.Mult):
                return ("mul", _factors(a) + _factors(b))
            if isinstance(op, ast.Div):
                return ("div", a, b)
            if isinstance(op, ast.Pow):
                _check_power(a, b, orig(node.right.col_offset))
                return ("pow", a, b)
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
                known = ", ".join(sorted(k for k in FUNCTIONS if not k.startswith("arc")))
                raise ExpressionError(f"Unknown function '{name}'. Known functions: {known}",
                                      pos, "unknown_function", name=name)
            if node.keywords or any(isinstance(a, ast.Starred) for a in node.args):
                raise ExpressionError(f"Write {name}(…) with plain arguments", pos, "call")
            arities = FUNCTIONS[name][0]
            if len(node.args) not in arities:
                want = " or ".join(str(k) for k in arities)
                raise ExpressionError(
                    f"{name} takes {want} argument(s), not {len(node.args)}", pos,
                    "arity", name=name, want=want, got=len(node.args))
            return ("call", name, [walk(a, depth + 1) for a in node.args])
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


def _float_estimate(t: tuple) -> float | None:
    """Float value of a constant subtree (inf if it overflows), None if not constant."""
    k = t[0]
    try:
        if k == "num":
            return float(t[1])
        if k == "sym":
            return {"pi": math.pi, "π": math.pi, "e": math.e}.get(t[1])
        if k == "neg":
            v = _float_estimate(t[1])
            return None if v is None else -v
        if k in ("add", "mul"):
            vals = [_float_estimate(a) for a in t[1]]
            if any(v is None for v in vals):
                return None
            return math.fsum(vals) if k == "add" else math.prod(vals)
        if k == "div":
            a, b = _float_estimate(t[1]), _float_estimate(t[2])
            if a is None or b is None:
                return None
            return a / b if b != 0 else math.inf
        if k == "pow":
            a, b = _float_estimate(t[1]), _float_estimate(t[2])
            if a is None or b is None:
                return None
            if a == 0:
                return 0.0
            if abs(b) * math.log10(abs(a)) > 300:
                return math.inf
            r = abs(a) ** b
            return r if a > 0 else (r if float(b).is_integer() and b % 2 == 0 else -r)
        if k == "call":
            vals = [_float_estimate(a) for a in t[2]]
            if any(v is None for v in vals):
                return None
            return 1.0  # bounded stand-in: functions of constants stay symbolic
    except (OverflowError, ValueError, ZeroDivisionError):
        return math.inf
    return None


def _check_power(a: tuple, b: tuple, pos: int) -> None:
    """Refuse powers whose exact evaluation by sympy could hang or explode."""
    ev = _float_estimate(b)
    if ev is None:
        return  # symbolic exponent such as x^y: sympy keeps it unevaluated
    if not math.isfinite(ev) or abs(ev) > MAX_EXPONENT:
        raise ExpressionError(f"The exponent is too large (at most {MAX_EXPONENT})", pos,
                              "big_power", limit=MAX_EXPONENT)
    bv = _float_estimate(a)
    if bv is not None:
        if not math.isfinite(bv):
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
        return _to_sympy(t[1], symbols) ** _to_sympy(t[2], symbols)
    if k == "call":
        return FUNCTIONS[t[1]][1](*[_to_sympy(a, symbols) for a in t[2]])
    raise AssertionError(k)  # pragma: no cover


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


# --------------------------------------------------------------------------
# Chain-rule differentiation of the tree, for display
# --------------------------------------------------------------------------
ZERO = ("num", Fraction(0), "0")
ONE = ("num", Fraction(1), "1")


def _num(v: Fraction) -> tuple:
    if v.denominator == 1:
        return ("num", v, str(v.numerator))
    f = float(v)
    return ("num", v, repr(f) if len(repr(f)) < 10 else f"{v.numerator}/{v.denominator}")


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
        top = _mk_mul([_num(nums / dcoef)] + others + ([] if _is1(d[1]) else [d[1]]))
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
    flat = []
    for t in terms:
        if _is0(t):
            continue
        if t[0] == "add":
            flat.extend(t[1])
        else:
            flat.append(t)
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
        bv = _const_value(b)
        da = _diff(a, v)
        if bv is not None or not (_free(b, set()) & {v}):
            if bv is not None:
                newexp = _num(bv - 1)
                coef = _num(bv)
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


# --------------------------------------------------------------------------
# Printing (readable math: 2(x + y − 3), x², √, ·)
# --------------------------------------------------------------------------
_PREC = {"add": 10, "neg": 15, "mul": 20, "div": 20, "pow": 30, "num": 40, "sym": 40,
         "call": 40}
_NICE_NAMES = {"pi": "π", "alpha": "α", "beta": "β", "gamma": "γ", "theta": "θ",
               "eta": "η", "lambda_": "λ", "mu": "μ", "sigma": "σ", "phi": "φ"}


def _prec(t):
    if t[0] == "num" and t[1] < 0:
        return 15
    if t[0] == "num" and t[1].denominator != 1 and "." not in t[2]:
        return 20
    return _PREC[t[0]]


def to_text(t: tuple) -> str:
    """Readable one-line math for a tree."""
    k = t[0]
    if k == "num":
        s = t[2]
        if s.startswith("-"):
            return "−" + s[1:]
        return s
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
            elif prev[0] == "num" and (s[0].isalpha() or s[0] in "(√π"):
                out += s
            elif prev[0] != "num" and s.startswith("(") and not out.endswith(")"):
                out += s
            elif s.startswith("(") and out.endswith(")"):
                out += s
            else:
                out += "·" + s
            prev = f
        return out
    if k == "div":
        return _wrap(t[1], 20) + "/" + _wrap(t[2], 21)
    if k == "pow":
        base = _wrap(t[1], 31)
        e = t[2]
        ev = _const_value(e)
        if ev is not None and ev.denominator == 1 and abs(ev) < 1000:
            return base + str(ev.numerator).translate(_SUPERSCRIPT)
        if e[0] in ("sym", "num"):
            return base + "^" + to_text(e)
        return base + "^(" + to_text(e) + ")"
    if k == "call":
        name = t[1]
        if name == "sqrt":
            a = t[2][0]
            inner = to_text(a)
            return "√" + (inner if a[0] in ("sym",) or (a[0] == "num" and a[1] >= 0)
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
        terms = [_from_sympy(a) for a in e.as_ordered_terms()]
        return ("add", [_negate(t[1]) if False else t for t in terms])
    if e.is_Mul:
        c, rest = e.as_coeff_mul()
        num, den = [], []
        for f in rest:
            if f.is_Pow and f.exp.is_Rational and f.exp < 0:
                den.append(_from_sympy(f.base ** -f.exp))
            else:
                num.append(_from_sympy(f))
        cf = Fraction(int(sp.Rational(c).p), int(sp.Rational(c).q)) if c.is_Rational else None
        top = num
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


# --------------------------------------------------------------------------
# Numeric evaluation
# --------------------------------------------------------------------------
def _safe(fn):
    def g(*a):
        try:
            return fn(*a)
        except (ValueError, ZeroDivisionError, OverflowError):
            return math.nan
    return g


def _math_namespace() -> dict:
    ns = {name: _safe(getattr(math, name)) for name in (
        "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh",
        "exp", "log", "sqrt", "log10", "log2")}
    ns.update(pi=math.pi, E=math.e, e=math.e)
    return ns


def _lambdify(symbols, exprs, module):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sp.lambdify(symbols, exprs, modules=module, cse=True)


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
    ``(..., n)``. Outside the domain results are nan or inf; no exception.
    """

    text: str
    variables: tuple[str, ...]
    expression: sp.Expr
    partials: tuple[sp.Expr, ...]
    _tree: tuple = field(repr=False)
    _f: Callable = field(repr=False)
    _g: Callable = field(repr=False)
    _h: Callable | None = field(default=None, repr=False)
    _scalar: Callable | None = field(default=None, repr=False)

    @property
    def n(self) -> int:
        return len(self.variables)

    # ---- text -------------------------------------------------------
    @property
    def function_text(self) -> str:
        """f as typed, in readable math, e.g. ``(x + y − 3)² + (x + 2y − 5)² + 2``."""
        return to_text(self._tree)

    def partial_chain_text(self, i: int) -> str:
        """∂f/∂v_i by the chain rule applied to f as typed (unsimplified)."""
        try:
            return to_text(_diff(self._tree, self.variables[i]))
        except _NoChain:
            return self.partial_simplified_text(i)

    def partial_simplified_text(self, i: int) -> str:
        try:
            return to_text(_from_sympy(self.partials[i]))
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
            except (ZeroDivisionError, OverflowError, ValueError, TypeError):
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
            except (ZeroDivisionError, OverflowError, ValueError, TypeError):
                parts = [np.nan] * self.n
        for i, p in enumerate(parts):
            out[i] = _real(p)
        return out

    def value_at(self, points) -> np.ndarray:
        p = np.asarray(points, dtype=float)
        return self.value(*np.moveaxis(p, -1, 0))

    def gradient_at(self, points) -> np.ndarray:
        p = np.asarray(points, dtype=float)
        return np.moveaxis(self.gradient(*np.moveaxis(p, -1, 0)), 0, -1)

    def hessian_at(self, point) -> np.ndarray:
        """Hessian matrix (n, n) at one point, from sympy's second derivatives."""
        if self._h is None:
            syms = [sp.Symbol(v, real=True) for v in self.variables]
            H = [[sp.diff(p, s) for s in syms] for p in self.partials]
            object.__setattr__(self, "_h", _lambdify(syms, H, "numpy"))
        p = np.asarray(point, dtype=float).reshape(self.n)
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                H = self._h(*p)
            except (ZeroDivisionError, OverflowError, ValueError, TypeError):
                return np.full((self.n, self.n), np.nan)
        return _real(np.array(H, dtype=complex if _any_complex(H) else float))

    def value_and_gradient_scalar(self, *coords: float) -> tuple[float, tuple[float, ...]]:
        """Fast path for one point given as Python floats: (f, (∂f/∂v…)).

        Generated pure-Python arithmetic (math module), as fast as a hand-written
        loop; falls back to numpy where Python would raise (e.g. 1/0 → inf).
        """
        if self._scalar is not None:
            try:
                f, g = self._scalar(*coords)
                if isinstance(f, float) and all(isinstance(x, float) for x in g):
                    return f, tuple(g)
                f = complex(f)
                g = [complex(x) for x in g]
                if f.imag == 0 and all(x.imag == 0 for x in g):
                    return f.real, tuple(x.real for x in g)
            except (ValueError, ZeroDivisionError, OverflowError, TypeError):
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


def parse(text: str, variables: Sequence[str] | None = None) -> Objective:
    """Parse user text into an :class:`Objective` (or raise ExpressionError)."""
    if not isinstance(text, str):
        raise ExpressionError("The function must be text", None, "type")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"The function is too long (at most {MAX_LENGTH} characters)",
                              MAX_LENGTH, "too_long", limit=MAX_LENGTH)
    tree = _build(text)
    names = _free(tree, set())
    if variables is None:
        variables = _order(names)
    else:
        variables = tuple(variables)
        for v in variables:
            if not isinstance(v, str) or not re.fullmatch(r"[^\W\d]\w*", v) or v in FUNCTIONS \
                    or v in CONSTANTS:
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
    symbols = {v: sp.Symbol(v, real=True) for v in variables}
    try:
        expr = _to_sympy(tree, symbols)
        syms = [symbols[v] for v in variables]
        partials = tuple(sp.diff(expr, s) for s in syms)
    except (RecursionError, MemoryError, OverflowError, ValueError, TypeError,
            ZeroDivisionError):
        raise ExpressionError("The function is too complicated to differentiate", 0,
                              "too_complex") from None
    if expr.has(sp.zoo, sp.nan) and not expr.free_symbols:
        raise ExpressionError("The function is undefined everywhere (e.g. a division by 0)",
                              0, "undefined")
    f = _lambdify(syms, expr, "numpy")
    g = _lambdify(syms, list(partials), "numpy")
    try:
        scalar = _lambdify(syms, (expr, list(partials)), [_math_namespace(), "math"])
    except Exception:  # pragma: no cover - fall back to numpy only
        scalar = None
    return Objective(text=text, variables=tuple(variables), expression=expr,
                     partials=partials, _tree=tree, _f=f, _g=g, _scalar=scalar)


def _find_name(text: str, name: str) -> int | None:
    m = re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text)
    return m.start() if m else None
