"""The small widgets every Chain Lab section uses: a function field checked as you
type, a slider with a spin box, the cards, rich labels and plots; and the
lab's text helpers (numbers at 5 significant digits, HTML escaping)."""
from __future__ import annotations

import html

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from core.expression import ExpressionError, parse
from gui import theme
from gui.text import format as text_format
from gui.text.expr_messages import expression_error_message
from gui.theme import zoom
from gui.widgets.adaptive import ShrinkingCombo, VScrollArea, fit_height
from gui.widgets.slider_spin import SliderSpin

DIGITS = 5  # the lab's significant digits


def fmt(v: float | None, digits: int = DIGITS) -> str:
    """The lab's numbers: the one formatter (gui/text/format.py) at 5 significant
    digits."""
    return text_format.fmt(v, digits)


def paren(s: str) -> str:
    """Wrap a display text in parentheses unless it is a single token."""
    t = s.strip()
    if all(ch.isalnum() or ch in ".²³√πσ" for ch in t) and not t.startswith("−"):
        return t
    return f"({t})"


def esc(s: str) -> str:
    return html.escape(s, quote=False)


def on_card(role: str) -> str:
    """A colour for text on a card or a graph, for the theme in use (the cards and
    graphs are light in the light theme, dark in the dark theme)."""
    return theme.colour(role)


def math_font(pt: float = 11, zoomed: bool = True) -> QFont:
    """The math font, ``pt`` points at 100 % zoom (``zoomed=False``: exactly ``pt``,
    for a graph scene, which the view scales as a whole)."""
    f = QFont()
    f.setPointSizeF(zoom.pt(pt) if zoomed else float(pt))
    return f


def is_dragged(item: pg.TargetItem) -> bool:
    """Whether the mouse is dragging ``item`` now.  pyqtgraph has no getter for it:
    TargetItem keeps it in its (public, undocumented) ``moving`` attribute, set by
    its mouseDragEvent.  The one place the lab reads it (tested in
    tests/gui/test_chain_model.py)."""
    return bool(getattr(item, "moving", False))


def hint_css() -> str:
    return f"color: {theme.colour('chain.hint')}; font-size: 9pt;"


class ExprField(QWidget):
    """A function field validated as you type.

    ``accepted(text)`` is emitted for every user edit that parses; an edit that
    does not parse shows the error inline (with the position marked) and the
    last valid text stays in use."""

    accepted = Signal(str)

    def __init__(self, variables: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.variables = variables
        self.prefix = QLabel()
        self.prefix.setMinimumWidth(78)
        self.edit = QLineEdit()
        self.prefix.setBuddy(self.edit)  # screen readers name the field after it
        self.edit.setFont(math_font(11))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.RichText)
        self.error.hide()
        self._last_error: ExpressionError | None = None
        self.valid_text: str | None = None
        lay = QGridLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setHorizontalSpacing(6)
        lay.setVerticalSpacing(2)
        lay.addWidget(self.prefix, 0, 0)
        lay.addWidget(self.edit, 0, 1)
        lay.addWidget(self.error, 1, 1)
        self.edit.textEdited.connect(self._on_edited)
        self._recolour()

    @property
    def has_error(self) -> bool:
        return self._last_error is not None

    def sync(self, text: str) -> None:
        """Show the model's text, unless it is the text last accepted from the user
        (then a pending error stays visible while the last valid text is in use)."""
        if text != self.valid_text:
            self.set_text(text)

    def set_text(self, text: str) -> None:
        """Programmatic (no signal); clears any error."""
        self.valid_text = text
        if self.edit.text() != text:
            pos = self.edit.cursorPosition()
            with QSignalBlocker(self.edit):
                self.edit.setText(text)
            self.edit.setCursorPosition(min(pos, len(text)))
        self._show_error(None)

    def _on_edited(self, text: str) -> None:
        try:
            parse(text, variables=self.variables)
        except ExpressionError as exc:
            self._show_error(exc)
            return
        self._show_error(None)
        self.valid_text = text
        self.accepted.emit(text)

    def _show_error(self, exc: ExpressionError | None) -> None:
        self._last_error = exc
        self._recolour()
        if exc is None:
            self.error.hide()
            return
        self._render_error()
        self.error.show()

    def _recolour(self) -> None:
        self.error.setStyleSheet(f"color: {theme.colour('chain.error.text')}; font-size: 9pt;")
        if self._last_error is None:
            self.edit.setStyleSheet("")
        else:
            self.edit.setStyleSheet(
                f"QLineEdit {{ border: 1.5px solid {theme.colour('chain.error.border')}; "
                f"background: {theme.colour('chain.error.background')}; }}")

    def _render_error(self) -> None:
        exc = self._last_error
        if exc is None:
            return
        text = self.edit.text()
        msg = self.error_message(exc)
        if exc.position is not None and 0 <= exc.position <= len(text):
            p = exc.position
            bad = text[p:p + 1] or "␣"
            marked = (esc(text[:p])
                      + f'<span style="background:{theme.colour("chain.error.mark")}; '
                        f'color:{theme.colour("chain.error.mark_text")};">'
                      + esc(bad) + "</span>" + esc(text[p + 1:]))
            where = self.tr("at character {n}").format(n=p + 1)
            self.error.setText(f'<span style="font-family: monospace;">{marked}</span>'
                               f"<br>⚠ {esc(msg)} <i>({esc(where)})</i>")
        else:
            self.error.setText(f"⚠ {esc(msg)}")

    def error_message(self, exc: ExpressionError) -> str:
        """A translated message for a parse error (falls back to the core's English)."""
        return expression_error_message(exc)

    def retranslate(self) -> None:
        self._render_error()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self._recolour()
            self._render_error()
        elif event.type() == QEvent.Type.FontChange:  # the zoom changed
            self.edit.setFont(math_font(11))
        super().changeEvent(event)


