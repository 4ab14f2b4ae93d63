"""Every kind of bad input gets one line naming it and exit status 2, never a traceback.

The cases are the catalogue of :mod:`analysis.data.bad_inputs` (the review's 85 bad inputs
by class, and the rest of issue 15's list); ``docs/bad-inputs.md`` is its table. Cases that
run ``make data`` load every table and are left to the full run (``slow``).
"""

import csv
import io
import shutil
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import data, paths
from analysis.__main__ import main
from analysis.data import bad_inputs
from analysis.data import package as datapackage
from conftest import ROOT

CASES = [
    pytest.param(
        c,
        id=c.what,
        marks=[pytest.mark.slow] if c.argv == bad_inputs.MAKE_DATA else [],
    )
    for c in bad_inputs.CASES
]


@pytest.mark.parametrize("case", CASES)
def test_bad_input_gives_one_line_naming_it_and_exit_2(case, tmp_path):
    got = bad_inputs.run(case, tmp_path)
    assert not got.traceback, got.traceback
    lines = got.stderr.strip().splitlines()
    assert got.status == 2, (got.status, got.stderr)
    assert len(lines) == 1, got.stderr
    assert case.names in lines[0], (case.names, lines[0])
    assert "Traceback" not in got.stderr


def test_the_catalogue_covers_the_review_and_the_issue():
    """At least the review's 85 cases, and every class the issue names."""
    whats = " ".join(c.what for c in bad_inputs.CASES).lower()
    assert len(bad_inputs.CASES) >= 85
    for word in (
        "nan",
        "infinite",
        "negative",
        "beyond a year",
        "monthly",
        "percent",
        "fraction",
        "proportion",
        "usd, not usd million",
        "persons",
        "unknown scenario",
        "unknown parameter",
        "unknown --region",
        "unknown --method",
        "not json",
        "without resources",
        "listed file missing",
        "checksum",
        "missing column",
        "extra column",
        "date",
        "source_id",
        "not in the package",
    ):
        assert word in whats, word


def test_the_table_lists_every_case():
    table = (ROOT / "docs" / "bad-inputs.md").read_text(encoding="utf-8")
    for case in bad_inputs.CASES:
        assert f"| {case.what} |" in table, case.what
    assert f"{len(bad_inputs.CASES)} cases" in table


def test_a_bad_case_is_caught_by_the_catalogue():
    with pytest.raises(TypeError, match="names"):
        bad_inputs.Case("no name", names="")


# ---------------------------------------------------------------- --help with broken data


@pytest.fixture
def broken(tmp_path, monkeypatch):
    """A copy of data/ whose descriptor is not JSON, read through ANALYSIS_DATA_DIR."""
    copy = tmp_path / "data"
    shutil.copytree(paths.DATA, copy)
    (copy / data.DATAPACKAGE).write_text("{not json", encoding="utf-8")
    monkeypatch.setenv(data.DATA_ENV, str(copy))
    return copy


