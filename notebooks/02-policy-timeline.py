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
# # What happened: the policy timeline, the disruption record and the cost claims
#
# Before any "what if", the record. Pakistan has asked VPN users to register before: deadlines
# in 2020 and 2022 were each extended. In November 2024 the Interior Ministry asked PTA to
# block unregistered VPNs from 1 December; the block did not come, registration continued, a
# mobile-number route opened for freelancers, and PTA moved to licensing VPN providers.
# Around it ran shutdowns, a year-long block of X and the 2024 "firewall" slowdowns.
#
# Every event below is a row of `data/policy_timeline.csv` with its source.

# %%
from analysis import charts, data, events, notebook
from analysis.data import timeline

notebook.setup()

ev = timeline.events(data.load("policy_timeline"))
print(f"{len(ev)} dated events from {ev['date'].min():%d %b %Y} to {ev['date'].max():%d %b %Y}")
timeline.category_counts(ev)

# %%
charts.timeline.chart_timeline(ev, source=data.source_line(ev, "policy_timeline"))

# %% [markdown]
# ## Deadlines came and went
#
# Every deadline and extension, in order. The 2020 and 2022 deadlines were each extended; the
# 2024 one passed without a block and without a new date.

# %%
deadlines = ev.loc[ev["category"].isin(["deadline", "extension"])]
deadlines.assign(date=deadlines["date"].dt.date)[["date", "category", "event"]]

# %% [markdown]
# ## After the deadline
#
# What the record shows from 30 November 2024 on: the Law Ministry's opinion, the
# mobile-number route, and the move to licensing providers.

# %%
after = ev.loc[ev["date"] >= events.deadline()]
after.assign(date=after["date"].dt.date)[["date", "category", "event"]]

# %% [markdown]
# ## The disruption record
#
# Dated disruptions from `data/disruptions.csv` (one row per event, rival sources of the
# same event not double-counted). Hours are known for only some events; the table says how
# many. A submarine-cable fault in January 2025 is in the table but left out here: it was not
# ordered by the state.

# %%
dis = data.load("disruptions")
print(f"left out as not policy-driven: {', '.join(dis.loc[timeline.policy_excluded(dis), 'disruption_id'])}")
record = timeline.disruption_record(dis)
record

# %%
by_year = record.groupby("year").agg(events=("events", "sum"), with_hours=("with_hours", "sum"),
                                      hours=("hours", "sum"))
by_year

# %%
charts.timeline.chart_disruptions(record, source=data.source_line(data.used(dis).dropna(subset=["start"]), "disruptions"))

# %% [markdown]
# The hours column is dominated by the block of X (17 February 2024 to 7 May 2025, counted
# whole in 2024, its start year); most shutdowns have no published duration, so hours are a
# floor, not a total.
#
# Annual aggregates published by Top10VPN and Access Now, kept as reported:

# %%
stats = data.used(data.load("disruption_stats"))
stats.loc[stats["metric"].isin(["shutdowns_count", "hours", "cost_usd", "users_affected"]),
          ["year", "publisher_body", "metric", "value", "unit", "qualifier"]].sort_values(["metric", "year"])

# %% [markdown]
# ## What others said it cost
#
# Cost figures are claims, each with its claimant and stated method, not our estimates. The
# totals published in US dollars (per-hour, per-day and rupee figures are in the table as
# published):

# %%
claims = timeline.cost_claims(data.load("impact_estimates"))
claims[["claimant", "event", "claim_type", "usd_million", "qualifier"]]

# %%
charts.timeline.chart_cost_claims(claims, source=data.source_line(claims, "impact_estimates"))

# %% [markdown]
# Per-hour and per-day claims (as published, units differ):

# %%
est = data.used(data.load("impact_estimates"))
rates = est.loc[est["unit"].astype(str).str.contains("per_hour|per_day")]
rates[["claimant", "event", "value", "unit", "claim_type"]]

# %%
# The claims below, checked: deadlines were set in 2020, 2022 and 2024; 2024 has the most
# recorded disruptions; the cost claims span three orders of magnitude or more.
assert {2020, 2022, 2024} <= set(deadlines.loc[deadlines["category"] == "deadline", "date"].dt.year)
assert by_year["events"].idxmax() == 2024
assert claims["usd_million"].max() / claims["usd_million"].min() >= 1000

# %% [markdown]
# ## What this shows, and what it cannot
#
# - **Shows:** registration deadlines were set in 2020, 2022 and 2024 and each was extended
#   or passed without a block (the deadline table); after 30 November 2024 the record turns to
#   legal opinion, a mobile-number route and provider licensing (the post-deadline table).
# - **Shows:** 2024 had the most recorded disruptions of any year in the table (the bar
#   chart), including the block of X.
# - **Cannot show:** the size of any loss. The cost figures range over three orders of magnitude
#   because they measure different things (a day's shutdown, a year of platform blocks, a
#   forecast of a VPN ban) with different, often unstated, methods. The impact-model notebooks
#   build ranges from explicit assumptions instead.
# - **Cannot show:** hours for most events; the hours column is a floor.
