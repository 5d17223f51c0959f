"""Least squares, the cost: :func:`cost_function`, the sum of squared errors as a
function of the model parameters, with the same duck-typed objective interface as
``core.descent`` (``value``/``gradient``/``value_at``/``gradient_at``/``hessian_at``/
``variables``/``n``), so gradient descent can run on it.

Cost convention: C(θ) = Σ (y_i − model(x_i))², without the chapter's ½ (it scales
the cost and gradient only; the minimiser is the same).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from core.regression_fit import fit_polynomial
from core.regression_numeric import (
    _as_points,
    _check_degree,
    _compose_to_raw,
    _fsum_mean,
    _unit,
    parameter_names,
)


def _substitution_matrix(p: int, mean: float, std: float) -> np.ndarray:
    """(p, p): row j holds the ascending coefficients of ((x − mean)/std)^j in x."""
    m = np.zeros((p, p))
    for j in range(p):
        e = np.zeros(p)
        e[j] = 1.0
        m[j] = _compose_to_raw(e, mean, std)[:p]
    return m

class PolynomialCost:
    """C(θ) = Σ (y_i − Σ_j θ_j u_i^(p−1−j))² as an objective for gradient descent.

    θ is ordered highest power first (``variables`` gives the names).  ``u`` is x,
    or z = (x − mean)/std when ``standardize`` is true (use :meth:`to_raw`).

    C is the quadratic form θᵀAθ − 2gᵀθ + c with A = XᵀX; it is evaluated as
    C(θ) = C_min + (θ − θ*)ᵀA(θ − θ*), which is exact for any least-squares θ* and
    avoids the cancellation of the expanded form near the minimum.  All point
    sums are done once at construction, so evaluation cost is independent of the
    number of points.  No ½ in front (the textbook has one; it only halves the
    gradient).
    """

    def __init__(self, x: Any, y: Any, degree: int = 1, standardize: bool = False):
        degree = _check_degree(degree)
        xa, ya = _as_points(x, y)
        self.degree = degree
        self.standardize = bool(standardize)
        self.x, self.y = xa, ya
        if self.standardize and xa.size:
            # in power-of-two units (exact): ±1e300 data standardise like ±1 data
            xu = _unit(xa)
            xs = xa / xu if xu != 1.0 else xa
            mean = _fsum_mean(xs)
            std = float(np.sqrt(np.mean((xs - mean) ** 2)))
            std = std if std > 0.0 else 1.0
            u = (xs - mean) / std
            with np.errstate(over="ignore"):
                self.x_mean, self.x_std = mean * xu, std * xu
        else:
            self.x_mean, self.x_std = 0.0, 1.0
            u = xa
        self._u = u
        self.fit = fit_polynomial(u, ya, degree)
        p = degree + 1
        vander = np.vander(u, p)  # highest power first
        with np.errstate(all="ignore"):  # raw x of ±1e200: A overflows to inf, no error
            a = vander.T @ vander if xa.size else np.zeros((p, p))
            self._a = 0.5 * (a + a.T)
        self._a.setflags(write=False)
        self._theta_star = np.array(self.fit.coefficients, dtype=np.float64)
        self._theta_star.setflags(write=False)
        self._c_min = self.fit.sse
        self._a_list = self._a.tolist()
        self._theta_list = self._theta_star.tolist()
        self._hessian = 2.0 * self._a
        self._hessian.setflags(write=False)
        # with standardize the same names refer to the coefficients over z
        self.variables = parameter_names(degree)

    # interface shared with core.descent objectives -------------------------------
    @property
    def n(self) -> int:
        """Number of variables (parameters), p = degree + 1."""
        return self.degree + 1

    @property
    def n_points(self) -> int:
        return int(self.x.size)

    @property
    def minimizer(self) -> np.ndarray:
        """A least-squares θ* (the minimum-norm one if under-determined)."""
        return self._theta_star

    @property
    def min_value(self) -> float:
        return self._c_min

    @property
    def quadratic_form(self) -> tuple[np.ndarray, np.ndarray, float]:
        """(A, g, c) with C(θ) = θᵀAθ − 2gᵀθ + c (A = XᵀX, g = Xᵀy, c = yᵀy)."""
        vander = np.vander(self._u, self.n)
        with np.errstate(all="ignore"):
            return self._a.copy(), vander.T @ self.y, float(self.y @ self.y)

    def _params(self, params: Any) -> np.ndarray:
        th = np.asarray(params, dtype=np.float64)
        if th.ndim == 0 or th.shape[-1] != self.n:
            raise ValueError(f"params must have shape (..., {self.n}), got {th.shape}")
        return th

    def value_at(self, params: Any) -> np.ndarray | float:
        """C at params of shape (..., p) → shape (...)."""
        d = self._params(params) - self._theta_star
        out = self._c_min + np.einsum("...i,ij,...j->...", d, self._a, d)
        return float(out) if np.ndim(out) == 0 else out

    def gradient_at(self, params: Any) -> np.ndarray:
        """∇C at params of shape (..., p) → shape (..., p); ∇C = 2A(θ − θ*)."""
        d = self._params(params) - self._theta_star
        return 2.0 * (d @ self._a)

    def hessian_at(self, params: Any = None) -> np.ndarray:
        """The constant Hessian 2·XᵀX, shape (p, p)."""
        return self._hessian.copy()

    def condition_number(self) -> float:
        """λmax/λmin of the (constant) Hessian: the bowl's elongation (∞ if singular)."""
        ev = np.linalg.eigvalsh(self.hessian_at())
        return float(ev[-1] / ev[0]) if ev[0] > 1e-300 else math.inf

    def value_and_gradient_scalar(self, *coords: float) -> tuple[float, tuple[float, ...]]:
        """(C, ∇C) at one point given as Python floats — the fast path used by
        ``core.descent.descend``; pure Python, no numpy overhead."""
        p = self.n
        if len(coords) != p:
            raise TypeError(f"expected {p} coordinates {self.variables}, got {len(coords)}")
        d = [float(c) - t for c, t in zip(coords, self._theta_list, strict=False)]
        ad = [sum(row[j] * d[j] for j in range(p)) for row in self._a_list]
        value = self._c_min + sum(di * adi for di, adi in zip(d, ad, strict=False))
        return value, tuple(2.0 * v for v in ad)

    def value(self, *coords: Any) -> np.ndarray | float:
        """C(θ_0, θ_1, …) with one broadcastable array per variable."""
        return self.value_at(self._stack(coords))

    def gradient(self, *coords: Any) -> np.ndarray:
        """∇C with shape (p, *broadcast shape)."""
        return np.moveaxis(self.gradient_at(self._stack(coords)), -1, 0)

    def _stack(self, coords: tuple[Any, ...]) -> np.ndarray:
        if len(coords) != self.n:
            raise TypeError(f"expected {self.n} coordinates {self.variables}, got {len(coords)}")
        arrays = np.broadcast_arrays(*(np.asarray(c, dtype=np.float64) for c in coords))
        return np.stack(arrays, axis=-1)

    def direct_value_at(self, params: Any) -> np.ndarray:
        """C by the literal per-point sum (slow, O(n·batch); a reference for tests)."""
        th = self._params(params)
        u = self._u
        vander = np.vander(u, self.n)
        res = self.y - th @ vander.T  # (..., n)
        return np.sum(res * res, axis=-1)

    # coordinate conversion -------------------------------------------------------
    def to_raw(self, params: Any) -> np.ndarray:
        """Raw-x coefficients (highest power first) of the model given by ``params``.

        Identity when ``standardize`` is false.  Works on a batch (..., p).
        """
        th = self._params(params)
        if not self.standardize:
            return th.copy()
        # ascending coefficients in z, composed with z = (x − mean)/std
        # raw_asc = asc @ M, M[j] = ascending coeffs of z^j in x
        m = _substitution_matrix(self.n, self.x_mean, self.x_std)
        return (th[..., ::-1] @ m)[..., ::-1]

    def from_raw(self, coefficients: Any) -> np.ndarray:
        """Inverse of :meth:`to_raw`: raw-x coefficients → parameters of this cost."""
        th = self._params(coefficients)
        if not self.standardize:
            return th.copy()
        # x = std·z + mean; M[j] = ascending coeffs of x^j in z
        m = _substitution_matrix(self.n, -self.x_mean / self.x_std, 1.0 / self.x_std)
        return (th[..., ::-1] @ m)[..., ::-1]

    def __repr__(self) -> str:
        return (
            f"PolynomialCost(degree={self.degree}, n_points={self.n_points}, "
            f"standardize={self.standardize})"
        )


def cost_function(x: Any, y: Any, degree: int = 1, standardize: bool = False) -> PolynomialCost:
    """The least-squares cost over the model parameters, ready for gradient descent."""
    return PolynomialCost(x, y, degree, standardize)
