"""The one registry of the words readers see for the project's identifiers.

Code names (``disruption_days``, ``bottom_up``, ``as_announced``, ``vpn_registrations``) are
for code. Every chart, table header and page takes its words from here:

- parameters: the ``description`` column of ``data/parameters.csv`` (and of
  ``data/cost_method_parameters.csv``), so a parameter added there is labelled at once;
- tables: the ``title`` of each resource in ``data/datapackage.json``, or a short name;
- outputs and cost methods: the impact model's own ``OUTPUTS`` and ``METHOD_LABELS``;
- scenarios, counterfactual methods, regions, event categories, data series and the columns
  of the notebooks' tables: the dictionaries below.

:func:`label` raises :class:`UnknownLabel` for a name it does not know, and the tests check
that every scenario, region, category and parameter in the data has a label, so a new name
fails loudly instead of reaching a reader as code. :func:`find_identifiers` finds code names
left in visible text (the tests run it over the report's page and every chart).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from analysis.data import regions as _regions

#: A code identifier: lower-case words joined by underscores (``vpn_users_m``).
IDENTIFIER = re.compile(r"(?<![\w/.-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w-])")
#: A file a source line points to (``data/vpn_registrations.csv``): a path, not code.
DATA_PATH = re.compile(r"[\w/.-]+\.(?:csv|json|md)\b")

SCENARIOS = {
    "base": "base ranges",
    "as_announced": "as announced",
    "partial_enforcement": "partial enforcement",
    "mobile_number_route": "mobile-number route",
    "licensing_regime": "licensing regime (what happened)",
    "registration_only": "registration, no block",
}

#: The export counterfactuals of notebook 05.
COUNTERFACTUAL_METHODS = {
    "trend": "linear trend",
    "sarimax": "seasonal ARIMA (SARIMAX)",
    "yoy": "year-on-year growth",
    "structural": "structural time-series model",
}

#: Regions as charts and pages name them: the data layer's names, "Pakistan" for the nation.
REGIONS = {**_regions.NAMES, _regions.NATIONAL: "Pakistan"}

CATEGORIES = {
    "regulation": "regulation",
    "deadline": "deadline",
    "extension": "extension",
    "trial_block": "trial block",
    "platform_block": "platform block",
    "restoration": "restoration",
    "court": "court",
    "statement": "statement",
    "licensing": "licensing",
    "report": "report",
    "shutdown": "shutdown",
    "other": "other",
}

#: Short names of the data tables, for chart axes (the resource title is the long form).
TABLES = {
    "sources": "sources",
    "policy_timeline": "policy timeline",
    "vpn_registrations": "VPN registrations",
    "vpn_demand": "VPN demand",
    "vpn_bandwidth": "VPN bandwidth",
    "vpn_surveys": "VPN surveys",
    "telecom_indicators": "telecom indicators",
    "internet_users": "internet users",
    "internet_speeds": "internet speeds",
    "disruptions": "disruptions",
    "disruption_stats": "disruption statistics",
    "shutdown_events": "shutdown events",
    "impact_estimates": "published cost claims",
    "cost_method_parameters": "cost-method parameters",
    "it_exports_monthly": "IT exports, monthly",
    "it_exports_period": "IT exports, fiscal years",
    "workers_remittances_monthly": "workers' remittances, monthly",
    "freelance_remittances": "freelance remittances",
    "freelancer_estimates": "freelancer counts",
    "it_sector_counts": "IT sector counts",
    "macro": "macro context",
    "region_population": "population by region",
    "region_gdp_shares": "GDP shares by region",
    "region_internet_use": "internet use by region",
    "registration_rules": "registration rules",
    "parameters": "model parameters",
    "scenarios": "scenarios",
}

#: Values of coded columns (series, units, kinds, estimators) as they appear in tables.
TERMS = {
    "sbp_it_ites": "SBP: IT and IT-enabled services",
    "sbp_ict": "SBP: ICT services",
    "it_unspecified": "IT exports (label not specified)",
    "pbs_ict_services": "PBS: ICT services",
    "cellular_subscribers": "cellular subscribers",
    "mobile_broadband_subscribers": "3G/4G subscribers",
    "at_least": "at least",
    "cost_estimate": "cost estimate",
    "loss_claim": "loss claim",
    "exposure_count": "exposure count",
    "forecast": "forecast",
    "median_download": "median download",
    "average_download": "average download",
    "median_upload": "median upload",
    "average_upload": "average upload",
    "global_rank": "global rank",
    "full_network": "full network",
    "service_based": "service-based",
    "mobile_data": "mobile data",
    "call_centre": "call centre",
    "video_conferencing": "video conferencing",
    "provider_customer": "provider's customer",
    "static_ip": "static IP address",
    "mobile_number": "mobile number",
    "cost_methods": "cost methods",
    "pasha_ipr": "Pasha (IPR)",
    "per_capita_implied": "implied by income per head",
    "punjab_official": "Punjab official",
    "national_gdp": "national GDP",
    "all_units": "all seven units",
    "census_units": "census units",
    "census_2023": "census 2023",
    "ajk_census_2017": "AJK census 2017",
    "ajk_government_estimate": "AJK government estimate",
    "usd_million": "USD million",
    "million_users": "million users",
    "users_affected": "users affected",
    "cost_usd": "cost (USD)",
    "shutdowns_count": "shutdowns",
    "with_hours": "with hours",
    "ITU_OWID": "ITU via OWID",
    "PBS_HIES": "PBS household survey",
}

#: Column names of the notebooks' tables, in words (units where the name carries them).
COLUMNS = {
    "at_high": "at high bound",
    "at_low": "at low bound",
    "basis_central": "basis of the central value",
    "basis_high": "basis of the high bound",
    "basis_low": "basis of the low bound",
    "cal_high": "calibrated high",
    "cal_low": "calibrated low",
    "cf_high": "counterfactual, high",
    "cf_low": "counterfactual, low",
    "ci_high": "confidence interval, high",
    "ci_low": "confidence interval, low",
    "claim_type": "kind of claim",
    "critical_gap_pct": "critical gap (%)",
    "critical_t": "critical t",
    "ex_ante_effect_pct": "ex-ante effect (%)",
    "gap_high": "gap, high",
    "gap_low": "gap, low",
    "gap_pct": "gap (%)",
    "gap_pct_high": "gap, high (%)",
    "gap_pct_low": "gap, low (%)",
    "growth_pct": "growth (%)",
    "max_rel_diff": "largest relative difference",
    "mde_pct": "smallest detectable effect (%)",
    "parameter_a": "first parameter",
    "parameter_b": "second parameter",
    "placebo_sd_pct": "spread of the placebo gaps (standard deviation, %)",
    "rank_correlation": "rank correlation",
    "share_of_evpi": "share of the value of perfect information",
    "median_ratio": "median ratio",
    "mom_change": "change on the month",
    "mom_pct": "change on the month (%)",
    "months_after": "months after",
    "months_before": "months before",
    "n_missing": "missing values",
    "n_obs": "observations",
    "n_pre": "months before the break",
    "null_flag_rate": "share flagged under no break",
    "ours_high": "ours, high",
    "ours_low": "ours, low",
    "p_hac": "p-value (HAC)",
    "p_simulated": "p-value (simulated)",
    "p_value": "p-value",
    "per_day": "per day",
    "population_basis": "population basis",
    "power_against_ex_ante": "power against the ex-ante effect",
    "publisher_body": "publishing body",
    "real_gap_pct": "gap at the real deadline (%)",
    "rule_type": "kind of rule",
    "share_of_area_gdp": "share of the area's GDP",
    "slope_change_pct": "change in slope (%)",
    "slope_high": "slope, high",
    "slope_low": "slope, low",
    "smallest_p": "smallest possible p-value",
    "source_id": "source",
    "original_publisher": "original publisher",
    "step_pct": "step (%)",
    "t_stat": "t statistic",
    "valid_from": "valid from",
    "yoy_pct": "change on the year (%)",
    "share_of_population_online": "share of population online",
    "interval_kind": "kind of interval",
    "break_month": "break month",
    "mean_gap_pct": "mean gap (%)",
    "freelance_remittances_it_services": "freelance remittances, IT services",
    "freelance_remittances_non_it": "freelance remittances, other",
    "freelance_earnings_annual_claim": "freelance earnings, annual claim",
    "freelance_exports_target": "freelance exports target",
    "freelancing_remote_work_earnings": "freelancing and remote-work earnings",
    "active_freelancers": "active freelancers",
    "freelancers_count": "freelancers",
    "freelancer_vpns": "freelancers' VPNs",
    "companies_with_registered_vpns": "companies with registered VPNs",
    "registered_vpns": "registered VPNs",
    "pseb_it_firms": "IT firms registered with PSEB",
    "vpn_users": "VPN users",
    "internet_users": "internet users",
    "daily_users_change": "change in daily users",
    "demand_change": "change in demand",
    "demand_change_expected": "expected change in demand",
    "new_users_change": "change in new users",
    "search_interest_ratio": "search interest ratio",
    "signups_change": "change in sign-ups",
    "site_traffic_change": "change in site traffic",
    "usage_change": "change in use",
    "iran_output_usd_million_per_day_when_deprecated": (
        "Iran's output per day when the method was deprecated (USD million)"
    ),
}

#: Units as the data spell them.
UNITS = {
    "USD_million": "USD million",
    "USD_billion": "USD billion",
    "USD_million_per_day": "USD million per day",
    "USD_million_per_hour": "USD million per hour",
    "USD_million_per_year": "USD million per year",
    "USD_per_hour": "USD per hour",
    "PKR_billion": "PKR billion",
    "PKR_billion_per_day": "PKR billion per day",
    "PKR_billion_per_year": "PKR billion per year",
    "PKR_million": "PKR million",
    "PKR_million_per_day": "PKR million per day",
    "TB_per_day": "TB per day",
    "share_of_daily_gdp": "share of daily GDP",
    "share_of_firms": "share of firms",
    "million_freelancers": "million freelancers",
    "percent_decline_bpo_services": "percent decline in BPO services",
    "percent_decline_orders": "percent decline in orders",
    "percent_decline_rides": "percent decline in rides",
    "percent_per_year": "percent per year",
}


class UnknownLabel(KeyError):
    """A code name with no words for readers: add it to the data or to this registry."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


