"""The points tab: the data set's name, note and source, the points as an editable
table (a virtual model: fine for 100,000 rows) and buttons to add and remove rows."""
from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.datasets import load_dataset
from gui import theme
from gui.text import regression_messages as msg

_ROOT = QModelIndex()  # the invisible root: the default "parent" of Qt model methods
ROW_SYNC_LIMIT = 20_000  # a dragged point's row follows it live up to this many points


class PointsTableModel(QAbstractTableModel):
    """The lab's points (``lab.results``) as two editable columns."""

    def __init__(self, lab: Any):
        super().__init__(lab)
        self._lab = lab
        self._rows = -1
        self.headers = ("x", "y")

    def rowCount(self, parent=_ROOT):  # noqa: N802
        return 0 if parent.isValid() else self._lab.results.n

    def columnCount(self, parent=_ROOT):  # noqa: N802
        return 0 if parent.isValid() else 2

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        r = self._lab.results
        if not index.isValid() or index.row() >= r.n:
            return None
        v = float((r.x if index.column() == 0 else r.y)[index.row()])
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{v:.6g}"
        if role == Qt.ItemDataRole.EditRole:
            return repr(v) if not v.is_integer() else str(int(v))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        try:
            v = float(str(value).strip().replace("−", "-"))
        except ValueError:
            return False
        if not math.isfinite(v):
            return False
        r, row = self._lab.results, index.row()
        x, y = float(r.x[row]), float(r.y[row])
        self._lab.edit_point(row, v if index.column() == 0 else x,
                             v if index.column() == 1 else y)
        return True

    def flags(self, index):
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return str(section + 1)

    def set_headers(self, headers: tuple[str, str]) -> None:
        self.headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)

    def reset(self) -> None:
        # the same number of rows (a cell edit, a drag, their undo): keep the current
        # cell, the selection and the scroll position; only a new row count resets
        n = self._lab.results.n
        if n and n == self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(n - 1, 1))
            return
        self.beginResetModel()
        self._rows = n
        self.endResetModel()

    def row_changed(self, r: int) -> None:
        self.dataChanged.emit(self.index(r, 0), self.index(r, 1))


class PointsTableView(QTableView):
    """The points table with the keys of a spreadsheet.

    Ctrl+V pastes rows (over the selected rows, or appended), Ctrl+C copies the
    selected rows as TSV.  Entering numbers: while a cell is being edited, Tab
    commits it and opens the next cell, and Tab or Enter in the last cell (y of the
    last row) appends a row and opens its x; Esc there, before anything is typed,
takes that row away again.  Tab never traps the focus: when no cell
    is being edited, Tab and Shift+Tab leave the table (the arrow keys move between
    cells), and so do Ctrl+Tab and Esc."""

    def __init__(self, lab: Any):
        super().__init__()
        self._lab = lab
        self._fresh: tuple[int, int] | None = None  # (row, undo index) of a new row
        self.setTabKeyNavigation(False)

    def _is_last_cell(self, index: QModelIndex) -> bool:
        return (index.isValid() and index.column() == 1
                and index.row() == self.model().rowCount() - 1)

    def append_and_edit(self) -> None:
        self._lab.points_panel.add_row()
        new = self.model().index(self.model().rowCount() - 1, 0)
        # a row made for the next point: Esc before anything is typed in it takes it
        # away again (its undo entry with it), as a spreadsheet's empty last row
        self._fresh = (new.row(), self._lab.session.undo_stack.index())
        self.setCurrentIndex(new)
        self.edit(new)

    def closeEditor(self, editor, hint) -> None:  # noqa: N802 - Qt API
        hints = QAbstractItemDelegate.EndEditHint
        fresh, self._fresh = self._fresh, None
        stack = self._lab.session.undo_stack
        if hint == hints.RevertModelCache and fresh is not None \
                and fresh == (self.currentIndex().row(), stack.index()):
            super().closeEditor(editor, hint)
            stack.undo()  # the untouched new row goes
            return
        last = self._is_last_cell(self.currentIndex())
        if last and hint in (hints.EditNextItem, hints.SubmitModelCache):
            super().closeEditor(editor, hints.NoHint)
            self.append_and_edit()
            return
        super().closeEditor(editor, hint)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.matches(QKeySequence.StandardKey.Paste):
            self._lab.data_io.paste()
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self._lab.data_io.copy()
            return
        key = event.key()
        editing = self.state() == QAbstractItemView.State.EditingState
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not editing and \
                self._is_last_cell(self.currentIndex()):
            # (while a cell is edited, its Enter comes here after the editor's:
            # the delegate commits it and closeEditor appends the row)
            self.append_and_edit()
            return
        ctrl_tab = key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and \
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if key == Qt.Key.Key_Escape or ctrl_tab:
            self.focusNextPrevChild(not (key == Qt.Key.Key_Backtab or event.modifiers()
                                         & Qt.KeyboardModifier.ShiftModifier))
            return
        super().keyPressEvent(event)


