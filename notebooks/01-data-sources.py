# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # The data: what we have, where it comes from, and how good it is
#
# Every number in this project sits in a table under `data/`, and every row of every table
# names a public source (publisher, title, URL, dates and the sentence that states the number)
# in `data/sources.csv`. This notebook takes stock: how much each table covers, where the
# monthly series have holes, where sources disagree, and which value the analysis uses.
#
# The tables and their columns are described in `data/README.md`, generated from the schema in
# `data/datapackage.json`. `analysis.data.load` checks every file against that schema on every
# load.

# %%
import pandas as pd

from analysis import charts, data, notebook
from analysis.data import coverage

notebook.setup()

tables = {name: data.load(name) for name in data.table_names() if name != "sources"}
sources = data.sources()
rows = sum(len(df) for df in tables.values())
print(f"{len(tables)} tables, {rows:,} rows, {len(sources)} public sources")
coverage.summary(tables)

# %% [markdown]
# `derived` counts values that are our arithmetic (each with its formula); `rivals` counts
# values kept from a second source for a quantity another row already gives (`use` false).
# Most of the data are recent: the chart shows when each table's rows are dated.

# %%
charts.coverage.chart_coverage(tables, source="Source: data/sources.csv (all tables of the data package)")

# %% [markdown]
# ## Who produced the numbers
#
# `publisher` is the outlet where the text was read; `original_publisher` is who produced the
# number. Much of what PTA and SBP publish reaches us through the press, so the same figure
# often has several outlets. The most frequent producers:

# %%
(sources["original_publisher"].fillna("(not stated)")
 .str.split(r" \(| via ", regex=True).str[0]
 .value_counts().head(12).rename_axis("original publisher").reset_index(name="sources"))

# %% [markdown]
# ## Gaps in the monthly series
#
# The ex-post models need monthly series. IT export remittances are reported by the press under
# several labels (SBP "IT & ITeS", "ICT", or just "IT exports"); the table keeps the label each
# source used, so each label is its own series here. Months with no row between the first and
# last month of each series:

# %%
exports = data.used(tables["it_exports_monthly"])
pd.concat({series: coverage.monthly_gaps(rows) for series, rows in exports.groupby("series", observed=True)},
          names=["series"]).droplevel(1).drop(columns="missing")

# %%
recent = exports.loc[exports["month"] >= pd.Period("2023-07", "M")]
any_label = recent.groupby("month").size()
span = pd.period_range("2023-07", recent["month"].max(), freq="M")
print(f"Jul 2023 to {span[-1]}: {len(span)} months; {any_label.reindex(span).notna().sum()} have a value under some label")
print(f"months whose value is our arithmetic: {sorted(str(m) for m in recent.loc[recent['flag'] == 'derived', 'month'].unique())}")

# %% [markdown]
# Every month from July 2023 has a value under some label, but no single label covers
# them all: the counterfactual notebook has to say which months it takes from which label, and
# how many are derived from cumulative totals.
#
# Mobile subscribers, from PTA's monthly indicators as restated by the business press:

# %%
telecom = data.used(tables["telecom_indicators"])
subs = telecom.loc[telecom["indicator"].isin(["cellular_subscribers", "mobile_broadband_subscribers"])
                   & (telecom["month"] >= pd.Period("2021-12", "M"))]
pd.concat({ind: coverage.monthly_gaps(rows) for ind, rows in subs.groupby("indicator", observed=True)},
          names=["indicator"]).droplevel(1)

# %% [markdown]
# ## Where sources disagree
#
# Where two sources give different values for the same quantity, both rows are kept and `use`
# marks the one the analysis takes; the `note` says why. Registration counts:

# %%
coverage.disagreements(tables["vpn_registrations"], ["date", "counted"])[["date", "counted", "value", "qualifier", "use", "source_id"]]

# %% [markdown]
# Monthly IT export remittances, within one label:

# %%
coverage.disagreements(tables["it_exports_monthly"], ["month", "series"])[["month", "series", "value", "use", "source_id"]]

# %% [markdown]
# and across labels, for the same month (the used value of each label):

# %%
wide = exports.pivot_table(index="month", columns="series", values="value", observed=True)
wide.loc[wide.max(axis=1) > wide.min(axis=1) * (1 + coverage.SAME_FIGURE_RTOL)]

# %% [markdown]
# Telecom indicators where restatements of PTA's figures (or vintages of ITU's) differ;
# the subscriber counts among them, in millions:

# %%
tel = coverage.disagreements(tables["telecom_indicators"], ["month", "indicator"])
print(f"{tel[['month', 'indicator']].drop_duplicates().shape[0]} month-indicator pairs with rival values")
subs_rivals = tel.loc[tel["indicator"].isin(["cellular_subscribers", "mobile_broadband_subscribers"])]
subs_rivals[["month", "indicator", "value", "use", "source_id"]]

# %% [markdown]
# Freelancer counts are not rival reports of one number but estimates by different bodies
# with different methods and definitions (registered, active, full-time and part-time), so all
# are kept and the impact model carries their range as a parameter:

# %%
free = coverage.freelancer_counts(tables["freelancer_estimates"])
print(f"{len(free)} estimates, {free['millions'].min():g} to {free['millions'].max():g} million")
free[["year", "estimator", "metric", "millions", "qualifier"]]

# %%
charts.coverage.chart_freelancer_counts(free, source=data.source_line(free, "freelancer_estimates"))

# %%
# The claims below, checked: most dated rows are from 2023 on; pooling labels gives monthly IT
# exports for every month from July 2023; rival values are kept (the disagreement tables).
dated = pd.concat([coverage.row_dates(df) for df in tables.values()]).dropna()
assert (dated >= "2023-01-01").mean() > 0.5
assert set(span) <= set(any_label.index)
assert len(tel) > 0

# %% [markdown]
# ## What this shows, and what it cannot
#
# - **Shows:** the package holds the tables printed in the first cell, every row traced to a
#   public source; most rows date from 2023 on (the coverage chart's title gives the share).
# - **Gaps:** the monthly tables above list every missing month. Monthly IT exports have a value
#   for every month from July 2023 only when labels are pooled; a few months are backed out of
#   cumulative totals and flagged derived.
# - **Disagreements:** counts relayed by the press differ by rounding, by revision and by what
#   is counted (VPNs, companies, "entities and freelancers"); each rival value is kept.
# - **Cannot show:** anything PTA or SBP did not publish. There is no official registration
#   time series, no count of PSEB-registered freelancers, and no survey of VPN use after
#   February 2025.
