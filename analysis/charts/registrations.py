"""Charts of the registrations analysis, in the house style (:mod:`analysis.charts.style`)."""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd

from analysis import events
from analysis.charts import style
from analysis.data.registrations import growth


def chart_counts(counts: pd.DataFrame, source: str) -> None:
    """Chart the reported counts of registered VPNs with the 30 Nov 2024 deadline marked."""
    g = growth(counts)
    fig, ax = style.new_chart()
    used = counts.loc[counts["use"]]
    rivals = counts.loc[~counts["use"]]
    ax.plot(
        used["date"],
        used["value"] / 1000,
        marker="o",
        color=style.PALETTE["accent"],
        label="reported count (used)",
    )
    if not rivals.empty:
        ax.scatter(
            rivals["date"],
            rivals["value"] / 1000,
            facecolors="none",
            edgecolors=style.PALETTE["grey"],
            zorder=3,
            label="rival figure, same day (not used)",
        )
    deadline = events.deadline()
    ax.axvline(deadline, color=style.PALETTE["ink"], linestyle="--", linewidth=1)
    ax.annotate(
        f"deadline\n{deadline.day} {deadline:%b %Y}",
        (deadline, ax.get_ylim()[0]),
        xytext=(-4, 4),
        textcoords="offset points",
        ha="right",
        va="bottom",
        fontsize=8,
    )
    ax.set_ylabel("registered VPNs (thousands)")
    ax.legend(loc="upper left")
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b\n%Y"))
    title = (
        f"Registered VPNs rose {g['growth_pct']:.0f}% in {g['days']} days, to over {g['last']:,.0f}"
    )
    style.finish_chart(
        fig,
        name="vpn-registrations",
        title=title,
        subtitle="VPNs registered with PTA, cumulative, as reported on each date",
        source=source,
        data=counts,
    )
