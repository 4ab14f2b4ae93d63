"""The analysts' command line: tables with intervals; one-line errors with non-zero exit."""

import pytest

from analysis.__main__ import main


def test_scenario_prints_outputs_with_intervals(capsys):
    assert (
        main(
            [
                "scenario",
                "as_announced",
                "--draws",
                "2000",
                "--seed",
                "1",
                "--set",
                "firm_disruption_days=3",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "scenario as_announced: 2,000 draws, seed 1, with the stated correlations" in out
    assert "net_cut_off_m" in out and "total_at_risk_usd_m" in out


def test_cost_all_methods(capsys):
    assert (
        main(["cost", "--method", "all", "--hours", "24", "--type", "mobile", "--draws", "2000"])
        == 0
    )
    out = capsys.readouterr().out
    for label in (
        "Brookings reconstruction",
        "calibrated to COST's Pakistan rate",
        "Deloitte",
        "NetLoss-style, calibrated (deprecated by its owner)",
        "Bottom-up",
    ):
        assert label in out


def test_a_regional_cost_is_not_the_national_one(capsys):
    args = ["cost", "--method", "brookings", "--hours", "864", "--draws", "4000", "--seed", "1"]
    assert main(args) == 0
    national = capsys.readouterr().out
    assert main([*args, "--region", "balochistan"]) == 0
    regional = capsys.readouterr().out
    assert "Balochistan" in regional and "Pakistan (national)" in national

    def median(text):
        return float(text.splitlines()[-1].split()[-4].replace(",", ""))

    # Balochistan's share of GDP is 3.0-4.4% in the data
    assert 0.025 < median(regional) / median(national) < 0.05


@pytest.mark.parametrize("name", ["KP", "kpk", "Khyber Pakhtunkhwa", "AJK", "ict", "GB"])
def test_common_region_spellings(name, capsys):
    assert (
        main(["cost", "--method", "all", "--hours", "3", "--region", name, "--draws", "500"]) == 0
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["scenario", "total_ban"], "unknown scenario 'total_ban'"),
        (["scenario", "base", "--set", "nope=1"], "unknown parameter 'nope' in --set"),
        (["scenario", "base", "--set", "switch_share"], "expected PARAM=VALUE"),
        (["scenario", "base", "--set", "switch_share=lots"], "switch_share: expected a number"),
        (["scenario", "base", "--draws", "0"], "expected a whole number >= 1"),
        (["scenario", "base", "--draws", "1000000000"], "at most 5,000,000 draws"),
        (["scenario", "base", "--seed", "-1"], "expected a whole number >= 0"),
        (["scenario", "base", "--seed", "1.5"], "expected a whole number"),
        (["cost", "--method", "magic", "--hours", "3"], "unknown method 'magic'"),
        (["cost", "--method", "all", "--hours", "-2"], "hours must be > 0 and at most 8,784"),
        (["cost", "--method", "all", "--hours", "0"], "hours must be > 0"),
        (["cost", "--method", "all", "--hours", "1e6"], "at most 8,784 (a year)"),
        (["cost", "--method", "all", "--hours", "nan"], "hours must be > 0"),
        (["cost", "--method", "all", "--hours", "inf"], "hours must be > 0"),
        (["cost", "--method", "all", "--hours", "soon"], "expected a number of hours"),
        (["cost", "--method", "all", "--hours", "2", "--region", "narnia"], "unknown region"),
        (["cost", "--method", "all", "--hours", "2", "--share-affected", "0"], "(0, 1]"),
        (["cost", "--method", "all", "--hours", "2", "--share-affected", "1.5"], "(0, 1]"),
        (["cost", "--method", "all", "--hours", "2", "--type", "wifi"], "invalid choice: 'wifi'"),
    ],
)
def test_bad_arguments_give_one_line_and_exit_2(argv, message, capsys):
    try:
        status = main(argv)
    except SystemExit as exc:
        status = exc.code
    err = capsys.readouterr().err.strip()
    assert status == 2
    assert message in err
    assert len(err.splitlines()) == 1
