"""Model parameters and scenarios: validate, apply overrides, and draw (pure functions).

The tables are read by :mod:`analysis.data.params`.
Parameters live in ``data/parameters.csv`` (low, central, high, distribution and the basis of
each bound); scenarios in ``data/scenarios.csv`` are sets of overrides. Every error names the
parameter or scenario and what was expected.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

DISTRIBUTIONS = ("triangular", "uniform", "fixed")
BASE = "base"
#: Hours in a leap year: the longest span any duration parameter may cover.
YEAR_HOURS = 8784.0
#: Relative slack on a ceiling taken from the data (``ANALYSIS_PERTURB`` moves both sides).
SLACK = 1e-6

_SHARE_WORDS = ("share", "fraction", "proportion")
_PERCENT = re.compile(r"%|\bper ?cent(age)?\b|\bpct\b")


class ParameterError(ValueError):
    """A parameter, scenario or override is not valid; the message names it."""


def unit_kind(unit: object) -> str | None:
    """``"share"`` for a unit of a share in [0, 1], ``"percent"`` for a percentage, else None.

    The unit may be spelt in any case, with ``_`` or spaces: ``share``, ``Fraction``,
    ``share_of_daily_gdp``, ``proportion of firms``; ``percent``, ``per cent``, ``%``, ``pct``.
    ``percentage_points`` is neither.
    """
    text = re.sub(r"[_\s]+", " ", str(unit or "")).strip().lower()
    if not text or "point" in text:
        return None
    words = text.split(" ")
    if words[0] in _SHARE_WORDS or words[-1] in _SHARE_WORDS:
        return "share"
    if _PERCENT.search(text):
        return "percent"
    return None


#: The units a parameter may have, each with the range a value in it may take, in words.
#: ``population`` and ``gdp`` are ceilings from the data (:func:`check`'s ``limits``): the
#: largest population (million persons) and GDP (USD billion a year) in ``macro.csv``.
#: A value in the wrong unit (persons for million persons, USD for USD million) breaks them
#: by a factor of a million.
UNITS = {
    "million persons": ("0 to the population, {c:,.6g}", lambda lim: lim.get("population_million")),
    "USD billion per year": ("0 to GDP, {c:,.6g}", lambda lim: lim.get("gdp_usd_billion")),
    "USD million per year": (
        "0 to GDP in USD million, {c:,.6g}",
        lambda lim: lim.get("gdp_usd_billion") and lim["gdp_usd_billion"] * 1000,
    ),
    "USD million per hour": (
        "0 to an hour of GDP, {c:,.6g}",
        lambda lim: lim.get("gdp_usd_billion") and lim["gdp_usd_billion"] * 1000 / YEAR_HOURS,
    ),
    "USD per person per day": ("a value >= 0", lambda lim: None),
    "days": ("0 to 366 days (a year)", lambda lim: YEAR_HOURS / 24),
    "hours": ("0 to 8,784 hours (a year)", lambda lim: YEAR_HOURS),
    "firms": ("a count >= 0", lambda lim: None),
}


def _unit_range(unit: str, limits: Mapping[str, float]) -> tuple[str, float | None]:
    """What a value in ``unit`` may be, in words, and its ceiling (None: none known)."""
    if unit_kind(unit) == "share":
        return "a share in [0, 1]", 1.0
    if unit not in UNITS:
        raise KeyError(unit)
    words, ceiling = UNITS[unit]
    c = ceiling(limits)
    if "{c" in words:
        words = words.format(c=c) if c is not None else words.split(",")[0] + " (no ceiling known)"
    return words, c


def check(
    params: pd.DataFrame, where: str = "parameters.csv", limits: Mapping[str, float] | None = None
) -> pd.DataFrame:
    """Check every parameter's values, unit, range and distribution; return ``params``.

    A value must be finite and at least 0, and within its unit's range (:data:`UNITS`; a
    share in [0, 1] however its unit is spelt); a unit outside :data:`UNITS` is refused, so
    a typing slip in a unit cannot switch its check off. ``limits`` gives the ceilings taken
    from the data (``population_million``, ``gdp_usd_billion``); without them, the
    parameter table's own ``gdp_usd_billion`` high value is the GDP ceiling.

    Raises:
        ParameterError: naming the parameter and what was expected.
    """
    limits = dict(limits or {})
    if "gdp_usd_billion" not in limits:
        gdp = params.loc[params["parameter"] == "gdp_usd_billion", "high"]
        if len(gdp) and math.isfinite(float(gdp.iloc[0])) and float(gdp.iloc[0]) > 0:
            limits["gdp_usd_billion"] = float(gdp.iloc[0])
    for r in params.itertuples():
        values = (r.low, r.central, r.high)
        for label, v in zip(("low", "central", "high"), values, strict=True):
            if not isinstance(v, int | float | np.number) or not math.isfinite(float(v)):
                raise ParameterError(
                    f"{where}: parameter {r.parameter!r}: {label} is {v!r}; expected a "
                    "finite number"
                )
        if not r.low <= r.central <= r.high:
            raise ParameterError(
                f"{where}: parameter {r.parameter!r}: expected low <= central "
                f"<= high, got {r.low:g}, {r.central:g}, {r.high:g}"
            )
        try:
            words, ceiling = _unit_range(str(r.unit), limits)
        except KeyError:
            raise ParameterError(
                f"{where}: parameter {r.parameter!r}: unknown unit {r.unit!r}; expected "
                f"a share, or one of {', '.join(UNITS)}"
            ) from None
        if r.low < 0 or (ceiling is not None and r.high > ceiling * (1 + SLACK)):
            bad = r.low if r.low < 0 else r.high
            if unit_kind(r.unit) == "share":
                raise ParameterError(
                    f"{where}: parameter {r.parameter!r} is a share"
                    + ("" if r.unit == "share" else f" ({r.unit})")
                    + f": expected values in [0, 1], got {r.low:g} to {r.high:g}"
                    + (" (a percentage? a share of 18% is 0.18)" if bad > 1.5 else "")
                )
            raise ParameterError(
                f"{where}: parameter {r.parameter!r} ({r.unit}): expected {words}"
                + f", got {bad:g}"
                + (" (a wrong unit?)" if ceiling and bad > 10 * ceiling else "")
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


def check_scenarios(
    params: pd.DataFrame, scenarios: pd.DataFrame, limits: Mapping[str, float] | None = None
) -> pd.DataFrame:
    """Check every scenario: known parameters, and each one's parameters pass :func:`check`.

    Returns:
        ``scenarios``.

    Raises:
        ParameterError: naming the scenario, the parameter and what was expected.
    """
    if BASE in set(scenarios["scenario"]):
        raise ParameterError(
            f"scenarios.csv: a scenario is named {BASE!r}; expected that name to stay for the "
            "parameter table as it is"
        )
    for name in scenario_names(scenarios)[1:]:
        check(for_scenario(params, scenarios, name), f"scenarios.csv: scenario {name!r}", limits)
    return scenarios


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
