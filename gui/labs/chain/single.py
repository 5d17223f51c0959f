"""Section 1.2 — y = f(u), u = g(x): dy/dx = dy/du · du/dx, the tangent line of
f∘g and the approximation f(x + Δx) ≈ f(x) + f′(x)·Δx."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout

from core.chain import single_chain
from core.chain_extra import expr_text, linear_change, tangent_line
from core.expression import parse
from gui import theme
from gui.labs.chain.section import Section
from gui.labs.chain.widgets import (
    ExprField,
    NumberControl,
    card,
    card_title,
    controls_column,
    esc,
    fill_presets,
    fmt,
    hint_css,
    is_dragged,
    on_card,
    paren,
    plot_widget,
    preset_group,
    rich_label,
)
from gui.text import view_text as vt
from gui.theme import zoom
from gui.views.a11y import set_view_text
from gui.views.ranges import safe_range

SINGLE_PRESETS = (
    ("u^2", "3x + 1"),
    ("sigmoid(u)", "2x - 1"),
    ("sin(u)", "x^2"),
    ("exp(u)", "sin(x)"),
    ("ln(u)", "x^2 + 1"),
    ("sqrt(u)", "x^2 + 1"),
    ("tanh(u)", "3x"),
)


class SingleSection(Section):
    KEY = "single"
    X_RANGE = (-2.5, 2.5)

    def __init__(self, lab):
        super().__init__(lab)
        self._cache: dict = {}
        self._y_range_key = None
        controls, col = controls_column()

        self.fn_box, fl, self.preset = preset_group()
        self.preset.activated.connect(self._on_preset)
        self.f_field = ExprField(("u",))
        self.g_field = ExprField(("x",))
        self.f_field.prefix.setText("y = f(u) =")
        self.g_field.prefix.setText("u = g(x) =")
        fl.addWidget(self.f_field)
        fl.addWidget(self.g_field)
        self.fn_hint = QLabel()
        self.fn_hint.setWordWrap(True)
        fl.addWidget(self.fn_hint)
        self.f_field.accepted.connect(
            lambda t: self.edit({"f": t}, self.tr("Edit y = f(u)"), merge=True))
        self.g_field.accepted.connect(
            lambda t: self.edit({"g": t}, self.tr("Edit u = g(x)"), merge=True))
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
        pl.addWidget(self.drag_hint)
        self.x_ctl.edited.connect(lambda v, _d: self.edit({"x": v}, self.tr("Move x"), True))
        self.dx_ctl.edited.connect(
            lambda v, _d: self.edit({"dx": v}, self.tr("Change Δx"), True))
        col.addWidget(self.pt_box)

        self.approx_box = QGroupBox()
        al = QVBoxLayout(self.approx_box)
        self.approx_label = rich_label(pt=10)
        al.addWidget(self.approx_label)
        col.addWidget(self.approx_box)
        col.addStretch(1)

        # plot (items made once; their colours are set by recolour)
        self.plot = plot_widget()
        pi = self.plot.getPlotItem()
        pi.setLabel("bottom", "x")
        self.curve = pi.plot(connect="finite")
        self.tangent = pi.plot()
        self.dx_seg = pi.plot()
        self.true_seg = pi.plot()
        self.approx_seg = pi.plot()
        self.ends = pg.ScatterPlotItem(size=9)
        pi.addItem(self.ends)
        self.point = pg.TargetItem(pos=(0, 0), size=16, symbol="o", movable=True)
        self.point.setZValue(10)
        pi.addItem(self.point)
        self.point.sigPositionChanged.connect(self._on_point_dragged)
        self.point.sigPositionChangeFinished.connect(self._on_point_dropped)
        self.legend = pi.addLegend(offset=(10, 10))
        pi.scene().sigMouseClicked.connect(self._on_plot_click)
        pi.setXRange(self.X_RANGE[0] - 0.3, self.X_RANGE[1] + 0.3, padding=0)
        pi.vb.setMouseEnabled(x=False, y=False)

        self.deriv_card, dl = card()
        self.deriv_title = card_title()
        self.card_titles = (self.deriv_title,)
        self.deriv_label = rich_label(pt=11)
        dl.addWidget(self.deriv_title)
        dl.addWidget(self.deriv_label)

        self._assemble(controls, self.plot, self.deriv_card, stretch=(3, 2))
        self._updating_point = False
        self._recolour_items()
        self.retranslate()
        self.built = True

    # -- results (computed from the state) ---------------------------------
    def chain(self):
        key = (self.st.f, self.st.g)
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
        return self.chain()[2].at(self.st.x)

    # -- events -----------------------------------------------------------
    def _on_preset(self, i: int) -> None:
        i -= 1  # index 0 is the "Presets…" placeholder
        if 0 <= i < len(SINGLE_PRESETS):
            f, g = SINGLE_PRESETS[i]
            self.edit({"f": f, "g": g}, self.tr("Choose a preset"))

    def _on_point_dragged(self) -> None:
        """The orange point moved: live while the mouse drags it (one undo entry on
        release), at once when it is moved otherwise."""
        if self._updating_point:
            return
        x = round(float(np.clip(self.point.pos().x(), *self.X_RANGE)), 3)
        if is_dragged(self.point):
            self.model.preview({"single": {"x": x}})
        else:
            self.edit({"x": x}, self.tr("Move x"))
        self._snap_point()

    def _on_point_dropped(self) -> None:
        self.model.commit_preview(self.tr("Move x"), self.lab.session.push,
                                  self.lab.session.status.emit)

    def _snap_point(self) -> None:
        """Keep the draggable point on the curve at the model's x."""
        x0 = self.st.x
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
        self.edit({"x": round(x, 3)}, self.tr("Move x"))

    # -- view -------------------------------------------------------------
    def _recolour_items(self) -> None:
        c = theme.colour
        self.curve.setPen(pg.mkPen(c("chain.curve"), width=zoom.line(2.5)))
        self.tangent.setPen(pg.mkPen(c("chain.tangent"), width=zoom.line(2),
                                     style=Qt.PenStyle.DashLine))
        self.dx_seg.setPen(pg.mkPen(c("chain.delta"), width=zoom.line(2)))
        self.true_seg.setPen(pg.mkPen(c("chain.true"), width=zoom.line(3)))
        self.approx_seg.setPen(pg.mkPen(c("chain.approx"), width=zoom.line(3)))
        self.ends.setPen(pg.mkPen(c("chain.marker.edge"), width=zoom.line(1)))
        self.point.setPen(pg.mkPen(c("chain.marker.edge"), width=zoom.line(2)))
        self.point.setBrush(pg.mkBrush(c("chain.tangent")))
        self.point.setHoverBrush(pg.mkBrush(c("chain.tangent.hover")))
        self.legend.setLabelTextColor(c("chain.legend.text"))
        self.legend.setBrush(pg.mkBrush(theme.qcolour("chain.legend.background", 220 / 255)))
        self.legend.setPen(pg.mkPen(c("chain.legend.border")))
        self.fn_hint.setStyleSheet(hint_css())
        self.drag_hint.setStyleSheet(hint_css())

    def _set_title(self) -> None:
        self.plot.getPlotItem().setTitle(self.tr("y = f(g(x)) and its tangent line at x"),
                                         color=theme.colour("chain.legend.text"), size="11pt")

    def recolour(self) -> None:
        super().recolour()
        self._recolour_items()
        self._set_title()

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
        fill_presets(self.preset, self.tr("Presets…"),
                     [f"y = {parse(f, ('u',)).function_text},  "
                      f"u = {parse(g, ('x',)).function_text}" for f, g in SINGLE_PRESETS],
                     keep=True)
        pi = self.plot.getPlotItem()
        self._set_title()
        pi.setLabel("left", "y")
        self.legend.clear()
        self.legend.addItem(self.curve, "y = f(g(x))")
        self.legend.addItem(self.tangent, self.tr("tangent line, slope dy/dx"))
        self.legend.addItem(self.true_seg, self.tr("true change Δy"))
        self.legend.addItem(self.approx_seg, self.tr("approximate change f′(x)·Δx"))

    def refresh(self) -> None:
        st = self.st
        self.f_field.sync(st.f)
        self.g_field.sync(st.g)
        self.x_ctl.set_value(st.x)
        self.dx_ctl.set_value(st.dx)
        fo, go, ch = self.chain()
        v = ch.at(st.x)
        x0, dx = st.x, st.dx
        # plot
        xs = np.linspace(self.X_RANGE[0] - 0.3, self.X_RANGE[1] + 0.3, 601)
        y0, slope = v.y, v.dy_dx
        y1 = float(self.F(x0 + dx))
        pi = self.plot.getPlotItem()
        key = (st.f, st.g)
        if key != self._y_range_key:  # the curve and its range: only for new functions
            self._y_range_key = key
            ys = self.F(xs)
            self.curve.setData(xs, ys)
            fin = ys[np.isfinite(ys)]
            if fin.size:
                lo, hi = (float(q) for q in np.percentile(fin, [1, 99]))
                if not hi > lo:
                    lo, hi = lo - 1, hi + 1
                pad = 0.24 * (hi / 2 - lo / 2)  # halves: ±1.7e308 has no finite width
                pi.setYRange(*safe_range(lo - pad, hi + pad), padding=0)
        change = linear_change(y0, y1, slope, dx)
        if math.isfinite(y0) and math.isfinite(slope):
            self.tangent.setData(xs, tangent_line(x0, y0, slope, xs))
            approx = change.approx
            self.dx_seg.setData([x0, x0 + dx], [y0, y0])
            self.true_seg.setData([x0 + dx, x0 + dx], [y0, y1] if math.isfinite(y1) else [])
            off = 0.012 * (self.X_RANGE[1] - self.X_RANGE[0]) * (1 if dx >= 0 else -1)
            self.approx_seg.setData([x0 + dx + off, x0 + dx + off], [y0, y0 + approx])
            self.ends.setData([x0 + dx, x0 + dx + off], [y1, y0 + approx],
                              brush=[pg.mkBrush(theme.colour("chain.true")),
                                     pg.mkBrush(theme.colour("chain.approx"))])
        else:
            for item in (self.tangent, self.dx_seg, self.true_seg, self.approx_seg):
                item.setData([], [])
            self.ends.setData([], [])
        self._snap_point()
        self.deriv_label.setText(self._deriv_html(fo, go, ch, v))
        self.approx_label.setText(self._approx_html(change))
        name = self.tr("Graph of y = f(g(x)) with its tangent")
        set_view_text(self.plot, name, vt.sentence(name, [
            f"f(u) = {st.f}", f"g(x) = {st.g}",
            vt.at(vt.eq("x", x0), vt.join([vt.eq("y", y0), vt.eq("dy/dx", slope)])),
            vt.eq("Δx", dx), vt.changes(change.true, change.approx)]))

    def _deriv_html(self, fo, go, ch, v) -> str:
        dy_du = expr_text(ch.dy_du)
        du_dx = expr_text(ch.du_dx)
        dy_du_x = expr_text(ch.dy_du_x)
        direct = expr_text(ch.dy_dx_direct)
        cu, cv = on_card("chain.path.u"), on_card("chain.path.v")
        rows = [
            ("u = g(x)", esc(go.function_text), fmt(v.u)),
            ("y = f(u)", esc(fo.function_text), fmt(v.y)),
            ("dy/du", f'<span style="color:{cu}">{esc(dy_du)}</span>',
             f'<span style="color:{cu}">{fmt(v.dy_du)}</span>'),
            ("du/dx", f'<span style="color:{cv}">{esc(du_dx)}</span>',
             f'<span style="color:{cv}">{fmt(v.du_dx)}</span>'),
            ("dy/dx = dy/du · du/dx",
             f'<span style="color:{cu}">{esc(paren(dy_du_x))}</span> · '
             f'<span style="color:{cv}">{esc(paren(du_dx))}</span>',
             f'<span style="color:{cu}">{fmt(v.dy_du)}</span> × '
             f'<span style="color:{cv}">{fmt(v.du_dx)}</span> = '
             f"<b>{fmt(v.dy_dx)}</b>"),
        ]
        ok = (math.isfinite(v.dy_dx) and math.isfinite(v.dy_dx_direct)
              and abs(v.dy_dx - v.dy_dx_direct) <= 1e-9 * max(1.0, abs(v.dy_dx)))
        check = "✔" if ok else "✘"
        rows.append((self.tr("direct: d/dx f(g(x))"), esc(direct),
                     f"{fmt(v.dy_dx_direct)} {check}"))
        head = self.tr("at x = {x}").format(x=fmt(self.st.x))
        formula = self.tr("formula")
        dim = on_card("chain.card.dim")
        out = [f'<table cellspacing="0" cellpadding="4" width="100%">'
               f'<tr><td></td><td style="color:{dim}">{esc(formula)}</td>'
               f'<td style="color:{dim}">{esc(head)}</td></tr>']
        for name, sym, num in rows:
            out.append(f'<tr><td><b>{esc(name)}</b></td><td>= {sym}</td>'
                       f'<td align="right">= {num}</td></tr>')
        out.append("</table>")
        note = None
        if v.status == "overflow":
            note = self.tr("The values at this x are too large for floating-point numbers "
                           "(beyond about 10³⁰⁸).")
        elif not math.isfinite(v.y):
            note = self.tr("f(g(x)) is undefined at this x.")
        if note:
            out.append(f'<p style="color:{on_card("chain.card.true")}">{esc(note)}</p>')
        return "".join(out)

    def _approx_html(self, change) -> str:
        # the approximation box is on the window background: colours follow the theme
        c = theme.colour
        rel = change.relative
        rows = [
            ("Δx", fmt(change.dx), c("chain.delta")),
            (self.tr("true change f(x+Δx) − f(x)"), fmt(change.true), c("chain.true")),
            (self.tr("approximate change f′(x)·Δx"), fmt(change.approx), c("chain.approx")),
            (self.tr("error"), fmt(change.error), c("chain.legend.text")),
            (self.tr("relative error"), (fmt(100 * rel, 3) + " %") if math.isfinite(rel) else "—",
             c("chain.hint")),
        ]
        out = ['<table cellspacing="0" cellpadding="3" width="100%">']
        for name, val, colour in rows:
            out.append(f'<tr><td style="color:{colour}">{esc(name)}</td>'
                       f'<td align="right" style="color:{colour}"><b>{val}</b></td></tr>')
        out.append(f"</table><p style='color:{c('chain.hint')}'>"
                   + esc(self.tr("Make Δx smaller: the error shrinks like Δx².")) + "</p>")
        return "".join(out)
