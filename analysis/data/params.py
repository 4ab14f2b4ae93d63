"""The impact model's inputs: ``parameters.csv`` and ``scenarios.csv``, loaded and validated.

The checks themselves (bounds in order, shares in [0, 1], known distributions) are
:func:`analysis.models.params.check`, so a table built in code is held to the same rules.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis import data
from analysis.models.params import ParameterError, check, check_correlations, check_scenarios

__all__ = ["ParameterError", "limits", "load_correlations", "load_parameters", "load_scenarios"]


def limits(data_dir: Path | None = None) -> dict[str, float]:
    """Ceilings from the data for the parameter checks (:func:`check`'s ``limits``).

    Returns:
        ``population_million`` and ``gdp_usd_billion``: the largest population (million
        persons) and GDP (USD billion a year) that ``macro.csv`` records, rows in use.
    """
    macro = data.used(data.load("macro", data_dir))
    top = macro.groupby(macro["indicator"].astype(str))["value"].max()
    return {k: float(top[k]) for k in ("population_million", "gdp_usd_billion") if k in top}


def load_parameters(data_dir: Path | None = None) -> pd.DataFrame:
    """The validated parameter table (one row per parameter)."""
    p = data.load("parameters", data_dir)
    p = p.assign(
        distribution=p["distribution"].astype(str),
        unit=p["unit"].astype(str),
        group=p["group"].astype(str),
    )
    return check(p, limits=limits(data_dir))


def load_scenarios(data_dir: Path | None = None) -> pd.DataFrame:
    """The scenario overrides (one row per scenario and parameter), each scenario checked."""
    s = data.load("scenarios", data_dir)
    s = s.assign(scenario=s["scenario"].astype(str))
    return check_scenarios(load_parameters(data_dir), s, limits(data_dir))


def load_correlations(data_dir: Path | None = None) -> pd.DataFrame:
    """The assumed rank correlations between parameters (one row per pair), checked.

    Raises:
        ParameterError: an unknown parameter name, a pair twice or a matrix that is not a
            valid correlation matrix (:func:`analysis.models.params.check_correlations`).
    """
    c = data.load("parameter_correlations", data_dir)
    check_correlations(c, load_parameters(data_dir))
    return c
