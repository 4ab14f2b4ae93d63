"""What happened: the policy timeline, the disruption record and the cost claims others made.

Pure functions over loaded tables (``policy_timeline``, ``disruptions``, ``impact_estimates``).
"""

from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import numpy as np
import pandas as pd

from analysis import events as registry
from analysis import plots

#: USD-denominated units of ``impact_estimates`` and their factor to USD million.
USD_MILLION = {"USD": 1e-6, "USD_million": 1.0, "USD_billion": 1e3}

#: Reasons that mark a disruption as not ordered by the state (left out of the record).
NON_POLICY_REASONS = ("submarine cable",)

#: Lanes of the timeline chart, top to bottom.
LANES = ("deadline", "extension", "trial_block", "platform_block", "restoration", "regulation",
         "licensing", "court", "statement", "report", "other")


def events(timeline: pd.DataFrame, start: str = "2010-01-01") -> pd.DataFrame:
    """Return timeline events from ``start`` on, oldest first, with ``year`` added."""
    out = timeline.loc[timeline["date"] >= pd.Timestamp(start)]
    return (out.assign(year=out["date"].dt.year)
            [["date", "date_precision", "year", "category", "event", "actor", "source_id"]]
            .sort_values(["date", "category"]).reset_index(drop=True))


def category_counts(ev: pd.DataFrame) -> pd.DataFrame:
    """Count events per category and period (2010-2019, 2020-2023, 2024, 2025-2026)."""
    bins = pd.cut(ev["year"], [2009, 2019, 2023, 2024, 2026],
                  labels=["2010-2019", "2020-2023", "2024", "2025-2026"])
    table = pd.crosstab(ev["category"], bins).reindex(
        [c for c in LANES if c in set(ev["category"])])
    table.columns = table.columns.astype(str)
    table.columns.name = None
    return table.assign(total=table.sum(axis=1))


def chart_timeline(ev: pd.DataFrame, source: str) -> None:
    """One lane per category; a dot per event; the 2024 deadline marked."""
    lanes = [c for c in LANES if c in set(ev["category"])]
    fig, ax = plots.new_chart(figsize=(8.0, 5.0))
    for i, cat in enumerate(lanes):
        d = ev.loc[ev["category"] == cat, "date"]
        ax.scatter(d, np.full(len(d), i), s=28, color=plots.CATEGORY_COLOURS[cat], alpha=0.85,
                   edgecolors="white", linewidths=0.5, zorder=3)
    ax.set_yticks(range(len(lanes)), [c.replace("_", " ") for c in lanes])
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.axvline(registry.deadline(), color=plots.PALETTE["accent"], linestyle="--",
               linewidth=1)
    ax.xaxis.set_major_locator(mdates.YearLocator(2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    n_dead = int((ev["category"] == "deadline").sum())
    n_ext = int((ev["category"] == "extension").sum())
    n_lic = int((ev["category"] == "licensing").sum())
    plots.finish_chart(
        fig, name="policy-timeline",
        title=(f"Deadlines came and went: {n_dead} deadline events and {n_ext} extensions "
               f"since 2020, then {n_lic} licensing steps"),
        subtitle="Dated events of Pakistan's VPN policy by category; dashed line: 30 Nov 2024",
        source=source, data=ev.assign(date=ev["date"].dt.date))


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
    d = disruptions.loc[disruptions["use"] & disruptions["start"].notna()
                        & ~policy_excluded(disruptions)]
    d = d.assign(year=d["start"].dt.year, known=d["hours"].notna())
    out = (d.groupby(["year", "scope"], observed=True)
           .agg(events=("scope", "size"), with_hours=("known", "sum"),
                hours=("hours", lambda h: h.sum(min_count=1)))
           .reset_index())
    return out.astype({"with_hours": int})


def chart_disruptions(record: pd.DataFrame, source: str) -> None:
    """Stacked bars: number of disruption events per year by scope."""
    wide = record.pivot_table(index="year", columns="scope", values="events", aggfunc="sum",
                              fill_value=0, observed=True)
    fig, ax = plots.new_chart()
    bottom = np.zeros(len(wide))
    colours = {"national": plots.PALETTE["accent"], "regional": plots.PALETTE["blue"],
               "platform": plots.PALETTE["purple"], "throttling": plots.PALETTE["green"]}
    for scope in wide.columns:
        ax.bar(wide.index.astype(str), wide[scope], bottom=bottom, label=str(scope),
               color=colours.get(str(scope), plots.PALETTE["grey"]))
        bottom += wide[scope].to_numpy()
    ax.set_ylabel("events")
    ax.legend(loc="upper left")
    top = wide.sum(axis=1)
    plots.finish_chart(
        fig, name="disruptions-by-year",
        title=(f"{top.idxmax()} had {int(top.max())} recorded disruptions, against "
               + " and ".join(f"{int(n)} in {y}" for y, n in top.drop(top.idxmax()).items())),
        subtitle="Dated internet disruptions in Pakistan per year, by scope (events, not hours)",
        source=source, data=record)


def cost_claims(estimates: pd.DataFrame) -> pd.DataFrame:
    """Return the used, USD-denominated total-cost claims in USD million, largest first.

    Only units that differ by a power of ten are converted (USD, USD million, USD billion);
    per-hour, per-day, rupee and share figures are left to the table as published.
    """
    e = estimates.loc[estimates["use"] & estimates["unit"].isin(list(USD_MILLION))]
    factor = e["unit"].astype(str).map(USD_MILLION).astype(float)
    return (e.assign(usd_million=e["value"] * factor)
            [["claimant", "event", "period_start", "claim_type", "usd_million", "qualifier",
              "method", "source_id"]]
            .sort_values("usd_million", ascending=False).reset_index(drop=True))


def chart_cost_claims(claims: pd.DataFrame, source: str) -> None:
    """Horizontal dot chart (log scale) of published cost claims, coloured by claim type."""
    c = claims.iloc[::-1].reset_index(drop=True)
    labels = [textwrap.shorten(f"{r.claimant.split(' (')[0]}: {r.event}", 60, placeholder="...")
              for r in c.itertuples()]
    fig, ax = plots.new_chart(figsize=(8.0, 0.32 * len(c) + 1.8))
    colours = {"cost_estimate": plots.PALETTE["blue"], "loss_claim": plots.PALETTE["accent"],
               "forecast": plots.PALETTE["purple"]}
    for kind, rows in c.groupby("claim_type", observed=True):
        ax.scatter(rows["usd_million"], rows.index, s=30, label=str(kind).replace("_", " "),
                   color=colours.get(str(kind), plots.PALETTE["grey"]), zorder=3)
    ax.set_yticks(range(len(c)), labels, fontsize=7)
    ax.set_xscale("log")
    ax.set_xlabel("USD million (log scale)")
    ax.legend(loc="lower right")
    lo, hi = claims["usd_million"].min(), claims["usd_million"].max()
    plots.finish_chart(
        fig, name="cost-claims",
        title=f"Published cost claims span USD {lo:,.1f} million to USD {hi:,.0f} million",
        subtitle="Totals others published for Pakistan's disruptions, as claimed (USD million)",
        source=source, data=claims)
