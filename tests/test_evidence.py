"""Measured vs assumed: the variance split by kind of evidence, on known cases and real data."""

import numpy as np
import pytest

from analysis.data import params as tables
from analysis.models import evidence, impact, params

P = tables.load_parameters()
S = tables.load_scenarios()


def test_every_parameter_says_what_it_rests_on():
    assert set(P["evidence"].astype(str)) <= set(evidence.KINDS)
    kinds = P.set_index("parameter")["evidence"].astype(str)
    assert kinds["internet_users_million"] == "measured"
    assert kinds["detection_efficacy"] == "assumption"


def test_shares_of_a_known_sum():
    rng = np.random.default_rng(1)
    a, b = rng.uniform(0, 1, 100_000), rng.uniform(0, 2, 100_000)
    noise = rng.uniform(0, 1, 100_000)
    y = a + b  # Var(a) = 1/12, Var(b) = 4/12: shares 0.2 and 0.8
    table = evidence.split(
        {"a": a, "b": b, "noise": noise},
        {"y": y},
        {"a": "measured", "b": "assumption", "noise": "derived"},
        ["y"],
    ).iloc[0]
    assert table["measured"] == pytest.approx(0.2, abs=0.01)
    assert table["assumption"] == pytest.approx(0.8, abs=0.01)
    assert table["derived"] == pytest.approx(0.0, abs=0.002)  # no effect scores about 0
    assert table["interactions"] == pytest.approx(0.0, abs=0.01)


def test_a_constant_output_has_no_split():
    x = np.linspace(0, 1, 1000)
    row = evidence.split({"x": x}, {"y": np.zeros(1000)}, {"x": "measured"}, ["y"]).iloc[0]
    assert not row["varies"] and row["measured"] == 0 and row["top_assumption"] == ""


def test_money_at_risk_rests_mostly_on_assumptions():
    table = params.for_scenario(P, S, "as_announced")
    inputs, outputs = impact.simulate(table, 20_000, 2)
    kinds = dict(zip(P["parameter"], P["evidence"].astype(str), strict=True))
    split = evidence.split(inputs, outputs, kinds, ["total_at_risk_usd_m", "vpn_users_m"])
    split = split.set_index("output")
    assert split.loc["total_at_risk_usd_m", "assumption"] > 0.5
    assert split.loc["vpn_users_m", "measured"] > 0.9  # internet users x the Gallup share


def test_unknown_kind_is_refused():
    x = np.linspace(0, 1, 100)
    with pytest.raises(KeyError, match="'x': evidence 'guess'"):
        evidence.shares({"x": x}, {"y": x}, {"x": "guess"}, "y")


def _linear(x):
    return {"y": 3.0 * x["a"] + 1.0 * x["m"], "xy": x["a"] * x["m"]}


def test_closed_split_of_a_known_sum_and_product():
    rng = np.random.default_rng(0)
    n = 200_000
    draw = lambda: {"a": rng.normal(size=n), "m": rng.normal(size=n)}  # noqa: E731
    x, x2 = draw(), draw()
    kinds = {"a": "assumption", "m": "measured"}
    out = evidence.closed_split(x, _linear(x), x2, _linear, kinds, ["y", "xy"]).set_index("output")
    # Var(3a + m) = 10: a explains 9/10, m 1/10, nothing is left to interactions
    assert out.loc["y", "assumption"] == pytest.approx(0.9, abs=0.01)
    assert out.loc["y", "measured"] == pytest.approx(0.1, abs=0.01)
    # a product of independent centred inputs is all interaction
    assert out.loc["xy", "assumption"] < 0.01 and out.loc["xy", "interactions"] > 0.98


def test_closed_split_on_the_dependent_model_is_a_split_of_the_whole():
    table = params.for_scenario(P, S, "as_announced")
    corr = tables.load_correlations()
    x, y = impact.simulate(table, 50_000, 1, corr)
    fresh, _ = impact.simulate(table, 50_000, 2, corr)
    kinds = dict(zip(P["parameter"], P["evidence"].astype(str), strict=True))
    linked = list(zip(corr["parameter_a"], corr["parameter_b"], strict=True))
    out = evidence.closed_split(x, y, fresh, impact.run, kinds, list(impact.OUTPUTS), linked)
    total = out[list(evidence.KINDS)].sum(axis=1) + out["interactions"]
    assert ((out[list(evidence.KINDS)] >= 0) & (out[list(evidence.KINDS)] <= 1)).all().all()
    assert np.allclose(total[out["varies"]], 1.0)
    with pytest.raises(ValueError, match="different kinds"):
        evidence.closed_split(
            x,
            y,
            fresh,
            impact.run,
            kinds,
            ["net_cut_off_m"],
            [("detection_efficacy", "internet_users_million")],
        )
