"""Chain Rule Lab (链式法则): chapter section 1.

Four sections, chosen from a list on the left, one file each:

* **single** (1.2, ``single.py``) — y = f(u), u = g(x): dy/dx = dy/du · du/dx;
* **multi** (1.3, ``multi.py``) — z = f(u, v) as a computational graph, a sum over paths;
* **vector** (1.4, ``vector.py``, ``vector_gl.py``) — a surface, its tangent plane, Δz ≈ ∇z·Δx;
* **neuron** (``neuron.py``, ``cost_plot.py``) — forward values, backpropagation step
  by step and gradient-descent steps.

The settings live only in ``self.model`` (a :class:`LabModel` over
:class:`ChainState`, saved as the session's ``"chain"`` object).  Every edit is an
undo command on the session's stack (:meth:`ChainLab.edit`); the section shown is
saved too but switching it is not an edit (no undo entry).  Each section redraws
when the model's ``changed`` names its part.  The backprop step shown is view
state of the neuron section (``NeuronSection.bp_index``), not saved.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QListView,
    QListWidget,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from core.expression import parse
from gui import theme
from gui.labs.chain.multi import MULTI_PRESETS, MultiSection
from gui.labs.chain.neuron import NeuronSection
from gui.labs.chain.section import Section
from gui.labs.chain.single import SINGLE_PRESETS, SingleSection
from gui.labs.chain.state import NEURON_PARAMS, SECTIONS, ChainState, recover
from gui.labs.chain.vector import VECTOR_PRESETS, VectorSection
from gui.labs.chain.widgets import fmt
from gui.labs.fields import StateError
from gui.labs.model import EditCommand, LabModel
from gui.text.state_messages import state_error_message
from gui.widgets.adaptive import size_to_current_page

# the lab's public names (its presets, its number format, the neuron's parameters)
__all__ = ["ChainLab", "MULTI_PRESETS", "SINGLE_PRESETS", "VECTOR_PRESETS",
           "NEURON_PARAMS", "fmt"]

NAV_WIDTH = 200        # the list of sections, on the left
NAV_PADDING_TOP = 8
NAV_ITEM_SLACK = 4     # between its items, when they are in a row
QWIDGETSIZE_MAX = (1 << 24) - 1

#: editing any of these clears the neuron's cost history (a new neuron)
_NEW_NEURON = frozenset(NEURON_PARAMS) | {"activation"}


def _saved(value: Any) -> Any:
    """A field's value in its saved (JSON) form: the history is a list."""
    return list(value) if isinstance(value, tuple) else value


