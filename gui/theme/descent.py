"""Colour roles of the Descent Lab and of the shared views in gui/views/ (see
gui/theme/__init__.py).  ``(light, dark)``; dark values are readable on #1e2024.

Colours drawn on the colour map of f (paths, basins, the start marker) are the
same in both themes: the map itself does not change with the theme.  The status
banner is light in the light theme and dark in the dark theme.
"""
from __future__ import annotations

from gui import theme

OPTIMIZERS = ("gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")

theme.register({
    # each optimizer's path and current point, on the colour map of f (the same in
    # both themes), and its swatch on the panel: saturated or pastel hues that are
    # not on the map, none near black (the minimum, where paths end, is dark
    # purple) nor near white or grey (the panels)
    "descent.path.gd": ("#e63946", "#e63946"),
    "descent.path.momentum": ("#ff9f1c", "#ff9f1c"),
    "descent.path.nesterov": ("#f72585", "#f72585"),
    "descent.path.adagrad": ("#ffc6ff", "#ffc6ff"),
    "descent.path.rmsprop": ("#4cc9f0", "#4cc9f0"),
    "descent.path.adam": ("#c77dff", "#c77dff"),
    # each optimizer's curves on a plot background (loss, ‖∇f‖, f of one variable):
    # the path's hue, darker on the light background
    "descent.line.gd": ("#e63946", "#ff6b75"),
    "descent.line.momentum": ("#d97000", "#ffb347"),
    "descent.line.nesterov": ("#f72585", "#ff5ca8"),
    "descent.line.adagrad": ("#a64d99", "#ffc6ff"),
    "descent.line.rmsprop": ("#1a8fc0", "#4cc9f0"),
    "descent.line.adam": ("#6a1fb0", "#c77dff"),
    # the three-or-more-variables plot: one curve per variable
    "descent.trace.0": ("#e63946", "#ff6b75"),
    "descent.trace.1": ("#2a9d8f", "#4fd1c0"),
    "descent.trace.2": ("#457b9d", "#7fb3d5"),
    "descent.trace.3": ("#f4a261", "#f4a261"),
    "descent.trace.4": ("#8338ec", "#b388ff"),
    "descent.trace.5": ("#06d6a0", "#06d6a0"),
    # basin map: one colour per basin, grey for starts that had not settled
    "descent.basin.0": ("#e63946", "#e63946"),
    "descent.basin.1": ("#2a9d8f", "#2a9d8f"),
    "descent.basin.2": ("#f4a261", "#f4a261"),
    "descent.basin.3": ("#457b9d", "#457b9d"),
    "descent.basin.4": ("#e9c46a", "#e9c46a"),
    "descent.basin.5": ("#8338ec", "#8338ec"),
    "descent.basin.6": ("#06d6a0", "#06d6a0"),
    "descent.basin.7": ("#ff006e", "#ff006e"),
    "descent.basin.8": ("#3a86ff", "#3a86ff"),
    "descent.basin.9": ("#fb5607", "#fb5607"),
    "descent.basin.unsettled": ("#282828", "#282828"),
    # plots
    "descent.curve": ("#264653", "#8ecae6"),
    "descent.tangent": ("#e76f51", "#f4a261"),
    "descent.cursor": ("#888888", "#8a929c"),
    "descent.arrow": ("#d00000", "#ff5252"),
    "descent.legend.border": ("#c8c8c8", "#4a5059"),
    "descent.swatch.border": ("#555555", "#aab0b8"),
    "descent.icon.border": ("#808080", "#a0a6ae"),
    # η slider: the stability bound 2/λmax, and text above it
    "descent.bound": ("#c62828", "#ff6b6b"),
    "descent.dim": ("#555566", "#9aa4b0"),
    "descent.title": ("#333344", "#d5dbe3"),
    "descent.scale": ("#666677", "#9aa4b0"),
    # the status banner; a badge is its kind's colour with badge.text on it, and
    # the kind's colour is also the explanation's text colour on the banner
    "descent.banner.ok": ("#f1f8f2", "#1f3326"),
    "descent.banner.bad": ("#fdecea", "#3d2424"),
    "descent.banner.text": ("#1c2833", "#e1e4e8"),
    "descent.banner.warning": ("#9a5b00", "#f2c46d"),
    "descent.badge.converges": ("#2e7d32", "#81c784"),
    "descent.badge.oscillates": ("#e65100", "#ffb74d"),
    "descent.badge.slow": ("#6d4c41", "#d7b9ad"),
    "descent.badge.diverges": ("#c62828", "#ff8a80"),
    "descent.badge.other": ("#333333", "#c4cad1"),
    "descent.badge.text": ("#ffffff", "#14171b"),
    # the shared views (gui/views/): contour map and 3D surface
    "view.contour.bad": ("#ebebeb", "#ebebeb"),
    "view.contour.lines": ("#ffffff", "#ffffff"),
    "view.start_marker": ("#111111", "#111111"),
    "view.marker.outline": ("#ffffff", "#ffffff"),
    "view.start_marker.hover": ("#d62728", "#d62728"),
    "view3d.frame": ("#737885", "#b3bac7"),
    "view3d.floor": ("#969ba5", "#aab0bc"),
    "view3d.label": ("#282c34", "#d7dbe2"),
})
