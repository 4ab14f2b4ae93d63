"""Known answers for the coverage helpers and fiscal-year periods."""

import pandas as pd
import pytest

from analysis import data
from analysis.data import coverage, periods


def test_fiscal_year_labels():
    assert periods.fiscal_year(pd.Timestamp("2024-07-01")) == "FY2025"
    assert periods.fiscal_year(pd.Timestamp("2025-06-30")) == "FY2025"
    assert periods.fiscal_year(pd.Period("2024-11", "M")) == "FY2025"


@pytest.mark.parametrize(
    ("label", "start"),
    [
        ("FY2025", "2024-07-01"),
        ("2024", "2024-01-01"),
        ("2024-11", "2024-11-01"),
        ("2024-11-30", "2024-11-30"),
        (2023, "2023-01-01"),
    ],
)
def test_period_start(label, start):
    assert periods.period_start(label) == pd.Timestamp(start)


def test_period_start_rejects_unknown_labels():
    with pytest.raises(ValueError, match="period label 'Q1 2024' is not"):
        periods.period_start("Q1 2024")


def test_monthly_gaps_names_missing_months():
    df = pd.DataFrame(
        {
            "month": pd.PeriodIndex(["2024-01", "2024-02", "2024-05"], freq="M"),
            "value": [1.0, 2.0, 3.0],
            "flag": ["reported", "derived", "reported"],
        }
    )
    gaps = coverage.monthly_gaps(df).iloc[0]
    assert (gaps["months"], gaps["observed"], gaps["derived"]) == (5, 2, 1)
    assert gaps["missing"] == "2024-03, 2024-04"


def test_disagreements_keeps_only_rival_values():
    df = pd.DataFrame(
        {
            "k": ["a", "a", "b", "b"],
            "value": [1.0, 2.0, 3.0, 3.0],
            "use": [False, True, True, False],
            "source_id": ["s1", "s2", "s3", "s4"],
        }
    )
    out = coverage.disagreements(df, ["k"])
    assert list(out["source_id"]) == ["s2", "s1"]


def test_real_monthly_exports_cover_every_month_from_july_2023():
    exports = data.used(data.load("it_exports_monthly"))
    recent = exports.loc[exports["month"] >= pd.Period("2023-07", "M")]
    span = pd.period_range("2023-07", "2025-12", freq="M")
    # Guaranteed by the data package: each month has a value under at least one label.
    assert set(span) <= set(recent["month"])


def test_real_mobile_subscribers_from_december_2021():
    telecom = data.used(data.load("telecom_indicators"))
    cell = telecom.loc[
        (telecom["indicator"] == "cellular_subscribers")
        & (telecom["month"] >= pd.Period("2021-12", "M"))
    ]
    gaps = coverage.monthly_gaps(cell).iloc[0]
    assert gaps["first"] == "2021-12"
    assert gaps["missing"] == "2025-04, 2025-07"  # not published in any source we found


def test_freelancer_counts_range():
    free = coverage.freelancer_counts(data.load("freelancer_estimates"))
    assert (free["millions"].min(), free["millions"].max()) == (1.0, 3.0)
