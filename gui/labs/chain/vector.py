"""Section 1.4 — a surface with its tangent plane: Δz ≈ ∇z·Δx, with a pad to
drag the displacement (Δx, Δy)."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QFrame, QGroupBox, QHBoxLayout, QVBoxLayout

from core.chain_extra import gradient_step, height_range
from core.expression import parse
from gui import theme
from gui.labs.chain.section import Section
from gui.labs.chain.vector_gl import TangentPlaneView
from gui.labs.chain.widgets import (
    ExprField,
    NumberControl,
    card,
    card_title,
    controls_column,
    esc,
    fill_presets,
    fmt,
    is_dragged,
    on_card,
    plot_widget,
    preset_group,
    rich_label,
)
from gui.text import view_text as vt
from gui.theme import zoom
from gui.views.a11y import set_view_text

VECTOR_PRESETS = (
    "x^2 + y^2",
    "x^2 - y^2",
    "sin(x)·cos(y)",
    "exp(-(x^2 + y^2)/2)",
    "(x + y - 1)^2/4 + (x - y)^2",
)


class VectorSection(Section):
    KEY = "vector"
    DOMAIN = 2.5
    GRID = 49

    def __init__(self, lab):
        super().__init__(lab)
        self._cache: dict = {}
        controls, col = controls_column()
        self.fn_box, fl, self.preset = preset_group()
        self.field = ExprField(("x", "y"))
        self.field.prefix.setText("z = f(x, y) =")
        fl.addWidget(self.field)
        self.field.accepted.connect(
            lambda t: self.edit({"f": t}, self.tr("Edit z = f(x, y)"), True))
        self.preset.activated.connect(self._on_preset)
        col.addWidget(self.fn_box)

        self.pt_box = QGroupBox()
        pl = QVBoxLayout(self.pt_box)
        self.ctls = {}
        for k, lo, hi in (("x", -2, 2), ("y", -2, 2), ("dx", -1.5, 1.5), ("dy", -1.5, 1.5)):
            c = NumberControl(lo, hi, 0.01, 3)
            c.label.setText({"x": "x", "y": "y", "dx": "Δx", "dy": "Δy"}[k])
            c.edited.connect(lambda val, _d, k=k: self.edit({k: val}, self._edit_text(k), True))
            pl.addWidget(c)
            self.ctls[k] = c
        col.addWidget(self.pt_box)

        self.pad_box = QGroupBox()
        padl = QVBoxLayout(self.pad_box)
        self.pad = plot_widget()
        self.pad.setFixedHeight(240)
        ppi = self.pad.getPlotItem()
        ppi.setAspectLocked(True)
        ppi.setXRange(-1.6, 1.6, padding=0)
        ppi.setYRange(-1.6, 1.6, padding=0)
        ppi.vb.setMouseEnabled(x=False, y=False)
        ppi.setLabel("bottom", "Δx")
        ppi.setLabel("left", "Δy")
        self.pad_grad = ppi.plot()
        self.pad_grad_head = pg.ArrowItem(angle=0, headLen=14, pen=None)
        ppi.addItem(self.pad_grad_head)
        self.pad_delta = ppi.plot()
        self.pad_handle = pg.TargetItem(pos=(0.3, 0.6), size=16, symbol="o")
        ppi.addItem(self.pad_handle)
        self.pad_handle.sigPositionChanged.connect(self._on_handle)
        self.pad_handle.sigPositionChangeFinished.connect(self._on_handle_dropped)
        self._updating_handle = False
        padl.addWidget(self.pad)
        col.addWidget(self.pad_box)
        col.addStretch(1)

        self.gl_holder = TangentPlaneView(self.DOMAIN, self.GRID)

        self.cmp_card, cl = card()
        self.cmp_title = card_title()
        self.card_titles = (self.cmp_title,)
        row = QHBoxLayout()
        self.true_label = rich_label(pt=11)
        self.approx_label = rich_label(pt=11)
        row.addWidget(self.true_label, 1)
        self.sep = QFrame()
        self.sep.setFrameShape(QFrame.Shape.VLine)
        row.addWidget(self.sep)
        row.addWidget(self.approx_label, 1)
        self.grad_label = rich_label(pt=10)
        cl.addWidget(self.cmp_title)
        cl.addLayout(row)
        cl.addWidget(self.grad_label)

        self._assemble(controls, self.gl_holder, self.cmp_card, stretch=(3, 1), sizes=None)
        self._recolour_items()
        self.retranslate()
        self.built = True

    @property
    def gl_view(self):
        """The 3D view (None without OpenGL)."""
        return self.gl_holder.view

    def _edit_text(self, k: str) -> str:
        return {"x": self.tr("Move x"), "y": self.tr("Move y"), "dx": self.tr("Change Δx"),
                "dy": self.tr("Change Δy")}[k]

    def _on_preset(self, i: int) -> None:
        i -= 1
        if 0 <= i < len(VECTOR_PRESETS):
            self.edit({"f": VECTOR_PRESETS[i]}, self.tr("Choose a preset"))

    def _on_handle(self) -> None:
        """The (Δx, Δy) handle moved: live while the mouse drags it (one undo entry
        on release), at once when it is moved otherwise."""
        if self._updating_handle:
            return
        p = self.pad_handle.pos()
        change = {"dx": float(np.clip(round(p.x(), 2), -1.5, 1.5)),
                  "dy": float(np.clip(round(p.y(), 2), -1.5, 1.5))}
        if is_dragged(self.pad_handle):
            self.model.preview({"vector": change})
        else:
            self.edit(change, self.tr("Drag (Δx, Δy)"))

    def _on_handle_dropped(self) -> None:
        self.model.commit_preview(self.tr("Drag (Δx, Δy)"), self.lab.session.push,
                                  self.lab.session.status.emit)

    # -- results (computed from the state) ---------------------------------
    def objective(self):
        """(function, grid xs, Z on the grid, height range lo, hi) for the state's f."""
        key = self.st.f
        if key not in self._cache:
            fo = parse(key, ("x", "y"))
            xs = np.linspace(-self.DOMAIN, self.DOMAIN, self.GRID)
            X, Y = np.meshgrid(xs, xs, indexing="ij")
            Z = fo.value(X, Y)
            fin = Z[np.isfinite(Z)]
            lo, hi = (np.percentile(fin, [1, 99]) if fin.size else (0.0, 1.0))
            self._cache = {key: (fo, xs, Z, *height_range(float(lo), float(hi)))}
        return self._cache[key]

    def step(self):
        """The state's step: core.chain_extra.GradientStep."""
        fo = self.objective()[0]
        st = self.st
        return gradient_step(fo.value, fo.gradient, st.x, st.y, st.dx, st.dy)

    def numbers(self) -> dict:
        n = self.step()
        return {"z0": n.z0, "z1": n.z1, "gx": n.gx, "gy": n.gy, "true": n.true,
                "approx": n.approx}

    # -- view -------------------------------------------------------------
    def _recolour_items(self) -> None:
        c = theme.colour
        self.pad_grad.setPen(pg.mkPen(c("chain.grad"), width=zoom.line(3)))
        self.pad_grad_head.setStyle(brush=c("chain.grad"))
        self.pad_delta.setPen(pg.mkPen(c("chain.delta"), width=zoom.line(3)))
        self.pad_handle.setPen(pg.mkPen(c("chain.marker.edge"), width=zoom.line(2)))
        self.pad_handle.setBrush(pg.mkBrush(c("chain.delta")))
        self.pad_handle.setHoverBrush(pg.mkBrush(c("chain.delta.hover")))
        self.sep.setStyleSheet(f"color: {on_card('chain.card.border')};")

    def recolour(self) -> None:
        super().recolour()
        self._recolour_items()

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
        fill_presets(self.preset, self.tr("Presets…"),
                     ["z = " + parse(f, ("x", "y")).function_text for f in VECTOR_PRESETS])

    def refresh(self) -> None:
        st = self.st
        self.field.sync(st.f)
        for k, c in self.ctls.items():
            c.set_value(getattr(st, k))
        fo, xs, Z, lo, hi = self.objective()
        n = self.step()
        self._updating_handle = True
        try:
            self.pad_handle.setPos(st.dx, st.dy)
        finally:
            self._updating_handle = False
        self.pad_delta.setData([0, st.dx], [0, st.dy])
        gx, gy = n.gx, n.gy
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
        if st.f != getattr(self, "_surface_key", None):  # the surface only when f changes
            self._surface_key = st.f
            self.gl_holder.show_surface(xs, Z, lo, hi)
        self.gl_holder.show_step(st.x, st.y, st.dx, st.dy, n, lo, hi)
        self._update_text(fo, n)
        where = vt.at(vt.point((st.x, st.y)), vt.join([
            vt.eq("z", n.z0), "∇z = " + vt.point((n.gx, n.gy))]))
        step = vt.join(["(Δx, Δy) = " + vt.point((st.dx, st.dy)), vt.changes(n.true, n.approx)])
        for view, name, parts in (
                (self.gl_holder, self.tr("Surface z = f(x, y) with its tangent plane"),
                 [f"f(x, y) = {st.f}", where, step]),
                (self.pad, self.tr("Displacement pad"), [step, "∇z = " + vt.point((n.gx, n.gy))])):
            set_view_text(view, name, vt.sentence(name, parts))

    def _update_text(self, fo, n) -> None:
        st = self.st
        dx, dy = st.dx, st.dy
        ct, ca, cg = (on_card(r) for r in ("chain.card.true", "chain.card.approx",
                                           "chain.card.grad"))
        true_title = self.tr("True change")
        approx_title = self.tr("Approximation")
        self.true_label.setText(
            f'<p style="color:{ct}"><b>{esc(true_title)}</b></p>'
            f"<p>Δz = f(x + Δx, y + Δy) − f(x, y)<br>= {fmt(n.z1)} − {fmt(n.z0)}"
            f'<br>= <b style="color:{ct}; font-size:14pt">{fmt(n.true)}</b></p>')
        self.approx_label.setText(
            f'<p style="color:{ca}"><b>{esc(approx_title)}</b></p>'
            f"<p>∇z · Δx = ∂z/∂x·Δx + ∂z/∂y·Δy<br>= ({fmt(n.gx)})({fmt(dx)}) + "
            f"({fmt(n.gy)})({fmt(dy)})"
            f'<br>= <b style="color:{ca}; font-size:14pt">{fmt(n.approx)}</b></p>')
        err = n.true - n.approx
        px, py = fo.partial_texts
        self.grad_label.setText(
            f'<span style="color:{cg}"><b>∇z = ({fmt(n.gx)}, {fmt(n.gy)})</b></span>'
            f" &nbsp; {esc(px)}, &nbsp; {esc(py)}<br>"
            + esc(self.tr("error = true − approximate = {e}").format(e=fmt(err))))
