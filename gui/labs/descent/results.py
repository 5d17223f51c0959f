"""The Descent Lab's results, computed from its state by core/ (Qt-free).

Results are never saved: they follow from the settings.  :func:`parse_function`
caches parsed functions (typing back and forth must not re-parse), :func:`compute`
runs every selected optimizer from θ₀ and classifies the runs, and the helpers read
the state the way the runs need it (missing variables take the defaults).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from core.descent import RunClass, Trajectory, classify_run, descend, learning_rate_bound
from core.expression import ExpressionError, Objective, parse_cached
from core.optimizers import make_optimizer
from gui.labs.descent.state import DEFAULT_RANGE, DescentState

DEFAULT_START = 1.0
def parse_function(text: str) -> Objective:
    """``parse(text)``, cached (core.expression.parse_cached); raises ExpressionError,
    and ExpressionError("no_variable") for a function of no variable."""
    obj = parse_cached(text)
    if obj.n == 0:
        raise ExpressionError("f has no variable: write a function of x, y, …", None,
                              "no_variable")
    return obj


def ranges_of(state: DescentState, variables: tuple[str, ...]) -> dict[str, list[float]]:
    """The plot range of every variable (the saved ones, then the default)."""
    saved = {k: list(v) for k, v in state.ranges}
    return {**saved, **{v: saved.get(v, list(DEFAULT_RANGE)) for v in variables}}


def start_of(state: DescentState, variables: tuple[str, ...]) -> dict[str, float]:
    """θ₀ for every variable (the saved values, then 1.0)."""
    saved = dict(state.start)
    return {**saved, **{v: float(saved.get(v, DEFAULT_START)) for v in variables}}


def hyper_of(state: DescentState, name: str) -> dict[str, Any]:
    """The optimizer's settings as make_optimizer takes them (betas as a tuple)."""
    return dict(dict(state.hyper)[name])


def with_variables(state: DescentState, variables: tuple[str, ...]) -> DescentState:
    """``state`` with a range and a start value for every variable of f (the
    defaults for the ones it has none for)."""
    return state.apply({"ranges": ranges_of(state, variables),
                        "start": start_of(state, variables)})


@dataclass
class Results:
    """Everything computed from one state: the parsed function, one trajectory and
    classification per selected optimizer, and 2/λmax at θ₀ (plain GD's bound)."""

    objective: Objective
    runs: dict[str, Trajectory] = field(default_factory=dict)
    classes: dict[str, RunClass] = field(default_factory=dict)
    bound: float = math.nan
    errors: list[str] = field(default_factory=list)  # core's words for refused settings
    capped: bool = False  # runs cut at step_cap (a drag of θ₀): finished on release

    @property
    def length(self) -> int:
        """Points of the longest run (the cursor's length)."""
        return max((len(t.points) for t in self.runs.values()), default=1)


#: while θ₀ is dragged, runs go at most this far (a frame's work at any max steps);
#: (the chapter's runs take a few hundred steps)
DRAG_STEPS = 2000


def compute(state: DescentState, objective: Objective | None = None,
            step_cap: int | None = None) -> Results:
    """Run every selected optimizer on ``state``'s function from θ₀ (at most
    ``step_cap`` steps, if given: ``Results.capped`` then says whether it cut)."""
    obj = objective if objective is not None else parse_function(state.function)
    start = start_of(state, obj.variables)
    x0 = np.array([start[v] for v in obj.variables], float)
    st = state.stop
    out = Results(obj)
    max_steps = int(st.max_steps)
    if step_cap is not None and max_steps > step_cap:
        max_steps, out.capped = int(step_cap), True
    for name in state.selected:
        try:
            opt = make_optimizer(name, **hyper_of(state, name))
            traj = descend(obj, opt, x0, max_steps=max_steps,
                           grad_tol=float(st.grad_tol), value_tol=st.value_tol)
        except ValueError as exc:  # bad settings: say so, never crash
            out.errors.append(str(exc))
            continue
        out.runs[name] = traj
        out.classes[name] = classify_run(traj)
    out.bound = learning_rate_bound(obj, x0)
    return out


def start_outside_range(state: DescentState, variables: tuple[str, ...]) -> list[str]:
    """The plotted variables (1 or 2 of them) whose start value is off the plot."""
    if len(variables) > 2:
        return []
    ranges, start = ranges_of(state, variables), start_of(state, variables)
    return [v for v in variables if not ranges[v][0] <= start[v] <= ranges[v][1]]
