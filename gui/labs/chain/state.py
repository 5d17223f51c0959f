"""The Chain Rule Lab's saved settings, Qt-free.

Saved form (the ``"chain"`` object of a session file): the section shown, then one
object per section (chapter 1.2, 1.3, 1.4 and the neuron of 3.x)::

    {"section": "single",
     "single": {"f": "u^2", "g": "3x + 1", "x": 0.5, "dx": 0.8},
     "multi":  {"f": "u^2 + v^2", "u": "x + y", "v": "x - y", "x": 1.0, "y": 0.5,
                "wrt": "x"},
     "vector": {"f": "x^2 + y^2", "x": 1.0, "y": 0.5, "dx": 0.3, "dy": 0.6},
     "neuron": {"w1": 0.5, "w2": -0.4, "b": 0.1, "x1": 1.0, "x2": 2.0, "t": 1.0,
                "activation": "sigmoid", "eta": 0.5, "history": [C₀, C₁, ...]}}

Missing keys take these defaults; unknown keys are ignored; a present value that
cannot be used (wrong type, null, not finite, out of range, a function that does not
parse in its variables) raises :class:`StateError`.  The backprop step shown is view
state and is not saved.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from core.chain import ACTIVATIONS
from core.expression import ExpressionError, parse
from gui.labs import fields as f
from gui.labs.fields import StateError

SECTIONS = ("single", "multi", "vector", "neuron")
NEURON_PARAMS = ("w1", "w2", "b", "x1", "x2", "t")


@dataclass(frozen=True)
class Single:
    """1.2: y = f(u), u = g(x), at x, with a step Δx."""
    f: str = "u^2"
    g: str = "3x + 1"
    x: float = 0.5
    dx: float = 0.8


@dataclass(frozen=True)
class Multi:
    """1.3: z = f(u, v), u = u(x, y), v = v(x, y); ∂z/∂x or ∂z/∂y."""
    f: str = "u^2 + v^2"
    u: str = "x + y"
    v: str = "x - y"
    x: float = 1.0
    y: float = 0.5
    wrt: str = "x"


@dataclass(frozen=True)
class Vector:
    """1.4: z = f(x, y), the gradient and a step (Δx, Δy)."""
    f: str = "x^2 + y^2"
    x: float = 1.0
    y: float = 0.5
    dx: float = 0.3
    dy: float = 0.6


@dataclass(frozen=True)
class Neuron:
    """y = a(w₁x₁ + w₂x₂ + b), its target t, η and the cost after each step."""
    w1: float = 0.5
    w2: float = -0.4
    b: float = 0.1
    x1: float = 1.0
    x2: float = 2.0
    t: float = 1.0
    activation: str = "sigmoid"
    eta: float = 0.5
    history: tuple[float, ...] = ()


@dataclass(frozen=True)
class ChainState(f.SavedState):
    section: str = "single"
    single: Single = Single()
    multi: Multi = Multi()
    vector: Vector = Vector()
    neuron: Neuron = Neuron()

    @classmethod
    def from_dict(cls, d: Any, base: ChainState | None = None) -> ChainState:
        """The state saved as ``d``; keys missing from ``d`` (also inside a section)
        keep ``base``'s values (the defaults when ``base`` is None)."""
        d = f.mapping("chain", d)
        base = cls() if base is None else base
        parts: dict[str, Any] = {
            "section": f.get(d, "section", base.section,
                             lambda k, v: f.choice(k, v, SECTIONS))}
        for s in SECTIONS:
            default = getattr(base, s)
            if s not in d:
                parts[s] = default
                continue
            given = f.mapping(s, d[s])
            parts[s] = replace(default, **{
                fld.name: _check(s, fld.name, getattr(default, fld.name), given[fld.name])
                for fld in fields(default) if fld.name in given})
        return cls(**parts)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"section": self.section}
        for s in SECTIONS:
            part = asdict(getattr(self, s))
            if "history" in part:
                part["history"] = list(part["history"])
            out[s] = part
        return out


DEFAULT_STATE: dict[str, Any] = ChainState().to_dict()

# the variables each function may use
VARIABLES = {("single", "f"): ("u",), ("single", "g"): ("x",),
             ("multi", "f"): ("u", "v"), ("multi", "u"): ("x", "y"),
             ("multi", "v"): ("x", "y"), ("vector", "f"): ("x", "y")}
NUMBER_LIMIT = 1e6   # |x|, |Δx|, weights ... (the fields allow far less)
ETA_RANGE = (0.0, 10.0)
MAX_HISTORY = 100_000


def validate(d: Any) -> dict[str, Any]:
    """The saved state ``d``, checked and completed with defaults (or StateError)."""
    return ChainState.from_dict(d).to_dict()


def apply(state: ChainState, change: Any) -> ChainState:
    """``state`` with ``change`` applied (pure); a section may be changed in part,
    e.g. ``{"single": {"x": 0.7}}``.  See :class:`gui.labs.fields.SavedState`."""
    return state.apply(change)


def _check(section: str, key: str, default: Any, value: Any) -> Any:
    name = f"{section}.{key}"
    if (section, key) in VARIABLES:
        text = f.text(name, value, max_len=500)
        try:
            parse(text, VARIABLES[(section, key)])
        except ExpressionError as exc:
            raise StateError(name, "invalid_expression", error=exc.key) from None
        return text
    if key == "activation":
        return f.choice(name, value, ACTIVATIONS)
    if key == "wrt":
        return f.choice(name, value, ("x", "y"))
    if key == "history":
        return tuple(f.number(f"{name}[{i}]", v)
                     for i, v in enumerate(f.sequence(name, value, max_len=MAX_HISTORY)))
    if key == "eta":
        return f.number(name, value, low=ETA_RANGE[0], high=ETA_RANGE[1])
    assert isinstance(default, float)
    return f.number(name, value, low=-NUMBER_LIMIT, high=NUMBER_LIMIT)


def recover(d: Any, limit: int = 100) -> ChainState:
    """The state saved as ``d``, where every value that cannot be used takes its
    default instead of raising (for a state that did not come through the
    session's check, e.g. an old file handed straight to the lab)."""
    d = _plain_copy(d) if isinstance(d, dict) else {}
    for _ in range(limit):
        try:
            return ChainState.from_dict(d)
        except StateError as exc:
            if not _drop(d, exc.field):
                return ChainState()
    return ChainState()


def _plain_copy(d: dict) -> dict:
    return {k: dict(v) if isinstance(v, dict) else v for k, v in d.items()}


def _drop(d: dict, field: str) -> bool:
    """Remove the value at ``field`` ("section", "single.f", "neuron.history[3]")."""
    path = field.split("[", 1)[0].split(".")
    part: Any = d
    for key in path[:-1]:
        part = part.get(key) if isinstance(part, dict) else None
    if isinstance(part, dict) and path[-1] in part:
        del part[path[-1]]
        return True
    if path[0] in d:  # e.g. a section that is not an object
        del d[path[0]]
        return True
    return False
