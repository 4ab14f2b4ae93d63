"""Every input a person types, checked once: command-line arguments and notebook parameters.

The command line (``python -m analysis``), the notebooks' papermill parameters (checked by
:func:`check_notebook_parameters` before a notebook runs) and ``make data`` share these
checks, so one bad value gives the same one-line message wherever it is typed. Tables are
checked by the loader (:mod:`analysis.data`) and the parameter rules by
:func:`analysis.models.params.check`.

Each check takes the value as typed (text from the command line, or a Python value from a
parameters cell) and returns it in its working type, or raises :class:`InputError` naming
the input and what was expected.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping

from analysis.models import impact, params

#: Most Monte Carlo draws one run may ask for: each draw holds about 60 numbers of 8 bytes
#: (parameters and outputs), so 5,000,000 draws take about 2.4 GB, a tenth of the machine.
MAX_DRAWS = 5_000_000
#: Largest seed: numpy's generators take any whole number >= 0; 2**63 - 1 keeps it one word.
MAX_SEED = 2**63 - 1


class InputError(ValueError):
    """A typed input is not valid; the message names the input and what was expected."""


def _number(value: object, name: str, expected: str) -> float:
    if isinstance(value, bool):
        raise InputError(f"{name}: expected {expected}, got {value!r}")
    try:
        x = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InputError(f"{name}: expected {expected}, got {value!r}") from None
    if not math.isfinite(x):
        raise InputError(f"{name}: expected {expected}, got {value!r} (not finite)")
    return x


def whole(value: object, name: str, least: int, most: int | None = None) -> int:
    """A whole number in ``[least, most]`` (text such as ``"2000"`` or an int)."""
    if most is None:
        expected = f"a whole number >= {least:,}"
    else:
        expected = f"a whole number from {least:,} to {most:,}"
    if isinstance(value, str):
        text = value.strip().replace("_", "")
        if not re.fullmatch(r"[+-]?\d+", text):
            raise InputError(f"{name}: expected {expected}, got {value!r}")
        n = int(text)
    elif isinstance(value, int) and not isinstance(value, bool):
        n = value
    elif isinstance(value, float) and value.is_integer():
        n = int(value)
    else:
        raise InputError(f"{name}: expected {expected}, got {value!r}")
    if n < least or (most is not None and n > most):
        raise InputError(f"{name}: expected {expected}, got {n:,}")
    return n


def draws(value: object, name: str = "draws") -> int:
    """Monte Carlo draws: a whole number from 1 to :data:`MAX_DRAWS`."""
    n = whole(value, name, 1)
    if n > MAX_DRAWS:
        raise InputError(
            f"{name}: at most {MAX_DRAWS:,} draws (each holds about 60 numbers of 8 bytes: "
            f"{MAX_DRAWS:,} take about 2.4 GB), got {n:,}"
        )
    return n


def seed(value: object, name: str = "seed") -> int:
    """A random seed: a whole number from 0 to 2**63 - 1."""
    n = whole(value, name, 0)
    if n > MAX_SEED:
        raise InputError(f"{name}: expected a whole number >= 0 and below 2**63, got {n}")
    return n


def hours(value: object, name: str = "hours") -> float:
    """A disruption's duration in hours: above 0 and at most a year (8,784)."""
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            raise InputError(f"{name}: expected a number of hours, got {value!r}") from None
    try:
        return impact.check_hours(value)
    except params.ParameterError as exc:
        raise InputError(f"{name}: {exc}") from None


def share(value: object, name: str, open_low: bool = True) -> float:
    """A share in (0, 1] (or [0, 1] with ``open_low=False``)."""
    expected = "a share in (0, 1]" if open_low else "a share in [0, 1]"
    x = _number(value, name, expected)
    if not ((0 < x if open_low else 0 <= x) and x <= 1):
        raise InputError(f"{name}: expected {expected}, got {x:g}")
    return x


def level(value: object, name: str = "level") -> float:
    """An interval's level: strictly between 0 and 1 (0.9 for a 90% interval)."""
    x = _number(value, name, "a level between 0 and 1, such as 0.9")
    if not 0 < x < 1:
        raise InputError(f"{name}: expected a level between 0 and 1, such as 0.9, got {x:g}")
    return x