def sentence(text: str) -> str:
    """First letter upper-case, the rest as written (``"VPN users"``, not ``"Vpn users"``)."""
    text = str(text).strip()
    return text[:1].upper() + text[1:]


@cache
def parameters() -> dict[str, str]:
    """Parameter name -> description, from ``parameters.csv`` and ``cost_method_parameters.csv``."""
    from analysis import data

    out: dict[str, str] = {}
    for table in ("cost_method_parameters", "parameters"):
        df = data.load(table)
        for name, description in zip(df["parameter"], df["description"], strict=True):
            if isinstance(description, str) and description.strip():
                out[str(name)] = description.strip()
    return out


@cache
def table_titles() -> dict[str, str]:
    """Table name -> the resource title in ``data/datapackage.json``."""
    import json

    from analysis import paths

    package = json.loads((paths.DATA / "datapackage.json").read_text(encoding="utf-8"))
    return {r["name"]: r.get("title") or TABLES.get(r["name"], "") for r in package["resources"]}


def outputs() -> dict[str, str]:
    """Impact-model output -> what it measures, from the model's own ``OUTPUTS``."""
    from analysis.models import impact

    return {name: what for name, (_, what) in impact.OUTPUTS.items()}


def output_units() -> dict[str, str]:
    """Impact-model output -> its unit."""
    from analysis.models import impact

    return {name: unit for name, (unit, _) in impact.OUTPUTS.items()}


