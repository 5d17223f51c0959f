"""The table of every step of a run (k, θ, f, ∇f, Δθ), with CSV export.  Generic:
any number of variables, names passed in."""
from __future__ import annotations

import csv

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.text.format import fmt

_ROOT = QModelIndex()  # the invisible root: the default "parent" of Qt model methods


class _TrajectoryModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.names: list[str] = []
        self.points = np.zeros((0, 0))
        self.values = np.zeros(0)
        self.gradients = np.zeros((0, 0))
        self.steps = np.zeros((0, 0))
        self.headers: list[str] = []

    def set_data(self, names, points, values, gradients, steps) -> None:
        self.beginResetModel()
        self.names = list(names)
        self.points = np.asarray(points, float)
        self.values = np.asarray(values, float)
        self.gradients = np.asarray(gradients, float)
        self.steps = np.asarray(steps, float)
        n = len(self.names)
        self.headers = (["k"] + list(self.names) + ["f"]
                        + [f"∂f/∂{v}" for v in self.names] + [f"Δ{v}" for v in self.names])
        assert len(self.headers) == 2 + 3 * n
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.values)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.headers)

    def cell(self, r: int, c: int) -> float:
        n = len(self.names)
        if c == 0:
            return r
        c -= 1
        if c < n:
            return self.points[r, c]
        c -= n
        if c == 0:
            return self.values[r]
        c -= 1
        if c < n:
            return self.gradients[r, c]
        c -= n
        return self.steps[r, c] if r < len(self.steps) else float("nan")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            v = self.cell(index.row(), index.column())
            if index.column() == 0:
                return str(v)
            if index.row() >= len(self.steps) and index.column() > 1 + 2 * len(self.names):
                return ""
            return fmt(v)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if section < len(self.headers) else None
        return None


class StepTable(QWidget):
    """A table of every step (k, point, f, gradient, step) with CSV export."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = _TrajectoryModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(60)  # look at 60 rows, not all 10 000
        header.setStretchLastSection(True)
        self.view.verticalHeader().setDefaultSectionSize(20)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self._export_dialog)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.export_button)
        lay.addLayout(row)
        self.retranslate()

    def set_trajectory(self, names, points, values, gradients, steps) -> None:
        self.model.set_data(names, points, values, gradients, steps)

    def set_current_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            idx = self.model.index(row, 0)
            self.view.selectRow(row)
            self.view.scrollTo(idx)

    def export_csv(self, path: str) -> None:
        m = self.model
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["k"] + m.names + ["f"] + [f"df/d{v}" for v in m.names]
                       + [f"d{v}" for v in m.names])
            for r in range(m.rowCount()):
                w.writerow([repr(float(m.cell(r, c))) if c else r
                            for c in range(m.columnCount())])

    def _export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export steps as CSV"),
                                              "steps.csv", self.tr("CSV files (*.csv)"))
        if path:
            self.export_csv(path)

    def retranslate(self) -> None:
        self.export_button.setText(self.tr("Export CSV…"))
        self.view.setAccessibleName(self.tr("Step table"))
        self.view.setAccessibleDescription(self.tr(
            "One row per step k: θₖ, f(θₖ), ∇f(θₖ) and the step Δθ"))
        self.export_button.setToolTip(self.tr("Save every step k with θₖ, f(θₖ), ∇f(θₖ) and Δθ "
                                              "as a CSV file"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
