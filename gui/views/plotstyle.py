"""The look of every pyqtgraph plot at the current theme and zoom, in one place.

:func:`restyle` is called by the main window for every plot when the theme or the
zoom changes and when a lab is built (so a theme restored at start-up and one
switched live give the same plots).  It sets the background, the axis pens and
text, the tick font, the axis-title, plot-title and legend sizes.  Axis titles get
no automatic ``(x0.001)`` suffix: the ticks show the values themselves (the suffix
is pyqtgraph's own, untranslated text), and pyqtgraph's right-click menu is
replaced by the app's own, translated one (:func:`gui.views.export.install_plot_menu`).
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from gui import theme
from gui.theme import zoom
from gui.views.export import install_plot_menu

#: sizes at 100 % (points)
TICK_PT = 9.0
LABEL_PT = 10.0
TITLE_PT = 11.0
LEGEND_PT = 9.0

AXES = ("left", "bottom", "right", "top")


def _pt(size: float) -> str:
    return f"{zoom.pt(size):.1f}pt"


def restyle(pw: pg.PlotWidget) -> None:
    """Colours and sizes of one plot widget for the theme and zoom in use."""
    bg, fg = theme.colour("plot.background"), theme.colour("plot.foreground")
    pw.setBackground(bg)
    pi = pw.getPlotItem()
    if pi.menuEnabled():  # pyqtgraph's English menu → ours (View all, pictures, CSV)
        install_plot_menu(pw)
    tick = QFont(QApplication.font())
    tick.setPointSizeF(zoom.pt(TICK_PT))
    for name in AXES:
        ax = pi.getAxis(name)
        if ax is None:
            continue
        ax.enableAutoSIPrefix(False)
        ax.setPen(pg.mkPen(theme.colour("plot.axis"), width=zoom.line(1)))
        ax.setTextPen(pg.mkPen(fg))
        ax.setTickFont(tick)
        style = {**ax.labelStyle, "color": fg, "font-size": _pt(LABEL_PT)}
        ax.setLabel(ax.labelText, ax.labelUnits, ax.labelUnitPrefix, **style)
        if not (ax.labelText or ax.labelUnits):
            ax.showLabel(False)
    title = pi.titleLabel
    if title.isVisible() and title.text:
        pi.setTitle(title.text, color=fg, size=_pt(TITLE_PT))
        pi.layout.setRowFixedHeight(0, 30 * zoom.factor())
        title.setMaximumHeight(30 * zoom.factor())
    legend = pi.legend
    if legend is not None:
        legend.setLabelTextSize(_pt(LEGEND_PT))
        legend.setLabelTextColor(fg)
        # pyqtgraph only stores the size and colour for the labels: each one already
        # shown keeps its old text colour (dark on a dark legend) until drawn again
        for _sample, label in legend.items:
            label.setText(label.text)


def restyle_all(root) -> None:
    """:func:`restyle` every plot widget under ``root`` (a QWidget)."""
    for pw in root.findChildren(pg.PlotWidget):
        restyle(pw)
