"""Charts of the impact model: scenario intervals, tornado, cost methods, back-test."""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd

from analysis import labels, precision
from analysis.charts import style as plots
from analysis.models import impact

#: Scenario names in words (the one registry: :mod:`analysis.labels`).
SCENARIO_LABELS = labels.SCENARIOS


def chart_scenarios(summary: pd.DataFrame, output: str, name: str, title: str, source: str) -> None:
    """Median and 90% interval of one output across scenarios (horizontal)."""
    rows = summary.loc[summary["output"] == output].reset_index(drop=True)
    unit, what = impact.OUTPUTS[output]
    fig, ax = plots.new_chart(figsize=(8.0, 4.2))
    y = np.arange(len(rows))[::-1]
    ax.hlines(y, rows["low"], rows["high"], color=plots.PALETTE["band"], linewidth=6)
    ax.plot(rows["median"], y, "o", color=plots.PALETTE["accent"])
    ax.set_yticks(y, [labels.label(s, "scenario") for s in rows["scenario"]])
    ax.set_xlabel(f"{what} ({unit})")
    ax.set_xlim(left=0)
    plots.finish_chart(
        fig,
        name=name,
        title=title,
        subtitle=f"{labels.sentence(what)}, {unit}: median (dot) and 90% range of inputs (bar) "
        "by scenario",
        source=source,
        data=rows,
    )


def chart_tornado(
    tor: pd.DataFrame, output: str, scenario: str, source: str, top: int = 10
) -> None:
    """Sensitivity centred on the median: each parameter fixed at its low and high bound."""
    t = tor.head(top).iloc[::-1].reset_index(drop=True)
    base = tor.attrs["base"]
    unit, what = impact.OUTPUTS[output]
    fig, ax = plots.new_chart()
    for i, r in t.iterrows():
        ax.barh(i, r["at_low"] - base, left=base, color=plots.PALETTE["blue"], height=0.6)
        ax.barh(i, r["at_high"] - base, left=base, color=plots.PALETTE["accent"], height=0.6)
    ax.axvline(base, color=plots.PALETTE["ink"], linewidth=0.8)
    ax.set_yticks(
        range(len(t)), [textwrap.shorten(labels.label(p, "parameter"), 48) for p in t["parameter"]]
    )
    ax.set_xlabel(f"{what} ({unit}); blue: parameter at low bound, orange: at high bound")
    lead = tor.iloc[0]
    lo, hi = sorted((lead["at_low"], lead["at_high"]))
    plots.finish_chart(
        fig,
        name=f"tornado-{scenario.replace('_', '-')}",
        title=(
            f"{labels.sentence(labels.label(lead['parameter'], 'parameter'))} moves the answer "
            f"most: {precision.fmt_interval(base, lo, hi, unit=unit)} from its low to its high "
            "bound"
        ),
        subtitle=f"{labels.sentence(what)} under '{labels.label(scenario, 'scenario')}', "
        "centred on the median of the draws (the headline); each parameter fixed at its low and "
        "its high bound while the others keep their draws",
        source=source,
        data=tor,
    )


def chart_cost_methods(costs: pd.DataFrame, title: str, name: str, source: str) -> None:
    """Each method's estimate of one disruption's cost, log scale, with its range of inputs."""
    fig, ax = plots.new_chart(figsize=(8.0, 4.0))
    y = np.arange(len(costs))[::-1]
    ax.hlines(y, costs["low"], costs["high"], color=plots.PALETTE["band"], linewidth=6)
    ax.plot(costs["median"], y, "o", color=plots.PALETTE["accent"])
    ax.set_xscale("log")
    ax.set_yticks(y, [impact.METHOD_LABELS[m] for m in costs["method"]])
    ax.set_xlabel("USD million (log scale)")
    plots.finish_chart(
        fig,
        name=name,
        title=title,
        subtitle="Cost in USD million: median and 90% range of inputs; same parameter draws "
        "for every method",
        source=source,
        data=costs.assign(method=costs["method"].map(impact.METHOD_LABELS)),
    )


def chart_backtest(bt: pd.DataFrame, title: str, source: str) -> None:
    """Published figure over our median, by method, for each disruption of the validation set."""
    fig, ax = plots.new_chart(figsize=(8.0, 4.6))
    events = list(dict.fromkeys(bt["event"]))
    colours = [plots.PALETTE[k] for k in ("accent", "blue", "green", "purple", "grey")]
    for j, method in enumerate(impact.COST_METHODS):
        rows = bt.loc[bt["method"] == method].set_index("event").reindex(events)
        y = np.arange(len(events))[::-1] + (j - 2) * 0.12
        ax.plot(rows["ratio"], y, "o", color=colours[j], label=impact.METHOD_LABELS[method])
    ax.axvline(1, color=plots.PALETTE["ink"], linewidth=0.8)
    ax.set_xscale("log")
    ax.set_yticks(np.arange(len(events))[::-1], events)
    ax.set_xlabel("published figure / our median (log scale; 1 = a match)")
    ax.legend(fontsize=7, loc="lower right")
    plots.finish_chart(
        fig,
        name="cost-backtest",
        title=title,
        subtitle="Validation set: disruptions not used to calibrate any method",
        source=source,
        data=bt.assign(method=bt["method"].map(impact.METHOD_LABELS)),
    )


def chart_costs_by_year(
    by_year: pd.DataFrame, published: pd.DataFrame, method: str, title: str, source: str
) -> None:
    """Our yearly totals of shutdown costs (one method) beside published annual totals."""
    fig, ax = plots.new_chart()
    rows = by_year.loc[by_year["method"] == method].sort_values("group")
    x = rows["group"].astype(int).to_numpy()
    ax.bar(x, rows["median"], color=plots.PALETTE["band"], label=impact.METHOD_LABELS[method])
    ax.vlines(x, rows["low"], rows["high"], color=plots.PALETTE["accent"], linewidth=1.5)
    ax.plot(
        published["year"],
        published["usd_million"],
        "D",
        color=plots.PALETTE["ink"],
        label="Top10VPN's published total",
    )
    ax.set_yscale("log")
    ax.set_xticks(x)
    ax.set_ylabel("USD million (log scale)")
    ax.legend(fontsize=8, loc="upper left")
    plots.finish_chart(
        fig,
        name="shutdown-costs-by-year",
        title=title,
        subtitle="Cost of every Access Now shutdown event in the year, USD million: median "
        "and 90% range of inputs (bars and lines); diamonds: Top10VPN",
        source=source,
        data=rows.assign(method=impact.METHOD_LABELS[method]),
    )
