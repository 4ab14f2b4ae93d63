"""What happened: the policy timeline, the disruption record and the cost claims others made.

Pure functions over loaded tables (``policy_timeline``, ``disruptions``, ``impact_estimates``).
"""

from __future__ import annotations

import pandas as pd

#: USD-denominated units of ``impact_estimates`` and their factor to USD million.
USD_MILLION = {"USD": 1e-6, "USD_million": 1.0, "USD_billion": 1e3}

#: Reasons that mark a disruption as not ordered by the state (left out of the record).
NON_POLICY_REASONS = ("submarine cable",)

#: Lanes of the timeline chart, top to bottom.
LANES = (
    "deadline",
    "extension",
    "trial_block",
    "platform_block",
    "restoration",
    "regulation",
    "licensing",
    "court",
    "statement",
    "report",
    "other",
)


def events(timeline: pd.DataFrame, start: str = "2010-01-01") -> pd.DataFrame:
    """Return timeline events from ``start`` on, oldest first, with ``year`` added."""
    out = timeline.loc[timeline["date"] >= pd.Timestamp(start)]
    return (
        out.assign(year=out["date"].dt.year)[
            ["date", "date_precision", "year", "category", "event", "actor", "source_id"]
        ]
        .sort_values(["date", "category"])
        .reset_index(drop=True)
    )


def category_counts(ev: pd.DataFrame) -> pd.DataFrame:
    """Count events per category and period (2010-2019, 2020-2023, 2024, 2025-2026)."""
    bins = pd.cut(
        ev["year"],
        [2009, 2019, 2023, 2024, 2026],
        labels=["2010-2019", "2020-2023", "2024", "2025-2026"],
    )
    table = pd.crosstab(ev["category"], bins).reindex(
        [c for c in LANES if c in set(ev["category"])]
    )
    table.columns = table.columns.astype(str)
    table.columns.name = None
    return table.assign(total=table.sum(axis=1))


def policy_excluded(disruptions: pd.DataFrame) -> pd.Series:
    """Return True for disruptions with a non-policy cause (see ``NON_POLICY_REASONS``)."""
    reason = disruptions["reason"].fillna("").str.lower()
    return reason.str.contains("|".join(NON_POLICY_REASONS), regex=True)


def disruption_record(disruptions: pd.DataFrame) -> pd.DataFrame:
    """Count events and sum reported hours per year and scope (used rows, dated events).

    Events with a non-policy cause (a submarine-cable fault) and undated events are left out.

    Returns:
        Columns ``year``, ``scope``, ``events``, ``with_hours`` (events whose hours are known),
        ``hours`` (sum of known hours; an event spanning years counts in its start year).
    """
    d = disruptions.loc[
        disruptions["use"] & disruptions["start"].notna() & ~policy_excluded(disruptions)
    ]
    d = d.assign(year=d["start"].dt.year, known=d["hours"].notna())
    out = (
        d.groupby(["year", "scope"], observed=True)
        .agg(
            events=("scope", "size"),
            with_hours=("known", "sum"),
            hours=("hours", lambda h: h.sum(min_count=1)),
        )
        .reset_index()
    )
    return out.astype({"with_hours": int})


def cost_claims(estimates: pd.DataFrame) -> pd.DataFrame:
    """Return the used, USD-denominated total-cost claims in USD million, largest first.

    Only units that differ by a power of ten are converted (USD, USD million, USD billion);
    per-hour, per-day, rupee and share figures are left to the table as published.
    """
    e = estimates.loc[estimates["use"] & estimates["unit"].isin(list(USD_MILLION))]
    factor = e["unit"].astype(str).map(USD_MILLION).astype(float)
    return (
        e.assign(usd_million=e["value"] * factor)[
            [
                "claimant",
                "event",
                "period_start",
                "claim_type",
                "usd_million",
                "qualifier",
                "method",
                "source_id",
            ]
        ]
        .sort_values("usd_million", ascending=False)
        .reset_index(drop=True)
    )
