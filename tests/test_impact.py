"""Impact model: hand-computed answers, invariants, seeds, and loud errors on bad input."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import data
from analysis.data import params as tables
from analysis.models import impact, params

P = tables.load_parameters()
S = tables.load_scenarios()


def central(**changes):
    return {**params.central(P), **changes}


def test_access_at_central_values_by_hand():
    p = central()
    out = impact.access(p)
    vpn_users = 116 * 0.18  # DataReportal 2025 x Gallup Feb 2025
    assert out["vpn_users_m"] == pytest.approx(vpn_users)
    assert out["cut_off_m"] == pytest.approx(vpn_users * 0.6)
    assert out["net_cut_off_m"] == pytest.approx(vpn_users * 0.6 * 0.5)
    losing = vpn_users * 0.6 * 0.5 * 0.55
    assert out["blocked_platform_losing_m"] == pytest.approx(losing)
    # a week cut off, an hour a day, a quarter of the LFS average wage per hour (half the
    # benchmark for a whole hour of time: the hour of use is not lost, only changed)
    assert out["individual_hours_lost_m"] == pytest.approx(losing * 7 * 1)
    assert out["individual_loss_usd_m"] == pytest.approx(losing * 7 * 1 * 0.175)


def test_freelancers_at_central_values_by_hand():
    out = impact.freelancers(central())
    exposed = 0.58 * (1 - 0.00395) * 0.6 * 0.5
    assert out["freelancers_affected_k"] == pytest.approx(2.345 * exposed * 1000)
    # 9MFY2025 USD 400m annualised on IT exports' own full-year ratio, a week cut off
    at_risk = 400 * 3810 / 2824 / 365 * 7 * exposed * 0.5
    assert out["freelance_earnings_at_risk_usd_m"] == pytest.approx(at_risk, rel=1e-4)
    assert out["freelance_earnings_lost_usd_m"] == pytest.approx(at_risk * (1 - 0.4), rel=1e-4)


def test_businesses_at_central_values_by_hand():
    out = impact.businesses(central())
    unregistered = 20711 - 1789
    revenue = 3810 * (1 - 0.1477)  # freelancers' receipts are inside ICT exports
    per_day = revenue / 365 * 0.3 * (1 - 0.4) * 0.6 * 0.5
    assert out["unregistered_firms"] == unregistered
    assert out["exports_at_risk_usd_m_per_day"] == pytest.approx(per_day)
    assert out["exports_at_risk_usd_m"] == pytest.approx(per_day * 2)  # two days to register
    assert out["value_added_lost_usd_m"] == pytest.approx(per_day * 2 * 0.7997 * (1 - 0.4))
    registering = unregistered * 0.8
    assert out["compliance_hours_k"] == pytest.approx(registering * 6 / 1000)
    assert out["compliance_cost_usd_m"] == pytest.approx(
        (registering * 6 * 2.1 + registering * 5.07 * 6) / 1e6
    )


def test_money_totals_count_nothing_twice():
    out = impact.run(central())
    assert out["revenue_at_risk_usd_m"] == pytest.approx(
        out["exports_at_risk_usd_m"] + out["freelance_earnings_at_risk_usd_m"]
    )
    assert out["total_at_risk_usd_m"] == pytest.approx(
        out["value_added_lost_usd_m"]
        + out["freelance_earnings_lost_usd_m"]
        + out["compliance_cost_usd_m"]
        + out["individual_loss_usd_m"]
    )
    # firms' revenue base leaves out the freelancers' share of ICT exports
    with_freelancers = impact.businesses(central(freelance_share_of_ict_exports=0.0))
    assert out["exports_at_risk_usd_m"] == pytest.approx(
        with_freelancers["exports_at_risk_usd_m"] * (1 - 0.1477)
    )


def test_each_group_has_its_own_duration():
    base = impact.run(central())
    firms = impact.run(central(firm_disruption_days=4))
    assert firms["exports_at_risk_usd_m"] == pytest.approx(2 * base["exports_at_risk_usd_m"])
    assert firms["freelance_earnings_at_risk_usd_m"] == base["freelance_earnings_at_risk_usd_m"]
    assert firms["individual_loss_usd_m"] == base["individual_loss_usd_m"]
    people = impact.run(central(individual_disruption_days=14))
    assert people["individual_loss_usd_m"] == pytest.approx(2 * base["individual_loss_usd_m"])
    assert people["exports_at_risk_usd_m"] == base["exports_at_risk_usd_m"]


def test_revenue_weighted_registration_lowers_exposure():
    count_weighted = impact.run(central(registered_revenue_share=1789 / 20711))
    revenue_weighted = impact.run(central())
    assert revenue_weighted["exports_at_risk_usd_m"] < count_weighted["exports_at_risk_usd_m"]


def test_firm_duration_rests_on_the_registration_time_in_the_data():
    rules = data.load("registration_rules").set_index("rule_id")
    hours = rules.loc["processing-vpn-registration-8-10-hours"]
    row = P.set_index("parameter").loc["firm_disruption_days"]
    assert row["low"] == pytest.approx(hours["value_high"] / 24, abs=0.005)


def test_cost_methods_by_hand():
    p = central()
    c = impact.disruption_cost(p, 24, "blackout")
    day = 407.2 * 1000 / 365  # FY2025 GDP per day, USD million
    assert c["brookings"] == pytest.approx(day * 0.025)
    assert c["cost_calibrated"] == pytest.approx(2.21 * 24)  # COST's published rate
    assert c["deloitte"] == pytest.approx(day * 0.004)
    # NetLoss's USD 17m for 4 days of the May 2023 mobile shutdown, as a share of daily GDP
    assert c["netloss"] == pytest.approx(day * 17 / (4 * 338.37 * 1000 / 365 * 0.97), rel=1e-3)
    assert c["netloss"] < day  # the per-person figure gave 7.7 days of GDP for one day
    # freelancers' receipts are inside ICT exports (SBP): the sector is the export total alone
    assert c["bottom_up"] == pytest.approx(3810 / 365, rel=1e-4)
    mobile = impact.disruption_cost(p, 24, "mobile")
    assert mobile["brookings"] == pytest.approx(c["brookings"] * 0.97)
    regional = impact.disruption_cost(p, 24, "blackout", gdp_share=0.044, reach=0.5)
    assert regional["deloitte"] == pytest.approx(c["deloitte"] * 0.044 * 0.5)


def test_stronger_enforcement_never_cuts_off_fewer():
    weak = params.for_scenario(P, S, "partial_enforcement")
    strong = params.for_scenario(P, S, "as_announced")
    _, a = impact.simulate(weak, 20_000, 5)
    _, b = impact.simulate(strong, 20_000, 5)
    assert (b["cut_off_m"] >= a["cut_off_m"]).all()  # draw by draw (common random numbers)
    for detection in np.linspace(0, 1, 11):
        lower = impact.run(central(detection_efficacy=detection))["cut_off_m"]
        higher = impact.run(central(detection_efficacy=min(detection + 0.1, 1)))["cut_off_m"]
        assert higher >= lower


@pytest.mark.parametrize("count", ["internet_users_million", "freelancers_million"])
def test_outputs_scale_linearly_in_counts(count):
    base = impact.run(central())
    doubled = impact.run(central(**{count: 2 * central()[count]}))
    scaled = {
        "internet_users_million": [
            "vpn_users_m",
            "cut_off_m",
            "net_cut_off_m",
            "individual_loss_usd_m",
        ],
        "freelancers_million": ["freelancers_affected_k"],
    }[count]
    for out in scaled:
        assert doubled[out] == pytest.approx(2 * base[out])
    assert doubled["revenue_at_risk_usd_m"] == pytest.approx(base["revenue_at_risk_usd_m"])


@pytest.mark.parametrize("name", ["licensing_regime", "registration_only"])
def test_no_block_puts_nothing_at_risk_but_compliance(name):
    table = impact.scenario(P, S, name, n=2_000).set_index("output")
    at_risk = table.loc[["cut_off_m", "revenue_at_risk_usd_m", "individual_loss_usd_m"], "high"]
    assert (at_risk == 0).all()
    assert table.loc["total_at_risk_usd_m", "high"] == table.loc["compliance_cost_usd_m", "high"]


def test_same_seed_same_output_to_the_last_digit():
    a = impact.scenario(P, S, "as_announced", n=5_000, seed=11)
    b = impact.scenario(P, S, "as_announced", n=5_000, seed=11)
    pd.testing.assert_frame_equal(a, b)
    c = impact.scenario(P, S, "as_announced", n=5_000, seed=12)
    assert not a["median"].equals(c["median"])


def test_vectorised_and_plain_python_agree():
    table = params.for_scenario(P, S, "partial_enforcement")
    inputs, outputs = impact.simulate(table, 50, 3)
    for i in range(50):
        one = impact.run({k: float(v[i]) for k, v in inputs.items()})
        assert one["total_at_risk_usd_m"] == pytest.approx(outputs["total_at_risk_usd_m"][i])
        assert one["revenue_at_risk_usd_m"] == pytest.approx(outputs["revenue_at_risk_usd_m"][i])


def test_tornado_and_rank_correlation_find_the_driver():
    table = params.for_scenario(P, S, "as_announced")
    tor = impact.tornado(table, "total_at_risk_usd_m", n=20_000, seed=1)
    assert tor["swing"].is_monotonic_decreasing
    # how long individuals are cut off and how many hours a day they lose: a near tie
    assert set(tor["parameter"].iloc[:2]) == {
        "individual_disruption_days",
        "individual_hours_lost_per_day",
    }
    inputs, outputs = impact.simulate(table, 20_000, 1)
    rc = impact.rank_correlation(inputs, outputs, "total_at_risk_usd_m")
    assert rc.loc[0, "parameter"] in {"individual_disruption_days", "individual_hours_lost_per_day"}


def test_tornado_is_centred_on_the_headline_median():
    table = params.for_scenario(P, S, "as_announced")
    tor = impact.tornado(table, "total_at_risk_usd_m", n=5_000, seed=3)
    head = impact.scenario(P, S, "as_announced", n=5_000, seed=3).set_index("output")
    assert tor.attrs["base"] == head.loc["total_at_risk_usd_m", "median"]
    lead = tor.iloc[0]
    assert (
        min(lead["at_low"], lead["at_high"])
        < tor.attrs["base"]
        < max(lead["at_low"], lead["at_high"])
    )


def test_tornado_on_given_draws_is_the_tornado_that_draws_them():
    table = params.for_scenario(P, S, "as_announced")
    own = impact.tornado(table, "total_at_risk_usd_m", n=5_000, seed=3)
    given = impact.tornado(
        table, "total_at_risk_usd_m", draws=impact.simulate(table, 5_000, 3), n=5_000, seed=3
    )
    pd.testing.assert_frame_equal(own, given)
    assert own.attrs == given.attrs


def test_rank_correlations_of_several_outputs_are_each_output_alone():
    table = params.for_scenario(P, S, "as_announced")
    inputs, outputs = impact.simulate(table, 5_000, 2)
    names = ["total_at_risk_usd_m", "net_cut_off_m"]
    both = impact.rank_correlations(inputs, outputs, names)
    from scipy import stats

    for name in names:
        for r in both[name].itertuples():
            rho = stats.spearmanr(inputs[r.parameter], outputs[name]).statistic
            assert r.spearman == pytest.approx(rho, abs=1e-12)


def test_data_derived_parameters_match_the_data():
    p = params.central(P)
    users = data.used(data.load("internet_users"))
    dr = users.loc[(users["estimator"] == "DataReportal") & (users["metric"] == "internet_users")]
    assert p["internet_users_million"] == dr.sort_values("date")["value"].iloc[-1]
    gallup = (
        data.load("vpn_surveys")
        .set_index(["surveyor", "group"])
        .loc[("Gallup Pakistan", "all"), "share"]
    )
    assert p["vpn_user_share"] == gallup
    free = data.load("freelancer_estimates")
    counts = free.loc[free["metric"].isin(["freelancers_count", "active_freelancers"]), "value"]
    low = P.set_index("parameter").loc["freelancers_million"]
    assert (low["low"], low["central"], low["high"]) == pytest.approx(
        (counts.min(), counts.median(), counts.max())
    )


# ------------------------------------------------------------------ loud errors


def _bad(**row):
    table = P.copy()
    i = table.index[table["parameter"] == row.pop("parameter")][0]
    for k, v in row.items():
        table.loc[i, k] = v
    return table


def test_bounds_out_of_order_name_the_parameter():
    with pytest.raises(
        params.ParameterError,
        match=r"'vpn_user_share': expected low <= "
        r"central <= high, got 0.3, 0.18, 0.24",
    ):
        params.check(_bad(parameter="vpn_user_share", low=0.3))


def test_share_above_one_names_the_parameter():
    with pytest.raises(
        params.ParameterError,
        match=r"'switch_share' is a share: expected "
        r"values in \[0, 1\]",
    ):
        params.check(_bad(parameter="switch_share", high=1.5))


def test_unknown_distribution_names_the_parameter():
    with pytest.raises(
        params.ParameterError,
        match=r"'switch_share': unknown distribution "
        r"'beta'",
    ):
        params.check(_bad(parameter="switch_share", distribution="beta"))


def test_unknown_scenario_lists_the_known_ones():
    with pytest.raises(
        params.ParameterError,
        match=r"unknown scenario 'total_ban'; expected "
        r"one of base, as_announced",
    ):
        params.for_scenario(P, S, "total_ban")


def test_unknown_override_is_rejected():
    with pytest.raises(params.ParameterError, match=r"unknown parameter 'vpn_share' in --set"):
        params.for_scenario(P, S, "base", {"vpn_share": 0.2})


def test_override_out_of_range_is_rejected():
    with pytest.raises(params.ParameterError, match=r"'switch_share' is a share"):
        params.for_scenario(P, S, "base", {"switch_share": 2.0})


def test_bad_disruption_arguments():
    p = central()
    with pytest.raises(params.ParameterError, match="unknown disruption type 'wifi'"):
        impact.disruption_cost(p, 5, "wifi")
    with pytest.raises(params.ParameterError, match="gdp_share must be a share in"):
        impact.disruption_cost(p, 5, "blackout", gdp_share=1.5)
    with pytest.raises(params.ParameterError, match="hours must be > 0"):
        impact.disruption_cost(p, 0)
    with pytest.raises(params.ParameterError, match="at most 8,784"):
        impact.disruption_cost(p, 9000)


def test_a_cost_above_the_economy_is_refused():
    p = {**central(), "cost_usd_m_per_hour": 1e6}  # a rate far above Pakistan's hourly GDP
    with pytest.raises(impact.BoundError, match="cost_calibrated: cost .* exceeds the GDP"):
        impact.disruption_cost(p, 24)


# ------------------------------------------------------------------ impossible outputs


def _widest(r):
    """The widest range a parameter takes in the table or any scenario."""
    over = S.loc[S["parameter"] == r.parameter]
    return float(min([r.low, *over["low"]])), float(max([r.high, *over["high"]]))


_RANGES = {r.parameter: _widest(r) for r in P.itertuples()}
_any_params = st.fixed_dictionaries(
    {k: st.floats(lo, hi, allow_nan=False) for k, (lo, hi) in _RANGES.items()}
)


@settings(max_examples=300, deadline=None)
@given(_any_params)
def test_no_parameters_in_any_range_give_an_impossible_output(p):
    out = impact.check_outputs(impact.run(p))
    assert all(np.asarray(v) >= 0 for v in out.values())
    assert out["net_cut_off_m"] <= out["vpn_users_m"] * (1 + 1e-12)
    # revenue at risk never exceeds what firms and freelancers earn over their cut-off
    days = max(p["firm_disruption_days"], p["freelancer_disruption_days"])
    earned = (p["it_exports_usd_million"] + p["freelance_earnings_usd_million"]) / 365 * days
    assert out["revenue_at_risk_usd_m"] <= earned * (1 + 1e-12)
    assert out["value_added_lost_usd_m"] <= out["exports_at_risk_usd_m"] * (1 + 1e-12)
    # and the money at risk stays below GDP over the longest cut-off
    longest = max(days, p["individual_disruption_days"])
    assert out["total_at_risk_usd_m"] < p["gdp_usd_billion"] * 1000 / 365 * longest


def test_an_impossible_output_is_refused():
    out = impact.run(central())
    with pytest.raises(impact.ImpossibleError, match="exports_at_risk_usd_m is negative"):
        impact.check_outputs({**out, "exports_at_risk_usd_m": -1.0})
    with pytest.raises(impact.ImpossibleError, match="net_cut_off_m exceeds vpn_users_m"):
        impact.check_outputs({**out, "net_cut_off_m": out["vpn_users_m"] * 2})
    with pytest.raises(impact.ImpossibleError):
        impact.simulate(params.with_overrides(P, {"registered_companies": 30000}), 10, 1)
