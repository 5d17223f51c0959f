"""A work meter for sympy's exact powers, and a hang guard (helpers of the core
tests, not tests).

The parser's hangs were exact powers c^(p/q) of exact numbers c: sympy builds
integers of about q times the digits of c (12^(−1/999999) builds 2^999997) or
|p/q| times them (12^8000000), inside one C-level integer operation that holds
the GIL, so neither a Python-level counter nor a signal can interrupt it.

:func:`exact_power_meter` checks the cost *before* sympy starts: while it is
active, every exact power of an Integer or Rational whose integers would exceed
the parser's own bound on exact numbers (``core.expression._MAX_DIGIT_ESTIMATE``
digits: "beyond this even computing the exact numbers is slow") is recorded and
refused (it raises :class:`UnboundedPower` instead of computing). A test asserts
that nothing was recorded: with a bound of core/ removed it fails at once instead
of hanging.
"""
from __future__ import annotations

import contextlib
import faulthandler
import math
from collections.abc import Iterator

import sympy as sp

import core.expression as expression


class UnboundedPower(Exception):
    """sympy was asked for an exact power beyond the parser's work bound."""


def _digits(r: sp.Rational) -> float:
    big = max(abs(int(r.p)), int(r.q))
    return big.bit_length() * math.log10(2) if big > 1 else 0.0


def power_cost(base: sp.Rational, expt: sp.Rational) -> float:
    """Digits of the integers sympy builds for the exact power base^expt (the
    estimate of core.expression.bounded_power, for integer exponents too)."""
    d = _digits(base)
    if d == 0:
        return 0.0
    q = int(expt.q)
    ratio = abs(int(expt.p)) / q if abs(int(expt.p)).bit_length() < 1000 else math.inf
    return (q * (1 + d) if q > 1 else 0.0) + ratio * d


@contextlib.contextmanager
def exact_power_meter(limit: float | None = None) -> Iterator[list[tuple[str, str, float]]]:
    """Record (and refuse) the exact powers of numbers costing more than ``limit``
    digits (default ``_MAX_DIGIT_ESTIMATE``); yields the list of (base, exponent,
    cost) recorded."""
    limit = expression._MAX_DIGIT_ESTIMATE if limit is None else limit
    seen: list[tuple[str, str, float]] = []
    originals = {cls: cls.__dict__["_eval_power"] for cls in (sp.Integer, sp.Rational)}

    def metered(original):
        def _eval_power(self, expt):
            if isinstance(expt, sp.Rational):
                cost = power_cost(self, expt)
                if cost > limit:
                    seen.append((f"{self}"[:40], f"{expt}"[:40], cost))
                    raise UnboundedPower(f"{self}^({expt}): {cost:.0f} digits")
            return original(self, expt)
        return _eval_power

    for cls, original in originals.items():
        cls._eval_power = metered(original)
    try:
        yield seen
    finally:
        for cls, original in originals.items():
            cls._eval_power = original


@contextlib.contextmanager
def hang_guard(seconds: float = 600) -> Iterator[None]:
    """Only a guard against hangs, never a time limit on the work: after ``seconds``
    the run ends with every thread's traceback. faulthandler's watchdog is a C
    thread, so it fires even while one huge integer power holds the GIL."""
    faulthandler.dump_traceback_later(seconds, exit=True)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
