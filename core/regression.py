"""Least squares (最小二乘法) for the Least Squares Lab — chapter section 3.

Three things live here:

* :func:`fit_polynomial` — a numerically careful least-squares polynomial fit of
  degree 0..10 returning a :class:`PolynomialFit`.  Degree 1 is the chapter's
  ``y = k·x + b``.  Under-determined inputs (chapter 3.5: you need more points
  than parameters) never raise; they are reported through ``status`` /
  ``message`` and a minimum-norm solution is still returned so a GUI can draw it.
* :class:`SufficientStats` — the six sums n, Σx, Σy, Σx², Σxy, Σy² that fully
  determine the degree-1 cost surface C(k, b), evaluated on whole grids without
  touching the points again.
* :func:`cost_function` — the sum of squared errors as a function of the model
  parameters, exposing the same duck-typed objective interface as
  ``core.descent`` (``value``/``gradient``/``value_at``/``gradient_at``/
  ``hessian_at``/``variables``/``n``) so gradient descent can run on it.

Cost convention: C(θ) = Σ (y_i − model(x_i))², *without* the ½ the textbook puts
in front.  The ½ only scales the cost and its gradient by a constant factor (and so
rescales the useful learning rates by 2); the minimiser is the same.

The code lives in core.regression_numeric, core.regression_fit, core.regression_stats
and core.regression_cost; this module is the one place to import them from.
Only numpy and the standard library are used (no Qt).
"""

from core.regression_cost import PolynomialCost, cost_function
from core.regression_fit import PolynomialFit, fit_polynomial
from core.regression_numeric import MAX_DEGREE, STATUSES, model_name, parameter_names
from core.regression_stats import SufficientStats, parameter_window

__all__ = [
    "MAX_DEGREE",
    "STATUSES",
    "PolynomialFit",
    "fit_polynomial",
    "SufficientStats",
    "parameter_window",
    "PolynomialCost",
    "cost_function",
    "model_name",
    "parameter_names",
]
