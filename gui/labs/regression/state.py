"""The Regression Lab's saved settings, Qt-free.

Saved form (the ``"regression"`` object of a session file)::

    {"x": [...], "y": [...],            # the points (same length, finite numbers)
     "dataset": "chapter_heights",      # the built-in data set they came from, or null
     "degree": 1,                        # polynomial degree of the least-squares fit
     "my_line": [k, b],                  # the student's own line y = kx + b
     "axes": ["体重", "身高"],           # column names of imported points ("" : none)
     "view": {"residuals": true, "squares": false, "my_line": true},
     "descent": {"optimizer": "gd", "lr": 0.05, "max_steps": 2000,
                 "standardize": true, "start": [k0, b0]}}

Missing keys take the defaults below; unknown keys are ignored; any present value
that cannot be used raises :class:`StateError`.  The fit itself is a result,
computed from the points and the degree, and is not saved.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.optimizers import OPTIMIZER_NAMES
from gui.labs import fields as f
from gui.labs.fields import StateError

MAX_DEGREE = 6
LR_RANGE = (1e-8, 10.0)
MAX_STEPS = 200_000
VIEW_KEYS = ("residuals", "squares", "my_line")
LINE_LIMIT = 1e300
AXIS_NAME_MAX = 200


@dataclass(frozen=True)
class DescentSettings:
    optimizer: str = "gd"
    lr: float = 0.05
    max_steps: int = 2000
    standardize: bool = True
    start: tuple[float, float] = (0.0, 0.0)


@dataclass(frozen=True)
class RegressionState(f.SavedState):
    x: tuple[float, ...] = ()
    y: tuple[float, ...] = ()
    dataset: str | None = None
    degree: int = 1
    my_line: tuple[float, float] = (0.0, 0.0)
    axes: tuple[str, str] = ("", "")
    view: tuple[tuple[str, bool], ...] = field(
        default=(("residuals", True), ("squares", False), ("my_line", True)))
    descent: DescentSettings = DescentSettings()

    @classmethod
    def from_dict(cls, d: Any, base: RegressionState | None = None) -> RegressionState:
        """The state saved as ``d``; keys missing from ``d`` keep ``base``'s values
        (the defaults when ``base`` is None)."""
        d = f.mapping("regression", d)
        base = cls() if base is None else base
        x = f.get(d, "x", base.x, _numbers)
        y = f.get(d, "y", base.y, _numbers)
        if len(x) != len(y):
            raise StateError("y", "wrong_length", expected=len(x), got=len(y))
        return cls(
            x=x, y=y,
            dataset=f.get(d, "dataset", base.dataset,
                          lambda k, v: None if v is None else f.text(k, v, max_len=64)),
            degree=f.get(d, "degree", base.degree,
                         lambda k, v: f.integer(k, v, low=0, high=MAX_DEGREE)),
            my_line=f.get(d, "my_line", base.my_line, _pair),
            axes=f.get(d, "axes", base.axes, _names),
            view=f.get(d, "view", base.view, lambda k, v: _view(k, v, base.view)),
            descent=f.get(d, "descent", base.descent,
                          lambda k, v: _descent(k, v, base.descent)),
        )

    def to_dict(self) -> dict[str, Any]:
        s = self.descent
        return {"x": list(self.x), "y": list(self.y), "dataset": self.dataset,
                "degree": self.degree, "my_line": list(self.my_line), "axes": list(self.axes),
                "view": dict(self.view),
                "descent": {"optimizer": s.optimizer, "lr": s.lr, "max_steps": s.max_steps,
                            "standardize": s.standardize, "start": list(s.start)}}


def validate(d: Any) -> dict[str, Any]:
    """The saved state ``d``, checked and completed with defaults (or StateError)."""
    return RegressionState.from_dict(d).to_dict()


def apply(state: RegressionState, change: Any) -> RegressionState:
    """``state`` with ``change`` applied (pure); see :class:`gui.labs.fields.SavedState`."""
    return state.apply(change)


def _numbers(key: str, value: Any) -> tuple[float, ...]:
    if not isinstance(value, (list, tuple)):
        raise StateError(key, "not_a_list")
    # the common case in one pass; the slow path names the first bad entry
    if all(type(v) is float or type(v) is int for v in value):
        try:
            out = tuple(float(v) for v in value)
        except OverflowError:
            out = ()
        if all(v - v == 0.0 for v in out) and len(out) == len(value):
            return out
    return tuple(f.number(f"{key}[{i}]", v) for i, v in enumerate(value))


def _pair(key: str, value: Any) -> tuple[float, float]:
    a, b = (f.number(key, v, low=-LINE_LIMIT, high=LINE_LIMIT)
            for v in f.sequence(key, value, length=2))
    return a, b


def _names(key: str, value: Any) -> tuple[str, str]:
    a, b = (f.text(f"{key}[{i}]", v, max_len=AXIS_NAME_MAX)
            for i, v in enumerate(f.sequence(key, value, length=2)))
    return a, b


def _view(key: str, value: Any,
          base: tuple[tuple[str, bool], ...]) -> tuple[tuple[str, bool], ...]:
    d = f.mapping(key, value)
    before = dict(base)
    return tuple((k, f.get(d, k, before[k], f.boolean, f"{key}.")) for k in VIEW_KEYS)


def _descent(key: str, value: Any, b: DescentSettings) -> DescentSettings:
    d = f.mapping(key, value)
    p = f"{key}."
    return DescentSettings(
        optimizer=f.get(d, "optimizer", b.optimizer,
                        lambda k, v: f.choice(k, v, OPTIMIZER_NAMES), p),
        lr=f.get(d, "lr", b.lr,
                 lambda k, v: f.number(k, v, low=LR_RANGE[0], high=LR_RANGE[1]), p),
        max_steps=f.get(d, "max_steps", b.max_steps,
                        lambda k, v: f.integer(k, v, low=1, high=MAX_STEPS), p),
        standardize=f.get(d, "standardize", b.standardize, f.boolean, p),
        start=f.get(d, "start", b.start, _pair, p),
    )