class PointsPanel(QWidget):
    def __init__(self, lab: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.lab = lab
        pv = QVBoxLayout(self)
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.source_label.setTextFormat(Qt.TextFormat.RichText)
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        pv.addWidget(self.source_label)
        self.table_model = PointsTableModel(lab)
        self.table = PointsTableView(lab)
        self.table.setObjectName("pointsTable")
        self.table.setModel(self.table_model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._on_current_row(cur.row()))
        pv.addWidget(self.table, 1)
        tb = QHBoxLayout()
        self.add_row_button = QPushButton()
        self.add_row_button.clicked.connect(self.add_row)
        self.remove_rows_button = QPushButton()
        self.remove_rows_button.clicked.connect(self._remove_selected_rows)
        tb.addWidget(self.add_row_button)
        tb.addWidget(self.remove_rows_button)
        tb.addStretch(1)
        pv.addLayout(tb)

    def _on_current_row(self, row: int) -> None:
        lab = self.lab
        if 0 <= row < lab.results.n and row != lab._selected:
            lab._selected = row
            lab.data_plot.show_selection()

    def add_row(self) -> None:
        r = self.lab.results
        if r.n:
            x = float(r.stats.mean_x)
            y = float(r.fit().predict(x))
        else:
            (x0, x1), (y0, y1) = self.lab.viewbox.viewRange()
            x, y = (x0 + x1) / 2, (y0 + y1) / 2
        self.lab.add_point(x, y)
        self.table.scrollToBottom()

    def _remove_selected_rows(self) -> None:
        rows = sorted({ix.row() for ix in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        self.lab.remove_points(rows)

    def selected_rows(self) -> list[int]:
        """The rows selected in the table, in order (none: [])."""
        return sorted({ix.row() for ix in self.table.selectionModel().selectedRows()})

    def select_row(self, i: int) -> None:
        if self.lab.results.n <= 100_000 and 0 <= i < self.table_model.rowCount():
            self.table.selectRow(i)

    def show_moved_row(self, i: int) -> None:
        if self.lab.results.n <= ROW_SYNC_LIMIT:
            self.table_model.row_changed(i)

    def show_source(self, dataset: str | None) -> None:
        if dataset:
            ds = load_dataset(dataset)
            self.source_label.setText(self.tr("<b>{name}</b><br>{note}<br><i>Source:</i> {source}")
                                      .format(name=msg.dataset_name(dataset),
                                              note=msg.dataset_note(dataset),
                                              source=msg.dataset_source(ds)))
        else:
            self.source_label.setText(self.tr("<b>Your own data</b><br>Click in the plot to add "
                                              "points, or type them into the table."))

    def recolour(self) -> None:
        self.source_label.setStyleSheet(f"color: {theme.colour('regression.text.secondary')};")

    def retranslate(self) -> None:
        self.add_row_button.setText(self.tr("Add row"))
        self.table.setAccessibleName(self.tr("Points table"))
        self.table.setToolTip(self.tr(
            "Type or paste (Ctrl+V) the points; Ctrl+C copies the selected rows. Tab or "
            "Enter in the last cell adds a row."))
        self.remove_rows_button.setText(self.tr("Remove selected rows"))
        self.add_row_button.setToolTip(self.tr("Add a point (xᵢ, yᵢ) at the end of the table"))
        self.remove_rows_button.setToolTip(self.tr("Remove the selected points from the data "
                                                   "and from the sum C"))
