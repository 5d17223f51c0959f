"""Reading point files (bytes of a file or a drop, text of a paste) into an x and
a y column, Qt-free: encodings, separators, quoted fields, optional header, column
choice.  Problems are :class:`CsvError` codes; it never returns part of the data.
Rows are read one at a time: memory is the text plus 8 bytes per number."""
from __future__ import annotations

import csv
import re
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["CsvError", "PointsTable", "read_points", "read_points_text"]

PREVIEW_ROWS = 8  # data rows in PointsTable.preview
MAX_PROBLEMS = 1000  # problems listed in one error at most (CsvError.total counts all)
_SAMPLE_LINES = 10  # content lines looked at to choose the separator


class CsvError(ValueError):
    """Bad point text, as codes (the GUI's catalogue turns them into sentences).

    ``code``, ``line`` and ``params`` describe the first problem; ``problems`` lists
    the problems found (each a :class:`CsvError` too, in the order of the text, at
    most :data:`MAX_PROBLEMS`) and ``total`` counts them all.  ``line`` is 1-based;
    0 refers to the whole text.  ``column`` parameters are the column's header name,
    or its 1-based number (an int) when it has none.  Codes and their parameters:

    "wrong_columns" (found; expected unless 2): a row wider than the others, or too
    short for a chosen column; "header_columns" (found): a header wider than every
    row; "not_a_number" / "not_finite" (column, value, axis "x" or "y"); "bad_row": an
    unclosed quote; line 0: "no_rows", "binary" (not text), "no_such_column" (column:
    asked for, found: columns), "too_few_columns" (found: columns of numbers).
    """

    def __init__(self, code: str, line: int = 0, **params: Any):
        shown = f"line {line}: {code}" if line else code
        super().__init__(shown + (f" {params}" if params else ""))
        self.code = code
        self.line = int(line)
        self.params: dict[str, Any] = params
        self.problems: list[CsvError] = [self]
        self.total = 1

    @classmethod
    def of(cls, problems: Sequence[CsvError], total: int | None = None) -> CsvError:
        """One error that stands for all of ``problems`` (the first one, listing all);
        ``total`` counts problems left out of the list too."""
        first = problems[0]
        first.problems = list(problems)
        first.total = max(len(problems), total or 0)
        return first


@dataclass(frozen=True, eq=False)
class PointsTable:
    """The chosen columns, and what a column chooser needs to offer the others."""

    x: np.ndarray                 # float64, the chosen x column
    y: np.ndarray                 # float64, the chosen y column
    x_name: str                   # header name of the x column ("" without a header)
    y_name: str
    columns: tuple[str, ...]      # every column's header name ("" each without a header)
    numeric_columns: tuple[int, ...]  # columns holding a finite number in every data row
    x_column: int                 # 0-based index actually used
    y_column: int
    preview: tuple[tuple[str, ...], ...]  # first (up to) 8 data rows, len(columns) fields each
    has_header: bool
    encoding: str                 # "utf-8", "utf-8-sig", "utf-16", "gb18030", "cp1252", …
    separator: str                # ",", ";", "\t", "，" or " " (whitespace)
    skipped_rows: int             # blank rows / rows of empty fields skipped


def read_points(data: bytes, x_column: int | str | None = None,
                y_column: int | str | None = None) -> PointsTable:
    """Read a point file's bytes.  A column: 0-based index or header name; None:
    the first two columns of numbers (of a two-column table: both)."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError("read_points expects bytes; text goes to read_points_text")
    text, encoding = decode_points(bytes(data))
    return _read(text, encoding, x_column, y_column)


def read_points_text(text: str, x_column: int | str | None = None,
                     y_column: int | str | None = None) -> PointsTable:
    """:func:`read_points` for text that is already decoded (a paste); the
    result's ``encoding`` is ""."""
    if not isinstance(text, str):
        raise TypeError("read_points_text expects text (str)")
    return _read(_check_text(text), "", x_column, y_column)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def decode_points(data: bytes) -> tuple[str, str]:
    """(text, encoding): BOMs, UTF-16 without BOM, UTF-8, GB18030 if plausible,
    cp1252, Latin-1; CsvError "binary" for bytes that are not text."""
    if data.startswith(b"\xef\xbb\xbf"):
        tries = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        tries = ["utf-16"]
    elif b"\x00" in data:
        tries = [_utf16_without_bom(data[:4096])]
    else:
        tries = ["utf-8", "gb18030", "cp1252", "latin-1"]
    for i, encoding in enumerate(tries):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if encoding == "gb18030" and not _plausible_chinese(text) and i + 1 < len(tries):
            try:
                return _check_text(data.decode("cp1252")), "cp1252"
            except UnicodeDecodeError:
                pass
        return _check_text(text), encoding
    raise CsvError("binary")


