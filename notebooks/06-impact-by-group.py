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
# # Who loses what if unregistered VPNs are blocked: firms, freelancers, individuals
#
# An ex-ante model: what enforcing the 30 November 2024 deadline *would* cost, under explicit
# policy options, with every input a parameter that has a low, central and high value, the
# source or reasoning for each bound and what it rests on (`evidence`: measured, derived or
# assumption) in `data/parameters.csv`. Policy options are sets of overrides
# (`data/scenarios.csv`). Outputs are medians with 90% ranges of simulated inputs (quantiles
# over a seeded Monte Carlo of the parameters: a range of inputs, not a confidence interval).
#
# Every formula is in `analysis/models/impact.py`. Each group has its own duration:
#
# - **firms** are cut off until they register or route around the block
#   (`firm_disruption_days`: PTA approved registrations in 8-10 hours); the share of revenue
#   that is unregistered is revenue-weighted (`registered_revenue_share`: large exporters
#   registered first); firms' revenue leaves out freelancers' receipts, which SBP records
#   inside ICT export remittances (14.77% in FY2022), so nothing is counted twice; revenue lost
#   becomes value added lost (`value_added_share`, PBS) net of work deferred, not lost
#   (`deferral_share`); registering costs staff hours x a wage plus static-IP fees;
# - **freelancers** are cut off until they register (`freelancer_disruption_days`; the
#   mobile-number route from 7 Dec 2024 shortens it and raises the share registered);
# - **individuals** had no route to register, so they are cut off until they switch or the
#   block ends (`individual_disruption_days`); their loss is hours of lost use x a money value
#   of an hour (from the Labour Force Survey's average wage).
#
# The money headline, `total_at_risk_usd_m`, adds firms' value added lost, freelancers'
# earnings lost, the compliance cost and individuals' time; gross revenue at risk is shown
# beside it (`revenue_at_risk_usd_m`).

# %% tags=["parameters"]
# Parameters (papermill can override these)
DRAWS = 200_000
SEED = 20241130
SCENARIOS = ["as_announced", "partial_enforcement", "mobile_number_route", "licensing_regime", "registration_only"]
OVERRIDES = {}   # e.g. {"firm_disruption_days": 3} fixes a parameter in every scenario

# %%
import pandas as pd

from analysis import charts, data, notebook, precision
from analysis.data import params as tables
from analysis.models import evidence, impact
from analysis.models import params as model_params

notebook.setup()

table = tables.load_parameters()
scenarios = tables.load_scenarios()
table[["parameter", "group", "unit", "low", "central", "high", "distribution", "evidence"]]

# %% [markdown]
# Where each bound comes from (the source or the reasoning):

# %%
table[["parameter", "basis_low", "basis_central", "basis_high"]]

# %% [markdown]
# How many inputs rest on what:

# %%
table.groupby("evidence", observed=True)["parameter"].count()

# %% [markdown]
# The policy options, as overrides of those ranges:

# %%
scenarios[["scenario", "parameter", "low", "central", "high", "basis"]]

# %% [markdown]
# ## Policy options side by side
#
# Five options: the block **as announced** (strong detection, no route for individuals or
# for freelancers without a static IP); **partial enforcement** (leaky detection, as in the
# November 2024 trials); the **mobile-number route** for freelancers (partial enforcement plus
# PTA's 7 December 2024 route); the **licensing regime**, what happened (no block was
# enforced; PTA licensed VPN providers from December 2024, and registrations grew under the
# threat); and **registration without any block**.

# %%
runs = {s: model_params.for_scenario(table, scenarios, s, OVERRIDES) for s in SCENARIOS}
correlations = tables.load_correlations()  # detection, switching and durations move together
draws = {s: impact.simulate(t, DRAWS, SEED, correlations) for s, t in runs.items()}
summary = pd.concat([impact.summarize(out).assign(scenario=s) for s, (_, out) in draws.items()],
                    ignore_index=True)
# the same table impact.scenario gives (same draws, same seed)
assert summary.loc[summary["scenario"] == SCENARIOS[0]].drop(columns="scenario").reset_index(drop=True).equals(
    impact.scenario(table, scenarios, SCENARIOS[0], DRAWS, SEED, OVERRIDES, correlations=correlations).drop(columns="scenario"))
