"""Model parameters and scenarios: validate, apply overrides, and draw (pure functions).

The tables are read by :mod:`analysis.data.params`.
Parameters live in ``data/parameters.csv`` (low, central, high, distribution and the basis of
each bound); scenarios in ``data/scenarios.csv`` are sets of overrides. Every error names the
parameter or scenario and what was expected.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

DISTRIBUTIONS = ("triangular", "uniform", "fixed")
BASE = "base"


class ParameterError(ValueError):
    """A parameter, scenario or override is not valid; the message names it."""


def check(params: pd.DataFrame, where: str = "parameters.csv") -> pd.DataFrame:
    """Check order of bounds, share ranges and distributions; return ``params``.

    Raises:
        ParameterError: naming the parameter and what was expected.
    """
    for r in params.itertuples():
        if not r.low <= r.central <= r.high:
            raise ParameterError(
                f"{where}: parameter {r.parameter!r}: expected low <= central "
                f"<= high, got {r.low:g}, {r.central:g}, {r.high:g}"
            )
        if r.unit == "share" and not (0 <= r.low and r.high <= 1):
            raise ParameterError(
                f"{where}: parameter {r.parameter!r} is a share: expected "
                f"values in [0, 1], got {r.low:g} to {r.high:g}"
            )
        if r.distribution not in DISTRIBUTIONS:
            raise ParameterError(
                f"{where}: parameter {r.parameter!r}: unknown distribution "
                f"{r.distribution!r}; expected one of "
                f"{', '.join(DISTRIBUTIONS)}"
            )
        if r.distribution == "fixed" and not r.low == r.central == r.high:
            raise ParameterError(
                f"{where}: parameter {r.parameter!r} is fixed: expected low = central = high"
            )
    return params


def scenario_names(scenarios: pd.DataFrame) -> list[str]:
    """``base`` (the parameter table as is) and every scenario in ``scenarios.csv``."""
    return [BASE, *dict.fromkeys(scenarios["scenario"])]


def for_scenario(
    params: pd.DataFrame,
    scenarios: pd.DataFrame,
    name: str,
    overrides: dict[str, float] | None = None,
) -> pd.DataFrame:
    """Parameters under scenario ``name``, then ``overrides`` (each fixes one parameter).

    Raises:
        ParameterError: unknown scenario or parameter, or an override out of range.
    """
    known = scenario_names(scenarios)
    if name not in known:
        raise ParameterError(f"unknown scenario {name!r}; expected one of {', '.join(known)}")
    out = params.set_index("parameter").copy()
    rows = scenarios.loc[scenarios["scenario"] == name]
    for r in rows.itertuples():
        if r.parameter not in out.index:
            raise ParameterError(
                f"scenarios.csv: scenario {name!r} overrides unknown parameter {r.parameter!r}"
            )
        out.loc[r.parameter, ["low", "central", "high"]] = [r.low, r.central, r.high]
        if r.low == r.high:
            out.loc[r.parameter, "distribution"] = "fixed"
        elif out.loc[r.parameter, "distribution"] == "fixed":
            out.loc[r.parameter, "distribution"] = "triangular"
    return with_overrides(out.reset_index(), overrides, where=f"scenario {name!r}")


def with_overrides(
    params: pd.DataFrame, overrides: dict[str, float] | None, where: str = "parameters"
) -> pd.DataFrame:
    """Parameters with each of ``overrides`` fixed at its value (low = central = high).

    Raises:
        ParameterError: an unknown parameter, or a value out of range.
    """
    out = params.set_index("parameter").copy()
    for key, value in (overrides or {}).items():
        if key not in out.index:
            raise ParameterError(
                f"unknown parameter {key!r} in --set; expected one of {', '.join(out.index)}"
            )
        out.loc[key, ["low", "central", "high"]] = [value, value, value]
        out.loc[key, "distribution"] = "fixed"
    return check(out.reset_index(), where=where)


def central(params: pd.DataFrame) -> dict[str, float]:
    """Every parameter at its central value."""
    return dict(zip(params["parameter"], params["central"].astype(float), strict=True))


def draw(params: pd.DataFrame, n: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """``n`` draws of every parameter.

    Each parameter draws from its own stream, spawned from ``rng`` in table order, so
    scenarios share random numbers draw by draw (common random numbers): a scenario that only
    raises detection cuts off more people in every single draw, not just on average.

    Returns:
        parameter name -> array of ``n`` values.
    """
    if n < 1:
        raise ParameterError(f"draws must be at least 1, got {n}")
    streams = rng.spawn(len(params))
    out = {}
    for stream, r in zip(streams, params.itertuples(), strict=True):
        if r.distribution == "fixed" or r.low == r.high:
            out[r.parameter] = np.full(n, float(r.central))
        elif r.distribution == "uniform":
            out[r.parameter] = stream.uniform(r.low, r.high, n)
        else:
            out[r.parameter] = stream.triangular(r.low, r.central, r.high, n)
    return out
