"""Ex-post test: did IT export remittances fall below what they would otherwise have been?

Every method is fitted on the pre-period only (months before the deadline), forecasts the
post-period, and reports the gap = observed - counterfactual, monthly and cumulative, with an
interval. Counterfactuals are drawn as simulated paths (seeded), so monthly and cumulative
intervals come from the same draws:

- ``trend``: OLS on log exports with a linear trend and one dummy for the June and December
  peaks; draws carry parameter and residual uncertainty (the segmented regression's
  pre-period; its full-sample step with HAC errors is :func:`its_step`);
- ``sarimax``: log exports as a regression on a linear trend and the same peak dummy with
  AR(1) errors (statsmodels SARIMAX; the series is too short for seasonal AR terms); draws by
  simulation. The trend enters as a regressor (time in years), not as SARIMAX's ``trend="ct"``
  intercept, which is nearly collinear with the AR coefficient and leaves the likelihood so
  flat that the optimum moved by 0.3% under a 1e-9 change of the data;
- ``yoy``: each post month is its value 12 months earlier times (1 + g), with g drawn around
  the mean year-on-year growth of the pre-period months.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
import statsmodels.api as sm
from statsmodels.tools.sm_exceptions import ConvergenceWarning
from statsmodels.tsa.statespace.sarimax import SARIMAX

from analysis.models.numerics import STATESPACE_FIT, mvn_draws, ols_hac
from analysis.precision import SAME_FIGURE_RTOL

#: Labels of one monthly series, first found wins. PBS's "IT services" figure is last: it
#: fills the five months (Jul-Sep 2019, Jul-Aug 2020) the press relays of SBP's figure miss,
#: and agrees with SBP's to within 1% where both exist (tests/test_exports_series.py).
LABEL_PRIORITY = ("sbp_it_ites", "sbp_ict", "it_unspecified", "pbs_ict_services")
#: Months where the label order picks a superseded figure, and the label to take instead.
#: Nov 2024: 324 ("IT & ITeS", first release) vs 310 (later report); 310 reconciles with the
#: July-December FY2025 total of 1,864 (see the note on that row in it_exports_monthly.csv).
LABEL_OVERRIDES = {"2024-11": "it_unspecified"}
PEAK_MONTHS = (6, 12)
METHODS = ("trend", "sarimax", "yoy", "structural")
MIN_PRE = 12


def headline_monthly(exports: pd.DataFrame, start: str = "2023-07") -> pd.DataFrame:
    """One value per month from ``start``: the used value under the first label available.

    The press reports SBP's monthly IT export remittances as "IT & ITeS", "ICT" or just "IT
    exports"; where two labels give the same month their values agree closely (see
    :func:`label_agreement`). Labels are tried in ``LABEL_PRIORITY`` order, except in the
    months of ``LABEL_OVERRIDES``.

    Returns:
        Columns ``month`` (Period[M]), ``value`` (USD million), ``series`` (label used),
        ``flag`` (reported/derived), ``source_id``; one row per month, sorted.
    """
    e = exports.loc[
        exports["use"]
        & (exports["month"] >= pd.Period(start, "M"))
        & exports["series"].isin(LABEL_PRIORITY)
    ]
    rank = e["series"].astype(str).map(LABEL_PRIORITY.index)
    override = e["month"].astype(str).map(LABEL_OVERRIDES)
    e = e.assign(rank=rank.where(override.isna() | (override != e["series"].astype(str)), -1))
    out = (
        e.sort_values(["month", "rank"])
        .groupby("month", observed=True)
        .head(1)[["month", "value", "series", "flag", "source_id"]]
        .reset_index(drop=True)
    )
    out["series"] = out["series"].astype(str)
    return out


def label_agreement(exports: pd.DataFrame, start: str = "2023-07") -> pd.DataFrame:
    """Months reported under more than one label, with the largest relative difference."""
    e = exports.loc[
        exports["use"]
        & (exports["month"] >= pd.Period(start, "M"))
        & exports["series"].isin(LABEL_PRIORITY)
    ]
    wide = e.pivot_table(index="month", columns="series", values="value", observed=True)
    multi = wide.loc[wide.notna().sum(axis=1) > 1]
    rel = multi.max(axis=1) / multi.min(axis=1) - 1
    # below one part in a million the labels give the same figure
    return multi.assign(max_rel_diff=rel.where(rel > SAME_FIGURE_RTOL, 0.0))


def _check(y: pd.Series, break_month: str) -> tuple[pd.Series, pd.Series]:
    if not isinstance(y.index, pd.PeriodIndex):
        raise ValueError("counterfactual: the series must be indexed by monthly periods")
    if y.index.has_duplicates:
        raise ValueError(
            f"counterfactual: month {y.index[y.index.duplicated()][0]} appears more than once"
        )
    if not y.index.is_monotonic_increasing:
        raise ValueError("counterfactual: months are not sorted in time")
    span = pd.period_range(y.index[0], y.index[-1], freq="M")
    missing = span.difference(y.index)
    if len(missing) or y.isna().any():
        gaps = [str(m) for m in missing] + [str(m) for m in y.index[y.isna()]]
        raise ValueError(
            f"counterfactual: the series has gaps ({', '.join(gaps)}); fill them "
            "from cumulative totals (flagged derived) or shorten the period"
        )
    brk = pd.Period(break_month, "M")
    pre, post = y.loc[y.index < brk], y.loc[y.index >= brk]
    if len(pre) < MIN_PRE:
        raise ValueError(f"counterfactual: {len(pre)} pre-period months; need at least {MIN_PRE}")
    if len(post) < 1:
        raise ValueError("counterfactual: no months after the break")
    return pre, post


def _peak(index: pd.PeriodIndex) -> np.ndarray:
    return np.isin(index.month, PEAK_MONTHS).astype(float)


def _trend_X(index: pd.PeriodIndex, origin: pd.Period) -> np.ndarray:
    t = np.array([(p - origin).n for p in index], dtype=float)
    return np.column_stack([np.ones(len(t)), t, _peak(index)])


def draws_trend(
    pre: pd.Series, post_index: pd.PeriodIndex, n: int, rng: np.random.Generator
) -> np.ndarray:
    """Counterfactual paths (n x months, USD million) from the log-linear trend + peak."""
    X = _trend_X(pre.index, pre.index[0])
    fit = sm.OLS(np.log(pre.to_numpy(float)), X).fit()
    Xf = _trend_X(post_index, pre.index[0])
    beta = mvn_draws(rng, fit.params, fit.cov_params(), n)
    sigma = np.sqrt(fit.scale)
    noise = rng.normal(0, sigma, size=(n, len(post_index)))
    return np.exp(beta @ Xf.T + noise)


def _sarimax_X(index: pd.PeriodIndex, origin: pd.Period) -> np.ndarray:
    """Regressors of the SARIMAX counterfactual: constant, time in years, peak dummy."""
    t = np.array([(p - origin).n for p in index], dtype=float) / 12
    return np.column_stack([np.ones(len(t)), t, _peak(index)])


def _fit_mle(model, what: str):
    """Maximum likelihood from the model's own start values, tight tolerances, many iterations.

    The fit converges where the data put it, not where an early stop lands. L-BFGS flags 2
    ("line search failed") when the numerical gradient reaches its noise floor at the
    optimum; only running out of iterations (flag 1) is a failure to converge.

    Raises:
        ValueError: the fit ran out of iterations or gave non-finite parameters.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # checked below
        res = model.fit(start_params=model.start_params, **STATESPACE_FIT)
    if res.mle_retvals.get("warnflag") == 1 or not np.isfinite(res.params).all():
        raise ValueError(
            f"counterfactual: the {what} fit did not converge in {STATESPACE_FIT['maxiter']} "
            "iterations"
        )
    return res