wide = summary.pivot_table(index="output", columns="scenario", values="median", sort=False)[SCENARIOS]
precision.table(wide)


# %%
def show(output):
    rows = summary.loc[summary["output"] == output, ["scenario", "median", "low", "high", "unit"]]
    return precision.table(rows.reset_index(drop=True), intervals={"median": ("low", "high")})

def side_by_side(outputs):
    """Median and 90% range of simulated inputs of each output, one column per option."""
    rows = []
    for out in outputs:
        unit, what = impact.OUTPUTS[out]
        row = {"output": f"{what} ({unit})"}
        for s in SCENARIOS:
            r = idx.loc[(s, out)]
            row[s] = precision.fmt_interval(r["median"], r["low"], r["high"])
        rows.append(row)
    return pd.DataFrame(rows)

idx = summary.set_index(["scenario", "output"])
src = data.source_line(table, "parameters")
KIND = "90% range of simulated inputs"

# %% [markdown]
# The table of options, by group (each cell: median, and in brackets the 90% range of
# simulated inputs):

# %%
by_group = {g: [o for o, grp in impact.GROUPS.items() if grp == g] for g in ["firms", "freelancers", "individuals", "all"]}
side_by_side(by_group["firms"])

# %%
side_by_side(by_group["freelancers"])

# %%
side_by_side(by_group["individuals"])

# %%
side_by_side(by_group["all"])

# %% [markdown]
# ### One chart per group: the money each option puts at risk

# %%
f = idx.loc[("as_announced", "value_added_lost_usd_m")]
c = idx.loc[("as_announced", "compliance_cost_usd_m")]
charts.impact.chart_scenarios(summary, "value_added_lost_usd_m", "impact-businesses",
    f"Firms: as announced, USD {precision.fmt_interval(f['median'], f['low'], f['high'], kind=KIND)} million "
    f"of value added lost, against USD {precision.fmt_interval(c['median'], c['low'], c['high'])} million to register",
    source=src)

# %%
fl = idx.loc[("as_announced", "freelance_earnings_lost_usd_m")]
fm = idx.loc[("mobile_number_route", "freelance_earnings_lost_usd_m")]
charts.impact.chart_scenarios(summary, "freelance_earnings_lost_usd_m", "impact-freelancers",
    f"Freelancers: as announced, USD {precision.fmt(fl['median'], fl['low'], fl['high'])} million of earnings lost; "
    f"with the mobile-number route, USD {precision.fmt(fm['median'], fm['low'], fm['high'])} million",
    source=src)

# %%
a = idx.loc[("as_announced", "net_cut_off_m")]
i = idx.loc[("as_announced", "individual_loss_usd_m")]
charts.impact.chart_scenarios(summary, "individual_loss_usd_m", "impact-access",
    f"Individuals: as announced, {precision.fmt(a['median'], a['low'], a['high'])} million VPN users left without a "
    f"working VPN, USD {precision.fmt(i['median'], i['low'], i['high'])} million of their time",
    source=src)

# %%
h = idx.loc[("as_announced", impact.HEADLINE)]
charts.impact.chart_scenarios(summary, impact.HEADLINE, "impact-total",
    f"As announced, a cost to society of USD {precision.fmt_interval(h['median'], h['low'], h['high'], kind=KIND)} "
    "million; without a block, almost nothing",
    source=src)

# %% [markdown]
# ## How much rests on measured inputs, and how much on assumptions
#
# For each output, the share of its spread across the draws that each kind of input explains:
# how much of the variance would go if every input of that kind were known (the kind's closed
# first-order Sobol index, `analysis.models.evidence.closed_split`, estimated by re-running
# the model with that kind's draws kept and every other input drawn afresh). The inputs drawn
# together (detection, switching, durations) are all assumptions, so the kinds are
# independent of each other and their shares add to at most one; what they leave is the part
# from interactions between kinds. This splits the *spread* within an option; the option's own
# settings (its detection, switching and durations) are themselves assumptions and set the
# *level*.

