"""Validation of saved lab states: small checkers that raise :class:`StateError`.

Codes (the GUI's message catalogue turns them into sentences):
``not_an_object``, ``not_a_list``, ``not_text``, ``not_a_number``, ``not_an_integer``,
``not_true_false``, ``not_finite``, ``out_of_range``, ``unknown_choice``, ``too_long``,
``wrong_length``, ``empty``, ``not_ordered``, ``invalid_expression``, ``unknown_field``.

:class:`SavedState` gives each lab's frozen state dataclass the pure edit
operations: ``state.apply(change) -> state`` (a *change* maps top-level field names
to new values in their saved form, e.g. ``{"start": {"x": 1.0, "y": 2.0}}``; only
the changed fields are checked), ``state.inverse(change)`` (the change that undoes
it) and ``state.changed_fields(other)``.
"""
from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

T = TypeVar("T")


class StateError(ValueError):
    """A saved value that cannot be used: ``field`` is its path inside the lab's
    state (e.g. ``"start.x"`` or ``"hyper.adam.betas"``), ``code`` says why."""

    def __init__(self, field: str, code: str, **params: Any):
        super().__init__(f"{field}: {code}" + (f" {params}" if params else ""))
        self.field = field
        self.code = code
        self.params = params
        self.lab: str | None = None  # set by the session, which knows the lab


def mapping(field: str, value: Any) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise StateError(field, "not_an_object")
    return value


def sequence(field: str, value: Any, *, max_len: int | None = None,
             length: int | None = None) -> list[Any]:
    if not isinstance(value, (list, tuple)):
        raise StateError(field, "not_a_list")
    if length is not None and len(value) != length:
        raise StateError(field, "wrong_length", expected=length, got=len(value))
    if max_len is not None and len(value) > max_len:
        raise StateError(field, "too_long", limit=max_len)
    return list(value)


def number(field: str, value: Any, *, low: float | None = None, high: float | None = None,
           low_open: bool = False) -> float:
    """A finite float (ints are accepted; bools are not) in [low, high]."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise StateError(field, "not_a_number")
    try:
        v = float(value)
    except OverflowError:  # an int too large for a float
        raise StateError(field, "out_of_range", low=low, high=high) from None
    if not math.isfinite(v):
        raise StateError(field, "not_finite")
    if (low is not None and (v < low or (low_open and v == low))) or (
            high is not None and v > high):
        raise StateError(field, "out_of_range", low=low, high=high)
    return v


def optional_number(field: str, value: Any, **bounds: Any) -> float | None:
    return None if value is None else number(field, value, **bounds)


def integer(field: str, value: Any, *, low: int, high: int) -> int:
    """An int in [low, high]; a float with an integral value (2.0) is accepted."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise StateError(field, "not_an_integer")
    if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
        raise StateError(field, "not_an_integer")
    if not low <= value <= high:
        raise StateError(field, "out_of_range", low=low, high=high)
    return int(value)


def boolean(field: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise StateError(field, "not_true_false")
    return value


def text(field: str, value: Any, *, max_len: int) -> str:
    if not isinstance(value, str):
        raise StateError(field, "not_text")
    if len(value) > max_len:
        raise StateError(field, "too_long", limit=max_len)
    return value


def choice(field: str, value: Any, options: Iterable[T]) -> T:
    opts = tuple(options)
    if isinstance(value, bool) or value not in opts:
        raise StateError(field, "unknown_choice", options=opts)
    return value  # type: ignore[no-any-return]


def get(d: Mapping[str, Any], key: str, default: T, check: Callable[[str, Any], T],
        prefix: str = "") -> T:
    """``check(field, d[key])`` when the key is present; ``default`` when it is not.
    An explicit null is a wrong value, not a missing one."""
    if key not in d:
        return default
    return check(prefix + key, d[key])


S = TypeVar("S", bound="SavedState")


class SavedState:
    """Mixin for a lab's frozen state dataclass, which defines
    ``from_dict(d, base=None)`` (keys missing from ``d`` keep ``base``'s values, or
    the defaults) and ``to_dict()``."""

    @classmethod
    def from_dict(cls: type[S], d: Any, base: S | None = None) -> S:  # pragma: no cover
        raise NotImplementedError

    def to_dict(self) -> dict[str, Any]:  # pragma: no cover
        raise NotImplementedError

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(fl.name for fl in dataclasses.fields(cls))  # type: ignore[arg-type]

    def apply(self: S, change: Any) -> S:
        """The state with ``change`` applied (pure: ``self`` is unchanged).  Raises
        StateError for an unknown field or a value that field does not accept."""
        change = mapping("change", change)
        names = self.field_names()
        for key in change:
            if key not in names:
                raise StateError(str(key), "unknown_field")
        return type(self).from_dict(change, base=self)

    def inverse(self, change: Any) -> dict[str, Any]:
        """The change that takes ``self.apply(change)`` back to ``self``."""
        saved = self.to_dict()
        return {key: saved[key] for key in mapping("change", change) if key in saved}

    def changed_fields(self, other: SavedState) -> frozenset[str]:
        """Names of the fields that differ from ``other``: top-level names, plus
        ``"part.field"`` for the fields inside a nested state (a chain section)."""
        out: set[str] = set()
        for name in self.field_names():
            a, b = getattr(self, name), getattr(other, name)
            if a == b:
                continue
            out.add(name)
            if dataclasses.is_dataclass(a) and dataclasses.is_dataclass(b):
                out.update(f"{name}.{fl.name}" for fl in dataclasses.fields(a)
                           if getattr(a, fl.name) != getattr(b, fl.name))
        return frozenset(out)