@pytest.mark.parametrize("argv", [["--help"], ["scenario", "--help"], ["cost", "--help"]])
def test_help_works_with_broken_data(broken, argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    out = capsys.readouterr().out
    assert exc.value.code == 0
    assert "usage: python -m analysis" in out
    if argv[0] != "cost":
        note = [ln for ln in out.splitlines() if "could not be read" in ln]
        assert len(note) == 1 and "datapackage.json" in note[0] and "make data" in note[0]


def test_help_lists_parameters_and_scenarios_in_words(capsys):
    with pytest.raises(SystemExit):
        main(["scenario", "--help"])
    out = capsys.readouterr().out
    assert "vpn_user_share: Share of internet users who use a VPN (share" in out
    assert "as_announced: sets detection_efficacy, switch_share, individual_disruption_days," in out
    assert "base: every parameter as in data/parameters.csv" in out


def test_help_names_each_notebook_parameter(capsys):
    with pytest.raises(SystemExit):
        main(["whatif", "--help"])
    out = capsys.readouterr().out
    for name in ("DRAWS", "SEED", "SCENARIOS", "OVERRIDES", "HEADLINE"):
        assert f"  {name}: " in out


# ---------------------------------------------------------------- real processes


def _python(*args, env=None):
    import os

    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=dict(os.environ, **(env or {})),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _line_of(parameter: str) -> int:
    """The line of ``parameter`` in parameters.csv (line 1 is the header)."""
    names = data.load("parameters")["parameter"].astype(str).tolist()
    return 2 + names.index(parameter)


@pytest.mark.slow
def test_a_real_process_with_a_broken_table(tmp_path):
    copy = bad_inputs.prepare(bad_inputs.Case("x", edit=_bad_share, names="x"), tmp_path)
    env = {data.DATA_ENV: str(copy), "ANALYSIS_REPORTS_DIR": str(tmp_path / "r")}
    for args in (["-m", "analysis", "scenario", "base"], ["-m", "analysis.data.package"]):
        got = _python(*args, env=env)
        assert got.returncode == 2
        assert len(got.stderr.strip().splitlines()) == 1, got.stderr
        assert f"parameters.csv, line {_line_of('switch_share')}, column 'high'" in got.stderr
        assert "Traceback" not in got.stderr
    got = _python("-m", "analysis", "--help", env={data.DATA_ENV: str(tmp_path / "nowhere")})
    assert got.returncode == 0 and "could not be read" in got.stdout and not got.stderr


@pytest.mark.slow
def test_a_bad_notebook_parameter_writes_nothing(tmp_path):
    out = tmp_path / "out.ipynb"
    nb = str(paths.NOTEBOOKS / "06-impact-by-group.ipynb")
    got = _python("-m", "analysis", "whatif", nb, str(out), "-p", "DRAWS", "-5")
    assert got.returncode == 2 and len(got.stderr.strip().splitlines()) == 1
    assert "parameter DRAWS" in got.stderr and not out.exists()


def _bad_share(folder):
    bad_inputs.cell("parameters.csv", {"parameter": "switch_share"}, high="1.5")(folder)


def test_the_report_build_checks_parameters_before_running(tmp_path):
    import nbformat

    from analysis.report import build

    nb = nbformat.read(paths.NOTEBOOKS / "07-scenarios-sensitivity.ipynb", as_version=4)
    assert build.check_parameters(nb, "07")["SCENARIO"] == "as_announced"
    with pytest.raises(build.NotebookError, match=r"^07: parameter SCENARIO: unknown scenario"):
        build.check_parameters(nb, "07", {"SCENARIO": "total_ban"})
    with pytest.raises(build.NotebookError, match=r"parameter DRAWS: expected a whole number"):
        build.execute(paths.NOTEBOOKS / "07-scenarios-sensitivity.ipynb", parameters={"DRAWS": 0})


# ---------------------------------------------------------------- property: one cell mutated

TABLES = [t for t in data.table_names() if t != "sources"]
CELLS = st.one_of(
    st.sampled_from(
        ["", "nan", "inf", "-1", "1e999", "18", "1.5", "0", "-0", "2024-13-01", "=1+1", "true"]
    ),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.text(max_size=12),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(table=st.sampled_from(TABLES), row=st.integers(0, 10**6), col=st.integers(0, 50), new=CELLS)
def test_one_mutated_cell_is_accepted_or_refused_in_one_line(
    tmp_path_factory, table, row, col, new
):
    """Whatever one cell becomes, the loader loads the table or says why in one line."""
    folder = tmp_path_factory.mktemp("data")
    for name in ("datapackage.json", "sources.csv", data.resource(table)["path"]):
        shutil.copy(paths.DATA / name, folder / name)
    path = folder / data.resource(table)["path"]
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    r = 1 + row % (len(rows) - 1)
    rows[r][col % len(rows[0])] = new
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    try:
        frame = data.load(table, folder)
    except data.DataError as exc:
        message = str(exc)
        assert len(message.splitlines()) == 1, message
        assert path.name in message
    else:
        assert len(frame) == len(rows) - 1


def test_make_data_leaves_valid_data_unchanged(tmp_path, monkeypatch):
    copy = tmp_path / "data"
    shutil.copytree(paths.DATA, copy)
    before = {p.name: p.read_bytes() for p in copy.iterdir()}
    assert datapackage.main(copy) == 0
    assert {p.name: p.read_bytes() for p in copy.iterdir()} == before
