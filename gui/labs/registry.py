"""The one list of labs, used by the window (tabs, View menu, building a lab on
first use), the command line (``--tab``), sessions (validating a saved state) and
the lessons.  Adding a lab is one package under ``gui/labs/`` plus one line here.

Qt-free: nothing is imported until a lab is needed (sympy and pyqtgraph must not
delay the first paint).
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType


@dataclass(frozen=True)
class LabSpec:
    name: str          # the tab's id: session files, --tab, lessons, settings
    module: str        # the lab's Qt widget module (imported when first shown)
    widget: str        # its class: ``cls(session, parent)``, with NAME and title()
    state: str         # the Qt-free saved state: validate(d) -> d, apply(state, change)

    def state_module(self) -> ModuleType:
        return importlib.import_module(self.state)

    def widget_class(self) -> type:
        return getattr(importlib.import_module(self.module), self.widget)  # type: ignore[no-any-return]


LABS: tuple[LabSpec, ...] = (
    LabSpec("descent", "gui.labs.descent.lab", "DescentLab", "gui.labs.descent.state"),
    LabSpec("regression", "gui.labs.regression.lab", "RegressionLab", "gui.labs.regression.state"),
    LabSpec("chain", "gui.labs.chain.lab", "ChainLab", "gui.labs.chain.state"),
)

NAMES: tuple[str, ...] = tuple(spec.name for spec in LABS)


def spec(name: str) -> LabSpec:
    """The lab called ``name`` (KeyError if there is none)."""
    for s in LABS:
        if s.name == name:
            return s
    raise KeyError(name)
