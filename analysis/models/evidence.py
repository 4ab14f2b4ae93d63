"""How much of an output rests on measured inputs and how much on assumptions.

Every parameter in ``data/parameters.csv`` says what its range rests on (``evidence``:
``measured``, ``derived`` or ``assumption``). This module splits the spread of a Monte Carlo
output between those kinds with first-order variance shares:

    S_i = Var(E[Y | X_i]) / Var(Y)

estimated on the draws by a binned mean (``bins`` equal-count bins of X_i; the mean of Y in
each bin is E[Y | X_i] there), the regression-on-the-draws estimator that needs no extra
model runs, less its chance part ((bins - 1) / draws, what an input with no effect scores).
The shares of the parameters of one kind are added; what the first-order terms leave over
(1 - the sum) is the part that comes from interactions between inputs, which no single kind
owns. The split is of variance, not of the level: a scenario's own settings (its
detection, switching and durations) are assumptions that set the level, and the table says so
by counting those parameters as assumptions.

Pure functions: arrays in, DataFrames out.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

KINDS = ("measured", "derived", "assumption")
BINS = 50


def bin_index(x: np.ndarray, bins: int = BINS) -> np.ndarray:
    """Equal-count bin (0 to ``bins`` - 1) of every draw of ``x``, by rank (ties by order)."""
    x = np.asarray(x, dtype=float)
    ranks = np.empty(len(x), dtype=np.int64)
    ranks[np.argsort(x, kind="stable")] = np.arange(len(x))
    return ranks * bins // len(x)


def first_order_share(x, y, bins: int = BINS, index: np.ndarray | None = None) -> float:
    """First-order variance share of ``y`` explained by ``x`` (binned conditional mean).

    Args:
        x: draws of one input (any unit).
        y: draws of the output, same length.
        bins: equal-count bins of ``x``.
        index: the bins of ``x`` (:func:`bin_index`), if already computed.

    Returns:
        A share in [0, 1]; 0 when ``x`` or ``y`` does not vary.
    """
    y = np.asarray(y, dtype=float)
    var = float(y.var())
    if np.ptp(np.asarray(x, dtype=float)) == 0 or not var > 0:
        return 0.0
    idx = bin_index(x, bins) if index is None else index
    sizes = np.bincount(idx, minlength=bins).astype(float)
    sums = np.bincount(idx, weights=y, minlength=bins)
    full = sizes > 0
    means = sums[full] / sizes[full]
    between = float(np.sum(sizes[full] * (means - y.mean()) ** 2) / sizes.sum())
    # An input with no effect still explains about (bins - 1) / n of the variance by chance
    # (the bin means scatter); remove that bias so such an input scores 0.
    bias = (full.sum() - 1) / len(y)
    return min(max((between / var - bias) / (1 - bias), 0.0), 1.0)


def shares(
    inputs: Mapping,
    outputs: Mapping,
    evidence: Mapping[str, str],
    output: str,
    bins: int = BINS,
    index: Mapping[str, np.ndarray] | None = None,
) -> pd.DataFrame:
    """First-order variance share of ``output`` for every varying input, with its kind.

    Args:
        inputs: parameter -> draws.
        outputs: output -> draws.
        evidence: parameter -> ``measured``, ``derived`` or ``assumption``.
        output: which output.
        bins: equal-count bins.
        index: parameter -> its bins (:func:`bin_index`), if already computed.

    Returns:
        One row per varying input: ``parameter``, ``evidence``, ``share``; sorted by share,
        largest first.

    Raises:
        KeyError: an input with no evidence kind.
    """
    y = np.asarray(outputs[output], dtype=float)
    rows = []
    for name, x in inputs.items():
        x = np.asarray(x, dtype=float)
        if np.ptp(x) == 0:
            continue
        if evidence[name] not in KINDS:
            raise KeyError(f"parameter {name!r}: evidence {evidence[name]!r} is not one of {KINDS}")
        idx = index[name] if index is not None else None
        rows.append(
            {
                "parameter": name,
                "evidence": evidence[name],
                "share": first_order_share(x, y, bins, idx),
            }
        )
    out = pd.DataFrame(rows, columns=["parameter", "evidence", "share"])
    return out.sort_values("share", ascending=False, kind="stable").reset_index(drop=True)


def split(
    inputs: Mapping,
    outputs: Mapping,
    evidence: Mapping[str, str],
    names: list[str],
    bins: int = BINS,
) -> pd.DataFrame:
    """For each output in ``names``: the share of its variance on each kind of evidence.

    Args:
        inputs: parameter -> draws.
        outputs: output -> draws.
        evidence: parameter -> kind.
        names: outputs to split.
        bins: equal-count bins.

    Returns:
        One row per output: ``output``, ``measured``, ``derived``, ``assumption`` (sums of the
        first-order shares of the inputs of that kind), ``interactions`` (1 - their sum, at
        least 0), ``top_assumption`` (the assumption input with the largest share) and
        ``varies`` (False when the output is the same in every draw: then every share is 0).
    """
    index = {k: bin_index(v, bins) for k, v in inputs.items() if np.ptp(np.asarray(v)) > 0}
    rows = []
    for name in names:
        y = np.asarray(outputs[name], dtype=float)
        varies = bool(np.ptp(y) > 0)
        row = {
            "output": name,
            **dict.fromkeys(KINDS, 0.0),
            "interactions": 0.0,
            "top_assumption": "",
            "varies": varies,
        }
        if varies:
            s = shares(inputs, outputs, evidence, name, bins, index)
            for kind in KINDS:
                row[kind] = float(s.loc[s["evidence"] == kind, "share"].sum())
            row["interactions"] = max(0.0, 1.0 - sum(row[k] for k in KINDS))
            top = s.loc[s["evidence"] == "assumption", "parameter"]
            row["top_assumption"] = top.iloc[0] if len(top) else ""
        rows.append(row)
    return pd.DataFrame(rows)


def closed_split(
    inputs: Mapping,
    outputs: Mapping,
    fresh: Mapping,
    run,
    evidence: Mapping[str, str],
    names: list[str],
    linked: list[tuple[str, str]] = (),
) -> pd.DataFrame:
    """For each output in ``names``: the share of its variance each kind of input explains.

    The share of a kind is its closed first-order Sobol index, ``Var(E[Y | X_kind]) /
    Var(Y)``: how much of the spread would go if every input of that kind were known. It is
    estimated by pick-freeze (Saltelli): the model is run again with the inputs of that kind
    kept and every other input taken from ``fresh``, an independent second set of draws from
    the same distributions, and the share is the covariance of the two runs over the variance.
    Inputs may depend on one another (a copula) only within a kind: then each kind is
    independent of the rest and the shares of the kinds add to at most one; what they leave
    is the part that comes from interactions between kinds.

    Args:
        inputs: parameter -> draws.
        outputs: the model's outputs on ``inputs``.
        fresh: a second, independent set of draws of the same inputs.
        run: the model (inputs -> outputs).
        evidence: parameter -> ``measured``, ``derived`` or ``assumption``.
        names: outputs to split.
        linked: pairs of parameters drawn together (their rank correlations): both must be
            of the same kind.

    Returns:
        One row per output: ``output``, ``measured``, ``derived``, ``assumption`` (shares in
        [0, 1]), ``interactions`` (1 - their sum, at least 0) and ``varies``.

    Raises:
        ValueError: a linked pair of two kinds (the split would not be defined).
    """
    for a, b in linked:
        if evidence[a] != evidence[b]:
            raise ValueError(
                f"evidence split: {a} ({evidence[a]}) and {b} ({evidence[b]}) are drawn "
                "together but are of different kinds"
            )
    kinds = [k for k in KINDS if any(evidence[p] == k for p in inputs)]
    mixed = {
        k: run({p: (inputs[p] if evidence[p] == k else fresh[p]) for p in inputs}) for k in kinds
    }
    rows = []
    for name in names:
        y = np.asarray(outputs[name], dtype=float)
        var = float(y.var())
        row = {"output": name, **dict.fromkeys(KINDS, 0.0), "interactions": 0.0}
        row["varies"] = bool(np.ptp(y) > 0 and var > 0)
        if row["varies"]:
            for k in kinds:
                y_k = np.asarray(mixed[k][name], dtype=float)
                cov = float(np.mean(y * y_k) - y.mean() * y_k.mean())
                row[k] = min(max(cov / var, 0.0), 1.0)
            total = sum(row[k] for k in KINDS)
            if total > 1:  # Monte Carlo error at the edge: the shares cannot exceed the whole
                for k in KINDS:
                    row[k] /= total
            row["interactions"] = max(0.0, 1.0 - sum(row[k] for k in KINDS))
        rows.append(row)
    return pd.DataFrame(rows)
