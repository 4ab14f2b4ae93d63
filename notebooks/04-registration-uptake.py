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
# # Registration uptake: how far did registration get, and who was left out?
#
# PTA counted 20,437 registered VPNs in August 2024. When the November 2024 campaign began (a
# six-hour VPN disruption on 10 November, the Interior Ministry's letter on 15 November, the
# 30 November deadline), registrations rose. This notebook reports the counts and what was
# added between them (an uptake curve is drawn as a description only: six rounded counts do
# not identify where it levels off); measures the registration gap against VPN users, firms
# and freelancers; sets out who could not register under the rules; and lines up the demand
# signals with events.

# %% tags=["parameters"]
# Parameters (papermill can override these)
MODEL = "logistic"        # or "gompertz"
DRAWS = 4000              # parameter draws for the bands
SEED = 20241130
LEVEL = 0.90              # band level

# %%
import pandas as pd

from analysis import charts, data, events, notebook, precision
from analysis.data import registrations
from analysis.models import uptake

notebook.setup()

CAMPAIGN_START = events.date("vpn_trial")  # day 0: the first VPN disruption of the campaign
DEADLINE = events.deadline()
reg = data.load("vpn_registrations")
counts = registrations.vpn_counts(reg)
campaign = counts.loc[counts["use"] & (counts["date"] >= CAMPAIGN_START)]
base = counts.loc[counts["use"] & (counts["date"] < CAMPAIGN_START)].iloc[-1]
print(f"before the campaign: {base['value']:,.0f} VPNs ({base['date']:%d %b %Y})")
print(f"campaign counts: {len(campaign)}, {campaign['date'].min():%d %b} to {campaign['date'].max():%d %b %Y}")
campaign.assign(date=campaign["date"].dt.date)[["date", "value", "qualifier", "source_id"]]

# %% [markdown]
# Every count is a rounded figure relayed by the press ("over 25,000", "at least 27,000"), so
# the curve below is fitted to lower bounds and rounding; with six points and three parameters,
# expect wide intervals.
#
# ## The uptake curve

# %%
fit = uptake.fit_uptake(campaign["date"], campaign["value"], base["value"], MODEL, start=CAMPAIGN_START)
print(f"{fit.model} fit to {fit.n_points} counts; residual sd {fit.residual_sd:,.0f} VPNs")
precision.table(fit.table(), intervals={"estimate": ("ci_low", "ci_high")})

# %%
implied = uptake.implications(fit, DEADLINE, draws=DRAWS, seed=SEED, level=LEVEL)
precision.table(implied, intervals={"central": ("low", "high")})

# %%
curve = uptake.predict(fit, pd.date_range(CAMPAIGN_START, "2025-01-31", freq="D"), draws=DRAWS, seed=SEED, level=LEVEL)
charts.uptake.chart_uptake(counts.loc[counts["date"] >= CAMPAIGN_START], curve, fit, implied,
                    source=data.source_line(campaign, "vpn_registrations"))

# %% [markdown]
# The other curve shape, as a check on how much the answer depends on the model:

# %%
other = "gompertz" if MODEL == "logistic" else "logistic"
alt = uptake.fit_uptake(campaign["date"], campaign["value"], base["value"], other, start=CAMPAIGN_START)
both = pd.concat({MODEL: implied.set_index("quantity"),
                  other: uptake.implications(alt, DEADLINE, draws=DRAWS, seed=SEED, level=LEVEL).set_index("quantity")}, names=["model"])
print(f"residual sd: {MODEL} {fit.residual_sd:,.0f}, {other} {alt.residual_sd:,.0f} VPNs")
precision.table(both, intervals={"central": ("low", "high")})

# %% [markdown]
# Can six counts pin down where registrations would level off? The fit says no: the saturation
# parameter's standard error exceeds the estimate, and it moves almost one for one with the
# day of fastest uptake, which falls among the last counts. The curve's bands come from normal
# draws of such a fit, some of them discarded as impossible, so they are not an honest range
# either; the notebook reports no share of "eventual" registrations. What the counts do show
# is how fast registrations were added between reports:

# %%
corr = fit.cov[0, 2] / (fit.cov[0, 0] * fit.cov[2, 2]) ** 0.5
se_a = fit.cov[0, 0] ** 0.5
print(f"saturation parameter {precision.fmt(fit.params[0])} VPNs above the August stock, standard error "
      f"{precision.fmt(se_a)}; correlation with the inflection day {corr:.3g}")