def choice(value: object, name: str, known: Iterable[str], what: str = "value") -> str:
    """One of ``known`` (the message lists them)."""
    known = list(known)
    if not isinstance(value, str) or value not in known:
        raise InputError(f"{name}: unknown {what} {value!r}; expected one of {', '.join(known)}")
    return value


def method(value: object, name: str = "method", allow_all: bool = True) -> str:
    """A disruption-cost method of :data:`analysis.models.impact.COST_METHODS` (or ``all``)."""
    known = [*impact.COST_METHODS, *(["all"] if allow_all else [])]
    return choice(value, name, known, "method")


def month(value: object, name: str) -> str:
    """A month ``YYYY-MM`` between 1990-01 and 2026-12 (the data's span)."""
    m = re.fullmatch(r"(\d{4})-(\d{2})", value) if isinstance(value, str) else None
    if not m or not 1 <= int(m.group(2)) <= 12 or not 1990 <= int(m.group(1)) <= 2026:
        raise InputError(f"{name}: expected a month YYYY-MM from 1990-01 to 2026-12, got {value!r}")
    return value


def months(value: object, name: str) -> list[str]:
    """A non-empty list of months ``YYYY-MM``."""
    if not isinstance(value, list | tuple) or not value:
        raise InputError(f"{name}: expected a list of months YYYY-MM, got {value!r}")
    return [month(v, f"{name}[{i}]") for i, v in enumerate(value)]


def scenario(value: object, names: Iterable[str], name: str = "scenario") -> str:
    """A scenario name: ``base`` or one in ``scenarios.csv`` (``names``)."""
    return choice(value, name, names, "scenario")


def overrides(
    value: object, table: object, limits: Mapping[str, float] | None = None, name: str = "--set"
) -> dict[str, float]:
    """Parameters fixed at a value: a mapping of known parameter names to numbers.

    Each value is held to the parameter's own rules (:func:`analysis.models.params.check`):
    finite, at least 0, within its unit's range, so ``individual_disruption_days=-5`` or a
    share of 18 is refused here rather than turned into money at risk.
    """
    if not isinstance(value, Mapping):
        raise InputError(f"{name}: expected a mapping of parameter to value, got {value!r}")
    known = list(table["parameter"])  # type: ignore[index]
    out = {}
    for key, v in value.items():
        if key not in known:
            raise InputError(
                f"unknown parameter {key!r} in {name}; expected one of {', '.join(known)}"
            )
        out[key] = _number(v, f"{name} {key}", "a number")
    try:
        params.check(params.with_overrides(table, out, where=name), name, limits)
    except params.ParameterError as exc:
        raise InputError(str(exc)) from None
    return out


def parse_assignment(text: str) -> tuple[str, float]:
    """``NAME=VALUE`` from the command line, the value a finite number."""
    key, sep, raw = text.partition("=")
    if not sep or not key:
        raise InputError(f"expected PARAM=VALUE, got {text!r}")
    return key, _number(raw, key, "a number")


# --------------------------------------------------------------------------- notebooks


def _tables():
    from analysis.data import params as tables

    return tables


def _scenario_names() -> list[str]:
    return params.scenario_names(_tables().load_scenarios())


def _check_scenarios(value: object, name: str) -> list[str]:
    if not isinstance(value, list | tuple) or not value:
        raise InputError(f"{name}: expected a list of scenario names, got {value!r}")
    known = _scenario_names()
    return [scenario(v, known, f"{name}[{i}]") for i, v in enumerate(value)]


def _monthly_method(value: object, name: str) -> str:
    from analysis.models.counterfactual import METHODS  # statsmodels: imported when needed

    return choice(value, name, METHODS, "method")


def _uptake_model(value: object, name: str) -> str:
    from analysis.models.uptake import MODELS

    return choice(value, name, MODELS, "model")


def _check_overrides(value: object, name: str) -> dict[str, float]:
    tables = _tables()
    return overrides(value, tables.load_parameters(), tables.limits(), name)


