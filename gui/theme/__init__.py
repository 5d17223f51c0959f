"""The one theme: named colour roles with a light and a dark value.

This package is the only place in ``gui/`` with colour literals.  Code asks for a
role by name (``theme.colour("plot.background")``, ``theme.qcolour("error.text")``)
and gets the value for the theme in use, which is read off the application
palette (so a palette switch is seen at once).  Widgets recolour themselves on
``QEvent.PaletteChange`` by asking again.

Roles are declared in tables, one module per area: :mod:`gui.theme.shared` (the
application palette, plots, messages), and one per lab (``gui.theme.descent``,
``…regression``, ``…chain``).  A role is ``"area.name": (light, dark)``; asking for
an unknown role raises KeyError (a typo must not silently draw black).
"""
from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QColor, QGuiApplication, QPalette

ROLES: dict[str, tuple[str, str]] = {}


def register(table: Mapping[str, tuple[str, str]]) -> None:
    """Declare roles (``name: (light, dark)``); a name may be declared once."""
    for name, pair in table.items():
        if name in ROLES and ROLES[name] != tuple(pair):
            raise ValueError(f"colour role {name!r} declared twice")
        light, dark = pair
        if not (QColor(light).isValid() and QColor(dark).isValid()):
            raise ValueError(f"colour role {name!r}: {pair!r} is not a colour")
        ROLES[name] = (light, dark)


def palette_is_dark(palette: QPalette | None = None) -> bool:
    """True when the window background is dark (the dark theme, or a dark desktop)."""
    if palette is None:
        app = QGuiApplication.instance()
        if app is None:
            return False
        palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def colour(name: str, dark: bool | None = None) -> str:
    """The role's colour ('#rrggbb') for the theme in use (or for ``dark``)."""
    light_value, dark_value = ROLES[name]
    return dark_value if (palette_is_dark() if dark is None else dark) else light_value


def qcolour(name: str, alpha: float = 1.0, dark: bool | None = None) -> QColor:
    c = QColor(colour(name, dark))
    c.setAlphaF(alpha)
    return c


def rgba(name: str, alpha: float = 1.0, dark: bool | None = None
         ) -> tuple[float, float, float, float]:
    """(r, g, b, a) floats in [0, 1], for OpenGL items."""
    c = qcolour(name, alpha, dark)
    return c.redF(), c.greenF(), c.blueF(), c.alphaF()


def dark_palette() -> QPalette:
    """The application palette of the dark theme, from the ``palette.*`` roles."""
    def c(role: str) -> QColor:
        return QColor(colour(role, dark=True))

    pal = QPalette()
    roles = QPalette.ColorRole
    base, window, text = c("palette.base"), c("palette.window"), c("palette.text")
    for role, value in ((roles.Window, window), (roles.WindowText, text),
                        (roles.Base, base), (roles.AlternateBase, window),
                        (roles.ToolTipBase, window), (roles.ToolTipText, text),
                        (roles.Text, text), (roles.Button, window),
                        (roles.ButtonText, text),
                        (roles.BrightText, c("palette.bright_text")),
                        (roles.Highlight, c("palette.highlight")),
                        (roles.HighlightedText, c("palette.highlighted_text")),
                        (roles.Link, c("palette.link"))):
        pal.setColor(role, value)
    for role in (roles.Text, roles.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, c("palette.disabled_text"))
    return pal


# the tables (imported for their register() calls)
from gui.theme import shared  # noqa: E402, F401  isort: skip
from gui.theme import chain, descent, regression  # noqa: E402, F401  isort: skip
