"""Colour roles of the Descent Lab (see gui/theme/__init__.py)."""
from __future__ import annotations

from gui import theme

theme.register({
})
