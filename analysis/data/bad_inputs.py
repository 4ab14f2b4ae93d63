"""The catalogue of bad inputs, and the table of what each one gets told.

``python -m analysis.data.bad_inputs`` runs every case on a private copy of ``data/`` (through
``ANALYSIS_DATA_DIR``) and prints a Markdown table "bad input | exit | message" (saved as
``docs/bad-inputs.md``). ``tests/test_bad_inputs.py`` runs the same cases and holds each to
the rule: exit status 2, exactly one line on stderr, the line names the input, no traceback.

A case is a bad value typed on the command line, a bad notebook parameter (through
``python -m analysis whatif``), or a damaged copy of the data package, run through the
command line or ``make data`` (:func:`analysis.data.package.main`). After an edit to a table
the copy's checksums are recorded again, so the check under test is the one that answers;
the stale-checksum case leaves them as they were.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from analysis import data, paths

Edit = Callable[[Path], None]
#: The command each data case runs when it names none: a quick scenario.
PROBE = ("scenario", "base", "--draws", "500")
MAKE_DATA = ("make", "data")


@dataclass(frozen=True)
class Case:
    """One bad input: what it is, how it is run, and what its message must name."""

    what: str
    argv: tuple[str, ...] = PROBE
    edit: Edit | None = None
    names: str = ""
    rehash: bool = True
    env: tuple[tuple[str, str], ...] = ()

    def __post_init__(self):
        if self.edit is not None and not callable(self.edit):
            raise TypeError(f"case {self.what!r}: edit must be a function of the data folder")
        if not self.names:
            raise TypeError(f"case {self.what!r}: names (what the message must name) is empty")


# --------------------------------------------------------------------------- edits


def _rows(folder: Path, file: str) -> list[list[str]]:
    with (folder / file).open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def _write_rows(folder: Path, file: str, rows: list[list[str]]) -> None:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    (folder / file).write_text(buf.getvalue(), encoding="utf-8")


def cell(file: str, where: dict[str, str], **changes: str) -> Edit:
    """Set columns of the first row of ``file`` whose columns equal ``where``."""

    def edit(folder: Path) -> None:
        rows = _rows(folder, file)
        head = rows[0]
        for row in rows[1:]:
            if all(row[head.index(k)] == v for k, v in where.items()):
                for k, v in changes.items():
                    row[head.index(k)] = v
                _write_rows(folder, file, rows)
                return
        raise LookupError(f"{file}: no row with {where}")

    return edit


def nth(file: str, n: int = 1, **changes: str) -> Edit:
    """Set columns of the ``n``-th data row of ``file``."""

    def edit(folder: Path) -> None:
        rows = _rows(folder, file)
        for k, v in changes.items():
            rows[n][rows[0].index(k)] = v
        _write_rows(folder, file, rows)

    return edit


def scaled(file: str, where: dict[str, str], factor: float) -> Edit:
    """Multiply the ``value`` of the matching row of ``file`` by ``factor``."""

    def edit(folder: Path) -> None:
        rows = _rows(folder, file)
        head = rows[0]
        for row in rows[1:]:
            if all(row[head.index(k)] == v for k, v in where.items()):
                row[head.index("value")] = f"{float(row[head.index('value')]) * factor:g}"
                _write_rows(folder, file, rows)
                return
        raise LookupError(f"{file}: no row with {where}")

    return edit


def text(file: str, transform: Callable[[str], str]) -> Edit:
    """Rewrite ``file``'s text."""

    def edit(folder: Path) -> None:
        path = folder / file
        path.write_text(transform(path.read_text(encoding="utf-8")), encoding="utf-8")

    return edit


def raw(file: str, transform: Callable[[bytes], bytes]) -> Edit:
    """Rewrite ``file``'s bytes."""

    def edit(folder: Path) -> None:
        path = folder / file
        path.write_bytes(transform(path.read_bytes()))

    return edit


def column(file: str, drop: str | None = None, add: str | None = None) -> Edit:
    """Drop a column of ``file``, or add one (filled with ``x``)."""

    def edit(folder: Path) -> None:
        rows = _rows(folder, file)
        if drop:
            i = rows[0].index(drop)
            rows = [r[:i] + r[i + 1 :] for r in rows]
        if add:
            rows = [[*r, add if n == 0 else "x"] for n, r in enumerate(rows)]
        _write_rows(folder, file, rows)

    return edit


