"""Who loses what if unregistered VPNs are blocked: access, freelancers, businesses.

Every model function takes a mapping of parameter -> value and returns a mapping of
output -> value using plain arithmetic only, so the same code runs on numpy arrays of draws
(vectorised Monte Carlo) and on single floats (a plain-Python loop, for the benchmark).

Access:
    vpn_users = internet_users * vpn_user_share
    cut_off = vpn_users * detection_efficacy        (individuals cannot register)
    net_cut_off = cut_off * (1 - switch_share)
Freelancers:
    affected = freelancers * need * (1 - shield) * detection * (1 - switch)
    earnings_at_risk = earnings/365 * days * need * (1 - shield) * detection * (1 - switch)
                       * productivity_loss
Businesses:
    unregistered_share = 1 - registered_companies / pseb_firms
    exports_at_risk = exports/365 * days * firm_vpn_revenue_share * unregistered_share
                      * detection * (1 - switch)
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from analysis.models import params as params_mod

#: Output name -> (unit, plain description), in report order.
OUTPUTS = {
    "vpn_users_m": ("million people", "VPN users"),
    "cut_off_m": ("million people", "VPN users cut off by the block"),
    "switched_m": ("million people", "cut-off users who switch to evading tools"),
    "net_cut_off_m": ("million people", "VPN users left without a working VPN"),
    "blocked_platform_losing_m": ("million people", "users losing access to blocked platforms"),
    "freelancers_affected_k": ("thousand freelancers", "freelancers cut off"),
    "freelance_earnings_at_risk_usd_m": ("USD million", "freelance earnings at risk"),
    "unregistered_firms": ("firms", "PSEB firms without a registered VPN"),
    "exports_at_risk_usd_m_per_day": ("USD million per day", "IT export revenue at risk per day"),
    "exports_at_risk_usd_m": ("USD million", "IT export revenue at risk"),
    "compliance_hours_k": ("thousand hours", "staff time if every unregistered firm registers"),
    "total_at_risk_usd_m": ("USD million", "exports and freelance earnings at risk"),
}


def access(p: Mapping) -> dict:
    """VPN users, users cut off, users who switch, and blocked-platform users losing access."""
    vpn_users = p["internet_users_million"] * p["vpn_user_share"]
    cut_off = vpn_users * p["detection_efficacy"]
    switched = cut_off * p["switch_share"]
    net = cut_off - switched
    return {
        "vpn_users_m": vpn_users,
        "cut_off_m": cut_off,
        "switched_m": switched,
        "net_cut_off_m": net,
        "blocked_platform_losing_m": net * p["blocked_platform_share"],
    }


def freelancers(p: Mapping) -> dict:
    """Freelancers cut off and the earnings at risk over the disruption."""
    exposed = (
        p["freelancer_vpn_need_share"]
        * (1 - p["freelancer_shield_share"])
        * p["detection_efficacy"]
        * (1 - p["switch_share"])
    )
    earnings = (
        p["freelance_earnings_usd_million"]
        / 365
        * p["disruption_days"]
        * exposed
        * p["productivity_loss_share"]
    )
    return {
        "freelancers_affected_k": p["freelancers_million"] * exposed * 1000,
        "freelance_earnings_at_risk_usd_m": earnings,
    }


def businesses(p: Mapping) -> dict:
    """Unregistered firms, export revenue at risk (per day and total), compliance time."""
    unregistered = p["pseb_firms"] - p["registered_companies"]
    share = unregistered / p["pseb_firms"]
    per_day = (
        p["it_exports_usd_million"]
        / 365
        * p["firm_vpn_revenue_share"]
        * share
        * p["detection_efficacy"]
        * (1 - p["switch_share"])
    )
    return {
        "unregistered_firms": unregistered,
        "exports_at_risk_usd_m_per_day": per_day,
        "exports_at_risk_usd_m": per_day * p["disruption_days"],
        "compliance_hours_k": unregistered * p["compliance_hours_per_firm"] / 1000,
    }


def run(p: Mapping) -> dict:
    """Every output of the three modules, plus the total money at risk."""
    out = {**access(p), **freelancers(p), **businesses(p)}
    out["total_at_risk_usd_m"] = (
        out["exports_at_risk_usd_m"] + out["freelance_earnings_at_risk_usd_m"]
    )
    return out


def simulate(table: pd.DataFrame, n: int, seed: int) -> tuple[dict, dict]:
    """Draw parameters ``n`` times (seeded) and run the model; return (inputs, outputs)."""
    rng = np.random.default_rng(seed)
    inputs = params_mod.draw(table, n, rng)
    return inputs, run(inputs)


def summarize(outputs: Mapping, level: float = 0.90) -> pd.DataFrame:
    """Median and ``level`` interval of every output (one row per output)."""
    q = ((1 - level) / 2, 0.5, (1 + level) / 2)
    rows = []
    for name, (unit, what) in OUTPUTS.items():
        x = np.asarray(outputs[name], dtype=float)
        lo, med, hi = (x.flat[0],) * 3 if x.min() == x.max() else np.quantile(x, q)
        rows.append(
            {"output": name, "what": what, "median": med, "low": lo, "high": hi, "unit": unit}
        )
    return pd.DataFrame(rows)


def scenario(
    params: pd.DataFrame,
    scenarios: pd.DataFrame,
    name: str,
    n: int = 100_000,
    seed: int = 20241130,
    overrides: dict[str, float] | None = None,
    level: float = 0.90,
) -> pd.DataFrame:
    """Summary table of one scenario (``base`` or a name in ``scenarios``).

    Args:
        params: the parameter table (:func:`analysis.data.params.load_parameters`).
        scenarios: the scenario overrides (:func:`analysis.data.params.load_scenarios`).
        name: ``base`` or a scenario name.
        n: Monte Carlo draws.
        seed: seed of the draws.
        overrides: parameters fixed at a value (``{"disruption_days": 30}``).
        level: the central interval's coverage.
    """
    table = params_mod.for_scenario(params, scenarios, name, overrides)
    _, outputs = simulate(table, n, seed)
    return summarize(outputs, level).assign(scenario=name)


def tornado(table: pd.DataFrame, output: str) -> pd.DataFrame:
    """One-at-a-time sensitivity: ``output`` with each parameter at its low and high bound.

    Returns:
        One row per parameter that moves the output: ``parameter``, ``at_low``, ``at_high``,
        ``swing`` (|at_high - at_low|), sorted by swing, largest first; ``base`` in attrs.
    """
    base_p = params_mod.central(table)
    base = float(run(base_p)[output])
    rows = []
    for r in table.itertuples():
        lo = float(run({**base_p, r.parameter: r.low})[output])
        hi = float(run({**base_p, r.parameter: r.high})[output])
        if lo != hi:
            rows.append(
                {"parameter": r.parameter, "at_low": lo, "at_high": hi, "swing": abs(hi - lo)}
            )
    out = pd.DataFrame(rows).sort_values("swing", ascending=False).reset_index(drop=True)
    out.attrs["base"] = base
    return out


def rank_correlation(inputs: Mapping, outputs: Mapping, output: str) -> pd.DataFrame:
    """Spearman rank correlation of each varying input with ``output`` (global sensitivity)."""
    y = pd.Series(np.asarray(outputs[output], dtype=float)).rank().to_numpy()
    rows = []
    for name, x in inputs.items():
        x = np.asarray(x, dtype=float)
        if np.ptp(x) == 0:
            continue
        rx = pd.Series(x).rank().to_numpy()
        rows.append({"parameter": name, "spearman": float(np.corrcoef(rx, y)[0, 1])})
    out = pd.DataFrame(rows)
    return out.reindex(out["spearman"].abs().sort_values(ascending=False).index).reset_index(
        drop=True
    )


# ----------------------------------------------------------------- cost of one disruption

COST_METHODS = ("brookings", "deloitte", "netloss", "bottom_up")
KINDS = ("blackout", "mobile", "platform")
REGIONS = ("national",)


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


def disruption_cost(
    p: Mapping, hours: float, kind: str = "blackout", region: str = "national"
) -> dict:
    """Cost (USD million) of one disruption by four methods.

    - brookings (COST-style): GDP x internet share of GDP x duration x share affected;
    - deloitte: daily GDP x share of daily GDP lost per day (connectivity tier) x days x share;
    - netloss: internet users affected x USD per person-day x days;
    - bottom_up: IT exports and freelance earnings lost over the hours (our sectors only).
    """
    if region not in REGIONS:
        raise params_mod.ParameterError(
            f"unknown region {region!r}: the data package has no regional user or GDP shares, "
            f"so only {', '.join(REGIONS)} is supported"
        )
    if not hours > 0:
        raise params_mod.ParameterError(f"hours must be > 0, got {hours}")
    share = affected_share(p, kind)
    days = hours / 24
    daily_gdp = p["gdp_usd_billion"] * 1000 / 365
    return {
        "brookings": daily_gdp * days * p["internet_share_gdp"] * share,
        "deloitte": daily_gdp * p["deloitte_daily_gdp_share"] * days * share,
        "netloss": p["internet_users_million"] * share * p["netloss_usd_per_person_day"] * days,
        "bottom_up": (p["it_exports_usd_million"] + p["freelance_earnings_usd_million"])
        / 365
        * days
        * share,
    }


def cost_table(
    table: pd.DataFrame,
    hours: float,
    kind: str = "blackout",
    region: str = "national",
    n: int = 100_000,
    seed: int = 20241130,
    methods: tuple[str, ...] = COST_METHODS,
    level: float = 0.90,
) -> pd.DataFrame:
    """Median and interval of a disruption's cost by each method (USD million)."""
    unknown = [m for m in methods if m not in COST_METHODS]
    if unknown:
        raise params_mod.ParameterError(
            f"unknown method {unknown[0]!r}; expected one of {', '.join(COST_METHODS)} or all"
        )
    draws = params_mod.draw(table, n, np.random.default_rng(seed))
    costs = disruption_cost(draws, hours, kind, region)
    q = ((1 - level) / 2, 0.5, (1 + level) / 2)
    rows = []
    for m in methods:
        lo, med, hi = np.quantile(np.broadcast_to(costs[m], (n,)), q)
        rows.append({"method": m, "median": med, "low": lo, "high": hi, "unit": "USD million"})
    return pd.DataFrame(rows)


def backtest(
    table: pd.DataFrame, cases: list[dict], n: int = 100_000, seed: int = 20241130
) -> pd.DataFrame:
    """Our cost methods on past disruptions, beside the figures others published.

    Args:
        table: parameters (base scenario).
        cases: dicts with ``event``, ``hours``, ``kind``, ``gdp_usd_billion`` (GDP of that
            year, fixed) and ``published`` (USD million, published figure) and ``claimant``.
        n: draws.
        seed: seed.

    Returns:
        One row per case and method: ``event``, ``method``, ``median``, ``low``, ``high``,
        ``published``, ``claimant`` and ``ratio`` (published / our median).
    """
    rows = []
    for case in cases:
        t = params_mod.with_overrides(table, {"gdp_usd_billion": case["gdp_usd_billion"]})
        costs = cost_table(t, case["hours"], case["kind"], n=n, seed=seed)
        for r in costs.itertuples():
            rows.append(
                {
                    "event": case["event"],
                    "claimant": case["claimant"],
                    "published": case["published"],
                    "method": r.method,
                    "median": r.median,
                    "low": r.low,
                    "high": r.high,
                    "ratio": case["published"] / r.median,
                }
            )
    return pd.DataFrame(rows)
