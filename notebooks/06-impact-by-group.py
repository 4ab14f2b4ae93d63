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
# # Who loses what if unregistered VPNs are blocked: businesses, freelancers, access
#
# An ex-ante model: what enforcing the 30 November 2024 deadline *would* cost, under explicit
# scenarios, with every assumption a parameter that has a low, central and high value and the
# reasoning or source for each bound (`data/parameters.csv`). Scenarios are sets of overrides
# (`data/scenarios.csv`). Outputs are medians with 90% intervals from a seeded Monte Carlo.
#
# The model is deliberately simple and every formula is in `analysis/impact.py`:
#
# - **access**: VPN users = internet users x VPN share; cut off = VPN users x detection
#   (individuals had no way to register); left without a working VPN = cut off x (1 - switch);
# - **freelancers**: cut off = freelancers x share needing a VPN x (1 - share registered) x
#   detection x (1 - switch); earnings at risk over the disruption from freelance remittances;
# - **businesses**: unregistered PSEB firms, export revenue at risk per day and over the
#   disruption, and the staff time registration takes.

# %% tags=["parameters"]
# Parameters (papermill can override these)
DRAWS = 200_000
SEED = 20241130
SCENARIOS = ["as_announced", "partial_enforcement", "mobile_number_route", "what_happened"]
OVERRIDES = {}   # e.g. {"disruption_days": 30} fixes a parameter in every scenario

# %%
import pandas as pd

from analysis import charts, data, notebook, precision
from analysis.data import params as tables
from analysis.models import impact

notebook.setup()

table = tables.load_parameters()
scenarios = tables.load_scenarios()
table[["parameter", "group", "unit", "low", "central", "high", "distribution"]]

# %% [markdown]
# Where each bound comes from (the source or the reasoning):

# %%
table[["parameter", "basis_low", "basis_central", "basis_high"]]

# %% [markdown]
# The scenarios, as overrides of those ranges:

# %%
scenarios[["scenario", "parameter", "low", "central", "high", "basis"]]

# %% [markdown]
# ## Results by scenario

# %%
summary = pd.concat([impact.scenario(table, scenarios, s, DRAWS, SEED, OVERRIDES) for s in SCENARIOS], ignore_index=True)
wide = summary.pivot_table(index="output", columns="scenario", values="median", sort=False)[SCENARIOS]
precision.table(wide)


# %%
def show(output):
    rows = summary.loc[summary["output"] == output, ["scenario", "median", "low", "high", "unit"]]
    return precision.table(rows.reset_index(drop=True), intervals={"median": ("low", "high")})

src = data.source_line(table, "parameters")

# %% [markdown]
# ### Access: VPN users left without a working VPN

# %%
show("net_cut_off_m")

# %%
a = summary.set_index(["scenario", "output"]).loc[("as_announced", "net_cut_off_m")]
charts.impact.chart_scenarios(summary, "net_cut_off_m", "impact-access",
    f"Enforced as announced, {precision.fmt_interval(a['median'], a['low'], a['high'], unit='million')} VPN users "
    "would be left without a working VPN",
    source=src)

# %%
show("blocked_platform_losing_m")

# %% [markdown]
# ### Freelancers

# %%
show("freelancers_affected_k")

# %%
show("freelance_earnings_at_risk_usd_m")

# %%
f = summary.set_index(["scenario", "output"]).loc[("as_announced", "freelancers_affected_k")]
m = summary.set_index(["scenario", "output"]).loc[("mobile_number_route", "freelancers_affected_k")]
charts.impact.chart_scenarios(summary, "freelancers_affected_k", "impact-freelancers",
    f"As announced, {precision.fmt_interval(f['median'], f['low'], f['high'], unit='thousand')} freelancers "
    f"cut off; with the mobile-number route, {precision.fmt_interval(m['median'], m['low'], m['high'], unit='thousand')}",
    source=src)

# %% [markdown]
# ### Businesses

# %%
show("exports_at_risk_usd_m")

# %%
show("compliance_hours_k")

# %%
b = summary.set_index(["scenario", "output"]).loc[("as_announced", "exports_at_risk_usd_m")]
charts.impact.chart_scenarios(summary, "exports_at_risk_usd_m", "impact-businesses",
    f"As announced, USD {precision.fmt_interval(b['median'], b['low'], b['high'], unit='million')} of IT export "
    "revenue alone at risk (freelance earnings not included)",
    source=src)

# %%
from analysis.report import results

idx = summary.set_index(["scenario", "output"])
rec = []
for s, out, finding in [
    ("as_announced", "net_cut_off_m", "VPN users left without a working VPN if enforced as announced (assumes "
                                      "individuals' unregistered VPNs are blocked too)"),
    ("as_announced", "freelancers_affected_k", "Freelancers cut off if enforced as announced"),
    ("as_announced", "total_at_risk_usd_m", "IT exports and freelance earnings at risk if enforced as announced, over an "
                                           "assumed cut-off of 7-90 days (central 30): revenue at risk, not measured loss"),
    ("mobile_number_route", "freelancers_affected_k", "Freelancers cut off with the mobile-number route and partial enforcement"),
]:
    r = idx.loc[(s, out)]
    rec.append({"key": f"{s}_{out}", "finding": finding, "value": r["median"],
                "low": r["low"], "high": r["high"], "unit": r["unit"], "interval": "90%",
                "interval_kind": "inputs"})
results.record("06-impact-by-group", rec)

# %%
# The claims below, checked: "what happened" puts nothing at risk but compliance time;
# compliance time is the same in every scenario; the access result is the largest in people.
wh = summary.loc[summary["scenario"] == "what_happened"].set_index("output")["median"]
# (the stock of VPN users and of unregistered firms is there whatever happens)
assert (wh.drop(["vpn_users_m", "unregistered_firms", "compliance_hours_k"]) == 0).all()
compliance = summary.loc[summary["output"] == "compliance_hours_k", "median"]
assert (compliance == compliance.iloc[0]).all()
assert a["median"] * 1e6 > f["median"] * 1e3

# %% [markdown]
# ## What this shows, and what it cannot
#
# - **Shows:** under each scenario, how many people, freelancers and firms a block would reach
#   and how much money would be at risk, each with its interval (tables above). What happened,
#   no block, puts nothing at risk. Compliance time is the same in every scenario: it is the
#   staff time every unregistered PSEB firm would spend registering, block or no block.
# - **The access result is the largest in people** because individuals had no route to
#   register: every VPN user reached by detection loses access unless they switch.
# - **Cannot show:** real losses. The model multiplies published counts by assumed shares;
#   several of those shares (how many freelancers need a VPN, how much revenue depends on one,
#   how well detection works) are assumptions with wide ranges, and the sensitivity notebook
#   (`07`) shows which of them drive each answer.
