"""Property tests: no cost method can cost more than the economy it hits."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.data import params as tables
from analysis.data import regions
from analysis.models import impact
from analysis.models import params as model_params

P = tables.load_parameters()
BOUNDS = P.set_index("parameter")[["low", "high"]]
REGION_SHARES = regions.gdp_shares().set_index("region")


@st.composite
def parameter_sets(draw):
    """Any value of every parameter within its published bounds."""
    return {k: draw(st.floats(lo, hi)) for k, (lo, hi) in BOUNDS.iterrows()}


hours = st.floats(min_value=1e-3, max_value=impact.MAX_HOURS)
kinds = st.sampled_from(impact.KINDS)
shares = st.floats(0, 1)


@settings(max_examples=300, deadline=None)
@given(parameter_sets(), hours, kinds, shares, shares)
def test_every_method_stays_within_the_area_gdp_it_can_touch(p, h, kind, gdp_share, reach):
    costs = impact.disruption_cost(p, h, kind, gdp_share, reach)
    area = p["gdp_usd_billion"] * 1000 / 365 * h / 24 * gdp_share
    touched = impact.affected_share(p, kind) * reach
    sector = (p["it_exports_usd_million"] + p["freelance_earnings_usd_million"]) / 365 * h / 24
    for method, cost in costs.items():
        assert cost >= 0
        assert cost <= area * touched * (1 + 1e-9) + 1e-12, method
    assert costs["bottom_up"] <= sector * gdp_share * (1 + 1e-9) + 1e-12


@settings(max_examples=40, deadline=None)
@given(hours, kinds, st.sampled_from(sorted(REGION_SHARES.index)))
def test_drawn_costs_for_any_region_stay_below_its_gdp(h, kind, region):
    lo, hi = REGION_SHARES.loc[region, ["share_low", "share_high"]]
    table = impact.cost_table(P, h, kind, (lo, hi), "event_share_cities", n=500, seed=3)
    area_max = float(BOUNDS.loc["gdp_usd_billion", "high"]) * 1000 / 365 * h / 24 * hi
    assert (table["high"] <= area_max).all()
    assert (table["share_of_area_gdp"] <= 1).all() and (table["low"] >= 0).all()


def test_the_old_per_person_method_would_have_failed_the_bound():
    """USD 86.58 per person-day x 116m users is 9 times Pakistan's daily GDP."""
    p = model_params.central(P)
    per_person = p["internet_users_million"] * p["netloss_usd_per_person_day"]
    daily_gdp = p["gdp_usd_billion"] * 1000 / 365
    assert per_person / daily_gdp > 7
    try:
        impact.check_bounds({"netloss": per_person}, daily_gdp, np.inf)
    except impact.BoundError as exc:
        assert "exceeds the GDP of the area and period" in str(exc)
    else:
        raise AssertionError("the bound let an impossible cost through")
