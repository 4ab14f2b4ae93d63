"""VPN registrations with PTA: the reported counts as a series, and how fast they grew.

Grain: one row per reporting date. Counts are as reported (rounded, relayed by media); where
two sources give different values for the same date both are kept, and ``use`` marks the one
the analysis uses (see ``data/vpn_registrations.csv``).
"""

from __future__ import annotations

import pandas as pd


def vpn_counts(registrations: pd.DataFrame) -> pd.DataFrame:
    """Return the reported counts of registered VPNs, oldest first.

    Args:
        registrations: the ``vpn_registrations`` table from :func:`analysis.data.load`.

    Returns:
        Columns ``date``, ``value`` (registered VPNs), ``qualifier``, ``use``, ``source_id``;
        every VPN count, including rivals not used (``use`` false).
    """
    cols = ["date", "value", "qualifier", "use", "source_id"]
    return (
        registrations.loc[registrations["counted"] == "vpns", cols]
        .sort_values(["date", "use"], ascending=[True, False])
        .reset_index(drop=True)
    )


def growth(counts: pd.DataFrame) -> pd.Series:
    """Return first and last used counts, their dates, and the growth between them.

    Returns:
        Series with ``first_date``, ``first``, ``last_date``, ``last``, ``last_qualifier``
        (how the source words it: exact, over, ...), ``added``,
        ``growth_pct`` (percent, as a float) and ``days``.
    """
    used = counts.loc[counts["use"]].sort_values("date")
    if len(used) < 2:
        raise ValueError("growth needs at least two used counts on different dates")
    first, last = used.iloc[0], used.iloc[-1]
    return pd.Series(
        {
            "first_date": first["date"].date(),
            "first": first["value"],
            "last_date": last["date"].date(),
            "last": last["value"],
            "last_qualifier": last["qualifier"],
            "added": last["value"] - first["value"],
            "growth_pct": 100 * (last["value"] / first["value"] - 1),
            "days": (last["date"] - first["date"]).days,
        }
    )


def gap_inputs(deadline: pd.Timestamp) -> pd.DataFrame:
    """The inputs of the registration-gap ratios, each a (low, central, high) from the data.

    - registered VPNs at the deadline: the lowest count reported that day, the used one, and
      the highest used count in the week after;
    - internet users (million): ITU's 2022 share online x the 2023 census population (low),
      DataReportal's latest count (central and high);
    - VPN users: internet users x Gallup Pakistan's share of internet users using a VPN;
    - companies with registered VPNs (latest used count), PSEB-registered IT firms (2021 IT
      firms as low, the latest count as central and high), freelancers (the smallest, median
      and largest published counts) and VPNs registered by freelancers.

    Returns:
        One row per input: ``input``, ``low``, ``central``, ``high``, ``unit``, ``basis``
        (where each bound comes from).
    """
    from analysis import data

    reg = data.load("vpn_registrations")
    counts = vpn_counts(reg)
    used = counts.loc[counts["use"]]
    on_day = counts.loc[counts["date"] == deadline, "value"]
    week = used.loc[used["date"].between(deadline, deadline + pd.Timedelta(days=7)), "value"]
    registered = (on_day.min(), used.loc[used["date"] == deadline, "value"].iloc[0], week.max())

    users = data.used(data.load("internet_users"))
    dr = users.loc[
        (users["estimator"] == "DataReportal") & (users["metric"] == "internet_users")
    ].sort_values("date")
    itu = users.loc[
        (users["estimator"] == "ITU_OWID")
        & (users["metric"] == "share_of_population_online")
        & (users["date"] == "2022-01-01"),
        "value",
    ].iloc[0]
    macro = data.used(data.load("macro"))
    census = macro.loc[
        (macro["indicator"] == "population_million") & (macro["period"] == "2023"), "value"
    ].min()
    latest = dr["value"].iloc[-1]
    internet = (itu / 100 * census, latest, latest)
    survey = (
        data.load("vpn_surveys").set_index(["surveyor", "group"]).loc[("Gallup Pakistan", "all")]
    )
    share = float(survey["share"])

    sector = data.used(data.load("it_sector_counts"))
    pseb = sector.loc[sector["entity"] == "pseb_registered_it_companies"].iloc[0]
    pseb_2021 = sector.loc[sector["entity"] == "pseb_registered_it_firms"].iloc[0]
    companies = reg.loc[reg["use"] & (reg["counted"] == "companies")].sort_values("date").iloc[-1]
    free = data.load("freelancer_estimates")
    free = free.loc[free["metric"].isin(["freelancers_count", "active_freelancers"]), "value"]
    fl_vpns = reg.loc[reg["use"] & (reg["counted"] == "freelancer_vpns")].iloc[0]

    rows = [
        (
            "registered_vpns",
            registered,
            "VPNs",
            f"lowest report on {deadline:%d %b %Y}; used count; highest used in the week after",
        ),
        (
            "internet_users",
            internet,
            "million persons",
            f"ITU 2022 share {itu:.1f}% x 2023 census {census:.1f} million; "
            f"DataReportal {dr['date'].iloc[-1]:%Y}",
        ),
        (
            "vpn_users",
            tuple(u * share for u in internet),
            "million persons",
            f"internet users x {share:.0%} (Gallup Pakistan, {survey['date']:%b %Y})",
        ),
        (
            "companies_with_registered_vpns",
            (companies["value"],) * 3,
            "companies",
            f"{companies['date']:%d %b %Y} ({companies['qualifier']})",
        ),
        (
            "pseb_it_firms",
            (pseb_2021["value"], pseb["value"], pseb["value"]),
            "firms",
            f"PSEB IT firms {pseb_2021['date']:%Y}; PSEB-registered companies {pseb['date']:%b %Y}",
        ),
        (
            "freelancers",
            (free.min(), free.median(), free.max()),
            "million persons",
            "smallest, median and largest published count",
        ),
        ("freelancer_vpns", (fl_vpns["value"],) * 3, "VPNs", f"{fl_vpns['date']:%d %b %Y}"),
    ]
    return pd.DataFrame(
        [
            {
                "input": k,
                "low": float(v[0]),
                "central": float(v[1]),
                "high": float(v[2]),
                "unit": u,
                "basis": b,
            }
            for k, v, u, b in rows
        ]
    )


