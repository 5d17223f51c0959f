"""Colour roles of the Chain Lab (see gui/theme/__init__.py).

The cards (the white boxes with the tables), the computational graphs and the
formulas inside them stay light under the dark theme (tests/gui/test_theme.py):
the lab asks for their roles with ``dark=False``; those roles' dark values repeat
the light ones.  The plot lines, the 3D view and the side list follow the theme.
"""
from __future__ import annotations

from gui import theme

theme.register({
    # plot lines and markers (on the plot background: light and dark values)
    "chain.curve": ("#1f4e79", "#7fb3e6"),
    "chain.tangent": ("#e67e22", "#f0a050"),
    "chain.tangent.hover": ("#f5b041", "#f8c471"),
    "chain.true": ("#c0392b", "#ff7b6b"),
    "chain.approx": ("#2471a3", "#6cb4ee"),
    "chain.grad": ("#1e8449", "#5fd38d"),
    "chain.delta": ("#7d3c98", "#c39bd3"),
    "chain.delta.hover": ("#a569bd", "#d7bde2"),
    "chain.marker.edge": ("#ffffff", "#ffffff"),
    "chain.legend.text": ("#1c2833", "#e1e4e8"),
    "chain.legend.background": ("#ffffff", "#2a2d33"),
    "chain.legend.border": ("#d6dde6", "#3d434c"),
    "chain.plot.axis": ("#5d6d7e", "#e1e4e8"),
    "chain.plot.axis_text": ("#2c3e50", "#e1e4e8"),
    # the 3D view (its background is the GL view's own; the floor grid, drop line)
    "chain.gl.background": ("#fafbfd", "#1e2024"),
    "chain.gl.grid": ("#3c4650", "#bec4ce"),
    "chain.gl.drop": ("#4d4d4d", "#cccccc"),
    "chain.gl.plane": ("#f28c26", "#f28c26"),
    "chain.gl.plane_edge": ("#994d0d", "#994d0d"),
    "chain.gl.caption": ("#34495e", "#c9d3de"),
    # the section list on the left
    "chain.nav.background": ("#eef2f7", "#2a2d33"),
    "chain.nav.text": ("#2c3e50", "#e1e4e8"),
    "chain.nav.selected": ("#1f4e79", "#3d6fa3"),
    "chain.nav.selected_text": ("#ffffff", "#ffffff"),
    "chain.nav.hover": ("#dde5ef", "#3b4048"),
    # hints and group texts beside the controls
    "chain.hint": ("#5d6d7e", "#9aa5b1"),
    # a function field that does not parse
    "chain.error.text": ("#b03a2e", "#ff8a80"),
    "chain.error.border": ("#c0392b", "#ff6b6b"),
    "chain.error.background": ("#fff5f4", "#3a1f1f"),
    "chain.error.mark": ("#f5b7b1", "#7a2e2e"),
    "chain.error.mark_text": ("#78281f", "#ffd7d2"),
    # ---- light surfaces (cards and graphs): the same in both themes
    "chain.card.background": ("#f7f9fc", "#f7f9fc"),
    "chain.card.border": ("#d6dde6", "#d6dde6"),
    "chain.card.text": ("#1c2833", "#1c2833"),
    "chain.card.dim": ("#5d6d7e", "#5d6d7e"),
    "chain.card.note": ("#34495e", "#34495e"),
    "chain.card.warning": ("#9a5b00", "#9a5b00"),
    "chain.path.u": ("#d35400", "#d35400"),
    "chain.path.v": ("#1a7fb5", "#1a7fb5"),
    "chain.muted": ("#9aa5b1", "#9aa5b1"),
    "chain.result": ("#b03a2e", "#b03a2e"),          # a finished ∂C/∂node
    "chain.partial": ("#b9770e", "#b9770e"),         # one still being summed
    "chain.current": ("#f39c12", "#f39c12"),         # the backward step shown
    "chain.current.fill": ("#fff4e0", "#fff4e0"),
    "chain.consumer.fill": ("#eaf2fb", "#eaf2fb"),
    "chain.done.fill": ("#fdf2f0", "#fdf2f0"),
    "chain.done.label": ("#78281f", "#78281f"),
    "chain.done.border": ("#e6b0aa", "#e6b0aa"),
    "chain.parameter": ("#1e8449", "#1e8449"),
    "chain.graph.background": ("#fbfcfe", "#fbfcfe"),
    "chain.node.fill": ("#ffffff", "#ffffff"),
    "chain.node.border": ("#5d6d7e", "#5d6d7e"),
    "chain.node.strong": ("#2c3e50", "#2c3e50"),
    "chain.node.off": ("#f2f4f7", "#f2f4f7"),
    "chain.edge": ("#7f8c8d", "#7f8c8d"),
    "chain.edge.label": ("#ffffff", "#ffffff"),
    "chain.edge.border": ("#d6dde6", "#d6dde6"),
    "chain.edge.off": ("#e5e8ec", "#e5e8ec"),
    # the same hues as the plot lines, for formulas on a card
    "chain.card.true": ("#c0392b", "#c0392b"),
    "chain.card.approx": ("#2471a3", "#2471a3"),
    "chain.card.grad": ("#1e8449", "#1e8449"),
    "chain.card.delta": ("#7d3c98", "#7d3c98"),
})