def _utf16_without_bom(sample: bytes) -> str:
    """"utf-16-le" / "utf-16-be" when every other byte is zero, else "binary"."""
    odd, even, many = sample[1::2].count(0), sample[0::2].count(0), 0.15 * len(sample)
    if min(odd, even) == 0 and max(odd, even) > many:
        return "utf-16-le" if odd else "utf-16-be"
    return "binary"  # not a codec: decoding fails and the bytes are "binary"


def _plausible_chinese(text: str) -> bool:
    """Most non-ASCII characters are common (punctuation, full-width, GB2312 level-1
    hanzi); cp1252 read as GB18030 ("Größe": F6 DF) gives rare ones."""
    common = rare = 0
    for match in _NON_ASCII.finditer(text, 0, 65536):
        lead = match.group().encode("gb2312", "replace")[0]  # "?" when not in GB2312
        ok = 0xA1 <= lead <= 0xA9 or 0xB0 <= lead <= 0xD7
        common, rare = common + ok, rare + (not ok)
        if common + rare >= 2000:
            break
    return common >= rare


def _check_text(text: str) -> str:
    """The text, or CsvError "binary" for control characters (but a final ^Z)."""
    if _CONTROL.search(text.rstrip("\x1a")):
        raise CsvError("binary")
    return text.rstrip("\x1a")


_COMMENT = re.compile(r'((?:[^"#]|"[^"]*")*)#')


def _strip_comment(line: str) -> str:
    """The line without a ``#`` comment (a ``#`` inside double quotes stays)."""
    match = _COMMENT.match(line) if "#" in line else None
    return match.group(1) if match else line


def _lines(text: str, comment: list[bool] | None = None) -> Iterator[str]:
    """Every physical line, its comment removed, ending in "\\n" (lazily: a big
    file is not copied).  Old Mac files end lines with "\\r" alone.  ``comment[0]``
    tells whether the line last given held only a comment."""
    newline = "\n" if "\n" in text or "\r" not in text else "\r"
    pos, end = 1 if text.startswith("\ufeff") else 0, len(text)
    while pos < end:
        stop = text.find(newline, pos) % (end + 1)  # -1 (no more newlines) → end
        line = text[pos:stop].rstrip("\r")
        kept = _strip_comment(line)
        if comment is not None:
            comment[0] = len(kept) < len(line) and not kept.strip()
        yield kept + "\n"
        pos = stop + 1


def _choose_separator(text: str) -> tuple[str, bool]:
    """(separator, mixed): the first of tab, ``;``, ``,``, ``，`` found in every one
    of the first content lines (else in most, else in the first), " " for whitespace.
    ``mixed``: the lines mix ``,`` and ``，`` (both are then read as ``,``)."""
    sample: list[str] = []
    for line in _lines(text):
        if line.strip(" \t\n,;，"):
            sample.append(line)
            if len(sample) == _SAMPLE_LINES:
                break
    n = len(sample)
    cover = {c: sum(c in line for line in sample) for c in ("\t", ";", "，", ",")}
    commas = sum(("," in line or "，" in line) for line in sample)
    for sep in ("\t", ";", ",", "，"):
        if n and cover[sep] == n:
            return sep, False
    if n and commas == n:
        return ",", True
    best = max(cover, key=lambda c: cover[c])  # else in most lines, or the first
    if 2 * cover[best] > n:
        return best, False
    first = [sep for sep in ("\t", ";", ",", "，") if n and sep in sample[0]]
    return (first or [" "])[0], False


_DECIMAL_COMMA = re.compile(r"[+-]?(\d+,\d*|,\d+)([eE][+-]?\d+)?")
_GROUPED_DOT = re.compile(r"[+-]?\d{1,3}(,\d{3})+\.\d*([eE][+-]?\d+)?")    # 1,234.5
_GROUPED_COMMA = re.compile(r"[+-]?\d{1,3}(\.\d{3})+,\d*([eE][+-]?\d+)?")  # 1.234,5


def to_number(field: str) -> float | None:
    """The number in a (stripped) field or None: also decimal commas ("1,5"), digit
    grouping ("1,234.5", "1.234,5"), quotes or an apostrophe around it, and "−"."""
    try:
        return float(field)
    except ValueError:
        pass
    text = field.strip().strip("\"'").strip().replace("\u2212", "-")
    if _GROUPED_DOT.fullmatch(text):
        text = text.replace(",", "")
    elif _GROUPED_COMMA.fullmatch(text):
        text = text.replace(".", "").replace(",", ".")
    elif _DECIMAL_COMMA.fullmatch(text):
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


