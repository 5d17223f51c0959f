"""The plot range and start point box: one row per variable of f,
``v  [from] [to] [start]``.  The rows follow the function's variables; their fields
show the state's ranges and θ₀ and push edits."""
from __future__ import annotations

import math

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QLineEdit

from gui.labs.descent.common import Panel, push_edit
from gui.labs.descent.results import ranges_of, start_of
from gui.labs.descent.state import MIN_RANGE_WIDTH, RANGE_LIMIT, START_LIMIT, DescentState
from gui.labs.model import LabModel


class RangeBox(Panel, QGroupBox):
    def __init__(self, model: LabModel[DescentState], session, parent=None):
        super().__init__(parent)
        self.model = model
        self.session = session
        self.variables: tuple[str, ...] = ()
        self.form = QGridLayout(self)
        self.form.setContentsMargins(8, 6, 8, 6)
        self.range_edits: dict[str, tuple[QLineEdit, QLineEdit, QLineEdit]] = {}
        self._labels: list[QLabel] = []
        self.heads = [QLabel(self), QLabel(self), QLabel(self)]
        for i, w in enumerate(self.heads):
            self.form.addWidget(w, 0, i + 1)
        self._ready = True

    # ------------------------------------------------------------------ edits
    def set_range(self, var: str, lo: float, hi: float) -> None:
        lo, hi = float(lo), float(hi)
        if not (math.isfinite(lo) and math.isfinite(hi)
                and max(abs(lo), abs(hi)) <= RANGE_LIMIT and hi - lo >= MIN_RANGE_WIDTH):
            self.session.status.emit(self.tr("A plot range needs two finite numbers "
                                             "'from' < 'to' (at most 10⁶ in size)."))
            self.show_state()
            return
        ranges = ranges_of(self.model.state, self.variables)
        ranges[var] = [lo, hi]
        push_edit(self.model, self.session, {"ranges": ranges},
                  self.tr("Plot range of {v}").format(v=var))

    def set_start(self, values: dict[str, float]) -> None:
        """θ₀ (a value per variable; the others keep theirs).  Ignored, with the
        fields shown again, when a value is not finite or too large."""
        start = start_of(self.model.state, self.variables)
        for v, val in values.items():
            val = float(val)
            if not (math.isfinite(val) and abs(val) <= START_LIMIT):
                self.show_state()
                return
            start[v] = val
        push_edit(self.model, self.session, {"start": start}, self.tr("Move start point"))

    def drag_start(self, x: float, y: float) -> None:
        """θ₀ dragged on the contour map to (x, y): live, no undo entry yet."""
        vx, vy = self.variables[:2]
        start = {**start_of(self.model.state, self.variables), vx: float(x), vy: float(y)}
        self.model.preview({"start": start})

    def end_start_drag(self, _x: float = 0.0, _y: float = 0.0) -> None:
        """The drag is over: one undo entry for all of it."""
        self.model.commit_preview(self.tr("Drag start point"), self.session.push,
                                  self.session.status.emit)

    def _on_range_edit(self, v: str) -> None:
        if v not in self.range_edits or v not in self.variables:
            return  # a row of a variable that just disappeared lost its focus
        lo_e, hi_e, _ = self.range_edits[v]
        try:
            lo, hi = float(lo_e.text()), float(hi_e.text())
        except ValueError:
            lo, hi = 0.0, -1.0
        if [lo, hi] == ranges_of(self.model.state, self.variables)[v]:
            return
        self.set_range(v, lo, hi)  # says why when the range is not valid

    def _on_start_edit(self, v: str) -> None:
        if v not in self.range_edits or v not in self.variables:
            return
        try:
            val = float(self.range_edits[v][2].text())
        except ValueError:
            self.show_state()
            return
        self.set_start({v: val})

    # ------------------------------------------------------------------ model → widgets
    def set_variables(self, variables: tuple[str, ...]) -> None:
        """One row per variable (rebuilt only when the variables change)."""
        self.variables = tuple(variables)
        if tuple(self.range_edits) == self.variables:
            return
        for edits in self.range_edits.values():
            for e in edits:
                self.form.removeWidget(e)
                e.deleteLater()
        for lab in self._labels:
            self.form.removeWidget(lab)
            lab.deleteLater()
        self.range_edits, self._labels = {}, []
        for r, v in enumerate(self.variables):
            lab = QLabel(v, self)
            lo, hi, st = (QLineEdit(self) for _ in range(3))
            for e in (lo, hi, st):
                e.setMaximumWidth(70)
            lo.editingFinished.connect(lambda v=v: self._on_range_edit(v))
            hi.editingFinished.connect(lambda v=v: self._on_range_edit(v))
            st.editingFinished.connect(lambda v=v: self._on_start_edit(v))
            self.form.addWidget(lab, r + 1, 0)
            self.form.addWidget(lo, r + 1, 1)
            self.form.addWidget(hi, r + 1, 2)
            self.form.addWidget(st, r + 1, 3)
            self._labels.append(lab)
            self.range_edits[v] = (lo, hi, st)
        self._tooltips()

    def show_state(self) -> None:
        ranges = ranges_of(self.model.state, self.variables)
        start = start_of(self.model.state, self.variables)
        for v, (lo, hi, st) in self.range_edits.items():
            for e, text in ((lo, f"{ranges[v][0]:g}"), (hi, f"{ranges[v][1]:g}"),
                            (st, f"{start[v]:.4g}")):  # typed back in: plain digits
                e.blockSignals(True)
                e.setText(text)
                e.blockSignals(False)

    # ------------------------------------------------------------------ words
    def _tooltips(self) -> None:
        for v, (lo, hi, st) in self.range_edits.items():
            lo.setAccessibleName(self.tr("{v} from").format(v=v))
            hi.setAccessibleName(self.tr("{v} to").format(v=v))
            st.setAccessibleName(self.tr("{v} start").format(v=v))
            lo.setToolTip(self.tr("Left end of the plot range of {v}").format(v=v))
            hi.setToolTip(self.tr("Right end of the plot range of {v}").format(v=v))
            st.setToolTip(self.tr("Start value of {v} in θ₀: every optimizer starts its "
                                  "descent here (or click the contour plot).").format(v=v))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Plot range and start point"))
        for w, t in zip(self.heads, (self.tr("from"), self.tr("to"), self.tr("start")),
                        strict=True):
            w.setText(t)
        self._tooltips()

