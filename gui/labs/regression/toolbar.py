"""The two rows above the data plot: data set, CSV import/export, polynomial degree
and the count of parameters and points; the display toggles and the hint."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.datasets import dataset_ids, load_dataset
from gui import theme
from gui.labs.regression.data_plot import RESIDUAL_LIMIT, SQUARE_LIMIT
from gui.labs.regression.state import MAX_DEGREE, RegressionState
from gui.text import regression_messages as msg
from gui.widgets.adaptive import FlowRow, ShrinkingCombo

TOGGLES = ("residuals", "squares", "my_line")
FIT_VIEW_KEYS = "Ctrl+Shift+F"


class DataToolbar(QWidget):
    def __init__(self, lab: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.lab = lab
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.dataset_label = QLabel()
        # as wide as the longest name when there is room, narrower when not
        self.dataset_combo = ShrinkingCombo(16)
        self.dataset_ids = list(dataset_ids()) + [""]
        for _ in self.dataset_ids:
            self.dataset_combo.addItem("")
        self.dataset_combo.activated.connect(
            lambda i: lab.load_dataset(self.dataset_ids[i] or None))
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self._import_dialog)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self._export_dialog)
        self.degree_label = QLabel()
        self.degree_spin = QSpinBox()
        self.degree_spin.setRange(0, MAX_DEGREE)
        self.degree_spin.valueChanged.connect(self._on_degree)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.fit_view_button = QPushButton()
        self.fit_view_button.setObjectName("fitViewButton")
        self.fit_view_button.clicked.connect(lambda: lab.fit_view())
        self.fit_view_shortcut = QShortcut(QKeySequence(FIT_VIEW_KEYS), lab)
        self.fit_view_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.fit_view_shortcut.activated.connect(lambda: lab.fit_view())
        # both rows wrap onto more lines in a narrow window (a laptop, the zoom)
        row1 = FlowRow(self)
        for w in (self.dataset_label, self.dataset_combo, self.import_button,
                  self.export_button):
            row1.addWidget(w)
        row1.addSpacing(16)
        for w in (self.degree_label, self.degree_spin, self.count_label):
            row1.addWidget(w)
        row1.addSpacing(16)
        row1.addWidget(self.fit_view_button)
        lay.addWidget(row1)
        row2 = FlowRow(self)
        self.checks = {key: QCheckBox() for key in TOGGLES}
        self.residuals_check, self.squares_check, self.myline_check = self.checks.values()
        for key, box in self.checks.items():
            box.toggled.connect(lambda on, k=key: lab.set_view(k, on))
            row2.addWidget(box)
        self.limit_label = QLabel()
        self.limit_label.setObjectName("limitLabel")
        self.limit_label.hide()
        row2.addWidget(self.limit_label)
        row2.addSpacing(16)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        row2.addWidget(self.hint_label)
        lay.addWidget(row2)

    def _on_degree(self, d: int) -> None:
        if d != self.lab.model.state.degree:
            self.lab.set_degree(d)

    # ------------------------------------------------------------------ the model
    def show_state(self, state: RegressionState) -> None:
        widgets = (self.dataset_combo, self.degree_spin, *self.checks.values())
        for w in widgets:
            w.blockSignals(True)
        did = state.dataset or ""
        if did in self.dataset_ids:
            self.dataset_combo.setCurrentIndex(self.dataset_ids.index(did))
        n = len(state.x)
        if state.dataset is None and n:
            self.dataset_combo.setCurrentIndex(-1)
            self.dataset_combo.setPlaceholderText(
                self.tr("Your own data") if n != 1 else self.tr("Your own data (1 point)"))
        self.degree_spin.setValue(state.degree)
        for key, on in state.view:
            self.checks[key].setChecked(on)
        for w in widgets:
            w.blockSignals(False)
        self.count_label.setText(msg.count_text(state.degree + 1, n))
        self._show_limit_note(dict(state.view), n)

    def _show_limit_note(self, view: dict, n: int) -> None:
        """Say why residuals or squares that are switched on are not drawn."""
        note = ""
        if view["squares"] and n > SQUARE_LIMIT:
            note = self.tr("(squares are drawn for up to {n} points)").format(
                n=f"{SQUARE_LIMIT:,}")
        if view["residuals"] and n > RESIDUAL_LIMIT:
            note = self.tr("(residuals and squares are drawn for up to {r} and {s} points)"
                           ).format(r=f"{RESIDUAL_LIMIT:,}", s=f"{SQUARE_LIMIT:,}") \
                if view["squares"] else \
                self.tr("(residuals are drawn for up to {n} points)").format(
                    n=f"{RESIDUAL_LIMIT:,}")
        if note != self.limit_label.text():
            self.limit_label.setText(note)
        self.limit_label.setVisible(bool(note))

    def recolour(self) -> None:
        self.limit_label.setStyleSheet(f"color: {theme.colour('regression.fit')};")
        self.hint_label.setStyleSheet(f"color: {theme.colour('regression.text.muted')};")

    def retranslate(self) -> None:
        self.dataset_label.setText(self.tr("Data set:"))
        for i, did in enumerate(self.dataset_ids):
            if did:
                self.dataset_combo.setItemText(i, self.tr("{name} ({n} points)").format(
                    name=msg.dataset_name(did), n=load_dataset(did).n_points))
            else:
                self.dataset_combo.setItemText(i, self.tr("Empty — place your own points"))
        self.import_button.setText(self.tr("Import CSV…"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.fit_view_button.setText(self.tr("Fit view to data"))
        self.fit_view_button.setToolTip(self.tr("Show all the points ({keys})").format(
            keys=QKeySequence(FIT_VIEW_KEYS).toString(
                QKeySequence.SequenceFormat.NativeText)))
        self.fit_view_button.setAccessibleName(self.tr("Fit view to data"))
        for w, name in ((self.dataset_combo, self.tr("Data set")),
                        (self.degree_spin, self.tr("Polynomial degree")),
                        (self.import_button, self.tr("Import CSV")),
                        (self.export_button, self.tr("Export CSV"))):
            w.setAccessibleName(name)
        # Orca names a combo box by its label (on Linux Qt reads its current item
        # as its name)
        self.dataset_label.setBuddy(self.dataset_combo)
        self.degree_label.setBuddy(self.degree_spin)
        self.degree_label.setText(self.tr("Polynomial degree:"))
        self.checks["residuals"].setText(self.tr("Residuals"))
        self.checks["squares"].setText(self.tr("Squares of residuals"))
        self.checks["my_line"].setText(self.tr("My line"))
        self.hint_label.setText(
            self.tr("Click: add point · drag: move · right-click or Del: remove"))
        self.dataset_combo.setToolTip(self.tr(
            "The data points (xᵢ, yᵢ) to fit, e.g. the chapter's weights x and heights y of "
            "8 girls, or an empty plot for your own points"))
        self.import_button.setToolTip(self.tr(
            "Load points (xᵢ, yᵢ) from a CSV or text file (Excel, WPS, any encoding); with "
            "more than two columns you choose x and y. You can also paste rows (Ctrl+V) or "
            "drop a file on the window."))
        self.export_button.setToolTip(self.tr("Save the points (xᵢ, yᵢ) as a CSV file"))
        self.degree_spin.setToolTip(self.tr(
            "Degree n of the fitted polynomial y = a₀ + a₁x + … + aₙxⁿ (1: the line "
            "y = kx + b). It has n + 1 parameters, so it needs more than n + 1 points."))
        self.checks["residuals"].setToolTip(self.tr(
            "Draw each residual yᵢ − (k·xᵢ + b) as a vertical segment from the point to the "
            "line."))
        self.checks["squares"].setToolTip(self.tr(
            "Draw each residual yᵢ − (k·xᵢ + b) as a square: the cost C = Σ of their areas."))
        self.checks["my_line"].setToolTip(self.tr(
            "Show your own line y = kx + b (set k and b in the “My line” tab) and compare its "
            "cost C with the best fit's."))

    # ------------------------------------------------------------------ CSV files
    def _import_dialog(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, self.tr("Import points"), "",
            self.tr("CSV or text files (*.csv *.tsv *.txt);;All files (*)"))
        if not path:
            return
        self.lab.import_file(path)

    def _export_dialog(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Export points"), "points.csv",
                                               self.tr("CSV files (*.csv)"))
        if not path:
            return
        try:
            with open(path, "wb") as fh:
                fh.write(self.lab.data_io.csv_bytes())
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export points"),
                                self.tr("Could not write the file: {err}").format(
                                    err=exc.strerror or type(exc).__name__))
            return
        self.lab.session.status.emit(self.tr("Exported {n} points.").format(
            n=self.lab.results.n))

    def show_csv_errors(self, text: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Import points"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("csvErrorBox")
        box.open()  # non-blocking (tests can find and close it)
        return box
