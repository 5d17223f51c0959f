"""Built-in data sets and CSV import/export for the Least Squares Lab.

The numbers live in ``resources/data/*.csv`` (read relative to the project
root); units, ranges and the bibliographic source live here.  Names, axis labels
and notes are words a user reads: the GUI's catalogue
(``gui/text/regression_messages.py``) gives them by data set id, translated.
Every data set is real and its source is stated: the chapter's own 8 points
(the default), Anscombe's quartet, and two classic small tables distributed with R.

Also: :func:`parse_points_csv` / :func:`format_points_csv` for the user's own
points, and (from :mod:`core.points_io`, re-exported) :func:`read_points`,
:func:`read_points_text`, :class:`PointsTable` and :class:`CsvError`.  Standard
library + numpy only (no Qt).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from core.points_io import CsvError, PointsTable, read_points, read_points_text, to_number

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
    "PointsTable",
    "read_points",
    "read_points_text",
]

DATA_DIR = Path(__file__).resolve().parent.parent / "resources" / "data"
DEFAULT_DATASET_ID = "chapter_heights"


# --------------------------------------------------------------------------- CSV


def parse_points_csv(text: str) -> tuple[np.ndarray, np.ndarray]:
    """The (x, y) float arrays of point text: :func:`read_points_text` with its
    default columns (of a two-column table: both).

    Accepts an optional header line (the first content line, if none of its
    fields is a number), comma / tab / semicolon / ``，`` (decimal commas allowed)
    or whitespace separators, quoted fields, blank lines, ``#`` comments (whole line
    or trailing) and a byte-order mark.  Any bad row in the columns read — not a
    number, too few or too many fields, nan or infinity — makes it raise
    :class:`CsvError` listing every bad line; it never returns part of the data.
    Text without any data rows is an error too.
    """
    table = read_points_text(text)
    return table.x, table.y


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
            if any(c in str(name) for c in ",#\n\r") or to_number(str(name).strip()) is not None:
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
