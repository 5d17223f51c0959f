"""Optimisers as pure functions (optax style), numerically identical to torch.optim.

``make_optimizer(name, **hyper)`` returns an immutable :class:`Optimizer` with

* ``init(params) -> state`` and
* ``step(params, grad, state) -> (new_params, new_state)``.

Neither call mutates its arguments: every update builds new arrays, and the arrays
held in a state are marked read-only.  A trajectory can therefore be stepped back
(keep the old ``(params, state)`` pair) and replayed bit-identically.

``params`` is one point of shape ``(n,)`` or a batch of points of shape ``(m, n)``;
``grad`` has the same shape and the state arrays follow it.  The step count in a
state is a plain ``int`` shared by the whole batch.

Names, hyperparameters, defaults and update rules follow PyTorch's ``torch.optim``
(single-tensor code path, operation by operation, float64), with one deliberate
exception: the plain gradient descent of the chapter, ``"gd"``, defaults to
``lr=0.1`` (torch's ``SGD`` defaults to ``1e-3``).

=============  ===========================  =========================================
name           torch equivalent             hyperparameters (defaults)
=============  ===========================  =========================================
``gd``         ``SGD(momentum=0)``          lr=0.1, weight_decay=0, maximize=False
``momentum``   ``SGD(momentum=0.9)``        lr=1e-3, momentum=0.9, dampening=0,
                                            weight_decay=0, maximize=False
``nesterov``   ``SGD(nesterov=True)``       lr=1e-3, momentum=0.9, dampening=0,
                                            weight_decay=0, maximize=False
``adagrad``    ``Adagrad``                  lr=0.01, lr_decay=0, weight_decay=0,
                                            initial_accumulator_value=0, eps=1e-10,
                                            maximize=False
``rmsprop``    ``RMSprop``                  lr=0.01, alpha=0.99, eps=1e-8,
                                            weight_decay=0, momentum=0,
                                            centered=False, maximize=False
``adam``       ``Adam``                     lr=1e-3, betas=(0.9, 0.999), eps=1e-8,
                                            weight_decay=0, amsgrad=False,
                                            decoupled_weight_decay=False (AdamW),
                                            maximize=False
=============  ===========================  =========================================

For ``adam``, ``beta1=`` / ``beta2=`` are accepted as aliases of ``betas[0]`` /
``betas[1]``; ``Optimizer.hyper`` always reports ``betas``.  Any optimiser can be
rebuilt with ``make_optimizer(opt.name, **opt.hyper)``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, NamedTuple

import numpy as np

__all__ = [
    "OPTIMIZER_NAMES",
    "Optimizer",
    "SGDState",
    "AdagradState",
    "RMSpropState",
    "AdamState",
    "make_optimizer",
    "default_hyper",
]


# --------------------------------------------------------------------------- states


class SGDState(NamedTuple):
    """State of ``gd`` / ``momentum`` / ``nesterov``.

    ``momentum_buffer`` is zeros before the first step (torch creates the buffer
    on the first step as a copy of the gradient; ``step == 0`` marks that case).
    """

    step: int
    momentum_buffer: np.ndarray


class AdagradState(NamedTuple):
    step: int
    sum: np.ndarray  # running sum of squared gradients (torch: state["sum"])


class RMSpropState(NamedTuple):
    step: int
    square_avg: np.ndarray
    grad_avg: np.ndarray  # used only when centered=True
    momentum_buffer: np.ndarray  # used only when momentum > 0


class AdamState(NamedTuple):
    step: int
    exp_avg: np.ndarray
    exp_avg_sq: np.ndarray
    max_exp_avg_sq: np.ndarray  # used only when amsgrad=True


# --------------------------------------------------------------------------- helpers


def _frozen(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


def _as_float_array(x: Any, what: str) -> np.ndarray:
    a = np.asarray(x, dtype=np.float64)
    if a.ndim not in (1, 2):
        raise ValueError(f"{what} must have shape (n,) or (m, n), got shape {a.shape}")
    return a


def _lerp(start: np.ndarray, end: np.ndarray, weight: float) -> np.ndarray:
    """torch.lerp on CPU: two formulas depending on |weight| < 0.5."""
    if abs(weight) < 0.5:
        return start + weight * (end - start)
    return end - (end - start) * (1.0 - weight)


def _addcmul(base: np.ndarray, value: float, t1: np.ndarray, t2: np.ndarray) -> np.ndarray:
    """torch.addcmul: base + value * t1 * t2 (evaluated left to right)."""
    return base + value * t1 * t2


# --------------------------------------------------------------------------- update rules
# Each rule takes (hyper dict, params, grad, state) and returns (new_params, new_state).
# They never modify their inputs: every expression below allocates a new array.


def _sgd_init(h: dict, p: np.ndarray) -> SGDState:
    return SGDState(0, _frozen(np.zeros_like(p)))


def _sgd_step(h: dict, p: np.ndarray, g: np.ndarray, s: SGDState, nesterov: bool = False):
    """SGD family (torch.optim.SGD, single-tensor path).

    g ← −∇f if maximize else ∇f;   g ← g + λ·θ  (weight_decay λ ≠ 0)
    momentum μ ≠ 0:  b ← g (first step, a copy)  else  b ← μ·b + (1−τ)·g
                     g ← g + μ·b (nesterov)  or  g ← b
    θ ← θ − η·g

    With μ = 0, λ = 0 this is the chapter's Δθ = −η·∇f(θ).
    """
    lr, momentum = h["lr"], h.get("momentum", 0.0)
    if h.get("maximize", False):
        g = -g
    wd = h.get("weight_decay", 0.0)
    if wd != 0:
        g = g + wd * p
    buf = s.momentum_buffer
    if momentum != 0:
        if s.step == 0:
            buf = np.array(g, dtype=np.float64, copy=True)
        else:
            buf = buf * momentum + (1.0 - h.get("dampening", 0.0)) * g
        _frozen(buf)
        g = g + momentum * buf if nesterov else buf
    return p + (-lr) * g, SGDState(s.step + 1, buf)


def _adagrad_init(h: dict, p: np.ndarray) -> AdagradState:
    return AdagradState(0, _frozen(np.full_like(p, float(h["initial_accumulator_value"]))))


def _adagrad_step(h: dict, p: np.ndarray, g: np.ndarray, s: AdagradState):
    """Adagrad (torch.optim.Adagrad, dense single-tensor path).

    t ← t + 1;  g ← ∇f (+ λ·θ);  η_t = η / (1 + (t − 1)·lr_decay)
    G ← G + g⊙g;   θ ← θ − η_t · g / (√G + ε)
    """
    step = s.step + 1
    if h["maximize"]:
        g = -g
    if h["weight_decay"] != 0:
        g = g + h["weight_decay"] * p
    clr = h["lr"] / (1 + (step - 1) * h["lr_decay"])
    total = _addcmul(s.sum, 1.0, g, g)
    std = np.sqrt(total) + h["eps"]
    return p + (-clr) * (g / std), AdagradState(step, _frozen(total))


def _rmsprop_init(h: dict, p: np.ndarray) -> RMSpropState:
    z = _frozen(np.zeros_like(p))
    return RMSpropState(0, z, z, z)


def _rmsprop_step(h: dict, p: np.ndarray, g: np.ndarray, s: RMSpropState):
    """RMSprop (torch.optim.RMSprop, single-tensor path).

    g ← ∇f (+ λ·θ);   v ← α·v + (1 − α)·g⊙g
    centered:  ḡ ← lerp(ḡ, g, 1 − α);  d ← √(v − ḡ⊙ḡ) + ε      else d ← √v + ε
    momentum μ > 0:  b ← μ·b + g/d;  θ ← θ − η·b          else θ ← θ − η·g/d
    """
    step = s.step + 1
    if h["maximize"]:
        g = -g
    if h["weight_decay"] != 0:
        g = g + h["weight_decay"] * p
    alpha = h["alpha"]
    square_avg = _addcmul(s.square_avg * alpha, 1.0 - alpha, g, g)
    grad_avg = s.grad_avg
    if h["centered"]:
        grad_avg = _frozen(_lerp(s.grad_avg, g, 1.0 - alpha))
        avg = np.sqrt(_addcmul(square_avg, -1.0, grad_avg, grad_avg))
    else:
        avg = np.sqrt(square_avg)
    avg = avg + h["eps"]
    buf = s.momentum_buffer
    if h["momentum"] > 0:
        buf = _frozen(s.momentum_buffer * h["momentum"] + g / avg)
        new_p = p + (-h["lr"]) * buf
    else:
        new_p = p + (-h["lr"]) * (g / avg)
    return new_p, RMSpropState(step, _frozen(square_avg), grad_avg, buf)


def _adam_init(h: dict, p: np.ndarray) -> AdamState:
    z = _frozen(np.zeros_like(p))
    return AdamState(0, z, z, z)


def _adam_step(h: dict, p: np.ndarray, g: np.ndarray, s: AdamState):
    """Adam (torch.optim.Adam, single-tensor non-capturable path).

    t ← t + 1;  g ← ∇f (+ λ·θ, or θ ← θ·(1 − η·λ) if decoupled_weight_decay)
    m ← lerp(m, g, 1 − β₁);   v ← β₂·v + (1 − β₂)·g⊙g
    (amsgrad: v̂ ← max(v̂, v), used instead of v below)
    θ ← θ − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
    """
    step = s.step + 1
    lr = h["lr"]
    beta1, beta2 = h["betas"]
    if h["maximize"]:
        g = -g
    wd = h["weight_decay"]
    if wd != 0:
        if h["decoupled_weight_decay"]:
            p = p * (1 - lr * wd)
        else:
            g = g + wd * p
    exp_avg = _lerp(s.exp_avg, g, 1 - beta1)
    exp_avg_sq = _addcmul(s.exp_avg_sq * beta2, 1 - beta2, g, g)
    bias_correction1 = 1 - beta1 ** float(step)
    bias_correction2 = 1 - beta2 ** float(step)
    step_size = lr / bias_correction1
    bias_correction2_sqrt = bias_correction2**0.5
    max_sq = s.max_exp_avg_sq
    if h["amsgrad"]:
        max_sq = _frozen(np.maximum(s.max_exp_avg_sq, exp_avg_sq))
        denom = np.sqrt(max_sq) / bias_correction2_sqrt + h["eps"]
    else:
        denom = np.sqrt(exp_avg_sq) / bias_correction2_sqrt + h["eps"]
    new_p = p + (-step_size) * (exp_avg / denom)
    return new_p, AdamState(step, _frozen(exp_avg), _frozen(exp_avg_sq), max_sq)


# --------------------------------------------------------------------------- registry

_SGD_COMMON = {"weight_decay": 0.0, "maximize": False}

_DEFAULTS: dict[str, dict[str, Any]] = {
    "gd": {"lr": 0.1, **_SGD_COMMON},
    "momentum": {"lr": 1e-3, "momentum": 0.9, "dampening": 0.0, **_SGD_COMMON},
    "nesterov": {"lr": 1e-3, "momentum": 0.9, "dampening": 0.0, **_SGD_COMMON},
    "adagrad": {
        "lr": 1e-2,
        "lr_decay": 0.0,
        "weight_decay": 0.0,
        "initial_accumulator_value": 0.0,
        "eps": 1e-10,
        "maximize": False,
    },
    "rmsprop": {
        "lr": 1e-2,
        "alpha": 0.99,
        "eps": 1e-8,
        "weight_decay": 0.0,
        "momentum": 0.0,
        "centered": False,
        "maximize": False,
    },
    "adam": {
        "lr": 1e-3,
        "betas": (0.9, 0.999),
        "eps": 1e-8,
        "weight_decay": 0.0,
        "amsgrad": False,
        "decoupled_weight_decay": False,
        "maximize": False,
    },
}

OPTIMIZER_NAMES: tuple[str, ...] = tuple(_DEFAULTS)

_RULES: dict[str, tuple[Callable, Callable]] = {
    "gd": (_sgd_init, _sgd_step),
    "momentum": (_sgd_init, _sgd_step),
    "nesterov": (_sgd_init, partial(_sgd_step, nesterov=True)),
    "adagrad": (_adagrad_init, _adagrad_step),
    "rmsprop": (_rmsprop_init, _rmsprop_step),
    "adam": (_adam_init, _adam_step),
}

_BOOL_KEYS = {"maximize", "centered", "amsgrad", "decoupled_weight_decay"}


def default_hyper(name: str) -> dict[str, Any]:
    """The default hyperparameters of optimiser ``name`` (a fresh dict)."""
    if name not in _DEFAULTS:
        raise ValueError(_unknown_name_message(name))
    return dict(_DEFAULTS[name])


def _unknown_name_message(name: object) -> str:
    return f"unknown optimizer {name!r}; expected one of {', '.join(OPTIMIZER_NAMES)}"


def _check_number(name: str, key: str, value: Any, *, low: float = 0.0,
                  high: float | None = None, high_open: bool = True,
                  low_open: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise ValueError(f"{name}: hyperparameter {key!r} must be a number, got {value!r}")
    v = float(value)
    if not math.isfinite(v):
        raise ValueError(f"{name}: hyperparameter {key!r} must be finite, got {value!r}")
    if v < low or (low_open and v == low):
        op = ">" if low_open else ">="
        raise ValueError(f"{name}: invalid {key} {value!r} (must be {op} {low:g})")
    if high is not None and (v > high or (high_open and v == high)):
        op = "<" if high_open else "<="
        raise ValueError(f"{name}: invalid {key} {value!r} (must be {op} {high:g})")
    return v


def _validate(name: str, given: dict[str, Any]) -> dict[str, Any]:
    h = dict(_DEFAULTS[name])
    given = dict(given)
    if name == "adam" and ("beta1" in given or "beta2" in given):
        b1 = given.pop("beta1", None)
        b2 = given.pop("beta2", None)
        base = given.get("betas", h["betas"])
        # betas= with beta1=/beta2= is allowed only when consistent
        # (e.g. make_optimizer(**opt.hyper, beta1=...))
        if "betas" in given and ((b1 is not None and b1 != base[0])
                                 or (b2 is not None and b2 != base[1])):
            raise ValueError("adam: give either betas=(b1, b2) or beta1=/beta2=, not both")
        given["betas"] = (base[0] if b1 is None else b1, base[1] if b2 is None else b2)
    unknown = sorted(set(given) - set(h))
    if unknown:
        raise ValueError(
            f"{name}: unknown hyperparameter(s) {', '.join(unknown)}; "
            f"valid: {', '.join(sorted(h))}" + (", beta1, beta2" if name == "adam" else "")
        )
    h.update(given)
    for key in list(h):
        if key in _BOOL_KEYS:
            if not isinstance(h[key], (bool, np.bool_)):
                raise ValueError(f"{name}: hyperparameter {key!r} must be True or False")
            h[key] = bool(h[key])
        elif key == "betas":
            b = h["betas"]
            try:
                b1, b2 = b
            except (TypeError, ValueError):
                raise ValueError(
                    f"{name}: betas must be a pair (beta1, beta2), got {b!r}"
                ) from None
            h["betas"] = (
                _check_number(name, "beta1", b1, high=1.0),
                _check_number(name, "beta2", b2, high=1.0),
            )
        else:
            h[key] = _check_number(name, key, h[key])
    if name in ("momentum", "nesterov") and h["momentum"] <= 0:
        raise ValueError(f"{name}: momentum must be > 0 (use 'gd' for plain gradient descent)")
    if name == "nesterov" and h["dampening"] != 0:
        raise ValueError("nesterov: Nesterov momentum requires zero dampening")
    return h


@dataclass(frozen=True)
class Optimizer:
    """An optimiser: a name, its hyperparameters and two pure functions.

    Build it with :func:`make_optimizer`.  ``hyper`` returns a fresh dict each time.
    """

    name: str
    _hyper_items: tuple[tuple[str, Any], ...]
    _h: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_h", dict(self._hyper_items))

    @property
    def hyper(self) -> dict[str, Any]:
        return dict(self._hyper_items)

    def init(self, params: Any) -> NamedTuple:
        """The state before the first step, shaped like ``params`` ((n,) or (m, n))."""
        p = _as_float_array(params, "params")
        return _RULES[self.name][0](self._h, p)

    def step(self, params: Any, grad: Any, state: NamedTuple):
        """One update; returns ``(new_params, new_state)`` and leaves the inputs untouched."""
        p = _as_float_array(params, "params")
        g = _as_float_array(grad, "grad")
        if g.shape != p.shape:
            raise ValueError(f"grad shape {g.shape} differs from params shape {p.shape}")
        with np.errstate(all="ignore"):
            return _RULES[self.name][1](self._h, p, g, state)

    def describe(self) -> str:
        """Short English label, e.g. ``"gd(lr=0.1)"`` (non-default values only)."""
        d = _DEFAULTS[self.name]
        h = self.hyper
        parts = [f"lr={h['lr']:g}"] + [
            f"{k}={v!r}" if not isinstance(v, float) else f"{k}={v:g}"
            for k, v in h.items()
            if k != "lr" and v != d[k]
        ]
        return f"{self.name}({', '.join(parts)})"

    def __repr__(self) -> str:  # pragma: no cover - cosmetic
        return f"Optimizer({self.describe()})"


def make_optimizer(name: str, **hyper: Any) -> Optimizer:
    """Build optimiser ``name`` (see the module docstring) with torch's hyperparameters.

    Raises ValueError for an unknown name, an unknown hyperparameter or a bad value
    (negative or non-finite learning rate, beta outside [0, 1), ...).
    """
    if not isinstance(name, str) or name not in _DEFAULTS:
        raise ValueError(_unknown_name_message(name))
    h = _validate(name, hyper)
    return Optimizer(name, tuple(h.items()))
