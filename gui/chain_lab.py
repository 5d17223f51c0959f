"""Chain Rule Lab (链式法则): chapter section 1.

Four sections, chosen from a list on the left:

* **single** (1.2) — y = f(u), u = g(x): dy/dx = dy/du · du/dx, the tangent line
  of f∘g and the approximation f(x + Δx) ≈ f(x) + f′(x)·Δx.
* **multi** (1.3) — z = f(u, v), u = u(x, y), v = v(x, y) as a computational
  graph; the paths that contribute to ∂z/∂x (or ∂z/∂y) are highlighted and
  summed, and checked against direct differentiation.
* **vector** (1.4) — a surface with its tangent plane: Δz ≈ ∇z·Δx.
* **neuron** — y = a(w1·x1 + w2·x2 + b), C = ½(t − y)²; forward values,
  backpropagation step by step, and gradient-descent steps.

Every edit goes through ``session.push`` (one ``SetValueCommand`` holding the
old and new state of one section; slider drags and typing merge).
"""
from __future__ import annotations

import copy
import html
import math
from dataclasses import replace

import numpy as np
import pyqtgraph as pg
import sympy as sp
from PySide6.QtCore import QEvent, QPointF, QRectF, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsTextItem,
    QGraphicsView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.chain import (
    ACTIVATIONS,
    Neuron,
    _sym_activation,  # noqa: PLC2701 - core's symbolic activation
    single_chain,
    symbolic_gradient,
    two_path_chain,
)
from core.chain_extra import expr_text, tangent_plane
from core.expression import ExpressionError, parse
from gui.commands import SetValueCommand
from gui.expr_messages import expression_error_message
from gui.labs.chain.state import DEFAULT_STATE, NEURON_PARAMS, SECTIONS
from gui.text import format as text_format
from gui.views.ranges import safe_range

# colours (one palette for the whole lab)
C_CURVE = "#1f4e79"
C_TANGENT = "#e67e22"
C_TRUE = "#c0392b"
C_APPROX = "#2471a3"
C_PATH_U = "#d35400"
C_PATH_V = "#1a7fb5"
C_GRAD = "#1e8449"
C_DELTA = "#7d3c98"
C_MUTED = "#9aa5b1"
C_TEXT = "#1c2833"
C_CURRENT = "#f39c12"

SINGLE_PRESETS = (
    ("u^2", "3x + 1"),
    ("sigmoid(u)", "2x - 1"),
    ("sin(u)", "x^2"),
    ("exp(u)", "sin(x)"),
    ("ln(u)", "x^2 + 1"),
    ("sqrt(u)", "x^2 + 1"),
    ("tanh(u)", "3x"),
)
MULTI_PRESETS = (
    ("u^2 + v^2", "x + y", "x - y"),
    ("u·v", "x^2 + y", "x - 2y"),
    ("exp(u)·sin(v)", "x·y", "x + y"),
    ("sigmoid(u + v)", "2x - y", "x·y"),
    ("ln(u^2 + v^2 + 1)", "x·y", "x^2 - y"),
)
VECTOR_PRESETS = (
    "x^2 + y^2",
    "x^2 - y^2",
    "sin(x)·cos(y)",
    "exp(-(x^2 + y^2)/2)",
    "(x + y - 1)^2/4 + (x - y)^2",
)

_MERGE_BASE = 0x4C41_0000  # merge ids of this lab: base + index of (section, key)
_MERGE_KEYS = [(s, k) for s in SECTIONS for k in
               ("f", "g", "u", "v", "x", "y", "dx", "dy", "eta") + NEURON_PARAMS]


def merge_id(section: str, key: str) -> int:
    try:
        return _MERGE_BASE + _MERGE_KEYS.index((section, key))
    except ValueError:
        return -1


def fmt(v: float | None, digits: int = 5) -> str:
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


def _css_card() -> str:
    # a card stays a light card under the dark theme too: its text must then be dark
    # (the dark palette's light text would vanish on the light background)
    return ("QFrame#card { background: #f7f9fc; border: 1px solid #d6dde6; "
            "border-radius: 8px; color: #1c2833; } "
            "QFrame#card QLabel { color: #1c2833; }")


# ---------------------------------------------------------------------------
# Small widgets
# ---------------------------------------------------------------------------
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
        self.edit.setFont(_math_font(11))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.RichText)
        self.error.setStyleSheet("color: #b03a2e; font-size: 9pt;")
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
        if exc is None:
            self.error.hide()
            self.edit.setStyleSheet("")
            return
        self.edit.setStyleSheet("QLineEdit { border: 1.5px solid #c0392b; "
                                "background: #fff5f4; }")
        self._render_error()
        self.error.show()

    def _render_error(self) -> None:
        exc = self._last_error
        if exc is None:
            return
        text = self.edit.text()
        msg = self.error_message(exc)
        if exc.position is not None and 0 <= exc.position <= len(text):
            p = exc.position
            bad = text[p:p + 1] or "␣"
            marked = (esc(text[:p]) + '<span style="background:#f5b7b1; color:#78281f;">'
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
        super().changeEvent(event)


def _math_font(pt: int = 11) -> QFont:
    f = QFont()
    f.setPointSize(pt)
    return f


class NumberControl(QWidget):
    """A slider and a spin box for one number.  ``edited(value, dragging)``."""

    edited = Signal(float, bool)

    def __init__(self, lo: float, hi: float, step: float, decimals: int = 3,
                 spin_range: tuple[float, float] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.lo, self.hi, self.step = lo, hi, step
        self.label = QLabel()
        self.label.setMinimumWidth(30)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, int(round((hi - lo) / step)))
        self.spin = QDoubleSpinBox()
        srange = spin_range or (lo, hi)
        self.spin.setRange(*srange)
        self.spin.setDecimals(decimals)
        self.spin.setSingleStep(step * 5)
        self.spin.setKeyboardTracking(False)
        self.spin.setMinimumWidth(84)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label)
        lay.addWidget(self.slider, 1)
        lay.addWidget(self.spin)
        self.slider.valueChanged.connect(self._from_slider)
        self.spin.valueChanged.connect(self._from_spin)

    def value(self) -> float:
        return self.spin.value()

    def set_tooltip(self, text: str) -> None:
        for w in (self.slider, self.spin):
            w.setToolTip(text)

    def set_value(self, v: float) -> None:
        with QSignalBlocker(self.slider), QSignalBlocker(self.spin):
            self.spin.setValue(v)
            self.slider.setValue(int(round((min(max(v, self.lo), self.hi) - self.lo)
                                           / self.step)))

    def _from_slider(self, i: int) -> None:
        v = round(self.lo + i * self.step, 10)
        with QSignalBlocker(self.spin):
            self.spin.setValue(v)
        self.edited.emit(v, True)

    def _from_spin(self, v: float) -> None:
        with QSignalBlocker(self.slider):
            self.slider.setValue(int(round((min(max(v, self.lo), self.hi) - self.lo)
                                           / self.step)))
        self.edited.emit(float(v), True)


def card(parent: QWidget | None = None) -> tuple[QFrame, QVBoxLayout]:
    f = QFrame(parent)
    f.setObjectName("card")
    f.setStyleSheet(_css_card())
    lay = QVBoxLayout(f)
    lay.setContentsMargins(12, 10, 12, 10)
    lay.setAlignment(Qt.AlignmentFlag.AlignTop)
    return f, lay


def rich_label(parent: QWidget | None = None, pt: int = 11) -> QLabel:
    lab = QLabel(parent)
    lab.setTextFormat(Qt.TextFormat.RichText)
    lab.setWordWrap(True)
    lab.setFont(_math_font(pt))
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    lab.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return lab


# ---------------------------------------------------------------------------
# Computational graph drawing (QGraphicsScene)
# ---------------------------------------------------------------------------
class GraphNode:
    def __init__(self, scene: QGraphicsScene, key: str, x: float, y: float,
                 w: float = 130, h: float = 66, shape: str = "round", pt: int = 10):
        self.key, self.w, self.h = key, w, h
        path = QPainterPath()
        r = h / 2 if shape == "pill" else 12
        path.addRoundedRect(QRectF(-w / 2, -h / 2, w, h), r, r)
        self.box = QGraphicsPathItem(path)
        self.box.setPos(x, y)
        self.box.setZValue(2)
        scene.addItem(self.box)
        self.text = QGraphicsTextItem(self.box)
        self.text.setTextWidth(w - 6)
        self.text.setDefaultTextColor(QColor(C_TEXT))
        self.text.setFont(_math_font(pt))
        self.set_style("#ffffff", "#5d6d7e", 1.5)

    @property
    def center(self) -> QPointF:
        return self.box.pos()

    def set_html(self, body: str) -> None:
        self.text.setHtml(f'<div align="center">{body}</div>')
        hgt = self.text.boundingRect().height()
        self.text.setPos(-self.w / 2 + 3, -hgt / 2)

    def set_style(self, fill: str, border: str, width: float = 1.5) -> None:
        self.box.setBrush(QBrush(QColor(fill)))
        self.box.setPen(QPen(QColor(border), width))

    def border_point(self, toward: QPointF) -> QPointF:
        c = self.center
        dx, dy = toward.x() - c.x(), toward.y() - c.y()
        if dx == 0 and dy == 0:
            return c
        t = min((self.w / 2) / abs(dx) if dx else math.inf,
                (self.h / 2) / abs(dy) if dy else math.inf)
        return QPointF(c.x() + dx * t, c.y() + dy * t)


