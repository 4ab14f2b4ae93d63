"""Command line for analysts.

    python -m analysis scenario NAME [--set PARAM=VALUE ...] [--draws N] [--seed S]
    python -m analysis cost --method METHOD --hours H [--region REGION]
                            [--type blackout|mobile|platform] [--draws N] [--seed S]
    python -m analysis whatif NOTEBOOK OUT [-p NAME VALUE ...]

Every argument goes through the one check of :mod:`analysis.inputs`, every table through
the loader; bad input prints one line saying what was wrong and exits with status 2.
``--help`` works even when a data file is broken.
"""

from __future__ import annotations

import argparse
import ast
import sys
import textwrap
from pathlib import Path

import pandas as pd

from analysis import inputs

#: What the command line turns into one line and exit status 2 (imported lazily below).
EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, non-zero exit
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def _arg(check, name):
    """An argparse type from a check of :mod:`analysis.inputs` (its message kept)."""

    def convert(text):
        try:
            return check(text, name)
        except inputs.InputError as exc:
            raise argparse.ArgumentTypeError(str(exc).removeprefix(f"{name}: ")) from None

    convert.__name__ = name
    return convert


def _assignment(text: str) -> tuple[str, float]:
    try:
        return inputs.parse_assignment(text)
    except inputs.InputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _region(text: str, name: str = "region") -> str:
    from analysis.data import regions

    try:
        return regions.canonical(text)
    except regions.RegionError as exc:
        raise inputs.InputError(str(exc)) from None


def _literal(text: str):
    """A notebook parameter's value as papermill reads it: a Python literal, else text."""
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


def _table(df: pd.DataFrame) -> str:
    return df.to_string(
        index=False, float_format=lambda x: f"{x:,.3g}" if abs(x) < 100 else f"{x:,.0f}"
    )


def _catalogue() -> str:
    """The parameters and scenarios in words, from the tables; one line if they are broken."""
    from analysis.data import DataError
    from analysis.data import params as tables
    from analysis.models import params

    try:
        p = tables.load_parameters()
        s = tables.load_scenarios()
    except Exception as exc:  # noqa: BLE001 - the help must print whatever the data hold
        if not isinstance(exc, DataError | params.ParameterError | OSError):
            exc = f"{type(exc).__name__}: {exc}"
        return (
            "Parameters and scenarios: the tables could not be read "
            f"({' '.join(str(exc).split())}); run `make data`."
        )
    wrap = textwrap.TextWrapper(width=96, initial_indent="  ", subsequent_indent="      ")
    lines = ["Parameters (data/parameters.csv; fix one with --set NAME=VALUE):"]
    for r in p.itertuples():
        lines.append(
            wrap.fill(
                f"{r.parameter}: {r.description} ({r.unit}; "
                f"{r.low:g} to {r.high:g}, central {r.central:g})"
            )
        )
    lines += ["", "Scenarios (data/scenarios.csv; base is the parameter table as it is):"]
    lines.append(wrap.fill("base: every parameter as in data/parameters.csv"))
    for name, g in s.groupby("scenario", sort=False):
        sets = ", ".join(g["parameter"].astype(str))
        lines.append(wrap.fill(f"{name}: sets {sets}. {g['basis'].iloc[0]}"))
    return "\n".join(lines)


