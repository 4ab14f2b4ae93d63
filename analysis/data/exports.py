"""IT export remittances: the fiscal-year totals on one label basis.

SBP's figure is relayed as "ICT" or "IT & ITeS" export remittances; the two labels give the
same totals where both are reported for recent years (FY2022: 2,619 and 2,619; FY2023: 2,597
and 2,596), but for FY2019 and FY2020 the "IT & ITeS" rows are PSEB's narrower measure (995
and 1,230 against SBP's ICT 1,192 and 1,439). So one series takes the ICT figure where it
exists, else "IT & ITeS", else a figure reported without a label (FY2018, 1,060). The
"IT services" totals of FY2009-FY2013 (202-334) are a narrower measure again: they are shown,
and a trend should start after them.
"""

from __future__ import annotations

import pandas as pd

from analysis import data

#: Label preference for a fiscal year's total (first found wins).
FY_LABELS = ("sbp_ict", "sbp_it_ites", "it_unspecified")


def fiscal_year_totals() -> pd.DataFrame:
    """One row per fiscal year, on one label basis.

    Returns:
        ``year`` (2025 = FY2025), ``period``, ``series``, ``value`` (USD million) and
        ``growth_pct`` (against the year before, where it is reported).
    """
    fy = data.used(data.load("it_exports_period"))
    fy = fy.loc[(fy["period_type"] == "fiscal_year") & fy["series"].isin(FY_LABELS)]
    rank = fy["series"].astype(str).map({s: i for i, s in enumerate(FY_LABELS)})
    fy = fy.assign(rank=rank).sort_values(["period", "rank"]).groupby("period").head(1)
    fy = fy.assign(year=fy["period"].astype(str).str[2:].astype(int)).set_index("year").sort_index()
    prev = fy["value"].reindex(fy.index - 1).to_numpy()
    out = fy.assign(growth_pct=100 * (fy["value"] / prev - 1))
    return out[["period", "series", "value", "growth_pct"]].reset_index()
