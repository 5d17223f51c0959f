"""The tokeniser of the expression parser: user text → tokens, with implicit
multiplication made explicit (``2x`` → ``2*x``), superscripts, ``√`` and ``|…|``.

Moved out of core/expression.py.
"""
from __future__ import annotations

import keyword
import re
from dataclasses import dataclass

from core.expression_rules import FUNCTIONS, MAX_DEPTH, MAX_TOKENS, ExpressionError
from core.expression_text import CONSTANTS

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