class GraphEdge:
    def __init__(self, scene: QGraphicsScene, a: GraphNode, b: GraphNode,
                 label_at: float = 0.5, label_offset: tuple[float, float] = (0, -16),
                 pt: int = 9):
        self.a, self.b = a, b
        p0 = a.border_point(b.center)
        p1 = b.border_point(a.center)
        self.p0, self.p1 = p0, p1
        path = QPainterPath(p0)
        path.lineTo(p1)
        self.line = QGraphicsPathItem(path)
        self.line.setZValue(0)
        scene.addItem(self.line)
        d = p1 - p0
        n = math.hypot(d.x(), d.y()) or 1.0
        ux, uy = d.x() / n, d.y() / n
        tip = p1
        size = 11
        bx, by = tip.x() - ux * size, tip.y() - uy * size
        wx, wy = uy * size * 0.45, ux * size * 0.45
        left = QPointF(bx - wx, by + wy)
        right = QPointF(bx + wx, by - wy)
        self.head = QGraphicsPolygonItem(QPolygonF([tip, left, right]))
        self.head.setZValue(1)
        scene.addItem(self.head)
        self.label_bg = QGraphicsPathItem()
        self.label_bg.setZValue(3)
        scene.addItem(self.label_bg)
        self.label = QGraphicsTextItem()
        self.label.setZValue(4)
        self.label.setFont(_math_font(pt))
        scene.addItem(self.label)
        self.anchor = QPointF(p0.x() + d.x() * label_at + label_offset[0],
                              p0.y() + d.y() * label_at + label_offset[1])
        self.set_style(C_MUTED, 1.5)

    def set_style(self, color: str, width: float = 1.5, dashed: bool = False) -> None:
        pen = QPen(QColor(color), width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.line.setPen(pen)
        self.head.setPen(QPen(QColor(color), 1))
        self.head.setBrush(QBrush(QColor(color)))

    def set_label(self, body: str, border: str = "#d6dde6") -> None:
        if not body:
            self.label.hide()
            self.label_bg.hide()
            return
        self.label.setTextWidth(-1)
        self.label.setHtml(f'<div align="center">{body}</div>')
        self.label.setTextWidth(self.label.document().idealWidth() + 2)
        r = self.label.boundingRect()
        self.label.setPos(self.anchor.x() - r.width() / 2, self.anchor.y() - r.height() / 2)
        path = QPainterPath()
        path.addRoundedRect(QRectF(self.anchor.x() - r.width() / 2 + 2,
                                   self.anchor.y() - r.height() / 2 + 2,
                                   r.width() - 4, r.height() - 4), 6, 6)
        self.label_bg.setPath(path)
        self.label_bg.setBrush(QBrush(QColor(255, 255, 255, 235)))
        self.label_bg.setPen(QPen(QColor(border), 1))
        self.label.show()
        self.label_bg.show()


class GraphView(QGraphicsView):
    """A QGraphicsView that keeps its scene fitted."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setBackgroundBrush(QBrush(QColor("#fbfcfe")))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumHeight(260)
        self.max_scale = 1.35

    def fit(self) -> None:
        rect = self.scene().itemsBoundingRect().adjusted(-16, -16, 16, 16)
        self.resetTransform()
        sx = self.viewport().width() / max(rect.width(), 1)
        sy = self.viewport().height() / max(rect.height(), 1)
        s = min(sx, sy, self.max_scale)
        self.scale(s, s)
        self.centerOn(rect.center())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.fit()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.fit()


# ---------------------------------------------------------------------------
# Section base
# ---------------------------------------------------------------------------
class Section(QWidget):
    KEY = ""

    def __init__(self, lab: ChainLab):
        super().__init__(lab)
        self.lab = lab

    @property
    def st(self) -> dict:
        return self.lab.state[self.KEY]

    def edit(self, changes: dict, text: str, merge_key: str | None = None) -> None:
        self.lab.edit(self.KEY, changes, text, merge_key)

    def refresh(self) -> None:  # pragma: no cover - overridden
        pass

    def retranslate(self) -> None:  # pragma: no cover - overridden
        pass

    def _assemble(self, controls: QWidget, top: QWidget, bottom: QWidget,
                  stretch: tuple[int, int] = (3, 2),
                  sizes: tuple[int, int] | None = (560, 280)) -> None:
        """Controls on the left; on the right, ``top`` over ``bottom`` in a splitter."""
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(top)
        right.addWidget(bottom)
        right.setStretchFactor(0, stretch[0])
        right.setStretchFactor(1, stretch[1])
        if sizes is not None:
            right.setSizes(list(sizes))
        right.setChildrenCollapsible(False)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(controls)
        lay.addWidget(right, 1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()
        super().changeEvent(event)


def _card_title() -> QLabel:
    """The bold heading of a card (the same in every section)."""
    label = QLabel()
    label.setStyleSheet("font-weight: 600; color: #1c2833;")
    return label


def _controls_column(width: int = 380) -> tuple[QScrollArea, QVBoxLayout]:
    inner = QWidget()
    lay = QVBoxLayout(inner)
    lay.setContentsMargins(4, 4, 8, 4)
    lay.setSpacing(10)
    area = QScrollArea()
    area.setWidget(inner)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFixedWidth(width)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area, lay


def _plot_widget() -> pg.PlotWidget:
    # follow the theme in force when the plot is made (the lab is built lazily, maybe
    # after View → Theme → Dark); later switches are applied by the main window
    from gui.views.glview import palette_is_dark

    dark = palette_is_dark(QApplication.palette())
    pw = pg.PlotWidget(background="#1e2024" if dark else "w")
    pi = pw.getPlotItem()
    pi.showGrid(x=True, y=True, alpha=0.18)
    for ax in ("left", "bottom"):
        a = pi.getAxis(ax)
        a.setPen(pg.mkPen("#e1e4e8" if dark else "#5d6d7e"))
        a.setTextPen(pg.mkPen("#e1e4e8" if dark else "#2c3e50"))
    pi.setMenuEnabled(False)
    pi.hideButtons()
    return pw


# ---------------------------------------------------------------------------
# 1.2 Single variable
# ---------------------------------------------------------------------------
class SingleSection(Section):
    KEY = "single"
    X_RANGE = (-2.5, 2.5)

    def __init__(self, lab: ChainLab):
        super().__init__(lab)
        self._cache: dict = {}
        self._y_range_key = None
        controls, col = _controls_column()

        self.fn_box = QGroupBox()
        fl = QVBoxLayout(self.fn_box)
        self.preset = QComboBox()
        self.preset.activated.connect(self._on_preset)
        fl.addWidget(self.preset)
        self.f_field = ExprField(("u",))
        self.g_field = ExprField(("x",))
        self.f_field.prefix.setText("y = f(u) =")
        self.g_field.prefix.setText("u = g(x) =")
        fl.addWidget(self.f_field)
        fl.addWidget(self.g_field)
        self.fn_hint = QLabel()
        self.fn_hint.setWordWrap(True)
        self.fn_hint.setStyleSheet("color: #5d6d7e; font-size: 9pt;")
        fl.addWidget(self.fn_hint)
        self.f_field.accepted.connect(
            lambda t: self.edit({"f": t}, self.tr("Edit y = f(u)"), "f"))
        self.g_field.accepted.connect(
            lambda t: self.edit({"g": t}, self.tr("Edit u = g(x)"), "g"))
        col.addWidget(self.fn_box)

        self.pt_box = QGroupBox()
        pl = QVBoxLayout(self.pt_box)
        self.x_ctl = NumberControl(*self.X_RANGE, 0.01, 3, (-50, 50))
        self.x_ctl.label.setText("x")
        self.dx_ctl = NumberControl(-2.0, 2.0, 0.01, 3, (-10, 10))
        self.dx_ctl.label.setText("Δx")
        pl.addWidget(self.x_ctl)
        pl.addWidget(self.dx_ctl)
        self.drag_hint = QLabel()
        self.drag_hint.setWordWrap(True)
        self.drag_hint.setStyleSheet("color: #5d6d7e; font-size: 9pt;")
        pl.addWidget(self.drag_hint)
        self.x_ctl.edited.connect(lambda v, _d: self.edit({"x": v}, self.tr("Move x"), "x"))
        self.dx_ctl.edited.connect(lambda v, _d: self.edit({"dx": v}, self.tr("Change Δx"), "dx"))
        col.addWidget(self.pt_box)

        self.approx_box = QGroupBox()
        al = QVBoxLayout(self.approx_box)
        self.approx_label = rich_label(pt=10)
        al.addWidget(self.approx_label)
        col.addWidget(self.approx_box)
        col.addStretch(1)

        # plot
        self.plot = _plot_widget()
        pi = self.plot.getPlotItem()
        pi.setLabel("bottom", "x")
        self.curve = pi.plot(pen=pg.mkPen(C_CURVE, width=2.5), connect="finite")
        self.tangent = pi.plot(pen=pg.mkPen(C_TANGENT, width=2, style=Qt.PenStyle.DashLine))
        self.dx_seg = pi.plot(pen=pg.mkPen(C_DELTA, width=2))
        self.true_seg = pi.plot(pen=pg.mkPen(C_TRUE, width=3))
        self.approx_seg = pi.plot(pen=pg.mkPen(C_APPROX, width=3))
        self.ends = pg.ScatterPlotItem(size=9, pen=pg.mkPen("w", width=1))
        pi.addItem(self.ends)
        self.point = pg.TargetItem(pos=(0, 0), size=16, symbol="o", movable=True,
                                   pen=pg.mkPen("w", width=2),
                                   brush=pg.mkBrush(C_TANGENT),
                                   hoverBrush=pg.mkBrush("#f5b041"))
        self.point.setZValue(10)
        pi.addItem(self.point)
        self.point.sigPositionChanged.connect(self._on_point_dragged)
        self.legend = pi.addLegend(offset=(10, 10), labelTextColor=C_TEXT,
                                   brush=pg.mkBrush(255, 255, 255, 220),
                                   pen=pg.mkPen("#d6dde6"))
        pi.scene().sigMouseClicked.connect(self._on_plot_click)
        pi.setXRange(self.X_RANGE[0] - 0.3, self.X_RANGE[1] + 0.3, padding=0)
        pi.vb.setMouseEnabled(x=False, y=False)

        self.deriv_card, dl = card()
        self.deriv_title = _card_title()
        self.deriv_label = rich_label(pt=11)
        dl.addWidget(self.deriv_title)
        dl.addWidget(self.deriv_label)

        self._assemble(controls, self.plot, self.deriv_card, stretch=(3, 2))
        self._updating_point = False
        self.retranslate()

    # -- model ------------------------------------------------------------
    def chain(self):
        key = (self.st["f"], self.st["g"])
        if key not in self._cache:
            fo = parse(key[0], variables=("u",))
            go = parse(key[1], variables=("x",))
            ch = single_chain(fo.expression, go.expression, u="u", x="x")
            self._cache = {key: (fo, go, ch)}
        return self._cache[key]

    def F(self, xs):
        fo, go, _ = self.chain()
        return fo.value(go.value(np.asarray(xs, dtype=float)))

    def values(self):
        return self.chain()[2].at(self.st["x"])

    # -- events -----------------------------------------------------------
    def _on_preset(self, i: int) -> None:
        i -= 1  # index 0 is the "Presets…" placeholder
        if 0 <= i < len(SINGLE_PRESETS):
            f, g = SINGLE_PRESETS[i]
            self.edit({"f": f, "g": g}, self.tr("Choose a preset"))

    def _on_point_dragged(self) -> None:
        if self._updating_point:
            return
        x = float(np.clip(self.point.pos().x(), *self.X_RANGE))
        self.edit({"x": round(x, 3)}, self.tr("Move x"), "x")
        self._snap_point()

    def _snap_point(self) -> None:
        """Keep the draggable point on the curve at the model's x."""
        x0 = self.st["x"]
        y0 = float(self.F(x0))
        self._updating_point = True
        try:
            self.point.setPos(x0, y0 if math.isfinite(y0) else 0.0)
        finally:
            self._updating_point = False

    def _on_plot_click(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton or ev.isAccepted():
            return
        vb = self.plot.getPlotItem().vb
        if not vb.sceneBoundingRect().contains(ev.scenePos()):
            return
        x = vb.mapSceneToView(ev.scenePos()).x()
        x = float(np.clip(x, *self.X_RANGE))
        self.edit({"x": round(x, 3)}, self.tr("Move x"), "x")

    # -- view -------------------------------------------------------------
    def retranslate(self) -> None:
        self.fn_box.setTitle(self.tr("Composite function y = f(g(x))"))
        self.pt_box.setTitle(self.tr("Point and step"))
        self.approx_box.setTitle(self.tr("Approximation f(x + Δx) ≈ f(x) + f′(x)·Δx"))
        self.deriv_title.setText(self.tr("Chain rule: dy/dx = dy/du · du/dx"))
        self.fn_hint.setText(self.tr("Functions: sin, cos, exp, ln, sqrt, sigmoid, tanh, … "
                                     "Powers with ^, e.g. u^2."))
        self.drag_hint.setText(self.tr("Drag the orange point on the plot or click the plot "
                                       "to move x."))
        self.preset.setToolTip(self.tr("Choose an example composite function y = f(g(x))"))
        self.f_field.edit.setToolTip(self.tr("The outer function y = f(u); its derivative dy/du "
                                             "is the first factor of dy/dx = dy/du · du/dx"))
        self.g_field.edit.setToolTip(self.tr("The inner function u = g(x); its derivative du/dx "
                                             "is the second factor of dy/dx = dy/du · du/dx"))
        self.x_ctl.set_tooltip(self.tr("The point x where dy/dx and the tangent line are "
                                       "evaluated (or drag the orange point)"))
        self.dx_ctl.set_tooltip(self.tr("Step Δx in f(x + Δx) ≈ f(x) + f′(x)·Δx"))
        with QSignalBlocker(self.preset):
            cur = self.preset.currentIndex()
            self.preset.clear()
            self.preset.addItem(self.tr("Presets…"))
            for f, g in SINGLE_PRESETS:
                self.preset.addItem(f"y = {parse(f, ('u',)).function_text},  "
                                    f"u = {parse(g, ('x',)).function_text}")
            self.preset.setCurrentIndex(max(cur, 0))
        pi = self.plot.getPlotItem()
        pi.setTitle(self.tr("y = f(g(x)) and its tangent line at x"), color=C_TEXT, size="11pt")
        pi.setLabel("left", "y")
        self.legend.clear()
        self.legend.addItem(self.curve, "y = f(g(x))")
        self.legend.addItem(self.tangent, self.tr("tangent line, slope dy/dx"))
        self.legend.addItem(self.true_seg, self.tr("true change Δy"))
        self.legend.addItem(self.approx_seg, self.tr("approximate change f′(x)·Δx"))

    def refresh(self) -> None:
        st = self.st
        self.f_field.sync(st["f"])
        self.g_field.sync(st["g"])
        self.x_ctl.set_value(st["x"])
        self.dx_ctl.set_value(st["dx"])
        fo, go, ch = self.chain()
        v = ch.at(st["x"])
        x0, dx = st["x"], st["dx"]
        # plot
        xs = np.linspace(self.X_RANGE[0] - 0.3, self.X_RANGE[1] + 0.3, 601)
        ys = self.F(xs)
        self.curve.setData(xs, ys)
        y0, slope = v.y, v.dy_dx
        y1 = float(self.F(x0 + dx))
        pi = self.plot.getPlotItem()
        key = (st["f"], st["g"])
        if key != self._y_range_key:
            self._y_range_key = key
            fin = ys[np.isfinite(ys)]
            if fin.size:
                lo, hi = (float(v) for v in np.percentile(fin, [1, 99]))
                if not hi > lo:
                    lo, hi = lo - 1, hi + 1
                pad = 0.24 * (hi / 2 - lo / 2)  # halves: ±1.7e308 has no finite width
                pi.setYRange(*safe_range(lo - pad, hi + pad), padding=0)
        if math.isfinite(y0) and math.isfinite(slope):
            self.tangent.setData(xs, y0 + slope * (xs - x0))
            approx = slope * dx
            self.dx_seg.setData([x0, x0 + dx], [y0, y0])
            self.true_seg.setData([x0 + dx, x0 + dx], [y0, y1] if math.isfinite(y1) else [])
            off = 0.012 * (self.X_RANGE[1] - self.X_RANGE[0]) * (1 if dx >= 0 else -1)
            self.approx_seg.setData([x0 + dx + off, x0 + dx + off], [y0, y0 + approx])
            self.ends.setData([x0 + dx, x0 + dx + off], [y1, y0 + approx],
                              brush=[pg.mkBrush(C_TRUE), pg.mkBrush(C_APPROX)])
        else:
            for item in (self.tangent, self.dx_seg, self.true_seg, self.approx_seg):
                item.setData([], [])
            self.ends.setData([], [])
        self._snap_point()
        self.deriv_label.setText(self._deriv_html(fo, go, ch, v))
        self.approx_label.setText(self._approx_html(v, y1))

    def _deriv_html(self, fo, go, ch, v) -> str:
        dy_du = expr_text(ch.dy_du)
        du_dx = expr_text(ch.du_dx)
        dy_du_x = expr_text(ch.dy_du_x)
        direct = expr_text(ch.dy_dx_direct)
        x0 = self.st["x"]
        rows = [
            ("u = g(x)", esc(go.function_text), fmt(v.u)),
            ("y = f(u)", esc(fo.function_text), fmt(v.y)),
            ("dy/du", f'<span style="color:{C_PATH_U}">{esc(dy_du)}</span>',
             f'<span style="color:{C_PATH_U}">{fmt(v.dy_du)}</span>'),
            ("du/dx", f'<span style="color:{C_PATH_V}">{esc(du_dx)}</span>',
             f'<span style="color:{C_PATH_V}">{fmt(v.du_dx)}</span>'),
            ("dy/dx = dy/du · du/dx",
             f'<span style="color:{C_PATH_U}">{esc(paren(dy_du_x))}</span> · '
             f'<span style="color:{C_PATH_V}">{esc(paren(du_dx))}</span>',
             f'<span style="color:{C_PATH_U}">{fmt(v.dy_du)}</span> × '
             f'<span style="color:{C_PATH_V}">{fmt(v.du_dx)}</span> = '
             f"<b>{fmt(v.dy_dx)}</b>"),
        ]
        ok = (math.isfinite(v.dy_dx) and math.isfinite(v.dy_dx_direct)
              and abs(v.dy_dx - v.dy_dx_direct) <= 1e-9 * max(1.0, abs(v.dy_dx)))
        check = "✔" if ok else "✘"
        rows.append((self.tr("direct: d/dx f(g(x))"), esc(direct),
                     f"{fmt(v.dy_dx_direct)} {check}"))
        head = self.tr("at x = {x}").format(x=fmt(x0))
        formula = self.tr("formula")
        out = [f'<table cellspacing="0" cellpadding="4" width="100%">'
               f'<tr><td></td><td style="color:#5d6d7e">{esc(formula)}</td>'
               f'<td style="color:#5d6d7e">{esc(head)}</td></tr>']
        for name, sym, num in rows:
            out.append(f'<tr><td><b>{esc(name)}</b></td><td>= {sym}</td>'
                       f'<td align="right">= {num}</td></tr>')
        out.append("</table>")
        if not math.isfinite(v.y):
            out.append(f'<p style="color:{C_TRUE}">'
                       + esc(self.tr("f(g(x)) is undefined at this x.")) + "</p>")
        return "".join(out)

    def _approx_html(self, v, y1: float) -> str:
        dx = self.st["dx"]
        true = y1 - v.y
        approx = v.dy_dx * dx
        err = true - approx
        rel = abs(err / true) if true else math.nan
        rows = [
            ("Δx", fmt(dx), C_DELTA),
            (self.tr("true change f(x+Δx) − f(x)"), fmt(true), C_TRUE),
            (self.tr("approximate change f′(x)·Δx"), fmt(approx), C_APPROX),
            (self.tr("error"), fmt(err), C_TEXT),
            (self.tr("relative error"), (fmt(100 * rel, 3) + " %") if math.isfinite(rel) else "—",
             "#5d6d7e"),
        ]
        out = ['<table cellspacing="0" cellpadding="3" width="100%">']
        for name, val, color in rows:
            out.append(f'<tr><td style="color:{color}">{esc(name)}</td>'
                       f'<td align="right" style="color:{color}"><b>{val}</b></td></tr>')
        out.append("</table><p style='color:#5d6d7e'>"
                   + esc(self.tr("Make Δx smaller: the error shrinks like Δx².")) + "</p>")
        return "".join(out)


# ---------------------------------------------------------------------------
# 1.3 Several variables
# ---------------------------------------------------------------------------
class MultiSection(Section):
    KEY = "multi"

    def __init__(self, lab: ChainLab):
        super().__init__(lab)
        self._cache: dict = {}
        controls, col = _controls_column()
        self.fn_box = QGroupBox()
        fl = QVBoxLayout(self.fn_box)
        self.preset = QComboBox()
        fl.addWidget(self.preset)
        self.fields = {"f": ExprField(("u", "v")), "u": ExprField(("x", "y")),
                       "v": ExprField(("x", "y"))}
        self.fields["f"].prefix.setText("z = f(u, v) =")
        self.fields["u"].prefix.setText("u(x, y) =")
        self.fields["v"].prefix.setText("v(x, y) =")
        for k, fld in self.fields.items():
            fl.addWidget(fld)
            fld.accepted.connect(lambda t, k=k: self.edit({k: t}, self._edit_text(k), k))
        col.addWidget(self.fn_box)

        self.pt_box = QGroupBox()
        pl = QVBoxLayout(self.pt_box)
        self.x_ctl = NumberControl(-3, 3, 0.01, 3, (-50, 50))
        self.y_ctl = NumberControl(-3, 3, 0.01, 3, (-50, 50))
        self.x_ctl.label.setText("x")
        self.y_ctl.label.setText("y")
        pl.addWidget(self.x_ctl)
        pl.addWidget(self.y_ctl)
        self.x_ctl.edited.connect(lambda v, _d: self.edit({"x": v}, self.tr("Move x"), "x"))
        self.y_ctl.edited.connect(lambda v, _d: self.edit({"y": v}, self.tr("Move y"), "y"))
        col.addWidget(self.pt_box)

        self.wrt_box = QGroupBox()
        wl = QVBoxLayout(self.wrt_box)
        self.wrt_x = QRadioButton("∂z/∂x")
        self.wrt_y = QRadioButton("∂z/∂y")
        self.wrt_group = QButtonGroup(self)
        self.wrt_group.addButton(self.wrt_x)
        self.wrt_group.addButton(self.wrt_y)
        wl.addWidget(self.wrt_x)
        wl.addWidget(self.wrt_y)
        self.wrt_x.toggled.connect(lambda on: on and self.edit(
            {"wrt": "x"}, self.tr("Choose ∂z/∂x")))
        self.wrt_y.toggled.connect(lambda on: on and self.edit(
            {"wrt": "y"}, self.tr("Choose ∂z/∂y")))
        self.legend_label = rich_label(pt=9)
        wl.addWidget(self.legend_label)
        col.addWidget(self.wrt_box)
        col.addStretch(1)

        # graph
        self.view = GraphView()
        self.view.max_scale = 1.8
        sc = self.view.scene()
        self.nodes = {
            "x": GraphNode(sc, "x", 0, 40, 130, 66, "pill", 12),
            "y": GraphNode(sc, "y", 0, 400, 130, 66, "pill", 12),
            "u": GraphNode(sc, "u", 390, 40, 190, 74, "round", 12),
            "v": GraphNode(sc, "v", 390, 400, 190, 74, "round", 12),
            "z": GraphNode(sc, "z", 760, 220, 200, 80, "round", 12),
        }
        N = self.nodes
        self.edges = {
            ("x", "u"): GraphEdge(sc, N["x"], N["u"], 0.5, (0, -28), 11),
            ("y", "v"): GraphEdge(sc, N["y"], N["v"], 0.5, (0, 28), 11),
            ("x", "v"): GraphEdge(sc, N["x"], N["v"], 0.25, (0, 0), 11),
            ("y", "u"): GraphEdge(sc, N["y"], N["u"], 0.25, (0, 0), 11),
            ("u", "z"): GraphEdge(sc, N["u"], N["z"], 0.5, (10, -34), 11),
            ("v", "z"): GraphEdge(sc, N["v"], N["z"], 0.5, (10, 34), 11),
        }
        self.sum_card, sl = card()
        self.sum_title = _card_title()
        self.sum_label = rich_label(pt=13)
        sl.addWidget(self.sum_title)
        sl.addWidget(self.sum_label)
        self._assemble(controls, self.view, self.sum_card, stretch=(3, 2))
        self.preset.activated.connect(self._on_preset)
        self.retranslate()

    def _edit_text(self, k: str) -> str:
        return {"f": self.tr("Edit z = f(u, v)"), "u": self.tr("Edit u(x, y)"),
                "v": self.tr("Edit v(x, y)")}[k]

    def _on_preset(self, i: int) -> None:
        i -= 1
        if 0 <= i < len(MULTI_PRESETS):
            f, u, v = MULTI_PRESETS[i]
            self.edit({"f": f, "u": u, "v": v}, self.tr("Choose a preset"))

    def chain(self):
        key = (self.st["f"], self.st["u"], self.st["v"])
        if key not in self._cache:
            fo = parse(key[0], ("u", "v"))
            uo = parse(key[1], ("x", "y"))
            vo = parse(key[2], ("x", "y"))
            ch = two_path_chain(fo.expression, uo.expression, vo.expression)
            self._cache = {key: (fo, uo, vo, ch)}
        return self._cache[key]

    def values(self):
        return self.chain()[3].at(self.st["x"], self.st["y"])

    def retranslate(self) -> None:
        self.fn_box.setTitle(self.tr("z = f(u, v), u = u(x, y), v = v(x, y)"))
        self.pt_box.setTitle(self.tr("Point (x, y)"))
        self.wrt_box.setTitle(self.tr("Which derivative?"))
        self.preset.setToolTip(self.tr("Choose example functions z = f(u, v), u(x, y), "
                                       "v(x, y)"))
        self.fields["f"].edit.setToolTip(self.tr("The outer function z = f(u, v): it gives "
                                                 "∂z/∂u and ∂z/∂v"))
        self.fields["u"].edit.setToolTip(self.tr("The inner function u(x, y): it gives ∂u/∂x "
                                                 "and ∂u/∂y"))
        self.fields["v"].edit.setToolTip(self.tr("The inner function v(x, y): it gives ∂v/∂x "
                                                 "and ∂v/∂y"))
        self.x_ctl.set_tooltip(self.tr("x of the point (x, y) where all partial derivatives "
                                       "are evaluated"))
        self.y_ctl.set_tooltip(self.tr("y of the point (x, y) where all partial derivatives "
                                       "are evaluated"))
        self.wrt_x.setToolTip(self.tr("Show ∂z/∂x = ∂z/∂u · ∂u/∂x + ∂z/∂v · ∂v/∂x: the paths "
                                      "from x to z"))
        self.wrt_y.setToolTip(self.tr("Show ∂z/∂y = ∂z/∂u · ∂u/∂y + ∂z/∂v · ∂v/∂y: the paths "
                                      "from y to z"))
        self.sum_title.setText(self.tr("Multivariable chain rule: a sum over the paths"))
        self.legend_label.setText(
            f'<span style="color:{C_PATH_U}">━━</span> ' + esc(self.tr("path through u"))
            + f'<br><span style="color:{C_PATH_V}">━━</span> ' + esc(self.tr("path through v"))
            + f'<br><span style="color:{C_MUTED}">━━</span> '
            + esc(self.tr("does not contribute")))
        with QSignalBlocker(self.preset):
            self.preset.clear()
            self.preset.addItem(self.tr("Presets…"))
            for f, u, v in MULTI_PRESETS:
                self.preset.addItem(f"z = {parse(f, ('u', 'v')).function_text},  "
                                    f"u = {parse(u, ('x', 'y')).function_text},  "
                                    f"v = {parse(v, ('x', 'y')).function_text}")

    def refresh(self) -> None:
        st = self.st
        for k, fld in self.fields.items():
            fld.sync(st[k])
        self.x_ctl.set_value(st["x"])
        self.y_ctl.set_value(st["y"])
        with QSignalBlocker(self.wrt_x), QSignalBlocker(self.wrt_y):
            self.wrt_x.setChecked(st["wrt"] == "x")
            self.wrt_y.setChecked(st["wrt"] == "y")
        fo, uo, vo, ch = self.chain()
        v = ch.at(st["x"], st["y"])
        w = st["wrt"]
        N = self.nodes
        small = 'style="color:#5d6d7e; font-size:11pt"'
        N["x"].set_html(f"<b>x</b><br>= {fmt(v.x)}")
        N["y"].set_html(f"<b>y</b><br>= {fmt(v.y)}")
        N["u"].set_html(f"<b>u</b> <span {small}>= {esc(uo.function_text)}</span>"
                        f"<br>= {fmt(v.u)}")
        N["v"].set_html(f"<b>v</b> <span {small}>= {esc(vo.function_text)}</span>"
                        f"<br>= {fmt(v.v)}")
        N["z"].set_html(f"<b>z</b> <span {small}>= {esc(fo.function_text)}</span>"
                        f"<br>= {fmt(v.z)}")
        sym = {("x", "u"): ("∂u/∂x", ch.du_dx, v.du_dx), ("y", "u"): ("∂u/∂y", ch.du_dy, v.du_dy),
               ("x", "v"): ("∂v/∂x", ch.dv_dx, v.dv_dx), ("y", "v"): ("∂v/∂y", ch.dv_dy, v.dv_dy),
               ("u", "z"): ("∂z/∂u", ch.dz_du, v.dz_du), ("v", "z"): ("∂z/∂v", ch.dz_dv, v.dz_dv)}
        for (a, b), edge in self.edges.items():
            name, expr, val = sym[(a, b)]
            active = (a == w) or (b == "z")
            color = (C_PATH_U if "u" in (a, b) else C_PATH_V) if active else C_MUTED
            edge.set_style(color, 3.0 if active else 1.3, dashed=not active)
            tcol = C_TEXT if active else C_MUTED
            edge.set_label(f'<span style="color:{tcol}">{name} = {esc(expr_text(expr))}<br>'
                           f'<b>= {fmt(val)}</b></span>', border=color if active else "#e5e8ec")
        for k, node in N.items():
            if k == w or k in ("u", "v", "z"):
                node.set_style("#ffffff", {"u": C_PATH_U, "v": C_PATH_V}.get(k, "#2c3e50"), 2.2)
            else:
                node.set_style("#f2f4f7", C_MUTED, 1.2)
        self.view.fit()
        self.sum_label.setText(self._sum_html(ch, v))

    def _sum_html(self, ch, v) -> str:
        w = self.st["wrt"]
        if w == "x":
            a, b, c, d = v.dz_du, v.du_dx, v.dz_dv, v.dv_dx
            p1, p2, total, direct, dexpr = (v.path_u_x, v.path_v_x, v.dz_dx, v.dz_dx_direct,
                                            ch.dz_dx_direct)
        else:
            a, b, c, d = v.dz_du, v.du_dy, v.dz_dv, v.dv_dy
            p1, p2, total, direct, dexpr = (v.path_u_y, v.path_v_y, v.dz_dy, v.dz_dy_direct,
                                            ch.dz_dy_direct)
        U = f'<span style="color:{C_PATH_U}">'
        V = f'<span style="color:{C_PATH_V}">'
        e = "</span>"
        lines = [
            f"∂z/∂{w} = {U}∂z/∂u · ∂u/∂{w}{e} + {V}∂z/∂v · ∂v/∂{w}{e}",
            f"= {U}({fmt(a)}) × ({fmt(b)}){e} + {V}({fmt(c)}) × ({fmt(d)}){e}",
            f"= {U}{fmt(p1)}{e} + {V}{fmt(p2)}{e} = <b>{fmt(total)}</b>",
        ]
        ok = (math.isfinite(total) and math.isfinite(direct)
              and abs(total - direct) <= 1e-9 * max(1.0, abs(total)))
        check = self.tr("agrees ✔") if ok else self.tr("differs ✘")
        comp = self.tr("Direct differentiation of z(x, y) = {z}:").format(
            z=expr_text(ch.composite))
        body = "<br>".join(lines)
        return (f'<p style="line-height:140%">{body}</p>'
                f'<p style="color:#34495e">{esc(comp)}<br>∂z/∂{w} = {esc(expr_text(dexpr))} '
                f"= <b>{fmt(direct)}</b> — {esc(check)}</p>")


# ---------------------------------------------------------------------------
# 1.4 Vector form
# ---------------------------------------------------------------------------
def height_range(lo: float, hi: float) -> tuple[float, float]:
    """A height range lo < hi with a finite span hi − lo, around the given one.

    A flat surface (lo == hi) gets a span relative to its size: z = 1e16 has
    1e16 ± 1 == 1e16 in floating point, which would divide by zero."""
    lo = lo if math.isfinite(lo) else -1e300
    hi = hi if math.isfinite(hi) else 1e300
    lo, hi = max(lo, -1e300), min(hi, 1e300)  # hi − lo stays finite
    if hi > lo and hi - lo > 1e-12 * max(abs(lo), abs(hi)):
        return lo, hi
    mid = lo / 2 + hi / 2
    half = max(1.0, abs(mid) * 1e-6)
    return mid - half, mid + half


class VectorSection(Section):
    KEY = "vector"
    DOMAIN = 2.5
    GRID = 49
    HEIGHT = 2.6

    def __init__(self, lab: ChainLab):
        super().__init__(lab)
        self._cache: dict = {}
        self._scale = (0.0, 1.0)
        controls, col = _controls_column()
        self.fn_box = QGroupBox()
        fl = QVBoxLayout(self.fn_box)
        self.preset = QComboBox()
        fl.addWidget(self.preset)
        self.field = ExprField(("x", "y"))
        self.field.prefix.setText("z = f(x, y) =")
        fl.addWidget(self.field)
        self.field.accepted.connect(lambda t: self.edit({"f": t}, self.tr("Edit z = f(x, y)"), "f"))
        self.preset.activated.connect(self._on_preset)
        col.addWidget(self.fn_box)

        self.pt_box = QGroupBox()
        pl = QVBoxLayout(self.pt_box)
        self.ctls = {}
        for k, lo, hi in (("x", -2, 2), ("y", -2, 2), ("dx", -1.5, 1.5), ("dy", -1.5, 1.5)):
            c = NumberControl(lo, hi, 0.01, 3)
            c.label.setText({"x": "x", "y": "y", "dx": "Δx", "dy": "Δy"}[k])
            c.edited.connect(lambda val, _d, k=k: self.edit({k: val}, self._edit_text(k), k))
            pl.addWidget(c)
            self.ctls[k] = c
        col.addWidget(self.pt_box)

        self.pad_box = QGroupBox()
        padl = QVBoxLayout(self.pad_box)
        self.pad = _plot_widget()
        self.pad.setFixedHeight(240)
        ppi = self.pad.getPlotItem()
        ppi.setAspectLocked(True)
        ppi.setXRange(-1.6, 1.6, padding=0)
        ppi.setYRange(-1.6, 1.6, padding=0)
        ppi.vb.setMouseEnabled(x=False, y=False)
        ppi.setLabel("bottom", "Δx")
        ppi.setLabel("left", "Δy")
        self.pad_grad = ppi.plot(pen=pg.mkPen(C_GRAD, width=3))
        self.pad_grad_head = pg.ArrowItem(angle=0, headLen=14, brush=C_GRAD, pen=None)
        ppi.addItem(self.pad_grad_head)
        self.pad_delta = ppi.plot(pen=pg.mkPen(C_DELTA, width=3))
        self.pad_handle = pg.TargetItem(pos=(0.3, 0.6), size=16, symbol="o",
                                        pen=pg.mkPen("w", width=2), brush=pg.mkBrush(C_DELTA),
                                        hoverBrush=pg.mkBrush("#a569bd"))
        ppi.addItem(self.pad_handle)
        self.pad_handle.sigPositionChanged.connect(self._on_handle)
        self._updating_handle = False
        padl.addWidget(self.pad)
        col.addWidget(self.pad_box)
        col.addStretch(1)

        # the 3D view
        self.gl_view = None
        self._build_gl()

        self.cmp_card, cl = card()
        self.cmp_title = _card_title()
        row = QHBoxLayout()
        self.true_label = rich_label(pt=11)
        self.approx_label = rich_label(pt=11)
        row.addWidget(self.true_label, 1)
        sep = QFrame()
        sep.setFrameShape(QFrame.Shape.VLine)
        sep.setStyleSheet("color: #d6dde6;")
        row.addWidget(sep)
        row.addWidget(self.approx_label, 1)
        self.grad_label = rich_label(pt=10)
        cl.addWidget(self.cmp_title)
        cl.addLayout(row)
        cl.addWidget(self.grad_label)

        self._assemble(controls, self.gl_holder, self.cmp_card, stretch=(3, 1), sizes=None)
        self.retranslate()

    def _build_gl(self) -> None:
        self.gl_holder = QWidget()
        hl = QVBoxLayout(self.gl_holder)
        hl.setContentsMargins(0, 0, 0, 0)
        self.gl_caption = QLabel()
        self.gl_caption.setStyleSheet("color: #34495e; font-weight: 600;")
        hl.addWidget(self.gl_caption)
        try:
            import pyqtgraph.opengl as gl
        except Exception:  # pragma: no cover - no OpenGL bindings
            self.gl_view = None
            self.gl_missing = QLabel()
            self.gl_missing.setAlignment(Qt.AlignmentFlag.AlignCenter)
            hl.addWidget(self.gl_missing, 1)
            return
        from gui.views.glview import OffscreenGLView

        # offscreen: a QOpenGLWidget would put the whole window on GL composition
        v = OffscreenGLView()
        v.setBackgroundColor((250, 251, 253))
        v.setMinimumHeight(300)
        v.setCameraPosition(distance=8.2, elevation=32, azimuth=-125)
        v.opts["center"] = pg.Vector(0, 0, 0.9)
        grid = gl.GLGridItem(color=(60, 70, 80, 60))
        grid.setSize(2 * self.DOMAIN, 2 * self.DOMAIN)
        grid.setSpacing(0.5, 0.5)
        v.addItem(grid)
        self.grid = grid
        self._base_z = 0.0
        n = self.GRID
        z0 = np.zeros((n, n))
        xs = np.linspace(-self.DOMAIN, self.DOMAIN, n)
        self.surface = gl.GLSurfacePlotItem(x=xs, y=xs, z=z0, colors=np.ones((n * n, 4)),
                                            shader=None, computeNormals=False, smooth=False,
                                            glOptions="opaque", drawEdges=False)
        v.addItem(self.surface)
        m = 11
        self.plane = gl.GLSurfacePlotItem(x=np.linspace(0, 1, m), y=np.linspace(0, 1, m),
                                          z=np.zeros((m, m)),
                                          colors=np.tile([0.95, 0.55, 0.15, 0.55], (m * m, 1)),
                                          shader=None, computeNormals=False,
                                          glOptions="translucent", drawEdges=True,
                                          edgeColor=(0.6, 0.3, 0.05, 0.7))
        # the plane, lines and points are drawn over the surface (no depth test), so
        # the tangent plane stays visible under a convex surface too
        from OpenGL import GL
        on_top = {GL.GL_DEPTH_TEST: False, GL.GL_BLEND: True, GL.GL_CULL_FACE: False,
                  "glBlendFunc": (GL.GL_SRC_ALPHA, GL.GL_ONE_MINUS_SRC_ALPHA)}
        self.plane.setGLOptions(on_top)
        v.addItem(self.plane)
        self.lines = {
            "delta": gl.GLLinePlotItem(color=pg.mkColor(C_DELTA).getRgbF(), width=3,
                                       antialias=True, mode="lines"),
            "grad": gl.GLLinePlotItem(color=pg.mkColor(C_GRAD).getRgbF(), width=4,
                                      antialias=True, mode="lines"),
            "true": gl.GLLinePlotItem(color=pg.mkColor(C_TRUE).getRgbF(), width=4,
                                      antialias=True, mode="lines"),
            "approx": gl.GLLinePlotItem(color=pg.mkColor(C_APPROX).getRgbF(), width=4,
                                        antialias=True, mode="lines"),
            "drop": gl.GLLinePlotItem(color=(0.3, 0.3, 0.3, 0.6), width=1.5,
                                      antialias=True, mode="lines"),
        }
        for item in self.lines.values():
            item.setGLOptions(on_top)
            v.addItem(item)
        self.points = gl.GLScatterPlotItem(pos=np.zeros((3, 3)), size=13, pxMode=True)
        self.points.setGLOptions(on_top)
        v.addItem(self.points)
        self.gl_view = v
        hl.addWidget(v, 1)
        self._apply_gl_theme()

    def _apply_gl_theme(self) -> None:
        """The 3D view's own background follows the palette; the floor grid and the
        drop line need a lighter colour on the dark background."""
        if self.gl_view is None:
            return
        dark = self.gl_view.is_dark()
        self.gl_caption.setStyleSheet(f"color: {'#c9d3de' if dark else '#34495e'}; "
                                      "font-weight: 600;")
        self.grid.setColor((190, 196, 206, 70) if dark else (60, 70, 80, 60))
        self.lines["drop"].setData(color=(0.8, 0.8, 0.8, 0.6) if dark else (0.3, 0.3, 0.3, 0.6))
        self.gl_view.update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) \
                and getattr(self, "gl_view", None) is not None:
            from gui.views.glview import palette_is_dark

            self.gl_view.set_dark(palette_is_dark(self.gl_view.palette()))
            self._apply_gl_theme()
        super().changeEvent(event)

    def _edit_text(self, k: str) -> str:
        return {"x": self.tr("Move x"), "y": self.tr("Move y"), "dx": self.tr("Change Δx"),
                "dy": self.tr("Change Δy")}[k]

    def _on_preset(self, i: int) -> None:
        i -= 1
        if 0 <= i < len(VECTOR_PRESETS):
            self.edit({"f": VECTOR_PRESETS[i]}, self.tr("Choose a preset"))

    def _on_handle(self) -> None:
        if self._updating_handle:
            return
        p = self.pad_handle.pos()
        dx = float(np.clip(round(p.x(), 2), -1.5, 1.5))
        dy = float(np.clip(round(p.y(), 2), -1.5, 1.5))
        self.edit({"dx": dx, "dy": dy}, self.tr("Drag (Δx, Δy)"), "dx")

    def objective(self):
        key = self.st["f"]
        if key not in self._cache:
            fo = parse(key, ("x", "y"))
            xs = np.linspace(-self.DOMAIN, self.DOMAIN, self.GRID)
            X, Y = np.meshgrid(xs, xs, indexing="ij")
            Z = fo.value(X, Y)
            fin = Z[np.isfinite(Z)]
            lo, hi = (np.percentile(fin, [1, 99]) if fin.size else (0.0, 1.0))
            self._cache = {key: (fo, xs, Z, *height_range(float(lo), float(hi)))}
        return self._cache[key]

    def numbers(self) -> dict:
        fo = self.objective()[0]
        st = self.st
        x, y, dx, dy = st["x"], st["y"], st["dx"], st["dy"]
        z0 = float(fo.value(x, y))
        gx, gy = (float(g) for g in fo.gradient(x, y))
        z1 = float(fo.value(x + dx, y + dy))
        return {"z0": z0, "z1": z1, "gx": gx, "gy": gy, "true": z1 - z0,
                "approx": gx * dx + gy * dy}

    def retranslate(self) -> None:
        self.fn_box.setTitle(self.tr("Surface z = f(x, y)"))
        self.pt_box.setTitle(self.tr("Point and displacement"))
        self.pad_box.setTitle(self.tr("Drag the displacement Δx = (Δx, Δy)"))
        self.cmp_title.setText(self.tr("Vector form: Δz ≈ ∇z · Δx"))
        self.preset.setToolTip(self.tr("Choose an example surface z = f(x, y)"))
        self.field.edit.setToolTip(self.tr("The surface z = f(x, y); its gradient ∇z = (∂z/∂x, "
                                           "∂z/∂y) gives Δz ≈ ∇z · Δx"))
        tips = {
            "x": self.tr("x of the point (x, y) where ∇z and the tangent plane are evaluated"),
            "y": self.tr("y of the point (x, y) where ∇z and the tangent plane are evaluated"),
            "dx": self.tr("Δx in Δz ≈ ∂z/∂x·Δx + ∂z/∂y·Δy (or drag the purple handle)"),
            "dy": self.tr("Δy in Δz ≈ ∂z/∂x·Δx + ∂z/∂y·Δy (or drag the purple handle)"),
        }
        for k, c in self.ctls.items():
            c.set_tooltip(tips[k])
        if self.gl_view is None:
            self.gl_missing.setText(self.tr("OpenGL is not available: the 3D view is off."))
        self.gl_caption.setText(self.tr("Surface and tangent plane at (x, y): ∇z uphill (green), "
                                        "step Δx (purple), true Δz (red), approximate Δz "
                                        "(blue). Drag to rotate."))
        with QSignalBlocker(self.preset):
            self.preset.clear()
            self.preset.addItem(self.tr("Presets…"))
            for f in VECTOR_PRESETS:
                self.preset.addItem("z = " + parse(f, ("x", "y")).function_text)

    def refresh(self) -> None:
        st = self.st
        self.field.sync(st["f"])
        for k, c in self.ctls.items():
            c.set_value(st[k])
        fo, xs, Z, lo, hi = self.objective()
        n = self.numbers()
        self._updating_handle = True
        try:
            self.pad_handle.setPos(st["dx"], st["dy"])
        finally:
            self._updating_handle = False
        self.pad_delta.setData([0, st["dx"]], [0, st["dy"]])
        gx, gy = n["gx"], n["gy"]
        gl_ = math.hypot(gx, gy)
        if math.isfinite(gl_) and gl_ > 0:
            k = min(1.4, gl_) / gl_
            self.pad_grad.setData([0, gx * k], [0, gy * k])
            self.pad_grad_head.setPos(gx * k, gy * k)
            self.pad_grad_head.setStyle(angle=180 - math.degrees(math.atan2(gy, gx)))
            self.pad_grad_head.show()
        else:
            self.pad_grad.setData([], [])
            self.pad_grad_head.hide()
        self._update_gl(fo, xs, Z, lo, hi, n)
        self._update_text(fo, n)

    def _zd(self, z, lo, hi):
        """Display height of z: lo..hi maps to 0..HEIGHT (see height_range)."""
        span = hi - lo
        with np.errstate(all="ignore"):
            if not (math.isfinite(span) and span > 0):  # never, after height_range
                return np.zeros_like(np.asarray(z, dtype=float))
            return (np.asarray(z, dtype=float) - lo) * (self.HEIGHT / span)

    def _update_gl(self, fo, xs, Z, lo, hi, n) -> None:
        if self.gl_view is None:
            return
        st = self.st
        span = hi - lo
        Zc = np.where(np.isfinite(Z), Z, lo)
        Zc = np.clip(Zc, lo - 0.25 * span, hi + 0.25 * span)
        Zd = self._zd(Zc, lo, hi)
        # colours: viridis by height, shaded by a fixed light
        t = np.clip((Zc - lo) / span, 0, 1)
        cmap = pg.colormap.get("viridis")
        rgba = cmap.map(t.ravel(), mode="float")
        h = xs[1] - xs[0]
        gz_x, gz_y = np.gradient(Zd, h, h)
        nrm = np.stack([-gz_x, -gz_y, np.ones_like(Zd)], axis=-1)
        nrm /= np.linalg.norm(nrm, axis=-1, keepdims=True)
        light = np.array([-0.4, -0.5, 0.77])
        light /= np.linalg.norm(light)
        shade = 0.55 + 0.45 * np.clip(nrm @ light, 0, 1)
        rgba = np.array(rgba, dtype=float)
        rgba[:, :3] *= shade.ravel()[:, None]
        rgba[:, 3] = 1.0
        self.surface.setData(x=xs, y=xs, z=Zd, colors=rgba)
        base = float(np.min(Zd)) - 0.03
        if base != self._base_z:  # the floor grid sits just under the surface
            self.grid.translate(0, 0, base - self._base_z)
            self._base_z = base
        x, y, dx, dy = st["x"], st["y"], st["dx"], st["dy"]
        z0, gx, gy = n["z0"], n["gx"], n["gy"]
        if not all(math.isfinite(v) for v in (z0, gx, gy)):
            self.plane.setVisible(False)
            return
        self.plane.setVisible(True)
        r = 0.75
        px = np.linspace(x - r, x + r, 11)
        py = np.linspace(y - r, y + r, 11)
        PX, PY = np.meshgrid(px, py, indexing="ij")
        PZ = self._zd(tangent_plane(z0, gx, gy, x, y, PX, PY), lo, hi)
        self.plane.setData(x=px, y=py, z=PZ)
        zd0 = float(self._zd(z0, lo, hi))
        zd1 = float(self._zd(n["z1"], lo, hi)) if math.isfinite(n["z1"]) else zd0
        zda = float(self._zd(z0 + n["approx"], lo, hi))
        x1, y1 = x + dx, y + dy
        self.lines["delta"].setData(pos=np.array([[x, y, zd0], [x1, y1, zd0]]))
        self.lines["true"].setData(pos=np.array([[x1, y1, zd0], [x1, y1, zd1]]))
        self.lines["approx"].setData(pos=np.array([[x1 + 0.03, y1 + 0.03, zd0],
                                                   [x1 + 0.03, y1 + 0.03, zda]]))
        # ∇z drawn from the point, uphill along the tangent plane
        g = math.hypot(gx, gy)
        k = min(0.9, g) / g if g > 0 else 0.0
        gx1, gy1 = x + gx * k, y + gy * k
        gz1 = float(self._zd(z0 + (gx * gx + gy * gy) * k, lo, hi))
        self.lines["grad"].setData(pos=np.array([[x, y, zd0], [gx1, gy1, gz1]]))
        self.lines["drop"].setData(pos=np.array([[x, y, self._base_z], [x, y, zd0]]))
        pos = np.array([[x, y, zd0], [x1, y1, zd1], [x1 + 0.03, y1 + 0.03, zda]])
        cols = np.array([pg.mkColor(C_TANGENT).getRgbF(), pg.mkColor(C_TRUE).getRgbF(),
                         pg.mkColor(C_APPROX).getRgbF()])
        self.points.setData(pos=pos, color=cols)

    def _update_text(self, fo, n) -> None:
        st = self.st
        dx, dy = st["dx"], st["dy"]
        true_title = self.tr("True change")
        approx_title = self.tr("Approximation")
        self.true_label.setText(
            f'<p style="color:{C_TRUE}"><b>{esc(true_title)}</b></p>'
            f"<p>Δz = f(x + Δx, y + Δy) − f(x, y)<br>= {fmt(n['z1'])} − {fmt(n['z0'])}"
            f'<br>= <b style="color:{C_TRUE}; font-size:14pt">{fmt(n["true"])}</b></p>')
        self.approx_label.setText(
            f'<p style="color:{C_APPROX}"><b>{esc(approx_title)}</b></p>'
            f"<p>∇z · Δx = ∂z/∂x·Δx + ∂z/∂y·Δy<br>= ({fmt(n['gx'])})({fmt(dx)}) + "
            f"({fmt(n['gy'])})({fmt(dy)})"
            f'<br>= <b style="color:{C_APPROX}; font-size:14pt">{fmt(n["approx"])}</b></p>')
        err = n["true"] - n["approx"]
        px, py = fo.partial_texts
        self.grad_label.setText(
            f'<span style="color:{C_GRAD}"><b>∇z = ({fmt(n["gx"])}, {fmt(n["gy"])})</b></span>'
            f" &nbsp; {esc(px)}, &nbsp; {esc(py)}<br>"
            + esc(self.tr("error = true − approximate = {e}").format(e=fmt(err))))


# ---------------------------------------------------------------------------
# Chain-rule factors of the neuron, derived with sympy from core's activation
# ---------------------------------------------------------------------------
_ACT_SYMBOL = {"sigmoid": "σ", "tanh": "tanh", "relu": "relu", "identity": "a"}
_CHAIN_CACHE: dict[str, dict] = {}


def _flip_sign(e: sp.Expr) -> sp.Expr:
    """−y(y − 1) → y(1 − y): move a leading −1 into an Add factor."""
    if isinstance(e, sp.Mul) and e.could_extract_minus_sign():
        m = -e
        args = list(m.args) if isinstance(m, sp.Mul) else [m]
        for i, f in enumerate(args):
            if isinstance(f, sp.Add):
                args[i] = sp.expand(-f)
                return sp.Mul(*args, evaluate=False)
    return e


def neuron_chain(activation: str) -> dict:
    """Symbolic factors of ∂C/∂p = ∂C/∂y · ∂y/∂z · ∂z/∂p for the neuron.

    ``dy_dz`` is sympy's derivative of core's symbolic activation; ``dy_dz_a`` is
    it written with a(z) where sympy can eliminate z (σ(z)(1 − σ(z)));
    ``dz_dp`` are the derivatives of z = w1·x1 + w2·x2 + b.
    """
    if activation in _CHAIN_CACHE:
        return _CHAIN_CACHE[activation]
    z = sp.Symbol("z", real=True)
    t, y = sp.Symbol("t", real=True), sp.Symbol("y", real=True)
    a = _sym_activation(activation, z)
    d = sp.diff(a, z)
    d_a = d
    name = _ACT_SYMBOL[activation]
    if not isinstance(d, sp.Piecewise) and d.has(z) and not d.has(a):
        # write the derivative with a(z): solve a(z) = A for z and substitute
        A = sp.Symbol("A", positive=True)
        try:
            sols = sp.solve(sp.Eq(a, A), z)
        except NotImplementedError:  # pragma: no cover
            sols = []
        for sol in sols:
            r = sp.factor(sp.simplify(d.subs(z, sol)))
            if not r.has(z):
                d_a = _flip_sign(r).xreplace({A: sp.Function(name)(z)})
                if isinstance(d_a, sp.Mul):  # σ(z)(1 − σ(z)): plain factors first
                    d_a = sp.Mul(*sorted(d_a.args, key=lambda f: isinstance(f, sp.Add)),
                                 evaluate=False)
                break
    cost = sp.Rational(1, 2) * (t - y) ** 2
    dC_dy = sp.Mul(-1, t - y, evaluate=False)  # = y − t, written as in the chapter
    if sp.simplify(sp.diff(cost, y) - dC_dy) != 0:  # pragma: no cover
        dC_dy = sp.diff(cost, y)
    w1, w2, b, x1, x2 = sp.symbols("w1 w2 b x1 x2", real=True)
    zexpr = w1 * x1 + w2 * x2 + b
    out = {"z": z, "a": a, "dy_dz": d, "dy_dz_a": d_a, "dC_dy": dC_dy, "name": name,
           "dz_dp": {"w1": sp.diff(zexpr, w1), "w2": sp.diff(zexpr, w2),
                     "b": sp.diff(zexpr, b)}}
    _CHAIN_CACHE[activation] = out
    return out


def _sym_value(e: sp.Expr, subs: dict) -> float:
    return float(e.xreplace({k: sp.Rational(v) for k, v in subs.items()}).evalf(20))


# ---------------------------------------------------------------------------
# The neuron and backpropagation
# ---------------------------------------------------------------------------
class NeuronSection(Section):
    KEY = "neuron"
    LAYOUT = {  # scene positions
        "w1": (0, 0), "x1": (0, 90), "w2": (0, 210), "x2": (0, 300), "b": (0, 410),
        "p1": (250, 45), "p2": (250, 255), "z": (500, 210), "y": (740, 210),
        "C": (980, 210), "t": (980, 390),
    }
    EDGE_LABEL = {("b", "z"): 0.45}

    def __init__(self, lab: ChainLab):
        super().__init__(lab)
        self.bp_index = 0  # how many backward steps are shown
        controls, col = _controls_column(340)
        self.model_box = QGroupBox()
        form = QFormLayout(self.model_box)
        self.act = QComboBox()
        for a in ACTIVATIONS:
            self.act.addItem(a, a)
        self.act.activated.connect(self._on_activation)
        self.act_label = QLabel()
        form.addRow(self.act_label, self.act)
        self.spins: dict[str, QDoubleSpinBox] = {}
        for k in NEURON_PARAMS:
            s = QDoubleSpinBox()
            s.setRange(-10, 10)
            s.setDecimals(4)
            s.setSingleStep(0.1)
            s.setKeyboardTracking(False)
            s.valueChanged.connect(lambda v, k=k: self._on_param(k, v))
            self.spins[k] = s
            form.addRow(k, s)
        col.addWidget(self.model_box)

        self.bp_box = QGroupBox()
        bl = QVBoxLayout(self.bp_box)
        row = QHBoxLayout()
        self.btn_back = QPushButton()
        self.btn_step = QPushButton()
        self.btn_all = QPushButton()
        self.btn_reset = QPushButton()
        for b in (self.btn_back, self.btn_step, self.btn_all, self.btn_reset):
            row.addWidget(b)
        self.btn_back.setMaximumWidth(44)
        bl.addLayout(row)
        self.btn_back.clicked.connect(self.backprop_back)
        self.btn_step.clicked.connect(self.backprop_step)
        self.btn_all.clicked.connect(self.backpropagate)
        self.btn_reset.clicked.connect(self.reset_backprop)
        self.step_label = rich_label(pt=10)
        self.step_label.setMinimumHeight(110)
        bl.addWidget(self.step_label)
        col.addWidget(self.bp_box)

        self.gd_box = QGroupBox()
        gdl = QVBoxLayout(self.gd_box)
        erow = QHBoxLayout()
        self.eta = QDoubleSpinBox()
        self.eta.setRange(0.0, 10.0)
        self.eta.setDecimals(3)
        self.eta.setSingleStep(0.05)
        self.eta.setKeyboardTracking(False)
        self.eta.valueChanged.connect(
            lambda v: None if self._updating else self.edit({"eta": v}, self.tr("Change η"),
                                                            "eta"))
        erow.addWidget(QLabel("η"))
        erow.addWidget(self.eta, 1)
        self.btn_gd = QPushButton()
        self.btn_gd.setStyleSheet("QPushButton { font-weight: 600; padding: 5px 10px; }")
        self.btn_gd.clicked.connect(self.gd_step)
        erow.addWidget(self.btn_gd)
        gdl.addLayout(erow)
        self.cost_plot = _plot_widget()
        self.cost_plot.setFixedHeight(170)
        cpi = self.cost_plot.getPlotItem()
        cpi.vb.setMouseEnabled(x=False, y=False)
        for ax in ("left", "bottom"):
            cpi.getAxis(ax).enableAutoSIPrefix(False)
        self.cost_curve = cpi.plot(pen=pg.mkPen(C_TRUE, width=2), symbol="o", symbolSize=6,
                                   symbolBrush=C_TRUE, symbolPen=None)
        gdl.addWidget(self.cost_plot)
        col.addWidget(self.gd_box)
        col.addStretch(1)

        # graph
        self.view = GraphView()
        self.view.max_scale = 1.2
        sc = self.view.scene()
        self.nodes = {}
        for k, (x, y) in self.LAYOUT.items():
            big = k in ("p1", "p2", "z", "y", "C")
            self.nodes[k] = GraphNode(sc, k, x, y, 160 if big else 140, 74 if big else 58,
                                      "round" if big else "pill")
        self.graph_edges = {}
        self._edge_list = [("w1", "p1"), ("x1", "p1"), ("w2", "p2"), ("x2", "p2"),
                           ("p1", "z"), ("p2", "z"), ("b", "z"), ("z", "y"), ("y", "C"),
                           ("t", "C")]
        for a, b in self._edge_list:
            self.graph_edges[(a, b)] = GraphEdge(sc, self.nodes[a], self.nodes[b],
                                                 self.EDGE_LABEL.get((a, b), 0.5), (0, -14))

        self.table_card, tl = card()
        self.table_title = _card_title()
        self.table_label = rich_label(pt=10)
        tl.addWidget(self.table_title)
        tl.addWidget(self.table_label)
        self.chain_title = _card_title()
        self.chain_label = rich_label(pt=10)
        tl.addWidget(self.chain_title)
        tl.addWidget(self.chain_label)

        self._assemble(controls, self.view, self.table_card, stretch=(3, 2))
        self._updating = False
        self.retranslate()

    # -- model ------------------------------------------------------------
    def neuron(self) -> Neuron:
        st = self.st
        return Neuron(**{k: st[k] for k in NEURON_PARAMS}, activation=st["activation"])

    def steps(self):
        return self.neuron().backward_steps()

    def shown_adjoints(self) -> dict[str, tuple[float, bool]]:
        """Adjoints visible after ``bp_index`` steps: name → (value, complete)."""
        out: dict[str, tuple[float, bool]] = {}
        for s in self.steps()[:self.bp_index]:
            out[s.node] = (s.adjoint, s.complete)
        return out

    # -- actions ----------------------------------------------------------
    def backprop_step(self) -> None:
        n = len(self.steps())
        if self.bp_index < n:
            self.bp_index += 1
        self.refresh()

    def backprop_back(self) -> None:
        self.bp_index = max(0, self.bp_index - 1)
        self.refresh()

    def backpropagate(self) -> None:
        self.bp_index = len(self.steps())
        self.refresh()

    def reset_backprop(self) -> None:
        self.bp_index = 0
        self.refresh()

    def gd_step(self) -> None:
        nr = self.neuron()
        new = nr.gd_step(self.st["eta"])
        changes = {p: getattr(new, p) for p in Neuron.PARAMETERS}
        changes["history"] = list(self.st["history"]) + [nr.cost]
        self.edit(changes, self.tr("Gradient-descent step"))

    def _on_param(self, k: str, v: float) -> None:
        if self._updating:
            return
        self.edit({k: float(v)}, self.tr("Change {name}").format(name=k), k)

    def _on_activation(self, i: int) -> None:
        a = self.act.itemData(i)
        if a and a != self.st["activation"]:
            self.edit({"activation": a}, self.tr("Choose the activation"))

    # -- view -------------------------------------------------------------
    def retranslate(self) -> None:
        self.model_box.setTitle(self.tr("Neuron y = a(w1·x1 + w2·x2 + b), C = ½(t − y)²"))
        self.act_label.setText(self.tr("activation a"))
        names = {"sigmoid": self.tr("sigmoid σ(z)"), "tanh": self.tr("tanh(z)"),
                 "relu": self.tr("ReLU max(0, z)"), "identity": self.tr("identity z")}
        for i in range(self.act.count()):
            self.act.setItemText(i, names[self.act.itemData(i)])
        self.bp_box.setTitle(self.tr("Backpropagation"))
        self.btn_back.setText("◀")
        self.btn_back.setToolTip(self.tr("One backward step back: hide the last local "
                                         "derivative"))
        self.btn_step.setText(self.tr("Step ▶"))
        self.btn_step.setToolTip(self.tr("Next backward step: multiply in one more local "
                                         "derivative by the chain rule, from C towards w1, w2, "
                                         "b"))
        self.btn_all.setText(self.tr("Backpropagate"))
        self.btn_all.setToolTip(self.tr("Show all backward steps: ∂C/∂w1, ∂C/∂w2 and ∂C/∂b at "
                                        "once"))
        self.btn_reset.setText(self.tr("Reset"))
        self.btn_reset.setToolTip(self.tr("Hide the backward steps and start again from C"))
        self.act.setToolTip(self.tr("Activation function a in y = a(z), z = w1·x1 + w2·x2 + b"))
        spin_tips = {
            "w1": self.tr("Weight w1 in z = w1·x1 + w2·x2 + b"),
            "w2": self.tr("Weight w2 in z = w1·x1 + w2·x2 + b"),
            "b": self.tr("Bias b in z = w1·x1 + w2·x2 + b"),
            "x1": self.tr("Input x1 in z = w1·x1 + w2·x2 + b"),
            "x2": self.tr("Input x2 in z = w1·x1 + w2·x2 + b"),
            "t": self.tr("Target t in the cost C = ½(t − y)²"),
        }
        for k, spin in self.spins.items():
            spin.setToolTip(spin_tips[k])
        self.gd_box.setTitle(self.tr("Gradient descent on w1, w2, b"))
        self.eta.setToolTip(self.tr("Learning rate η in p ← p − η·∂C/∂p for p = w1, w2, b"))
        self.btn_gd.setText(self.tr("Gradient-descent step"))
        self.btn_gd.setToolTip(self.tr("Update w1, w2 and b once, all at the same time: "
                                       "p ← p − η·∂C/∂p"))
        self.table_title.setText(self.tr("∂C/∂parameter: reverse mode, sympy and finite "
                                         "differences"))
        self.chain_title.setText(self.tr("Chain rule: ∂C/∂p = ∂C/∂y · ∂y/∂z · ∂z/∂p, the "
                                         "product of the local derivatives at this point"))
        cpi = self.cost_plot.getPlotItem()
        cpi.setLabel("bottom", self.tr("step"))
        cpi.setLabel("left", "C")

    def refresh(self) -> None:
        st = self.st
        self._updating = True
        try:
            for k, s in self.spins.items():
                s.setValue(st[k])
            self.eta.setValue(st["eta"])
            self.act.setCurrentIndex(self.act.findData(st["activation"]))
        finally:
            self._updating = False
        nr = self.neuron()
        fwd = nr.forward()
        steps = nr.backward_steps()
        self.bp_index = min(self.bp_index, len(steps))
        shown = self.shown_adjoints()
        cur = steps[self.bp_index - 1] if self.bp_index else None
        a_text = {"sigmoid": "σ(z)", "tanh": "tanh(z)", "relu": "relu(z)",
                  "identity": "z"}[st["activation"]]
        titles = {"p1": "p1 = w1·x1", "p2": "p2 = w2·x2", "z": "z = p1 + p2 + b",
                  "y": f"y = {a_text}", "C": "C = ½(t − y)²"}
        for k, node in self.nodes.items():
            title = esc(titles.get(k, k))
            adj = ""
            if k in shown:
                val, complete = shown[k]
                col = "#b03a2e" if complete else "#b9770e"
                adj = (f'<br><span style="color:{col}">∂C/∂{k} = <b>{fmt(val)}</b>'
                       f'{"" if complete else " …"}</span>')
            if k in titles:
                node.set_html(f"<b>{title}</b><br>= {fmt(fwd[k])}{adj}")
            else:
                node.set_html(f"<b>{title}</b> = {fmt(fwd[k])}{adj}")
            if cur is not None and k == cur.node:
                node.set_style("#fff4e0", C_CURRENT, 3)
            elif cur is not None and k == cur.consumer:
                node.set_style("#eaf2fb", C_APPROX, 2.5)
            elif k in shown and shown[k][1]:
                node.set_style("#fdf2f0", "#b03a2e", 1.6)
            elif k in Neuron.PARAMETERS:
                node.set_style("#ffffff", "#1e8449", 2.0)
            else:
                node.set_style("#ffffff", "#5d6d7e", 1.5)
        done_edges = {(s.node, s.consumer): s for s in steps[1:self.bp_index]}
        for (a, b), e in self.graph_edges.items():
            if cur is not None and (a, b) == (cur.node, cur.consumer):
                e.set_style(C_CURRENT, 4)
                e.set_label(f"<b>∂{b}/∂{a} = {fmt(cur.local_derivative)}</b>", C_CURRENT)
            elif (a, b) in done_edges:
                e.set_style("#b03a2e", 2)
                e.set_label(f'<span style="color:#78281f; font-size:8pt">×'
                            f"{fmt(done_edges[(a, b)].local_derivative)}</span>", "#e6b0aa")
            else:
                e.set_style("#7f8c8d", 1.5)
                e.set_label("")
        self.view.fit()
        self.step_label.setText(self._step_html(cur, len(steps)))
        self.table_label.setText(self._table_html(nr))
        self.chain_label.setText(self._chain_html(nr))
        hist = list(st["history"]) + [nr.cost]
        self.cost_curve.setData(np.arange(len(hist)), np.array(hist))
        cpi = self.cost_plot.getPlotItem()
        cpi.setXRange(-0.3, max(5, len(hist) - 1) + 0.3, padding=0)
        top = max((h for h in hist if math.isfinite(h)), default=0.0)
        cpi.setYRange(*safe_range(0, top * 1.1 if top > 0 else 1.0), padding=0)
        self.btn_step.setEnabled(self.bp_index < len(steps))
        self.btn_back.setEnabled(self.bp_index > 0)

    def _step_html(self, cur, total: int) -> str:
        k = self.bp_index
        head = self.tr("Step {k} of {n}").format(k=k, n=total)
        if cur is None:
            return esc(self.tr("Press “Step ▶” to walk backwards through the graph, one edge "
                               "at a time, or “Backpropagate” to fill in every ∂C/∂node."))
        if cur.consumer is None:
            body = self.tr("Start at the output: ∂C/∂C = 1.")
            return f"<b>{esc(head)}</b><br>{esc(body)}"
        n, c = cur.node, cur.consumer
        state = self.tr("complete") if cur.complete else self.tr("partial: more paths to add")
        edge = self.tr("edge {a} → {b}").format(a=n, b=c)
        local = self.tr("local derivative")
        return (f"<b>{esc(head)}</b> — {esc(edge)}<br>"
                f"{esc(local)}: {esc(cur.local_formula)} = "
                f"<b>{fmt(cur.local_derivative)}</b><br>"
                f"∂C/∂{n} += ∂C/∂{c} × ∂{c}/∂{n} = {fmt(cur.upstream)} × "
                f"{fmt(cur.local_derivative)} = <b>{fmt(cur.product)}</b><br>"
                f'∂C/∂{n} = <b style="color:#b03a2e">{fmt(cur.adjoint)}</b> ({esc(state)})')

    def _dy_dz_text(self, e: sp.Expr) -> str:
        if isinstance(e, sp.Piecewise) and len(e.args) == 2 and e.args[1].cond == sp.true:
            (lo, cond), (hi, _) = e.args
            return self.tr("{a} if {cond} else {b}").format(
                a=expr_text(hi), cond=expr_text(sp.Not(cond)), b=expr_text(lo))
        return expr_text(e)

    def chain_factors(self, nr: Neuron) -> dict[str, tuple[float, float, float]]:
        """(∂C/∂y, ∂y/∂z, ∂z/∂p) at the neuron's point for p = w1, w2, b."""
        ch = neuron_chain(nr.activation)
        fwd = nr.forward()
        dC_dy = _sym_value(ch["dC_dy"], {sp.Symbol("t", real=True): nr.t,
                                          sp.Symbol("y", real=True): fwd["y"]})
        dy_dz = _sym_value(ch["dy_dz"], {ch["z"]: fwd["z"]})
        out = {}
        for p, e in ch["dz_dp"].items():
            out[p] = (dC_dy, dy_dz,
                      _sym_value(e, {s: getattr(nr, s.name) for s in e.free_symbols}))
        return out

    def _chain_html(self, nr: Neuron) -> str:
        ch = neuron_chain(nr.activation)
        d, d_a = ch["dy_dz"], ch["dy_dz_a"]
        name = ch["name"]
        dy = self._dy_dz_text(d_a)
        if isinstance(d_a, (sp.Add, sp.Piecewise)):
            dy = f"({dy})"
        # how ∂y/∂z was found: sympy's derivative of y = a(z), then in terms of a(z)
        if nr.activation == "identity":
            legend = f"y = z, ∂y/∂z = {expr_text(d)}"
        else:
            forms = [f"{name}′(z)", self._dy_dz_text(d)]
            if d_a is not d:
                forms.append(self._dy_dz_text(d_a))
            legend = (f"y = {name}(z) = {self._dy_dz_text(ch['a'])}, ∂y/∂z = "
                      + " = ".join(forms))
        rows = [f'<p style="color:#34495e">{esc(legend)}</p>',
                '<table cellspacing="0" cellpadding="3">']
        dC = expr_text(ch["dC_dy"])
        for p, (f1, f2, f3) in self.chain_factors(nr).items():
            dz = expr_text(ch["dz_dp"][p])
            rows.append(
                f'<tr><td><b>∂C/∂{p}</b> = ∂C/∂y · ∂y/∂z · ∂z/∂{p}</td>'
                f"<td>= {esc(dC)} · {esc(dy)} · {esc(dz)}</td>"
                f"<td>= {fmt(f1)} × {fmt(f2)} × {fmt(f3)}</td>"
                f'<td>= <b style="color:#b03a2e">{fmt(f1 * f2 * f3)}</b></td></tr>')
        rows.append("</table>")
        return "".join(rows)

    def _table_html(self, nr: Neuron) -> str:
        adj = nr.backward()
        sym = symbolic_gradient(nr)
        eta = self.st["eta"]
        h = 1e-6
        head = [self.tr("parameter"), self.tr("reverse mode"), self.tr("sympy"),
                self.tr("finite difference"), "−η·∂C/∂p"]
        out = ['<table cellspacing="0" cellpadding="4" width="100%"><tr>']
        out += [f'<th align="right" style="color:#5d6d7e">{esc(t)}</th>' for t in head]
        out.append("</tr>")
        for p in ("w1", "w2", "b", "x1", "x2"):
            v = getattr(nr, p)
            fd = (replace(nr, **{p: v + h}).cost - replace(nr, **{p: v - h}).cost) / (2 * h)
            upd = fmt(-eta * adj[p]) if p in Neuron.PARAMETERS else "—"
            ok = abs(adj[p] - sym[p]) <= 1e-12 * max(1.0, abs(sym[p]))
            out.append(f'<tr><td align="right"><b>∂C/∂{p}</b></td>'
                       f'<td align="right">{fmt(adj[p], 10)}</td>'
                       f'<td align="right">{fmt(sym[p], 10)} {"✔" if ok else "✘"}</td>'
                       f'<td align="right">{fmt(fd, 7)}</td><td align="right">{upd}</td></tr>')
        out.append("</table>")
        fwd = nr.forward()
        if nr.activation == "relu" and fwd["z"] == 0:
            # the columns disagree at the kink: say why instead of leaving a bare ✘
            out.append('<p style="color:#9a5b00">' + esc(self.tr(
                "z = 0 is the kink of ReLU: max(0, z) has no derivative there. Backpropagation "
                "and sympy both take relu′(0) = 0 (the usual convention), while the central "
                "finite difference averages the slopes 0 and 1 of both sides (½). Move z away "
                "from 0 and all three agree.")) + "</p>")
        out.append("<p>" + esc(self.tr("C = {c}, y = {y}, target t = {t}").format(
            c=fmt(fwd["C"], 8), y=fmt(fwd["y"]), t=fmt(nr.t))) + "</p>")
        return "".join(out)


# ---------------------------------------------------------------------------
# The lab
# ---------------------------------------------------------------------------
class _SectionSetter:
    """A bound ``set`` per section (SetValueCommand merges bound methods)."""

    def __init__(self, lab: ChainLab, section: str):
        self.lab, self.section = lab, section

    def set(self, value: dict) -> None:  # noqa: A003
        self.lab._apply(self.section, value)


class ChainLab(QWidget):
    NAME = "chain"

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.state = copy.deepcopy(DEFAULT_STATE)
        self._setters = {s: _SectionSetter(self, s) for s in SECTIONS}
        self.nav = QListWidget()
        self.nav.setFixedWidth(200)
        self.nav.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.nav.setStyleSheet(
            "QListWidget { border: none; background: #eef2f7; font-size: 11pt; "
            "padding-top: 8px; }"
            "QListWidget::item { padding: 12px 10px; border-radius: 6px; margin: 2px 6px; "
            "color: #2c3e50; }"
            "QListWidget::item:selected { background: #1f4e79; color: white; }"
            "QListWidget::item:hover:!selected { background: #dde5ef; }")
        for _ in SECTIONS:
            self.nav.addItem("")
        self.stack = QStackedWidget()
        self.sections: dict[str, Section] = {
            "single": SingleSection(self),
            "multi": MultiSection(self),
            "vector": VectorSection(self),
            "neuron": NeuronSection(self),
        }
        for s in SECTIONS:
            self.stack.addWidget(self.sections[s])
        self.nav.currentRowChanged.connect(self._on_nav)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.nav)
        lay.addWidget(self.stack, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.retranslate()
        for s in SECTIONS:
            self.sections[s].refresh()
        self.show_section(self.state["section"])
        session.register(self.NAME, self.get_state, self.set_state)

    # -- public API -------------------------------------------------------
    def title(self) -> str:
        return self.tr("Chain Rule")

    def show_section(self, name: str) -> None:
        if name not in SECTIONS:
            raise ValueError(f"unknown section {name!r}; expected one of {SECTIONS}")
        self.state["section"] = name
        self.nav.setCurrentRow(SECTIONS.index(name))
        self.stack.setCurrentIndex(SECTIONS.index(name))

    def current_section(self) -> str:
        return SECTIONS[self.stack.currentIndex()]

    def set_single(self, f_text: str, g_text: str) -> None:
        """Set y = f(u) and u = g(x) (raises ExpressionError for bad text)."""
        parse(f_text, ("u",))
        parse(g_text, ("x",))
        self.edit("single", {"f": f_text, "g": g_text}, self.tr("Set the functions"))

    def set_x(self, x: float) -> None:
        self.edit("single", {"x": float(x)}, self.tr("Move x"), "x")

    def set_dx(self, dx: float) -> None:
        self.edit("single", {"dx": float(dx)}, self.tr("Change Δx"), "dx")

    def set_multi(self, f_text: str, u_text: str, v_text: str) -> None:
        parse(f_text, ("u", "v"))
        parse(u_text, ("x", "y"))
        parse(v_text, ("x", "y"))
        self.edit("multi", {"f": f_text, "u": u_text, "v": v_text}, self.tr("Set the functions"))

    def set_point(self, x: float, y: float) -> None:
        self.edit("multi", {"x": float(x), "y": float(y)}, self.tr("Move the point"))

    def set_neuron(self, **params) -> None:
        bad = set(params) - set(NEURON_PARAMS) - {"activation", "eta"}
        if bad:
            raise ValueError(f"unknown neuron parameters {sorted(bad)}")
        self.edit("neuron", params, self.tr("Change the neuron"))

    def backprop_step(self) -> None:
        self.sections["neuron"].backprop_step()

    def backpropagate(self) -> None:
        self.sections["neuron"].backpropagate()

    def gd_step(self) -> None:
        self.sections["neuron"].gd_step()

    # -- state ------------------------------------------------------------
    def edit(self, section: str, changes: dict, text: str, merge_key: str | None = None) -> None:
        old = copy.deepcopy(self.state[section])
        new = copy.deepcopy(old)
        new.update(changes)
        if section == "neuron" and "history" not in changes and any(
                k in changes for k in NEURON_PARAMS + ("activation",)):
            new["history"] = []
        if new == old:
            return
        mid = merge_id(section, merge_key) if merge_key else -1
        self.session.push(SetValueCommand(self._setters[section].set, old, new, text, mid,
                                          report=self.session.status.emit))

    def _apply(self, section: str, value: dict) -> None:
        self.state[section] = copy.deepcopy(value)
        sec = self.sections[section]
        if section == "neuron" and sec.bp_index < len(sec.steps()):
            sec.bp_index = 0
        sec.refresh()
        self.session.changed.emit()

    def get_state(self) -> dict:
        return copy.deepcopy(self.state)

    def set_state(self, state: dict) -> None:
        new = copy.deepcopy(DEFAULT_STATE)
        for s in SECTIONS:
            part = state.get(s)
            if isinstance(part, dict):
                for k, v in part.items():
                    if k in new[s] and isinstance(v, type(new[s][k])) or (
                            k in new[s] and isinstance(new[s][k], float)
                            and isinstance(v, int)):
                        new[s][k] = v
        # fall back to defaults for texts that do not parse
        checks = {"single": {"f": ("u",), "g": ("x",)},
                  "multi": {"f": ("u", "v"), "u": ("x", "y"), "v": ("x", "y")},
                  "vector": {"f": ("x", "y")}}
        for s, fields in checks.items():
            for k, variables in fields.items():
                try:
                    parse(new[s][k], variables)
                except ExpressionError:
                    new[s][k] = DEFAULT_STATE[s][k]
        if new["neuron"]["activation"] not in ACTIVATIONS:
            new["neuron"]["activation"] = "sigmoid"
        if new["multi"]["wrt"] not in ("x", "y"):
            new["multi"]["wrt"] = "x"
        self.state = new
        for s in SECTIONS:
            self.sections[s].refresh()
        section = state.get("section")
        self.show_section(section if section in SECTIONS else "single")

    # -- view -------------------------------------------------------------
    def _on_nav(self, row: int) -> None:
        if 0 <= row < len(SECTIONS):
            self.state["section"] = SECTIONS[row]
            self.stack.setCurrentIndex(row)

    def retranslate(self) -> None:
        names = {"single": self.tr("1.2  Single variable"),
                 "multi": self.tr("1.3  Several variables"),
                 "vector": self.tr("1.4  Vector form"),
                 "neuron": self.tr("Neuron & backprop")}
        for i, s in enumerate(SECTIONS):
            self.nav.item(i).setText(names[s])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