#: Every parameter a notebook's ``parameters`` cell may set, with its check and its meaning.
def _sobol_base(value: object, name: str) -> int:
    n = whole(value, name, 64, 65_536)
    if n & (n - 1):
        raise InputError(f"{name}: expected a power of two (Sobol sampling), got {n:,}")
    return n


NOTEBOOK_PARAMETERS: dict[str, tuple[Callable[[object, str], object], str]] = {
    "DRAWS": (draws, f"Monte Carlo draws, 1 to {MAX_DRAWS:,}"),
    "SIMULATIONS": (draws, f"simulated series for a calibration, 1 to {MAX_DRAWS:,}"),
    "SEED": (seed, "random seed, a whole number >= 0"),
    "SCENARIO": (lambda v, n: scenario(v, _scenario_names(), n), "a scenario name"),
    "SCENARIOS": (_check_scenarios, "a list of scenario names"),
    "OVERRIDES": (_check_overrides, "parameters fixed in every scenario, {name: value}"),
    "OUTPUT": (lambda v, n: choice(v, n, impact.OUTPUTS, "output"), "an impact-model output"),
    "HEADLINE": (lambda v, n: method(v, n, allow_all=False), "the disruption-cost method quoted"),
    "HEADLINE_METHOD": (_monthly_method, "the monthly counterfactual method quoted"),
    "MODEL": (_uptake_model, "the uptake curve"),
    "LEVEL": (level, "the bands' level, between 0 and 1"),
    "START": (month, "first month of the monthly series, YYYY-MM"),
    "PANEL_START": (month, "first month of the panel, YYYY-MM"),
    "ROBUSTNESS_STARTS": (months, "first months of the robustness runs, YYYY-MM"),
    "FIRST_FY": (lambda v, n: whole(v, n, 2000, 2026), "first fiscal year of the trend"),
    "HAC_LAGS": (lambda v, n: whole(v, n, 0, 24), "lags of the HAC standard errors, 0 to 24"),
    "PLACEBO_HORIZON": (lambda v, n: whole(v, n, 1, 24), "months after each deadline, 1 to 24"),
    "ITS_SIMULATIONS": (draws, f"no-step series for the step's calibration, 1 to {MAX_DRAWS:,}"),
    "SOBOL_N": (_sobol_base, "Sobol base sample, a power of two from 64 to 65,536"),
    "NO_BLOCK": (lambda v, n: scenario(v, _scenario_names(), n), "the option without a block"),
    "MIN_PLACEBO_PRE": (
        lambda v, n: whole(v, n, 1, 120),
        "months of history before a placebo deadline, 1 to 120",
    ),
}


def check_notebook_parameters(
    values: Mapping[str, object], where: str, known: Iterable[str] | None = None
) -> dict[str, object]:
    """Check a notebook's parameters (its ``parameters`` cell with any overrides).

    Args:
        values: parameter name -> value, as the parameters cell would set them.
        where: the notebook, for the message (``"06-impact-by-group.ipynb"``).
        known: the names the notebook's parameters cell defines (any other is refused).

    Returns:
        The values in their working types.

    Raises:
        InputError: ``"<where>: parameter NAME: expected ..., got ..."`` for the first bad one.
    """
    known = list(values if known is None else known)
    out = {}
    for key, value in values.items():
        if key not in known:
            raise InputError(
                f"{where}: unknown parameter {key!r}; expected one of {', '.join(known)}"
            )
        if key not in NOTEBOOK_PARAMETERS:
            raise InputError(
                f"{where}: parameter {key!r} has no check; expected one of "
                f"{', '.join(NOTEBOOK_PARAMETERS)} (add its check to analysis.inputs)"
            )
        check, _ = NOTEBOOK_PARAMETERS[key]
        try:
            out[key] = check(value, key)
        except (InputError, params.ParameterError) as exc:
            said = str(exc)
            raise InputError(
                f"{where}: parameter {said}" if said.startswith(key) else f"{where}: {said}"
            ) from None
    return out
