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
from scipy import special

from analysis.models.numerics import mvn_draws

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
    # wages and fees: a ceiling far above any Pakistani price in dollars, so a figure typed in
    # rupees (about 280 to the dollar) is caught
    "USD per hour": ("0 to 1,000 USD an hour (a rupee figure?)", lambda lim: 1000.0),
    "USD per month": ("0 to 10,000 USD a month (a rupee figure?)", lambda lim: 10_000.0),
    "hours per day": ("0 to 24 hours a day", lambda lim: 24.0),
    "months": ("0 to 120 months (ten years)", lambda lim: 120.0),
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


def ppf(row, u):
    """Inverse CDF of one parameter's marginal at ``u`` (uniforms in [0, 1]).

    ``row`` has ``low``, ``central``, ``high`` and ``distribution`` (a row of the parameter
    table); ``fixed`` (or ``low == high``) gives ``central`` everywhere, ``uniform`` the line
    from ``low`` to ``high``, ``triangular`` the two square-root branches either side of the
    mode. Feeding it uniforms that are correlated (a copula) changes the dependence between
    parameters and never their marginals.

    Returns:
        Array like ``u``, in the parameter's own unit, within ``[low, high]``.
    """
    u = np.clip(np.asarray(u, dtype=float), 0.0, 1.0)
    lo, mode, hi = float(row.low), float(row.central), float(row.high)
    if row.distribution == "fixed" or lo == hi:
        return np.full(u.shape, mode)
    if row.distribution == "uniform":
        return lo + u * (hi - lo)
    width = hi - lo
    split = (mode - lo) / width
    left = lo + np.sqrt(u * width * (mode - lo))
    right = hi - np.sqrt((1 - u) * width * (hi - mode))
    return np.clip(np.where(u < split, left, right), lo, hi)


def normal_correlation(rank_correlation):
    """The normal-scale correlation that gives ``rank_correlation`` under a Gaussian copula.

    Spearman's rho of a bivariate normal with correlation r is (6 / pi) arcsin(r / 2), so
    r = 2 sin(pi rho / 6).
    """
    return 2 * np.sin(np.pi * np.asarray(rank_correlation, dtype=float) / 6)


def check_correlations(
    correlations: pd.DataFrame,
    params: pd.DataFrame,
    where: str = "parameter_correlations.csv",
) -> tuple[list[str], np.ndarray]:
    """Check the rank correlations and build the copula's correlation matrix.

    Args:
        correlations: one row per pair: ``parameter_a``, ``parameter_b``,
            ``rank_correlation`` (Spearman, in [-1, 1]); pairs not listed are independent.
        params: the parameter table whose names the pairs must use.
        where: the table's name, for messages (a row is named by its CSV line: row 0 is
            line 2).

    Returns:
        ``(names, matrix)``: the correlated parameters in parameter-table order and the
        normal-scale correlation matrix of the copula (positive definite, unit diagonal).

    Raises:
        ParameterError: an unknown name, a parameter paired with itself, a pair listed
            twice, a correlation outside [-1, 1], or a matrix that is not positive definite.
    """
    known = list(params["parameter"])
    seen: dict[frozenset, int] = {}
    for i, r in enumerate(correlations.itertuples()):
        line = i + 2
        for col in ("parameter_a", "parameter_b"):
            name = getattr(r, col)
            if name not in known:
                raise ParameterError(
                    f"{where}: line {line}, column {col!r}: unknown parameter {name!r}; "
                    f"expected a name in parameters.csv"
                )
        if r.parameter_a == r.parameter_b:
            raise ParameterError(
                f"{where}: line {line}: parameter {r.parameter_a!r} is paired with itself; "
                "expected two different parameters"
            )
        rho = float(r.rank_correlation)
        if not (np.isfinite(rho) and -1 <= rho <= 1):
            raise ParameterError(
                f"{where}: line {line}, column 'rank_correlation': got {rho:g}; "
                "expected a correlation between -1 and 1"
            )
        pair = frozenset((r.parameter_a, r.parameter_b))
        if pair in seen:
            raise ParameterError(
                f"{where}: line {line}: the pair {r.parameter_a!r}, {r.parameter_b!r} is "
                f"already on line {seen[pair]}; expected each pair once"
            )
        seen[pair] = line
    names = [p for p in known if any(p in pair for pair in seen)]
    index = {p: i for i, p in enumerate(names)}
    matrix = np.eye(len(names))
    for r in correlations.itertuples():
        a, b = index[r.parameter_a], index[r.parameter_b]
        matrix[a, b] = matrix[b, a] = normal_correlation(r.rank_correlation)
    if names:
        smallest = float(np.linalg.eigvalsh(matrix).min())
        if not smallest > 1e-10:
            raise ParameterError(
                f"{where}: the rank correlations do not form a valid correlation matrix "
                f"(not positive definite: smallest eigenvalue {smallest:.3g}); "
                "expected correlations that can hold together: weaken some of them"
            )
    return names, matrix


def draw(
    params: pd.DataFrame,
    n: int,
    rng: np.random.Generator,
    correlations: pd.DataFrame | None = None,
    dependence: bool = True,
) -> dict[str, np.ndarray]:
    """``n`` draws of every parameter, independent or dependent through a Gaussian copula.

    Each parameter draws from its own stream, spawned from ``rng`` in table order, so
    scenarios share random numbers draw by draw (common random numbers): a scenario that only
    raises detection cuts off more people in every single draw, not just on average.

    With ``correlations`` (see :func:`check_correlations`), the parameters they name are
    drawn together instead: standard normals with the copula's correlation matrix (through
    its Cholesky factor, :func:`analysis.models.numerics.mvn_draws`, from one more stream
    spawned after the parameters' own), turned into uniforms by the normal CDF and into
    values by each parameter's own inverse CDF (:func:`ppf`), so every marginal is exactly
    the one in the table and only the ranks move together. ``dependence=False`` uses the
    same normals with an identity matrix: the same marginals, independent, so the two runs
    differ only by the dependence. Parameters no pair names keep their own streams and the
    same values in all three cases.

    Args:
        params: the parameter table (after scenario overrides).
        n: number of draws.
        rng: the seeded generator the streams are spawned from.
        correlations: rank correlations between parameters, or None for independent draws.
        dependence: with ``correlations``, False switches the dependence off.

    Returns:
        parameter name -> array of ``n`` values (each parameter's own unit).

    Raises:
        ParameterError: ``n`` below 1, or correlations that fail :func:`check_correlations`.
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
    if correlations is None or len(correlations) == 0:
        return out
    names, matrix = check_correlations(correlations, params)
    copula_stream = rng.spawn(1)[0]
    z = mvn_draws(
        copula_stream,
        np.zeros(len(names)),
        matrix if dependence else np.eye(len(names)),
        n,
    )
    u = special.ndtr(z)
    rows = {r.parameter: r for r in params.itertuples()}
    for j, name in enumerate(names):
        out[name] = ppf(rows[name], u[:, j])
    return out
