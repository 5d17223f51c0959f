"""The neuron section — y = a(w1·x1 + w2·x2 + b), C = ½(t − y)²: forward values,
backpropagation step by step, and gradient-descent steps.

**View state (not saved):** :attr:`NeuronSection.bp_index`, the number of backward
steps shown (0: none, ``len(steps)``: all of them).  It is not part of the lab's
settings: a saved session does not keep it, undo does not step it.  When the neuron
changes it goes back to 0, unless every step was shown (then all stay shown).
"""
from __future__ import annotations

import sympy as sp
from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from core.chain import ACTIVATIONS, BackwardStep, Neuron, symbolic_gradient
from core.chain_extra import expr_text
from core.neuron import chain_factors, finite_difference_gradient, neuron_chain
from gui.labs.chain.cost_plot import CostPlot
from gui.labs.chain.graph import GraphEdge, GraphNode, GraphView
from gui.labs.chain.section import Section
from gui.labs.chain.state import NEURON_PARAMS
from gui.labs.chain.widgets import card, card_title, controls_column, esc, fmt, on_card, rich_label
from gui.text import view_text as vt
from gui.views.a11y import set_view_text


class NeuronSection(Section):
    KEY = "neuron"
    LAYOUT = {  # scene positions
        "w1": (0, 0), "x1": (0, 90), "w2": (0, 210), "x2": (0, 300), "b": (0, 410),
        "p1": (250, 45), "p2": (250, 255), "z": (500, 210), "y": (740, 210),
        "C": (980, 210), "t": (980, 390),
    }
    EDGE_LABEL = {("b", "z"): 0.45}
    EDGES = (("w1", "p1"), ("x1", "p1"), ("w2", "p2"), ("x2", "p2"), ("p1", "z"),
             ("p2", "z"), ("b", "z"), ("z", "y"), ("y", "C"), ("t", "C"))

    def __init__(self, lab):
        super().__init__(lab)
        #: view state, not saved: how many backward steps are shown
        self.bp_index = 0
        controls, col = controls_column(340)
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
            lambda v: self.edit({"eta": float(v)}, self.tr("Change η"), True))
        erow.addWidget(QLabel("η"))
        erow.addWidget(self.eta, 1)
        self.btn_gd = QPushButton()
        self.btn_gd.setStyleSheet("QPushButton { font-weight: 600; padding: 5px 10px; }")
        self.btn_gd.clicked.connect(self.gd_step)
        erow.addWidget(self.btn_gd)
        gdl.addLayout(erow)
        self.costs = CostPlot()
        self.cost_plot, self.cost_curve = self.costs.plot, self.costs.curve
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
        self.graph_edges = {(a, b): GraphEdge(sc, self.nodes[a], self.nodes[b],
                                              self.EDGE_LABEL.get((a, b), 0.5), (0, -14))
                            for a, b in self.EDGES}

        self.table_card, tl = card()
        self.table_title = card_title()
        self.table_label = rich_label(pt=10)
        tl.addWidget(self.table_title)
        tl.addWidget(self.table_label)
        self.chain_title = card_title()
        self.chain_label = rich_label(pt=10)
        tl.addWidget(self.chain_title)
        tl.addWidget(self.chain_label)
        self.card_titles = (self.table_title, self.chain_title)

        self._assemble(controls, self.view, self.table_card, stretch=(3, 2))
        self.retranslate()
        self.built = True

    # -- results (computed from the state) ---------------------------------
    def neuron(self) -> Neuron:
        st = self.st
        return Neuron(**{k: getattr(st, k) for k in NEURON_PARAMS}, activation=st.activation)

    def steps(self) -> list[BackwardStep]:
        return self.neuron().backward_steps()

    def shown_adjoints(self) -> dict[str, tuple[float, bool]]:
        """Adjoints visible after ``bp_index`` steps: name → (value, complete)."""
        out: dict[str, tuple[float, bool]] = {}
        for s in self.steps()[:self.bp_index]:
            out[s.node] = (s.adjoint, s.complete)
        return out

    # -- the backprop view state --------------------------------------------
    def _show_steps(self, index: int) -> None:
        self.bp_index = max(0, min(index, len(self.steps())))
        self._show_backprop()

    def backprop_step(self) -> None:
        self._show_steps(self.bp_index + 1)

    def backprop_back(self) -> None:
        self._show_steps(self.bp_index - 1)

    def backpropagate(self) -> None:
        self._show_steps(len(self.steps()))

    def reset_backprop(self) -> None:
        self._show_steps(0)

    # -- edits ------------------------------------------------------------
    def gd_step(self) -> None:
        nr = self.neuron()
        new = nr.gd_step(self.st.eta)
        changes: dict = {p: getattr(new, p) for p in Neuron.PARAMETERS}
        changes["history"] = list(self.st.history) + [nr.cost]
        self.edit(changes, self.tr("Gradient-descent step"))

    def _on_param(self, k: str, v: float) -> None:
        self.edit({k: float(v)}, self.tr("Change {name}").format(name=k), True)

    def _on_activation(self, i: int) -> None:
        a = self.act.itemData(i)
        if a and a != self.st.activation:
            self.edit({"activation": a}, self.tr("Choose the activation"))

    def state_changed(self, fields: frozenset[str]) -> None:
        if self.bp_index < len(self.steps()):
            self.bp_index = 0  # a new neuron: start the backward pass again
        self.refresh()

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
        self.btn_back.setAccessibleName(self.tr("Step back"))
        self.act_label.setBuddy(self.act)
        self.act.setAccessibleName(self.tr("activation a"))
        self.eta.setAccessibleName(self.tr("Learning rate η"))
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
        self.costs.retranslate()

    def recolour(self) -> None:
        super().recolour()
        self.costs.recolour()

    def refresh(self) -> None:
        """Show the whole state: controls, tables, the cost plot and the graph."""
        st = self.st
        for k, s in self.spins.items():
            with QSignalBlocker(s):
                s.setValue(getattr(st, k))
        with QSignalBlocker(self.eta):
            self.eta.setValue(st.eta)
        with QSignalBlocker(self.act):
            self.act.setCurrentIndex(self.act.findData(st.activation))
        nr = self.neuron()
        self.table_label.setText(self._table_html(nr))
        self.chain_label.setText(self._chain_html(nr))
        self.costs.show(list(st.history) + [nr.cost])
        self._show_backprop()

    def _show_backprop(self) -> None:
        """The graph with the first ``bp_index`` backward steps, and the step text."""
        nr = self.neuron()
        fwd = nr.forward()
        steps = nr.backward_steps()
        self.bp_index = min(self.bp_index, len(steps))
        shown = self.shown_adjoints()
        cur = steps[self.bp_index - 1] if self.bp_index else None
        a_text = {"sigmoid": "σ(z)", "tanh": "tanh(z)", "relu": "relu(z)",
                  "identity": "z"}[nr.activation]
        titles = {"p1": "p1 = w1·x1", "p2": "p2 = w2·x2", "z": "z = p1 + p2 + b",
                  "y": f"y = {a_text}", "C": "C = ½(t − y)²"}
        for k, node in self.nodes.items():
            title = esc(titles.get(k, k))
            adj = ""
            if k in shown:
                val, complete = shown[k]
                col = on_card("chain.result" if complete else "chain.partial")
                adj = (f'<br><span style="color:{col}">∂C/∂{k} = <b>{fmt(val)}</b>'
                       f'{"" if complete else " …"}</span>')
            if k in titles:
                node.set_html(f"<b>{title}</b><br>= {fmt(fwd[k])}{adj}")
            else:
                node.set_html(f"<b>{title}</b> = {fmt(fwd[k])}{adj}")
            if cur is not None and k == cur.node:
                node.set_style("chain.current.fill", "chain.current", 3)
            elif cur is not None and k == cur.consumer:
                node.set_style("chain.consumer.fill", "chain.card.approx", 2.5)
            elif k in shown and shown[k][1]:
                node.set_style("chain.done.fill", "chain.result", 1.6)
            elif k in Neuron.PARAMETERS:
                node.set_style("chain.node.fill", "chain.parameter", 2.0)
            else:
                node.set_style("chain.node.fill", "chain.node.border", 1.5)
        name = self.tr("Computation graph of the neuron")
        parts = [vt.eq(k, fwd[k]) for k in ("z", "y", "C")]
        parts.append(vt.backward_text(self.bp_index, len(steps)))
        parts += [vt.eq(f"∂C/∂{k}", val) for k, (val, complete) in shown.items() if complete]
        set_view_text(self.view, name, vt.sentence(name, parts))
        done_edges = {(s.node, s.consumer): s for s in steps[1:self.bp_index]}
        for (a, b), e in self.graph_edges.items():
            if cur is not None and (a, b) == (cur.node, cur.consumer):
                e.set_style("chain.current", 4)
                e.set_label(f"<b>∂{b}/∂{a} = {fmt(cur.local_derivative)}</b>", "chain.current")
            elif (a, b) in done_edges:
                e.set_style("chain.result", 2)
                e.set_label(f'<span style="color:{on_card("chain.done.label")}; font-size:8pt">×'
                            f"{fmt(done_edges[(a, b)].local_derivative)}</span>",
                            "chain.done.border")
            else:
                e.set_style("chain.edge", 1.5)
                e.set_label("")
        self.view.fit()
        self.step_label.setText(self._step_html(cur, len(steps)))
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
        red = on_card("chain.result")
        return (f"<b>{esc(head)}</b> — {esc(edge)}<br>"
                f"{esc(local)}: {esc(cur.local_formula)} = "
                f"<b>{fmt(cur.local_derivative)}</b><br>"
                f"∂C/∂{n} += ∂C/∂{c} × ∂{c}/∂{n} = {fmt(cur.upstream)} × "
                f"{fmt(cur.local_derivative)} = <b>{fmt(cur.product)}</b><br>"
                f'∂C/∂{n} = <b style="color:{red}">{fmt(cur.adjoint)}</b> ({esc(state)})')

    def _dy_dz_text(self, e: sp.Expr) -> str:
        if isinstance(e, sp.Piecewise) and len(e.args) == 2 and e.args[1].cond == sp.true:
            (lo, cond), (hi, _) = e.args
            return self.tr("{a} if {cond} else {b}").format(
                a=expr_text(hi), cond=expr_text(sp.Not(cond)), b=expr_text(lo))
        return expr_text(e)

    def chain_factors(self, nr: Neuron) -> dict[str, tuple[float, float, float]]:
        """(∂C/∂y, ∂y/∂z, ∂z/∂p) at the neuron's point for p = w1, w2, b."""
        return chain_factors(nr)

    def _chain_html(self, nr: Neuron) -> str:
        ch = neuron_chain(nr.activation)
        d, d_a = ch.dy_dz, ch.dy_dz_a
        dy = self._dy_dz_text(d_a)
        if isinstance(d_a, (sp.Add, sp.Piecewise)):
            dy = f"({dy})"
        # how ∂y/∂z was found: sympy's derivative of y = a(z), then in terms of a(z)
        if nr.activation == "identity":
            legend = f"y = z, ∂y/∂z = {expr_text(d)}"
        else:
            forms = [f"{ch.name}′(z)", self._dy_dz_text(d)]
            if d_a is not d:
                forms.append(self._dy_dz_text(d_a))
            legend = (f"y = {ch.name}(z) = {self._dy_dz_text(ch.a)}, ∂y/∂z = "
                      + " = ".join(forms))
        red = on_card("chain.result")
        rows = [f'<p style="color:{on_card("chain.card.note")}">{esc(legend)}</p>',
                '<table cellspacing="0" cellpadding="3">']
        dC = expr_text(ch.dC_dy)
        for p, (f1, f2, f3) in chain_factors(nr).items():
            dz = expr_text(ch.dz_dp[p])
            rows.append(
                f'<tr><td><b>∂C/∂{p}</b> = ∂C/∂y · ∂y/∂z · ∂z/∂{p}</td>'
                f"<td>= {esc(dC)} · {esc(dy)} · {esc(dz)}</td>"
                f"<td>= {fmt(f1)} × {fmt(f2)} × {fmt(f3)}</td>"
                f'<td>= <b style="color:{red}">{fmt(f1 * f2 * f3)}</b></td></tr>')
        rows.append("</table>")
        return "".join(rows)

    def _table_html(self, nr: Neuron) -> str:
        adj = nr.backward()
        sym = symbolic_gradient(nr)
        fd = finite_difference_gradient(nr, 1e-6, ("w1", "w2", "b", "x1", "x2"))
        eta = self.st.eta
        head = [self.tr("parameter"), self.tr("reverse mode"), self.tr("sympy"),
                self.tr("finite difference"), "−η·∂C/∂p"]
        dim = on_card("chain.card.dim")
        out = ['<table cellspacing="0" cellpadding="4" width="100%"><tr>']
        out += [f'<th align="right" style="color:{dim}">{esc(t)}</th>' for t in head]
        out.append("</tr>")
        for p in ("w1", "w2", "b", "x1", "x2"):
            upd = fmt(-eta * adj[p]) if p in Neuron.PARAMETERS else "—"
            ok = abs(adj[p] - sym[p]) <= 1e-12 * max(1.0, abs(sym[p]))
            out.append(f'<tr><td align="right"><b>∂C/∂{p}</b></td>'
                       f'<td align="right">{fmt(adj[p], 10)}</td>'
                       f'<td align="right">{fmt(sym[p], 10)} {"✔" if ok else "✘"}</td>'
                       f'<td align="right">{fmt(fd[p], 7)}</td><td align="right">{upd}</td></tr>')
        out.append("</table>")
        fwd = nr.forward()
        if nr.activation == "relu" and fwd["z"] == 0:
            # the columns disagree at the kink: say why instead of leaving a bare ✘
            out.append(f'<p style="color:{on_card("chain.card.warning")}">' + esc(self.tr(
                "z = 0 is the kink of ReLU: max(0, z) has no derivative there. Backpropagation "
                "and sympy both take relu′(0) = 0 (the usual convention), while the central "
                "finite difference averages the slopes 0 and 1 of both sides (½). Move z away "
                "from 0 and all three agree.")) + "</p>")
        out.append("<p>" + esc(self.tr("C = {c}, y = {y}, target t = {t}").format(
            c=fmt(fwd["C"], 8), y=fmt(fwd["y"]), t=fmt(nr.t))) + "</p>")
        return "".join(out)
