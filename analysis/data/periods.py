"""Pakistan's fiscal year and the period labels used in the data package.

Pakistan's fiscal year runs July to June and is named for the year it ends in:
FY2025 = July 2024 to June 2025.
"""

from __future__ import annotations

import re

import pandas as pd

_FY = re.compile(r"^FY(\d{4})$")
_PLAIN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def fiscal_year(when: pd.Timestamp | pd.Period) -> str:
    """Return the fiscal-year label (``"FY2025"``) of a date or month."""
    if isinstance(when, pd.Period):
        when = when.start_time
    return f"FY{when.year + 1 if when.month >= 7 else when.year}"


def period_start(label: object) -> pd.Timestamp:
    """Return the first day of a period label.

    Accepts ``FY2025`` (-> 2024-07-01), ``2024`` (-> 2024-01-01), ``2024-11`` and
    ``2024-11-30``, plus timestamps, periods and integer years.

    Raises:
        ValueError: naming the label that is none of these.
    """
    if isinstance(label, pd.Timestamp):
        return label
    if isinstance(label, pd.Period):
        return label.start_time
    if isinstance(label, int):
        return pd.Timestamp(year=label, month=1, day=1)
    text = str(label)
    m = _FY.match(text)
    if m:
        return pd.Timestamp(year=int(m.group(1)) - 1, month=7, day=1)
    if _PLAIN.match(text):
        return pd.Timestamp(text if len(text) > 4 else f"{text}-01-01")
    raise ValueError(f"period label {label!r} is not FYyyyy, yyyy, yyyy-mm or yyyy-mm-dd")