def _parser() -> _Parser:
    from analysis.data import regions
    from analysis.models import impact

    catalogue = _catalogue()
    fmt = argparse.RawDescriptionHelpFormatter
    parser = _Parser(
        prog="python -m analysis",
        description="Impact model of Pakistan's VPN registration policy.",
        epilog=catalogue,
        formatter_class=fmt,
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    sc = sub.add_parser(
        "scenario",
        help="outputs of one scenario, median and 90%% interval",
        description="Outputs of one scenario: median and 90% interval of the inputs' range.",
        epilog=catalogue,
        formatter_class=fmt,
    )
    sc.add_argument("name", help="base or a scenario listed below")
    sc.add_argument(
        "--set",
        dest="sets",
        action="append",
        type=_assignment,
        default=[],
        metavar="PARAM=VALUE",
        help="fix a parameter (repeatable); the value is held to the parameter's unit",
    )
    draws_help = f"Monte Carlo draws, 1 to {inputs.MAX_DRAWS:,} (default 100,000)"
    seed_help = "random seed, a whole number >= 0 (default 20241130)"
    sc.add_argument("--draws", type=_arg(inputs.draws, "draws"), default=100_000, help=draws_help)
    sc.add_argument("--seed", type=_arg(inputs.seed, "seed"), default=20241130, help=seed_help)
    co = sub.add_parser(
        "cost",
        help="cost of one disruption by each method",
        description="Cost of one internet disruption by each method, in USD million.",
        formatter_class=fmt,
    )
    co.add_argument(
        "--method",
        required=True,
        type=_arg(inputs.method, "method"),
        help="; ".join(f"{k}: {v}" for k, v in impact.METHOD_LABELS.items()) + "; or all",
    )
    co.add_argument(
        "--hours",
        required=True,
        type=_arg(inputs.hours, "hours"),
        help="duration in hours, above 0 and up to 8,784 (a year)",
    )
    co.add_argument(
        "--region",
        default="pakistan",
        type=_arg(_region, "region"),
        help="national (default) or a province or territory: "
        + ", ".join(list(regions.NAMES.values())[1:])
        + " (KP, ICT, GB, AJK accepted)",
    )
    co.add_argument(
        "--share-affected",
        dest="reach",
        type=_arg(inputs.share, "share-affected"),
        default=1.0,
        help="share of the region's economy inside the disrupted places, in (0, 1] (default 1)",
    )
    co.add_argument(
        "--type", dest="kind", default="blackout", choices=impact.KINDS, help="what is cut off"
    )
    co.add_argument("--draws", type=_arg(inputs.draws, "draws"), default=100_000, help=draws_help)
    co.add_argument("--seed", type=_arg(inputs.seed, "seed"), default=20241130, help=seed_help)
    wi = sub.add_parser(
        "whatif",
        help="re-run one notebook with other parameters (checked first)",
        description="Re-run one notebook with other parameters, as papermill would: every\n"
        "parameter is checked before any cell runs, and nothing is written into reports/.",
        epilog="Notebook parameters:\n"
        + "\n".join(f"  {k}: {w}" for k, (_, w) in inputs.NOTEBOOK_PARAMETERS.items()),
        formatter_class=fmt,
    )
    wi.add_argument("notebook", type=Path, help="a notebook, e.g. notebooks/06-impact-by-group")
    wi.add_argument("out", type=Path, help="where to write the executed notebook (.ipynb)")
    wi.add_argument(
        "-p",
        "--parameter",
        dest="parameters",
        nargs=2,
        action="append",
        default=[],
        metavar=("NAME", "VALUE"),
        help="set a parameter (repeatable); VALUE is read as a Python literal, else as text",
    )
    return parser


def _run(args) -> int:
    from analysis import data
    from analysis.data import params as tables
    from analysis.data import regions
    from analysis.models import impact, params

    data.check_package()
    if args.command == "scenario":
        p, s = tables.load_parameters(), tables.load_scenarios()
        inputs.scenario(args.name, params.scenario_names(s))
        sets = inputs.overrides(dict(args.sets), p, tables.limits())
        table = impact.scenario(
            p, s, args.name, args.draws, args.seed, sets, correlations=tables.load_correlations()
        )
        print(
            f"scenario {args.name}: {args.draws:,} draws, seed {args.seed}, with the stated "
            "correlations between parameters; median and 90% range of simulated inputs"
        )
        print(_table(table[["output", "median", "low", "high", "unit"]]))
    elif args.command == "cost":
        base = params.for_scenario(tables.load_parameters(), tables.load_scenarios(), "base")
        methods = impact.COST_METHODS if args.method == "all" else (args.method,)
        table = impact.cost_table(
            base,
            args.hours,
            args.kind,
            regions.gdp_share_range(args.region),
            args.reach,
            args.draws,
            args.seed,
            methods,
        )
        where = regions.NAMES[args.region]
        if args.reach < 1:
            where += f", {args.reach:.0%} of its economy"
        print(
            f"{args.kind} of {args.hours:g} hours, {where}: cost in USD million, median "
            f"and 90% range of inputs ({args.draws:,} draws); share of the area's GDP "
            "for the period"
        )
        shown = table.assign(method=table["method"].map(impact.METHOD_LABELS))
        print(_table(shown.drop(columns="unit")))
    else:
        return _whatif(args)
    return 0


def _whatif(args) -> int:
    import nbformat

    from analysis.report import build

    path = args.notebook if args.notebook.suffix else args.notebook.with_suffix(".ipynb")
    if not path.is_file():
        raise inputs.InputError(f"notebook {str(path)!r}: file not found; expected NN-topic.ipynb")
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as exc:  # nbformat raises several types for a file that is not a notebook
        raise inputs.InputError(f"notebook {path.name!r}: not a notebook ({exc})") from None
    given = {name: _literal(value) for name, value in args.parameters}
    try:
        build.check_parameters(nb, path.name, given)
    except build.NotebookError as exc:
        raise inputs.InputError(str(exc)) from None
    if args.out.suffix != ".ipynb":
        raise inputs.InputError(f"out {str(args.out)!r}: expected a path ending in .ipynb")
    try:
        done = build.execute(path, parameters=given, record_timing=False)
    except build.NotebookError as exc:
        print(f"python -m analysis: notebook failed: {exc}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(done.notebook, args.out)
    shown = ", ".join(f"{k}={v!r}" for k, v in given.items()) or "its own parameters"
    print(f"{path.name} with {shown}: {args.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (2 for bad input, with one line)."""
    from analysis.data import DataError
    from analysis.data.regions import RegionError
    from analysis.events import EventError
    from analysis.models.params import ParameterError

    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except (
        inputs.InputError,
        ParameterError,
        DataError,
        RegionError,
        EventError,
    ) as exc:
        print(f"python -m analysis: error: {' '.join(str(exc).split())}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
