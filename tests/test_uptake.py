"""Uptake curves: recover a generated curve; refuse bad input; fit the real counts."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis import data
from analysis.data import registrations
from analysis.models import uptake

START = pd.Timestamp("2024-11-10")  # day 0 of a synthetic campaign
DEADLINE = pd.Timestamp("2024-11-30")
DATES = pd.date_range(START, periods=12, freq="3D")


def _counts(model="logistic", a=10_000.0, r=0.25, t0=14.0, base=20_000.0, noise=0.0, seed=0):
    t = np.asarray((DATES - START).days, dtype=float)
    rng = np.random.default_rng(seed)
    return base + uptake.MODELS[model](t, a, r, t0) + rng.normal(0, noise, len(t))


@pytest.mark.parametrize("model", ["logistic", "gompertz"])
def test_recovers_a_generated_curve(model):
    fit = uptake.fit_uptake(DATES, _counts(model, noise=50.0), 20_000.0, model, start=START)
    a, r, t0 = fit.params
    assert a == pytest.approx(10_000, rel=0.05)
    assert r == pytest.approx(0.25, rel=0.15)
    assert t0 == pytest.approx(14, abs=1.0)


def test_implications_of_an_exact_curve():
    fit = uptake.fit_uptake(DATES, _counts(), 20_000.0, start=START)
    imp = uptake.implications(fit, DEADLINE).set_index("quantity")
    # logistic: at t0 half the additions are in; 95% at t0 + ln(19)/r
    assert imp.loc["registrations at saturation", "central"] == pytest.approx(30_000, rel=1e-3)
    assert imp.loc["days from campaign start to 95% of additions", "central"] == pytest.approx(
        14 + np.log(19) / 0.25, rel=1e-3
    )


def test_band_contains_the_fit_and_is_reproducible():
    fit = uptake.fit_uptake(DATES, _counts(noise=200.0), 20_000.0, start=START)
    a = uptake.predict(fit, DATES, seed=3)
    b = uptake.predict(fit, DATES, seed=3)
    assert a.equals(b)
    assert ((a["low"] <= a["fitted"] + 1e-6) & (a["fitted"] <= a["high"] + 1e-6)).all()


def test_too_few_points():
    with pytest.raises(ValueError, match="3 counts cannot identify 3 parameters"):
        uptake.fit_uptake(DATES[:3], _counts()[:3], 20_000.0, start=START)


def test_unsorted_dates():
    with pytest.raises(ValueError, match="not sorted"):
        uptake.fit_uptake(DATES[::-1], _counts()[::-1], 20_000.0, start=START)


def test_duplicate_dates():
    dates = DATES.insert(1, DATES[0])
    with pytest.raises(ValueError, match="appears more than once"):
        uptake.fit_uptake(dates, np.append(_counts()[:1], _counts()), 20_000.0, start=START)


def test_unknown_model():
    with pytest.raises(ValueError, match="unknown model 'richards'"):
        uptake.fit_uptake(DATES, _counts(), 20_000.0, "richards", start=START)


def test_ratio_range_orders_bounds():
    assert uptake.ratio_range((1, 2, 3), (10, 20, 40)) == (1 / 40, 2 / 20, 3 / 10)
    with pytest.raises(ValueError, match="ordered"):
        uptake.ratio_range((3, 2, 1), (10, 20, 40))


def test_real_counts_converge_in_a_plausible_range():
    counts = registrations.vpn_counts(data.load("vpn_registrations"))
    campaign = counts.loc[counts["use"] & (counts["date"] >= START)]
    fit = uptake.fit_uptake(campaign["date"], campaign["value"], 20_437.0, start=START)
    a, r, t0 = fit.params
    assert fit.n_points == 6
    assert 5_000 < a < 100_000  # campaign additions: thousands to tens of thousands
    assert 0.01 < r < 1.0
    imp = uptake.implications(fit, DEADLINE).set_index("quantity")
    at_deadline = imp.loc["registrations at the deadline"]
    assert at_deadline["low"] < 27_000 < at_deadline["high"]


def test_staff_share_floor_on_the_2021_size_classes():
    classes = [(0.14, 50.0, float("inf")), (0.17, 25.0, 50.0), (0.69, 1.0, 25.0)]
    # 1,422 registrants among 20,711 firms fit inside the 50+ class (2,900 firms): at least
    # their share of that class, whose staff is at least 21% of all staff.
    assert uptake.staff_share_floor(1422, 20711, classes) == pytest.approx(0.1048, abs=1e-4)
    assert uptake.staff_share_floor(1422, 4641, classes) == pytest.approx(0.3916, abs=1e-4)
    assert uptake.staff_share_floor(0, 4641, classes) == 0.0
    assert uptake.staff_share_floor(4641, 4641, classes) == pytest.approx(1.0)


@given(
    st.floats(0.0, 1.0),
    st.lists(st.floats(0.01, 1.0), min_size=1, max_size=4),
    st.lists(st.floats(1.0, 100.0), min_size=4, max_size=4),
)
def test_staff_share_floor_is_a_share_at_least_the_count_share(frac, weights, sizes):
    """Largest firms first employ at least their count share, and never more than all staff."""
    shares = np.array(weights) / sum(weights)
    edges = np.sort(np.array(sizes[: len(weights)]))[::-1]  # class lower limits, largest first
    classes = [
        (float(s), float(lo), float(edges[i - 1]) if i else float("inf"))
        for i, (s, lo) in enumerate(zip(shares, edges, strict=True))
    ]
    firms = 1000.0
    k = frac * firms
    floor = uptake.staff_share_floor(k, firms, classes)
    assert 0.0 <= floor <= 1.0 + 1e-12
    assert floor >= frac - 1e-9


def test_staff_share_floor_refuses_impossible_counts():
    with pytest.raises(ValueError, match="registered firms"):
        uptake.staff_share_floor(10, 5, [(1.0, 1.0, 2.0)])
    with pytest.raises(ValueError, match="sum to 1"):
        uptake.staff_share_floor(1, 5, [(0.5, 1.0, 2.0)])
