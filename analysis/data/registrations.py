"""VPN registrations with PTA: the reported counts as a series, and how fast they grew.

Grain: one row per reporting date. Counts are as reported (rounded, relayed by media); where
two sources give different values for the same date both are kept, and ``use`` marks the one
the analysis uses (see ``data/vpn_registrations.csv``).
"""

from __future__ import annotations

import pandas as pd


def vpn_counts(registrations: pd.DataFrame) -> pd.DataFrame:
    """Return the reported counts of registered VPNs, oldest first.

    Args:
        registrations: the ``vpn_registrations`` table from :func:`analysis.data.load`.

    Returns:
        Columns ``date``, ``value`` (registered VPNs), ``qualifier``, ``use``, ``source_id``;
        every VPN count, including rivals not used (``use`` false).
    """
    cols = ["date", "value", "qualifier", "use", "source_id"]
    return (
        registrations.loc[registrations["counted"] == "vpns", cols]
        .sort_values(["date", "use"], ascending=[True, False])
        .reset_index(drop=True)
    )


def growth(counts: pd.DataFrame) -> pd.Series:
    """Return first and last used counts, their dates, and the growth between them.

    Returns:
        Series with ``first_date``, ``first``, ``last_date``, ``last``, ``last_qualifier``
        (how the source words it: exact, over, ...), ``added``,
        ``growth_pct`` (percent, as a float) and ``days``.
    """
    used = counts.loc[counts["use"]].sort_values("date")
    if len(used) < 2:
        raise ValueError("growth needs at least two used counts on different dates")
    first, last = used.iloc[0], used.iloc[-1]
    return pd.Series(
        {
            "first_date": first["date"].date(),
            "first": first["value"],
            "last_date": last["date"].date(),
            "last": last["value"],
            "last_qualifier": last["qualifier"],
            "added": last["value"] - first["value"],
            "growth_pct": 100 * (last["value"] / first["value"] - 1),
            "days": (last["date"] - first["date"]).days,
        }
    )
