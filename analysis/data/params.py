"""The impact model's inputs: ``parameters.csv`` and ``scenarios.csv``, loaded and validated.

The checks themselves (bounds in order, shares in [0, 1], known distributions) are
:func:`analysis.models.params.check`, so a table built in code is held to the same rules.
"""

from __future__ import annotations

import pandas as pd

from analysis import data
from analysis.models.params import ParameterError, check, check_correlations

__all__ = ["ParameterError", "load_correlations", "load_parameters", "load_scenarios"]


def load_parameters() -> pd.DataFrame:
    """The validated parameter table (one row per parameter)."""
    p = data.load("parameters")
    p = p.assign(
        distribution=p["distribution"].astype(str),
        unit=p["unit"].astype(str),
        group=p["group"].astype(str),
    )
    return check(p)


def load_scenarios() -> pd.DataFrame:
    """The scenario overrides (one row per scenario and parameter)."""
    s = data.load("scenarios")
    return s.assign(scenario=s["scenario"].astype(str))


def load_correlations() -> pd.DataFrame:
    """The assumed rank correlations between parameters (one row per pair), checked.

    Raises:
        ParameterError: an unknown parameter name, a pair twice or a matrix that is not a
            valid correlation matrix (:func:`analysis.models.params.check_correlations`).
    """
    c = data.load("parameter_correlations")
    check_correlations(c, load_parameters())
    return c
