"""Access Now's #KeepItOn shutdown events for Pakistan, made ready to cost.

Each event becomes one row per calendar year it spans and per region it names (a segment),
with its hours counted in inclusive days (an event on 9-12 May lasts 4 days, 96 hours): the
one way hours are counted everywhere in the analysis. Events with no end date (ongoing, or
the end not reported) cannot be costed and are listed by :func:`uncostable`.
"""

from __future__ import annotations

import pandas as pd

from analysis import data

#: Access Now's kind of shutdown -> the cost methods' disruption type.
KIND = {"full_network": "blackout", "mobile": "mobile", "service_based": "platform"}
#: Access Now's geographic scope -> the parameter for the share of the region touched.
REACH = {
    "It only affected one city, county, or village": "event_share_city",
    "It affected more than one city in the same state, province, or region": "event_share_cities",
    "It affected locations in more than one state, province, or region": "event_share_provinces",
}
FIRST_YEAR, LAST_YEAR = 2016, 2025


def inclusive_hours(start: pd.Timestamp, end: pd.Timestamp) -> float:
    """Hours from ``start`` to ``end``, both days counted (9-12 May: 96 hours)."""
    days = (pd.Timestamp(end).normalize() - pd.Timestamp(start).normalize()).days + 1
    if days < 1:
        raise ValueError(
            f"an event cannot end ({end:%Y-%m-%d}) before it starts ({start:%Y-%m-%d})"
        )
    return 24.0 * days


#: The reach of a national event: all of the country's economy the kind can touch.
ALL = "all"


def _events() -> pd.DataFrame:
    """Events with ``kind`` and ``reach``.

    A national event ("Nationwide", or only the country named) reaches all of it; an event
    with no stated scope (3 rows, 2019) is costed as several cities of its regions.
    """
    ev = data.load("shutdown_events")
    reach = ev["geo_scope"].astype(object).map(REACH).fillna("event_share_cities")
    national = (ev["regions"] == "pakistan") | ev["area_text"].str.contains(
        "nationwide", case=False, na=False
    )
    return ev.assign(
        kind=ev["shutdown_kind"].astype(str).map(KIND), reach=reach.where(~national, ALL)
    )


def uncostable() -> pd.DataFrame:
    """Events left out of the costing, with the reason (no end date, or no region)."""
    ev = _events()
    why = pd.Series("", index=ev.index)
    why[ev["end_date"].isna()] = "no end date (ongoing or not reported)"
    why[ev["regions"].isna() | (ev["regions"] == "")] = "no region named"
    bad = ev.loc[why != ""].assign(reason=why[why != ""])
    return bad[["event_id", "start_date", "end_date", "area_text", "shutdown_kind", "reason"]]


def segments(first_year: int = FIRST_YEAR, last_year: int = LAST_YEAR) -> pd.DataFrame:
    """One row per event, calendar year and region, clipped to ``first_year``-``last_year``.

    Returns:
        Columns ``event_id``, ``year``, ``start``, ``end``, ``hours`` (inclusive days x 24),
        ``kind`` (blackout, mobile, platform), ``reach`` (parameter name), ``region``,
        ``area_text``, ``platforms``.
    """
    ev = _events()
    ok = ev["end_date"].notna() & ev["regions"].notna() & (ev["regions"] != "")
    rows = []
    lo, hi = pd.Timestamp(f"{first_year}-01-01"), pd.Timestamp(f"{last_year}-12-31")
    for e in ev.loc[ok].itertuples():
        start, end = max(e.start_date, lo), min(e.end_date, hi)
        if end < start:
            continue
        for year in range(start.year, end.year + 1):
            s = max(start, pd.Timestamp(f"{year}-01-01"))
            t = min(end, pd.Timestamp(f"{year}-12-31"))
            for region in str(e.regions).split(";"):
                rows.append(
                    {
                        "event_id": e.event_id,
                        "year": year,
                        "start": s,
                        "end": t,
                        "hours": inclusive_hours(s, t),
                        "kind": e.kind,
                        "reach": e.reach,
                        "region": region,
                        "area_text": e.area_text,
                        "platforms": e.platforms,
                    }
                )
    return pd.DataFrame(rows)


def gdp_by_calendar_year() -> pd.Series:
    """Pakistan's GDP by calendar year (USD billion): what each event year is costed on.

    World Bank calendar years where the data hold them (to 2023); 2024 is the mean of the
    two fiscal years it straddles (FY2024 and FY2025, NAC); 2025 takes FY2025, the latest.
    """
    macro = data.used(data.load("macro"))
    g = macro.loc[macro["indicator"] == "gdp_usd_billion"].set_index("period")["value"]
    out = {int(k): float(v) for k, v in g.items() if str(k).isdigit()}
    out[2024] = (float(g["FY2024"]) + float(g["FY2025"])) / 2
    out[2025] = float(g["FY2025"])
    return pd.Series(out, name="gdp_usd_billion").sort_index()


