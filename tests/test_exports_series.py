"""The long monthly series: no gaps beyond the ones we admit, fiscal years that add up, one
used row per month.

IT exports are read the way the ex-post test reads them (``headline_monthly``: per month the
used value under the first of the SBP/MoITT labels). PBS's monthly IT services figure fills
the months no SBP/MoITT label reports; where both exist they agree within 1%.

Fiscal years with all 12 months, against their published totals (all pass within 1%):

- IT exports: FY2020 (PBS fills Jul-Sep 2019) 1,438.9 vs SBP ICT 1,439; FY2021 (PBS fills
  Jul-Aug 2020) 2,111.0 vs MoITT ICT 2,108; FY2022 2,616 vs ICT 2,619; FY2023 2,595 vs
  IT&ITeS 2,596; FY2024 3,223 vs IT&ITeS 3,223; FY2025 3,809 vs IT&ITeS 3,810. (PSEB's
  FY2020 IT&ITeS 1,230 is a narrower measure than the ICT months and is not checked.)
- Workers' remittances: FY2023 26,878 vs SBP 27,024 (-0.5%, mostly rounded monthly figures).
  FY2025 is complete but no published total is in the package; FY2022 and FY2024 each miss
  one month (Nov 2021, May 2024).
"""

import re

import pandas as pd
import pytest

from analysis import data
from analysis.models import counterfactual as cf

START, END = "2019-07", "2025-12"
#: Months no SBP/MoITT label reports (PBS has them).
CHAIN_GAPS = {"2020-07", "2020-08"}
#: Months of workers' remittances not found anywhere.
WR_GAPS = {"2021-11", "2024-05"}
WR_START = "2021-07"
REL_TOL = 0.01


@pytest.fixture(scope="module")
def exports():
    return data.load("it_exports_monthly")


@pytest.fixture(scope="module")
def periods():
    return data.load("it_exports_period")


@pytest.fixture(scope="module")
def remittances():
    return data.load("workers_remittances_monthly")


def _span(start, end):
    return [str(m) for m in pd.period_range(start, end, freq="M")]


def _fy(month: pd.Period) -> int:
    return month.year + 1 if month.month >= 7 else month.year


def _filled(exports) -> pd.Series:
    """Headline chain from START, with PBS in the months no SBP/MoITT label covers."""
    chain = cf.headline_monthly(exports, start=START).set_index("month")["value"]
    pbs = data.used(exports)
    pbs = pbs.loc[pbs["series"] == "pbs_ict_services"].set_index("month")["value"]
    out = chain.combine_first(pbs.loc[~pbs.index.isin(chain.index)])
    return out.loc[out.index <= pd.Period(END, "M")].sort_index()


def test_it_chain_takes_pbs_only_in_the_months_sbp_relays_miss(exports):
    chain = cf.headline_monthly(exports, start=START)
    assert [str(m) for m in chain["month"]] == _span(START, END)  # no gap
    from_pbs = set(chain.loc[chain["series"] == "pbs_ict_services", "month"].astype(str))
    assert from_pbs == CHAIN_GAPS | {"2019-07", "2019-08", "2019-09"}


def test_it_series_with_pbs_fill_has_no_gap(exports):
    filled = _filled(exports)
    assert [str(m) for m in filled.index] == _span(START, END)
    assert filled.notna().all()


def test_pbs_and_sbp_agree_where_both_exist(exports):
    chain = cf.headline_monthly(exports, start=START).set_index("month")["value"]
    pbs = data.used(exports)
    pbs = pbs.loc[pbs["series"] == "pbs_ict_services"].set_index("month")["value"]
    both = chain.index.intersection(pbs.index)
    assert len(both) >= 5
    rel = (pbs.loc[both] / chain.loc[both] - 1).abs()
    assert (rel < REL_TOL).all(), rel[rel >= REL_TOL]


def _published_fy(periods, fy: int, series: str) -> float:
    used = data.used(periods)
    hit = used.loc[
        (used["period"] == f"FY{fy}")
        & (used["period_type"] == "fiscal_year")
        & (used["series"] == series),
        "value",
    ]
    assert len(hit) == 1, (fy, series)
    return float(hit.iloc[0])


#: The published total each fiscal year is checked against: the label most of its months carry.
EXPECTED_FY = {
    2020: ("sbp_ict", 1439),
    2021: ("sbp_ict", 2108),
    2022: ("sbp_ict", 2619),
    2023: ("sbp_it_ites", 2596),
    2024: ("sbp_it_ites", 3223),
    2025: ("sbp_it_ites", 3810),
}


def test_it_complete_fiscal_years_sum_to_their_published_totals(exports, periods):
    filled = _filled(exports)
    by_fy = filled.groupby(filled.index.map(_fy))
    complete = {fy: s.sum() for fy, s in by_fy if len(s) == 12}
    assert set(complete) == set(EXPECTED_FY)
    for fy, total in complete.items():
        series, expected = EXPECTED_FY[fy]
        published = _published_fy(periods, fy, series)
        assert published == expected
        assert abs(total / published - 1) < REL_TOL, (fy, total, published)


def test_no_month_has_two_used_rows_per_series(exports, remittances):
    used = data.used(exports)
    dup = used.groupby(["month", "series"], observed=True).size()
    assert (dup == 1).all(), dup[dup > 1]
    used_wr = data.used(remittances)
    assert not used_wr["month"].duplicated().any()


def test_remittances_have_only_the_admitted_gaps(remittances):
    months = set(data.used(remittances)["month"].astype(str))
    assert months <= set(_span(WR_START, END))
    assert set(_span(WR_START, END)) - months == WR_GAPS


def test_remittances_fy2023_sums_to_the_published_total(remittances):
    quote = (
        data.sources()
        .set_index("source_id")
        .loc["nation-2023-07-11-workers-remittances-fy23-a", "quote"]
    )
    assert "fiscal year 2022-23 were recorded at $27.024 billion" in quote
    published = 27024
    used = data.used(remittances)
    fy = used.loc[used["month"].map(_fy) == 2023, "value"]
    assert len(fy) == 12
    assert abs(fy.sum() / published - 1) < REL_TOL, fy.sum()


def test_remittances_are_in_a_plausible_range(remittances):
    # SBP monthly inflows 2021-2025 ran between about USD 1.9 and 4.1 billion
    v = data.used(remittances)["value"]
    assert v.between(1800, 4200).all(), v[~v.between(1800, 4200)]


@pytest.mark.parametrize("name", ["it_exports_monthly", "workers_remittances_monthly"])
def test_derived_values_match_their_formula(name):
    df = data.load(name)
    derived = df.loc[df["flag"] == "derived"]
    if name == "it_exports_monthly":
        assert len(derived) >= 10
    for _, row in derived.iterrows():
        lhs, rhs = row["formula"].split("=")
        terms = [float(re.findall(r"-?\d+(?:\.\d+)?", t.split()[-1])[0]) for t in lhs.split(" - ")]
        result = terms[0] - sum(terms[1:])
        assert result == pytest.approx(float(rhs), abs=1e-6), row["formula"]
        assert row["value"] == pytest.approx(float(rhs), abs=1e-6), row["formula"]
