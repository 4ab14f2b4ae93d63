"""What the data package holds and how good it is: coverage, gaps and disagreements.

Pure functions over loaded tables (see :func:`analysis.data.load`); nothing here reads files.
"""

from __future__ import annotations

import pandas as pd

#: Columns that place a row in time, in order of preference.
TIME_COLUMNS = ("date", "month", "start", "period_start", "year", "period")


def time_column(df: pd.DataFrame) -> str | None:
    """Return the name of the column that places rows in time, or None."""
    return next((c for c in TIME_COLUMNS if c in df.columns), None)


def _as_label(value) -> str:
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return str(value)


def summary(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per table: rows, sources, derived rows, rival rows, first and last period.

    Args:
        tables: table name -> loaded DataFrame (``sources`` excluded by the caller).

    Returns:
        Columns ``table``, ``rows``, ``sources``, ``derived``, ``rivals`` (rows kept with
        ``use`` false), ``first``, ``last`` (as text, in the table's own time unit).
    """
    out = []
    for name, df in tables.items():
        col = time_column(df)
        times = df[col].dropna() if col else pd.Series(dtype=object)
        if col and not times.empty and not pd.api.types.is_object_dtype(times):
            first, last = _as_label(times.min()), _as_label(times.max())
        elif col and not times.empty:
            ordered = sorted(times.astype(str))
            first, last = ordered[0], ordered[-1]
        else:
            first = last = ""
        out.append({
            "table": name,
            "rows": len(df),
            "sources": df["source_id"].nunique(),
            "derived": int((df["flag"] == "derived").sum()) if "flag" in df else 0,
            "rivals": int((~df["use"]).sum()) if "use" in df else 0,
            "first": first,
            "last": last,
        })
    return pd.DataFrame(out)


def monthly_gaps(df: pd.DataFrame, month: str = "month") -> pd.DataFrame:
    """Months with no row between a series' first and last month.

    Args:
        df: rows of one series (one row per month: filter to ``use`` first).
        month: name of its ``Period[M]`` column.

    Returns:
        Columns ``first``, ``last``, ``months``, ``observed``, ``derived``, ``missing``
        (comma-separated missing months, ``""`` when complete).
    """
    if df.empty:
        raise ValueError("monthly_gaps needs at least one row")
    months = df[month]
    span = pd.period_range(months.min(), months.max(), freq="M")
    have = set(months)
    missing = [str(m) for m in span if m not in have]
    derived = int((df["flag"] == "derived").sum()) if "flag" in df else 0
    return pd.DataFrame([{
        "first": str(months.min()),
        "last": str(months.max()),
        "months": len(span),
        "observed": len(have) - derived,
        "derived": derived,
        "missing": ", ".join(missing),
    }])


def disagreements(df: pd.DataFrame, key: list[str], value: str = "value") -> pd.DataFrame:
    """Rows whose quantity (``key``) is given with more than one distinct value.

    Returns:
        The disagreeing rows, sorted by key, with ``value``, ``use`` and ``source_id`` next to
        each other, so the rival values can be read side by side.
    """
    distinct = df.groupby(key, observed=True)[value].transform("nunique")
    rows = df.loc[distinct > 1]
    cols = [*key, value, "use", "source_id"] + [c for c in ("qualifier", "note") if c in df]
    return rows[cols].sort_values([*key, "use"], ascending=[True] * len(key) + [False])
