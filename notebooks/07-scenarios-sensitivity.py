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
# # Which assumptions drive the answer, what to measure first, and ex ante against ex post
#
# The impact model (`06`) gives ranges; this notebook asks which parameters drive them, how
# much the dependence between detection, switching and duration changes them, which
# parameter would be worth measuring first and what that is worth, and compares the
# ex-ante "as announced" prediction with the ex-post export estimate (`05`). The cost of a
# disruption by each published method is in `08-disruption-costs`.

# %% tags=["parameters"]
# Parameters (papermill can override these)
DRAWS = 200_000
SEED = 20241130
SCENARIO = "as_announced"
OUTPUT = "total_at_risk_usd_m"
#: SALib's base sample (a power of two): SOBOL_N x (parameters + 2) model runs.
SOBOL_N = 2048
#: The option without a block, whose losses the decision compares with SCENARIO's.
NO_BLOCK = "registration_only"

# %%
import pandas as pd

from analysis import charts, data, events, labels, notebook, precision
from analysis.data import params as tables
from analysis.models import counterfactual as cf
from analysis.models import impact, sensitivity
from analysis.models import params as model_params

notebook.setup()

base = tables.load_parameters()
scenarios = tables.load_scenarios()
correlations = tables.load_correlations()
table = model_params.for_scenario(base, scenarios, SCENARIO)
src = data.source_line(base, "parameters")
#: The main outputs, one line per group (the narrative's choice; the tools take any output).
GROUPS = {
    "all groups (money)": OUTPUT,
    "businesses": "value_added_lost_usd_m",
    "freelancers (money)": "freelance_earnings_lost_usd_m",
    "freelancers (people)": "freelancers_affected_k",
    "individuals (money)": "individual_loss_usd_m",
    "individuals (people)": "net_cut_off_m",
}


def unit(output):
    return impact.OUTPUTS[output][0]

# %% [markdown]
# ## Sensitivity: one at a time
#
# Centred on the median of the scenario's draws (the figure `06` reports): each parameter
# fixed at its low and at its high bound while the others keep their draws:

# %%
inputs, outputs = impact.simulate(table, DRAWS, SEED, correlations)
tor = impact.tornado(table, OUTPUT, DRAWS, SEED, correlations, draws=(inputs, outputs))
print(f"{OUTPUT}, median of the draws (the headline of 06): {precision.fmt(tor.attrs['base'])} {unit(OUTPUT)}")
precision.table(tor.head(10))

# %%
charts.impact.chart_tornado(tor, OUTPUT, SCENARIO, source=src)

# %% [markdown]
# ## Sensitivity: all at once
#
# Spearman rank correlation between each parameter's draws and the output across the Monte
# Carlo (with the stated dependence, as in `06`), so interactions count:

# %%
rcs = impact.rank_correlations(inputs, outputs, [OUTPUT, "net_cut_off_m", "freelancers_affected_k"])
rc = rcs[OUTPUT]
precision.table(rc.head(10))

# %%
def drivers(frame, value):
    return ", ".join(f"{r.parameter} ({precision.fmt(getattr(r, value), sig=2, sign=True)})"
                     for r in frame.head(3).itertuples())


print("top three drivers:", drivers(rc, "spearman"))
for out in ["net_cut_off_m", "freelancers_affected_k"]:
    print(f"{out}: " + drivers(rcs[out], "spearman"))

# %% [markdown]
# ## Dependence: detection, switching and duration move together
#
# The draws above, like `06`'s, let the enforcement parameters move together, because they
# are not independent: a firewall that catches more protocols leaves fewer tools to switch to
# and keeps people cut off longer (switching itself is not linked to the durations: the model
# already takes those who switch out of the people cut off). `data/parameter_correlations.csv` states each rank correlation and its reason;
# every one is an **assumption** (no source measures two of these parameters together). The
# draws keep every parameter's own distribution exactly (a Gaussian copula on ranks: only
# the ranks move together), and the same random numbers with the dependence switched off
# give the independent version, so the two runs differ by the dependence alone.

# %%
correlations[["parameter_a", "parameter_b", "rank_correlation", "reason"]]

# %%
dep_in, dep_out = sensitivity.simulate(table, impact.run, DRAWS, SEED, correlations)
ind_in, ind_out = sensitivity.simulate(table, impact.run, DRAWS, SEED, correlations, dependence=False)
reached = pd.DataFrame([
    {"parameter_a": r.parameter_a, "parameter_b": r.parameter_b, "stated": r.rank_correlation,
     "with dependence": pd.Series(dep_in[r.parameter_a]).corr(pd.Series(dep_in[r.parameter_b]), method="spearman"),
     "independent": pd.Series(ind_in[r.parameter_a]).corr(pd.Series(ind_in[r.parameter_b]), method="spearman")}
    for r in correlations.itertuples()])
