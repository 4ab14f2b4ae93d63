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
# # Did the deadline move IT exports? An ex-post counterfactual
#
# Industry bodies said the VPN restrictions cost hundreds of millions of dollars, "over $1m an
# hour", and fewer orders. If so, official monthly IT export remittances should have fallen below
# what they would otherwise have been after 30 November 2024. This notebook builds that "otherwise"
# three ways from the months before the deadline, compares it with what happened, and checks
# whether the answer is special to the deadline or would appear at any date.

# %% tags=["parameters"]
# Parameters (papermill can override these)
START = "2023-07"            # first month of the monthly series
HEADLINE_METHOD = "trend"    # the method quoted in the headline
DRAWS = 4000
SEED = 20241130
PLACEBO_HORIZON = 3          # months after each (placebo) deadline
ROBUSTNESS_STARTS = ["2023-07", "2023-10", "2023-12"]

# %%
import pandas as pd

from analysis import charts, data, events, notebook, precision
from analysis.models import counterfactual as cf
from analysis.report import results

notebook.setup()

DEADLINE_MONTH = str(events.first_month_after("registration_deadline"))  # first month after
exports = data.load("it_exports_monthly")
headline = cf.headline_monthly(exports, START)
y = pd.Series(headline["value"].to_numpy(), index=pd.PeriodIndex(headline["month"]), name="exports")
print(f"{len(y)} months, {y.index[0]} to {y.index[-1]}; labels used: {headline['series'].value_counts().to_dict()}")
print(f"months derived from cumulative totals: {', '.join(headline.loc[headline['flag'] == 'derived', 'month'].astype(str))}")
print(f"observed months: {(headline['flag'] == 'reported').sum()}")

# %% [markdown]
# ## One series from several labels
#
# The press reports SBP's monthly figure as "IT & ITeS", "ICT" or simply "IT exports". Where two
# labels give the same month, they agree to within a few percent; the one larger gap is November
# 2024 (a first release later revised), where we take the revised 310:

# %%
precision.table(cf.label_agreement(exports, START))

# %%
pd.Series(cf.LABEL_OVERRIDES, name="label taken instead").rename_axis("month").to_frame()

# %% [markdown]
# For context, the fiscal-year totals (SBP "IT & ITeS" where reported, else "ICT"):

# %%
fy = data.used(data.load("it_exports_period"))
fy = fy.loc[(fy["period_type"] == "fiscal_year") & fy["series"].isin(["sbp_it_ites", "sbp_ict"])]
fy = fy.sort_values(["period", "series"], ascending=[True, False]).groupby("period").head(1)
fy = fy.assign(year=fy["period"].str[2:].astype(int)).set_index("year")
fy["growth_pct"] = (100 * (fy["value"] / fy["value"].reindex(fy.index - 1).to_numpy() - 1)).round(1)
fy[["period", "series", "value", "growth_pct"]]  # growth only where the previous year is reported

# %% [markdown]
# Growth was fast in FY2024, the first year after SBP let IT exporters keep 50% (up from 35%)
# of their earnings in foreign-currency accounts, from October 2023, which drew more earnings home.
# That change sits inside our pre-period and cannot be separated from it.
#
# ## Three counterfactuals, fitted on the 17 months before December 2024

# %%
gaps = {m: cf.estimate(y, m, DEADLINE_MONTH, draws=DRAWS, seed=SEED) for m in cf.METHODS}
summary = pd.DataFrame({m: g.cumulative for m, g in gaps.items()}).T
summary.insert(0, "months_after", [g.n_post for g in gaps.values()])
summary.insert(0, "months_before", [g.n_pre for g in gaps.values()])
precision.table(summary, intervals={"gap": ("gap_low", "gap_high"), "gap_pct": ("gap_pct_low", "gap_pct_high")},
                counts=["months_before", "months_after", "observed"])

# %%
h = gaps[HEADLINE_METHOD].cumulative
print(f"{HEADLINE_METHOD}: Dec 2024-{y.index[-1]:%b %Y} exports {h['observed']:,.0f} vs counterfactual "
      f"{precision.fmt(h['counterfactual'])} million USD; gap "
      f"{precision.fmt_interval(h['gap'], h['gap_low'], h['gap_high'], unit='million', sign=True, kind='90% simulated interval')}, "
      f"{precision.fmt_interval(h['gap_pct'], h['gap_pct_low'], h['gap_pct_high'], unit='%', sign=True)}")

# %% [markdown]
# Monthly gaps of the headline method (USD million):

# %%
precision.table(gaps[HEADLINE_METHOD].monthly.set_index("month"), counts=["observed"])

# %%
print(f"highest month in the series: {y.idxmax()} ({y.max():,.0f} million USD); highest before the deadline: "
      f"{y.loc[:'2024-11'].idxmax()} ({y.loc[:'2024-11'].max():,.0f})")

# %% [markdown]
# The segmented regression on the whole series, with a step and a change of slope at December
# 2024 and HAC standard errors, in percent:

# %%
its = cf.its_step(y, DEADLINE_MONTH)
precision.table(its.to_frame("segmented regression").T,
                intervals={"step_pct": ("low", "high"), "slope_change_pct": ("slope_low", "slope_high")}, p=["p_value"])

# %% [markdown]
# ## Is the shortfall special to the deadline? Placebo deadlines
#
# If the models find a similar shortfall when the "deadline" is moved to earlier months, before
# any VPN deadline, the gap reflects the models (extrapolating fast 2023-24 growth) rather than the
# policy. Each placebo uses only data before December 2024 and the same horizon.

