"""The colour roles of gui/theme: one light and one dark value each, the dark one
chosen when the palette is dark."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from gui import theme
from gui.shell import app as gapp


def test_every_role_is_a_valid_colour_pair(qapp):
    assert theme.ROLES
    for name, (light, dark) in theme.ROLES.items():
        assert QColor(light).isValid() and QColor(dark).isValid(), name


def test_the_dark_value_follows_the_palette(qapp):
    try:
        gapp.apply_theme(qapp, "dark")
        assert theme.palette_is_dark()
        assert theme.colour("plot.background") == theme.ROLES["plot.background"][1]
        gapp.apply_theme(qapp, "light")
        assert not theme.palette_is_dark()
        assert theme.colour("plot.background") == theme.ROLES["plot.background"][0]
    finally:
        gapp.apply_theme(qapp, "light")


def test_backgrounds_and_text_keep_contrast_in_both_themes(qapp):
    def lightness(hexcol):
        return QColor(hexcol).lightness()
    for dark in (False, True):
        bg = lightness(theme.colour("plot.background", dark))
        fg = lightness(theme.colour("plot.foreground", dark))
        assert abs(bg - fg) > 120, dark


def test_unknown_and_conflicting_roles_are_refused(qapp):
    with pytest.raises(KeyError):
        theme.colour("plot.backgroud")
    with pytest.raises(ValueError):
        theme.register({"plot.background": ("#000000", "#ffffff")})
    with pytest.raises(ValueError):
        theme.register({"test.bad": ("not-a-colour", "#ffffff")})
