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
# # Pakistan's VPN registration deadline: what this project answers
#
# In November 2024 Pakistan's Interior Ministry asked the Pakistan Telecommunication Authority
# (PTA) to block "illegal" VPNs: firms, banks, call centres, embassies and freelancers had to
# register their VPNs with PTA by **30 November 2024**. The stated aims were to curb terrorism,
# untraceable activity and prohibited content.
#
# This project asks what that deadline costs, and for whom, with honest uncertainty:
#
# - **businesses**: IT and IT-enabled exporters, call centres, banks;
# - **freelancers**: paid from abroad, often through tools that need a VPN;
# - **access**: internet users who rely on VPNs, including for blocked platforms.
#
# It answers twice. **Ex ante**: what enforcement *would* cost under explicit scenarios.
# **Ex post**: what the public data show happened, since the block was not enforced and
# registrations kept rising.
#
# Every number comes from `data/`, where each row names its public source. The notebooks, in
# order: `01` data and sources, `02` policy timeline, `03` connectivity, `04` registration
# uptake, `05` exports counterfactual, `06`-`09` impact model and scenarios.

# %% [markdown]
# ## One series, end to end: registered VPNs
#
# PTA publishes no registration time series. What exists are counts that PTA or officials gave
# on particular days, relayed by the press. The loader validates the table against its schema
# and every row carries a source.

# %%
from analysis import charts, data, events, notebook, precision
from analysis.data import registrations

notebook.setup()

table = data.load("vpn_registrations")
counts = registrations.vpn_counts(table)
cited = data.cite(counts)[["date", "value", "qualifier", "use", "publisher", "title"]]
cited.assign(date=cited["date"].dt.date, value=cited["value"].map(lambda v: precision.fmt(v, count=True)))

# %% [markdown]
# Where outlets give different counts for the same day, every value is kept and `use` marks
# the one the analysis uses; the reason is in the table's `note`. The deadline day itself has
# rival counts:

# %%
on_deadline = counts.loc[counts["date"] == events.deadline()]
for row in data.cite(on_deadline).itertuples():
    print(f"{row.value:>7,.0f} ({row.qualifier}) {'used' if row.use else 'kept, not used'}: {row.publisher}")

# %% [markdown]
# The growth from the first to the last used count:

# %%
g = registrations.growth(counts)
print(f"{g['first_date']}: {g['first']:,.0f} registered VPNs")
print(f"{g['last_date']}: {g['last']:,.0f} (qualifier: {g['last_qualifier']})")
print(f"added {g['added']:,.0f} in {g['days']} days, +{g['growth_pct']:.1f}%")

# %%
charts.registrations.chart_counts(counts, source=data.source_line(counts, "vpn_registrations"))

# %% [markdown]
# The headline figure this notebook contributes to the report (the deadline-day count, with
# the range of what outlets reported that day):

# %%
from analysis.report import results

results.record("00-overview", [
    {"key": "registered_vpns_deadline", "finding": "Registered VPNs on the 30 Nov 2024 deadline, as reported ('at least', the count used; other reports that day shown as the range)",
     "value": on_deadline.loc[on_deadline["use"], "value"].item(), "low": on_deadline["value"].min(),
     "high": on_deadline["value"].max(), "unit": "VPNs", "interval": "", "interval_kind": "reports"},
])

# %%
# The claims below, checked: registrations rose by about half from late August to early
# December 2024.
assert 40 <= g["growth_pct"] <= 60, g["growth_pct"]
assert (g["first_date"].month, g["last_date"].month) == (8, 12)

# %% [markdown]
# ## What this shows, and what it cannot
#
# - **Shows:** registrations kept rising through and after the deadline, by about half between
#   late August and early December 2024 (printed above).
# - **Cannot show:** how many VPN *users* that covers. A registration is a VPN or IP address of a
#   firm or freelancer, not a person, and counts after December 2024 switch unit ("entities and
#   freelancers"). The registration gap against VPN users, firms and freelancers is measured in
#   `04-registration-uptake`.
