"""The impact model's inputs: ``parameters.csv`` and ``scenarios.csv``, loaded and validated.

The checks themselves (bounds in order, shares in [0, 1], known distributions) are
:func:`analysis.models.params.check`, so a table built in code is held to the same rules.
"""

from __future__ import annotations

from functools import cache
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
    return _checked("parameters", *_key(data_dir)).copy()


def load_scenarios(data_dir: Path | None = None) -> pd.DataFrame:
    """The scenario overrides (one row per scenario and parameter), each scenario checked."""
    return _checked("scenarios", *_key(data_dir)).copy()


def _key(data_dir: Path | None) -> tuple:
    """What the checked tables depend on: the folder, its files' stamp, the perturbation."""
    folder = Path(data_dir).resolve() if data_dir else data.default_dir()
    return folder, data._stamp(folder), data.perturbation()


@cache
def _checked(name: str, folder: Path, stamp: tuple, eps: float) -> pd.DataFrame:
    """A table checked once per version of the data (the checks run every scenario)."""
    if name == "parameters":
        p = data.load("parameters", folder)
        p = p.assign(
            distribution=p["distribution"].astype(str),
            unit=p["unit"].astype(str),
            group=p["group"].astype(str),
        )
        return check(p, limits=limits(folder))
    s = data.load("scenarios", folder)
    s = s.assign(scenario=s["scenario"].astype(str))
    return check_scenarios(_checked("parameters", folder, stamp, eps), s, limits(folder))


def load_correlations(data_dir: Path | None = None) -> pd.DataFrame:
    """The assumed rank correlations between parameters (one row per pair), checked.

    Raises:
        ParameterError: an unknown parameter name, a pair twice or a matrix that is not a
            valid correlation matrix (:func:`analysis.models.params.check_correlations`).
    """
    c = data.load("parameter_correlations", data_dir)
    check_correlations(c, load_parameters(data_dir))
    return c
