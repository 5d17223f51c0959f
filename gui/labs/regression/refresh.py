"""How the Regression Lab shows a change of its model: the results are brought up
to date first, then each panel redraws what concerns it.

A refresh that raises must not reach Qt (a slot's exception goes to
sys.excepthook, past the undo command that changed the model): it is handed to the
model, whose ``replace`` raises it to the command, which then puts the old state
back and reports it (see commands.py).  During a drag preview it is only logged and
reported on the status bar."""
from __future__ import annotations

import logging
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication

from core.datasets import load_dataset
from gui.text import regression_messages as msg

_log = logging.getLogger(__name__)
COST_TAB = 2
POINTS = frozenset({"x", "y", "axes"})


class Refresher:
    def __init__(self, lab: Any):
        self.lab = lab

    def on_changed(self, fields: frozenset[str]) -> None:
        try:
            with np.errstate(all="ignore"):  # huge data: inf and nan are shown as such
                self.show(fields)
        except Exception as exc:  # noqa: BLE001 - see the module doc
            if not self.lab.model.previewing():
                self.lab.model.refresh_failed(exc)
                return
            self._report(exc)

    def on_live(self, i: int, had_run: bool) -> None:
        """A drag step (from a mouse handler: nothing may be raised)."""
        try:
            with np.errstate(all="ignore"):
                self.live(i, had_run)
        except Exception as exc:  # noqa: BLE001 - see the module doc
            self._report(exc)

    def _report(self, exc: Exception) -> None:
        _log.exception("refreshing the Regression Lab failed")
        self.lab.session.status.emit(QCoreApplication.translate(
            "Refresher", "The view could not be updated: {error}").format(error=exc))

    def show(self, fields: frozenset[str]) -> None:
        lab = self.lab
        state, r = lab.model.state, lab.results
        if fields & POINTS:
            r.take_points(state)
        if "degree" in fields:
            r.take_degree(state)
        if "descent" in fields:
            r.clear_descent()
        if fields & (POINTS | {"degree", "descent"}):
            lab.descent_panel.forget_run()
        if "dataset" in fields:  # another data set (a lesson too): show all of it
            lab.data_plot.reframe_to_state()
        if fields & (POINTS | {"degree", "dataset"}):
            if fields & POINTS and not lab.model.previewing():
                lab.data_plot.ensure_visible()  # a typed or pasted point off-screen
            self.all()
            return
        if fields & {"my_line", "view"}:
            lab.toolbar.show_state(state)
            lab.viewbox.setAspectLocked(dict(state.view)["squares"], ratio=1.0)
            lab.my_line_panel.show_line()
            lab.result_card.show_my_line()
            lab._refresh_curves()
            lab.cost_panel.show_markers()
        if "descent" in fields:
            lab.descent_panel.show_settings(state)
            lab.descent_panel.show_run()

    def all(self) -> None:
        """Everything, from the state and the results."""
        lab = self.lab
        state = lab.model.state
        ds = load_dataset(state.dataset) if state.dataset else None
        lab.toolbar.show_state(state)
        lab.viewbox.setAspectLocked(dict(state.view)["squares"], ratio=1.0)
        lab.my_line_panel.show_line()
        lab.points_panel.show_source(state.dataset)
        titles = msg.axis_titles(ds)
        if ds is None:  # imported column names
            titles = tuple(n or t for n, t in zip(state.axes, titles, strict=True))
        lab.data_plot.set_axis_titles(*titles)
        lab.table_model.set_headers(titles)
        lab.data_plot.show_points()
        lab.table_model.reset()
        lab.result_card.show_fit(live=False)
        lab._refresh_curves()
        lab._refresh_cost(live=False)
        lab.descent_panel.show_settings(state)
        lab.descent_panel.show_run()

    def live(self, i: int, had_run: bool) -> None:
        """One drag step of point ``i``: O(1) work for the statistics and the texts;
        ``had_run``: a descent run was shown (the drag made it obsolete)."""
        lab = self.lab
        lab.data_plot.show_moved_point(i)
        lab.points_panel.show_moved_row(i)
        lab.result_card.show_fit(live=True)
        lab._refresh_curves(live=True)
        lab.cost_panel.schedule(shown=lab.tabs.currentIndex() == COST_TAB)
        if had_run:
            lab.descent_panel.forget_run()
            lab.data_plot.draw_descent_line()

    def tab_shown(self, index: int) -> None:
        cost = self.lab.cost_panel
        if index == COST_TAB and cost.dirty:
            cost.dirty = False
            cost.refresh(live=self.lab.results.moving is not None)
