"""Which inputs drive an answer, and what measuring each would be worth (pure functions).

Three tools, each generic in the model: a ``run`` function that maps a mapping of
parameter -> array of draws to a mapping of output -> array (such as
:func:`analysis.models.impact.run`), and whatever parameters the table holds.

- :func:`simulate`: the Monte Carlo, with the parameters' dependence (a Gaussian copula on
  ranks, :func:`analysis.models.params.draw`) on or off.
- :func:`sobol`: variance-based indices (SALib): the first-order index of a parameter is the
  share of an output's variance it explains alone, the total index the share it explains
  with all its interactions. Sobol indices assume independent inputs, so they are computed
  on the independent version of the model; the copula's effect is shown separately.
- :func:`voi_table`: the value of information. For a decision between options whose losses
  the model gives draw by draw, the expected value of perfect information (EVPI) is what
  knowing every parameter exactly would save on average, and the expected value of partial
  perfect information (EVPPI) of one parameter is what knowing that parameter alone would
  save. EVPPI is estimated in a single loop (Strong & Oakley): the loss of each option is
  regressed on the parameter with a smooth fit (a piecewise-linear regression spline), which
  estimates the expected loss given the parameter, and EVPPI is the smallest expected loss
  minus E[min over options of the fitted loss].
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pandas as pd

from analysis.models import params as params_mod

Run = Callable[[Mapping], Mapping]

#: Interior knots of the regression spline in :func:`conditional_mean` (at quantiles of x).
SPLINE_KNOTS = 16
#: Random base points at which :func:`influential` moves each parameter from low to high.
SCREEN_POINTS = 16


def varying(table: pd.DataFrame) -> list[str]:
    """Parameters with any spread (not fixed, low below high), in table order."""
    keep = (table["distribution"] != "fixed") & (table["low"] < table["high"])
    return list(table.loc[keep, "parameter"])


def simulate(
    table: pd.DataFrame,
    run: Run,
    n: int,
    seed: int,
    correlations: pd.DataFrame | None = None,
    dependence: bool = True,
) -> tuple[dict, dict]:
    """Draw the parameters ``n`` times (seeded) and run the model.

    Args:
        table: parameters (after scenario overrides).
        run: the model: parameter -> draws in, output -> draws out.
        n: draws.
        seed: seed of the draws.
        correlations: rank correlations between parameters (None: independent draws).
        dependence: with ``correlations``, False draws the same marginals independently.

    Returns:
        ``(inputs, outputs)``: parameter -> array and output -> array, ``n`` values each.
    """
    rng = np.random.default_rng(seed)
    inputs = params_mod.draw(table, n, rng, correlations, dependence)
    outputs = {k: np.broadcast_to(np.asarray(v, dtype=float), (n,)) for k, v in run(inputs).items()}
    return inputs, outputs


def influential(
    table: pd.DataFrame, run: Run, outputs: Sequence[str], seed: int = 20241130
) -> list[str]:
    """Varying parameters that move at least one of ``outputs`` (a screening step).

    Each parameter is set to its low and then its high bound at :data:`SCREEN_POINTS` random
    points of the other parameters (drawn independently); a parameter that changes no output
    at any of them is left out of :func:`sobol` (its indices are zero) and given a value of
    information of zero.

    Returns:
        Parameter names, in table order.
    """
    base = params_mod.draw(table, SCREEN_POINTS, np.random.default_rng(seed))
    rows = table.set_index("parameter")
    out = []
    for name in varying(table):
        lo = run({**base, name: np.full(SCREEN_POINTS, float(rows.loc[name, "low"]))})
        hi = run({**base, name: np.full(SCREEN_POINTS, float(rows.loc[name, "high"]))})
        moved = any(
            not np.allclose(np.asarray(lo[o], float), np.asarray(hi[o], float), rtol=1e-12, atol=0)
            for o in outputs
        )
        if moved:
            out.append(name)
    return out


def sobol(
    table: pd.DataFrame,
    run: Run,
    outputs: Sequence[str],
    n_base: int = 2048,
    seed: int = 20241130,
    num_resamples: int = 100,
    conf_level: float = 0.95,
) -> pd.DataFrame:
    """First-order and total Sobol indices of ``outputs``, with SALib's bootstrap intervals.

    The parameters that move an output (:func:`influential`) are sampled by SALib's
    scrambled Sobol sequence on the unit cube (Saltelli's scheme, ``n_base * (d + 2)`` model
    runs for ``d`` parameters), each coordinate turned into the parameter's value by its own
    inverse CDF (:func:`analysis.models.params.ppf`), so the marginals are the table's and
    the inputs are independent, as Sobol indices require. Every other parameter sits at its
    central value.

    Args:
        table: parameters (after scenario overrides).
        run: the model.
        outputs: output names to analyse.
        n_base: SALib's base sample size (a power of two).
        seed: seed of the sample and of the bootstrap.
        num_resamples: bootstrap resamples of SALib's confidence intervals.
        conf_level: level of those intervals.

    Returns:
        One row per output and parameter: ``output``, ``parameter``, ``S1``, ``S1_conf``,
        ``ST``, ``ST_conf`` (shares of the output's variance; ``*_conf`` is the half-width
        of SALib's bootstrap confidence interval at ``conf_level``, a normal approximation
        over the resamples), sorted by output, then by ``ST``, largest first. An output
        with no variance is left out.

    Raises:
        ParameterError: ``n_base`` not a power of two, or no parameter moves the outputs.
    """
    from SALib.analyze import sobol as sobol_analyze
    from SALib.sample import sobol as sobol_sample

    if n_base < 2 or n_base & (n_base - 1):
        raise params_mod.ParameterError(f"n_base must be a power of two, got {n_base}")
    names = influential(table, run, outputs, seed)
    if not names:
        raise params_mod.ParameterError("no parameter moves the outputs; nothing to analyse")
    problem = {"num_vars": len(names), "names": names, "bounds": [[0.0, 1.0]] * len(names)}
    unit = sobol_sample.sample(problem, n_base, calc_second_order=False, seed=seed)
    rows = {r.parameter: r for r in table.itertuples()}
    m = len(unit)
    p = {k: np.full(m, float(v)) for k, v in params_mod.central(table).items()}
    for j, name in enumerate(names):
        p[name] = params_mod.ppf(rows[name], unit[:, j])
    result = run(p)
    frames = []
    for out in outputs:
        y = np.broadcast_to(np.asarray(result[out], dtype=float), (m,))
        if np.ptp(y) == 0:
            continue
        s = sobol_analyze.analyze(
            problem,
            np.ascontiguousarray(y),
            calc_second_order=False,
            num_resamples=num_resamples,
            conf_level=conf_level,
            seed=seed,
        )
        frames.append(
            pd.DataFrame(
                {
                    "output": out,
                    "parameter": names,
                    "S1": s["S1"],
                    "S1_conf": s["S1_conf"],
                    "ST": s["ST"],
                    "ST_conf": s["ST_conf"],
                }
            ).sort_values("ST", ascending=False, kind="stable")
        )
    return pd.concat(frames, ignore_index=True)


# ----------------------------------------------------------------- value of information


def conditional_mean(x, y, knots: int = SPLINE_KNOTS) -> np.ndarray:
    """The expected value of ``y`` given ``x``, by least squares on a regression spline.

    A piecewise-linear spline (a GAM-like smooth: linear B-splines, "hat" functions) with
    knots at ``knots + 2`` quantiles of ``x`` from its minimum to its maximum. Each draw
    touches two basis functions, so the normal equations are tridiagonal and are built with
    counts in one pass over the draws. The basis sums to one, so the fitted values average
    exactly to the mean of ``y``. An ``x`` with fewer distinct quantiles than knots (a
    parameter with few values) gets the mean of ``y`` at each of its values instead.

    Args:
        x: one parameter's draws, shape ``(n,)``.
        y: outcomes, shape ``(n,)`` or ``(n, k)`` (one column per option).
        knots: interior knots.

    Returns:
        Fitted values, the shape of ``y``.
    """
    y = np.asarray(y, dtype=float)
    flat = y.ndim == 1
    cols = [y] if flat else [np.ascontiguousarray(y[:, c]) for c in range(y.shape[1])]
    fitted = _fit_columns(np.asarray(x, dtype=float), cols, knots)
    return fitted[0] if flat else np.column_stack(fitted)


def _fit_columns(x: np.ndarray, cols: list[np.ndarray], knots: int) -> list[np.ndarray]:
    """:func:`conditional_mean` of each column (1-D arrays in, 1-D arrays out)."""
    grid = np.unique(np.quantile(x, np.linspace(0, 1, knots + 2)))
    if len(grid) < knots + 2:
        values, inverse = np.unique(x, return_inverse=True)
        counts = np.bincount(inverse)
        return [(np.bincount(inverse, col) / counts)[inverse] for col in cols]
    m = len(grid)
    j = np.clip(np.searchsorted(grid, x, side="right") - 1, 0, m - 2)
    w = (x - grid[j]) / (grid[j + 1] - grid[j])
    v = 1.0 - w
    gram = np.diag(np.bincount(j, v * v, m) + np.bincount(j + 1, w * w, m))
    off = np.bincount(j, v * w, m)[: m - 1]
    gram += np.diag(off, 1) + np.diag(off, -1)
    rhs = np.column_stack([np.bincount(j, v * c, m) + np.bincount(j + 1, w * c, m) for c in cols])
    coef = np.linalg.solve(gram, rhs)
    return [v * coef[j, c] + w * coef[j + 1, c] for c in range(len(cols))]


def _columns(losses) -> list[np.ndarray]:
    losses = np.asarray(losses, dtype=float)
    return [np.ascontiguousarray(losses[:, c]) for c in range(losses.shape[1])]


def _evppi(x: np.ndarray, cols: list[np.ndarray], best: float, knots: int) -> float:
    fitted = _fit_columns(x, cols, knots)
    return float(max(best - np.minimum.reduce(fitted).mean(), 0.0))


def evpi(losses) -> float:
    """Expected value of perfect information for a choice that minimises expected loss.

    Args:
        losses: shape ``(n, k)``: the loss of each of ``k`` options in each of ``n`` draws
            (a common unit, such as USD million).

    Returns:
        The smallest expected loss minus the expected loss of choosing the best option in
        every draw (the loss's unit; zero or above).
    """
    cols = _columns(losses)
    return float(min(c.mean() for c in cols) - np.minimum.reduce(cols).mean())


def evppi(x, losses, knots: int = SPLINE_KNOTS) -> float:
    """Expected value of partial perfect information of one parameter (single loop).

    Knowing ``x`` exactly, one would choose the option with the smallest expected loss given
    ``x``; the expectation is estimated by regressing every option's loss on ``x``
    (:func:`conditional_mean`).

    Args:
        x: the parameter's draws, shape ``(n,)``.
        losses: shape ``(n, k)``, the loss of each option in each draw.
        knots: interior knots of the spline.

    Returns:
        The smallest expected loss minus the expected smallest fitted loss (the loss's unit;
        zero or above, and at most :func:`evpi` up to the error of the fit).
    """
    cols = _columns(losses)
    best = min(c.mean() for c in cols)
    return _evppi(np.asarray(x, dtype=float), cols, best, knots)


def break_even(loss_act, loss_alternative) -> tuple[np.ndarray, float]:
    """The losses of a two-way choice at its break-even value, where information pays most.

    The choice is between an action (losses ``loss_act`` draw by draw) and an alternative
    that forgoes the action's aim, valued at ``W`` (losses ``loss_alternative + W``). Nobody
    publishes ``W``; set at the break-even ``W = E[loss_act] - E[loss_alternative]`` the two
    options have the same expected loss today, and there the EVPI is the largest it is for
    any ``W`` (it falls on both sides), so the values of information are upper bounds for
    any decision-maker weighing the aim against these losses.

    Returns:
        ``(losses, W)``: an ``(n, 2)`` array (action, alternative + W) and ``W``.
    """
    act = np.asarray(loss_act, dtype=float)
    alt = np.broadcast_to(np.asarray(loss_alternative, dtype=float), act.shape)
    w = float(act.mean() - alt.mean())
    return np.column_stack([act, alt + w]), w


def voi_table(
    inputs: Mapping[str, np.ndarray],
    losses,
    parameters: Sequence[str],
    relevant: Sequence[str] | None = None,
    knots: int = SPLINE_KNOTS,
) -> pd.DataFrame:
    """EVPPI of every parameter for one decision: what to measure first, and what it is worth.

    Args:
        inputs: parameter -> draws (the same draws that gave ``losses``).
        losses: ``(n, k)`` losses of the options, draw by draw.
        parameters: every parameter to list, in table order.
        relevant: the parameters that can move the losses (:func:`influential`); the others
            are listed with a value of zero. None: all of ``parameters``.
        knots: interior knots of the spline.

    Returns:
        One row per parameter: ``parameter``, ``evppi`` (the loss's unit), ``share_of_evpi``
        (EVPPI over EVPI), sorted by ``evppi``, largest first; ``evpi`` in ``attrs``.
    """
    total = evpi(losses)
    cols = _columns(losses)
    best = min(c.mean() for c in cols)
    relevant = set(parameters if relevant is None else relevant)
    rows = []
    for name in parameters:
        x = np.asarray(inputs[name], dtype=float)
        value = _evppi(x, cols, best, knots) if name in relevant and np.ptp(x) > 0 else 0.0
        rows.append(
            {
                "parameter": name,
                "evppi": value,
                "share_of_evpi": value / total if total > 0 else 0.0,
            }
        )
    out = pd.DataFrame(rows).sort_values("evppi", ascending=False, kind="stable")
    out = out.reset_index(drop=True)
    out.attrs["evpi"] = total
    return out
