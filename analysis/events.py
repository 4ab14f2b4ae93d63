"""The one registry of policy events the analysis uses, read from ``data/policy_timeline.csv``.

Rows of the timeline with a ``key`` are the events the analysis refers to; every date a model,
chart or notebook needs comes from here, looked up by key (never by label text, never typed
again). Short labels for charts are our own words, kept beside the keys below.

    events.deadline()          # the row keyed registration_deadline
    events.frame(["x_block"])  # markers for a chart
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from analysis import data

#: Short chart labels, by key (our words; the event text itself is in the timeline).
LABELS = {
    "fx_retention_50pc": "FX retention 35% to 50%",
    "x_block": "X blocked",
    "firewall_slowdown": "slowdowns and firewall trials",
    "vpn_trial": "VPN trial",
    "interior_letter": "Interior Ministry letter",
    "registration_deadline": "registration deadline",
    "mobile_number_route": "mobile-number route",
    "x_restored": "X restored",
}
DEADLINE = "registration_deadline"


class EventError(KeyError):
    """An event key is unknown, repeated, or missing from the timeline."""

    def __str__(self) -> str:
        return str(self.args[0])


@cache
def _registry(stamp: tuple) -> pd.DataFrame:
    t = data.load("policy_timeline")
    keyed = t.loc[t["key"].notna() & (t["key"] != "")]
    repeated = keyed["key"][keyed["key"].duplicated()].tolist()
    if repeated:
        raise EventError(
            f"policy_timeline.csv: key {repeated[0]!r} marks more than one event; "
            "expected each key once"
        )
    missing = sorted(set(LABELS) - set(keyed["key"]))
    if missing:
        raise EventError(
            f"policy_timeline.csv: no event has key {missing[0]!r}; expected one "
            f"row per key in {', '.join(LABELS)}"
        )
    return keyed.set_index("key")


def registry() -> pd.DataFrame:
    """The keyed events: index ``key``; columns of the timeline (date, event, category, ...)."""
    return _registry(data._stamp(data.paths.DATA)).copy()


def date(key: str) -> pd.Timestamp:
    """The date of the event ``key``.

    Raises:
        EventError: ``key`` is not a key of the registry (the message lists the keys).
    """
    reg = registry()
    if key not in reg.index:
        raise EventError(f"unknown event {key!r}; expected one of {', '.join(reg.index)}")
    return pd.Timestamp(reg.loc[key, "date"])


def deadline() -> pd.Timestamp:
    """The registration deadline (30 Nov 2024)."""
    return date(DEADLINE)


def label(key: str, with_date: bool = True) -> str:
    """``"X blocked (17 Feb 2024)"``: the short label, with the date to its precision."""
    when = date(key)
    precision = str(registry().loc[key, "date_precision"])
    stamp = f"{when:%b %Y}" if precision == "month" else f"{when.day} {when:%b %Y}"
    return f"{LABELS[key]} ({stamp})" if with_date else LABELS[key]


def first_month_after(key: str) -> pd.Period:
    """The first month whose end-of-month figure comes after the event.

    An event on the last day of a month (the deadline, 30 Nov) counts from the next month;
    any other event from its own month.
    """
    when = date(key)
    month = when.to_period("M")
    return month + 1 if when == month.end_time.normalize() else month


def months_after(keys: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``{"X blocked (17 Feb 2024)": "2024-02", ...}``: each event's first 'after' month."""
    return {label(k): str(first_month_after(k)) for k in keys}


def frame(keys: list[str], with_date: bool = False) -> pd.DataFrame:
    """Events ``keys`` as a table for chart markers: columns ``key``, ``date``, ``label``."""
    return pd.DataFrame(
        {"key": keys, "date": [date(k) for k in keys], "label": [label(k, with_date) for k in keys]}
    )