class _Table:
    """The rows read so far.  While every data row is ``expected`` finite numbers
    they are kept row after row in ``flat``; after the first other row, column by
    column: values while a column is all numbers, counts, and the first problems
    (line, kind, value) with kind "nan", "inf" or "missing"."""

    def __init__(self) -> None:
        self.flat: array | None = array("d")
        self.values: list[array | None] = []
        self.numbers: list[int] = []
        self.bad: list[int] = []
        self.problems: list[list[tuple[int, str, Any]]] = []
        self.header: list[str] | None = None
        self.header_line = self.expected = self.rows = self.skipped = self.wide_total = 0
        self.widest = 0  # the most fields of a data row (when not `flat`)
        self.row_lines: list[int] = []  # the lines of the first MAX_PROBLEMS data rows
        self.wide: list[tuple[int, int]] = []  # (line, fields) of rows wider than expected
        self.preview: list[list[str]] = []

    def count(self, fields: list[str], line: int) -> None:
        """Count a data row (its line and preview kept for the first rows)."""
        if self.rows < PREVIEW_ROWS:
            self.preview.append([f.strip() for f in fields])
        if self.rows < MAX_PROBLEMS:
            self.row_lines.append(line)
        self.rows += 1

    def add(self, raw: list[str], line: int, comment: bool) -> None:
        """Any other row: blank, the header, or with problems or another width."""
        fields = [f.strip() for f in raw]
        if not any(fields):
            self.skipped += not comment
            return
        n = len(fields)
        if not self.expected:
            while not fields[n - 1]:
                n -= 1
            if self.header is None and all(to_number(f) is None for f in fields[:n]):
                self.header, self.header_line, self.expected = fields[:n], line, n
                return
            self.expected = n
        while n > self.expected and not fields[n - 1]:
            n -= 1
        self.widest = max(self.widest, n)
        if self.flat is not None:
            got = [to_number(f) for f in fields] if n == self.expected else [None]
            numbers = [v for v in got if v is not None]
            if len(numbers) == len(got) and _finite(numbers):
                self.flat.extend(numbers)
                return self.count(fields, line)
            self._unflatten()
        if n > self.expected:
            self.wide_total += 1
            if len(self.wide) < MAX_PROBLEMS:
                self.wide.append((line, n))
        self.widen(n)
        for j in range(n):
            v = to_number(fields[j])
            if v is None:
                self.problem(j, line, "nan", fields[j])
            elif v - v == 0.0:  # finite
                column = self.values[j]
                if column is not None:
                    column.append(v)
                self.numbers[j] += 1
            else:
                self.problem(j, line, "inf", fields[j])
        for j in range(n, len(self.values)):
            self.problem(j, line, "missing", n)
        self.count(fields[:n], line)

    def _unflatten(self) -> None:
        width, flat = self.expected, self.flat
        assert flat is not None
        self.values = [flat[j::width] for j in range(width)]
        self.numbers, self.bad = [self.rows] * width, [0] * width
        self.problems = [[] for _ in range(width)]
        self.widest = max(self.widest, width if self.rows else 0)
        self.flat = None

    def widen(self, width: int) -> None:
        """Add columns up to ``width``; the rows before had no value there."""
        while len(self.values) < width:
            self.values.append(array("d") if self.rows == 0 else None)
            self.numbers.append(0)
            self.bad.append(self.rows)
            self.problems.append([(line, "missing", 0) for line in self.row_lines])

    def problem(self, j: int, line: int, kind: str, value: Any) -> None:
        self.values[j] = None
        self.bad[j] += 1
        if len(self.problems[j]) < MAX_PROBLEMS:
            self.problems[j].append((line, kind, value))

    def column(self, j: int) -> np.ndarray:
        """The numbers of a column without problems."""
        if self.flat is not None:
            return np.frombuffer(self.flat, dtype=np.float64)[j::self.expected].copy()
        return np.frombuffer(self.values[j], dtype=np.float64)  # type: ignore[arg-type]


def _finite(numbers: list[float]) -> bool:
    total = sum(numbers)
    return total - total == 0.0 or all(v - v == 0.0 for v in numbers)


def _read(text: str, encoding: str, x_spec: int | str | None,
          y_spec: int | str | None) -> PointsTable:
    sep, mixed = _choose_separator(text)
    comment = [False]
    lines: Iterator[str] = _lines(text, comment)
    if mixed:
        lines = (line.replace("，", ",") for line in lines)
    elif sep == " ":
        lines = (line.replace("\t", " ").strip() + "\n" for line in lines)
    reader = csv.reader(lines, delimiter=sep, quotechar='"', skipinitialspace=sep == " ",
                        strict=True)
    table, last = _Table(), 0
    try:
        for raw in reader:
            line, last = last + 1, reader.line_num
            if table.flat is not None and raw and len(raw) == table.expected:
                try:  # the common row: all numbers, fast
                    numbers = list(map(float, raw))
                    if _finite(numbers):
                        table.flat.extend(numbers)
                        table.count(raw, line)
                        continue
                except ValueError:
                    pass
            table.add(raw, line, comment[0])
    except csv.Error:
        raise CsvError("bad_row", last + 1) from None
    return _result(table, encoding, sep, x_spec, y_spec)


