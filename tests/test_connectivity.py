"""Segmented trend: finds a break placed in synthetic data, none where none was placed."""

import numpy as np
import pandas as pd
import pytest

from analysis import data, events
from analysis.models import connectivity

MONTHS = pd.period_range("2021-12", periods=48, freq="M")


def _series(step=0.0, slope=0.0, at="2024-06", seed=1, sd=0.3):
    rng = np.random.default_rng(seed)
    t = np.arange(len(MONTHS), dtype=float)
    t_e = (pd.Period(at, "M") - MONTHS[0]).n
    post = (t >= t_e).astype(float)
    y = 100 + 0.8 * t + step * post + slope * (t - t_e) * post + rng.normal(0, sd, len(t))
    return pd.Series(y, index=MONTHS)


def test_recovers_a_placed_step():
    fit = connectivity.segmented_trend(_series(step=3.0), {"event": "2024-06"}, slopes=False)
    row = fit.table.set_index("term").loc["step: event"]
    assert row["estimate"] == pytest.approx(3.0, abs=0.4)
    assert row["p_value"] < 0.001
    assert row["ci_low"] < 3.0 < row["ci_high"]


def test_recovers_a_placed_slope_change():
    fit = connectivity.segmented_trend(_series(slope=-0.5), {"event": "2024-06"})
    row = fit.table.set_index("term").loc["slope: event"]
    assert row["estimate"] == pytest.approx(-0.5, abs=0.1)
    assert row["p_value"] < 0.001


def test_finds_no_break_where_none_was_placed():
    fit = connectivity.segmented_trend(_series(seed=1), {"event": "2024-06"}, slopes=False)
    row = fit.table.set_index("term").loc["step: event"]
    assert row["p_value"] > 0.05
    assert row["ci_low"] < 0 < row["ci_high"]


def test_simulated_null_calibrates_the_hac_test():
    y = _series(step=3.0)
    fit = connectivity.segmented_trend(y, {"event": "2024-06"}, slopes=False)
    null = connectivity.null_t_stats(
        y.index, {"event": "2024-06"}, sd=0.3, rho=0.0, slopes=False, sims=200, seed=0
    )
    assert null.shape == (200, 1)
    assert null.equals(
        connectivity.null_t_stats(
            y.index, {"event": "2024-06"}, sd=0.3, rho=0.0, slopes=False, sims=200, seed=0
        )
    )
    cal = connectivity.calibrate(fit, null).iloc[0]
    assert 0.03 < cal["null_flag_rate"] < 0.25  # HAC over-rejects; measured, not assumed
    assert cal["p_simulated"] == 0.0  # a 3-million step is far outside the no-break range
    none = connectivity.calibrate(
        connectivity.segmented_trend(_series(seed=1), {"event": "2024-06"}, slopes=False), null
    ).iloc[0]
    assert none["p_simulated"] > 0.05


def test_ar1_of_white_noise_is_small_and_of_a_trend_is_large():
    rng = np.random.default_rng(0)
    noise = pd.Series(rng.normal(size=48), index=MONTHS)
    assert abs(connectivity.ar1(noise)) < 0.3
    assert connectivity.ar1(pd.Series(np.arange(48.0), index=MONTHS)) > 0.99


def test_gaps_are_allowed_and_counted():
    y = _series(step=3.0).drop([pd.Period("2022-10", "M"), pd.Period("2025-04", "M")])
    fit = connectivity.segmented_trend(y, {"event": "2024-06"}, slopes=False)
    assert fit.n_obs == 46


def test_unsorted_months_are_rejected():
    y = _series().iloc[::-1]
    with pytest.raises(ValueError, match="not sorted"):
        connectivity.segmented_trend(y, {"event": "2024-06"})


def test_duplicate_months_are_rejected():
    y = _series()
    y = pd.concat([y, y.iloc[[5]]]).sort_index()
    with pytest.raises(ValueError, match="appears more than once"):
        connectivity.segmented_trend(y, {"event": "2024-06"})


def test_too_few_points_are_rejected():
    with pytest.raises(ValueError, match="too few"):
        connectivity.segmented_trend(_series().iloc[:5], {"event": "2022-02"})


def test_break_at_the_edge_is_rejected():
    with pytest.raises(ValueError, match="1 after; need 3 each"):
        connectivity.segmented_trend(_series(), {"event": "2025-11"})


def test_real_mobile_broadband_fit():
    panel = connectivity.subscriber_panel(data.load("telecom_indicators"))
    fit = connectivity.segmented_trend(
        panel["mobile_broadband_subscribers"], events.months_after(connectivity.EVENT_KEYS)
    )
    table = fit.table.set_index("term")
    assert fit.n_obs == 46
    # 3G/4G subscribers grew by roughly 0.4 to 1.2 million a month before the events.
    assert 0.4 < table.loc["trend", "estimate"] < 1.2
    deadline = table.loc["step: registration deadline (30 Nov 2024)"]
    assert deadline["ci_low"] < 0 < deadline["ci_high"]  # no detectable step at the deadline
