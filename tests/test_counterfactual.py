"""Counterfactual methods recover an injected effect, find none when none is injected."""

import os
import tempfile
from unittest import mock

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis import data
from analysis.models import counterfactual as cf
from analysis.report import results

MONTHS = pd.period_range("2023-07", "2025-12", freq="M")
BREAK = "2024-12"  # break month of the synthetic series (the real one: analysis.events)


def _series(effect=0.0, seed=0, growth=0.012, sd=0.03):
    rng = np.random.default_rng(seed)
    t = np.arange(len(MONTHS), dtype=float)
    peak = np.isin(MONTHS.month, cf.PEAK_MONTHS) * 0.08
    post = MONTHS >= pd.Period(BREAK, "M")
    log_y = np.log(250) + growth * t + peak + np.log1p(effect) * post + rng.normal(0, sd, len(t))
    return pd.Series(np.exp(log_y), index=MONTHS)


@pytest.mark.parametrize("method", ["trend", "sarimax", "yoy"])
def test_recovers_an_injected_drop(method):
    g = cf.estimate(_series(effect=-0.20), method, BREAK, draws=2000, seed=1)
    c = g.cumulative
    assert c["gap_pct"] == pytest.approx(-20, abs=8)
    assert c["gap_pct_high"] < 0


@pytest.mark.parametrize(("method", "series"), [("trend", 20), ("yoy", 20), ("sarimax", 8)])
def test_finds_no_effect_when_none_injected(method, series):
    # 90% intervals: on no-effect series most must include zero (measured on 100 series:
    # trend 86%, yoy 82%; sarimax 93% on 30).
    covered = [
        cf.estimate(_series(seed=s), method, BREAK, draws=1000, seed=1).cumulative
        for s in range(series)
    ]
    share = sum(c["gap_pct_low"] < 0 < c["gap_pct_high"] for c in covered) / series
    assert share >= 0.7


def test_its_step_recovers_a_level_shift():
    step = cf.its_step(_series(effect=-0.20), BREAK)
    assert step["step_pct"] == pytest.approx(-20, abs=5)
    assert step["high"] < 0


def test_same_seed_same_numbers():
    a = cf.estimate(_series(), "trend", BREAK, draws=500, seed=7).cumulative
    b = cf.estimate(_series(), "trend", BREAK, draws=500, seed=7).cumulative
    assert a.equals(b)


def test_gapped_series_is_rejected():
    y = _series().drop(pd.Period("2024-03", "M"))
    with pytest.raises(ValueError, match=r"gaps \(2024-03\)"):
        cf.estimate(y, "trend", BREAK)


def test_short_pre_period_is_rejected():
    with pytest.raises(ValueError, match="5 pre-period months; need at least 12"):
        cf.estimate(_series().loc["2024-07":], "trend", BREAK)


def test_unknown_method_is_rejected():
    with pytest.raises(ValueError, match="unknown method 'prophet'"):
        cf.estimate(_series(), "prophet", BREAK)


def test_placebo_ranks_the_real_break():
    pl = cf.placebo(_series(effect=-0.30), "trend", real_break=BREAK, draws=300)
    real = pl.loc[~pl["placebo"]].iloc[0]
    assert real["rank"] == 1 and len(pl) >= 3


def test_headline_series_is_complete_from_july_2023():
    h = cf.headline_monthly(data.load("it_exports_monthly"))
    assert list(h["month"].astype(str)) == [str(m) for m in MONTHS]
    assert h.loc[h["month"] == pd.Period("2024-11", "M"), "value"].item() == 310
    assert (h["flag"] == "derived").sum() == 3