def package(transform: Callable[[dict], None]) -> Edit:
    """Change the parsed ``datapackage.json``."""

    def edit(folder: Path) -> None:
        path = folder / data.DATAPACKAGE
        pkg = json.loads(path.read_text(encoding="utf-8"))
        transform(pkg)
        path.write_text(json.dumps(pkg, indent=2), encoding="utf-8")

    return edit


def _resource(pkg: dict, name: str) -> dict:
    return next(r for r in pkg["resources"] if r["name"] == name)


def _field(pkg: dict, table: str, name: str) -> dict:
    return next(f for f in _resource(pkg, table)["schema"]["fields"] if f["name"] == name)


def _append_copy_of_row(file: str, n: int = 1) -> Edit:
    def edit(folder: Path) -> None:
        rows = _rows(folder, file)
        _write_rows(folder, file, [*rows, rows[n]])

    return edit


def _delete(file: str) -> Edit:
    return lambda folder: (folder / file).unlink()


def _touch(file: str, content: str = "a,b\n1,2\n") -> Edit:
    return lambda folder: (folder / file).write_text(content, encoding="utf-8")


def _insert_line(file: str, at: int, line: str) -> Edit:
    def transform(t: str) -> str:
        lines = t.splitlines(keepends=True)
        return "".join([*lines[:at], line, *lines[at:]])

    return text(file, transform)


P = "parameters.csv"
S = "scenarios.csv"
REG = "vpn_registrations.csv"


def _p(name: str, **changes: str) -> Edit:
    return cell(P, {"parameter": name}, **changes)


def _cli(*args: str) -> tuple[str, ...]:
    return args


def _whatif(nb: str, *params: str) -> tuple[str, ...]:
    out = str(Path(tempfile.gettempdir()) / "pk-vpn-whatif-never-written.ipynb")
    argv = ["whatif", str(paths.NOTEBOOKS / nb), out]
    for pair in zip(params[::2], params[1::2], strict=True):
        argv += ["-p", *pair]
    return tuple(argv)


N06, N07, N04, N05, N08 = (
    "06-impact-by-group.ipynb",
    "07-scenarios-sensitivity.ipynb",
    "04-registration-uptake.ipynb",
    "05-exports-counterfactual.ipynb",
    "08-disruption-costs.ipynb",
)
SC = ("scenario", "base", "--draws", "500")
COST = ("cost", "--method", "all", "--draws", "500")

