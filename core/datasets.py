"""Built-in data sets and CSV import/export for the Least Squares Lab.

The numbers live in ``resources/data/*.csv`` (read relative to the project
root); units, ranges and the bibliographic source live here.  Names, axis labels
and notes are words a user reads: the GUI's catalogue
(``gui/text/regression_messages.py``) gives them by data set id, translated.
Every data set is real and its source is stated: the chapter's own 8 points
(the default), Anscombe's quartet, and two classic small tables distributed with R.

Also: :func:`parse_points_csv` / :func:`format_points_csv` for the user's own
points.  Standard library + numpy only (no Qt).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

__all__ = [
    "DEFAULT_DATASET_ID",
    "DATA_DIR",
    "Dataset",
    "CsvError",
    "dataset_ids",
    "list_datasets",
    "load_dataset",
    "default_dataset",
    "parse_points_csv",
    "format_points_csv",
]

DATA_DIR = Path(__file__).resolve().parent.parent / "resources" / "data"
DEFAULT_DATASET_ID = "chapter_heights"


# --------------------------------------------------------------------------- CSV


class CsvError(ValueError):
    """Bad CSV text, as codes (the GUI's catalogue turns them into sentences).

    ``code``, ``line`` and ``params`` describe the first problem; ``problems`` lists
    every problem found, each a :class:`CsvError` too, in the order of the text.
    ``line`` is 1-based; 0 refers to the whole text.  Codes and their parameters:

    * ``"wrong_columns"`` (``found``): a data row without exactly two columns;
    * ``"header_columns"`` (``found``): a header line without exactly two names;
    * ``"not_a_number"`` (``column`` "x" or "y", ``value``: the text, "" if empty);
    * ``"not_finite"`` (``column``, ``value``): nan or infinity;
    * ``"no_rows"``: no data rows at all (line 0).
    """

    def __init__(self, code: str, line: int = 0, **params: Any):
        shown = f"line {line}: {code}" if line else code
        super().__init__(shown + (f" {params}" if params else ""))
        self.code = code
        self.line = int(line)
        self.params: dict[str, Any] = params
        self.problems: list[CsvError] = [self]

    @classmethod
    def of(cls, problems: Sequence[CsvError]) -> CsvError:
        """One error that stands for all of ``problems`` (the first one, listing all)."""
        first = problems[0]
        first.problems = list(problems)
        return first


_DECIMAL_COMMA = re.compile(r"^[+-]?(\d+,\d*|,\d+)([eE][+-]?\d+)?$")


def _detect_separator(line: str) -> str | None:
    """Tab, semicolon or comma, in that order of preference; None = whitespace."""
    for sep in ("\t", ";", ","):
        if sep in line:
            return sep
    return None


def _split(line: str, sep: str | None) -> list[str]:
    fields = [f.strip() for f in (line.split(sep) if sep else line.split())]
    while len(fields) > 2 and fields[-1] == "":  # tolerate trailing separators
        fields.pop()
    return fields


def _to_float(field: str, sep: str | None) -> float | None:
    """The number in ``field`` or None when it is not a number at all."""
    text = field.strip().strip('"').strip("'").strip()
    if sep == ";" and _DECIMAL_COMMA.match(text):
        text = text.replace(",", ".")  # "1,5;2,5": decimal commas
    try:
        return float(text)
    except ValueError:
        return None


def parse_points_csv(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Parse two-column numeric text into (x, y) float arrays.

    Accepts an optional header line (the first content line, if none of its
    fields is a number), comma / tab / semicolon (decimal commas allowed with
    semicolons) or whitespace separators, blank lines, ``#`` comments (whole line
    or trailing) and a UTF-8 byte-order mark.  Any bad row — not a number, not
    exactly two columns, nan or infinity — makes it raise :class:`CsvError`
    listing every bad line; it never returns part of the data.  Text without any
    data rows is an error too.
    """
    if not isinstance(text, str):
        raise TypeError("parse_points_csv expects text (str)")
    if text.startswith("\ufeff"):
        text = text[1:]
    errors: list[CsvError] = []
    xs: list[float] = []
    ys: list[float] = []
    sep: str | None = None
    seen_content = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if sep is None and not seen_content:
            sep = _detect_separator(line)
        fields = _split(line, sep)
        values = [_to_float(f, sep) for f in fields]
        first = not seen_content
        seen_content = True
        if first and all(v is None for v in values):
            if len(fields) != 2:
                errors.append(CsvError("header_columns", number, found=len(fields)))
            continue
        if len(fields) != 2:
            errors.append(CsvError("wrong_columns", number, found=len(fields)))
            continue
        row_ok = True
        for name, field, value in zip(("x", "y"), fields, values, strict=False):
            if value is None:
                errors.append(CsvError("not_a_number", number, column=name, value=field))
                row_ok = False
            elif not math.isfinite(value):
                errors.append(CsvError("not_finite", number, column=name, value=field))
                row_ok = False
        if row_ok:
            xs.append(values[0])  # type: ignore[arg-type]
            ys.append(values[1])  # type: ignore[arg-type]
    if errors:
        raise CsvError.of(errors)
    if not xs:
        raise CsvError("no_rows")
    return np.array(xs, dtype=np.float64), np.array(ys, dtype=np.float64)


def _format_number(v: float) -> str:
    v = float(v)
    if v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    return repr(v)  # shortest text that reads back to the same float


def format_points_csv(
    x: Iterable[float], y: Iterable[float], header: Sequence[str] | None = ("x", "y")
) -> str:
    """Comma-separated text with an optional header; reads back exactly with
    :func:`parse_points_csv` (floats are written with their shortest exact repr)."""
    xa = np.asarray(list(x) if not isinstance(x, np.ndarray) else x, dtype=np.float64)
    ya = np.asarray(list(y) if not isinstance(y, np.ndarray) else y, dtype=np.float64)
    if xa.ndim != 1 or xa.shape != ya.shape:
        raise ValueError("x and y must be 1-D and of the same length")
    if not (np.isfinite(xa).all() and np.isfinite(ya).all()):
        raise ValueError("x and y must be finite numbers")
    lines = []
    if header is not None:
        if len(header) != 2:
            raise ValueError("header must have two names")
        for name in header:
            if any(c in str(name) for c in ",#\n\r") or _to_float(str(name), ",") is not None:
                raise ValueError(f"header name {name!r} cannot be written unambiguously")
        lines.append(f"{header[0]},{header[1]}")
    lines.extend(f"{_format_number(a)},{_format_number(b)}" for a, b in zip(xa, ya, strict=False))
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------- data sets


@dataclass(frozen=True, eq=False)
class Dataset:
    """A built-in data set.  ``x`` and ``y`` are read-only float arrays."""

    id: str
    x_unit: str
    y_unit: str
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    source: str
    filename: str
    x: np.ndarray
    y: np.ndarray

    @property
    def n_points(self) -> int:
        return int(self.x.size)

    @property
    def units(self) -> tuple[str, str]:
        return self.x_unit, self.y_unit


_ANSCOMBE_SOURCE = (
    'F. J. Anscombe, "Graphs in Statistical Analysis", The American Statistician '
    "27(1), 17–21 (1973), Table 1."
)

# metadata; the numbers are in resources/data/<filename>
_META: dict[str, dict[str, Any]] = {
    "chapter_heights": dict(
        x_unit="kg",
        y_unit="cm",
        x_range=(40.0, 80.0),
        y_range=(140.0, 200.0),
        source=(
            "The chapter 深度学习 | 掌握神经网络的法宝（一） (Deep learning: the tools "
            "for mastering neural networks, part 1), section 3.4, Python example."
        ),
        filename="chapter_heights.csv",
    ),
    "anscombe_1": dict(
        x_unit="", y_unit="",
        x_range=(0.0, 20.0), y_range=(0.0, 14.0),
        source=_ANSCOMBE_SOURCE,
        filename="anscombe_1.csv",
    ),
    "anscombe_2": dict(
        x_unit="", y_unit="",
        x_range=(0.0, 20.0), y_range=(0.0, 14.0),
        source=_ANSCOMBE_SOURCE,
        filename="anscombe_2.csv",
    ),
    "anscombe_3": dict(
        x_unit="", y_unit="",
        x_range=(0.0, 20.0), y_range=(0.0, 14.0),
        source=_ANSCOMBE_SOURCE,
        filename="anscombe_3.csv",
    ),
    "anscombe_4": dict(
        x_unit="", y_unit="",
        x_range=(0.0, 20.0), y_range=(0.0, 14.0),
        source=_ANSCOMBE_SOURCE,
        filename="anscombe_4.csv",
    ),
    "women_1975": dict(
        x_unit="in",
        y_unit="lb",
        x_range=(55.0, 75.0),
        y_range=(100.0, 180.0),
        source=(
            "The World Almanac and Book of Facts, 1975: average weights for American "
            "women aged 30–39; as distributed in R's datasets package (data set "
            "'women')."
        ),
        filename="women_1975.csv",
    ),
    "cars_1920s": dict(
        x_unit="mph",
        y_unit="ft",
        x_range=(0.0, 30.0),
        y_range=(0.0, 130.0),
        source=(
            "M. Ezekiel, Methods of Correlation Analysis, Wiley (1930); recorded in "
            "the 1920s; as distributed in R's datasets package (data set 'cars')."
        ),
        filename="cars_1920s.csv",
    ),
}


def dataset_ids() -> tuple[str, ...]:
    """Ids of the built-in data sets, the default (the chapter's) first."""
    return tuple(_META)


@cache
def load_dataset(dataset_id: str = DEFAULT_DATASET_ID) -> Dataset:
    """Load a built-in data set by id (KeyError for an unknown id)."""
    if dataset_id not in _META:
        raise KeyError(f"unknown data set {dataset_id!r}; known: {', '.join(_META)}")
    meta = _META[dataset_id]
    path = DATA_DIR / meta["filename"]
    x, y = parse_points_csv(path.read_text(encoding="utf-8"))
    x.setflags(write=False)
    y.setflags(write=False)
    return Dataset(id=dataset_id, x=x, y=y, **meta)


def list_datasets() -> list[Dataset]:
    """All built-in data sets, the default first."""
    return [load_dataset(i) for i in _META]


def default_dataset() -> Dataset:
    """The chapter's heights and weights."""
    return load_dataset(DEFAULT_DATASET_ID)
