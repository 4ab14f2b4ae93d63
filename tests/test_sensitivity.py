"""Dependent draws keep their marginals; Sobol indices and values of information are right."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy import stats

from analysis import data
from analysis.data import params as tables
from analysis.models import impact, sensitivity
from analysis.models import params as model_params

BASE = tables.load_parameters()
SCENARIOS = tables.load_scenarios()
CORR = tables.load_correlations()
CORRELATED = sorted(set(CORR["parameter_a"]) | set(CORR["parameter_b"]))


def _table(bounds, distributions):
    return pd.DataFrame(
        {
            "parameter": [f"p{i}" for i in range(len(bounds))],
            "unit": "days",
            "low": [b[0] for b in bounds],
            "central": [b[1] for b in bounds],
            "high": [b[2] for b in bounds],
            "distribution": distributions,
        }
    )


def _pairs(rhos):
    return pd.DataFrame(
        {
            "parameter_a": ["p0", "p0", "p1"],
            "parameter_b": ["p1", "p2", "p2"],
            "rank_correlation": rhos,
        }
    )


def _spearman(a, b):
    return float(stats.spearmanr(a, b).statistic)


bound = st.tuples(st.floats(-100, 100), st.floats(0.01, 50), st.floats(0, 1)).map(
    lambda t: (t[0], t[0] + t[1] * t[2], t[0] + t[1])
)
rho = st.floats(-0.8, 0.8)


# ---------------------------------------------------------------- dependent draws


@settings(max_examples=25, deadline=None)
@given(
    st.lists(bound, min_size=3, max_size=3),
    st.lists(st.sampled_from(["triangular", "uniform"]), min_size=3, max_size=3),
    st.tuples(rho, rho, rho),
    st.integers(0, 2**32 - 1),
)
def test_copula_keeps_marginals_in_bounds_and_hits_the_rank_correlations(b, dist, rhos, seed):
    r = model_params.normal_correlation(np.array(rhos))
    matrix = np.array([[1, r[0], r[1]], [r[0], 1, r[2]], [r[1], r[2], 1]])
    assume(np.linalg.eigvalsh(matrix).min() > 0.05)
    table = _table(b, dist)
    draws = model_params.draw(table, 20_000, np.random.default_rng(seed), _pairs(list(rhos)))
    for row in table.itertuples():
        x = draws[row.parameter]
        assert (x >= row.low).all() and (x <= row.high).all()
    for (a, c), target in zip([("p0", "p1"), ("p0", "p2"), ("p1", "p2")], rhos, strict=True):
        assert abs(_spearman(draws[a], draws[c]) - target) < 0.03


def test_the_marginals_are_exactly_the_tables():
    table = model_params.for_scenario(BASE, SCENARIOS, "as_announced")
    draws = model_params.draw(table, 50_000, np.random.default_rng(7), CORR)
    for row in table.loc[table["parameter"].isin(CORRELATED)].itertuples():
        c = (row.central - row.low) / (row.high - row.low)
        dist = stats.triang(c, loc=row.low, scale=row.high - row.low)
        # Dvoretzky-Kiefer-Wolfowitz: the empirical CDF of n exact draws is within this band
        # of the true one except with probability 1e-6 (a fixed p > 0.01 cut-off fails one
        # parameter in a hundred by chance, and there are several parameters)
        band = np.sqrt(np.log(2 / 1e-6) / (2 * len(draws[row.parameter])))
        assert stats.kstest(draws[row.parameter], dist.cdf).statistic < band, row.parameter


def test_stated_rank_correlations_are_reached_and_independence_is_a_switch():
    table = model_params.for_scenario(BASE, SCENARIOS, "as_announced")
    dep = model_params.draw(table, 200_000, np.random.default_rng(1), CORR)
    ind = model_params.draw(table, 200_000, np.random.default_rng(1), CORR, dependence=False)
    plain = model_params.draw(table, 200_000, np.random.default_rng(1))
    for r in CORR.itertuples():
        assert abs(_spearman(dep[r.parameter_a], dep[r.parameter_b]) - r.rank_correlation) < 0.01
        assert abs(_spearman(ind[r.parameter_a], ind[r.parameter_b])) < 0.01
    # parameters no pair names keep their own streams: the same numbers in all three runs
    for name in set(plain) - set(CORRELATED):
        assert np.array_equal(plain[name], dep[name]) and np.array_equal(plain[name], ind[name])


def test_scenarios_share_the_copulas_random_numbers():
    a = model_params.for_scenario(BASE, SCENARIOS, "as_announced")
    p = model_params.for_scenario(BASE, SCENARIOS, "partial_enforcement")
    da = model_params.draw(a, 10_000, np.random.default_rng(3), CORR)
    dp = model_params.draw(p, 10_000, np.random.default_rng(3), CORR)
    # same uniforms, different ranges: the ranks agree draw by draw
    for name in ["detection_efficacy", "switch_share"]:
        assert _spearman(da[name], dp[name]) > 0.999


@settings(max_examples=50, deadline=None)
@given(bound, st.sampled_from(["triangular", "uniform", "fixed"]))
def test_inverse_cdf_stays_within_bounds_and_rises(b, dist):
    row = _table([b if dist != "fixed" else (b[1], b[1], b[1])], [dist]).iloc[0]
    u = np.linspace(0, 1, 1001)
    x = model_params.ppf(row, u)
    assert (x >= row["low"]).all() and (x <= row["high"]).all()
    assert (np.diff(x) >= 0).all()


# ---------------------------------------------------------------- bad correlation tables


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([("detection_efficacy", "no_such", 0.3)], r"line 2, column 'parameter_b': unknown"),
        ([("switch_share", "switch_share", 0.3)], r"line 2: parameter 'switch_share' is paired"),
        (
            [("switch_share", "individual_disruption_days", 1.5)],
            r"line 2, column 'rank_correlation'",
        ),
        (
            [
                ("switch_share", "individual_disruption_days", 0.3),
                ("individual_disruption_days", "switch_share", 0.3),
            ],
            r"line 3: the pair .* is already on line 2",
        ),
        (
            [
                ("detection_efficacy", "switch_share", 0.9),
                ("detection_efficacy", "individual_disruption_days", 0.9),
                ("switch_share", "individual_disruption_days", -0.9),
            ],
            r"not a valid correlation matrix|do not form a valid correlation matrix",
        ),
    ],
)
def test_bad_correlations_are_refused_with_one_line(rows, message):
    corr = pd.DataFrame(rows, columns=["parameter_a", "parameter_b", "rank_correlation"])
    with pytest.raises(model_params.ParameterError, match=message) as err:
        model_params.check_correlations(corr, BASE)
    assert "\n" not in str(err.value)


def test_a_corrupted_correlation_file_names_line_and_column(tmp_path):
    import shutil

    folder = tmp_path / "data"
    shutil.copytree(data.paths.DATA, folder)
    path = folder / "parameter_correlations.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("switch_share,", "switch_shares,", 1),
        encoding="utf-8",
    )
    corr = data.load("parameter_correlations", folder)
    with pytest.raises(model_params.ParameterError, match=r"line 2, column 'parameter_b'"):
        model_params.check_correlations(corr, data.load("parameters", folder))


# ---------------------------------------------------------------- Sobol indices


def _linear(p):
    return {"y": p["p0"] + 2 * p["p1"] + 0 * p["p2"]}


def test_sobol_indices_of_a_linear_model_are_its_variance_shares():
    table = _table([(0, 0.5, 1), (0, 0.5, 1), (0, 0.5, 1)], ["uniform"] * 3)
    s = sensitivity.sobol(table, _linear, ["y"], n_base=4096, seed=1).set_index("parameter")
    # var(p0) : var(2 p1) = 1 : 4; p2 does nothing and is screened out
    assert s.loc["p1", "S1"] == pytest.approx(0.8, abs=0.03)
    assert s.loc["p0", "ST"] == pytest.approx(0.2, abs=0.03)
    assert "p2" not in s.index
    assert (s["S1_conf"] > 0).all()


def test_sobol_refuses_a_sample_size_that_is_not_a_power_of_two():
    table = _table([(0, 0.5, 1)] * 3, ["uniform"] * 3)
    with pytest.raises(model_params.ParameterError, match="power of two"):
        sensitivity.sobol(table, _linear, ["y"], n_base=1000)


# ---------------------------------------------------------------- value of information


def test_evpi_and_evppi_of_a_known_decision():
    # loss of option 1 is x ~ U(0, 1), option 2 costs 0.5: EVPI = 0.5 - E[min(x, 0.5)] = 0.125
    rng = np.random.default_rng(5)
    x, noise = rng.uniform(0, 1, 200_000), rng.uniform(0, 1, 200_000)
    losses = np.column_stack([x, np.full_like(x, 0.5)])
    assert sensitivity.evpi(losses) == pytest.approx(0.125, abs=0.002)
    assert sensitivity.evppi(x, losses) == pytest.approx(0.125, abs=0.002)
    assert sensitivity.evppi(noise, losses) < 0.002


@settings(max_examples=30, deadline=None)
@given(st.floats(-3, 3), st.floats(-3, 3), st.floats(-2, 2), st.integers(0, 2**32 - 1))
def test_evppi_is_never_negative_and_never_above_evpi(a, b, shift, seed):
    rng = np.random.default_rng(seed)
    x1, x2 = rng.normal(size=(2, 20_000))
    loss = a * x1 + b * x2 + rng.normal(scale=0.1, size=20_000)
    losses = np.column_stack([loss, np.full_like(loss, shift)])
    total = sensitivity.evpi(losses)
    for x in (x1, x2):
        v = sensitivity.evppi(x, losses)
        assert 0 <= v <= total * 1.02 + 1e-3


def test_the_spline_recovers_a_smooth_conditional_mean():
    rng = np.random.default_rng(2)
    x = rng.uniform(0, 3, 50_000)
    y = np.sin(x) + rng.normal(scale=0.5, size=x.size)
    fit = sensitivity.conditional_mean(x, y)
    assert np.abs(fit - np.sin(x)).max() < 0.05
    assert fit.mean() == pytest.approx(y.mean(), rel=1e-9)


def test_break_even_equalises_the_options_and_maximises_evpi():
    rng = np.random.default_rng(4)
    act = rng.lognormal(size=50_000)
    losses, w = sensitivity.break_even(act, 0.0)
    assert losses.mean(axis=0) == pytest.approx([act.mean(), act.mean()])
    at = sensitivity.evpi(losses)
    for k in (0.5, 2.0):
        assert sensitivity.evpi(np.column_stack([act, np.full_like(act, k * w)])) < at


def test_voi_table_lists_every_parameter_of_the_real_model():
    table = model_params.for_scenario(BASE, SCENARIOS, "as_announced")
    none = model_params.for_scenario(BASE, SCENARIOS, "registration_only")
    out = "total_at_risk_usd_m"
    x, y = sensitivity.simulate(table, impact.run, 20_000, 1, CORR)
    _, y0 = sensitivity.simulate(none, impact.run, 20_000, 1, CORR)
    losses, _ = sensitivity.break_even(y[out], y0[out])
    relevant = sensitivity.influential(table, impact.run, [out])
    voi = sensitivity.voi_table(x, losses, sensitivity.varying(table), relevant)
    assert set(voi["parameter"]) == set(sensitivity.varying(table))
    assert (voi["evppi"] >= 0).all()
    assert (voi["evppi"] <= voi.attrs["evpi"] * 1.02).all()
    assert (voi.loc[~voi["parameter"].isin(relevant), "evppi"] == 0).all()
