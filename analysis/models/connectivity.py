"""Connectivity around the policy events: subscriber series, growth, and a segmented trend.

The model (:func:`segmented_trend`) is an interrupted time series on a monthly level:

    y_t = a + b*t + sum_e [ c_e * post_e(t) + d_e * (t - t_e) * post_e(t) ] + error

with ``t`` in months, ``post_e`` = 1 from the first month after event ``e`` on, ``c_e`` the
step (level shift, in the series' unit) and ``d_e`` the change in monthly growth. Standard
errors are HAC (Newey-West, small-sample corrected, t-based intervals), since monthly
subscriber counts are autocorrelated. With about 48 months and steps identified by a few
months each, HAC tests over-reject badly: on simulated series with no break they flag one
far more often than the nominal rate. :func:`null_t_stats` and :func:`calibrate` measure that
rate and give a p-value from the simulated no-break distribution instead.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import statsmodels.api as sm

from analysis.models.numerics import ols_hac

#: The policy events the subscriber series are tested at (keys of :mod:`analysis.events`);
#: ``events.months_after(EVENT_KEYS)`` gives the ``breaks`` the functions below take.

EVENT_KEYS = ("x_block", "firewall_slowdown", "registration_deadline")


#: Known breaks in the series that are not policy effects.
SERIES_BREAKS = {
    "2023-06": "2023 census population base: penetration and teledensity ratios re-based",
    "2024-12": "Jazz switched off 3G in Dec 2024 (3G users 1.549 million to 0)",
}

MIN_POINTS_PER_SEGMENT = 3


def subscriber_panel(
    telecom: pd.DataFrame,
    indicators: tuple[str, ...] = ("cellular_subscribers", "mobile_broadband_subscribers"),
    start: str = "2021-12",
) -> pd.DataFrame:
    """Return used monthly values (millions) of ``indicators`` from ``start``, one column each.

    Returns:
        DataFrame indexed by month (``Period[M]``), one column per indicator, NaN where a
        month was not published (gaps are kept visible, not filled).
    """
    t = telecom.loc[
        telecom["use"]
        & telecom["indicator"].isin(indicators)
        & (telecom["month"] >= pd.Period(start, "M"))
    ]
    if (t["unit"] != "million").any():
        raise ValueError("subscriber_panel expects indicators measured in millions")
    wide = t.pivot_table(index="month", columns="indicator", values="value", observed=True)
    span = pd.period_range(wide.index.min(), wide.index.max(), freq="M")
    wide = wide.reindex(span)[list(indicators)]
    wide.index.name = "month"
    wide.columns.name = None
    return wide


def growth_rates(series: pd.Series) -> pd.DataFrame:
    """Month-on-month change (millions and %) and year-on-year change (%) of a monthly series.

    A change is computed only between consecutive published months (a gap gives NaN).
    """
    s = series.astype(float)
    return pd.DataFrame(
        {
            "value": s,
            "mom_change": s.diff(),
            "mom_pct": 100 * s.pct_change(fill_method=None),
            "yoy_pct": 100 * s.pct_change(12, fill_method=None),
        }
    )


@dataclass(frozen=True)
class TrendFit:
    """A fitted segmented trend: coefficient table, fitted values and fit statistics."""

    table: pd.DataFrame
    fitted: pd.Series
    counterfactual: pd.Series
    n_obs: int
    r_squared: float
    hac_lags: int


def _check_series(y: pd.Series) -> pd.Series:
    if not isinstance(y.index, pd.PeriodIndex) or y.index.freqstr not in ("M", "ME"):
        raise ValueError("segmented_trend needs a series indexed by monthly periods")
    if y.index.has_duplicates:
        dup = y.index[y.index.duplicated()][0]
        raise ValueError(f"segmented_trend: month {dup} appears more than once")
    if not y.index.is_monotonic_increasing:
        raise ValueError("segmented_trend: months are not sorted in time")
    return y.dropna()


def design(index: pd.PeriodIndex, breaks: dict[str, str], slopes: bool = True) -> pd.DataFrame:
    """Build the regression matrix: constant, trend, and a step (and slope) per break."""
    t = np.array([(p - index[0]).n for p in index], dtype=float)
    cols = {"const": np.ones(len(index)), "trend": t}
    for name, month in breaks.items():
        t_e = (pd.Period(month, "M") - index[0]).n
        post = (t >= t_e).astype(float)
        cols[f"step: {name}"] = post
        if slopes:
            cols[f"slope: {name}"] = (t - t_e) * post
    return pd.DataFrame(cols, index=index)


def segmented_trend(
    y: pd.Series,
    breaks: dict[str, str],
    slopes: bool = True,
    hac_lags: int = 3,
    alpha: float = 0.05,
) -> TrendFit:
    """Fit the interrupted-time-series model with HAC errors.

    Args:
        y: monthly series (``Period[M]`` index, sorted, unique); NaN months are dropped.
        breaks: event name -> first month after the event (``"2024-12"``).
        slopes: also estimate a change in monthly growth at each break.
        hac_lags: Newey-West lags.
        alpha: 1 - confidence level of the intervals.

    Returns:
        :class:`TrendFit` with one table row per coefficient: ``term``, ``estimate``,
        ``ci_low``, ``ci_high``, ``t_stat``, ``p_value`` (steps in the series' unit; slopes
        and trend in units per month); ``counterfactual`` is the pre-break trend extended.

    Raises:
        ValueError: unsorted or duplicate months, too few points, or a break with fewer than
            ``MIN_POINTS_PER_SEGMENT`` observed months on either side.
    """
    obs = _check_series(y)
    X = design(obs.index, breaks, slopes)
    if len(obs) < 2 * X.shape[1]:
        raise ValueError(
            f"segmented_trend: {len(obs)} observed months is too few for "
            f"{X.shape[1]} parameters (need at least {2 * X.shape[1]})"
        )
    for name, month in breaks.items():
        before = int((obs.index < pd.Period(month, "M")).sum())
        after = len(obs) - before
        if min(before, after) < MIN_POINTS_PER_SEGMENT:
            raise ValueError(
                f"segmented_trend: break {name!r} at {month} has {before} months "
                f"before and {after} after; need {MIN_POINTS_PER_SEGMENT} each"
            )
    model = sm.OLS(obs.to_numpy(float), X.to_numpy()).fit(
        cov_type="HAC", cov_kwds={"maxlags": hac_lags, "use_correction": True}, use_t=True
    )
    ci = model.conf_int(alpha)
    table = pd.DataFrame(
        {
            "term": X.columns,
            "estimate": model.params,
            "ci_low": ci[:, 0],
            "ci_high": ci[:, 1],
            "t_stat": model.tvalues,
            "p_value": model.pvalues,
        }
    )
    base = X[["const", "trend"]].to_numpy() @ model.params[:2]
    return TrendFit(
        table=table.reset_index(drop=True),
        fitted=pd.Series(model.fittedvalues, index=obs.index),
        counterfactual=pd.Series(base, index=obs.index),
        n_obs=int(model.nobs),
        r_squared=float(model.rsquared),
        hac_lags=hac_lags,
    )


def event_frame(months: dict[str, str]) -> pd.DataFrame:
    """Events as a DataFrame (``label``, ``date`` at the start of the first 'after' month)."""
    return pd.DataFrame(
        {
            "label": [k.split(" (")[0] for k in months],
            "date": [pd.Period(m, "M").start_time for m in months.values()],
        }
    )


def robustness(
    y: pd.Series, breaks: dict[str, str], starts: list[str], hac_lags: int = 3
) -> pd.DataFrame:
    """Re-fit the segmented trend for each sample start, with and without slope terms.

    Returns:
        One row per (start, slopes, step term): ``start``, ``slopes``, ``term``, ``estimate``,
        ``ci_low``, ``ci_high``, ``p_value``, ``n_obs``.
    """
    rows = []
    for start in starts:
        for slopes in (True, False):
            fit = segmented_trend(y.loc[pd.Period(start, "M") :], breaks, slopes, hac_lags)
            steps = fit.table.loc[fit.table["term"].str.startswith("step")]
            rows.append(steps.assign(start=start, slopes=slopes, n_obs=fit.n_obs))
    out = pd.concat(rows, ignore_index=True)
    out["term"] = out["term"].str.removeprefix("step: ")
    return out[["term", "start", "slopes", "n_obs", "estimate", "ci_low", "ci_high", "p_value"]]


def ar1(residuals: pd.Series) -> float:
    """First-order autocorrelation of residuals over consecutive observed months."""
    r = residuals.dropna()
    consecutive = [
        (r.iloc[i - 1], r.iloc[i]) for i in range(1, len(r)) if (r.index[i] - r.index[i - 1]).n == 1
    ]
    a, b = np.array(consecutive).T
    return float(np.corrcoef(a, b)[0, 1])


def null_t_stats(
    index: pd.PeriodIndex,
    breaks: dict[str, str],
    sd: float,
    rho: float,
    slopes: bool = True,
    sims: int = 200,
    seed: int = 0,
    hac_lags: int = 3,
) -> pd.DataFrame:
    """t-statistics of each step on simulated series with no break.

    Each simulated series is a linear trend plus AR(1) noise with standard deviation ``sd``
    and autocorrelation ``rho`` (take both from the real fit's residuals), observed on the
    same months as the real series, and fitted with the same model.

    Returns:
        One row per simulation, one column per step term (t-statistics).
    """
    rng = np.random.default_rng(seed)
    t = np.array([(p - index[0]).n for p in index], dtype=float)
    span = int(t[-1]) + 1
    innov_sd = sd * np.sqrt(max(1 - rho**2, 1e-12))
    e = np.empty((sims, span))
    for k in range(sims):  # per series: its start, then its shocks (one stream, in order)
        e[k, 0] = rng.normal(0, sd)
        e[k, 1:] = rng.normal(0, innov_sd, span)[1:]
    for i in range(1, span):
        e[:, i] += rho * e[:, i - 1]
    Y = 100 + 0.5 * t + e[:, t.astype(int)]
    # the same fit as segmented_trend (OLS, HAC errors) on every series at once
    segmented_trend(pd.Series(Y[0], index=index), breaks, slopes, hac_lags)  # checks the design
    X = design(index, breaks, slopes)
    params, bse = ols_hac(X.to_numpy(), Y, hac_lags)
    steps = [i for i, c in enumerate(X.columns) if c.startswith("step")]
    return pd.DataFrame(
        params[:, steps] / bse[:, steps], columns=pd.Index(X.columns[steps], name="term")
    )


def calibrate(
    fit: TrendFit, null: pd.DataFrame, alpha: float = 0.05, power: float = 0.80
) -> pd.DataFrame:
    """Compare each step's HAC p-value with a p-value from the simulated null distribution.

    The calibrated interval replaces the t distribution's critical value by the simulated
    one: ``estimate +/- c * se``, where ``c`` is the ``1 - alpha`` quantile of the absolute
    t-statistics of the no-break series (so it covers as often as it claims, under the
    simulated noise), and ``se`` the HAC standard error. The minimum detectable step is the
    step the test finds with probability ``power`` at level ``alpha``:
    ``(c + z_power * sd(t_null)) * se``.

    Returns:
        One row per step: ``estimate``, ``ci_low``, ``ci_high`` (HAC), ``p_hac``,
        ``null_flag_rate`` (share of no-break simulations that HAC flags at ``alpha``),
        ``p_simulated`` (share of simulations with a larger absolute t-statistic),
        ``critical_t`` (simulated), ``cal_low``, ``cal_high`` (calibrated interval) and
        ``mde`` (minimum detectable step, same unit as the estimate).
    """
    from scipy import stats

    df_resid = fit.n_obs - len(fit.table)
    crit = stats.t.ppf(1 - alpha / 2, df_resid)
    steps = fit.table.loc[fit.table["term"].str.startswith("step")].set_index("term")
    out = steps[["estimate", "ci_low", "ci_high"]].assign(p_hac=steps["p_value"])
    out["null_flag_rate"] = [(null[k].abs() > crit).mean() for k in steps.index]
    out["p_simulated"] = [
        (null[k].abs() >= abs(steps.loc[k, "t_stat"])).mean() for k in steps.index
    ]
    se = (steps["ci_high"] - steps["ci_low"]) / (2 * crit)
    c_sim = pd.Series({k: float(null[k].abs().quantile(1 - alpha)) for k in steps.index})
    sd_t = pd.Series({k: float(null[k].std(ddof=1)) for k in steps.index})
    out["critical_t"] = c_sim
    out["cal_low"] = steps["estimate"] - c_sim * se
    out["cal_high"] = steps["estimate"] + c_sim * se
    out["mde"] = (c_sim + stats.norm.ppf(power) * sd_t) * se
    return out.reset_index()
