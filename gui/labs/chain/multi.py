"""Section 1.3 — z = f(u, v), u = u(x, y), v = v(x, y) as a computational graph:
the paths that contribute to ∂z/∂x (or ∂z/∂y) are highlighted and summed, and
checked against direct differentiation."""
from __future__ import annotations

import math

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QButtonGroup, QGroupBox, QRadioButton, QVBoxLayout

from core.chain import two_path_chain
from core.chain_extra import expr_text
from core.expression import parse
from gui import theme
from gui.labs.chain.graph import GraphEdge, GraphNode, GraphView
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
    on_card,
    preset_group,
    rich_label,
)
from gui.text import view_text as vt
from gui.views.a11y import set_view_text

MULTI_PRESETS = (
    ("u^2 + v^2", "x + y", "x - y"),
    ("u·v", "x^2 + y", "x - 2y"),
    ("exp(u)·sin(v)", "x·y", "x + y"),
    ("sigmoid(u + v)", "2x - y", "x·y"),
    ("ln(u^2 + v^2 + 1)", "x·y", "x^2 - y"),
)


class MultiSection(Section):
    KEY = "multi"

    def __init__(self, lab):
        super().__init__(lab)
        self._cache: dict = {}
        controls, col = controls_column()
        self.fn_box, fl, self.preset = preset_group()
        self.fields = {"f": ExprField(("u", "v")), "u": ExprField(("x", "y")),
                       "v": ExprField(("x", "y"))}
        self.fields["f"].prefix.setText("z = f(u, v) =")
        self.fields["u"].prefix.setText("u(x, y) =")
        self.fields["v"].prefix.setText("v(x, y) =")
        for k, fld in self.fields.items():
            fl.addWidget(fld)
            fld.accepted.connect(lambda t, k=k: self.edit({k: t}, self._edit_text(k), True))
        col.addWidget(self.fn_box)

        self.pt_box = QGroupBox()
        pl = QVBoxLayout(self.pt_box)
        self.x_ctl = NumberControl(-3, 3, 0.01, 3, (-50, 50))
        self.y_ctl = NumberControl(-3, 3, 0.01, 3, (-50, 50))
        self.x_ctl.label.setText("x")
        self.y_ctl.label.setText("y")
        pl.addWidget(self.x_ctl)
        pl.addWidget(self.y_ctl)
        self.x_ctl.edited.connect(lambda v, _d: self.edit({"x": v}, self.tr("Move x"), True))
        self.y_ctl.edited.connect(lambda v, _d: self.edit({"y": v}, self.tr("Move y"), True))
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
        self.sum_title = card_title()
        self.card_titles = (self.sum_title,)
        self.sum_label = rich_label(pt=13)
        sl.addWidget(self.sum_title)
        sl.addWidget(self.sum_label)
        self._assemble(controls, self.view, self.sum_card, stretch=(3, 2))
        self.preset.activated.connect(self._on_preset)
        self.retranslate()
        self.built = True

    def _edit_text(self, k: str) -> str:
        return {"f": self.tr("Edit z = f(u, v)"), "u": self.tr("Edit u(x, y)"),
                "v": self.tr("Edit v(x, y)")}[k]

    def _on_preset(self, i: int) -> None:
        i -= 1
        if 0 <= i < len(MULTI_PRESETS):
            f, u, v = MULTI_PRESETS[i]
            self.edit({"f": f, "u": u, "v": v}, self.tr("Choose a preset"))

    # -- results (computed from the state) ---------------------------------
    def chain(self):
        key = (self.st.f, self.st.u, self.st.v)
        if key not in self._cache:
            fo = parse(key[0], ("u", "v"))
            uo = parse(key[1], ("x", "y"))
            vo = parse(key[2], ("x", "y"))
            ch = two_path_chain(fo.expression, uo.expression, vo.expression)
            self._cache = {key: (fo, uo, vo, ch)}
        return self._cache[key]

    def values(self):
        return self.chain()[3].at(self.st.x, self.st.y)

    # -- view -------------------------------------------------------------
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
        self._legend()
        fill_presets(self.preset, self.tr("Presets…"),
                     [f"z = {parse(f, ('u', 'v')).function_text},  "
                      f"u = {parse(u, ('x', 'y')).function_text},  "
                      f"v = {parse(v, ('x', 'y')).function_text}" for f, u, v in MULTI_PRESETS])

    def _legend(self) -> None:
        self.legend_label.setText(
            f'<span style="color:{theme.colour("chain.path.u")}">━━</span> '
            + esc(self.tr("path through u"))
            + f'<br><span style="color:{theme.colour("chain.path.v")}">━━</span> '
            + esc(self.tr("path through v"))
            + f'<br><span style="color:{theme.colour("chain.muted")}">━━</span> '
            + esc(self.tr("does not contribute")))

    def recolour(self) -> None:
        super().recolour()
        self._legend()

    def refresh(self) -> None:
        st = self.st
        for k, fld in self.fields.items():
            fld.sync(getattr(st, k))
        self.x_ctl.set_value(st.x)
        self.y_ctl.set_value(st.y)
        with QSignalBlocker(self.wrt_x), QSignalBlocker(self.wrt_y):
            self.wrt_x.setChecked(st.wrt == "x")
            self.wrt_y.setChecked(st.wrt == "y")
        fo, uo, vo, ch = self.chain()
        v = ch.at(st.x, st.y)
        w = st.wrt
        N = self.nodes
        small = f'style="color:{on_card("chain.card.dim")}; font-size:11pt"'
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
            role = ("chain.path.u" if "u" in (a, b) else "chain.path.v") if active \
                else "chain.muted"
            edge.set_style(role, 3.0 if active else 1.3, dashed=not active)
            tcol = on_card("chain.card.text" if active else "chain.muted")
            edge.set_label(f'<span style="color:{tcol}">{name} = {esc(expr_text(expr))}<br>'
                           f'<b>= {fmt(val)}</b></span>',
                           border=role if active else "chain.edge.off")
        for k, node in N.items():
            if k == w or k in ("u", "v", "z"):
                node.set_style("chain.node.fill", {"u": "chain.path.u", "v": "chain.path.v"}
                               .get(k, "chain.node.strong"), 2.2)
            else:
                node.set_style("chain.node.off", "chain.muted", 1.2)
        self.view.fit()
        self.sum_label.setText(self._sum_html(ch, v))
        name = self.tr("Computation graph of z = f(u(x, y), v(x, y))")
        total = v.dz_dx if w == "x" else v.dz_dy
        set_view_text(self.view, name, vt.sentence(name, [
            f"f(u, v) = {st.f}", f"u = {st.u}", f"v = {st.v}",
            vt.at(vt.point((st.x, st.y)), vt.join([
                vt.eq("u", v.u), vt.eq("v", v.v), vt.eq("z", v.z), vt.eq(f"∂z/∂{w}", total)]))]))

    def _sum_html(self, ch, v) -> str:
        w = self.st.wrt
        if w == "x":
            a, b, c, d = v.dz_du, v.du_dx, v.dz_dv, v.dv_dx
            p1, p2, total, direct, dexpr = (v.path_u_x, v.path_v_x, v.dz_dx, v.dz_dx_direct,
                                            ch.dz_dx_direct)
        else:
            a, b, c, d = v.dz_du, v.du_dy, v.dz_dv, v.dv_dy
            p1, p2, total, direct, dexpr = (v.path_u_y, v.path_v_y, v.dz_dy, v.dz_dy_direct,
                                            ch.dz_dy_direct)
        U = f'<span style="color:{on_card("chain.path.u")}">'
        V = f'<span style="color:{on_card("chain.path.v")}">'
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
                f'<p style="color:{on_card("chain.card.note")}">{esc(comp)}<br>'
                f"∂z/∂{w} = {esc(expr_text(dexpr))} "
                f"= <b>{fmt(direct)}</b> — {esc(check)}</p>")
