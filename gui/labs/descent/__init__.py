"""The Descent Lab.  ``state.py`` and ``results.py`` are Qt-free (the saved settings,
and what core/ computes from them); ``lab.py`` holds the widget, DescentLab, which
composes the panels: editor, ranges, eta, controls (optimizers, stop rules), basin,
plots (the views of f), loss, status (the banner) and steps.  This file imports
nothing, so loading the state does not load Qt."""
