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


def ols_hac(X: np.ndarray, Y: np.ndarray, maxlags: int) -> tuple[np.ndarray, np.ndarray]:
    """OLS with Newey-West (HAC) standard errors for many series on one design, at once.

    The same estimator as statsmodels' ``OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags":
    maxlags, "use_correction": True})`` (Bartlett weights ``1 - l / (maxlags + 1)``, the
    small-sample factor ``n / (n - k)``), vectorised over the rows of ``Y``: a simulation of
    thousands of series costs a few matrix products instead of thousands of model objects.

    Args:
        X: design, shape ``(n, k)``, full column rank.
        Y: series, shape ``(n,)`` or ``(sims, n)``.
        maxlags: Newey-West lags.

    Returns:
        ``(params, bse)``, each of shape ``(sims, k)`` (``(k,)`` for one series).
    """
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    one = Y.ndim == 1
    Y = np.atleast_2d(Y)
    n, k = X.shape
    h_inv = np.linalg.pinv(X.T @ X)
    params = Y @ (h_inv @ X.T).T  # (sims, k)
    resid = Y - params @ X.T  # (sims, n)
    xu = resid[:, :, None] * X[None, :, :]  # (sims, n, k)
    S = np.einsum("stk,stj->skj", xu, xu)
    for lag in range(1, maxlags + 1):
        s = np.einsum("stk,stj->skj", xu[:, lag:], xu[:, :-lag])
        S += (1 - lag / (maxlags + 1)) * (s + np.swapaxes(s, 1, 2))
    cov = h_inv[None] @ S @ h_inv[None] * (n / (n - k))
    bse = np.sqrt(np.diagonal(cov, axis1=1, axis2=2))
    return (params[0], bse[0]) if one else (params, bse)
