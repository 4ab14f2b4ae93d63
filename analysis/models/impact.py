"""Who loses what if unregistered VPNs are blocked: access, freelancers, businesses.

Every model function takes a mapping of parameter -> value and returns a mapping of
output -> value using plain arithmetic only, so the same code runs on numpy arrays of draws
(vectorised Monte Carlo) and on single floats (a plain-Python loop, for the benchmark).

Each group has its own duration: firms are cut off until they register or route around the
block (``firm_disruption_days``), freelancers until they register or the mobile-number route
opens (``freelancer_disruption_days``), individuals, who had no route to register, until they
switch or the block ends (``individual_disruption_days``).

Access (individuals):
    vpn_users = internet_users * vpn_user_share
    cut_off = vpn_users * detection_efficacy        (individuals cannot register)
    net_cut_off = cut_off * (1 - switch_share)
    losing = net_cut_off * blocked_platform_share
    individual_loss = losing * individual_days * hours_lost_per_day * value_of_time
Freelancers:
    exposed = need * (1 - shield) * detection * (1 - switch)
    affected = freelancers * exposed
    earnings_at_risk = earnings/365 * freelancer_days * exposed * productivity_loss
    earnings_lost = earnings_at_risk * (1 - deferral)
Businesses:
    firm_revenue = it_exports * (1 - freelance_share_of_ict_exports)   (no double count: SBP
                   records freelancers' receipts inside ICT export remittances)
    exports_at_risk = firm_revenue/365 * firm_days * firm_vpn_revenue_share
                      * (1 - registered_revenue_share) * detection * (1 - switch)
    value_added_lost = exports_at_risk * value_added_share * (1 - deferral)
    compliance_cost = unregistered_firms * take_up * (hours * wage + static_ip_fee * months)
Money:
    revenue_at_risk = exports_at_risk + earnings_at_risk                 (gross, no double count)
    total_at_risk = value_added_lost + earnings_lost + compliance_cost + individual_loss
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from analysis.models import params as params_mod

#: Draws and seed of the published runs: the findings, the charts and the tornado of a
#: scenario all use these, so they show one money-at-risk figure (the median of the draws).
DRAWS = 200_000
SEED = 20241130

#: Output name -> (unit, plain description), in report order.
OUTPUTS = {
    "vpn_users_m": ("million people", "VPN users"),
    "cut_off_m": ("million people", "VPN users cut off by the block"),
    "switched_m": ("million people", "cut-off users who switch to evading tools"),
    "net_cut_off_m": ("million people", "VPN users left without a working VPN"),
    "blocked_platform_losing_m": ("million people", "users losing access to blocked platforms"),
    "individual_hours_lost_m": ("million hours", "hours of use individuals lose"),
    "individual_loss_usd_m": ("USD million", "individuals' lost time, in money"),
    "freelancers_affected_k": ("thousand freelancers", "freelancers cut off"),
    "freelance_earnings_at_risk_usd_m": ("USD million", "freelance earnings at risk"),
    "freelance_earnings_lost_usd_m": ("USD million", "freelance earnings lost (net of deferral)"),
    "unregistered_firms": ("firms", "PSEB firms without a registered VPN"),
    "exports_at_risk_usd_m_per_day": (
        "USD million per day",
        "firms' export revenue at risk per day",
    ),
    "exports_at_risk_usd_m": ("USD million", "firms' export revenue at risk"),
    "value_added_lost_usd_m": ("USD million", "firms' value added lost (net of deferral)"),
    "compliance_hours_k": ("thousand hours", "staff time of the firms that register"),
    "compliance_cost_usd_m": ("USD million", "compliance cost: staff time and static-IP fees"),
    "revenue_at_risk_usd_m": ("USD million", "export revenue and freelance earnings at risk"),
    "money_lost_usd_m": (
        "USD million",
        "money firms and freelancers lose: value added, earnings, compliance",
    ),
    "total_at_risk_usd_m": (
        "USD million",
        "cost to society: firms' and freelancers' money plus individuals' time in money",
    ),
}

#: The money-at-risk output every finding, chart and tornado of a scenario shows.
HEADLINE = "total_at_risk_usd_m"

#: Output -> the group it belongs to, for the per-group tables.
GROUPS = {
    **dict.fromkeys(
        [
            "vpn_users_m",
            "cut_off_m",
            "switched_m",
            "net_cut_off_m",
            "blocked_platform_losing_m",
            "individual_hours_lost_m",
            "individual_loss_usd_m",
        ],
        "individuals",
    ),
    **dict.fromkeys(
        [
            "freelancers_affected_k",
            "freelance_earnings_at_risk_usd_m",
            "freelance_earnings_lost_usd_m",
        ],
        "freelancers",
    ),
    **dict.fromkeys(
        [
            "unregistered_firms",
            "exports_at_risk_usd_m_per_day",
            "exports_at_risk_usd_m",
            "value_added_lost_usd_m",
            "compliance_hours_k",
            "compliance_cost_usd_m",
        ],
        "firms",
    ),
    "revenue_at_risk_usd_m": "all",
    "money_lost_usd_m": "all",
    "total_at_risk_usd_m": "all",
}


def access(p: Mapping) -> dict:
    """Individuals: VPN users cut off, who switch, who lose blocked platforms, and their time.

    Args:
        p: parameters (scalars or arrays of draws): counts in million persons, shares in
            [0, 1], ``individual_disruption_days`` in days, ``individual_hours_lost_per_day``
            in hours a day and ``value_of_time_usd_per_hour`` in USD an hour.

    Returns:
        Outputs in million people, million hours and USD million (over the whole cut-off).
    """
    vpn_users = p["internet_users_million"] * p["vpn_user_share"]
    cut_off = vpn_users * p["detection_efficacy"]
    switched = cut_off * p["switch_share"]
    net = cut_off - switched
    losing = net * p["blocked_platform_share"]
    hours = losing * p["individual_disruption_days"] * p["individual_hours_lost_per_day"]
    return {
        "vpn_users_m": vpn_users,
        "cut_off_m": cut_off,
        "switched_m": switched,
        "net_cut_off_m": net,
        "blocked_platform_losing_m": losing,
        "individual_hours_lost_m": hours,
        "individual_loss_usd_m": hours * p["value_of_time_usd_per_hour"],
    }


def freelancers(p: Mapping) -> dict:
    """Freelancers cut off, and their earnings at risk and lost over their own cut-off.

    Args:
        p: parameters: ``freelancers_million`` (million persons), shares in [0, 1],
            ``freelance_earnings_usd_million`` (USD million a year),
            ``freelancer_disruption_days`` (days).

    Returns:
        ``freelancers_affected_k`` (thousand freelancers), earnings at risk (gross) and lost
        (net of the deferred share), USD million over the cut-off.
    """
    exposed = (
        p["freelancer_vpn_need_share"]
        * (1 - p["freelancer_shield_share"])
        * p["detection_efficacy"]
        * (1 - p["switch_share"])
    )
    earnings = (
        p["freelance_earnings_usd_million"]
        / 365
        * p["freelancer_disruption_days"]
        * exposed
        * p["productivity_loss_share"]
    )
    return {
        "freelancers_affected_k": p["freelancers_million"] * exposed * 1000,
        "freelance_earnings_at_risk_usd_m": earnings,
        "freelance_earnings_lost_usd_m": earnings * (1 - p["deferral_share"]),
    }


def businesses(p: Mapping) -> dict:
    """Firms: export revenue at risk, value added lost, and the cost of registering.

    The unregistered share applied to revenue is revenue-weighted
    (``1 - registered_revenue_share``), not the count share, since large exporters registered
    first; firms' revenue excludes freelancers' receipts, which SBP records inside ICT
    export remittances (``freelance_share_of_ict_exports``).

    Args:
        p: parameters: ``it_exports_usd_million`` (USD million a year), firm counts, shares in
            [0, 1], ``firm_disruption_days`` (days), ``compliance_hours_per_firm`` (hours),
            ``it_staff_wage_usd_per_hour`` (USD an hour), ``static_ip_usd_per_month`` (USD a
            month) and ``static_ip_months`` (months).

    Returns:
        Firm count, revenue at risk per day and over the cut-off, value added lost (USD
        million), compliance time (thousand hours) and cost (USD million).
    """
    unregistered = p["pseb_firms"] - p["registered_companies"]
    revenue = p["it_exports_usd_million"] * (1 - p["freelance_share_of_ict_exports"])
    per_day = (
        revenue
        / 365
        * p["firm_vpn_revenue_share"]
        * (1 - p["registered_revenue_share"])
        * p["detection_efficacy"]
        * (1 - p["switch_share"])
    )
    at_risk = per_day * p["firm_disruption_days"]
    registering = unregistered * p["registration_take_up"]
    hours = registering * p["compliance_hours_per_firm"]
    fees = registering * p["static_ip_usd_per_month"] * p["static_ip_months"]
    return {
        "unregistered_firms": unregistered,
        "exports_at_risk_usd_m_per_day": per_day,
        "exports_at_risk_usd_m": at_risk,
        "value_added_lost_usd_m": at_risk * p["value_added_share"] * (1 - p["deferral_share"]),
        "compliance_hours_k": hours / 1000,
        "compliance_cost_usd_m": (hours * p["it_staff_wage_usd_per_hour"] + fees) / 1e6,
    }


class ImpossibleError(ValueError):
    """An output the model can never produce (a negative count, a loss above what is lost)."""


def check_outputs(out: Mapping) -> Mapping:
    """``out`` if no output is negative or non-finite and no loss exceeds what it comes from.

    Invariants: every output >= 0; people cut off <= VPN users; revenue at risk <= firms'
    exports over the cut-off; value added lost <= revenue at risk; earnings lost <= earnings
    at risk.

    Raises:
        ImpossibleError: naming the output.
    """
    tol = 1e-9
    for name, x in out.items():
        a = np.asarray(x, dtype=float)
        if not np.isfinite(a).all() or (a < -tol).any():
            raise ImpossibleError(f"impact model: output {name} is negative or not finite")
    pairs = [
        ("net_cut_off_m", "vpn_users_m"),
        ("blocked_platform_losing_m", "net_cut_off_m"),
        ("value_added_lost_usd_m", "exports_at_risk_usd_m"),
        ("freelance_earnings_lost_usd_m", "freelance_earnings_at_risk_usd_m"),
    ]
    for small, big in pairs:
        if (np.asarray(out[small]) > np.asarray(out[big]) * (1 + tol) + tol).any():
            raise ImpossibleError(f"impact model: {small} exceeds {big}")
    return out


def run(p: Mapping) -> dict:
    """Every output of the three groups, and the money totals (see the module docstring).

    ``revenue_at_risk_usd_m`` is gross revenue (firms' exports and freelance earnings, with no
    double count); ``money_lost_usd_m`` is the money firms and freelancers would lose (value
    added and earnings net of deferred work, and the compliance cost; its static-IP fees are a
    cost to firms but a transfer to ISPs); ``total_at_risk_usd_m``, the headline, is the cost
    to society: that money plus individuals' lost time valued in money.
    """
    out = {**access(p), **freelancers(p), **businesses(p)}
    out["revenue_at_risk_usd_m"] = (
        out["exports_at_risk_usd_m"] + out["freelance_earnings_at_risk_usd_m"]
    )
    out["money_lost_usd_m"] = (
        out["value_added_lost_usd_m"]
        + out["freelance_earnings_lost_usd_m"]
        + out["compliance_cost_usd_m"]
    )
    out["total_at_risk_usd_m"] = out["money_lost_usd_m"] + out["individual_loss_usd_m"]
    return out


def simulate(
    table: pd.DataFrame,
    n: int,
    seed: int,
    correlations: pd.DataFrame | None = None,
    dependence: bool = True,
) -> tuple[dict, dict]:
    """Draw parameters ``n`` times (seeded) and run the model; return (inputs, outputs).

    ``correlations`` (rank correlations, :func:`analysis.models.params.draw`) make the
    parameters they name move together; ``dependence=False`` keeps the same marginals and
    random numbers but switches the dependence off.

    Raises:
        ImpossibleError: a draw gives an impossible output (a bug, never a result).
    """
    rng = np.random.default_rng(seed)
    inputs = params_mod.draw(table, n, rng, correlations, dependence)
    return inputs, check_outputs(run(inputs))


def summarize(outputs: Mapping, level: float = 0.90) -> pd.DataFrame:
    """Median and ``level`` interval of every output (one row per output).

    The interval is a range of inputs: quantiles of the outputs over the parameter draws.
    """
    q = ((1 - level) / 2, 0.5, (1 + level) / 2)
    rows = []
    for name, (unit, what) in OUTPUTS.items():
        x = np.asarray(outputs[name], dtype=float)
        lo, med, hi = (x.flat[0],) * 3 if x.min() == x.max() else np.quantile(x, q)
        rows.append(
            {
                "output": name,
                "group": GROUPS[name],
                "what": what,
                "median": med,
                "low": lo,
                "high": hi,
                "unit": unit,
            }
        )
    return pd.DataFrame(rows)


def scenario(
    params: pd.DataFrame,
    scenarios: pd.DataFrame,
    name: str,
    n: int = DRAWS,
    seed: int = SEED,
    overrides: dict[str, float] | None = None,
    level: float = 0.90,
    correlations: pd.DataFrame | None = None,
    dependence: bool = True,
) -> pd.DataFrame:
    """Summary table of one scenario (``base`` or a name in ``scenarios``).

    Args:
        params: the parameter table (:func:`analysis.data.params.load_parameters`).
        scenarios: the scenario overrides (:func:`analysis.data.params.load_scenarios`).
        name: ``base`` or a scenario name.
        n: Monte Carlo draws.
        seed: seed of the draws.
        overrides: parameters fixed at a value (``{"firm_disruption_days": 3}``).
        level: the central interval's coverage.
        correlations: rank correlations between parameters, as in :func:`simulate`.
        dependence: False switches the correlations off (same marginals).
    """
    table = params_mod.for_scenario(params, scenarios, name, overrides)
    _, outputs = simulate(table, n, seed, correlations, dependence)
    return summarize(outputs, level).assign(scenario=name)


def tornado(
    table: pd.DataFrame,
    output: str,
    n: int = DRAWS,
    seed: int = SEED,
    correlations: pd.DataFrame | None = None,
    draws: tuple[Mapping, Mapping] | None = None,
) -> pd.DataFrame:
    """Sensitivity centred on the headline: the median of ``output`` with one parameter fixed.

    The scenario is drawn once (``n`` draws, ``seed``: the same as :func:`scenario`, so
    ``base`` is the very median the findings print); then each parameter in turn is fixed at
    its low and at its high bound while every other parameter keeps its draws, and the median
    of the output is taken again. ``draws``: the ``(inputs, outputs)`` that
    :func:`simulate` gave for the same table, ``n``, ``seed`` and ``correlations``, to use
    instead of drawing them again.

    Returns:
        One row per parameter that moves the output: ``parameter``, ``at_low``, ``at_high``
        (medians, the output's unit), ``swing`` (|at_high - at_low|), sorted by swing, largest
        first; ``base`` (the median of the scenario's draws) in attrs.
    """
    inputs, outputs = draws if draws is not None else simulate(table, n, seed, correlations)
    base = float(np.median(outputs[output]))
    rows = []
    for r in table.itertuples():
        if r.low == r.high:
            continue
        lo = float(np.median(run({**inputs, r.parameter: float(r.low)})[output]))
        hi = float(np.median(run({**inputs, r.parameter: float(r.high)})[output]))
        if lo != hi:
            rows.append(
                {"parameter": r.parameter, "at_low": lo, "at_high": hi, "swing": abs(hi - lo)}
            )
    out = pd.DataFrame(rows, columns=["parameter", "at_low", "at_high", "swing"])
    out = out.sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)
    out.attrs["base"] = base
    return out


def rank_correlations(
    inputs: Mapping, outputs: Mapping, names: Sequence[str]
) -> dict[str, pd.DataFrame]:
    """Spearman rank correlation of each varying input with each output in ``names``.

    Ranks every input once for all the outputs (ranking is most of the work).

    Returns:
        For each output name, one row per varying input: ``parameter``, ``spearman``, sorted
        by the correlation's size, largest first.
    """
    ranked = {
        name: pd.Series(x).rank().to_numpy()
        for name, x in ((k, np.asarray(v, dtype=float)) for k, v in inputs.items())
        if np.ptp(x) != 0
    }
    out = {}
    for output in names:
        y = pd.Series(np.asarray(outputs[output], dtype=float)).rank().to_numpy()
        rows = [
            {"parameter": name, "spearman": float(np.corrcoef(rx, y)[0, 1])}
            for name, rx in ranked.items()
        ]
        table = pd.DataFrame(rows, columns=["parameter", "spearman"])
        out[output] = table.reindex(
            table["spearman"].abs().sort_values(ascending=False).index
        ).reset_index(drop=True)
    return out


def rank_correlation(inputs: Mapping, outputs: Mapping, output: str) -> pd.DataFrame:
    """Spearman rank correlation of each varying input with ``output`` (global sensitivity)."""
    return rank_correlations(inputs, outputs, [output])[output]


# ----------------------------------------------------------------- cost of one disruption

COST_METHODS = ("brookings", "cost_calibrated", "deloitte", "netloss", "bottom_up")
#: The methods in words, for tables and charts.
METHOD_LABELS = {
    "brookings": "COST-style, Brookings reconstruction",
    "cost_calibrated": "COST-style, calibrated to COST's Pakistan rate",
    "deloitte": "Deloitte connectivity tiers",
    "netloss": "NetLoss-style, calibrated (deprecated by its owner)",
    "bottom_up": "Bottom-up: IT exports (freelance earnings inside them)",
}
KINDS = ("blackout", "mobile", "platform")
#: Hours in a leap year: the longest single disruption the cost methods accept.
MAX_HOURS = 8784.0


class BoundError(ValueError):
    """A cost above what the disrupted economy produces: a bug, never a result."""


def affected_share(p: Mapping, kind: str):
    """Share of internet activity a disruption of ``kind`` removes."""
    if kind == "blackout":
        return 1.0
    if kind == "mobile":
        return p["mobile_broadband_share"]
    if kind == "platform":
        return p["platform_share_internet_economy"]
    raise params_mod.ParameterError(
        f"unknown disruption type {kind!r}; expected one of {', '.join(KINDS)}"
    )


def check_hours(hours: float) -> float:
    """``hours`` if it is a finite duration above 0 and at most a year (8,784 h).

    Raises:
        ParameterError: naming the value and what was expected.
    """
    try:
        h = float(hours)
    except (TypeError, ValueError):
        raise params_mod.ParameterError(f"hours must be a number, got {hours!r}") from None
    if not (np.isfinite(h) and 0 < h <= MAX_HOURS):
        raise params_mod.ParameterError(
            f"hours must be > 0 and at most {MAX_HOURS:,.0f} (a year), got {hours}"
        )
    return h


def area_gdp(p: Mapping, hours: float, gdp_share=1.0):
    """GDP of the affected area over the period (USD million)."""
    return p["gdp_usd_billion"] * 1000 / 365 * (hours / 24) * gdp_share


def disruption_cost(
    p: Mapping,
    hours: float,
    kind: str = "blackout",
    gdp_share=1.0,
    reach=1.0,
) -> dict:
    """Cost (USD million) of one disruption by each method, bounded by the economy it hits.

    Every method is a share of the GDP of the affected area over the period:

    - ``brookings`` (COST-style, reconstructed): area GDP x internet share of GDP;
    - ``cost_calibrated``: COST's published rate for a national full blackout of Pakistan
      (USD million per hour) x hours x the area's share of GDP;
    - ``deloitte``: area GDP x share of daily GDP lost per day (connectivity tier);
    - ``netloss``: area GDP x the share of daily GDP that reproduces NetLoss's own published
      Pakistan output (the per-person figure of NetLoss's paper is a cross-country average
      that gives several times Pakistan's GDP; its owner deprecated the calculator in 2026
      because it ran too low, not too high);
    - ``bottom_up``: IT exports over the period (freelancers' receipts are inside them), in
      the area's share.

    each times the share of activity the disruption touches: ``affected_share(kind)`` x
    ``reach`` (the share of the area's economy inside the disrupted places).

    Args:
        p: parameters (scalars or arrays of draws).
        hours: duration.
        kind: ``blackout``, ``mobile`` or ``platform``.
        gdp_share: the area's share of national GDP (1 for the whole country).
        reach: share of the area's economy the disruption touches (1 for all of it).

    Raises:
        ParameterError: hours not in (0, 8784], an unknown kind, a share outside [0, 1].
        BoundError: a method's cost above the area's GDP for the period times the share
            touched, or a sector's loss above its output (a bug: the bounds are invariants).
    """
    hours = check_hours(hours)
    for name, x in (("gdp_share", gdp_share), ("reach", reach)):
        arr = np.asarray(x, dtype=float)
        if not (np.isfinite(arr).all() and (arr >= 0).all() and (arr <= 1).all()):
            raise params_mod.ParameterError(f"{name} must be a share in [0, 1], got {x}")
    touched = affected_share(p, kind) * reach
    days = hours / 24
    gdp = area_gdp(p, hours, gdp_share)
    # SBP books freelancers' receipts inside ICT exports (freelance_share_of_ict_exports), so
    # the sector is the export total alone: adding freelance earnings would count them twice
    sector = p["it_exports_usd_million"] / 365 * days
    costs = {
        "brookings": gdp * p["internet_share_gdp"] * touched,
        "cost_calibrated": p["cost_usd_m_per_hour"] * hours * gdp_share * touched,
        "deloitte": gdp * p["deloitte_daily_gdp_share"] * touched,
        "netloss": gdp * p["netloss_daily_gdp_share"] * touched,
        "bottom_up": sector * gdp_share * touched,
    }
    check_bounds(costs, gdp * touched, sector * gdp_share)
    return costs


def check_bounds(costs: Mapping, ceiling, sector_output) -> None:
    """Refuse a cost above the economy it hits.

    Args:
        costs: method -> cost (USD million; scalars or arrays).
        ceiling: GDP of the affected area over the period x the share touched.
        sector_output: the output of the sectors the bottom-up method counts, in the area.

    Raises:
        BoundError: naming the method and the two numbers.
    """
    tol = 1e-9
    for method, cost in costs.items():
        c = np.asarray(cost, dtype=float)
        if (c < 0).any() or not np.isfinite(c).all():
            raise BoundError(f"{method}: a cost below zero or not finite")
        limit = np.asarray(sector_output if method == "bottom_up" else ceiling, dtype=float)
        over = c > limit * (1 + tol) + tol
        if over.any():
            at = int(np.argmax(over)) if over.ndim else 0
            raise BoundError(
                f"{method}: cost {np.ravel(c)[at]:,.6g} USD million exceeds the "
                f"{'sector output' if method == 'bottom_up' else 'GDP of the area and period'}"
                f" it can touch ({np.ravel(np.broadcast_to(limit, c.shape))[at]:,.6g})"
            )


def cost_table(
    table: pd.DataFrame,
    hours: float,
    kind: str = "blackout",
    gdp_share: tuple[float, float] = (1.0, 1.0),
    reach: float | str = 1.0,
    n: int = 100_000,
    seed: int = 20241130,
    methods: tuple[str, ...] = COST_METHODS,
    level: float = 0.90,
) -> pd.DataFrame:
    """Median and interval of a disruption's cost by each method (USD million).

    Args:
        table: parameters.
        hours: duration.
        kind: ``blackout``, ``mobile`` or ``platform``.
        gdp_share: ``(low, high)`` share of national GDP of the area, drawn uniformly
            between the rival estimates (``(1, 1)`` for the whole country).
        reach: share of the area's economy touched, or the name of a parameter to draw it
            from (``event_share_city``, ``event_share_cities``, ``event_share_provinces``).
        n: draws.
        seed: seed.
        methods: which methods.
        level: interval coverage (the interval is the range of inputs: quantiles of the
            parameter draws, not a statistical confidence interval).

    Returns:
        One row per method: ``method``, ``median``, ``low``, ``high``, ``unit``, and
        ``share_of_area_gdp`` (median cost over the area's GDP for the period).
    """
    unknown = [m for m in methods if m not in COST_METHODS]
    if unknown:
        raise params_mod.ParameterError(
            f"unknown method {unknown[0]!r}; expected one of {', '.join(COST_METHODS)} or all"
        )
    lo_share, hi_share = (float(x) for x in gdp_share)
    if not 0 <= lo_share <= hi_share <= 1:
        raise params_mod.ParameterError(
            f"gdp_share must be (low, high) with 0 <= low <= high <= 1, got {gdp_share}"
        )
    rng = np.random.default_rng(seed)
    share_rng, draw_rng = rng.spawn(2)
    draws = params_mod.draw(table, n, draw_rng)
    share = share_rng.uniform(lo_share, hi_share, n) if hi_share > lo_share else lo_share
    reach_draws = draws[reach] if isinstance(reach, str) else reach
    costs = disruption_cost(draws, hours, kind, share, reach_draws)
    gdp = np.broadcast_to(area_gdp(draws, check_hours(hours), share), (n,))
    q = ((1 - level) / 2, 0.5, (1 + level) / 2)
    rows = []
    for m in methods:
        c = np.broadcast_to(costs[m], (n,))
        lo, med, hi = np.quantile(c, q)
        rows.append(
            {
                "method": m,
                "median": med,
                "low": lo,
                "high": hi,
                "unit": "USD million",
                "share_of_area_gdp": float(np.median(c / gdp)),
            }
        )
    return pd.DataFrame(rows)


def backtest(
    table: pd.DataFrame, cases: list[dict], n: int = 100_000, seed: int = 20241130
) -> pd.DataFrame:
    """Our cost methods on past disruptions, beside the figures others published.

    Args:
        table: parameters (base scenario).
        cases: dicts with ``event``, ``hours``, ``kind``, ``gdp_usd_billion`` (GDP of that
            year, fixed), ``published`` (USD million), ``claimant``, and optionally
            ``gdp_share`` ((low, high), default national), ``reach`` and ``set``
            (``calibration`` or ``validation``).
        n: draws.
        seed: seed.

    Returns:
        One row per case and method: ``event``, ``set``, ``method``, ``median``, ``low``,
        ``high``, ``published``, ``claimant``, ``ratio`` (published / our median) and
        ``inside`` (the published figure within our interval).
    """
    rows = []
    for case in cases:
        t = params_mod.with_overrides(table, {"gdp_usd_billion": case["gdp_usd_billion"]})
        costs = cost_table(
            t,
            case["hours"],
            case["kind"],
            case.get("gdp_share", (1.0, 1.0)),
            case.get("reach", 1.0),
            n=n,
            seed=seed,
        )
        for r in costs.itertuples():
            rows.append(
                {
                    "event": case["event"],
                    "set": case.get("set", ""),
                    "claimant": case["claimant"],
                    "published": case["published"],
                    "method": r.method,
                    "median": r.median,
                    "low": r.low,
                    "high": r.high,
                    "ratio": case["published"] / r.median,
                    "inside": bool(r.low <= case["published"] <= r.high),
                }
            )
    return pd.DataFrame(rows)


def segment_cost_draws(
    table: pd.DataFrame,
    segments: pd.DataFrame,
    gdp_by_year: Mapping,
    region_shares: Mapping,
    n: int = 2000,
    seed: int = 20241130,
) -> dict[str, np.ndarray]:
    """Draws of the cost of every disruption segment by every method (USD million).

    The same parameter draws and the same draw of each region's GDP share serve every
    segment (common random numbers), so segment draws add up to draws of any total.

    Args:
        table: parameters.
        segments: one row per event, year and region: ``year``, ``hours``, ``kind``,
            ``reach`` (a parameter name, or ``all``), ``region``; see
            :func:`analysis.data.shutdowns.segments`.
        gdp_by_year: calendar year -> GDP (USD billion).
        region_shares: region -> (low, high) share of national GDP.
        n: draws.
        seed: seed.

    Returns:
        method -> array of shape (segments, n).
    """
    rng = np.random.default_rng(seed)
    share_rng, draw_rng = rng.spawn(2)
    draws = params_mod.draw(table, n, draw_rng)
    shares = {}
    for region in sorted(region_shares):
        lo, hi = region_shares[region]
        shares[region] = share_rng.uniform(lo, hi, n) if hi > lo else np.full(n, float(lo))
    out = {m: np.empty((len(segments), n)) for m in COST_METHODS}
    for i, seg in enumerate(segments.itertuples()):
        p = {**draws, "gdp_usd_billion": float(gdp_by_year[seg.year])}
        reach = 1.0 if seg.reach == "all" else draws[seg.reach]
        costs = disruption_cost(p, seg.hours, seg.kind, shares[seg.region], reach)
        for m in COST_METHODS:
            out[m][i] = np.broadcast_to(costs[m], (n,))
    return out


def summarize_draws(
    draws: Mapping[str, np.ndarray], groups: pd.Series, level: float = 0.90
) -> pd.DataFrame:
    """Median and interval of the summed segment costs by group and method.

    Args:
        draws: method -> (segments, n) array from :func:`segment_cost_draws`.
        groups: one label per segment (year, region, event).
        level: interval coverage (a range of inputs, not a confidence interval).

    Returns:
        One row per group and method: ``group``, ``method``, ``median``, ``low``, ``high``.
    """
    q = ((1 - level) / 2, 0.5, (1 + level) / 2)
    labels = pd.Series(groups).reset_index(drop=True)
    rows = []
    for key, idx in labels.groupby(labels, sort=True).groups.items():
        for m, d in draws.items():
            lo, med, hi = np.quantile(d[np.asarray(idx)].sum(axis=0), q)
            rows.append({"group": key, "method": m, "median": med, "low": lo, "high": hi})
    return pd.DataFrame(rows)
