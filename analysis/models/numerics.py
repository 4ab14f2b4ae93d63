"""Numerical settings shared by the models, chosen so results do not depend on the machine.

- Multivariate normal draws go through a Cholesky factor. NumPy's default (an SVD) returns
  singular vectors whose signs and, for near-equal singular values, directions depend on the
  LAPACK build and CPU; the Cholesky factor of a positive-definite matrix is unique, so the
  same seed gives the same draws everywhere (up to rounding).
- Optimisers run to tight tolerances from fixed starting values with generous iteration
  limits: a fit that stops early stops at a point that depends on rounding, a fit that
  converges stops where the data put it.
"""

from __future__ import annotations

import numpy as np

#: Tolerances for scipy's least-squares curve fits (``ftol``, ``xtol``, ``gtol``).
CURVE_FIT_TOL = 1e-12
#: Function-evaluation limit for curve fits.
CURVE_FIT_MAXFEV = 100_000
#: L-BFGS settings for statsmodels state-space fits (SARIMAX, UnobservedComponents).
STATESPACE_FIT = {"method": "lbfgs", "maxiter": 2000, "pgtol": 1e-10, "factr": 10.0, "disp": False}


def mvn_draws(rng: np.random.Generator, mean, cov, size: int) -> np.ndarray:
    """``size`` draws from N(mean, cov) through the Cholesky factor of ``cov``.

    A covariance that is only positive semi-definite (a parameter with no variance, or
    rounding) gets the smallest diagonal jitter, relative to its scale, that makes it
    positive definite.

    Returns:
        Array of shape ``(size, len(mean))``.

    Raises:
        ValueError: ``cov`` is not finite or not symmetric positive semi-definite.
    """
    mean = np.asarray(mean, dtype=float)
    cov = np.asarray(cov, dtype=float)
    if not (np.isfinite(mean).all() and np.isfinite(cov).all()):
        raise ValueError("mvn_draws: mean and covariance must be finite")
    cov = (cov + cov.T) / 2
    scale = float(np.max(np.abs(np.diag(cov)))) or 1.0
    for jitter in (0.0, 1e-12, 1e-10, 1e-8):
        try:
            chol = np.linalg.cholesky(cov + jitter * scale * np.eye(len(mean)))
            break
        except np.linalg.LinAlgError:
            continue
    else:
        raise ValueError("mvn_draws: the covariance is not positive semi-definite")
    z = rng.standard_normal((size, len(mean)))
    return mean + z @ chol.T
