"""The precision policy: every printed number at the precision its interval supports."""

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis import precision
from analysis.report import results


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((39856.235, 23377.552, 70502.295), "40,000"),  # the saturation estimate of 04
        ((19419.235,), "19,400"),  # three figures at most without interval
        ((0.697, 0.447, 0.983), "0.70"),
        ((-12.8, -22.3, -1.9), "-13"),
        ((-666, -1299, -89), "-700"),
        ((-0.52, -1.64, 0.59), "-0.5"),
        ((2, 1, 4), "2"),  # a rank: whole numbers stay whole
        ((0.129, 0.12, 0.295), "0.13"),
        ((1167.3,), "1,170"),
        ((0.0001234567,), "0.000123"),
        ((0.0,), "0"),
    ],
)
def test_fmt_rounds_to_what_the_interval_supports(args, expected):
    assert precision.fmt(*args) == expected


def test_counts_from_the_data_print_in_full():
    assert precision.fmt(20437, count=True) == "20,437"
    assert precision.fmt(20437) == "20,400"


def test_interval_text_shares_one_precision():
    assert (
        precision.fmt_interval(39856.235, 23377.552, 70502.295, unit="VPNs")
        == "40,000 (23,000 to 71,000) VPNs"
    )
    assert (
        precision.fmt_interval(
            -12.8, -22.3, -1.9, unit="%", sign=True, kind="90% simulated interval"
        )
        == "-13% (90% simulated interval -22% to -2%)"
    )
    assert precision.fmt_pct(0.697, 0.447, 0.983) == "70%"


def test_table_formats_every_number():
    df = pd.DataFrame(
        {
            "quantity": ["a", "b"],
            "central": [27779.047, 0.697],
            "low": [22912.45, 0.447],
            "high": [38069.261, 0.983],
            "n": [6, 7],
        }
    )
    out = precision.table(df, intervals={"central": ("low", "high")}, counts=["n"])
    assert out["central"].tolist() == ["28,000", "0.70"]
    assert out["low"].tolist() == ["23,000", "0.45"]
    assert out["n"].tolist() == ["6", "7"]
    assert out["quantity"].tolist() == ["a", "b"]


def test_results_are_recorded_rounded(tmp_path, capsys):
    results.record(
        "99-test",
        [
            {
                "key": "k",
                "finding": "f",
                "value": 27779.047,
                "low": 22912.45,
                "high": 38069.261,
                "unit": "VPNs",
                "interval": "90%",
                "interval_kind": "inputs",
            },
            {
                "key": "c",
                "finding": "count",
                "value": 20437,
                "low": 20437,
                "high": 20437,
                "unit": "VPNs",
                "interval": "",
                "interval_kind": "reports",
                "count": True,
            },
        ],
    )
    frame = results.gather()
    assert frame["value"].tolist() == [28000.0, 20437.0]
    assert frame["low"].tolist() == [23000.0, 20437.0]
    assert "27779" not in capsys.readouterr().out


finite = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)


@given(finite, finite, finite)
def test_rounding_never_keeps_more_than_three_figures(a, b, c):
    low, value, high = sorted((a, b, c))
    v, lo, hi = precision.rounded(value, low, high)
    assert lo <= v <= hi or math.isclose(lo, v) or math.isclose(v, hi)
    for x in (v, lo, hi):
        mantissa = f"{abs(x):.12e}".split("e")[0].replace(".", "").rstrip("0")
        assert len(mantissa) <= 3 or x.is_integer() and abs(x) < 1000


@given(finite)
def test_a_tiny_perturbation_does_not_change_the_text_in_almost_every_case(x):
    # Rounding boundaries are the only place a 1e-9 change can show, and they are rare.
    same = precision.fmt(x) == precision.fmt(x * (1 + 1e-9))
    edge = abs(x) > 0 and abs((abs(x) / precision.step(x)) % 1 - 0.5) < 1e-5
    assert same or edge or precision.step(x) != precision.step(x * (1 + 1e-9))


def test_table_prints_flagged_rows_as_counts():
    df = pd.DataFrame({"central": [1422.0, 20.93], "low": [1422.0, 10.52], "high": [1422.0, 20.93]})
    out = precision.table(df, intervals={"central": ("low", "high")}, count_rows=[True, False])
    assert out["central"].tolist() == ["1,422", "21"]


def test_a_whole_number_stays_whole_when_perturbed():
    assert precision.fmt(17.0) == precision.fmt(17.0 * (1 + 1e-9)) == "17"
    assert precision.fmt(2, 1, 4) == precision.fmt(2 * (1 - 1e-9), 1, 4 * (1 + 1e-9)) == "2"
