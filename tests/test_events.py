"""The one registry of policy events: every date the analysis uses comes from the timeline."""

import re

import pandas as pd
import pytest

from analysis import events
from conftest import ROOT


def test_keyed_events_and_their_dates():
    assert events.deadline() == pd.Timestamp("2024-11-30")
    assert events.date("x_block") == pd.Timestamp("2024-02-17")
    assert events.date("vpn_trial") == pd.Timestamp("2024-11-10")
    assert events.date("mobile_number_route") == pd.Timestamp("2024-12-07")
    assert set(events.registry().index) == set(events.LABELS)


def test_first_month_after_follows_end_of_month_counts():
    assert str(events.first_month_after("registration_deadline")) == "2024-12"  # 30 Nov
    assert str(events.first_month_after("x_block")) == "2024-02"
    assert events.months_after(["registration_deadline"]) == {
        "registration deadline (30 Nov 2024)": "2024-12"
    }


def test_labels_carry_the_date_at_its_precision():
    assert events.label("x_block") == "X blocked (17 Feb 2024)"
    assert events.label("firewall_slowdown") == "slowdowns and firewall trials (Jul 2024)"


def test_unknown_key_is_one_clear_error():
    with pytest.raises(events.EventError, match="unknown event 'deadline'; expected one of"):
        events.date("deadline")


def test_no_event_date_is_typed_in_the_package_or_the_notebooks():
    """The dates of keyed events appear only in data/policy_timeline.csv."""
    dates = {f"{d:%Y-%m-%d}" for d in events.registry()["date"]}
    pattern = re.compile("|".join(sorted(dates)))
    files = [*(ROOT / "analysis").glob("*.py"), *(ROOT / "notebooks").glob("*.py")]
    hits = [
        (f.name, m)
        for f in files
        for m in pattern.findall(f.read_text(encoding="utf-8"))
        if f.name != "periods.py"
    ]  # periods.py documents date formats with an example
    assert hits == []