def _simulate_forward(res, months: int, reps: int, exog, rng: np.random.Generator) -> np.ndarray:
    """``reps`` paths of ``months`` from the end of the sample: an array (reps, months)."""
    sims = res.simulate(
        nsimulations=months,
        repetitions=reps,
        anchor="end",
        exog=exog,
        rng=np.random.default_rng(rng.integers(2**31)),
    )
    return np.asarray(sims).reshape(months, reps).T


def draws_sarimax(
    pre: pd.Series,
    post_index: pd.PeriodIndex,
    n: int,
    rng: np.random.Generator,
    param_draws: int = 100,
) -> np.ndarray:
    """Counterfactual paths from log exports = trend + peak + AR(1) errors (SARIMAX).

    Parameter uncertainty is carried by ``param_draws`` parameter vectors drawn from the
    estimated normal distribution, with ``n / param_draws`` future paths from each. The paths
    are simulated in closed form, all at once: with no measurement error the model's state at
    the last month is that month's residual ``e_T = log y_T - x_T'b``, so from each parameter
    vector the future residuals follow ``e_t = phi e_(t-1) + sigma eps_t`` from ``e_T``; this
    is what statsmodels' ``simulate(anchor="end")`` draws after re-filtering with those
    parameters, without building a results object per draw.
    """
    logy = np.log(pre.to_numpy(float))
    X = _sarimax_X(pre.index, pre.index[0])
    model = SARIMAX(logy, exog=X, order=(1, 0, 0), trend="n")
    res = _fit_mle(model, "SARIMAX")
    cov = res.cov_params()
    if not (np.isfinite(res.params).all() and np.isfinite(cov).all()):
        raise ValueError("counterfactual: the SARIMAX fit did not converge")
    reps = max(n // param_draws, 1)
    exog = _sarimax_X(post_index, pre.index[0])
    params = mvn_draws(rng, res.params, cov, param_draws)
    beta = params[:, : X.shape[1]]
    phi = np.clip(params[:, -2], -0.99, 0.99)  # stationary AR(1)
    sigma = np.sqrt(np.abs(params[:, -1]))  # innovation variance stays positive
    resid = logy[-1] - beta @ X[-1]  # (param_draws,)
    shocks = rng.standard_normal((param_draws, reps, len(post_index)))
    e = np.empty_like(shocks)
    prev = np.broadcast_to(resid[:, None], (param_draws, reps))
    for j in range(len(post_index)):
        prev = phi[:, None] * prev + sigma[:, None] * shocks[:, :, j]
        e[:, :, j] = prev
    log_paths = (beta @ exog.T)[:, None, :] + e
    return np.exp(log_paths.reshape(param_draws * reps, len(post_index)))


def draws_structural(
    pre: pd.Series, post_index: pd.PeriodIndex, n: int, rng: np.random.Generator
) -> np.ndarray:
    """Counterfactual paths from a structural time-series model of log exports.

    statsmodels ``UnobservedComponents``: a smooth trend (the growth rate drifts as a random
    walk; the level follows it), a fixed monthly seasonal pattern when the pre-period holds at
    least three years (else the peak-month dummy as a regressor); fitted by maximum
    likelihood from fixed start values, then
    simulated forward from the end of the pre-period (the state's uncertainty and the future
    shocks; the parameters are held at their estimates). Unlike the fixed trend, its intervals
    widen with the horizon and it lets growth slow, so it does not extrapolate one rebound
    rate for ever. (A local linear trend with a stochastic seasonal fits these data with a
    level variance of zero, and its optimum moves by 5e-5 under a 1e-9 change of the data;
    this reduced form moves by under 1e-6.)
    """
    from statsmodels.tsa.statespace.structural import UnobservedComponents

    logy = np.log(pre.to_numpy(float))
    seasonal = 12 if len(pre) >= 36 else None
    exog = None if seasonal else _peak(pre.index)[:, None]
    model = UnobservedComponents(
        logy, level="smooth trend", seasonal=seasonal, stochastic_seasonal=False, exog=exog
    )
    res = _fit_mle(model, "structural model")
    future = None if seasonal else _peak(post_index)[:, None]
    return np.exp(_simulate_forward(res, len(post_index), n, future, rng))


def draws_yoy(
    y: pd.Series, pre: pd.Series, post_index: pd.PeriodIndex, n: int, rng: np.random.Generator
) -> np.ndarray:
    """Counterfactual paths: value 12 months earlier times (1 + g), g around pre-period growth.

    Post months more than 12 months after the break use the counterfactual of 12 months
    earlier, not the observed value (which the policy may have moved).
    """
    growth = (pre / pre.shift(12)).dropna() - 1
    if len(growth) < 2:
        raise ValueError(
            f"counterfactual: yoy needs at least 2 pre-period months with a "
            f"value 12 months earlier; found {len(growth)}"
        )
    g_mean, g_sd, k = growth.mean(), growth.std(ddof=1), len(growth)
    # one growth rate per path (uncertainty of the mean), plus month-to-month scatter
    g_path = g_mean + g_sd / np.sqrt(k) * rng.standard_t(max(k - 1, 1), size=n)
    paths = np.empty((n, len(post_index)))
    for j, month in enumerate(post_index):
        base_month = month - 12
        if base_month < post_index[0]:
            base = np.full(n, float(y.loc[base_month]))
        else:
            base = paths[:, post_index.get_loc(base_month)]
        paths[:, j] = base * (1 + g_path + g_sd * rng.standard_normal(n))
    return paths


@dataclass(frozen=True)
class Gap:
    """Observed against counterfactual for one method: monthly table and cumulative gap."""

    method: str
    monthly: pd.DataFrame
    cumulative: pd.Series
    n_pre: int
    n_post: int


def estimate(
    y: pd.Series,
    method: str,
    break_month: str,
    draws: int = 4000,
    seed: int = 0,
    level: float = 0.90,
    sum_from: str | None = None,
) -> Gap:
    """Fit ``method`` on months before ``break_month`` and measure the post-period gap.

    Args:
        y: monthly exports (USD million), Period[M] index, sorted, no gaps.
        method: ``"trend"``, ``"sarimax"`` or ``"yoy"``.
        break_month: first month counted as after the deadline.
        draws: simulated counterfactual paths.
        seed: seed of the random generator.
        level: interval level.
        sum_from: first month of the cumulative gap (default: ``break_month``); a later month
            fits on a shorter pre-period than the window it sums, e.g. to leave out months
            that may be disrupted.

    Returns:
        :class:`Gap`: ``monthly`` has ``month``, ``observed``, ``counterfactual`` (median),
        ``cf_low``, ``cf_high``, ``gap``, ``gap_low``, ``gap_high`` (USD million);
        ``cumulative`` has the same for the sum over all post months plus ``gap_pct``.

    Raises:
        ValueError: unknown method, gaps, unsorted or duplicate months, too short a
            pre-period.
    """
    if method not in METHODS:
        raise ValueError(
            f"counterfactual: unknown method {method!r}; choose one of {', '.join(METHODS)}"
        )
    pre, post = _check(y, break_month)
    rng = np.random.default_rng(seed)
    if method == "trend":
        paths = draws_trend(pre, post.index, draws, rng)
    elif method == "sarimax":
        paths = draws_sarimax(pre, post.index, draws, rng)
    elif method == "structural":
        paths = draws_structural(pre, post.index, draws, rng)
    else:
        paths = draws_yoy(y, pre, post.index, draws, rng)
    q = ((1 - level) / 2, 0.5, (1 + level) / 2)
    obs = post.to_numpy(float)
    cf_lo, cf_med, cf_hi = np.quantile(paths, q, axis=0)
    gap_paths = obs[None, :] - paths
    g_lo, g_med, g_hi = np.quantile(gap_paths, q, axis=0)
    monthly = pd.DataFrame(
        {
            "month": post.index,
            "observed": obs,
            "counterfactual": cf_med,
            "cf_low": cf_lo,
            "cf_high": cf_hi,
            "gap": g_med,
            "gap_low": g_lo,
            "gap_high": g_hi,
        }
    )
    keep = np.ones(len(obs), dtype=bool)
    if sum_from is not None:
        keep = np.asarray(post.index >= pd.Period(sum_from, "M"))
        if not keep.any():
            raise ValueError(f"counterfactual: sum_from {sum_from} is after the last month")
    cum_cf = paths[:, keep].sum(axis=1)
    cum_gap = obs[keep].sum() - cum_cf
    pct = 100 * cum_gap / cum_cf
    cumulative = pd.Series(
        {
            "observed": obs[keep].sum(),
            "counterfactual": np.median(cum_cf),
            "gap": np.median(cum_gap),
            "gap_low": np.quantile(cum_gap, q[0]),
            "gap_high": np.quantile(cum_gap, q[2]),
            "gap_pct": np.median(pct),
            "gap_pct_low": np.quantile(pct, q[0]),
            "gap_pct_high": np.quantile(pct, q[2]),
        }
    )
    return Gap(method, monthly, cumulative, len(pre), len(post))


def _its_design(
    y: pd.Series, break_month: str, shifts: tuple[str, ...], pulses: tuple[str, ...]
) -> np.ndarray:
    """Columns: constant, trend, peak months, step, slope change, confounder dummies."""
    pre, _ = _check(y, break_month)
    t = np.arange(len(y), dtype=float)
    post = (y.index >= pd.Period(break_month, "M")).astype(float)
    t_e = float(len(pre))
    extra = [(y.index >= pd.Period(m, "M")).astype(float) for m in shifts]
    extra += [(y.index == pd.Period(m, "M")).astype(float) for m in pulses]
    extra = [x for x in extra if 0 < x.sum() < len(y)]  # a shift outside the sample drops out
    return np.column_stack([np.ones(len(y)), t, _peak(y.index), post, (t - t_e) * post, *extra])


def _its_fit(log_y: np.ndarray, X: np.ndarray, hac_lags: int):
    return sm.OLS(log_y, X).fit(
        cov_type="HAC", cov_kwds={"maxlags": hac_lags, "use_correction": True}, use_t=True
    )


def its_step(
    y: pd.Series,
    break_month: str,
    hac_lags: int = 3,
    level: float = 0.90,
    shifts: tuple[str, ...] = (),
    pulses: tuple[str, ...] = (),
) -> pd.Series:
    """Segmented regression on the whole series: log-level step at the break, HAC errors.

    Args:
        y: monthly exports.
        break_month: first month after the deadline.
        hac_lags: Newey-West lags.
        level: interval level.
        shifts: months from which a known confounder shifts the level for good (the
            October 2023 rise in exporters' foreign-currency retention).
        pulses: months a known one-off shock hit (a cable fault, the May 2025 hostilities),
            one dummy each.

    Returns:
        ``step_pct`` (percent change in level at the break) with ``low`` and ``high``, and
        ``slope_change_pct`` (change in monthly growth, percent) with its interval. HAC
        intervals over-reject in short series: read with the placebo test.
    """
    X = _its_design(y, break_month, shifts, pulses)
    fit = _its_fit(np.log(y.to_numpy(float)), X, hac_lags)
    ci = fit.conf_int(1 - level)

    def pct(v):
        return 100 * (np.exp(v) - 1)

    return pd.Series(
        {
            "step_pct": pct(fit.params[3]),
            "low": pct(ci[3, 0]),
            "high": pct(ci[3, 1]),
            "p_value": fit.pvalues[3],
            "slope_change_pct": pct(fit.params[4]),
            "slope_low": pct(ci[4, 0]),
            "slope_high": pct(ci[4, 1]),
        }
    )


def its_calibrated(
    y: pd.Series,
    break_month: str,
    sims: int = 1000,
    seed: int = 0,
    hac_lags: int = 3,
    level: float = 0.90,
    shifts: tuple[str, ...] = (),
    pulses: tuple[str, ...] = (),
) -> pd.Series:
    """The segmented regression's step judged against series simulated with no step.

    The no-step model (the same design without the step and slope change) is fitted by OLS;
    its residuals give an AR(1) coefficient and innovation spread, from which ``sims`` series
    with no break are drawn (seeded) around the no-step fit. Each is fitted with the full
    design and HAC errors, as the real series is.

    Returns:
        ``t_stat`` (the real step's HAC t), ``p_simulated`` (one-sided: share of no-break
        series with a step t at or below the real one), ``hac_false_positive`` (share of
        no-break series whose HAC interval at ``level`` excludes zero), ``step_pct`` with a
        simulation-calibrated interval (``low``, ``high``: the real estimate plus or minus the
        simulated t quantiles times its HAC standard error), ``rho``, ``sims``.
    """
    X = _its_design(y, break_month, shifts, pulses)
    log_y = np.log(y.to_numpy(float))
    real = _its_fit(log_y, X, hac_lags)
    null_X = np.delete(X, [3, 4], axis=1)
    null = sm.OLS(log_y, null_X).fit()
    e = null.resid
    rho = float(np.clip(np.corrcoef(e[:-1], e[1:])[0, 1], -0.95, 0.95))
    sd = float(np.std(e, ddof=null_X.shape[1]) * np.sqrt(1 - rho**2))
    rng = np.random.default_rng(seed)
    n = len(log_y)
    shocks = rng.normal(0.0, sd, size=(sims, n))
    noise = np.empty_like(shocks)
    noise[:, 0] = shocks[:, 0] / np.sqrt(1 - rho**2)
    for i in range(1, n):
        noise[:, i] = rho * noise[:, i - 1] + shocks[:, i]
    from scipy import stats

    q = stats.t.ppf((1 + level) / 2, real.df_resid)
    # the same fit as _its_fit (OLS, HAC errors) on every simulated series at once
    params, bse = ols_hac(X, null.fittedvalues[None, :] + noise, hac_lags)
    t_sim = params[:, 3] / bse[:, 3]
    t_real = float(real.params[3] / real.bse[3])
    lo_q, hi_q = np.quantile(t_sim, [(1 - level) / 2, (1 + level) / 2])

    def pct(v):
        return 100 * (np.exp(v) - 1)

    b, se = float(real.params[3]), float(real.bse[3])
    return pd.Series(
        {
            "sims": sims,
            "rho": rho,
            "t_stat": t_real,
            "p_simulated": float((1 + (t_sim <= t_real).sum()) / (sims + 1)),
            "hac_false_positive": float((np.abs(t_sim) > q).mean()),
            "step_pct": pct(b),
            "low": pct(b - hi_q * se),
            "high": pct(b - lo_q * se),
        }
    )


def placebo(
    y: pd.Series,
    method: str = "trend",
    horizon: int = 3,
    *,
    real_break: str,
    draws: int = 1000,
    seed: int = 0,
) -> pd.DataFrame:
    """Mean percentage gap over ``horizon`` months at the real break and at placebo breaks.

    Placebo breaks are every earlier month with ``MIN_PRE`` months before it and ``horizon``
    months after it, before the real break; they use only data before the real break. A
    placebo month where the method cannot be fitted (``yoy`` needs two pre-period months with
    a value a year earlier) is skipped.

    Returns:
        One row per break: ``break_month``, ``placebo`` (bool), ``mean_gap_pct``; plus
        ``rank`` of the real estimate among all (1 = most negative).
    """
    rows = []
    real = pd.Period(real_break, "M")
    before = y.loc[y.index < real]
    candidates = [
        p for p in before.index if (p - before.index[0]).n >= MIN_PRE and (real - p).n >= horizon
    ]
    for p in [*candidates, real]:
        sample = y.loc[: p + horizon - 1]
        try:
            g = estimate(sample, method, str(p), draws=draws, seed=seed)
        except ValueError:
            if p == real:
                raise
            continue
        pct = 100 * (g.monthly["gap"] / g.monthly["counterfactual"]).mean()
        rows.append({"break_month": str(p), "placebo": p != real, "mean_gap_pct": pct})
    out = pd.DataFrame(rows)
    out["rank"] = out["mean_gap_pct"].rank(method="min").astype(int)
    return out


def robustness(
    y: pd.Series,
    starts: list[str],
    methods: tuple[str, ...] = METHODS,
    horizons: tuple[int | None, ...] = (3, None),
    draws: int = 2000,
    seed: int = 0,
    *,
    break_month: str,
) -> pd.DataFrame:
    """Cumulative gap (%) by method, pre-period start and post-period length.

    Returns:
        One row per (method, start, horizon): ``n_pre``, ``n_post``, ``gap_pct`` with
        ``gap_pct_low`` and ``gap_pct_high``, and ``gap`` (USD million) with ``gap_low`` and
        ``gap_high``.
    """
    rows = []
    brk = pd.Period(break_month, "M")
    for method in methods:
        for start in starts:
            for h in horizons:
                sample = y.loc[pd.Period(start, "M") :]
                if h is not None:
                    sample = sample.loc[: brk + h - 1]
                try:
                    g = estimate(sample, method, break_month, draws=draws, seed=seed)
                except ValueError as exc:
                    rows.append(
                        {
                            "method": method,
                            "start": start,
                            "months_after": h or "all",
                            "note": str(exc)[:60],
                        }
                    )
                    continue
                c = g.cumulative
                rows.append(
                    {
                        "method": method,
                        "start": start,
                        "months_after": g.n_post,
                        "n_pre": g.n_pre,
                        "gap": c["gap"],
                        "gap_low": c["gap_low"],
                        "gap_high": c["gap_high"],
                        "gap_pct": c["gap_pct"],
                        "gap_pct_low": c["gap_pct_low"],
                        "gap_pct_high": c["gap_pct_high"],
                        "note": "",
                    }
                )
    return pd.DataFrame(rows)


def rolling_placebos(
    y: pd.Series,
    method: str,
    horizon: int,
    last_origin: str,
    exclude: list[tuple[str, str]],
    min_pre: int = 24,
    draws: int = 500,
    seed: int = 0,
) -> pd.DataFrame:
    """Rolling-origin placebo deadlines: the gap each method finds where there was no policy.

    Every month from ``min_pre`` months into the series to ``last_origin`` is tried as a
    placebo deadline: the method is fitted on the months before it and its mean gap over the
    next ``horizon`` months recorded. Origins whose horizon window touches a known disruption
    or policy window in ``exclude`` are left out, so the placebos are untreated.

    Returns:
        One row per placebo origin: ``origin``, ``mean_gap_pct`` (mean monthly gap over the
        horizon, percent of the counterfactual).
    """
    windows = [(pd.Period(a, "M"), pd.Period(b, "M")) for a, b in exclude]
    last = pd.Period(last_origin, "M")
    rows = []
    for origin in y.index[min_pre:]:
        if origin > last:
            break
        end = origin + horizon - 1
        if any(a <= end and origin <= b for a, b in windows):
            continue
        sample = y.loc[:end]
        try:
            g = estimate(sample, method, str(origin), draws=draws, seed=seed)
        except ValueError:
            continue
        m = g.monthly
        rows.append(
            {
                "origin": str(origin),
                "mean_gap_pct": float(100 * (m["gap"] / m["counterfactual"]).mean()),
            }
        )
    return pd.DataFrame(rows, columns=["origin", "mean_gap_pct"])


def _cutoff(g: np.ndarray, alpha: float) -> float:
    """The gap a real one must fall below for the placebo p-value to reach ``alpha``.

    The p-value is ``(1 + #placebos at or below the real gap) / (placebos + 1)``; it is at
    most ``alpha`` only when fewer than ``floor(alpha * (placebos + 1))`` placebos lie at or
    below the real gap, so the cut-off is that order statistic of the placebo gaps (with 35
    placebos at 5%: the lowest). With too few placebos no gap can reach ``alpha``: -inf.
    """
    m = int(np.floor(alpha * (len(g) + 1)))
    return float(np.sort(g)[m - 1]) if m >= 1 else -np.inf


def placebo_test(
    placebos: pd.Series, real: float, alpha: float = 0.05, power: float = 0.80
) -> pd.Series:
    """What a set of placebo gaps says about a real one (all in percent).

    Two readings of the same placebo gaps:

    - **The rank rule.** The p-value is ``(1 + #placebos at or below the real gap) /
      (placebos + 1)``. It can only take steps of ``1 / (placebos + 1)``, so the test's real
      size is the largest step at or below ``alpha`` (``size``: with 35 placebos at 5%, 1/36,
      about 2.8%), and it rejects only below the cut-off of :func:`_cutoff`.
    - **Detectable shortfall and power, at ``alpha`` itself.** The tail of 35 placebos is too
      thin to say how often a shifted gap would cross the cut-off (the lowest placebo would
      decide it alone), so the minimum detectable shortfall and the power use a normal
      approximation to the placebo gaps: a true shortfall ``e`` is detected with probability
      ``Phi(e / sd - z(1 - alpha))``, and ``mde_pct`` is ``(z(1 - alpha) + z(power)) * sd``.

    Overlapping placebo windows are not independent draws, so the test is, if anything, weaker
    than these figures say.

    Returns:
        ``placebos`` (count), ``p_value`` (one-sided), ``smallest_p`` (1 / (placebos + 1)),
        ``size`` (the rule's attained level), ``critical_gap_pct`` (the rule's cut-off;
        -inf when no gap can reach ``alpha``), ``placebo_sd_pct`` and ``mde_pct`` (positive:
        a shortfall of this size or more is detected with ``power`` at ``alpha``).
    """
    from scipy import stats

    g = np.asarray(placebos, dtype=float)
    if len(g) < 2:
        raise ValueError(f"placebo_test needs at least 2 placebo gaps, got {len(g)}")
    crit = _cutoff(g, alpha)
    sd = float(np.std(g, ddof=1))
    return pd.Series(
        {
            "placebos": len(g),
            "p_value": (1 + (g <= real).sum()) / (len(g) + 1),
            "smallest_p": 1 / (len(g) + 1),
            "size": np.floor(alpha * (len(g) + 1)) / (len(g) + 1),
            "critical_gap_pct": crit,
            "placebo_sd_pct": sd,
            "mde_pct": float((stats.norm.ppf(1 - alpha) + stats.norm.ppf(power)) * sd),
        }
    )


def power_against(placebos: pd.Series, effect_pct: float, alpha: float = 0.05) -> float:
    """Power at ``alpha`` against a true shortfall of ``effect_pct`` percent.

    The normal approximation of :func:`placebo_test`: ``Phi(|effect| / sd - z(1 - alpha))``,
    with ``sd`` the spread of the placebo gaps. At no effect it equals ``alpha``.
    """
    from scipy import stats

    g = np.asarray(placebos, dtype=float)
    sd = float(np.std(g, ddof=1))
    return float(stats.norm.cdf(abs(effect_pct) / sd - stats.norm.ppf(1 - alpha)))


def annual_trend_gap(
    annual: pd.Series, test_year: int, first_year: int, level: float = 0.90
) -> pd.Series:
    """The last fiscal year against the log-linear trend of the years before it.

    Args:
        annual: fiscal-year totals (USD million) indexed by year (2025 = FY2025).
        test_year: the year to test.
        first_year: first year of the trend.
        level: prediction-interval level.

    Returns:
        ``trend_growth_pct`` (a year), ``predicted``, ``observed``, ``gap_pct`` with a
        prediction interval (``gap_low``, ``gap_high``) and ``mde_pct`` (the shortfall the
        test detects with 80% power at 5%, one-sided).
    """
    from scipy import stats

    fit_years = annual.loc[first_year : test_year - 1]
    t = np.asarray(fit_years.index, dtype=float)
    X = np.column_stack([np.ones(len(t)), t])
    fit = sm.OLS(np.log(fit_years.to_numpy(float)), X).fit()
    x0 = np.array([1.0, float(test_year)])
    pred = float(x0 @ fit.params)
    se = float(np.sqrt(fit.scale + x0 @ fit.cov_params() @ x0))
    q = stats.t.ppf((1 + level) / 2, fit.df_resid)
    obs = float(np.log(annual.loc[test_year]))

    def pct(v):
        return 100 * (np.exp(v) - 1)

    crit = stats.t.ppf(0.95, fit.df_resid)
    return pd.Series(
        {
            "years": len(fit_years),
            "trend_growth_pct": pct(fit.params[1]),
            "predicted": float(np.exp(pred)),
            "observed": float(annual.loc[test_year]),
            "gap_pct": pct(obs - pred),
            "gap_low": pct(obs - pred - q * se),
            "gap_high": pct(obs - pred + q * se),
            "mde_pct": -pct(-(crit + stats.norm.ppf(0.80)) * se),
        }
    )
