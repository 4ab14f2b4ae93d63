"""What the data package holds and how good it is: coverage, gaps and disagreements.

Pure functions over loaded tables (see :func:`analysis.data.load`); nothing here reads files.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: Columns that place a row in time, in order of preference.
from analysis.data import periods
from analysis.precision import SAME_FIGURE_RTOL

TIME_COLUMNS = ("date", "month", "start", "period_start", "year", "period", "start_date")


def time_column(df: pd.DataFrame) -> str | None:
    """Return the name of the column that places rows in time, or None."""
    return next((c for c in TIME_COLUMNS if c in df.columns), None)


def row_dates(df: pd.DataFrame) -> pd.Series:
    """Return the first day of each row's period (NaT where the row has none)."""
    col = time_column(df)
    if col is None:
        return pd.Series(pd.NaT, index=df.index, dtype="datetime64[ns]")
    return (
        df[col]
        .map(
            lambda v: pd.NaT if pd.isna(v) else periods.period_start(int(v) if col == "year" else v)
        )
        .astype("datetime64[ns]")
    )


def summary(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per table: rows, sources, derived rows, rival rows, first and last period.

    Args:
        tables: table name -> loaded DataFrame (``sources`` excluded by the caller).

    Returns:
        Columns ``table``, ``rows``, ``sources``, ``derived``, ``rivals`` (rows kept with
        ``use`` false), ``first``, ``last`` (``YYYY-MM`` of the earliest and latest period
        start; blank for tables with no time column).
    """
    out = []
    for name, df in tables.items():
        dates = row_dates(df).dropna()
        first = dates.min().strftime("%Y-%m") if not dates.empty else ""
        last = dates.max().strftime("%Y-%m") if not dates.empty else ""
        out.append(
            {
                "table": name,
                "rows": len(df),
                "sources": df["source_id"].nunique(),
                "derived": int((df["flag"] == "derived").sum()) if "flag" in df else 0,
                "rivals": int((~df["use"]).sum()) if "use" in df else 0,
                "first": first,
                "last": last,
            }
        )
    return pd.DataFrame(out)


def monthly_gaps(df: pd.DataFrame, month: str = "month") -> pd.DataFrame:
    """Months with no row between a series' first and last month.

    Args:
        df: rows of one series (one row per month: filter to ``use`` first).
        month: name of its ``Period[M]`` column.

    Returns:
        Columns ``first``, ``last``, ``months``, ``observed``, ``derived``, ``n_missing`` and
        ``missing`` (comma-separated missing months, ``""`` when complete).
    """
    if df.empty:
        raise ValueError("monthly_gaps needs at least one row")
    months = df[month]
    span = pd.period_range(months.min(), months.max(), freq="M")
    have = set(months)
    missing = [str(m) for m in span if m not in have]
    derived = int((df["flag"] == "derived").sum()) if "flag" in df else 0
    return pd.DataFrame(
        [
            {
                "first": str(months.min()),
                "last": str(months.max()),
                "months": len(span),
                "observed": len(have) - derived,
                "derived": derived,
                "n_missing": len(missing),
                "missing": ", ".join(missing),
            }
        ]
    )


def disagreements(df: pd.DataFrame, key: list[str], value: str = "value") -> pd.DataFrame:
    """Rows whose quantity (``key``) is given with more than one distinct value.

    Two values count as the same figure when they agree to one part in a million
    (:data:`SAME_FIGURE_RTOL`): a published figure repeated by two outlets is one figure, and
    the test must not hinge on the last bits of a float.

    Returns:
        The disagreeing rows, sorted by key, with ``value``, ``use`` and ``source_id`` next to
        each other, so the rival values can be read side by side.
    """
    grouped = df.groupby(key, observed=True)[value]
    spread = grouped.transform("max") - grouped.transform("min")
    scale = np.maximum(grouped.transform("max").abs(), grouped.transform("min").abs())
    rows = df.loc[spread > SAME_FIGURE_RTOL * scale]
    cols = [*key, value, "use", "source_id"] + [c for c in ("qualifier", "note") if c in df]
    return rows[cols].sort_values([*key, "use"], ascending=[True] * len(key) + [False])


FREELANCER_COUNT_METRICS = ("freelancers_count", "active_freelancers")


def freelancer_counts(estimates: pd.DataFrame) -> pd.DataFrame:
    """Return every published estimate of how many freelancers Pakistan has, oldest first.

    Returns:
        Columns ``estimator``, ``year``, ``metric``, ``millions``, ``qualifier``,
        ``source_id``; one row per estimate (estimates are not rivals of each other: they
        come from different estimators and methods).
    """
    rows = estimates.loc[estimates["metric"].isin(FREELANCER_COUNT_METRICS)]
    if (rows["unit"] != "million_persons").any():
        raise ValueError("freelancer counts are expected in million_persons")
    return (
        rows.rename(columns={"value": "millions"})[
            ["estimator", "year", "metric", "millions", "qualifier", "source_id"]
        ]
        .sort_values(["year", "millions"])
        .reset_index(drop=True)
    )
