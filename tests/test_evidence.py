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