def methods() -> dict[str, str]:
    """Cost and counterfactual method -> its name in words."""
    from analysis.models import impact

    return {**COUNTERFACTUAL_METHODS, **impact.METHOD_LABELS}


KINDS = (
    "parameter",
    "output",
    "method",
    "scenario",
    "table",
    "region",
    "category",
    "term",
    "unit",
    "column",
)


def _kind(kind: str) -> dict[str, str]:
    if kind == "parameter":
        return parameters()
    if kind == "output":
        return outputs()
    if kind == "method":
        return methods()
    if kind == "table":
        return {**table_titles(), **TABLES}
    return {
        "scenario": SCENARIOS,
        "region": REGIONS,
        "category": CATEGORIES,
        "term": TERMS,
        "unit": UNITS,
        "column": COLUMNS,
    }[kind]


def label(name: object, kind: str | None = None) -> str:
    """The words for ``name`` (of ``kind``, or the first kind that knows it).

    Args:
        name: a code name (``"disruption_days"``).
        kind: one of :data:`KINDS`; ``None`` searches them in that order.

    Raises:
        UnknownLabel: no label for ``name``.
    """
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown label kind {kind!r}; expected one of {', '.join(KINDS)}")
    key = str(name)
    for k in (kind,) if kind else KINDS:
        words = _kind(k).get(key)
        if words:
            return words
    where = f"{kind} " if kind else ""
    raise UnknownLabel(
        f"no label for {where}{key!r}: give it a description in data/ or a label in "
        "analysis/labels.py"
    )


def words(value: object, kind: str | None = None) -> str:
    """A coded value in words: its label, or the value itself when it is already a word.

    Raises:
        UnknownLabel: ``value`` looks like code (``snake_case``) and has no label.
    """
    text = str(value)
    try:
        return label(text, kind)
    except UnknownLabel:
        if IDENTIFIER.fullmatch(text):
            raise
        return text


def known(name: object) -> bool:
    """Whether the registry has words for ``name``."""
    try:
        label(name)
    except UnknownLabel:
        return False
    return True


def missing(names: Iterable[object], kind: str | None = None) -> list[str]:
    """The names among ``names`` that have no label (sorted, each once)."""
    out = set()
    for n in names:
        try:
            label(n, kind)
        except UnknownLabel:
            out.add(str(n))
    return sorted(out)


def relabel(text: str) -> str:
    """``text`` with every known code identifier in it replaced by its words."""

    def sub(m: re.Match) -> str:
        try:
            return label(m.group(0))
        except UnknownLabel:
            return m.group(0)

    return IDENTIFIER.sub(sub, str(text))


def find_identifiers(text: str) -> list[str]:
    """Code identifiers left in visible ``text`` (data file paths excepted), each once."""
    return sorted(set(IDENTIFIER.findall(DATA_PATH.sub(" ", str(text)))))