CASES: tuple[Case, ...] = (
    # ---------------------------------------------------------- command-line arguments
    Case("unknown scenario", _cli("scenario", "total_ban"), names="total_ban"),
    Case("--set unknown parameter", _cli(*SC, "--set", "nope=1"), names="nope"),
    Case("--set without =", _cli(*SC, "--set", "switch_share"), names="switch_share"),
    Case("--set not a number", _cli(*SC, "--set", "switch_share=lots"), names="switch_share"),
    Case("--set NaN", _cli(*SC, "--set", "switch_share=nan"), names="switch_share"),
    Case("--set infinite", _cli(*SC, "--set", "switch_share=inf"), names="switch_share"),
    Case(
        "--set negative days",
        _cli(*SC, "--set", "individual_disruption_days=-5"),
        names="individual_disruption_days",
    ),
    Case(
        "--set days beyond a year",
        _cli(*SC, "--set", "individual_disruption_days=1000"),
        names="days",
    ),
    Case("--set share as percent (18)", _cli(*SC, "--set", "vpn_user_share=18"), names="share"),
    Case("--set share above one", _cli(*SC, "--set", "vpn_user_share=1.5"), names="vpn_user"),
    Case(
        "--set persons for million persons",
        _cli(*SC, "--set", "internet_users_million=116000000"),
        names="internet_users_million",
    ),
    Case(
        "--set USD for USD million",
        _cli(*SC, "--set", "it_exports_usd_million=3810000000"),
        names="it_exports_usd_million",
    ),
    Case(
        "--set USD for USD billion (GDP)",
        _cli(*SC, "--set", "gdp_usd_billion=407200000000"),
        names="gdp_usd_billion",
    ),
    Case(
        "--set hours beyond a year",
        _cli(*SC, "--set", "compliance_hours_per_firm=100000"),
        names="compliance_hours_per_firm",
    ),
    Case("--draws 0", _cli("scenario", "base", "--draws", "0"), names="--draws"),
    Case("--draws negative", _cli("scenario", "base", "--draws", "-3"), names="--draws"),
    Case("--draws a billion", _cli("scenario", "base", "--draws", "1000000000"), names="--draws"),
    Case("--draws fractional", _cli("scenario", "base", "--draws", "2.5"), names="--draws"),
    Case("--draws text", _cli("scenario", "base", "--draws", "many"), names="--draws"),
    Case("--seed negative", _cli("scenario", "base", "--seed", "-1"), names="--seed"),
    Case("--seed fractional", _cli("scenario", "base", "--seed", "1.5"), names="--seed"),
    Case("--seed above 2**63", _cli(*SC, "--seed", str(2**64)), names="--seed"),
    Case("unknown --method", _cli("cost", "--method", "magic", "--hours", "3"), names="magic"),
    Case("--hours negative", _cli(*COST, "--hours", "-2"), names="--hours"),
    Case("--hours zero", _cli(*COST, "--hours", "0"), names="--hours"),
    Case("--hours a million", _cli(*COST, "--hours", "1e6"), names="--hours"),
    Case("--hours NaN", _cli(*COST, "--hours", "nan"), names="--hours"),
    Case("--hours infinite", _cli(*COST, "--hours", "inf"), names="--hours"),
    Case("--hours text", _cli(*COST, "--hours", "soon"), names="--hours"),
    Case("--hours missing", _cli(*COST), names="--hours"),
    Case("unknown --region", _cli(*COST, "--hours", "2", "--region", "narnia"), names="narnia"),
    Case("--share-affected 0", _cli(*COST, "--hours", "2", "--share-affected", "0"), names="share"),
    Case(
        "--share-affected 1.5",
        _cli(*COST, "--hours", "2", "--share-affected", "1.5"),
        names="share",
    ),
    Case(
        "--share-affected NaN",
        _cli(*COST, "--hours", "2", "--share-affected", "nan"),
        names="share",
    ),
    Case("unknown --type", _cli(*COST, "--hours", "2", "--type", "wifi"), names="wifi"),
    Case("unknown command", _cli("simulate"), names="simulate"),
    Case("unknown option", _cli(*SC, "--colour", "red"), names="--colour"),
    # ---------------------------------------------------------- notebook parameters
    Case("whatif: no such notebook", ("whatif", "notebooks/99-nothing", "x.ipynb"), names="99"),
    Case("whatif: output not .ipynb", (*_whatif(N06)[:2], "out.txt"), names="out.txt"),
    Case("DRAWS negative", _whatif(N06, "DRAWS", "-5"), names="DRAWS"),
    Case("DRAWS a billion", _whatif(N06, "DRAWS", "1000000000"), names="DRAWS"),
    Case("DRAWS text", _whatif(N06, "DRAWS", "many"), names="DRAWS"),
    Case("DRAWS boolean", _whatif(N06, "DRAWS", "True"), names="DRAWS"),
    Case("SEED negative", _whatif(N06, "SEED", "-1"), names="SEED"),
    Case("SCENARIOS unknown name", _whatif(N06, "SCENARIOS", "['total_ban']"), names="SCENARIOS"),
    Case("SCENARIOS not a list", _whatif(N06, "SCENARIOS", "5"), names="SCENARIOS"),
    Case("SCENARIO unknown", _whatif(N07, "SCENARIO", "total_ban"), names="SCENARIO"),
    Case(
        "OVERRIDES negative",
        _whatif(N06, "OVERRIDES", "{'individual_disruption_days': -5}"),
        names="days",
    ),
    Case("OVERRIDES unknown parameter", _whatif(N06, "OVERRIDES", "{'nope': 1}"), names="nope"),
    Case(
        "OVERRIDES share as percent",
        _whatif(N06, "OVERRIDES", "{'vpn_user_share': 18}"),
        names="share",
    ),
    Case("OVERRIDES not a mapping", _whatif(N06, "OVERRIDES", "[1, 2]"), names="OVERRIDES"),
    Case("OUTPUT unknown", _whatif(N07, "OUTPUT", "happiness"), names="OUTPUT"),
    Case("HEADLINE unknown method", _whatif(N08, "HEADLINE", "magic"), names="HEADLINE"),
    Case(
        "HEADLINE_METHOD unknown", _whatif(N05, "HEADLINE_METHOD", "ouija"), names="HEADLINE_METHOD"
    ),
    Case("MODEL unknown", _whatif(N04, "MODEL", "cubic"), names="MODEL"),
    Case("LEVEL above one", _whatif(N04, "LEVEL", "90"), names="LEVEL"),
    Case("START not a month", _whatif(N05, "START", "2019-13"), names="START"),
    Case("unknown notebook parameter", _whatif(N06, "NOPE", "1"), names="NOPE"),
    # ---------------------------------------------------------- parameters and scenarios
    Case("parameter low > high", MAKE_DATA, _p("switch_share", low="0.9"), "switch_share"),
    Case("parameter share 1.5", MAKE_DATA, _p("switch_share", high="1.5"), "switch_share"),
    Case(
        "parameter share typed as percent",
        MAKE_DATA,
        _p("vpn_user_share", low="12", central="18", high="24"),
        "vpn_user_share",
    ),
    Case("parameter unit typo", MAKE_DATA, _p("switch_share", unit="shaer"), "shaer"),
    Case(
        "parameter share spelt 'fraction'",
        MAKE_DATA,
        _p("switch_share", unit="fraction", high="1.4"),
        "switch_share",
    ),
    Case(
        "parameter share spelt 'Proportion'",
        MAKE_DATA,
        _p("switch_share", unit="Proportion", high="2"),
        "switch_share",
    ),
    Case(
        "parameter in persons, not million",
        MAKE_DATA,
        _p("freelancers_million", low="1000000", central="2345000", high="3000000"),
        "freelancers_million",
    ),
    Case(
        "parameter in USD, not USD million",
        MAKE_DATA,
        _p("freelance_earnings_usd_million", low="269800000", central="350150000", high="779e6"),
        "freelance_earnings_usd_million",
    ),
    Case(
        "parameter distribution unknown",
        MAKE_DATA,
        _p("switch_share", distribution="normal"),
        "distribution",
    ),
    Case("parameter overflowing number", MAKE_DATA, _p("switch_share", high="1e999"), "high"),
    Case("parameter 'nan'", MAKE_DATA, _p("switch_share", high="nan"), "high"),
    Case("parameter negative", MAKE_DATA, _p("individual_disruption_days", low="-1"), "low"),
    Case(
        "fixed parameter with a range",
        MAKE_DATA,
        _p("mobile_broadband_share", high="0.99"),
        "mobile_broadband_share",
    ),
    Case("parameter listed twice", MAKE_DATA, _append_copy_of_row(P), "parameters.csv"),
    Case(
        "scenario sets unknown parameter",
        MAKE_DATA,
        cell(S, {"scenario": "as_announced"}, parameter="detection"),
        "detection",
    ),
    Case(
        "scenario low > high",
        MAKE_DATA,
        cell(S, {"scenario": "as_announced"}, low="0.99"),
        "as_announced",
    ),
    Case(
        "scenario share above one",
        MAKE_DATA,
        cell(S, {"scenario": "as_announced"}, high="1.8"),
        "as_announced",
    ),
    Case(
        "scenario days negative (CLI)",
        _cli("scenario", "as_announced", "--draws", "500"),
        cell(S, {"scenario": "as_announced", "parameter": "individual_disruption_days"}, low="-7"),
        "scenarios.csv",
    ),
    Case("scenario named base", MAKE_DATA, nth(S, 1, scenario="base"), "base"),
    # ---------------------------------------------------------- implausible and impossible values
    Case(
        "monthly export ten times too large",
        MAKE_DATA,
        scaled("it_exports_monthly.csv", {"month": "2023-05"}, 10),
        "it_exports_monthly.csv",
    ),
    Case(
        "monthly remittance a tenth",
        MAKE_DATA,
        scaled("workers_remittances_monthly.csv", {"month": "2023-05"}, 0.1),
        "workers_remittances_monthly.csv",
    ),
    Case(
        "bandwidth in Mbps among Gbps",
        MAKE_DATA,
        scaled("vpn_bandwidth.csv", {"month": "2024-12"}, 1000),
        "vpn_bandwidth.csv",
    ),
    Case(
        "share in a table typed as percent",
        MAKE_DATA,
        cell("macro.csv", {"unit": "fraction"}, value="97.1"),
        "macro.csv",
    ),
    Case(
        "unit outside the table's list",
        MAKE_DATA,
        cell("freelancer_estimates.csv", {"unit": "fraction"}, unit="Proportion", value="1.3"),
        "freelancer_estimates.csv",
    ),
    Case(
        "share_of_... unit above one",
        MAKE_DATA,
        cell("impact_estimates.csv", {"unit": "share_of_firms"}, value="90"),
        "impact_estimates.csv",
    ),
    Case(
        "percent decline above 100",
        MAKE_DATA,
        cell("impact_estimates.csv", {"unit": "percent_decline_orders"}, value="130"),
        "impact_estimates.csv",
    ),
    Case(
        "percent below -100",
        MAKE_DATA,
        cell("macro.csv", {"unit": "percent"}, value="-250"),
        "macro.csv",
    ),
    Case("survey share above one", MAKE_DATA, nth("vpn_surveys.csv", 1, share="18"), "share"),
    Case(
        "regional GDP share above one",
        MAKE_DATA,
        nth("region_gdp_shares.csv", 1, share="1.2"),
        "share",
    ),
    Case("negative count", MAKE_DATA, nth(REG, 3, value="-5"), "vpn_registrations.csv"),
    Case("overflowing number in a table", MAKE_DATA, nth(REG, 3, value="1e400"), "value"),
    # ---------------------------------------------------------- malformed tables
    Case("missing column", MAKE_DATA, column(REG, drop="unit"), "vpn_registrations.csv"),
    Case("extra column", MAKE_DATA, column(REG, add="extra"), "extra"),
    Case("number with thousands separator", MAKE_DATA, nth(REG, 2, value="20,437"), "value"),
    Case("impossible date", MAKE_DATA, nth(REG, 1, date="2024-02-30"), "date"),
    Case("date in another format", MAKE_DATA, nth(REG, 1, date="30/11/2024"), "date"),
    Case("date outside 1990-2026", MAKE_DATA, nth(REG, 1, date="2031-01-01"), "date"),
    Case("month 13", MAKE_DATA, nth("it_exports_monthly.csv", 1, month="2019-13"), "month"),
    Case("unresolved source_id", MAKE_DATA, nth(REG, 1, source_id="no-such"), "source_id"),
    Case("unknown category", MAKE_DATA, nth(REG, 1, counted="bananas"), "counted"),
    Case("blank required cell", MAKE_DATA, nth(REG, 1, value=""), "value"),
    Case("value padded with spaces", MAKE_DATA, nth(REG, 1, value=" 20437"), "value"),
    Case("derived value without formula", MAKE_DATA, nth(REG, 1, flag="derived"), "formula"),
    Case("boolean spelt yes", MAKE_DATA, nth(REG, 1, use="yes"), "use"),
    Case(
        "two rows in use for one quantity",
        MAKE_DATA,
        cell(REG, {"use": "false"}, use="true"),
        "use",
    ),
    Case("a row repeated", MAKE_DATA, _append_copy_of_row(REG), "vpn_regist"),
    Case("duplicate source", MAKE_DATA, _append_copy_of_row("sources.csv"), "sources.csv"),
    Case("empty file", MAKE_DATA, raw(REG, lambda b: b""), "vpn_registrations.csv"),
    Case("header only", MAKE_DATA, text(REG, lambda t: t.splitlines(True)[0]), "vpn_regist"),
    Case("byte-order mark", MAKE_DATA, raw(REG, lambda b: b"\xef\xbb\xbf" + b), "vpn_regist"),
    Case(
        "Latin-1 text",
        MAKE_DATA,
        raw(REG, lambda b: b.replace(b"\n", " \xe9\n".encode("latin-1"), 3)),
        "vpn_registrations.csv",
    ),
    Case("blank row", MAKE_DATA, _insert_line(REG, 3, "\n"), "vpn_registrations.csv"),
    Case("short row", MAKE_DATA, _insert_line(REG, 3, "total,,,\n"), "vpn_registrations.csv"),
    Case("unclosed quote", MAKE_DATA, _insert_line(REG, 3, '"2024-01-01,\n'), "vpn_regist"),
    # ---------------------------------------------------------- the package
    Case(
        "datapackage.json not JSON",
        MAKE_DATA,
        text("datapackage.json", lambda t: t[:-40]),
        "datapackage.json",
    ),
    Case(
        "datapackage.json not JSON (CLI)",
        PROBE,
        text("datapackage.json", lambda t: "{" + t),
        "datapackage.json",
    ),
    Case(
        "datapackage.json without resources",
        MAKE_DATA,
        package(lambda p: p.pop("resources")),
        "resources",
    ),
    Case(
        "resource without schema",
        MAKE_DATA,
        package(lambda p: _resource(p, "macro").pop("schema")),
        "macro",
    ),
    Case(
        "resource without path",
        MAKE_DATA,
        package(lambda p: _resource(p, "macro").pop("path")),
        "macro",
    ),
    Case(
        "field of unknown type",
        MAKE_DATA,
        package(lambda p: _field(p, "macro", "value").update(type="decimal")),
        "macro",
    ),
    Case(
        "key naming no field",
        MAKE_DATA,
        package(lambda p: _resource(p, "macro").update(useKey=["period", "nope"])),
        "useKey",
    ),
    Case("listed file missing (CLI)", PROBE, _delete("macro.csv"), "macro.csv", rehash=False),
    Case("listed file missing", MAKE_DATA, _delete("macro.csv"), "macro.csv", rehash=False),
    Case("file not in the package (CLI)", PROBE, _touch("extra.csv"), "extra.csv"),
    Case("file not in the package", MAKE_DATA, _touch("notes.xlsx"), "notes.xlsx"),
    Case(
        "file changed, checksum not recorded",
        PROBE,
        nth(REG, 1, note="edited by hand"),
        "vpn_registrations.csv",
        rehash=False,
    ),
    Case(
        "ANALYSIS_PERTURB not a number",
        PROBE,
        names="ANALYSIS_PERTURB",
        env=(("ANALYSIS_PERTURB", "lots"),),
    ),
    Case(
        "ANALYSIS_DATA_DIR missing",
        PROBE,
        names="datapackage.json",
        env=(("ANALYSIS_DATA_DIR", "/nonexistent/data"),),
    ),
)


