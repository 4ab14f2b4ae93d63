"""Impact model: hand-computed answers, invariants, seeds, and loud errors on bad input."""

import numpy as np
import pandas as pd
import pytest

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
    assert out["blocked_platform_losing_m"] == pytest.approx(vpn_users * 0.6 * 0.5 * 0.5)


def test_freelancers_at_central_values_by_hand():
    out = impact.freelancers(central())
    exposed = 0.4 * (1 - 0.005) * 0.6 * 0.5
    assert out["freelancers_affected_k"] == pytest.approx(2.345 * exposed * 1000)
    assert out["freelance_earnings_at_risk_usd_m"] == pytest.approx(
        350.15 / 365 * 7 * exposed * 0.5
    )


def test_businesses_at_central_values_by_hand():
    out = impact.businesses(central())
    unregistered = 20711 - 1422
    per_day = 3810 / 365 * 0.3 * unregistered / 20711 * 0.6 * 0.5
    assert out["unregistered_firms"] == unregistered
    assert out["exports_at_risk_usd_m_per_day"] == pytest.approx(per_day)
    assert out["exports_at_risk_usd_m"] == pytest.approx(per_day * 7)
    assert out["compliance_hours_k"] == pytest.approx(unregistered * 6 / 1000)


def test_cost_methods_by_hand():
    p = central()
    c = impact.disruption_cost(p, 24, "blackout")
    day = 407.2 * 1000 / 365  # FY2025 GDP per day, USD million
    assert c["brookings"] == pytest.approx(day * 0.025)
    assert c["cost_calibrated"] == pytest.approx(2.21 * 24)  # COST's published rate
    assert c["deloitte"] == pytest.approx(day * 0.007)
    # NetLoss's USD 17m for 4 days of the May 2023 mobile shutdown, as a share of daily GDP
    assert c["netloss"] == pytest.approx(day * 17 / (4 * 338.37 * 1000 / 365 * 0.97), rel=1e-3)
    assert c["netloss"] < day  # the per-person figure gave 7.7 days of GDP for one day
    assert c["bottom_up"] == pytest.approx((3810 + 350.15) / 365)
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
        "internet_users_million": ["vpn_users_m", "cut_off_m", "net_cut_off_m"],
        "freelancers_million": ["freelancers_affected_k"],
    }[count]
    for out in scaled:
        assert doubled[out] == pytest.approx(2 * base[out])
    assert doubled["total_at_risk_usd_m"] == pytest.approx(base["total_at_risk_usd_m"])


def test_what_happened_puts_nothing_at_risk():
    table = impact.scenario(P, S, "what_happened", n=2_000)
    at_risk = table.set_index("output").loc[["cut_off_m", "total_at_risk_usd_m"], "high"]
    assert (at_risk == 0).all()


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


def test_tornado_and_rank_correlation_find_the_driver():
    table = params.for_scenario(P, S, "as_announced")
    tor = impact.tornado(table, "total_at_risk_usd_m")
    assert tor["swing"].is_monotonic_decreasing
    assert tor.loc[0, "parameter"] == "disruption_days"
    inputs, outputs = impact.simulate(table, 20_000, 1)
    rc = impact.rank_correlation(inputs, outputs, "total_at_risk_usd_m")
    assert rc.loc[0, "parameter"] == "disruption_days"


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
