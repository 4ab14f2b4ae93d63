"""Charts of the impact model: scenario intervals, tornado, cost methods, back-test."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.charts import style as plots
from analysis.models import impact

SCENARIO_LABELS = {
    "base": "base ranges",
    "as_announced": "as announced",
    "partial_enforcement": "partial enforcement",
    "mobile_number_route": "mobile-number route",
    "what_happened": "what happened",
}


def chart_scenarios(summary: pd.DataFrame, output: str, name: str, title: str, source: str) -> None:
    """Median and 90% interval of one output across scenarios (horizontal)."""
    rows = summary.loc[summary["output"] == output].reset_index(drop=True)
    unit, what = impact.OUTPUTS[output]
    fig, ax = plots.new_chart(figsize=(8.0, 4.2))
    y = np.arange(len(rows))[::-1]
    ax.hlines(y, rows["low"], rows["high"], color=plots.PALETTE["band"], linewidth=6)
    ax.plot(rows["median"], y, "o", color=plots.PALETTE["accent"])
    ax.set_yticks(y, [SCENARIO_LABELS.get(s, s) for s in rows["scenario"]])
    ax.set_xlabel(f"{what} ({unit})")
    ax.set_xlim(left=0)
    plots.finish_chart(
        fig,
        name=name,
        title=title,
        subtitle=f"{what.capitalize()}, {unit}: median (dot) and 90% interval (bar) by scenario",
        source=source,
        data=rows,
    )


def chart_tornado(
    tor: pd.DataFrame, output: str, scenario: str, source: str, top: int = 10
) -> None:
    """One-at-a-time sensitivity: the output with each parameter at its low and high bound."""
    t = tor.head(top).iloc[::-1].reset_index(drop=True)
    base = tor.attrs["base"]
    unit, what = impact.OUTPUTS[output]
    fig, ax = plots.new_chart()
    for i, r in t.iterrows():
        ax.barh(i, r["at_low"] - base, left=base, color=plots.PALETTE["blue"], height=0.6)
        ax.barh(i, r["at_high"] - base, left=base, color=plots.PALETTE["accent"], height=0.6)
    ax.axvline(base, color=plots.PALETTE["ink"], linewidth=0.8)
    ax.set_yticks(range(len(t)), t["parameter"])
    ax.set_xlabel(f"{what} ({unit}); blue: parameter at low bound, orange: at high bound")
    lead = tor.iloc[0]
    plots.finish_chart(
        fig,
        name=f"tornado-{scenario.replace('_', '-')}",
        title=(
            f"{lead['parameter'].replace('_', ' ').capitalize()} moves the answer most: "
            f"{lead['at_low']:,.0f} to {lead['at_high']:,.0f} {unit}"
        ),
        subtitle=f"{what.capitalize()} under '{SCENARIO_LABELS.get(scenario, scenario)}', "
        "each parameter moved alone from its low to its high bound",
        source=source,
        data=tor,
    )


def chart_cost_methods(costs: pd.DataFrame, hours: float, kind: str, source: str) -> None:
    """Four methods' estimates of one disruption's cost, log scale, with intervals."""
    fig, ax = plots.new_chart(figsize=(8.0, 4.0))
    y = np.arange(len(costs))[::-1]
    ax.hlines(y, costs["low"], costs["high"], color=plots.PALETTE["band"], linewidth=6)
    ax.plot(costs["median"], y, "o", color=plots.PALETTE["accent"])
    ax.set_xscale("log")
    ax.set_yticks(y, costs["method"])
    ax.set_xlabel("USD million (log scale)")
    spread = costs["median"].max() / costs["median"].min()
    plots.finish_chart(
        fig,
        name=f"cost-methods-{kind}-{int(hours)}h",
        title=(
            f"Four methods, one {hours:g}-hour {kind} disruption: medians differ {spread:,.0f}-fold"
        ),
        subtitle="Cost in USD million, median and 90% interval; same parameter draws for all",
        source=source,
        data=costs,
    )


def chart_backtest(bt: pd.DataFrame, source: str) -> None:
    """Our methods' estimates beside the published figure for each past disruption."""
    events = list(dict.fromkeys(bt["event"]))
    fig, axes = plots.new_chart(1, len(events), figsize=(8.0, 4.2))
    axes = np.atleast_1d(axes)
    for ax, event in zip(axes, events, strict=True):
        rows = bt.loc[bt["event"] == event].reset_index(drop=True)
        y = np.arange(len(rows))[::-1]
        ax.hlines(y, rows["low"], rows["high"], color=plots.PALETTE["band"], linewidth=6)
        ax.plot(rows["median"], y, "o", color=plots.PALETTE["blue"], label="our estimate")
        ax.axvline(
            rows["published"].iloc[0],
            color=plots.PALETTE["accent"],
            linestyle="--",
            label=f"published ({rows['claimant'].iloc[0]})",
        )
        ax.set_xscale("log")
        ax.set_yticks(y, rows["method"])
        ax.set_title(event, fontsize=9)
        ax.legend(fontsize=7, loc="lower right")
    closest = bt.loc[(bt["ratio"].apply(lambda r: abs(np.log(r)))).idxmin()]
    plots.finish_chart(
        fig,
        name="cost-backtest",
        title=(
            f"Back-test: {closest['method']} comes closest to "
            f"{closest['claimant']}'s figure for the {closest['event']} "
            f"(published / ours = {closest['ratio']:.2f})"
        ),
        subtitle="USD million, log scale: our median and 90% interval by method; dashed line: "
        "the published figure",
        source=source,
        data=bt,
    )
