"""Charts of the counterfactual analysis, in the house style (:mod:`analysis.charts.style`)."""

from __future__ import annotations

import pandas as pd

from analysis import labels
from analysis.charts import style
from analysis.models.counterfactual import Gap


def chart_counterfactual(
    y: pd.Series, gap: Gap, events: pd.DataFrame, source: str, placebos: pd.DataFrame | None = None
) -> None:
    """Observed exports against the counterfactual band, events marked.

    With ``placebos`` (from :func:`placebo`, same method) the title says whether earlier
    placebo deadlines show gaps as large as the real one.
    """
    fig, ax = style.new_chart()
    m = gap.monthly
    x = m["month"].dt.to_timestamp()
    ax.fill_between(
        x,
        m["cf_low"],
        m["cf_high"],
        color=style.PALETTE["band"],
        alpha=0.5,
        label="counterfactual, 90% band",
    )
    ax.plot(
        x,
        m["counterfactual"],
        color=style.PALETTE["accent"],
        linestyle="--",
        label=f"counterfactual ({labels.label(gap.method, 'method')})",
    )
    ax.plot(
        y.index.to_timestamp(),
        y.to_numpy(),
        "o-",
        color=style.PALETTE["ink"],
        markersize=3,
        label="observed",
    )
    ax.set_ylabel("USD million per month")
    ax.legend(loc="lower right", fontsize=8)
    style.mark_events(ax, events)
    c = gap.cumulative
    side = "below" if c["gap"] < 0 else "above"
    title = (
        f"IT exports ran {abs(c['gap_pct']):.0f}% {side} the pre-deadline trend "
        f"({c['gap_pct_low']:+.0f}% to {c['gap_pct_high']:+.0f}%)"
    )
    if placebos is not None:
        real = placebos.loc[~placebos["placebo"], "mean_gap_pct"].iloc[0]
        fake = placebos.loc[placebos["placebo"], "mean_gap_pct"]
        title += (
            ", but earlier placebo deadlines show gaps as large"
            if (fake <= real).any()
            else ", a larger gap than at any placebo deadline"
        )
    style.finish_chart(
        fig,
        name=f"exports-counterfactual-{gap.method}",
        title=title,
        subtitle=(
            f"Monthly IT export remittances, USD million; {labels.label(gap.method, 'method')} "
            "fitted on "
            f"{gap.n_pre} months before Dec 2024"
        ),
        source=source,
        data=m.assign(month=m["month"].astype(str)),
    )


def chart_placebo(pl: pd.DataFrame, source: str) -> None:
    """Mean gap (%) at each placebo break and at the real one."""
    fig, ax = style.new_chart()
    colours = [style.PALETTE["grey"] if p else style.PALETTE["accent"] for p in pl["placebo"]]
    ax.bar(pl["break_month"], pl["mean_gap_pct"], color=colours)
    ax.axhline(0, color=style.PALETTE["ink"], linewidth=0.8)
    ax.set_ylabel("mean gap over the next months (%)")
    real = pl.loc[~pl["placebo"]].iloc[0]
    style.finish_chart(
        fig,
        name="exports-placebo",
        title=(
            f"The real deadline ranks {real['rank']} of {len(pl)} (1 = largest shortfall) "
            "among placebo deadlines"
        ),
        subtitle="Mean gap between observed and counterfactual exports (%), real deadline "
        "in orange, placebo months in grey",
        source=source,
        data=pl,
    )