assert se_a > fit.params[0] and corr > 0.95  # not identified
steps = registrations.increments(counts, since=base["date"])
precision.table(steps, counts=["days", "added"])

# %% [markdown]
# ## The registration gap
#
# Registrations are counted per VPN (a firm's VPN serves many staff), so ratios against people
# are an upper bound on the gap, not a head count. Each input is a (low, central, high) triple
# taken from the data; the printed cells show where each comes from.

# %%
inputs = registrations.gap_inputs(DEADLINE)
precision.table(inputs, intervals={"central": ("low", "high")},
                count_rows=inputs["unit"].isin(["VPNs", "companies", "firms"]))

# %%
gap = uptake.gap_table(registrations.gap_comparisons(inputs))
precision.table(gap.assign(**{c: 100 * gap[c] for c in ["ratio_low", "ratio", "ratio_high"]}),
                intervals={"ratio": ("ratio_low", "ratio_high")})[
    ["comparison", "ratio_low", "ratio", "ratio_high", "what"]].rename(
    columns={"ratio_low": "low (%)", "ratio": "ratio (%)", "ratio_high": "high (%)"})

# %% [markdown]
# ## Firm coverage weighted by staff
#
# The firm ratio above counts firms. If large exporters registered first, the share of IT
# staff working in a firm with a registered VPN is higher than the share of firms; if the
# registrants were small firms, or not IT firms at all (banks and embassies registered too),
# it is lower. PSEB does not publish staff per firm, so this is a scenario, not an estimate:
# if the registrants were the largest IT firms, the size classes of the 2021 survey of IT
# firms (each class's staff at the end of its size range that gives the smallest share) put
# their share of staff at least at the figure below.

# %%
classes, size_basis = registrations.firm_size_classes()
firms_in = inputs.set_index("input")
registered_firms = float(firms_in.loc["companies_with_registered_vpns", "central"])
staff = pd.DataFrame([
    {"PSEB firms": n, "which count": which, "share of firms (%)": 100 * registered_firms / n,
     "share of staff if the largest registered (at least, %)": 100 * uptake.staff_share_floor(registered_firms, n, classes)}
    for n, which in [(firms_in.loc["pseb_it_firms", "central"], "IT and IT-enabled companies, latest"),
                     (firms_in.loc["pseb_it_firms", "low"], "IT firms only, 2021")]])
print(size_basis)
precision.table(staff, counts=["PSEB firms"])

# %%
from analysis.report import results

per_user = gap.iloc[0]
exact = steps.loc[steps["qualifier"] == "exact"].iloc[-1]  # the last count stated exactly
added = steps.loc[: exact.name, "added"].sum()
results.record("04-registration-uptake", [
    {"key": "registrations_added_campaign", "count": True,
     "finding": f"Registered VPNs added from {steps['from'].iloc[0]:%d %b} to {exact['to']:%d %b %Y}, between two exact counts",
     "value": added, "low": added, "high": added, "unit": "VPNs", "interval": "", "interval_kind": "reports"},
    {"key": "firm_staff_coverage_floor",
     "finding": "Share of IT staff in firms with a registered VPN if the registrants were the largest IT firms (at least; "
                f"{precision.fmt(staff['share of firms (%)'].iloc[0])}% if of average size, less if small or not IT firms)",
     "value": staff["share of staff if the largest registered (at least, %)"].iloc[0],
     "low": staff["share of staff if the largest registered (at least, %)"].iloc[0],
     "high": staff["share of staff if the largest registered (at least, %)"].iloc[0], "unit": "percent", "interval": "",
     "interval_kind": "scenario"},
    {"key": "registered_per_vpn_user", "finding": "Registered VPNs per VPN user at the deadline (how many users they covered is unknown: one VPN can serve many)",
     "value": 100 * per_user["ratio"], "low": 100 * per_user["ratio_low"],
     "high": 100 * per_user["ratio_high"], "unit": "percent", "interval": "", "interval_kind": "inputs"},
])

# %% [markdown]
# ## Who could not register under the rules
#
# From PTA's own rules (`data/registration_rules.csv`): registration was for companies, call
# centres and freelancers with proof of commercial work; it was tied to a fixed IP address until
# the mobile-number route opened for freelancers on 7 December 2024; individuals using a VPN
# for privacy or blocked sites had no route at all.