# %%
placebos = pd.concat({m: cf.placebo(y, m, horizon=PLACEBO_HORIZON, real_break=DEADLINE_MONTH, draws=1000, seed=SEED) for m in cf.METHODS},
                     names=["method"]).reset_index(level=0)
precision.table(placebos, counts=["rank"])

# %%
hp = placebos.loc[placebos["method"] == HEADLINE_METHOD].drop(columns="method").reset_index(drop=True)
charts.counterfactual.chart_placebo(hp, source=data.source_line(headline, "it_exports_monthly"))
for m, rows in placebos.groupby("method"):
    real = rows.loc[~rows["placebo"]].iloc[0]
    print(f"{m}: real deadline {real['mean_gap_pct']:+.1f}% over {PLACEBO_HORIZON} months, rank {real['rank']} of {len(rows)}; "
          f"placebos {rows.loc[rows['placebo'], 'mean_gap_pct'].min():+.1f}% to {rows.loc[rows['placebo'], 'mean_gap_pct'].max():+.1f}%")

# %% [markdown]
# Observed exports against the headline counterfactual, with the placebo verdict in the title:

# %%
marks = events.frame(["fx_retention_50pc", "firewall_slowdown", "registration_deadline"])
charts.counterfactual.chart_counterfactual(y, gaps[HEADLINE_METHOD], marks, placebos=hp,
                        source=data.source_line(headline, "it_exports_monthly"))

# %% [markdown]
# ## Robustness: method by pre-period start and window

# %%
rob = cf.robustness(y, ROBUSTNESS_STARTS, draws=2000, seed=SEED, break_month=DEADLINE_MONTH)
precision.table(rob, intervals={"gap_pct": ("gap_pct_low", "gap_pct_high")}, counts=["months_after", "n_pre"])

# %%
ok = rob.dropna(subset=["gap_pct"])
print(f"{len(ok)} specifications: gap {ok['gap_pct'].min():+.1f}% to {ok['gap_pct'].max():+.1f}%; "
      f"interval excludes zero in {(ok['gap_pct_high'] < 0).sum()} of {len(ok)}")

# %% [markdown]
# ## Freelance earnings
#
# There is no monthly freelance series, only fiscal-year figures from different bodies, on
# different definitions; they cannot support a counterfactual:

# %%
fr = data.used(data.load("freelance_remittances"))
fr.loc[fr["unit"] == "USD_million", ["period", "measure", "value", "unit"]]

# %%
hp_real = hp.loc[~hp["placebo"]].iloc[0]
results.record("05-exports-counterfactual", [
    {"key": "exports_gap_pct", "finding": f"IT exports vs {HEADLINE_METHOD} counterfactual, Dec 2024-{y.index[-1]:%b %Y}",
     "value": h["gap_pct"], "low": h["gap_pct_low"], "high": h["gap_pct_high"],
     "unit": "percent", "interval": "90%"},
    {"key": "exports_gap_usd_m", "finding": f"IT exports vs {HEADLINE_METHOD} counterfactual, Dec 2024-{y.index[-1]:%b %Y}",
     "value": h["gap"], "low": h["gap_low"], "high": h["gap_high"],
     "unit": "USD million", "interval": "90%"},
    {"key": "placebo_rank", "finding": f"Rank of the real deadline's 3-month gap among {len(hp)} real and placebo deadlines (1 = largest shortfall)",
     "value": int(hp_real["rank"]), "low": 1, "high": len(hp), "unit": "rank", "interval": "range"},
])

# %%
# The claims below, checked: FY2025 above FY2024 and the highest month in December 2025; every
# method puts exports below its counterfactual; a later pre-period start gives an interval that
# includes zero; only a few specifications exclude zero; a placebo deadline shows a gap at least
# as large as the real one.
assert fy.loc[2025, "value"] > fy.loc[2024, "value"] and str(y.idxmax()) == "2025-12"
assert (summary["gap_pct"] < 0).all()
assert (ok.loc[ok["start"] != "2023-07", "gap_pct_high"] > 0).all()
assert (ok["gap_pct_high"] < 0).sum() <= len(ok) / 3
assert hp.loc[hp["placebo"], "mean_gap_pct"].min() <= hp_real["mean_gap_pct"]

# %% [markdown]
# ## What this shows, and what it cannot
#
# - **Shows:** after the deadline, IT export remittances kept growing (FY2025 above FY2024; the
#   highest month of the series came in December 2025) but ran below the path extrapolated from
#   the 17 months before it; the gap and its interval are printed above for each method.
# - **The answer depends on the pre-period:** starting it in October 2023 or later, after the
#   foreign-currency retention change, shrinks the gap and its interval includes zero (the
#   robustness table); only a few of the specifications exclude zero.
# - **Cannot attribute that gap to the deadline:** placebo deadlines set in mid-2024, before any
#   VPN deadline, show gaps of similar size (the placebo table), so the shortfall reflects
#   growth slowing from a fast FY2024, itself lifted by the October 2023 foreign-currency
#   retention change, rather than a break at the deadline. With 17 pre-period months, three
#   placebo dates and three derived months, the test is weak in both directions.
# - **Cannot rule out:** losses hidden by the repatriation incentive (firms bringing home more of
#   a smaller total), informal earnings that never pass through SBP, work moved to firms or
#   accounts abroad, or effects on freelancers, whose earnings have no monthly series.
