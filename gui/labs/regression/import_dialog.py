"""The column chooser: which columns of an imported (or pasted) table are x and y.

Shown when the table has more than two numeric columns or a header with names: the
header names and the first rows, and an x and a y combo box over the columns that
hold numbers.  The chosen columns' header names become the axis titles."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.datasets import PointsTable


def column_title(table: PointsTable, i: int) -> str:
    """'体重' (a header name) or 'Column 2' (a table without a header)."""
    name = table.columns[i] if i < len(table.columns) else ""
    return name or QCoreApplication.translate("ColumnChooser", "Column {n}").format(n=i + 1)


def needs_choice(table: PointsTable) -> bool:
    """More than two columns (a name column, a third measurement): the user picks.
    A two-column table needs no question; its header names become the axis titles."""
    return len(table.columns) > 2 and len(table.numeric_columns) >= 2


class ColumnChooser(QDialog):
    """Pick the x and y columns of ``table`` (``x_column``/``y_column`` after exec)."""

    def __init__(self, table: PointsTable, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("columnChooser")
        self.setWindowTitle(self.tr("Choose the columns"))
        self.table = table
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("Which columns hold x and y? The first rows of the file:"))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.preview = QTableWidget(len(table.preview), len(table.columns))
        self.preview.setAccessibleName(self.tr("First rows of the file"))
        self.preview.setHorizontalHeaderLabels(
            [column_title(table, i) for i in range(len(table.columns))])
        for r, row in enumerate(table.preview):
            for c, cell in enumerate(row):
                self.preview.setItem(r, c, QTableWidgetItem(cell))
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        lay.addWidget(self.preview, 1)
        form = QFormLayout()
        self.x_combo, self.y_combo = QComboBox(), QComboBox()
        for combo, name in ((self.x_combo, self.tr("x column")),
                            (self.y_combo, self.tr("y column"))):
            combo.setAccessibleName(name)
            for i in table.numeric_columns:
                combo.addItem(column_title(table, i), i)
        self.x_combo.setCurrentIndex(max(0, self.x_combo.findData(table.x_column)))
        self.y_combo.setCurrentIndex(max(0, self.y_combo.findData(table.y_column)))
        form.addRow(self.tr("x (horizontal axis):"), self.x_combo)
        form.addRow(self.tr("y (vertical axis):"), self.y_combo)
        lay.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.resize(560, 380)

    @property
    def x_column(self) -> int:
        return int(self.x_combo.currentData())

    @property
    def y_column(self) -> int:
        return int(self.y_combo.currentData())