class ChainLab(QWidget):
    NAME = "chain"
    #: the Run menu's commands on offer changed (another section is shown)
    runCommandsChanged = Signal()

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.model: LabModel[ChainState] = LabModel(self.NAME, ChainState(), self)
        self.nav = QListWidget()
        self.nav.setFixedWidth(NAV_WIDTH)
        self._nav_on_top = False  # a narrow window: the sections in a row on top
        self.nav.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.nav.setResizeMode(QListView.ResizeMode.Adjust)  # re-wraps when on top
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
        size_to_current_page(self.stack)
        self.nav.currentRowChanged.connect(self._on_nav)
        self._lay = lay = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.nav)
        lay.addWidget(self.stack, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._recolour_nav()
        self.retranslate()
        for s in SECTIONS:
            self.sections[s].refresh()
        self._show_section(self.model.state.section)
        self.model.changed.connect(self._on_model_changed)
        session.register(self.NAME, self.get_state, self.set_state)

    # -- public API (gui/shell/lessons.py, the main window, tests) ---------------
    def title(self) -> str:
        return self.tr("Chain Rule")

    @property
    def state(self) -> dict[str, Any]:
        """The settings in their saved form (read only: edits go through :meth:`edit`)."""
        return self.model.saved()

    def show_section(self, name: str) -> None:
        if name not in SECTIONS:
            raise ValueError(f"unknown section {name!r}; expected one of {SECTIONS}")
        self.model.apply({"section": name})  # not an edit: no undo entry
        self._show_section(name)

    def current_section(self) -> str:
        return SECTIONS[self.stack.currentIndex()]

    def set_single(self, f_text: str, g_text: str) -> None:
        """Set y = f(u) and u = g(x) (raises ExpressionError for bad text)."""
        parse(f_text, ("u",))
        parse(g_text, ("x",))
        self.edit("single", {"f": f_text, "g": g_text}, self.tr("Set the functions"))

    def set_x(self, x: float) -> None:
        self.edit("single", {"x": float(x)}, self.tr("Move x"), True)

    def set_dx(self, dx: float) -> None:
        self.edit("single", {"dx": float(dx)}, self.tr("Change Δx"), True)

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

    def run_commands(self) -> frozenset[str]:
        """The window's Run menu steps through the neuron's backward pass."""
        if self.current_section() != "neuron":
            return frozenset()
        return frozenset({"step", "back", "end", "reset"})

    def run_command(self, name: str) -> bool:
        """Run → Step, Step back, Run to end (backpropagate), Reset."""
        if name not in self.run_commands():
            return False
        n = self.sections["neuron"]
        {"step": n.backprop_step, "back": n.backprop_back, "end": n.backpropagate,
         "reset": n.reset_backprop}[name]()
        return True

    # -- state ------------------------------------------------------------
    def edit(self, section: str, changes: dict, text: str, merge: bool = False) -> None:
        """Push an undoable change of one section (nothing when it changes nothing).
        A new neuron (weights, inputs, target, activation) starts a new cost history."""
        changes = dict(changes)
        if section == "neuron" and "history" not in changes and _NEW_NEURON & set(changes):
            changes["history"] = []
        change = {section: changes}
        try:
            if self.model.state.apply(change) == self.model.state:
                return
        except StateError as exc:  # e.g. a descent step that takes a weight past 1e6
            exc.lab = self.model.name
            self.session.status.emit(state_error_message(exc))
            return
        # the inverse names the same fields only (undo need not re-check the functions)
        part = getattr(self.model.state, section)
        old = {section: {k: _saved(getattr(part, k)) for k in changes}}
        self.session.push(EditCommand(self.model, change, text, merge=merge, old=old,
                                    report=self.session.status.emit))

    def get_state(self) -> dict:
        return self.model.saved()

    def set_state(self, state: dict) -> None:
        """Take a saved state (checked by the session; a value that still cannot
        be used takes its default)."""
        self.model.replace(recover(state))
        self._show_section(self.model.state.section)

    # -- view -------------------------------------------------------------
    def _on_model_changed(self, fields: frozenset[str]) -> None:
        if "section" in fields:
            self._show_section(self.model.state.section)

    def _show_section(self, name: str) -> None:
        i = SECTIONS.index(name)
        with QSignalBlocker(self.nav):
            self.nav.setCurrentRow(i)
        if self.stack.currentIndex() != i:
            self.stack.setCurrentIndex(i)
            self._place_nav()
            self.runCommandsChanged.emit()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._place_nav()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and hasattr(self, "_lay"):
            self._place_nav()  # the section's needs changed (the zoom, new text)
        return super().event(event)

    def _place_nav(self) -> None:
        """The list of sections on the left, or in a row on top when the section
        shown would not fit beside it (a laptop, the zoom, the lesson panel)."""
        section = self.stack.currentWidget()
        if not isinstance(section, Section):
            return
        top = self.width() < NAV_WIDTH + section.wide_width()
        if top != self._nav_on_top:
            self._nav_on_top = top
            self._lay.setDirection(QBoxLayout.Direction.TopToBottom if top
                                   else QBoxLayout.Direction.LeftToRight)
            self.nav.setFlow(QListView.Flow.LeftToRight if top else QListView.Flow.TopToBottom)
            self.nav.setWrapping(top)
            self.nav.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff if top
                                                else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            if top:
                self.nav.setMinimumWidth(0)
                self.nav.setMaximumWidth(QWIDGETSIZE_MAX)
            else:
                self.nav.setMinimumHeight(0)
                self.nav.setMaximumHeight(QWIDGETSIZE_MAX)
                self.nav.setFixedWidth(NAV_WIDTH)
        if top:
            self.nav.setFixedHeight(self._nav_row_height(self.width()))

    def _nav_row_height(self, width: int) -> int:
        """The height of the sections' row(s) at ``width``: items packed as they
        wrap."""
        self.nav.ensurePolished()
        frame = self.nav.frameWidth()  # the style sheet's padding on top included
        rows, x, row_h = 1, 0, 0
        for i in range(self.nav.count()):
            hint = self.nav.sizeHintForIndex(self.nav.model().index(i, 0))
            w = hint.width() + NAV_ITEM_SLACK
            row_h = max(row_h, hint.height())
            if x and x + w > width - 2 * frame:
                rows, x = rows + 1, 0
            x += w
        return rows * row_h + frame + NAV_PADDING_TOP

    def _on_nav(self, row: int) -> None:
        if 0 <= row < len(SECTIONS):
            self.show_section(SECTIONS[row])

    def _recolour_nav(self) -> None:
        c = theme.colour
        self.nav.setStyleSheet(
            f"QListWidget {{ border: none; background: {c('chain.nav.background')}; "
            f"font-size: 11pt; padding-top: {NAV_PADDING_TOP}px; }}"
            "QListWidget::item { padding: 12px 10px; border-radius: 6px; margin: 2px 6px; "
            f"color: {c('chain.nav.text')}; }}"
            f"QListWidget::item:selected {{ background: {c('chain.nav.selected')}; "
            f"color: {c('chain.nav.selected_text')}; }}"
            f"QListWidget::item:hover:!selected {{ background: {c('chain.nav.hover')}; }}")

    def retranslate(self) -> None:
        names = {"single": self.tr("1.2  Single variable"),
                 "multi": self.tr("1.3  Several variables"),
                 "vector": self.tr("1.4  Vector form"),
                 "neuron": self.tr("Neuron & backprop")}
        for i, s in enumerate(SECTIONS):
            self.nav.item(i).setText(names[s])
        self.nav.setAccessibleName(self.tr("Sections of the chain rule"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange and hasattr(self, "nav"):
            self._recolour_nav()
        super().changeEvent(event)
