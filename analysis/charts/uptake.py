"""Charts of the uptake analysis, in the house style (:mod:`analysis.charts.style`)."""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd

from analysis import events
from analysis.charts import style
from analysis.models.uptake import UptakeFit


def chart_uptake(
    counts: pd.DataFrame, curve: pd.DataFrame, fit: UptakeFit, implied: pd.DataFrame, source: str
) -> None:
    """Reported counts, the fitted curve and its band, with the deadline marked."""
    fig, ax = style.new_chart()
    ax.fill_between(
        curve["date"],
        curve["low"] / 1000,
        curve["high"] / 1000,
        color=style.PALETTE["band"],
        alpha=0.5,
        label="90% band (parameters)",
    )
    ax.plot(
        curve["date"],
        curve["fitted"] / 1000,
        color=style.PALETTE["accent"],
        label=f"{fit.model} fit",
    )
    used = counts.loc[counts["use"]]
    ax.plot(
        used["date"],
        used["value"] / 1000,
        "o",
        color=style.PALETTE["ink"],
        label="reported count (used)",
    )
    rivals = counts.loc[~counts["use"]]
    ax.scatter(
        rivals["date"],
        rivals["value"] / 1000,
        facecolors="none",
        edgecolors=style.PALETTE["grey"],
        label="rival figure (not used)",
        zorder=3,
    )
    ax.axvline(events.deadline(), color=style.PALETTE["ink"], linestyle="--", linewidth=1)
    ax.set_ylabel("registered VPNs (thousands)")
    ax.legend(loc="upper left", fontsize=8)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))
    sat = implied.set_index("quantity").loc["registrations at saturation"]
    style.finish_chart(
        fig,
        name="registration-uptake",
        title=(
            f"{fit.n_points} rounded counts cannot pin down where registrations level off: "
            f"about {round(sat['low'], -3):,.0f} to {round(sat['high'], -3):,.0f} VPNs "
            "(90% band)"
        ),
        subtitle=(
            f"Registered VPNs, cumulative; curve fitted to {fit.n_points} counts from "
            f"{fit.start:%d %b %Y}; dashed line: 30 Nov 2024"
        ),
        source=source,
        data=curve.assign(date=curve["date"].dt.date),
    )


def chart_demand(demand: pd.DataFrame, events: pd.DataFrame, source: str) -> None:
    """Reported VPN demand increases (percent, log scale) by date and provider."""
    d = demand.loc[demand["use"] & (demand["unit"] == "percent")]
    fig, ax = style.new_chart()
    colours = {
        "Proton": style.PALETTE["purple"],
        "Top10VPN": style.PALETTE["accent"],
        "ExpressVPN": style.PALETTE["green"],
        "Surfshark": style.PALETTE["blue"],
    }
    for provider, rows in d.groupby("provider", observed=True):
        ax.scatter(
            rows["date"],
            rows["value"],
            s=36,
            label=str(provider),
            color=colours.get(str(provider), style.PALETTE["grey"]),
            zorder=3,
        )
    ax.set_yscale("log")
    ax.set_ylabel("reported increase (percent, log scale)")
    ax.xaxis.set_major_locator(mdates.MonthLocator(interval=2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
    ax.legend(loc="upper left", fontsize=8)
    style.mark_events(ax, events)
    top = d.loc[d["value"].idxmax()]
    style.finish_chart(
        fig,
        name="vpn-demand",
        title=(
            f"VPN demand spiked with each block: up to +{top['value']:,.0f}% "
            f"({top['provider']}, {top['date']:%d %b %Y})"
        ),
        subtitle="Reported increases in VPN demand, sign-ups or traffic, percent over each "
        "provider's own baseline",
        source=source,
        data=d.assign(date=d["date"].dt.date),
    )


def chart_bandwidth(bandwidth: pd.DataFrame, source: str) -> None:
    """PTA's reported VPN bandwidth per month (Gbps), deadline month marked."""
    fig, ax = style.new_chart()
    months = bandwidth["month"].astype(str)
    colours = [style.PALETTE["accent"] if m == "2024-11" else style.PALETTE["blue"] for m in months]
    ax.bar(months, bandwidth["value"], color=colours)
    ax.set_ylabel("VPN bandwidth (Gbps)")
    peak = bandwidth.loc[bandwidth["value"].idxmax()]
    nov = bandwidth.loc[bandwidth["month"].astype(str) == "2024-11"].iloc[0]
    change = 100 * (nov["value"] / peak["value"] - 1)
    style.finish_chart(
        fig,
        name="vpn-bandwidth",
        title=(
            f"PTA's VPN bandwidth fell {abs(change):.0f}% from {peak['month']:%b} to "
            f"the deadline month, November 2024"
        ),
        subtitle="VPN traffic measured by PTA, Gbps per month, as reported (method not published)",
        source=source,
        data=bandwidth.assign(month=months),
    )
