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

from analysis.data import DataError, regions
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


#: Most Monte Carlo draws one run may ask for: each draw holds about 60 numbers of 8 bytes
#: (parameters and outputs), so 5,000,000 draws take about 2.4 GB, a tenth of the machine.
MAX_DRAWS = 5_000_000


def _whole(text: str, least: int) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if n < least:
        raise argparse.ArgumentTypeError(f"expected a whole number >= {least}, got {n}")
    return n


def _draws(text: str) -> int:
    n = _whole(text, 1)
    if n > MAX_DRAWS:
        raise argparse.ArgumentTypeError(
            f"at most {MAX_DRAWS:,} draws (each holds about 60 numbers of 8 bytes: "
            f"{MAX_DRAWS:,} take about 2.4 GB), got {n:,}"
        )
    return n


def _seed(text: str) -> int:
    return _whole(text, 0)


def _hours(text: str) -> float:
    try:
        return impact.check_hours(float(text))
    except ValueError as exc:
        if isinstance(exc, params.ParameterError):
            raise argparse.ArgumentTypeError(str(exc)) from None
        raise argparse.ArgumentTypeError(f"expected a number of hours, got {text!r}") from None


def _region(text: str) -> str:
    try:
        return regions.canonical(text)
    except regions.RegionError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _reach(text: str) -> float:
    try:
        x = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a share in (0, 1], got {text!r}") from None
    if not 0 < x <= 1:
        raise argparse.ArgumentTypeError(f"expected a share in (0, 1], got {text}")
    return x


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
    sc.add_argument("--draws", type=_draws, default=100_000, help=f"at most {MAX_DRAWS:,}")
    sc.add_argument("--seed", type=_seed, default=20241130, help="a whole number >= 0")
    co = sub.add_parser("cost", help="cost of one disruption by each method")
    co.add_argument(
        "--method",
        required=True,
        help="; ".join(f"{k}: {v}" for k, v in impact.METHOD_LABELS.items()) + "; or all",
    )
    co.add_argument("--hours", required=True, type=_hours, help="duration, up to 8,784")
    co.add_argument(
        "--region",
        default="pakistan",
        type=_region,
        help="national (default) or a province or territory: "
        + ", ".join(list(regions.NAMES.values())[1:])
        + " (KP, ICT, GB, AJK accepted)",
    )
    co.add_argument(
        "--share-affected",
        dest="reach",
        type=_reach,
        default=1.0,
        help="share of the region's economy inside the disrupted places (default 1)",
    )
    co.add_argument("--type", dest="kind", default="blackout", choices=impact.KINDS)
    co.add_argument("--draws", type=_draws, default=100_000, help=f"at most {MAX_DRAWS:,}")
    co.add_argument("--seed", type=_seed, default=20241130, help="a whole number >= 0")
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
    except (params.ParameterError, DataError, regions.RegionError) as exc:
        print(f"python -m analysis: error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