def test_results_record_checks_intervals(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_REPORTS_DIR", str(tmp_path))
    row = {
        "key": "k",
        "finding": "f",
        "value": 1.0,
        "low": 2.0,
        "high": 3.0,
        "unit": "u",
        "interval": "90%",
        "interval_kind": "calibrated",
    }
    with pytest.raises(ValueError, match="outside its interval"):
        results.record("05-x", [row])
    with pytest.raises(ValueError, match="interval_kind 'statistical'; expected one of"):
        results.record("05-x", [row | {"low": 0.5, "interval_kind": "statistical"}])
    results.record("05-x", [row | {"low": 0.5}])
    assert results.gather().loc[0, "key"] == "k"


@given(
    st.floats(-10, 10, allow_nan=False),
    st.floats(0, 5, allow_nan=False),
    st.sampled_from(["share", "share of variance", "VPNs", "million people"]),
)
def test_results_record_refuses_an_impossible_share_or_count(v, width, unit):
    """A share outside [0, 1] or a count below 0 never reaches the findings."""
    row = {
        "key": "k",
        "finding": "f",
        "value": v,
        "low": v - width,
        "high": v + width,
        "unit": unit,
        "interval": "",
        "interval_kind": "inputs",
    }
    share = unit.startswith("share")
    possible = (0 <= v - width and v + width <= 1) if share else v - width >= 0
    with (
        tempfile.TemporaryDirectory() as d,
        mock.patch.dict(os.environ, {"ANALYSIS_REPORTS_DIR": d}),
    ):
        if possible:
            results.record("05-x", [row])
        else:
            with pytest.raises(ValueError, match="share|count"):
                results.record("05-x", [row])
    assert results.interval_words("90%", "calibrated") == "90% simulation-calibrated interval"
    assert results.interval_words("", "reports") == "range of published reports"


def test_robustness_runs_every_specification_at_the_given_break():
    rob = cf.robustness(
        _series(effect=-0.20),
        ["2023-07", "2023-10"],
        methods=("trend",),
        horizons=(3, None),
        draws=300,
        seed=1,
        break_month=BREAK,
    )
    assert len(rob) == 4 and rob["gap_pct"].notna().all()
    assert (rob["gap_pct"] < -10).all()  # the injected -20% is found in every specification


def test_placebo_cutoff_matches_the_p_value_rule():
    g = np.linspace(-20, 20, 35)  # 35 placebo gaps
    t = cf.placebo_test(g, real=-25.0)
    assert t["p_value"] == pytest.approx(1 / 36) and t["p_value"] <= 0.05
    assert t["critical_gap_pct"] == -20  # with 35 placebos the real gap must beat every one
    assert cf.placebo_test(g, real=-19.0)["p_value"] > 0.05
    sd = np.std(g, ddof=1)
    assert t["mde_pct"] == pytest.approx((1.6448536 + 0.8416212) * sd)
    assert t["size"] == pytest.approx(np.floor(0.05 * (len(g) + 1)) / (len(g) + 1))
    assert t["size"] <= 0.05
    # power is the level at no effect, rises with the effect, and is 80% at the MDE
    assert cf.power_against(g, 0.0) == pytest.approx(0.05)
    assert cf.power_against(g, t["mde_pct"]) == pytest.approx(0.80)
    assert cf.power_against(g, 5.0) < cf.power_against(g, 10.0)
    few = cf.placebo_test(np.array([1.0, 2.0, 3.0]), real=-100.0)
    assert few["p_value"] > 0.05 and few["critical_gap_pct"] == -np.inf  # 3 cannot reach 5%
    assert few["size"] == 0.0


def test_its_calibrated_finds_an_injected_step_and_none_when_absent():
    hit = cf.its_calibrated(_series(effect=-0.20, sd=0.02), BREAK, sims=500, seed=3)
    assert hit["p_simulated"] < 0.05 and hit["high"] < 0
    assert hit["low"] < hit["step_pct"] < hit["high"]
    # on no-step series the simulated p-value is not small more often than its level says
    ps = [
        cf.its_calibrated(_series(seed=s), BREAK, sims=200, seed=s)["p_simulated"]
        for s in range(20)
    ]
    assert sum(p < 0.10 for p in ps) <= 5


def test_sarimax_paths_match_statsmodels_simulate():
    # The closed-form paths are statsmodels' simulate(anchor="end") from each parameter
    # vector: at one fixed parameter vector (the estimate) the two agree in distribution.
    from statsmodels.tsa.statespace.sarimax import SARIMAX

    y = _series(seed=3)
    pre, post = y.loc[y.index < pd.Period(BREAK, "M")], y.loc[y.index >= pd.Period(BREAK, "M")]
    X = cf._sarimax_X(pre.index, pre.index[0])
    res = SARIMAX(np.log(pre.to_numpy()), exog=X, order=(1, 0, 0), trend="n").fit(disp=False)
    future = cf._sarimax_X(post.index, pre.index[0])
    n = 20_000
    sims = np.asarray(
        res.simulate(len(post), repetitions=n, anchor="end", exog=future, rng=1)
    ).reshape(len(post), n)
    with mock.patch.object(cf, "mvn_draws", lambda rng, mean, cov, k: np.tile(mean, (k, 1))):
        with mock.patch.object(cf, "_fit_mle", lambda model, what: res):
            ours = np.log(cf.draws_sarimax(pre, post.index, n, np.random.default_rng(2)))
    assert np.allclose(
        ours.mean(axis=0), sims.mean(axis=1), atol=4 * sims.std(axis=1).max() / np.sqrt(n)
    )
    assert np.allclose(ours.std(axis=0), sims.std(axis=1), rtol=0.03)


def test_vectorised_hac_is_statsmodels_hac():
    import statsmodels.api as sm

    from analysis.models.numerics import ols_hac

    rng = np.random.default_rng(0)
    y = _series()
    X = cf._its_design(y, BREAK, ("2024-03",), ("2025-05",))
    Y = np.log(y.to_numpy())[None, :] + rng.normal(0, 0.05, (20, len(y)))
    params, bse = ols_hac(X, Y, 3)
    for k in range(len(Y)):
        fit = sm.OLS(Y[k], X).fit(cov_type="HAC", cov_kwds={"maxlags": 3, "use_correction": True})
        assert np.allclose(params[k], fit.params, rtol=1e-10, atol=1e-12)
        assert np.allclose(bse[k], fit.bse, rtol=1e-10, atol=1e-12)
    one = ols_hac(X, Y[0], 3)
    assert one[0].shape == (X.shape[1],) and np.allclose(one[1], bse[0])
