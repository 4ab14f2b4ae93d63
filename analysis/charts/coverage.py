"""Charts of the coverage analysis, in the house style (:mod:`analysis.charts.style`)."""

from __future__ import annotations

import pandas as pd

from analysis import events, labels
from analysis.charts import style
from analysis.data.coverage import row_dates


def chart_coverage(tables: dict[str, pd.DataFrame], source: str) -> None:
    """Chart one row of dots per table: when its rows are dated, 2008 to 2026."""
    points = pd.concat(
        [
            pd.DataFrame({"table": name, "date": row_dates(df)}).dropna()
            for name, df in tables.items()
        ],
        ignore_index=True,
    )
    order = list(dict.fromkeys(points["table"]))
    fig, ax = style.new_chart(figsize=(8.0, 5.6))
    for i, name in enumerate(order):
        d = points.loc[points["table"] == name, "date"]
        ax.scatter(d, [i] * len(d), s=14, alpha=0.6, color=style.PALETTE["blue"], edgecolors="none")
    ax.set_yticks(range(len(order)), [labels.label(n, "table") for n in order])
    ax.invert_yaxis()
    ax.axvline(events.deadline(), color=style.PALETTE["accent"], linestyle="--", linewidth=1)
    ax.grid(axis="y", visible=False)
    recent = (points["date"] >= "2023-01-01").mean()
    style.finish_chart(
        fig,
        name="data-coverage",
        title=f"{recent:.0%} of dated rows fall in 2023 or later; older years are thin",
        subtitle="One dot per dated row of each table; dashed line: 30 Nov 2024 deadline",
        source=source,
        data=points.assign(
            date=points["date"].dt.date,
            table=points["table"].map(lambda n: labels.label(n, "table")),
        ),
    )


def chart_freelancer_counts(counts: pd.DataFrame, source: str) -> None:
    """Dot chart of the freelancer-count estimates by year, labelled with the estimator."""
    fig, ax = style.new_chart()
    ax.scatter(
        counts["year"].astype(int),
        counts["millions"],
        s=40,
        color=style.PALETTE["accent"],
        zorder=3,
    )
    notes = (
        counts.assign(
            short=counts["estimator"].str.split(" (", regex=False).str[0],
            near=counts["millions"].round(1),
        )
        .groupby(["year", "near"], observed=True)
        .agg(label=("short", " / ".join), millions=("millions", "mean"))
        .reset_index()
    )
    for row in notes.itertuples():
        ax.annotate(
            row.label,
            (int(row.year), row.millions),
            xytext=(7, 0),
            textcoords="offset points",
            va="center",
            fontsize=7.5,
        )
    ax.set_ylim(0, counts["millions"].max() * 1.2)
    ax.set_xlim(counts["year"].min() - 0.5, counts["year"].max() + 1.5)
    ax.set_ylabel("freelancers (millions)")
    ax.xaxis.get_major_locator().set_params(integer=True)
    lo, hi = counts["millions"].min(), counts["millions"].max()
    style.finish_chart(
        fig,
        name="freelancer-estimates",
        title=f"Published counts of Pakistan's freelancers range from {lo:g} to {hi:g} million",
        subtitle="Estimates of the number of freelancers (millions), by year and estimator",
        source=source,
        data=counts,
    )
