"""Qt-free state of this lab (see gui/labs/__init__.py)."""
