"""What the plots and 3D views show now, in words, for screen readers: each view's
accessible description (issue 12).  Short clauses built from the numbers the view
draws; numbers through :func:`gui.text.format.fmt` (4 significant digits: read
aloud, more is noise), words through ``QCoreApplication.translate("ViewText", …)``.
Pure string building: the labs pass numbers in and set the text themselves
(:func:`gui.views.a11y.set_view_text`).
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from gui.text.format import fmt, fmt_point

CONTEXT = "ViewText"
#: significant digits of a number read aloud
DIGITS = 4


def num(v: object) -> str:
    return fmt(v, DIGITS)


def point(p: Sequence[object]) -> str:
    """'(0.5, −1.25)'; one coordinate is read as a number: '2', not '(2)'."""
    return num(p[0]) if len(p) == 1 else fmt_point(p, DIGITS)


def signature(name: str, variables: Sequence[str]) -> str:
    """'f(x, y)'."""
    return f"{name}({', '.join(variables)})"


def eq(name: str, value: object) -> str:
    """'dy/dx = 2.5' (a formula: no words to translate)."""
    return f"{name} = {num(value)}"


def join(parts: Sequence[str]) -> str:
    """Clauses of one description, in the language's list punctuation."""
    return QCoreApplication.translate("ViewText", ", ").join(p for p in parts if p)


def sentence(view: str, parts: Sequence[str]) -> str:
    """'Contour map: part, part, part'."""
    text = QCoreApplication.translate("ViewText", "{view}: {what}")
    return text.format(view=view, what=join(parts))


# ------------------------------------------------------------------ descent runs
def start_text(start: Sequence[object]) -> str:
    return QCoreApplication.translate("ViewText", "start {point}").format(point=point(start))


def run_text(stop_reason: str, n_steps: int, end: Sequence[object], value: object,
             name: str = "f") -> str:
    """How a run ended: 'converges to (1, 2) after 391 steps, f = 2'."""
    if stop_reason == "gradient_tolerance":
        text = QCoreApplication.translate(
            "ViewText", "converges to {point} after {n} steps, {name} = {value}")
    elif stop_reason == "value_tolerance":
        text = QCoreApplication.translate(
            "ViewText", "stops at {point} after {n} steps, {name} = {value}, as it hardly "
                        "changes any more")
    elif stop_reason == "max_steps":
        text = QCoreApplication.translate(
            "ViewText", "has not converged after {n} steps, at {point}, {name} = {value}")
    elif stop_reason == "diverged":
        text = QCoreApplication.translate("ViewText", "diverges after {n} steps")
    elif n_steps == 0:
        text = QCoreApplication.translate("ViewText", "{name} is undefined at the start")
    else:
        text = QCoreApplication.translate(
            "ViewText", "leaves the region where {name} is defined after {n} steps")
    return text.format(point=point(end), n=n_steps, name=name, value=num(value))


def named_run(optimizer: str, text: str) -> str:
    """One of several runs: 'Adam converges to …'."""
    return QCoreApplication.translate("ViewText", "{optimizer} {run}").format(
        optimizer=optimizer, run=text)


def step_text(k: int, at: Sequence[object], value: object, name: str = "f") -> str:
    """The step shown: 'step 3 at (0.8, 1.2), f = 2.5'."""
    text = QCoreApplication.translate("ViewText", "step {k} at {point}, {name} = {value}")
    return text.format(k=k, point=point(at), name=name, value=num(value))


def step_value(k: int, name: str, value: object) -> str:
    """'at step 3, f = 2.5'."""
    text = QCoreApplication.translate("ViewText", "at step {k}, {name} = {value}")
    return text.format(k=k, name=name, value=num(value))


def runs_count(n: int) -> str:
    if n < 2:
        return ""
    return QCoreApplication.translate("ViewText", "{n} optimizers from the same start").format(n=n)


def no_run() -> str:
    return QCoreApplication.translate("ViewText", "no optimizer chosen")


def not_run() -> str:
    return QCoreApplication.translate("ViewText", "not run yet")


def values_text(name: str, first: object, last: object, n_steps: int) -> str:
    """'f falls from 29 to 2 in 391 steps' (or rises)."""
    try:
        falls = float(last) <= float(first)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        falls = True
    if falls:
        text = QCoreApplication.translate("ViewText", "{name} falls from {a} to {b} in {n} steps")
    else:
        text = QCoreApplication.translate("ViewText", "{name} rises from {a} to {b} in {n} steps")
    return text.format(name=name, a=num(first), b=num(last), n=n_steps)


def range_text(name: str, first: object, last: object) -> str:
    """'k goes from 0 to 0.7514'."""
    text = QCoreApplication.translate("ViewText", "{name} goes from {a} to {b}")
    return text.format(name=name, a=num(first), b=num(last))


# ------------------------------------------------------------------ regression
def lowest_text(at: Sequence[object], name: str, value: object) -> str:
    """The minimum of a cost: 'lowest point (0.75, 124.3), C = 52.4'."""
    text = QCoreApplication.translate("ViewText", "lowest point {point}, {name} = {value}")
    return text.format(point=point(at), name=name, value=num(value))


def my_line_at(at: Sequence[object], name: str, value: object) -> str:
    text = QCoreApplication.translate("ViewText", "my line at {point}, {name} = {value}")
    return text.format(point=point(at), name=name, value=num(value))


def points_text(n: int) -> str:
    return QCoreApplication.translate("ViewText", "{n} points").format(n=n)


def fit_text(equation: str) -> str:
    text = QCoreApplication.translate("ViewText", "least-squares fit {equation}")
    return text.format(equation=equation)


def my_line_text(equation: str) -> str:
    return QCoreApplication.translate("ViewText", "my line {equation}").format(equation=equation)


def descent_line_text(k: int, equation: str) -> str:
    text = QCoreApplication.translate("ViewText", "gradient descent at step {k}: {equation}")
    return text.format(k=k, equation=equation)


# ------------------------------------------------------------------ chain rule
def at(where: str, what: str) -> str:
    """'at x = 0.5: y = 1, dy/dx = 2'."""
    return QCoreApplication.translate("ViewText", "at {where}: {what}").format(
        where=where, what=what)


def changes(true: object, approx: object) -> str:
    text = QCoreApplication.translate("ViewText",
                                      "true change {true}, linear approximation {approx}")
    return text.format(true=num(true), approx=num(approx))


def backward_text(k: int, n: int) -> str:
    return QCoreApplication.translate("ViewText", "backward step {k} of {n}").format(k=k, n=n)