# %%
kinds = dict(zip(table["parameter"], table["evidence"].astype(str), strict=True))
linked = list(zip(correlations["parameter_a"], correlations["parameter_b"], strict=True))
fresh = {s: impact.simulate(runs[s], DRAWS, SEED + 1, correlations)[0] for s in SCENARIOS}


def split(s, names):
    return evidence.closed_split(*draws[s], fresh[s], impact.run, kinds, names, linked).assign(scenario=s)


splits = pd.concat([split(s, list(impact.OUTPUTS)) for s in SCENARIOS[:3]], ignore_index=True)
shown = splits.loc[splits["output"].isin(["net_cut_off_m", "individual_loss_usd_m", "freelancers_affected_k",
                                          "freelance_earnings_lost_usd_m", "exports_at_risk_usd_m",
                                          "value_added_lost_usd_m", "compliance_cost_usd_m", impact.HEADLINE])]
precision.table(shown[["scenario", "output", "measured", "derived", "assumption", "interactions"]]
                .reset_index(drop=True), sig=2)

# %% [markdown]
# The licensing regime and registration without a block put nothing at risk but the
# compliance cost, whose spread is all assumption (take-up, hours, wage, fees):

# %%
precision.table(pd.concat([split(s, ["compliance_cost_usd_m"]) for s in SCENARIOS[3:]], ignore_index=True)
                [["scenario", "output", "measured", "derived", "assumption", "interactions"]], sig=2)

# %% [markdown]
# ## One number per question
#
# The findings, the charts and the tornado of an option show the same money-at-risk figure:
# the median of that option's draws (`impact.DRAWS` draws, seed `impact.SEED`). The tornado
# (`impact.tornado`) is centred on it: each parameter is fixed at its low and high bound while
# the others keep their draws, and the median is taken again.

# %%
tor = impact.tornado(runs["as_announced"], impact.HEADLINE, DRAWS, SEED, correlations, draws=draws["as_announced"])
# the tornado's centre is the headline's median, to the last digit
assert tor.attrs["base"] == h["median"]
print("as announced, cost to society:", precision.fmt_interval(h["median"], h["low"], h["high"], unit="USD million", kind=KIND))
precision.table(tor.head(8))

# %%
from analysis.report import results

sp = splits.set_index(["scenario", "output"])
rec = []
FINDINGS = [
    ("as_announced", impact.HEADLINE, "Cost to society if the block were enforced as announced: firms' value added "
     "and freelancers' earnings lost net of deferred work, compliance cost, and individuals' lost time valued at a "
     "share of the wage"),
    ("as_announced", "money_lost_usd_m", "Of which money firms and freelancers would lose if enforced as announced "
     "(value added, earnings, compliance; no individuals' time)"),
    ("partial_enforcement", impact.HEADLINE, "Cost to society under partial enforcement"),
    ("mobile_number_route", impact.HEADLINE, "Cost to society with the mobile-number route and partial enforcement"),
    ("licensing_regime", impact.HEADLINE, "Cost to society under the licensing regime (what happened: no block, "
     "registration under threat): the compliance cost only"),
    ("registration_only", impact.HEADLINE, "Cost to society with registration and no block at any point"),
    ("as_announced", "value_added_lost_usd_m", "Firms' value added lost if enforced as announced (cut off until "
     "they register)"),
    ("as_announced", "compliance_cost_usd_m", "Firms' cost of registering if enforced as announced (staff time "
     "and static-IP fees)"),
    ("as_announced", "freelance_earnings_lost_usd_m", "Freelancers' earnings lost if enforced as announced"),
    ("mobile_number_route", "freelance_earnings_lost_usd_m", "Freelancers' earnings lost with the mobile-number route"),
    ("as_announced", "freelancers_affected_k", "Freelancers cut off if enforced as announced"),
    ("as_announced", "net_cut_off_m", "VPN users left without a working VPN if enforced as announced (VPN users "
     "in one survey x assumed detection and switching)"),
    ("as_announced", "individual_loss_usd_m", "Individuals' lost time in money if enforced as announced"),
]
for s, out, finding in FINDINGS:
    r = idx.loc[(s, out)]
    rec.append({"key": f"{s}_{out}", "finding": finding, "value": r["median"],
                "low": r["low"], "high": r["high"], "unit": r["unit"], "interval": "90%",
                "interval_kind": "inputs"})
