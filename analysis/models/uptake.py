"""Registration uptake: a saturating curve fitted to the November 2024 campaign, and the gap.

The uptake model adds a campaign curve to the stock registered before the campaign:

    logistic:  y(t) = base + A / (1 + exp(-r (t - t0)))
    gompertz:  y(t) = base + A * exp(-exp(-r (t - t0)))

with ``t`` in days since the campaign began, ``base`` the last count before it, ``A`` the
registrations the campaign adds at saturation, ``r`` a rate per day and ``t0`` the day of
fastest uptake. Intervals come from the fit's parameter covariance, propagated by drawing
parameters (seeded) from their estimated normal distribution.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.optimize import curve_fit

from analysis.models.numerics import CURVE_FIT_MAXFEV, CURVE_FIT_TOL, mvn_draws


def logistic(t, a, r, t0):
    """Campaign additions at day ``t`` under a logistic curve (asymptote ``a``)."""
    return a / (1.0 + np.exp(-r * (t - t0)))


def gompertz(t, a, r, t0):
    """Campaign additions at day ``t`` under a Gompertz curve (asymptote ``a``)."""
    return a * np.exp(-np.exp(-r * (t - t0)))


MODELS = {"logistic": logistic, "gompertz": gompertz}
PARAMS = ("a", "r", "t0")


@dataclass(frozen=True)
class UptakeFit:
    """A fitted uptake curve: parameters, their covariance and what the fit rests on."""

    model: str
    base: float
    start: pd.Timestamp
    params: np.ndarray
    cov: np.ndarray
    n_points: int
    residual_sd: float

    def table(self, z: float = 1.959964) -> pd.DataFrame:
        """Parameters with standard errors and normal 95% intervals."""
        se = np.sqrt(np.diag(self.cov))
        return pd.DataFrame(
            {
                "parameter": PARAMS,
                "estimate": self.params,
                "se": se,
                "ci_low": self.params - z * se,
                "ci_high": self.params + z * se,
            }
        )


def _days(dates: pd.Series | pd.DatetimeIndex, start: pd.Timestamp) -> np.ndarray:
    return np.asarray((pd.DatetimeIndex(dates) - start).days, dtype=float)


def _check(dates: pd.Series, counts: pd.Series, n_params: int) -> None:
    d = pd.DatetimeIndex(dates)
    if d.has_duplicates:
        raise ValueError(
            f"fit_uptake: date {d[d.duplicated()][0].date()} appears more than "
            "once; keep one count per date (the used one)"
        )
    if not d.is_monotonic_increasing:
        raise ValueError("fit_uptake: dates are not sorted in time")
    if len(d) <= n_params:
        raise ValueError(
            f"fit_uptake: {len(d)} counts cannot identify {n_params} parameters; "
            f"need at least {n_params + 1}"
        )
    if (np.asarray(counts, dtype=float) < 0).any():
        raise ValueError("fit_uptake: counts must be >= 0")


def fit_uptake(
    dates: pd.Series,
    counts: pd.Series,
    base: float,
    model: str = "logistic",
    *,
    start: pd.Timestamp,
) -> UptakeFit:
    """Fit the campaign curve to cumulative counts (dates on or after ``start``).

    Args:
        dates: reporting dates, sorted, one per count.
        counts: cumulative registrations on those dates.
        base: registrations before the campaign (the curve starts from it).
        model: ``"logistic"`` or ``"gompertz"``.
        start: day 0 of the campaign.

    Raises:
        ValueError: unknown model, unsorted or duplicate dates, too few points, negative
            counts, or a fit that does not converge.
    """
    start = pd.Timestamp(start)
    if model not in MODELS:
        raise ValueError(f"fit_uptake: unknown model {model!r}; choose one of {', '.join(MODELS)}")
    _check(dates, counts, len(PARAMS))
    t = _days(dates, start)
    y = np.asarray(counts, dtype=float) - base
    p0 = (max(y.max(), 1.0), 0.2, float(np.median(t)))
    bounds = ((0.0, 1e-3, -60.0), (50 * max(y.max(), 1.0), 5.0, 200.0))
    try:
        params, cov = curve_fit(
            MODELS[model],
            t,
            y,
            p0=p0,
            bounds=bounds,
            method="trf",
            ftol=CURVE_FIT_TOL,
            xtol=CURVE_FIT_TOL,
            gtol=CURVE_FIT_TOL,
            maxfev=CURVE_FIT_MAXFEV,
        )
    except RuntimeError as exc:
        raise ValueError(f"fit_uptake: the {model} curve did not converge ({exc})") from None
    if not np.isfinite(cov).all():
        raise ValueError(
            f"fit_uptake: the {model} fit has no finite covariance; the counts do "
            "not pin down its three parameters"
        )
    resid = y - MODELS[model](t, *params)
    dof = max(len(t) - len(PARAMS), 1)
    return UptakeFit(
        model,
        float(base),
        pd.Timestamp(start),
        params,
        cov,
        len(t),
        float(np.sqrt((resid**2).sum() / dof)),
    )


def predict(
    fit: UptakeFit, dates, draws: int = 4000, seed: int = 0, level: float = 0.90
) -> pd.DataFrame:
    """Fitted cumulative registrations with a ``level`` band from parameter uncertainty.

    Returns:
        Columns ``date``, ``fitted``, ``low``, ``high`` (registrations, cumulative).
    """
    dates = pd.DatetimeIndex(dates)
    t = _days(dates, fit.start)
    f = MODELS[fit.model]
    rng = np.random.default_rng(seed)
    sample = mvn_draws(rng, fit.params, fit.cov, draws)
    sample = sample[(sample[:, 0] > 0) & (sample[:, 1] > 0)]
    curves = fit.base + f(t[None, :], sample[:, [0]], sample[:, [1]], sample[:, [2]])
    q = (1 - level) / 2
    return pd.DataFrame(
        {
            "date": dates,
            "fitted": fit.base + f(t, *fit.params),
            "low": np.quantile(curves, q, axis=0),
            "high": np.quantile(curves, 1 - q, axis=0),
        }
    )


def implications(
    fit: UptakeFit, deadline: pd.Timestamp, draws: int = 4000, seed: int = 0, level: float = 0.90
) -> pd.DataFrame:
    """What the curve implies: registrations at the deadline and at saturation, with bands.

    Returns:
        One row per quantity (``quantity``, ``central``, ``low``, ``high``, ``unit``):
        registrations at the deadline, at saturation, the share of saturation reached by the
        deadline, and the days from campaign start to 95% of the campaign's additions.
    """
    deadline = pd.Timestamp(deadline)
    f = MODELS[fit.model]
    rng = np.random.default_rng(seed)
    sample = mvn_draws(rng, fit.params, fit.cov, draws)
    sample = sample[(sample[:, 0] > 0) & (sample[:, 1] > 0)]
    t_d = (deadline - fit.start).days

    def stats(a, r, t0):
        at_deadline = fit.base + f(t_d, a, r, t0)
        saturation = fit.base + a
        if fit.model == "logistic":
            t95 = t0 + np.log(19.0) / r
        else:
            t95 = t0 - np.log(-np.log(0.95)) / r
        return at_deadline, saturation, at_deadline / saturation, t95

    central = stats(*fit.params)
    drawn = np.array(stats(sample[:, 0], sample[:, 1], sample[:, 2]))
    q = (1 - level) / 2
    names = (
        "registrations at the deadline",
        "registrations at saturation",
        "share of saturation reached by the deadline",
        "days from campaign start to 95% of additions",
    )
    units = ("VPNs", "VPNs", "share", "days")
    return pd.DataFrame(
        {
            "quantity": names,
            "central": central,
            "low": np.quantile(drawn, q, axis=1),
            "high": np.quantile(drawn, 1 - q, axis=1),
            "unit": units,
        }
    )


def ratio_range(
    numerator: tuple[float, float, float], denominator: tuple[float, float, float]
) -> tuple[float, float, float]:
    """Return (low, central, high) of numerator/denominator from (low, central, high) inputs.

    The low ratio divides the low numerator by the high denominator and vice versa.
    """
    n_lo, n_c, n_hi = numerator
    d_lo, d_c, d_hi = denominator
    if min(d_lo, d_c, d_hi) <= 0:
        raise ValueError("ratio_range: denominators must be > 0")
    if not (n_lo <= n_c <= n_hi and d_lo <= d_c <= d_hi):
        raise ValueError("ratio_range: each triple must be ordered low <= central <= high")
    return n_lo / d_hi, n_c / d_c, n_hi / d_lo


def gap_table(rows: list[dict]) -> pd.DataFrame:
    """Registration-gap ratios with ranges.

    Args:
        rows: dicts with ``comparison``, ``registered`` and ``against`` as (low, central,
            high) triples, and ``what`` (how to read the ratio).

    Returns:
        One row per comparison with the inputs and ``ratio_low``, ``ratio``, ``ratio_high``.
    """
    out = []
    for r in rows:
        lo, c, hi = ratio_range(r["registered"], r["against"])
        out.append(
            {
                "comparison": r["comparison"],
                "registered": r["registered"][1],
                "against_low": r["against"][0],
                "against": r["against"][1],
                "against_high": r["against"][2],
                "ratio_low": lo,
                "ratio": c,
                "ratio_high": hi,
                "what": r["what"],
            }
        )
    return pd.DataFrame(out)


def staff_share_floor(
    registered_firms: float, firms: float, size_classes: list[tuple[float, float, float]]
) -> float:
    """Smallest share of staff that ``registered_firms`` firms can employ if they are the largest.

    Firms are grouped by size; ``size_classes`` gives, per class, ``(share of firms, lowest
    staff per firm, highest staff per firm)`` (the highest may be ``inf``); the shares must sum
    to one. If the registrants are the largest firms, they fill the classes from the top, and
    in a class they only partly fill they employ at least their proportional share of its staff.
    Every class's staff total can lie anywhere between its count times its lowest and highest
    size; the share is a ratio that is linear in each total, so its minimum is at a corner:
    each wholly registered class at its lowest, each unregistered class at its highest, and the
    partly registered class at whichever end gives less.

    This is a floor under one assumption (largest firms first); with registrants of average
    size the share equals the count share ``registered_firms / firms``.
    """
    if not 0 <= registered_firms <= firms or firms <= 0:
        raise ValueError("staff_share_floor: need 0 <= registered firms <= firms, firms > 0")
    shares = np.array([c[0] for c in size_classes], dtype=float)
    if (shares < 0).any() or abs(shares.sum() - 1) > 1e-9:
        raise ValueError("staff_share_floor: class shares must be >= 0 and sum to 1")
    classes = sorted(size_classes, key=lambda c: c[1], reverse=True)
    left = float(registered_firms)
    num, den, partial = 0.0, 0.0, None
    for share, lo, hi in classes:
        n = share * firms
        taken = min(left, n)
        left -= taken
        if n > 0 and taken >= n:  # wholly registered: smallest total
            num += lo * n
            den += lo * n
        elif taken > 0:
            partial = (taken / n, lo * n, hi * n)
        else:  # unregistered: largest total
            if not np.isfinite(hi):
                return 0.0
            den += hi * n
    if partial is None:
        return num / den if den > 0 else 0.0
    a, s_lo, s_hi = partial
    ends = [(num + a * s_lo) / (den + s_lo)]
    ends.append((num + a * s_hi) / (den + s_hi) if np.isfinite(s_hi) else a)
    return float(min(ends))
