"""Points in and out of the Regression Lab: files (bytes), pastes (text), copies and
CSV export.

Everything read goes through :func:`core.datasets.read_points` (bytes: a file, a
drop) or :func:`~core.datasets.read_points_text` (a paste).  A table with more
than two numeric columns, or with a header, opens the column chooser; the chosen
header names become the axis titles (the state's ``axes``).  A failed read leaves
the points exactly as they were and shows the translated reason (line and column).

Paste: replaces the selected rows of the points table (when rows are selected) or
appends, in one undo entry.  Copy: the selected rows (all when none is) as TSV.
CSV export: UTF-8 with a BOM (Excel on Chinese Windows reads the header right);
text cells beginning with ``= + - @`` (or tab / carriage return) get a leading
apostrophe (OWASP's advice against formula injection); numbers stay numbers.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog

from core.datasets import CsvError, PointsTable, read_points, read_points_text
from gui.labs.regression.import_dialog import ColumnChooser, needs_choice
from gui.text.regression_messages import csv_error_text

#: the most bytes read from a points file
MAX_FILE_BYTES = 256 * 1024 * 1024
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


translate = QCoreApplication.translate


def neutralise(cell: str) -> str:
    """A text cell a spreadsheet will not run as a formula (OWASP CSV injection)."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def number_cell(v: float) -> str:
    """The shortest text that reads back as the same float ('48', '0.1', '-3.5e-07')."""
    return str(int(v)) if float(v).is_integer() and abs(v) < 1e16 else repr(float(v))


def points_csv(x: np.ndarray, y: np.ndarray, names: tuple[str, str]) -> str:
    head = ",".join(_quote(neutralise(n)) for n in names)
    rows = (f"{number_cell(a)},{number_cell(b)}" for a, b in zip(x, y, strict=True))
    return "\r\n".join([head, *rows]) + "\r\n"


def _quote(cell: str) -> str:
    if any(c in cell for c in ',"\r\n'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


class DataIO:
    """The lab's reading and writing of points (``lab``: the RegressionLab)."""

    def __init__(self, lab: Any):
        self.lab = lab
        #: the chooser dialog while it is open (tests find it here too)
        self.chooser: ColumnChooser | None = None

    # ------------------------------------------------------------------ reading
    def import_bytes(self, data: bytes, label: str = "", ask: bool = True) -> bool:
        """Read a file's bytes and replace the points (one undo entry).  ``ask=False``
        (a screenshot run) takes the default columns instead of asking."""
        table = self._read(lambda xc, yc: read_points(data, xc, yc), ask)
        if table is None:
            return False
        self._replace(table, translate("DataIO", "Import {name} ({n} points)").format(
            name=label or "CSV", n=table.x.size))
        return True

    def import_path(self, path: str, ask: bool = True) -> bool:
        try:
            with open(path, "rb") as fh:
                data = fh.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            self._fail(translate("DataIO", "Could not read the file: {err}").format(
                err=exc.strerror or type(exc).__name__))
            return False
        if len(data) > MAX_FILE_BYTES:
            self._fail(translate("DataIO", "The file is too large (more than {n} MB).").format(
                n=MAX_FILE_BYTES // (1024 * 1024)))
            return False
        from pathlib import Path
        return self.import_bytes(data, Path(path).name, ask)

    def import_text(self, text: str) -> bool:
        table = self._read(lambda xc, yc: read_points_text(text, xc, yc))
        if table is None:
            return False
        self._replace(table, translate("DataIO", "Import CSV ({n} points)").format(n=table.x.size))
        return True

    def _read(self, read: Callable[[Any, Any], PointsTable],
              ask: bool = True) -> PointsTable | None:
        try:
            table = read(None, None)
            if ask and needs_choice(table):
                choice = self.choose(table)
                if choice is None:
                    return None
                if choice != (table.x_column, table.y_column):
                    table = read(*choice)
        except CsvError as exc:
            self._fail(csv_error_text(exc))
            return None
        return table

    def choose(self, table: PointsTable) -> tuple[int, int] | None:
        """The column chooser (modal); None when cancelled."""
        self.chooser = ColumnChooser(table, self.lab)
        try:
            if self.chooser.exec() != QDialog.DialogCode.Accepted:
                return None
            return self.chooser.x_column, self.chooser.y_column
        finally:
            self.chooser.deleteLater()
            self.chooser = None

    def _fail(self, text: str) -> None:
        lab = self.lab
        lab.last_error_text = text
        lab.session.status.emit(text.replace("\n", " "))
        lab._csv_box = lab.toolbar.show_csv_errors(text)

    def _replace(self, table: PointsTable, text: str) -> None:
        lab = self.lab
        lab._push_points(table.x, table.y, text, axes=(table.x_name, table.y_name))
        lab.session.status.emit(translate("DataIO", "Imported {n} points.").format(n=table.x.size))

    # ------------------------------------------------------------------ clipboard
    def paste(self, text: str | None = None) -> bool:
        """Paste rows (the clipboard's text by default): they replace the selected
        rows of the table, or are appended; one undo entry."""
        if text is None:
            text = QApplication.clipboard().text()
        if not text.strip():
            return False
        table = self._read(lambda xc, yc: read_points_text(text, xc, yc))
        if table is None:
            return False
        lab = self.lab
        s = lab.model.state
        rows = lab.points_panel.selected_rows()
        xs, ys = list(s.x), list(s.y)
        if rows:
            keep = [i for i in range(len(xs)) if i not in set(rows)]
            at = rows[0]
            xs = [xs[i] for i in keep[:at]] + table.x.tolist() + [xs[i] for i in keep[at:]]
            ys = [ys[i] for i in keep[:at]] + table.y.tolist() + [ys[i] for i in keep[at:]]
            what = translate("DataIO", "Paste {n} points over {m} rows").format(
                n=table.x.size, m=len(rows))
        else:
            xs += table.x.tolist()
            ys += table.y.tolist()
            what = translate("DataIO", "Paste {n} points").format(n=table.x.size)
        axes = (table.x_name, table.y_name) if table.has_header else s.axes
        lab._push_points(np.array(xs), np.array(ys), what, dataset=None, axes=axes,
                         keep_line=True)
        lab.session.status.emit(what)
        return True

    def copy_text(self) -> str:
        """The selected rows (every row when none is selected) as TSV."""
        r = self.lab.results
        rows = self.lab.points_panel.selected_rows() or range(r.n)
        return "".join(f"{number_cell(r.x[i])}\t{number_cell(r.y[i])}\n" for i in rows)

    def copy(self) -> None:
        QApplication.clipboard().setText(self.copy_text())

    # ------------------------------------------------------------------ export
    def csv_bytes(self) -> bytes:
        """The points as CSV for a spreadsheet: UTF-8 with BOM, header = axis names."""
        s, r = self.lab.model.state, self.lab.results
        names = tuple(n or d for n, d in zip(s.axes, ("x", "y"), strict=True))
        return points_csv(r.x, r.y, names).encode("utf-8-sig")
