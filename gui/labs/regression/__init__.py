"""The Regression Lab: ``state.py`` (the Qt-free saved settings), ``lab.py`` (the
widget, RegressionLab) and its panels (see lab.py's docstring)."""