precision.table(reached, sig=2)

# %%
# Headline of each group with and without the dependence: median and 90% range of inputs.
with_dep = impact.summarize(dep_out).set_index("output")
without = impact.summarize(ind_out).set_index("output")
compare = pd.DataFrame([
    {"group": g, "output": o, "unit": unit(o),
     "with dependence": precision.fmt_interval(*with_dep.loc[o, ["median", "low", "high"]]),
     "independent": precision.fmt_interval(*without.loc[o, ["median", "low", "high"]]),
     "spread ratio": (with_dep.loc[o, "high"] - with_dep.loc[o, "low"]) / (without.loc[o, "high"] - without.loc[o, "low"])}
    for g, o in GROUPS.items()])
precision.table(compare, sig=2)

# %%
# The claims below, checked: the stated correlations are reached; the copula widens the money
# range (detection, duration and low switching pile up in the same draws) and leaves the
# medians of people cut off where they were.
assert (abs(reached["with dependence"] - reached["stated"]) < 0.01).all()
assert (abs(reached["independent"]) < 0.01).all()
assert compare.set_index("output").loc[OUTPUT, "spread ratio"] > 1
for o in (OUTPUT, "net_cut_off_m"):
    assert abs(with_dep.loc[o, "median"] / without.loc[o, "median"] - 1) < 0.01

# %% [markdown]
# ## Sobol indices beside the tornado
#
# The share of each output's variance a parameter explains alone (first-order index, S1) and
# with all its interactions (total index, ST), from SALib's Saltelli sample of the
# parameters that move the outputs, each turned into its own distribution by its inverse
# CDF. Sobol indices assume **independent** inputs, so they are computed on the independent
# version of the model; the copula's effect is the comparison above, and the value of
# information below uses the dependent draws. The brackets are **SALib's bootstrap
# confidence intervals** (95%, a normal approximation over the resamples): they measure the
# Monte Carlo error of the indices, not any uncertainty in the world.

# %%
sob = sensitivity.sobol(table, impact.run, list(GROUPS.values()), n_base=SOBOL_N, seed=SEED)
sob = sob.assign(S1_low=sob["S1"] - sob["S1_conf"], S1_high=sob["S1"] + sob["S1_conf"],
                 ST_low=sob["ST"] - sob["ST_conf"], ST_high=sob["ST"] + sob["ST_conf"])
top_sobol = sob.groupby("output", sort=False).head(3)
precision.table(top_sobol[["output", "parameter", "S1", "S1_low", "S1_high", "ST", "ST_low", "ST_high"]],
                intervals={"S1": ("S1_low", "S1_high"), "ST": ("ST_low", "ST_high")})

# %%
money = sob.loc[sob["output"] == OUTPUT].reset_index(drop=True)
for r in money.head(3).itertuples():
    print(f"{r.parameter}: total index {precision.fmt_interval(r.ST, r.ST_low, r.ST_high, kind='95% bootstrap confidence interval')}")

# %%
# The claims below, checked: the Sobol ranking of money at risk agrees with the tornado's
# first two; the top three are all about individuals' lost time (how long, how many hours a
# day, what an hour is worth); interactions matter (ST well above S1), since that loss is
# their product.
assert list(money["parameter"].iloc[:2]) == list(tor["parameter"].iloc[:2])
assert set(money["parameter"].iloc[:3]) == {"individual_disruption_days", "individual_hours_lost_per_day",
                                            "value_of_time_usd_per_hour"}
assert money["ST"].iloc[0] - money["S1"].iloc[0] > 0.05

# %% [markdown]
# ## What to measure first, and what it is worth
#
# **The decision.** Enforce the block as announced (the loss is the money at risk drawn by
# the model) or register without a block (the loss is what the model gives for "what
# happened", plus the block's aim forgone, valued at W). Nobody publishes W, so it is set at
# the break-even where, on what we know today, the two options have the same expected loss
# (W = the expected money at risk). That is where information is worth most: the expected
# value of perfect information (EVPI, what knowing every parameter would save a
# decision-maker on average) falls for any other W, so the figures below are upper bounds
# for anyone weighing the block's aim against its money at risk.
#
# **Each parameter's worth** is its expected value of partial perfect information (EVPPI),
# what knowing that parameter alone would save: the losses are regressed on the parameter
# with a piecewise-linear regression spline (a single loop, Strong and Oakley's method), on the same
# dependent draws. A parameter correlated with another carries some of its worth: by our
# assumed dependence, learning detection also tells us about duration.

