"""Computational graphs drawn on a QGraphicsScene: rounded nodes, arrows with a
label, and a view that keeps its scene fitted (sections 1.3 and the neuron).

The graphs follow the theme (like the cards): their colours are chain roles,
given by role name.  The sections set every node's and edge's style and text
again when they redraw (on a palette change too); the view's background and the
texts' base colour are asked again here."""
from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsTextItem,
    QGraphicsView,
    QWidget,
)

from gui import theme
from gui.labs.chain.widgets import math_font
from gui.theme import zoom


def _qc(role: str, alpha: float = 1.0) -> QColor:
    return theme.qcolour(role, alpha)


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
        self.text.setDefaultTextColor(_qc("chain.card.text"))
        self.text.setFont(math_font(pt, zoomed=False))
        self.set_style("chain.node.fill", "chain.node.border", 1.5)

    @property
    def center(self) -> QPointF:
        return self.box.pos()

    def set_html(self, body: str) -> None:
        self.text.setDefaultTextColor(_qc("chain.card.text"))
        self.text.setHtml(f'<div align="center">{body}</div>')
        hgt = self.text.boundingRect().height()
        self.text.setPos(-self.w / 2 + 3, -hgt / 2)

    def set_style(self, fill: str, border: str, width: float = 1.5) -> None:
        """Fill and border colours by role name."""
        self.box.setBrush(QBrush(_qc(fill)))
        self.box.setPen(QPen(_qc(border), width))

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
        self.label.setFont(math_font(pt, zoomed=False))
        scene.addItem(self.label)
        self.anchor = QPointF(p0.x() + d.x() * label_at + label_offset[0],
                              p0.y() + d.y() * label_at + label_offset[1])
        self.set_style("chain.muted", 1.5)

    def set_style(self, colour: str, width: float = 1.5, dashed: bool = False) -> None:
        """The arrow's colour by role name."""
        c = _qc(colour)
        pen = QPen(c, width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.line.setPen(pen)
        self.head.setPen(QPen(c, 1))
        self.head.setBrush(QBrush(c))

    def set_label(self, body: str, border: str = "chain.edge.border") -> None:
        if not body:
            self.label.hide()
            self.label_bg.hide()
            return
        self.label.setTextWidth(-1)
        self.label.setDefaultTextColor(_qc("chain.card.text"))
        self.label.setHtml(f'<div align="center">{body}</div>')
        self.label.setTextWidth(self.label.document().idealWidth() + 2)
        r = self.label.boundingRect()
        self.label.setPos(self.anchor.x() - r.width() / 2, self.anchor.y() - r.height() / 2)
        path = QPainterPath()
        path.addRoundedRect(QRectF(self.anchor.x() - r.width() / 2 + 2,
                                   self.anchor.y() - r.height() / 2 + 2,
                                   r.width() - 4, r.height() - 4), 6, 6)
        self.label_bg.setPath(path)
        self.label_bg.setBrush(QBrush(_qc("chain.edge.label", 235 / 255)))
        self.label_bg.setPen(QPen(_qc(border), 1))
        self.label.show()
        self.label_bg.show()


class GraphView(QGraphicsView):
    """A QGraphicsView that keeps its scene fitted: at most ``max_scale`` times the
    zoom (View → Zoom makes the graph and its text larger as a whole)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setBackgroundBrush(QBrush(_qc("chain.graph.background")))
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
        s = min(sx, sy, self.max_scale * zoom.factor())
        self.scale(s, s)
        self.centerOn(rect.center())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.fit()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.fit()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.FontChange:  # the zoom changed
            self.setMinimumHeight(round(260 * zoom.factor()))
            self.fit()
        elif event.type() in (QEvent.Type.PaletteChange,
                              QEvent.Type.ApplicationPaletteChange):
            self.setBackgroundBrush(QBrush(_qc("chain.graph.background")))
        super().changeEvent(event)
