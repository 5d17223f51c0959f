"""The Descent Lab's saved settings, Qt-free.

Saved form (the ``"descent"`` object of a session file)::

    {"function": "(x + y - 3)^2 + (x + 2y - 5)^2 + 2",
     "ranges": {"x": [-1.0, 4.0], "y": [-1.0, 4.0]},   # plot range per variable
     "start": {"x": 0.5, "y": 0.5},                    # θ₀
     "selected": ["gd"],                               # optimizers that run
     "hyper": {"gd": {"lr": 0.1, ...}, ...},           # torch.optim's names
     "stop": {"grad_tol": 1e-6, "value_tol": null, "max_steps": 5000},
     "log_color": false, "preset": "chapter",
     "cursor": 0, "steps_of": null}                    # view only: the step shown

Missing keys take the defaults below; unknown keys are ignored.  A present value of
the wrong type, null where a value is needed, a non-finite or out-of-range number,
or a function that does not parse raises :class:`StateError`.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from core.expression import ExpressionError, parse_cached
from core.optimizers import OPTIMIZER_NAMES, default_hyper, make_optimizer
from gui.labs import fields as f
from gui.labs.fields import StateError

# learning rates that move visibly on the presets (torch's defaults are tiny)
GUI_LR = {"gd": 0.1, "momentum": 0.01, "nesterov": 0.01, "adagrad": 0.5, "rmsprop": 0.05,
          "adam": 0.1}
DEFAULT_RANGE = [-3.0, 3.0]

PRESETS: OrderedDict[str, dict] = OrderedDict([
    ("chapter", dict(function="(x + y - 3)^2 + (x + 2y - 5)^2 + 2",
                     ranges={"x": [-1.0, 4.0], "y": [-1.0, 4.0]},
                     start={"x": 0.5, "y": 0.5}, eta=0.1)),
    ("paraboloid", dict(function="x^2 + y^2", ranges={"x": [-4.0, 4.0], "y": [-4.0, 4.0]},
                  start={"x": 3.0, "y": 2.0}, eta=0.1)),
    ("ill", dict(function="0.5x^2 + 10y^2", ranges={"x": [-5.0, 5.0], "y": [-2.5, 2.5]},
                 start={"x": -4.5, "y": 1.5}, eta=0.095)),
    ("rosenbrock", dict(function="(1 - x)^2 + 100(y - x^2)^2",
                        ranges={"x": [-2.0, 2.0], "y": [-1.0, 3.0]},
                        start={"x": -1.5, "y": 2.0}, eta=0.001)),
    ("himmelblau", dict(function="(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
                        ranges={"x": [-5.0, 5.0], "y": [-5.0, 5.0]},
                        start={"x": -0.5, "y": 0.5}, eta=0.01)),
    ("saddle", dict(function="x^2 - y^2", ranges={"x": [-2.0, 2.0], "y": [-2.0, 2.0]},
                    start={"x": 1.8, "y": 0.02}, eta=0.1)),
    ("plateau", dict(function="1 - exp(-(x^2 + y^2)/4)",
                     ranges={"x": [-5.0, 5.0], "y": [-5.0, 5.0]},
                     start={"x": 4.0, "y": 3.5}, eta=1.0)),
    ("one_var", dict(function="x^4 - 3x^2 + x", ranges={"x": [-2.2, 2.2]},
                     start={"x": 2.0}, eta=0.02)),
    ("three_var", dict(function="(x - 1)^2 + 2(y + 1)^2 + 3(z - 2)^2",
                       ranges={"x": [-3.0, 3.0], "y": [-3.0, 3.0], "z": [-3.0, 3.0]},
                       start={"x": -2.0, "y": 2.0, "z": 0.0}, eta=0.1)),
])

# limits of what the lab's fields accept (the same checks as typing into them)
RANGE_LIMIT = 1e6         # |from|, |to| of a plot range
MIN_RANGE_WIDTH = 1e-6
START_LIMIT = 1e12        # |θ₀|
MAX_STEPS = 100_000
MAX_VARIABLES = 26
MAX_NAME = 16
TOL_LIMIT = 1e300


def gui_default_hyper(name: str) -> dict[str, Any]:
    """torch.optim's defaults with the lab's visible learning rate (betas as a list)."""
    h = default_hyper(name)
    h["lr"] = GUI_LR[name]
    if "betas" in h:
        h["betas"] = list(h["betas"])
    return h


def _freeze(d: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in d.items())


@dataclass(frozen=True)
class StopRules:
    grad_tol: float = 1e-6
    value_tol: float | None = None
    max_steps: int = 5000


@dataclass(frozen=True)
class DescentState(f.SavedState):
    """The saved settings.  ``cursor`` and ``steps_of`` are view state (which step
    and which optimizer's worked steps are shown): saved so that a session reopens
    where it was, but they change no result."""

    function: str = PRESETS["chapter"]["function"]
    ranges: tuple[tuple[str, tuple[float, float]], ...] = tuple(
        (k, tuple(v)) for k, v in PRESETS["chapter"]["ranges"].items())
    start: tuple[tuple[str, float], ...] = tuple(PRESETS["chapter"]["start"].items())
    selected: tuple[str, ...] = ("gd",)
    hyper: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = field(
        default_factory=lambda: tuple((n, _freeze(gui_default_hyper(n)))
                                      for n in OPTIMIZER_NAMES))
    stop: StopRules = StopRules()
    log_color: bool = False
    preset: str = "chapter"
    cursor: int = 0
    steps_of: str | None = None

    # ------------------------------------------------------------------
    @classmethod
    def from_dict(cls, d: Any, base: DescentState | None = None) -> DescentState:
        """The state saved as ``d``; keys missing from ``d`` keep ``base``'s values
        (the defaults when ``base`` is None)."""
        d = f.mapping("descent", d)
        base = cls() if base is None else base
        function = f.get(d, "function", base.function, _function)
        ranges = f.get(d, "ranges", base.ranges, _ranges)
        start = f.get(d, "start", base.start, _start)
        selected = f.get(d, "selected", base.selected, _selected)
        hyper = f.get(d, "hyper", base.hyper, lambda k, v: _hyper(k, v, base.hyper))
        stop = f.get(d, "stop", base.stop, lambda k, v: _stop(k, v, base.stop))
        return cls(
            function=function, ranges=ranges, start=start, selected=selected, hyper=hyper,
            stop=stop,
            log_color=f.get(d, "log_color", base.log_color, f.boolean),
            preset=f.get(d, "preset", base.preset,
                         lambda k, v: f.choice(k, v, (*PRESETS, ""))),
            cursor=f.get(d, "cursor", base.cursor,
                         lambda k, v: f.integer(k, v, low=0, high=MAX_STEPS)),
            steps_of=f.get(d, "steps_of", base.steps_of,
                           lambda k, v: f.choice(k, v, (None, *OPTIMIZER_NAMES))),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "function": self.function,
            "ranges": {k: list(v) for k, v in self.ranges},
            "start": dict(self.start),
            "selected": list(self.selected),
            "hyper": {n: {k: list(v) if isinstance(v, tuple) else v for k, v in h}
                      for n, h in self.hyper},
            "stop": {"grad_tol": self.stop.grad_tol, "value_tol": self.stop.value_tol,
                     "max_steps": self.stop.max_steps},
            "log_color": self.log_color,
            "preset": self.preset,
            "cursor": self.cursor,
            "steps_of": self.steps_of,
        }


def validate(d: Any) -> dict[str, Any]:
    """The saved state ``d``, checked and completed with defaults (or StateError)."""
    return DescentState.from_dict(d).to_dict()


def apply(state: DescentState, change: Any) -> DescentState:
    """``state`` with ``change`` applied (pure); see :class:`gui.labs.fields.SavedState`."""
    return state.apply(change)


# ---------------------------------------------------------------------- checkers
def _function(key: str, value: Any) -> str:
    text = f.text(key, value, max_len=500)
    try:
        objective = parse_cached(text)
    except ExpressionError as exc:
        raise StateError(key, "invalid_expression", error=exc.key) from None
    if objective.n == 0:
        raise StateError(key, "invalid_expression", error="no_variable")
    return text


def _name(key: str, name: Any) -> str:
    if not isinstance(name, str) or not name or len(name) > MAX_NAME:
        raise StateError(key, "unknown_choice")
    return name


def _ranges(key: str, value: Any) -> tuple[tuple[str, tuple[float, float]], ...]:
    d = f.mapping(key, value)
    if len(d) > MAX_VARIABLES:
        raise StateError(key, "too_long", limit=MAX_VARIABLES)
    out = []
    for var, pair in d.items():
        k = f"{key}.{_name(key, var)}"
        lo, hi = (f.number(k, v, low=-RANGE_LIMIT, high=RANGE_LIMIT)
                  for v in f.sequence(k, pair, length=2))
        if hi - lo < MIN_RANGE_WIDTH:
            raise StateError(k, "not_ordered")
        out.append((var, (lo, hi)))
    return tuple(out)


def _start(key: str, value: Any) -> tuple[tuple[str, float], ...]:
    d = f.mapping(key, value)
    if len(d) > MAX_VARIABLES:
        raise StateError(key, "too_long", limit=MAX_VARIABLES)
    return tuple((var, f.number(f"{key}.{_name(key, var)}", v, low=-START_LIMIT,
                                high=START_LIMIT)) for var, v in d.items())


def _selected(key: str, value: Any) -> tuple[str, ...]:
    names = [f.choice(f"{key}[{i}]", v, OPTIMIZER_NAMES)
             for i, v in enumerate(f.sequence(key, value, max_len=len(OPTIMIZER_NAMES) * 4))]
    if not names:
        raise StateError(key, "empty")
    return tuple(n for n in OPTIMIZER_NAMES if n in names)


Hyper = tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]


def _hyper(key: str, value: Any, base: Hyper) -> Hyper:
    """Each optimizer's settings; optimizers and keys not in ``value`` keep ``base``'s."""
    d = f.mapping(key, value)
    before = {n: {k: list(v) if isinstance(v, tuple) else v for k, v in h} for n, h in base}
    out = []
    for name in OPTIMIZER_NAMES:
        h = before.get(name) or gui_default_hyper(name)
        if name in d:
            given = f.mapping(f"{key}.{name}", d[name])
            for k, v in given.items():
                if k not in h:
                    continue  # unknown keys are ignored, as everywhere in a session
                field_key = f"{key}.{name}.{k}"
                if isinstance(h[k], list):
                    v = f.sequence(field_key, v, length=len(h[k]))
                try:
                    make_optimizer(name, **_tuples({**(before.get(name) or
                                                       gui_default_hyper(name)), k: v}))
                except (ValueError, TypeError, OverflowError):
                    raise StateError(field_key, "out_of_range") from None
                h[k] = [float(x) for x in v] if isinstance(v, list) else v
            try:
                make_optimizer(name, **_tuples(h))
            except (ValueError, TypeError, OverflowError):
                raise StateError(f"{key}.{name}", "out_of_range") from None
        out.append((name, _freeze(h)))
    return tuple(out)


def _tuples(h: dict[str, Any]) -> dict[str, Any]:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in h.items()}


def _stop(key: str, value: Any, base: StopRules) -> StopRules:
    d = f.mapping(key, value)
    return StopRules(
        grad_tol=f.get(d, "grad_tol", base.grad_tol,
                       lambda k, v: f.number(k, v, low=0.0, high=TOL_LIMIT), f"{key}."),
        value_tol=f.get(d, "value_tol", base.value_tol,
                        lambda k, v: f.optional_number(k, v, low=0.0, high=TOL_LIMIT),
                        f"{key}."),
        max_steps=f.get(d, "max_steps", base.max_steps,
                        lambda k, v: f.integer(k, v, low=1, high=MAX_STEPS), f"{key}."),
    )
