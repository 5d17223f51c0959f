"""Translated, actionable messages for ``core.expression.ExpressionError``.

The core raises English messages with a ``key`` and ``params``; both the Descent
Lab and the Chain Lab show them through :func:`expression_error_message`, so
every key (see ``core/expression.py``) has one translation in one place."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.expression import ExpressionError

CONTEXT = "ExprMessages"

_OPENER = {")": "(", "]": "[", "}": "{"}


def _templates() -> dict[str, str]:
    # every key raised by core/expression.py (plus the GUI's "no_variable")
    return {
        "empty": QCoreApplication.translate("ExprMessages", "Type a function, for example x^2 + y^2"),
        "no_variable": QCoreApplication.translate("ExprMessages", "f has no variable: write a function of x, y, …"),
        "keyword": QCoreApplication.translate("ExprMessages", "'{name}' is not allowed in a function: use only numbers, "
                      "variables and functions such as sin(x)"),
        "bad_name": QCoreApplication.translate("ExprMessages", "A name must start with a letter: write x1, not 1x_"),
        "subscript": QCoreApplication.translate("ExprMessages", "Indexing such as {name}[…] is not supported: write a name like "
                        "{name}1, or use ( ) to multiply"),
        "sqrt": QCoreApplication.translate("ExprMessages", "Write √ before a number, a variable or a bracket: √x, √2, √(x + 1)"),
        "equals": QCoreApplication.translate("ExprMessages", "Type only the right-hand side, e.g. x^2 + y^2 instead of "
                     "f = x^2 + y^2"),
        "comparison": QCoreApplication.translate("ExprMessages", "Comparisons such as '{char}' are not allowed: type only the "
                         "function"),
        "char": QCoreApplication.translate("ExprMessages", "Unexpected character '{char}': remove it or use + − * / ^"),
        "too_long": QCoreApplication.translate("ExprMessages", "The function is too long (at most {limit}): shorten it"),
        "glued_function": QCoreApplication.translate("ExprMessages", "'{name}' is read as one variable name: for the function write {function}({arg})"),
        "function_as_name": QCoreApplication.translate("ExprMessages", "'{name}' is a function: write {name}(…)"),
        "unknown_function": QCoreApplication.translate("ExprMessages", "Unknown function '{name}': use e.g. sin, cos, exp, log, "
                               "sqrt, tanh"),
        "too_deep": QCoreApplication.translate("ExprMessages", "Too many nested brackets or functions (at most {limit}): "
                       "simplify the function"),
        "unmatched_close": QCoreApplication.translate("ExprMessages", "This '{char}' has no matching '{open}': delete it or add "
                              "the '{open}'"),
        "mismatched": QCoreApplication.translate("ExprMessages", "This '{char}' does not match the bracket opened before it: "
                         "use the same kind of bracket"),
        "unclosed": QCoreApplication.translate("ExprMessages", "A '{char}' is never closed: add the closing bracket"),
        "syntax": QCoreApplication.translate("ExprMessages", "This is not a complete formula here: check for a missing number, "
                     "variable or operator"),
        "too_complex": QCoreApplication.translate("ExprMessages", "The function is too complicated to differentiate: simplify it"),
        "big_number": QCoreApplication.translate("ExprMessages", "This number is too large: use numbers between 1e-100 and 1e100"),
        "bad_literal": QCoreApplication.translate("ExprMessages", "Only numbers, variables and functions are allowed"),
        "long_name": QCoreApplication.translate("ExprMessages", "The name '{name}' is too long (at most 12 letters)"),
        "operator": QCoreApplication.translate("ExprMessages", "The operator '{op}' is not allowed; use + - * / ^"),
        "call": QCoreApplication.translate("ExprMessages", "Only named functions can be called, with plain arguments: e.g. "
                   "sin(x)"),
        "arity": QCoreApplication.translate("ExprMessages", "{name} takes {want} argument(s), not {got}"),
        "comma": QCoreApplication.translate("ExprMessages", "A comma is only allowed between a function's arguments"),
        "not_allowed": QCoreApplication.translate("ExprMessages", "This is not allowed in a function"),
        "undefined": QCoreApplication.translate("ExprMessages", "The function is undefined here (e.g. a division by 0): change "
                        "it"),
        "big_power": QCoreApplication.translate("ExprMessages", "This power is too large (exponent at most {limit})"),
        "type": QCoreApplication.translate("ExprMessages", "The function must be text"),
        "bad_variable": QCoreApplication.translate("ExprMessages", "'{name}' cannot be a variable name"),
        "unknown_variable": QCoreApplication.translate("ExprMessages", "Unknown name '{name}': the variables here are "
                               "{variables}"),
    }


def expression_error_message(exc: ExpressionError) -> str:
    """The translated message for ``exc`` (the core's English if a key is unknown)."""
    params = dict(exc.params)
    key = exc.key
    if key in ("unclosed", "unmatched_close", "mismatched") and "char" not in params:
        params["char"] = "(" if key == "unclosed" else ")"
    params.setdefault("open", _OPENER.get(params.get("char", ")"), "("))
    if key == "operator" and "op" not in params:
        return QCoreApplication.translate("ExprMessages", "This operator is not allowed; use + - * / ^")
    if key == "big_power" and "limit" not in params:
        return QCoreApplication.translate("ExprMessages", "This power is too large")
    if key == "too_long" and "limit" not in params:
        return QCoreApplication.translate("ExprMessages", "The function is too long: shorten it")
    if key == "too_deep" and "limit" not in params:
        return QCoreApplication.translate("ExprMessages", "The function is nested too deeply: simplify it")
    if key == "bad_variable" and not params.get("name"):
        return QCoreApplication.translate("ExprMessages", "A variable is listed twice")
    template = _templates().get(key)
    if template is None:
        return exc.message
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return exc.message