# %%
none_table = model_params.for_scenario(base, scenarios, NO_BLOCK)
_, none_out = sensitivity.simulate(none_table, impact.run, DRAWS, SEED, correlations)
_, none_ind = sensitivity.simulate(none_table, impact.run, DRAWS, SEED, correlations, dependence=False)
names = sensitivity.varying(table)
voi, at_w = {}, {}
for o in GROUPS.values():
    losses, at_w[o] = sensitivity.break_even(dep_out[o], none_out[o])
    voi[o] = sensitivity.voi_table(dep_in, losses, names, sensitivity.influential(table, impact.run, [o], SEED))
losses_ind, _ = sensitivity.break_even(ind_out[OUTPUT], none_ind[OUTPUT])
voi_ind = sensitivity.voi_table(ind_in, losses_ind, names, sensitivity.influential(table, impact.run, [OUTPUT], SEED))
first = voi[OUTPUT].merge(voi_ind[["parameter", "evppi"]].rename(columns={"evppi": "evppi_independent"}), on="parameter")
# Values of information are printed at two significant figures: other seeds move them by
# about 1%.
print(f"decision: {SCENARIO} against {NO_BLOCK} + W, W = USD {precision.fmt(at_w[OUTPUT], sig=2)} million (break-even)")
print(f"EVPI: USD {precision.fmt(voi[OUTPUT].attrs['evpi'], sig=2)} million with dependence, "
      f"USD {precision.fmt(voi_ind.attrs['evpi'], sig=2)} million independent")
precision.table(first.rename(columns={"evppi": "EVPPI, USD million", "share_of_evpi": "share of EVPI",
                                      "evppi_independent": "EVPPI if independent"}).head(10), sig=2)

# %%
# The EVPI at other values of the aim W: largest at the break-even, smaller either side.
d = pd.DataFrame({"act": dep_out[OUTPUT], "none": none_out[OUTPUT]})
evpi_w = pd.DataFrame([
    {"W as a multiple of break-even": k, "W, USD million": k * at_w[OUTPUT],
     "EVPI, USD million": sensitivity.evpi(d.assign(none=d["none"] + k * at_w[OUTPUT]).to_numpy())}
    for k in (0.5, 1.0, 2.0)])
precision.table(evpi_w, keep=["W as a multiple of break-even"], sig=2)

# %%
# Per group: the three parameters worth most to measure, each group's output taken as the
# decision's loss in its own unit (money in USD million, people in their unit).
per_group = pd.concat([
    voi[o].head(3).assign(group=g, output=o, unit=unit(o), evpi=voi[o].attrs["evpi"])
    for g, o in GROUPS.items()])
precision.table(per_group[["group", "output", "parameter", "evppi", "share_of_evpi", "evpi", "unit"]], sig=2)

# %%
# The claims below, checked: every EVPPI is between zero and the EVPI; the EVPI is largest at
# the break-even; how long individuals stay cut off is worth most to measure for money at
# risk, then the hours a day they lose and the value of an hour, with detection next.
for v in voi.values():
    assert ((v["evppi"] >= 0) & (v["evppi"] <= v.attrs["evpi"] * 1.01)).all()
assert evpi_w["EVPI, USD million"].idxmax() == 1
assert voi[OUTPUT]["parameter"].iloc[0] == "individual_disruption_days"
assert set(voi[OUTPUT]["parameter"].iloc[:4]) == {"individual_disruption_days", "individual_hours_lost_per_day",
                                                  "value_of_time_usd_per_hour", "detection_efficacy"}
# and the dependence is what makes detection worth measuring: without it it is worth a fraction
# as much, because with it it also tells us about the durations
ratio = first.set_index("parameter").eval("evppi / evppi_independent")
assert ratio["detection_efficacy"] > 2
# the values of information are largest at the break-even: a few times smaller at half or twice it
assert (evpi_w["EVPI, USD million"].drop(1) < 0.5 * evpi_w["EVPI, USD million"].loc[1]).all()

# %%
from analysis.report import results


def two(x):
    return precision.rounded(x, sig=2)[0]


rec = []
for i, r in enumerate(money.head(3).itertuples(), start=1):
    rec.append({"key": f"{SCENARIO}_{OUTPUT}_sobol_total_{i}",
                "finding": f"Parameter with the {['largest', 'second-largest', 'third-largest'][i - 1]} Sobol total "
                           f"index of the cost to society if enforced as announced (share of its variance, "
                           f"independent inputs; interval: SALib's bootstrap): "
                           f"{labels.label(r.parameter, 'parameter')}",
                "value": r.ST, "low": r.ST_low, "high": r.ST_high, "unit": "share of variance",
                "interval": "95%", "interval_kind": "confidence"})