# --------------------------------------------------------------------------- running


@dataclass(frozen=True)
class Outcome:
    """What a case gave: exit status, stderr, and a traceback if anything escaped."""

    status: int
    stderr: str
    traceback: str = ""


def prepare(case: Case, folder: Path) -> Path:
    """Copy ``data/`` into ``folder/data``, apply the case's edit; return the copy.

    A case that edits nothing (a bad argument) reads ``data/`` itself, which it never writes.
    """
    if case.edit is None and case.argv != MAKE_DATA:
        return paths.DATA
    copy = folder / "data"
    shutil.copytree(paths.DATA, copy)
    if case.edit:
        case.edit(copy)
        if case.rehash:
            _rehash(copy)
    return copy


def _rehash(copy: Path) -> None:
    from analysis.data import package as datapackage

    path = copy / data.DATAPACKAGE
    try:
        pkg = json.loads(path.read_text(encoding="utf-8"))
        datapackage.refresh_hashes(pkg, copy)
    except (ValueError, KeyError, TypeError, AttributeError, OSError):
        return  # a damaged descriptor or missing file: nothing to record
    path.write_text(json.dumps(pkg, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def run(case: Case, folder: Path) -> Outcome:
    """Run one case in this process on a private copy of the data; return its outcome."""
    from analysis.__main__ import main as cli
    from analysis.data import package as datapackage

    copy = prepare(case, Path(folder))
    env = {data.DATA_ENV: str(copy), "ANALYSIS_REPORTS_DIR": str(Path(folder) / "reports")}
    env.update(dict(case.env))
    err, out = io.StringIO(), io.StringIO()
    with paths.environ(**env), contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        try:
            status = datapackage.main() if case.argv == MAKE_DATA else cli(list(case.argv))
        except SystemExit as exc:
            status = exc.code if isinstance(exc.code, int) else 1
        except Exception:  # noqa: BLE001 - the point: report anything that escapes
            return Outcome(1, err.getvalue(), traceback.format_exc())
    return Outcome(status, err.getvalue())


def command(case: Case) -> str:
    """The command a case runs, as a person would type it."""
    if case.argv == MAKE_DATA:
        return "make data"
    return "python -m analysis " + " ".join(
        a.replace(str(paths.ROOT) + "/", "").replace(tempfile.gettempdir(), "$TMPDIR")
        for a in case.argv
    )


def table(cases: tuple[Case, ...] = CASES) -> str:
    """The Markdown table of every case and the one line it gets."""
    lines = [
        "# Bad inputs and what they are told",
        "",
        "Generated by `python -m analysis.data.bad_inputs` (the cases of",
        "`tests/test_bad_inputs.py`); each runs on a private copy of `data/`. Every case exits",
        f"with status 2 and one line on stderr. {len(cases)} cases.",
        "",
        "| bad input | command | exit | message |",
        "|---|---|---|---|",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for i, case in enumerate(cases):
            got = run(case, Path(tmp) / str(i))
            message = got.traceback.strip().splitlines()[-1] if got.traceback else got.stderr
            message = " ".join(message.split()).replace(str(Path(tmp) / str(i)), "$COPY")
            message = message.replace("|", "\\|").replace("`", "'")
            lines.append(f"| {case.what} | `{command(case)}` | {got.status} | {message} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(table())