def firm_size_classes() -> tuple[list[tuple[float, float, float]], str]:
    """IT firms by staff size: ``[(share of firms, lowest staff, highest staff), ...]``.

    From the Ignite survey of 300 IT firms (World Bank, 2021): the shares with 50 or more and
    with 25 to 50 employees; the rest had fewer than 25. Returns the classes and a basis line.
    """
    from analysis import data

    sector = data.used(data.load("it_sector_counts")).set_index("entity")
    big = float(sector.loc["it_firms_share_50plus_employees", "value"])
    mid = float(sector.loc["it_firms_share_25_to_50_employees", "value"])
    if not 0 <= big + mid <= 1:
        raise ValueError("it_sector_counts: firm size shares must sum to at most 1")
    year = sector.loc["it_firms_share_50plus_employees", "date"]
    classes = [(big, 50.0, float("inf")), (mid, 25.0, 50.0), (1.0 - big - mid, 1.0, 25.0)]
    basis = (
        f"Ignite survey of IT firms ({year:%Y}): {big:.0%} with 50+ staff, {mid:.0%} with "
        f"25-50, the rest ({1 - big - mid:.0%}) under 25"
    )
    return classes, basis


def gap_comparisons(inputs: pd.DataFrame) -> list[dict]:
    """The four gap ratios from :func:`gap_inputs`, for :func:`analysis.models.uptake.gap_table`."""
    x = inputs.set_index("input")[["low", "central", "high"]]

    def tri(name, scale=1.0):
        return tuple(float(v) * scale for v in x.loc[name])

    return [
        {
            "comparison": "registered VPNs per VPN user",
            "registered": tri("registered_vpns"),
            "against": tri("vpn_users", 1e6),
            "what": "lower bound on the share of VPN users covered (one VPN can serve many users)",
        },
        {
            "comparison": "companies with registered VPNs per PSEB-registered IT firm",
            "registered": tri("companies_with_registered_vpns"),
            "against": tri("pseb_it_firms"),
            "what": "share of IT firms with a registered VPN (firms outside PSEB not counted)",
        },
        {
            "comparison": "freelancer VPNs (Aug 2024) per freelancer",
            "registered": tri("freelancer_vpns"),
            "against": tri("freelancers", 1e6),
            "what": "share of freelancers registered before the campaign",
        },
        {
            "comparison": "all registered VPNs per freelancer (if every one were a freelancer's)",
            "registered": tri("registered_vpns"),
            "against": tri("freelancers", 1e6),
            "what": "ceiling on freelancer coverage at the deadline",
        },
    ]


def increments(counts: pd.DataFrame, since: pd.Timestamp | None = None) -> pd.DataFrame:
    """Registrations added between consecutive used counts, and the daily rate.

    Args:
        counts: :func:`vpn_counts`.
        since: first reporting date to include (default: all).

    Returns:
        One row per interval: ``from``, ``to``, ``days``, ``added`` (VPNs), ``per_day`` and
        ``qualifier`` (how the later count is worded: exact, over, at least, approx).
    """
    used = counts.loc[counts["use"]].sort_values("date")
    if since is not None:
        used = used.loc[used["date"] >= since]
    prev, nxt = used.iloc[:-1], used.iloc[1:]
    days = (nxt["date"].to_numpy() - prev["date"].to_numpy()).astype("timedelta64[D]").astype(int)
    added = nxt["value"].to_numpy() - prev["value"].to_numpy()
    return pd.DataFrame(
        {
            "from": prev["date"].dt.date.to_numpy(),
            "to": nxt["date"].dt.date.to_numpy(),
            "days": days,
            "added": added,
            "per_day": added / days,
            "qualifier": nxt["qualifier"].astype(str).to_numpy(),
        }
    )
