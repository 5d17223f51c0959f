"""The function editor bar: f(x, y) = [text] [preset], the error under it (with the
character that is wrong underlined) and the partial derivatives.

The editor shows the state's function, except while the text typed there does not
parse: then the text stays as typed and the error says why (the state keeps the
last valid function).  The settled text is pushed as one edit.
"""
from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QLineEdit, QWidget

from core.expression import ExpressionError, Objective
from gui import theme
from gui.labs.descent.common import Panel, push_edit, restyle
from gui.labs.descent.results import parse_function, ranges_of, start_of
from gui.labs.descent.state import PRESETS, DescentState
from gui.labs.model import LabModel
from gui.text.expr_messages import expression_error_message
from gui.widgets.adaptive import ShrinkingCombo


def plain_text(rich: str) -> str:
    """The text of a rich-text label, as a user reads it."""
    return html.unescape(re.sub(r"<[^>]+>", "", rich))


EDITOR_CHARS = 26  # the function field's least width, in characters
PRESET_SHARE = 0.4


class EditorPanel(Panel, QFrame):
    """The top bar of the lab.  ``presetChosen(id)``: the user picked a preset."""

    presetChosen = Signal(str)

    DEBOUNCE_MS = 150

    def __init__(self, model: LabModel[DescentState], session, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.session = session
        self.setObjectName("editorBar")
        self.error: ExpressionError | None = None  # the typed text's error, if any
        self.f_label = QLabel(self)
        self.editor = QLineEdit(self)
        self.f_label.setBuddy(self.editor)
        self.editor.setClearButtonEnabled(True)
        self.preset_label = QLabel(self)
        # as wide as its longest preset when there is room, narrower when not
        self.preset_combo = ShrinkingCombo(12, self)
        for pid in PRESETS:
            self.preset_combo.addItem("", pid)
        self.error_label = QLabel(self)
        self.error_label.setTextFormat(Qt.TextFormat.RichText)
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        self.math_label = QLabel(self)
        self.math_label.setTextFormat(Qt.TextFormat.RichText)
        self.math_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.math_label.setWordWrap(True)
        self._size_fonts()
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(self.DEBOUNCE_MS)
        self._objective: Objective | None = None

        tl = QGridLayout(self)
        tl.setContentsMargins(10, 8, 10, 8)
        tl.setHorizontalSpacing(8)
        tl.setVerticalSpacing(3)
        tl.addWidget(self.f_label, 0, 0)
        tl.addWidget(self.editor, 0, 1)
        tl.addWidget(self.preset_label, 0, 2)
        tl.addWidget(self.preset_combo, 0, 3)
        tl.addWidget(self.error_label, 1, 1, 1, 3)
        tl.addWidget(self.math_label, 2, 1, 1, 3)
        tl.setColumnStretch(1, 1)

        self.editor.textEdited.connect(lambda _t: self.debounce.start())
        self.debounce.timeout.connect(self.settle)
        self.preset_combo.activated.connect(
            lambda i: self.presetChosen.emit(self.preset_combo.itemData(i)))
        self.recolour()
        self._ready = True

    # ------------------------------------------------------------------ model → widgets
    def show_state(self, fields: frozenset[str], objective: Objective) -> None:
        """Show the state's function (a new function clears the error) and preset."""
        state = self.model.state
        if "function" in fields:
            self.error = None
            self.error_label.setVisible(False)
            if self.editor.text() != state.function:
                self.editor.blockSignals(True)
                self.editor.setText(state.function)
                self.editor.blockSignals(False)
        if "function" in fields or objective is not self._objective:
            self._objective = objective
            self.f_label.setText("f(" + ", ".join(objective.variables) + ") =")
            self._update_math()
        if "preset" in fields:
            combo = self.preset_combo
            combo.blockSignals(True)
            idx = combo.findData(state.preset)
            combo.setCurrentIndex(idx if idx >= 0 else -1)
            combo.blockSignals(False)

    def _update_math(self) -> None:
        obj = self._objective
        if obj is None:
            return
        rows = ["<b>f</b> = " + html.escape(obj.function_text)]
        rows += [html.escape(obj.partial_text(i)) for i in range(obj.n)]
        self.math_label.setText(f"<span style='color:{theme.colour('text.math')}'>"
                                + " &nbsp;&nbsp;│&nbsp;&nbsp; ".join(rows) + "</span>")

    # ------------------------------------------------------------------ widgets → edits
    def settle(self) -> bool:
        """The typed text is final: push it as an edit, or show why it is refused.
        False when it does not parse (or has no variable)."""
        self.debounce.stop()
        text = self.editor.text()
        try:
            obj = parse_function(text)
        except ExpressionError as exc:
            self.error = exc
            self.show_error()
            return False
        self.error = None
        self.error_label.setVisible(False)
        state = self.model.state
        if text != state.function:
            change = {"function": text, "preset": ""}
            ranges, start = ranges_of(state, obj.variables), start_of(state, obj.variables)
            if ranges != {k: list(v) for k, v in state.ranges}:
                change["ranges"] = ranges
            if start != dict(state.start):
                change["start"] = start
            push_edit(self.model, self.session, change, self.tr("Edit function"))
        return True

    def take_text(self, text: str) -> None:
        """Show ``text`` (a preset's function) and forget a pending typed error."""
        self.debounce.stop()
        self.error = None
        self.error_label.setVisible(False)
        if self.editor.text() != text:
            self.editor.blockSignals(True)
            self.editor.setText(text)
            self.editor.blockSignals(False)

    def type_text(self, text: str) -> bool:
        """Set the text as if typed and settle it (what lessons do)."""
        self.editor.setText(text)
        return self.settle()

    # ------------------------------------------------------------------ error
    def show_error(self) -> None:
        exc = self.error
        if exc is None:
            self.error_label.setVisible(False)
            return
        text = self.editor.text()
        pos = exc.position
        msg = expression_error_message(exc)
        if pos is not None and text:
            pos = min(max(pos, 0), len(text))
            a, ch, b = text[:pos], text[pos:pos + 1] or " ", text[pos + 1:]
            shown = (f"<span style='font-family:monospace; color:{theme.colour('text.strong')}'>"
                     f"{html.escape(a)}"
                     f"<span style='background:{theme.colour('error.background')}; "
                     f"color:{theme.colour('error.text')}; "
                     f"text-decoration: underline; font-weight:bold'>"
                     f"{html.escape(ch).replace(' ', '&nbsp;')}</span>{html.escape(b)}</span>")
            where = self.tr("at character {n}").format(n=pos + 1)
            still = self.tr("The last valid function is still shown.")
            self.error_label.setText(f"⚠ {shown} &nbsp; — {html.escape(msg)} ({where}). "
                                     + html.escape(still))
        else:
            self.error_label.setText("⚠ " + html.escape(msg))
        self.error_label.setVisible(True)

    def error_position(self) -> int | None:
        return None if self.error is None else self.error.position

    def error_text(self) -> str:
        return "" if self.error is None else plain_text(self.error_label.text())

    # ------------------------------------------------------------------ words, colours
    def preset_name(self, pid: str) -> str:
        return {
            "chapter": self.tr("Chapter example: (x + y − 3)² + (x + 2y − 5)² + 2"),
            "paraboloid": self.tr("Paraboloid: x² + y² from (3, 2)"),
            "ill": self.tr("Ill-conditioned bowl: 0.5x² + 10y²"),
            "rosenbrock": self.tr("Rosenbrock's banana valley"),
            "himmelblau": self.tr("Himmelblau: four minima"),
            "saddle": self.tr("Saddle: x² − y²"),
            "plateau": self.tr("Plateau: 1 − exp(−(x² + y²)/4)"),
            "one_var": self.tr("One variable: x⁴ − 3x² + x"),
            "three_var": self.tr("Three variables"),
        }[pid]

    def retranslate(self) -> None:
        self.preset_label.setText(self.tr("Preset:"))
        self.preset_label.setBuddy(self.preset_combo)  # names it (Orca reads the label)
        self.preset_combo.setAccessibleName(self.tr("Example function"))
        for i in range(self.preset_combo.count()):
            self.preset_combo.setItemText(i, self.preset_name(self.preset_combo.itemData(i)))
        self.preset_combo.setToolTip(self.tr("Choose an example function: it sets f, the plot "
                                             "range, the start point θ₀ and the learning rate "
                                             "η."))
        self.editor.setPlaceholderText(self.tr("Type a function, e.g. x^2 + y^2"))
        self.editor.setToolTip(self.tr("The function f(θ) to minimise; its partial derivatives "
                                       "∂f/∂x, ∂f/∂y, … form the gradient ∇f shown below. Use "
                                       "+ − * / ^, sin, exp, log, sqrt…; 2x means 2·x."))
        self.editor.setAccessibleName(self.tr("Function f to minimise"))
        self.editor.setAccessibleDescription(self.editor.toolTip())
        if self.error is not None:
            self.show_error()

    def _size_fonts(self) -> None:
        """The editor 2 pt and the derivatives 1 pt above the (zoomed) UI font."""
        for widget, more in ((self.editor, 2), (self.math_label, 1)):
            f = QFont(self.font())
            f.setPointSizeF(f.pointSizeF() + more)
            widget.setFont(f)
        # the function stays readable when the window is narrow: the preset menu
        # gives way first
        self.editor.setMinimumWidth(self.editor.fontMetrics().averageCharWidth() * EDITOR_CHARS)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        # the presets' menu takes at most PRESET_SHARE of the bar: the function first
        self.preset_combo.setMaximumWidth(max(self.preset_combo.minimumSizeHint().width(),
                                              round(self.width() * PRESET_SHARE)))

    def recolour(self) -> None:
        self._size_fonts()
        restyle(self, f"#editorBar {{ background: {theme.colour('panel.background')}; "
                           "border-radius: 6px; }")
        restyle(self.error_label, f"QLabel {{ color: {theme.colour('error.text')}; }}")
        self._update_math()
        if self.error is not None:
            self.show_error()

