"""Colour roles of the Regression Lab (see gui/theme/__init__.py)."""
from __future__ import annotations

from gui import theme

theme.register({
    # the data plot
    "regression.point": ("#1f5fa8", "#5b9bf0"),
    "regression.point.outline": ("#ffffff", "#1e2024"),
    "regression.point.selected": ("#f2a900", "#ffc94d"),
    "regression.fit": ("#c0392b", "#ff7b6b"),
    "regression.residual": ("#c0392b", "#ff7b6b"),
    "regression.my_line": ("#2e8b57", "#5fd39a"),
    "regression.my_line.handle": ("#ffffff", "#2a2d33"),
    "regression.descent": ("#c65d00", "#ffa64d"),
    "regression.ghost": ("#8c8c8c", "#8f969e"),
    "regression.grid.major": ("#e2e6ec", "#3b4048"),
    "regression.grid.minor": ("#f1f3f6", "#2d3137"),
    "regression.legend.background": ("#ffffff", "#2a2d33"),
    "regression.legend.border": ("#bbbbbb", "#555b64"),
    "regression.legend.text": ("#222222", "#e1e4e8"),
    "regression.axis.line": ("#555555", "#aab0b8"),
    "regression.axis.text": ("#222222", "#e1e4e8"),
    # texts
    "regression.text.muted": ("#666666", "#aab0b8"),
    "regression.text.secondary": ("#444444", "#c9cdd3"),
    "regression.text.title": ("#333333", "#d6dae0"),
    "regression.status.background": ("#fff4d6", "#4a3b12"),
    "regression.status.border": ("#e8c15a", "#8a6d1f"),
    "regression.status.text": ("#6b4e00", "#f2c46d"),
    "regression.step.background": ("#fbfbfd", "#262a30"),
    "regression.step.border": ("#dde2ea", "#3d434c"),
    "regression.cursor": ("#888888", "#9aa4b0"),
    # the descent's parameter traces, one colour per parameter
    "regression.trace.0": ("#1f77b4", "#6aaee8"),
    "regression.trace.1": ("#d62728", "#ff6b6b"),
    "regression.trace.2": ("#2ca02c", "#6bd36b"),
    "regression.trace.3": ("#9467bd", "#c3a3e6"),
    "regression.trace.4": ("#8c564b", "#c99a8f"),
    "regression.trace.5": ("#e377c2", "#f2a6dc"),
    "regression.trace.6": ("#17becf", "#5fdbe8"),
})

TRACE_ROLES = tuple(f"regression.trace.{i}" for i in range(7))