def top10vpn_annual() -> pd.DataFrame:
    """Top10VPN's published annual cost of Pakistan's shutdowns: year, USD million, hours."""
    st = data.used(data.load("disruption_stats"))
    t = st.loc[st["publisher_body"] == "Top10VPN"]
    factor = {"USD": 1e-6, "USD_million": 1.0, "USD_billion": 1e3}
    cost = t.loc[t["metric"] == "cost_usd"]
    cost = cost.assign(usd_million=cost["value"] * cost["unit"].astype(str).map(factor))
    hours = t.loc[t["metric"] == "hours"].set_index("year")["value"]
    out = cost[["year", "usd_million", "source_id"]].assign(
        hours=cost["year"].map(hours).astype(float)
    )
    return out.sort_values("year").reset_index(drop=True)


def published_costs() -> pd.DataFrame:
    """Published costs of distinct Pakistan disruptions, split into calibration and validation.

    The split is fixed here, before any result is seen: the two figures the calibrated
    methods are built from (COST's hourly rate, NetLoss's May 2023 output) form the
    calibration set; every other published figure for a distinct disruption or year is in the
    validation set. Top10VPN's 2024 and 2025 totals are left out: they mix the X block (a
    case of its own) with regional shutdowns of unstated hours.

    Returns:
        One row per case: ``event``, ``year``, ``hours``, ``kind``, ``region``, ``published``
        (USD million), ``claimant``, ``set``, ``note``.
    """
    est = data.load("impact_estimates").set_index("estimate_id")
    gdp = gdp_by_calendar_year()
    annual = top10vpn_annual().set_index("year")
    may = est.loc["isoc-netloss-2023-05-pakistan-shutdown"]
    xb = est.loc["top10vpn-2024-x-block-cost"]
    pide = est.loc["pide-2023-daily-loss-share-of-daily-gdp"]
    rate = est.loc["netblocks-cost-pakistan-per-hour"]
    x_start = pd.Timestamp(xb["period_start"])
    rows = [
        (
            "COST's hourly rate, 24 h national blackout",
            2024,
            24.0,
            "blackout",
            "pakistan",
            float(rate["value"]) * 24,
            "NetBlocks COST",
            "calibration",
            "the rate the COST-calibrated method is built from",
        ),
        (
            "May 2023 mobile shutdown (9-12 May)",
            2023,
            inclusive_hours(pd.Timestamp(may["period_start"]), pd.Timestamp(may["period_end"])),
            "mobile",
            "pakistan",
            float(may["value"]),
            "NetLoss",
            "calibration",
            "the output the NetLoss-style method is calibrated to",
        ),
        (
            "Azad Kashmir shutdowns, 2019",
            2019,
            float(annual.loc[2019, "hours"]),
            "blackout",
            "azad_jammu_kashmir",
            float(annual.loc[2019, "usd_million"]),
            "Top10VPN",
            "validation",
            "Top10VPN lists it as 'Pakistan - Azad Kashmir'",
        ),
        (
            "Shutdowns of 2021",
            2021,
            float(annual.loc[2021, "hours"]),
            "blackout",
            "pakistan",
            float(annual.loc[2021, "usd_million"]),
            "Top10VPN",
            "validation",
            "",
        ),
        (
            "Shutdowns of 2022",
            2022,
            float(annual.loc[2022, "hours"]),
            "blackout",
            "pakistan",
            float(annual.loc[2022, "usd_million"]),
            "Top10VPN",
            "validation",
            "",
        ),
        (
            "Shutdowns of 2023 (mainly May)",
            2023,
            float(annual.loc[2023, "hours"]),
            "mobile",
            "pakistan",
            float(annual.loc[2023, "usd_million"]),
            "Top10VPN",
            "validation",
            "the same May 2023 shutdown as a calibration figure: in-sample for the NetLoss-style "
            "method",
        ),
        (
            "A 24-hour shutdown, 2023",
            2023,
            24.0,
            "mobile",
            "pakistan",
            float(pide["value"]) * gdp[2023] * 1000 / 365,
            "PIDE",
            "validation",
            "PIDE's 0.57% of daily GDP, times 2023's daily GDP",
        ),
        (
            "X block, 18 Feb - 31 Dec 2024",
            2024,
            inclusive_hours(x_start, pd.Timestamp("2024-12-31")),
            "platform",
            "pakistan",
            float(xb["value"]) * 1000,
            "Top10VPN",
            "validation",
            "Top10VPN's 2024 figure for the X block, counted to the end of 2024",
        ),
    ]
    cols = ["event", "year", "hours", "kind", "region", "published", "claimant", "set", "note"]
    return pd.DataFrame(rows, columns=cols)