for i, r in enumerate(voi[OUTPUT].head(3).itertuples(), start=1):
    rec.append({"key": f"{SCENARIO}_{OUTPUT}_evppi_{i}",
                "finding": f"What measuring this would be worth, {['first', 'second', 'third'][i - 1]} "
                           f"of all parameters (EVPPI; enforce as announced or register without a block, "
                           f"at the break-even value of the block's aim, where it is largest: an upper bound): "
                           f"{labels.label(r.parameter, 'parameter')}",
                "value": two(r.evppi), "low": two(r.evppi), "high": two(r.evppi), "unit": "USD million",
                "interval": "", "interval_kind": "inputs"})
rec.append({"key": f"{SCENARIO}_{OUTPUT}_evpi",
            "finding": "What knowing every parameter would be worth, an upper bound (EVPI; the same decision)",
            "value": two(voi[OUTPUT].attrs["evpi"]), "low": two(voi[OUTPUT].attrs["evpi"]),
            "high": two(voi[OUTPUT].attrs["evpi"]), "unit": "USD million", "interval": "", "interval_kind": "inputs"})
results.record("07-scenarios-sensitivity", rec)

# %% [markdown]
# The cost of a disruption by each published method, bounded by the economy it hits, and the
# back-test of those methods against published figures, are in `08-disruption-costs`.
#
# ## Ex ante against ex post
#
# What the "as announced" model says a month of enforcement would put at risk in IT exports,
# beside what the ex-post counterfactual (`05`) measured after the deadline, when no block
# came:

# %%
month = impact.scenario(base, scenarios, SCENARIO, DRAWS, SEED, {"freelancer_disruption_days": 30}, correlations=correlations).set_index("output").loc["revenue_at_risk_usd_m"]
h = cf.headline_monthly(data.load("it_exports_monthly"))
y = pd.Series(h["value"].to_numpy(), index=pd.PeriodIndex(h["month"]))
post = cf.estimate(y, "trend", str(events.first_month_after("registration_deadline")), draws=4000, seed=SEED).monthly.iloc[0]
print(f"ex ante, {SCENARIO}, a 30-day block (firms cut off until they register): USD {precision.fmt_interval(month['median'], month['low'], month['high'])} million at risk")
print(f"ex post, December 2024 (no block): gap USD {precision.fmt_interval(post['gap'], post['gap_low'], post['gap_high'], sign=True)} million against the trend counterfactual")

# %%
# The claims below, checked: how long individuals stay cut off, then how many hours a day
# they lose, drive money at risk; the tornado is centred on 06's headline median.
assert list(tor["parameter"].iloc[:2]) == ["individual_disruption_days", "individual_hours_lost_per_day"]
assert tor.attrs["base"] == impact.scenario(base, scenarios, SCENARIO, DRAWS, SEED, correlations=correlations).set_index("output").loc[OUTPUT, "median"]

# %% [markdown]
# ## What this shows, and what it cannot
#
# - **Drivers:** the tornado, the rank correlations and the Sobol indices name the parameters
#   that move each answer most; for money at risk under "as announced" it is individuals'
#   lost time: how long they stay cut off, how many hours a day they lose and what an hour is
#   worth, all three assumptions (most of the money at risk is individuals' time, `06`). For
#   firms it is how long they wait to register and how much of their revenue needs a VPN;
#   for freelancers, how long they are cut off and how many need a VPN.
# - **Dependence:** the correlations between detection, switching and duration are stated
#   assumptions, not measurements; with them the money range widens (the bad cases coincide)
#   while the medians barely move. Sobol indices are computed without them, because they
#   assume independent inputs.
# - **What to measure first:** how long individuals stay cut off, then the hours a day they
#   lose and what an hour of that use is worth (a time-use and willingness-to-pay survey of
#   VPN users would measure the last two; the first depends also on how long a block would
#   last, a policy choice no survey measures); with the assumed dependence, detection comes
#   next, because measuring it also tells us about the durations (independent, it is worth a
#   fraction as much).
# - **Caveats of the values of information:** they are upper bounds, for one stylised decision
#   (a block as announced or registration without one) at the value of the block's aim where
#   the choice is closest (at half or twice that value they are several times smaller, the W
#   table); they rank what to measure and bound what measuring is worth to
#   such a decision, in the model's own terms (money at risk: value added, earnings,
#   compliance and time, not a full welfare measure). They are as good as the ranges and
#   correlations they rest on.
# - **Ex ante vs ex post:** the model's one-month "as announced" figure is a prediction for a
#   block that never came; the December 2024 export gap was measured with no block in force,
#   and `05` shows such gaps also appear at placebo dates, so the two cannot validate each
#   other.
