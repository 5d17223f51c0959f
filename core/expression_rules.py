"""What the expression parser accepts: its size limits, the functions it knows, and
:class:`ExpressionError`, the refusal every part of the parser raises.

Moved out of core/expression.py (which re-exports these names).
"""
from __future__ import annotations

from collections.abc import Callable

import sympy as sp

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