def _result(table: _Table, encoding: str, sep: str, x_spec: int | str | None,
            y_spec: int | str | None) -> PointsTable:
    """The chosen columns of what was read, or CsvError."""
    rows, header = table.rows, table.header or []
    if rows == 0:
        raise CsvError("no_rows")
    if table.flat is not None:  # every row: `expected` numbers (the header's width)
        width = table.expected
        table.numbers, table.bad = [rows] * width, [0] * width
        table.problems = [[] for _ in range(width)]
    else:
        if table.header is not None and table.widest < len(header):
            raise CsvError("header_columns", table.header_line, found=len(header))
        width = max(len(table.values), len(header))
        table.widen(width)
    names = tuple(header + [""] * (width - len(header)))
    if table.wide_total == rows:  # a short header: the columns after it have no names
        table.wide, table.wide_total = [], 0
    numeric = tuple(j for j in range(width) if table.numbers[j] == rows)
    xj, yj = _choose(table, names, numeric, x_spec, y_spec)
    _raise_problems(table, names, (xj, yj))
    x, y = table.column(xj), table.column(yj)
    return PointsTable(x=x, y=y.copy() if xj == yj else y, x_name=names[xj], y_name=names[yj],
        columns=names, numeric_columns=numeric, x_column=xj, y_column=yj,
        preview=tuple(tuple(r[:width]) + ("",) * (width - len(r)) for r in table.preview),
        has_header=table.header is not None, encoding=encoding, separator=sep,
        skipped_rows=table.skipped)


def _column(spec: int | str, names: tuple[str, ...]) -> int:
    """The 0-based index of a column given by index or header name."""
    if isinstance(spec, bool) or not isinstance(spec, int | str):
        raise TypeError("a column is an int index or a header name")
    if isinstance(spec, int):
        if 0 <= spec < len(names):
            return spec
        raise CsvError("no_such_column", column=spec + 1, found=len(names))
    wanted = spec.strip()
    for same in (lambda a: a == wanted, lambda a: a.casefold() == wanted.casefold()):
        for j, name in enumerate(names):
            if name and same(name):
                return j
    raise CsvError("no_such_column", column=spec, found=len(names))


def _choose(cols: _Table, names: tuple[str, ...], numeric: tuple[int, ...],
            x_spec: int | str | None, y_spec: int | str | None) -> tuple[int, int]:
    """The x and y columns: those asked for, else of a two-column table both, else
    the first columns that are mostly numbers (the rows that are not are errors)."""
    xj = None if x_spec is None else _column(x_spec, names)
    yj = None if y_spec is None else _column(y_spec, names)
    if xj is not None and yj is not None:
        return xj, yj
    if cols.expected == 2 and len(names) >= 2:
        candidates = [0, 1]
    else:
        candidates = [j for j in range(len(names))
                      if cols.numbers[j] and cols.numbers[j] >= cols.bad[j]]
    free = [j for j in candidates if j not in (xj, yj)]
    if len(free) < (xj is None) + (yj is None):
        raise CsvError("too_few_columns", found=len(numeric))
    xj = free.pop(0) if xj is None else xj
    return xj, free.pop(0) if yj is None else yj


def _raise_problems(cols: _Table, names: tuple[str, ...], chosen: tuple[int, int]) -> None:
    """Raise every problem of the chosen columns and of rows too wide, if any."""
    more = {} if cols.expected == 2 else {"expected": cols.expected}
    found = {(line, -1): CsvError("wrong_columns", line, found=n, **more)
             for line, n in cols.wide}
    total = cols.wide_total
    for j in sorted(set(chosen)):
        total += cols.bad[j]
        name: str | int = names[j] or j + 1
        for line, kind, value in cols.problems[j]:
            if kind == "missing":
                if (line, -1) in found:
                    total -= 1
                found[(line, -1)] = CsvError("wrong_columns", line, found=value, **more)
            else:
                code = "not_a_number" if kind == "nan" else "not_finite"
                axis = "x" if j == chosen[0] else "y"
                found[(line, j)] = CsvError(code, line, column=name, value=value, axis=axis)
    if found:
        listed = [found[key] for key in sorted(found)][:MAX_PROBLEMS]
        raise CsvError.of(listed, total)
