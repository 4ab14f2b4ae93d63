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
                "disruption_days=30",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "scenario as_announced: 2,000 draws, seed 1; median and 90% interval" in out
    assert "net_cut_off_m" in out and "total_at_risk_usd_m" in out


def test_cost_all_methods(capsys):
    assert (
        main(["cost", "--method", "all", "--hours", "24", "--type", "mobile", "--draws", "2000"])
        == 0
    )
    out = capsys.readouterr().out
    for method in ("brookings", "deloitte", "netloss", "bottom_up"):
        assert method in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["scenario", "total_ban"], "unknown scenario 'total_ban'"),
        (["scenario", "base", "--set", "nope=1"], "unknown parameter 'nope' in --set"),
        (["scenario", "base", "--set", "switch_share"], "expected PARAM=VALUE"),
        (["scenario", "base", "--set", "switch_share=lots"], "switch_share: expected a number"),
        (["scenario", "base", "--draws", "0"], "expected at least 1"),
        (["cost", "--method", "magic", "--hours", "3"], "unknown method 'magic'"),
        (["cost", "--method", "all", "--hours", "-2"], "expected hours > 0"),
        (["cost", "--method", "all", "--hours", "2", "--region", "sindh"], "only national"),
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
