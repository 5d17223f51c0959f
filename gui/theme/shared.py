"""Roles shared by every lab: plots, text, messages, the editor bars."""
from __future__ import annotations

from gui import theme

theme.register({
    # the application palette in the dark theme (the light theme is Fusion's own
    # standard palette: these light values are its colours, for reference)
    "palette.base": ("#ffffff", "#1e2024"),
    "palette.window": ("#efefef", "#2d3036"),
    "palette.text": ("#000000", "#e1e4e8"),
    "palette.bright_text": ("#ffffff", "#ff5050"),
    "palette.highlight": ("#308cc6", "#3a7bd5"),
    "palette.highlighted_text": ("#ffffff", "#ffffff"),
    "palette.link": ("#0000ff", "#78aaff"),
    "palette.disabled_text": ("#bebebe", "#787878"),
    # plots (pyqtgraph backgrounds and foregrounds, 3D views)
    "plot.background": ("#ffffff", "#1e2024"),
    "plot.foreground": ("#1c2833", "#e1e4e8"),
    "plot.axis": ("#555b64", "#aab0b8"),
    "plot.grid": ("#d6dae0", "#3b4048"),
    "plot.faint": ("#9aa4b0", "#6c7480"),
    "view3d.background": ("#f7f8fa", "#1e2024"),
    # text
    "text.dim": ("#5d6d7e", "#9aa5b1"),
    "text.math": ("#1d3557", "#a8c7fa"),
    "text.strong": ("#1c2833", "#f2f4f7"),
    # messages
    "error.text": ("#b71c1c", "#ff8a80"),
    "error.background": ("#ffcdd2", "#5c1f1f"),
    "warning.text": ("#9a5b00", "#f2c46d"),
    "warning.background": ("#fff4d6", "#4a3b12"),
    "ok.text": ("#2e7d32", "#81c784"),
    # panels
    "panel.background": ("#eef2f7", "#2a2d33"),
    "panel.border": ("#d5dce6", "#3d434c"),
    "card.background": ("#f7f9fc", "#262a30"),
    "marker.current": ("#d62728", "#ff6b6b"),
})
