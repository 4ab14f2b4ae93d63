"""Charts of the connectivity analysis, in the house style (:mod:`analysis.charts.style`)."""

from __future__ import annotations

import pandas as pd

from analysis import labels
from analysis.charts import style
from analysis.models.connectivity import TrendFit, event_frame


def chart_subscribers(panel: pd.DataFrame, events: dict[str, str], source: str) -> None:
    """Cellular and mobile-broadband subscribers (millions) with policy events marked."""
    fig, ax = style.new_chart()
    x = panel.index.to_timestamp()
    names = {"cellular_subscribers": "cellular", "mobile_broadband_subscribers": "3G/4G"}
    for col, colour in zip(
        panel.columns, (style.PALETTE["blue"], style.PALETTE["accent"]), strict=False
    ):
        ax.plot(
            x,
            panel[col],
            marker="o",
            markersize=2.5,
            color=colour,
            label=names.get(col) or labels.label(col, "term"),
        )
    ax.set_ylabel("subscribers (millions)")
    ax.legend(loc="center left")
    style.mark_events(ax, event_frame(events))
    mbb = panel["mobile_broadband_subscribers"].dropna()
    cell = panel["cellular_subscribers"].dropna()
    style.finish_chart(
        fig,
        name="mobile-subscribers",
        title=(
            f"3G/4G subscribers rose from {mbb.iloc[0]:.0f} to {mbb.iloc[-1]:.0f} million "
            f"in {len(panel) // 12} years, with no lasting break at the 2024 events; "
            f"cellular from {cell.iloc[0]:.0f} to {cell.iloc[-1]:.0f} million"
        ),
        subtitle=(
            f"PTA monthly subscribers, millions, {panel.index[0]:%b %Y} to "
            f"{panel.index[-1]:%b %Y}; dashed lines: first month after each event"
        ),
        source=source,
        data=panel.reset_index().assign(month=lambda d: d["month"].astype(str)),
    )


def chart_trend(
    y: pd.Series,
    fit: TrendFit,
    events: dict[str, str],
    label: str,
    name: str,
    source: str,
    calibrated: pd.DataFrame | None = None,
) -> None:
    """Observed series, the fitted segmented trend, and the pre-event trend extended.

    With ``calibrated`` (from :func:`calibrate`) the title judges the steps by their
    simulated p-values; otherwise by the HAC p-values.
    """
    fig, ax = style.new_chart()
    obs = y.dropna()
    ax.plot(
        obs.index.to_timestamp(),
        obs,
        "o",
        markersize=3,
        color=style.PALETTE["ink"],
        label="observed",
    )
    ax.plot(
        fit.fitted.index.to_timestamp(),
        fit.fitted,
        color=style.PALETTE["accent"],
        label="segmented trend",
    )
    ax.plot(
        fit.counterfactual.index.to_timestamp(),
        fit.counterfactual,
        linestyle=":",
        color=style.PALETTE["grey"],
        label="pre-event trend, extended",
    )
    ax.set_ylabel(f"{label} (millions)")
    ax.legend(loc="upper left")
    style.mark_events(ax, event_frame(events))
    steps = fit.table.loc[fit.table["term"].str.startswith("step")]
    if calibrated is not None:
        significant = int((calibrated["p_simulated"] < 0.05).sum())
        judged = "against simulated no-break series"
    else:
        significant = int((steps["p_value"] < 0.05).sum())
        judged = "by HAC tests"
    verdict = (
        "no event step stands out"
        if significant == 0
        else f"{significant} of {len(steps)} event steps stand out"
    )
    style.finish_chart(
        fig,
        name=name,
        title=f"{label}: {verdict} at the 5% level, judged {judged}",
        subtitle=(
            f"Monthly {label} (millions), OLS segmented trend with HAC errors, {fit.n_obs} months"
        ),
        source=source,
        data=pd.DataFrame(
            {
                "month": obs.index.astype(str),
                "observed": obs.to_numpy(),
                "fitted": fit.fitted.to_numpy(),
                "pre_event_trend": fit.counterfactual.to_numpy(),
            }
        ),
    )


def chart_speeds(speeds: pd.DataFrame, events: dict[str, str], source: str) -> None:
    """Median (or average) download speeds by segment, as published, with events marked."""
    s = speeds.loc[
        speeds["use"]
        & speeds["metric"].isin(["median_download", "average_download"])
        & speeds["segment"].isin(["mobile", "fixed"])
    ]
    fig, ax = style.new_chart()
    for (segment, metric), rows in s.groupby(["segment", "metric"], observed=True):
        colour = style.PALETTE["accent"] if segment == "mobile" else style.PALETTE["blue"]
        marker = "-o" if metric == "median_download" else "--s"
        ax.plot(
            rows["month"].dt.to_timestamp(),
            rows["value"],
            marker,
            color=colour,
            markersize=3.5,
            label=f"{segment}, {labels.words(metric, 'term')}",
        )
    ax.set_ylabel("download speed (Mbps)")
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper left", fontsize=8)
    style.mark_events(ax, event_frame(events))
    mob = s.loc[(s["segment"] == "mobile") & (s["month"] >= pd.Period("2024-01", "M"))]
    style.finish_chart(
        fig,
        name="internet-speeds",
        title=(
            f"Scattered speed snapshots: mobile medians between {mob['value'].min():g} and "
            f"{mob['value'].max():g} Mbps since Jan 2024, no monthly series"
        ),
        subtitle="Download speed in Pakistan, Mbps, as published (Ookla and others)",
        source=source,
        data=s.assign(month=s["month"].astype(str)),
    )
