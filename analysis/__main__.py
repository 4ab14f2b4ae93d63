"""Command line for analysts.

    python -m analysis scenario NAME [--set PARAM=VALUE ...] [--draws N] [--seed S]
    python -m analysis cost --method METHOD --hours H [--region REGION]
                            [--type blackout|mobile|platform] [--draws N] [--seed S]

Bad arguments print one line saying what was wrong and exit with status 2.
"""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from analysis.data import DataError
from analysis.data import params as tables
from analysis.models import impact, params


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, non-zero exit
        self.exit(2, f"{self.prog}: error: {message}\n")


def _assignment(text: str) -> tuple[str, float]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"expected PARAM=VALUE, got {text!r}")
    try:
        return name, float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{name}: expected a number, got {value!r}") from None


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, got {n}")
    return n


def _hours(text: str) -> float:
    try:
        h = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of hours, got {text!r}") from None
    if not h > 0:
        raise argparse.ArgumentTypeError(f"expected hours > 0, got {text}")
    return h


def _table(df: pd.DataFrame) -> str:
    return df.to_string(
        index=False, float_format=lambda x: f"{x:,.3g}" if abs(x) < 100 else f"{x:,.0f}"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _Parser(
        prog="python -m analysis", description="Impact model of Pakistan's VPN registration policy."
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    sc = sub.add_parser("scenario", help="outputs of one scenario, median and 90%% interval")
    try:  # the help lists the scenarios, and must work even when a table is broken
        names = "base, " + ", ".join(params.scenario_names(tables.load_scenarios())[1:])
    except (DataError, params.ParameterError):
        names = "base or a scenario of data/scenarios.csv (unreadable now: run `make data`)"
    sc.add_argument("name", help=names)
    sc.add_argument(
        "--set",
        dest="sets",
        action="append",
        type=_assignment,
        default=[],
        metavar="PARAM=VALUE",
        help="fix a parameter (repeatable)",
    )
    sc.add_argument("--draws", type=_positive, default=100_000)
    sc.add_argument("--seed", type=int, default=20241130)
    co = sub.add_parser("cost", help="cost of one disruption by one method or all four")
    co.add_argument("--method", required=True, help=", ".join(impact.COST_METHODS) + " or all")
    co.add_argument("--hours", required=True, type=_hours)
    co.add_argument("--region", default="national")
    co.add_argument("--type", dest="kind", default="blackout", choices=impact.KINDS)
    co.add_argument("--draws", type=_positive, default=100_000)
    co.add_argument("--seed", type=int, default=20241130)
    args = parser.parse_args(argv)
    try:
        if args.command == "scenario":
            table = impact.scenario(
                tables.load_parameters(),
                tables.load_scenarios(),
                args.name,
                args.draws,
                args.seed,
                dict(args.sets),
            )
            print(
                f"scenario {args.name}: {args.draws:,} draws, seed {args.seed}; "
                "median and 90% interval"
            )
            print(_table(table[["output", "median", "low", "high", "unit"]]))
        else:
            base = params.for_scenario(tables.load_parameters(), tables.load_scenarios(), "base")
            methods = impact.COST_METHODS if args.method == "all" else (args.method,)
            table = impact.cost_table(
                base, args.hours, args.kind, args.region, args.draws, args.seed, methods
            )
            print(
                f"{args.kind} of {args.hours:g} hours, {args.region}: cost in USD million, "
                f"median and 90% interval ({args.draws:,} draws)"
            )
            print(_table(table))
    except (params.ParameterError, DataError) as exc:
        print(f"python -m analysis: error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