# %%
rules = data.load("registration_rules")
key = rules.loc[rules["rule_type"].isin(["eligibility", "static_ip", "mobile_number"]) | (rules["applicant"] == "individual")]
key.assign(valid_from=key["valid_from"].dt.date)[["applicant", "rule_type", "requirement", "valid_from"]]

# %%
print("rules by applicant:", rules["applicant"].value_counts().to_dict())
print("individual-user rules:", (rules["applicant"] == "individual").sum(), "- all restrict eligibility:",
      bool((rules.loc[rules["applicant"] == "individual", "rule_type"] == "eligibility").all()))

# %% [markdown]
# ## Demand for VPNs around each block
#
# VPN providers and review sites published demand increases for days when platforms or VPNs
# were blocked. Each is measured against its own, often unstated, baseline, so compare timing,
# not sizes.

# %%
demand = data.load("vpn_demand")
marks = events.frame(["x_block", "vpn_trial", "registration_deadline"])
charts.uptake.chart_demand(demand.loc[demand["date"] >= "2024-01-01"], marks,
                    source=data.source_line(data.used(demand), "vpn_demand"))

# %%
d = data.used(demand)
d.assign(date=d["date"].dt.date)[["provider", "date", "metric", "value", "unit", "event"]]

# %% [markdown]
# PTA's own measure of VPN traffic, reported in its January 2025 paper:

# %%
bw = data.load("vpn_bandwidth")
charts.uptake.chart_bandwidth(bw, source=data.source_line(bw, "vpn_bandwidth"))
bw[["month", "value", "unit"]]

# %%
# The claims below, checked: registrations rose by about half during the campaign, to over
# 31,000; registered VPNs are under 1% of VPN users, firms with a registered VPN well under half
# of PSEB firms, freelancer VPNs a tiny share of freelancers; every rule for individuals
# restricts eligibility; PTA's VPN bandwidth fell in November 2024.
assert campaign["value"].max() >= 31_000 and 1.4 <= campaign["value"].max() / base["value"] <= 1.6
ratios = gap.set_index("comparison")
assert ratios.iloc[0]["ratio_high"] < 0.01 and ratios.iloc[1]["ratio_high"] < 0.5
assert ratios.iloc[2]["ratio_high"] < 0.001
assert (staff["share of staff if the largest registered (at least, %)"] > staff["share of firms (%)"]).all()
assert staff["share of staff if the largest registered (at least, %)"].iloc[0] < 15
assert (rules.loc[rules["applicant"] == "individual", "rule_type"] == "eligibility").all()
bandwidth = bw.set_index(bw["month"].astype(str))["value"]
assert bandwidth["2024-11"] < bandwidth["2024-10"]

# %% [markdown]
# ## What this shows, and what it cannot
#
# - **Shows:** registrations rose by about half from August to early December 2024 (from the
#   August stock printed above to over 31,000 in early December).
# - **Cannot pin down** where registrations would have levelled off: the saturation level is
#   not identified by six counts (its standard error exceeds it, printed above), and the two
#   curve shapes disagree (the two-model table); the curve is shown as a description, not a
#   finding.
# - **Gap:** counted per VPN (a lower bound on coverage, since one VPN serves many users), registered VPNs were a small fraction of VPN users
#   (the gap table); only a small share of PSEB-registered IT firms (the firm row) and almost no freelancers had
#   registered before
#   the campaign. Individuals had no route to register.
# - **Firm coverage by staff:** a scenario, not an estimate. If the registrants were the largest
#   IT firms, they employ at least about a tenth of IT staff against the latest PSEB count (the
#   staff table), more than their share of firms; if they were of average size the two shares
#   are equal, and if small or not IT firms (banks and embassies registered too) lower. PSEB
#   publishes no staff counts, so which holds is unknown.
# - **Demand and traffic:** demand spikes coincide with blocks; PTA's VPN bandwidth fell in
#   November 2024, but PTA did not publish how it measures VPN traffic, so the drop cannot be
#   read as fewer VPN users.
# - **Cannot show:** how many unregistered VPN users there were after the deadline, or whether
#   any VPN was blocked for lack of registration; no measurement of VPN reachability after
#   30 November 2024 was found.