class NumberControl(SliderSpin):
    """A slider and a spin box for one number on a grid of ``step``.
    ``edited(value, merge)``: the slider's steps and the spin box's arrows are
    repeats of one edit (merge is always True)."""

    edited = Signal(float, bool)

    def __init__(self, lo: float, hi: float, step: float, decimals: int = 3,
                 spin_range: tuple[float, float] | None = None,
                 parent: QWidget | None = None):
        super().__init__("", lo, hi, step, decimals, spin_range, parent=parent)
        self.valueChanged.connect(self._edited)

    def _edited(self, v: float, _live: bool) -> None:
        self.edited.emit(v, True)


def card_css() -> str:
    # the card's surface and text follow the theme (asked again on a palette change)
    text = on_card("chain.card.text")
    return (f"QFrame#card {{ background: {on_card('chain.card.background')}; "
            f"border: 1px solid {on_card('chain.card.border')}; "
            f"border-radius: 8px; color: {text}; }} "
            f"QFrame#card QLabel {{ color: {text}; }}")


def card(parent: QWidget | None = None) -> tuple[QFrame, QVBoxLayout]:
    f = QFrame(parent)
    f.setObjectName("card")
    f.setStyleSheet(card_css())
    lay = QVBoxLayout(f)
    lay.setContentsMargins(12, 10, 12, 10)
    # (the text goes to the top by a stretch the section adds last: a layout aligned
    # to the top is only as tall as its preferred height, and clipped wrapped text)
    fit_height(f)  # as tall as its text, wrapped in a narrow window
    return f, lay


def card_title() -> QLabel:
    """The bold heading of a card (the same in every section)."""
    label = QLabel()
    label.setStyleSheet(f"font-weight: 600; color: {on_card('chain.card.text')};")
    label.setWordWrap(True)  # a narrow window: two lines
    return label


def rich_label(parent: QWidget | None = None, pt: int = 11) -> QLabel:
    lab = QLabel(parent)
    lab.setTextFormat(Qt.TextFormat.RichText)
    lab.setWordWrap(True)
    lab.setFont(math_font(pt))
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    lab.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return lab


def controls_column(width: int = 380) -> tuple[QScrollArea, QVBoxLayout]:
    """A section's controls on the left: ``width`` px where there is room, as narrow
    as they can be where there is not; they scroll vertically only."""
    inner = QWidget()
    lay = QVBoxLayout(inner)
    lay.setContentsMargins(4, 4, 8, 4)
    lay.setSpacing(10)
    area = VScrollArea(inner, width=width)
    area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
    return area, lay


def plot_widget() -> pg.PlotWidget:
    """A plot in the theme in force (the lab is built lazily, maybe after View →
    Theme → Dark); :func:`recolour_plot` follows a later switch."""
    pw = pg.PlotWidget()
    pw.setMinimumSize(200, 180)  # readable, however small the window
    pi = pw.getPlotItem()
    pi.showGrid(x=True, y=True, alpha=0.18)
    pi.setMenuEnabled(False)
    pi.hideButtons()
    recolour_plot(pw)
    return pw


def recolour_plot(pw: pg.PlotWidget) -> None:
    pw.setBackground(theme.colour("plot.background"))
    pi = pw.getPlotItem()
    for ax in ("left", "bottom"):
        a = pi.getAxis(ax)
        a.setPen(pg.mkPen(theme.colour("chain.plot.axis")))
        a.setTextPen(pg.mkPen(theme.colour("chain.plot.axis_text")))


def preset_group() -> tuple[QGroupBox, QVBoxLayout, QComboBox]:
    """A group box for a section's functions, with its presets menu on top."""
    box = QGroupBox()
    lay = QVBoxLayout(box)
    combo = ShrinkingCombo(12)  # long presets: narrower in a narrow window
    lay.addWidget(combo)
    return box, lay, combo


def fill_presets(combo: QComboBox, placeholder: str, texts: list[str],
                 keep: bool = False) -> None:
    """The presets menu: the placeholder, then one text per preset (no signal);
    ``keep``: the current row stays chosen, else the placeholder shows."""
    combo.setAccessibleName(placeholder.rstrip("…. "))  # a screen reader's name for it
    with QSignalBlocker(combo):
        cur = combo.currentIndex()
        combo.clear()
        combo.addItem(placeholder)
        for t in texts:
            combo.addItem(t)
        if keep:
            combo.setCurrentIndex(max(cur, 0))
