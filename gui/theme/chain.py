"""Colour roles of the Chain Lab (see gui/theme/__init__.py).

Everything follows the theme: the plot lines, the 3D view, the side list, and
the cards (the boxes with the tables), the computational graphs and the formulas
inside them, which are dark surfaces with light text in the dark theme
(tests/gui/test_theme.py, tests/gui/test_dark_complete.py).
"""
from __future__ import annotations

from gui import theme

theme.register({
    # plot lines and markers (on the plot background: light and dark values)
    "chain.curve": ("#1f4e79", "#7fb3e6"),
    "chain.tangent": ("#d4690f", "#f0a050"),
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
    # ---- the cards (the boxes with the tables) and the computational graphs: a
    # light surface in the light theme, a dark one in the dark theme
    "chain.card.background": ("#f7f9fc", "#262a30"),
    "chain.card.border": ("#d6dde6", "#3d434c"),
    "chain.card.text": ("#1c2833", "#e1e4e8"),
    "chain.card.dim": ("#5d6d7e", "#a3adb8"),
    "chain.card.note": ("#34495e", "#c9d3de"),
    "chain.card.warning": ("#9a5b00", "#f2c46d"),
    "chain.path.u": ("#d35400", "#ff9a4d"),
    "chain.path.v": ("#1a7fb5", "#5ab8ee"),
    "chain.muted": ("#7b8794", "#848f9b"),
    "chain.result": ("#b03a2e", "#ff8a7d"),          # a finished ∂C/∂node
    "chain.partial": ("#b9770e", "#f0b35a"),         # one still being summed
    "chain.current": ("#f39c12", "#f5b041"),         # the backward step shown
    "chain.current.fill": ("#fff4e0", "#4a3a1c"),
    "chain.consumer.fill": ("#eaf2fb", "#1e3349"),
    "chain.done.fill": ("#fdf2f0", "#40272a"),
    "chain.done.label": ("#78281f", "#ffb3a7"),
    "chain.done.border": ("#e6b0aa", "#8a4a43"),
    "chain.parameter": ("#1e8449", "#5fd38d"),
    "chain.graph.background": ("#fbfcfe", "#1f2227"),
    "chain.node.fill": ("#ffffff", "#2c3037"),
    "chain.node.border": ("#5d6d7e", "#8a96a3"),
    "chain.node.strong": ("#2c3e50", "#c9d3de"),
    "chain.node.off": ("#f2f4f7", "#24272c"),
    "chain.edge": ("#7f8c8d", "#8a96a3"),
    "chain.edge.label": ("#ffffff", "#2a2e35"),
    "chain.edge.border": ("#d6dde6", "#4a515b"),
    "chain.edge.off": ("#e5e8ec", "#3a3f46"),
    # the same hues as the plot lines, for formulas on a card
    "chain.card.true": ("#c0392b", "#ff7b6b"),
    "chain.card.approx": ("#2471a3", "#6cb4ee"),
    "chain.card.grad": ("#1e8449", "#5fd38d"),
    "chain.card.delta": ("#7d3c98", "#c39bd3"),
})