for s in SCENARIOS[:3]:
    share = sp.loc[(s, impact.HEADLINE), "assumption"]
    rec.append({"key": f"{s}_{impact.HEADLINE}_assumption_share",
                "finding": f"Share of the spread of the cost to society ({s.replace('_', ' ')}) that assumption inputs "
                "would remove if known (closed first-order Sobol index of the assumption inputs)",
                "value": share, "low": share, "high": share, "unit": "share", "interval": "",
                "interval_kind": "inputs"})
results.record("06-impact-by-group", rec)

# %%
# The claims below, checked. Without a block (licensing regime, registration only) nothing
# is at risk but the compliance cost:
for s in ["licensing_regime", "registration_only"]:
    m = summary.loc[summary["scenario"] == s].set_index("output")
    assert (m.drop(["vpn_users_m", "unregistered_firms", "compliance_hours_k", "compliance_cost_usd_m", "money_lost_usd_m",
                    impact.HEADLINE])["high"] == 0).all()
    assert m.loc[impact.HEADLINE, "high"] == m.loc["compliance_cost_usd_m", "high"]
# the options rank as the text says: as announced > partial > mobile route > no block
tot = summary.loc[summary["output"] == impact.HEADLINE].set_index("scenario")["median"]
assert tot["as_announced"] > tot["partial_enforcement"] > tot["mobile_number_route"] > tot["licensing_regime"]
# the mobile-number route lowers freelancers' losses against partial enforcement
assert idx.loc[("mobile_number_route", "freelance_earnings_lost_usd_m"), "median"] < \
    idx.loc[("partial_enforcement", "freelance_earnings_lost_usd_m"), "median"]
# as announced, individuals' time is the largest part of the money, firms' the smallest
parts = {o: idx.loc[("as_announced", o), "median"] for o in
         ["individual_loss_usd_m", "freelance_earnings_lost_usd_m", "value_added_lost_usd_m"]}
assert max(parts, key=parts.get) == "individual_loss_usd_m" and min(parts, key=parts.get) == "value_added_lost_usd_m"
assert idx.loc[("as_announced", "money_lost_usd_m"), "median"] < 0.25 * idx.loc[("as_announced", impact.HEADLINE), "median"]
assert (splits[list(evidence.KINDS)].to_numpy() <= 1).all() and (splits[list(evidence.KINDS)].to_numpy() >= 0).all()
# more than half of the spread of money at risk rests on assumptions in every enforced option
assert (splits.loc[splits["output"] == impact.HEADLINE, "assumption"] > 0.5).all()
print({k: precision.fmt(v) for k, v in parts.items()})

# %% [markdown]
# ## What this shows, and what it cannot
#
# - **Shows:** for each policy option, how many people, freelancers and firms a block would
#   reach and how much money would be at risk, each with its 90% range of simulated inputs
#   (tables above). Without a block (the licensing regime that happened, or registration
#   alone) nothing is at risk but the compliance cost of the firms that register.
# - **Firms lose least** once each group has its own duration: a firm is cut off for hours to
#   days (PTA's 8-10 hours to register), and part of export revenue is with firms that had
#   already registered (an assumed share, between the count share and SBP's firm-size data).
#   Individuals, with no route to register, carry most of the cost to society as lost time,
#   and that number rests on assumed hours and an assumed value of an hour; the money firms
#   and freelancers would lose is recorded on its own.
# - **Measured vs assumed:** the table above gives, for every output, the share of its spread
#   each kind of input explains; for the cost to society it is mostly assumptions in every
#   enforced option. The people counts rest more on measured inputs (internet users, the Gallup VPN
#   share), but their level is set by the option's assumed detection and switching.
# - **Cannot show:** real losses. The block was never enforced, so none of this was observed;
#   the ex-post export test is in `05`. The announced-but-unenforced rule may have cost orders
#   (P@SHA reported orders down 30%), a channel this model does not have.
