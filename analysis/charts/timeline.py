"""Charts of the timeline analysis, in the house style (:mod:`analysis.charts.style`)."""

from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import numpy as np
import pandas as pd

from analysis import events, labels
from analysis.charts import style
from analysis.data.timeline import LANES


def chart_timeline(ev: pd.DataFrame, source: str) -> None:
    """One lane per category; a dot per event; the 2024 deadline marked."""
    lanes = [c for c in LANES if c in set(ev["category"])]
    fig, ax = style.new_chart(figsize=(8.0, 5.0))
    for i, cat in enumerate(lanes):
        d = ev.loc[ev["category"] == cat, "date"]
        ax.scatter(
            d,
            np.full(len(d), i),
            s=28,
            color=style.CATEGORY_COLOURS[cat],
            alpha=0.85,
            edgecolors="white",
            linewidths=0.5,
            zorder=3,
        )
    ax.set_yticks(range(len(lanes)), [labels.label(c, "category") for c in lanes])
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.axvline(events.deadline(), color=style.PALETTE["accent"], linestyle="--", linewidth=1)
    ax.xaxis.set_major_locator(mdates.YearLocator(2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    n_dead = int((ev["category"] == "deadline").sum())
    n_ext = int((ev["category"] == "extension").sum())
    n_lic = int((ev["category"] == "licensing").sum())
    style.finish_chart(
        fig,
        name="policy-timeline",
        title=(
            f"Deadlines came and went: {n_dead} deadline events and {n_ext} extensions "
            f"since 2020, then {n_lic} licensing steps"
        ),
        subtitle="Dated events of Pakistan's VPN policy by category; dashed line: 30 Nov 2024",
        source=source,
        data=ev.assign(date=ev["date"].dt.date),
    )


def chart_disruptions(record: pd.DataFrame, source: str) -> None:
    """Stacked bars: number of disruption events per year by scope."""
    wide = record.pivot_table(
        index="year", columns="scope", values="events", aggfunc="sum", fill_value=0, observed=True
    )
    fig, ax = style.new_chart()
    bottom = np.zeros(len(wide))
    colours = {
        "national": style.PALETTE["accent"],
        "regional": style.PALETTE["blue"],
        "platform": style.PALETTE["purple"],
        "throttling": style.PALETTE["green"],
    }
    for scope in wide.columns:
        ax.bar(
            wide.index.astype(str),
            wide[scope],
            bottom=bottom,
            label=str(scope),
            color=colours.get(str(scope), style.PALETTE["grey"]),
        )
        bottom += wide[scope].to_numpy()
    ax.set_ylabel("events")
    ax.legend(loc="upper left")
    top = wide.sum(axis=1)
    style.finish_chart(
        fig,
        name="disruptions-by-year",
        title=(
            f"{top.idxmax()} had {int(top.max())} recorded disruptions, against "
            + " and ".join(f"{int(n)} in {y}" for y, n in top.drop(top.idxmax()).items())
        ),
        subtitle="Dated internet disruptions in Pakistan per year, by scope (events, not hours)",
        source=source,
        data=record,
    )


def chart_cost_claims(claims: pd.DataFrame, source: str) -> None:
    """Horizontal dot chart (log scale) of published cost claims, coloured by claim type."""
    c = claims.iloc[::-1].reset_index(drop=True)
    ticks = [
        textwrap.shorten(f"{r.claimant.split(' (')[0]}: {r.event}", 60, placeholder="...")
        for r in c.itertuples()
    ]
    fig, ax = style.new_chart(figsize=(8.0, 0.32 * len(c) + 1.8))
    colours = {
        "cost_estimate": style.PALETTE["blue"],
        "loss_claim": style.PALETTE["accent"],
        "forecast": style.PALETTE["purple"],
    }
    for kind, rows in c.groupby("claim_type", observed=True):
        ax.scatter(
            rows["usd_million"],
            rows.index,
            s=30,
            label=labels.words(kind, "term"),
            color=colours.get(str(kind), style.PALETTE["grey"]),
            zorder=3,
        )
    ax.set_yticks(range(len(c)), ticks, fontsize=7)
    ax.set_xscale("log")
    ax.set_xlabel("USD million (log scale)")
    ax.legend(loc="lower right")
    lo, hi = claims["usd_million"].min(), claims["usd_million"].max()
    style.finish_chart(
        fig,
        name="cost-claims",
        title=f"Published cost claims span USD {lo:,.1f} million to USD {hi:,.0f} million",
        subtitle="Totals others published for Pakistan's disruptions, as claimed (USD million)",
        source=source,
        data=claims,
    )
