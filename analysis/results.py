"""Headline results: what a notebook records so the report and the README can read it.

Each notebook calls :func:`record` with its headline figures; each lands in
``reports/results/<notebook>.csv`` and the report builder gathers them into
``reports/results.csv``. Every figure travels with its interval, unit and notebook.
"""

from __future__ import annotations

import math

import pandas as pd

from analysis import paths

COLUMNS = ["notebook", "key", "finding", "value", "low", "high", "unit", "interval"]


def record(notebook: str, rows: list[dict]) -> pd.DataFrame:
    """Write ``rows`` (key, finding, value, low, high, unit, interval) for ``notebook``.

    Raises:
        ValueError: a row misses a field, has a non-finite value, or low > value > high.
    """
    out = []
    for i, row in enumerate(rows):
        missing = [c for c in COLUMNS[1:] if c not in row]
        if missing:
            raise ValueError(f"results.record({notebook!r}): row {i} misses {', '.join(missing)}")
        v, lo, hi = (float(row[k]) for k in ("value", "low", "high"))
        if not all(math.isfinite(x) for x in (v, lo, hi)):
            raise ValueError(f"results.record({notebook!r}): row {row['key']!r} is not finite")
        if not lo <= v <= hi:
            raise ValueError(f"results.record({notebook!r}): row {row['key']!r} has value {v} "
                             f"outside its interval [{lo}, {hi}]")
        out.append({"notebook": notebook, **{k: row[k] for k in COLUMNS[1:]}})
    frame = pd.DataFrame(out, columns=COLUMNS)
    folder = paths.results_dir()
    folder.mkdir(parents=True, exist_ok=True)
    frame.to_csv(folder / f"{notebook}.csv", index=False)
    return frame


def gather(folder=None) -> pd.DataFrame:
    """All recorded results, in notebook order."""
    folder = folder or paths.results_dir()
    files = sorted(folder.glob("*.csv"))
    if not files:
        return pd.DataFrame(columns=COLUMNS)
    return pd.concat([pd.read_csv(f) for f in files], ignore_index=True)
