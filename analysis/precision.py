"""The precision policy: every number a reader sees is rounded here, and only here.

A number is printed at the precision its uncertainty supports, never finer:

- an estimate with an interval is rounded to a step of about a tenth of the interval's width
  (the power of ten at or below ``(high - low) / 10``), and never to more than three
  significant figures of the largest of the three numbers; its interval is rounded to the
  same step, so ``39,856 (23,378 to 70,502)`` reads ``40,000 (23,000 to 71,000)``;
- a number without an interval gets three significant figures at most;
- a count taken from the data (registered VPNs, firms, events) is printed as it is: pass
  ``count=True``.

A number that changes in its fourth significant figure from one CPU to another was never a
finding; printing at this precision is what lets the committed notebooks be checked cell by
cell on any machine (``ANALYSIS_PERTURB`` proves it, see :mod:`analysis.data`).

Use :func:`rounded` for values that go on (into results and tables), :func:`fmt` and
:func:`fmt_interval` for text, and :func:`table` for a DataFrame shown to a reader.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import pandas as pd

#: At most this many significant figures, unless the number is a count from the data.
MAX_SIG = 3
#: Relative difference below which two values are the same published figure (two outlets
#: repeating one number, or a number and its 1e-9 perturbation).
SAME_FIGURE_RTOL = 1e-6


def _finite(*xs: float | None) -> list[float]:
    return [float(x) for x in xs if x is not None and math.isfinite(float(x))]


def step(
    value: float, low: float | None = None, high: float | None = None, sig: int = MAX_SIG
) -> float:
    """Return the rounding step (a power of ten) the policy gives ``value`` and its interval.

    Args:
        value: the central estimate.
        low: lower end of its interval, if it has one.
        high: upper end of its interval.
        sig: the most significant figures allowed (three by default).

    Returns:
        A power of ten, for example ``1000.0`` or ``0.01``; ``1.0`` for zero.
    """
    nums = _finite(value, low, high)
    biggest = max((abs(x) for x in nums), default=0.0)
    if biggest < 1e-300:  # zero, or too small to print at all
        return 1.0
    unit = 10.0 ** (math.floor(math.log10(biggest)) - sig + 1)
    # whole numbers (ranks, counts) get no decimals; "whole" to one part in a million, so a
    # count perturbed in its last bits (ANALYSIS_PERTURB) is still whole
    if all(abs(x - round(x)) <= SAME_FIGURE_RTOL * max(1.0, abs(x)) for x in nums):
        unit = max(unit, 1.0)
    if low is not None and high is not None:
        width = abs(float(high) - float(low))
        if math.isfinite(width) and width > 0:
            unit = max(unit, 10.0 ** math.floor(math.log10(width / 10)))
    return unit


def _decimals(unit: float) -> int:
    return max(0, -math.floor(math.log10(unit) + 1e-9))


def _round_to(x: float, unit: float) -> float:
    if not math.isfinite(x):
        return x
    out = round(x / unit) * unit
    return round(out, _decimals(unit)) + 0.0  # "+ 0.0" turns -0.0 into 0.0


def rounded(
    value: float, low: float | None = None, high: float | None = None, sig: int = MAX_SIG
) -> tuple[float, float | None, float | None]:
    """Round ``value`` and its interval to one step (see :func:`step`).

    Returns:
        ``(value, low, high)`` as floats rounded to the step (``None`` stays ``None``).
    """
    unit = step(value, low, high, sig)
    return (
        _round_to(float(value), unit),
        None if low is None else _round_to(float(low), unit),
        None if high is None else _round_to(float(high), unit),
    )


def _text(x: float, unit: float, sign: bool) -> str:
    if not math.isfinite(x):
        return "n/a"
    d = _decimals(unit)
    text = f"{_round_to(x, unit):{'+' if sign else ''},.{d}f}"
    return "0" if text in ("-0", "+0") and not sign else text


def fmt(
    value: float,
    low: float | None = None,
    high: float | None = None,
    *,
    sig: int = MAX_SIG,
    count: bool = False,
    sign: bool = False,
) -> str:
    """Format one number at the policy's precision, with thousands separators.

    Args:
        value: the number.
        low: lower end of its interval, which sets the precision (not printed; see
            :func:`fmt_interval`).
        high: upper end of its interval.
        sig: the most significant figures allowed.
        count: a count from the data, printed in full (``20,437``).
        sign: always print the sign (``+1.7``).
    """
    if count:
        return f"{float(value):{'+' if sign else ''},.0f}"
    return _text(float(value), step(value, low, high, sig), sign)


def fmt_interval(
    value: float,
    low: float,
    high: float,
    *,
    unit: str = "",
    sig: int = MAX_SIG,
    sign: bool = False,
    kind: str | None = None,
) -> str:
    """``"40,000 (23,000 to 71,000) VPNs"``: an estimate and its interval, one precision.

    Args:
        value: the estimate.
        low: lower end of its interval.
        high: upper end of its interval.
        unit: appended after the interval, with a space (``"%"`` is appended directly).
        sig: the most significant figures allowed.
        sign: print signs (for changes: ``-13% (-22% to -2%)``).
        kind: words for the interval's kind, put first inside the brackets
            (``"90% simulation-calibrated interval"``).
    """
    u = step(value, low, high, sig)
    suffix = unit if unit in ("%", "") else f" {unit}"
    inner = f"{_text(low, u, sign)}{'%' if unit == '%' else ''} to {_text(high, u, sign)}"
    lead = f"{kind} " if kind else ""
    if unit == "%":
        return f"{_text(value, u, sign)}% ({lead}{inner}%)"
    return f"{_text(value, u, sign)} ({lead}{inner}){suffix}"


#: Significant digits for a value shown as the data hold it (the source's own figure).
DATA_SIG = 8


def fmt_data(value: float) -> str:
    """A value as the data hold it: the source's own figure, no trailing zeros (``271.454``).

    Up to eight significant digits, enough for every figure a source states and far coarser
    than the differences between machines; this is pandas' float format in the notebooks
    (:func:`analysis.notebook.setup`), so tables of data show what the source said.
    """
    x = float(value)
    if not math.isfinite(x):
        return "n/a"
    text = f"{x:,.{DATA_SIG}g}"
    return "0" if text == "-0" else text


def fmt_pct(
    share: float,
    low: float | None = None,
    high: float | None = None,
    *,
    sig: int = MAX_SIG,
    sign: bool = False,
) -> str:
    """A share (0.697) as a percentage at the policy's precision (``"70%"``)."""
    lo = None if low is None else 100 * float(low)
    hi = None if high is None else 100 * float(high)
    return fmt(100 * float(share), lo, hi, sig=sig, sign=sign) + "%"


def fmt_p(p: float) -> str:
    """A p-value or a rate from simulations: two significant figures, ``<0.001`` below that."""
    p = float(p)
    if not math.isfinite(p):
        return "n/a"
    if p < 0.001:
        return "<0.001"
    return fmt(p, sig=2)


def table(
    df: pd.DataFrame,
    *,
    intervals: Mapping[str, tuple[str, str]] | None = None,
    counts: Iterable[str] = (),
    sig: int = MAX_SIG,
    sign: Iterable[str] = (),
    p: Iterable[str] = (),
    data: Iterable[str] = (),
    count_rows: Iterable[bool] | None = None,
    keep: Iterable[str] = (),
    index: bool = False,
) -> pd.DataFrame:
    """Return ``df`` with every number as text at the policy's precision, ready to show.

    Args:
        df: a table of estimates.
        intervals: ``{"central": ("low", "high")}``: these three columns are rounded together,
            row by row, to the step the interval gives.
        counts: columns that hold counts from the data (printed in full).
        sig: the most significant figures for every other number.
        sign: columns printed with a sign (changes, gaps).
        p: columns of p-values or simulated rates (:func:`fmt_p`).
        data: columns of values as the data hold them (:func:`fmt_data`).
        keep: numeric columns shown as they are (years, identifiers).
        count_rows: one flag per row; a flagged row's interval columns are counts from the
            data, printed in full (a table mixing counts and estimates).
        index: format a numeric index as well.

    Returns:
        A copy of ``df`` whose numeric columns are strings; other columns are untouched.
    """
    out = df.copy()
    intervals = dict(intervals or {})
    counts, sign, p, data, keep = set(counts), set(sign), set(p), set(data), set(keep)
    grouped = {c for trio in intervals.items() for c in (trio[0], *trio[1])}
    is_count = [False] * len(df) if count_rows is None else [bool(c) for c in count_rows]
    for central, (lo, hi) in intervals.items():
        texts = {central: [], lo: [], hi: []}
        for v, a, b, whole in zip(df[central], df[lo], df[hi], is_count, strict=True):
            if pd.isna(v):
                for c in texts:
                    texts[c].append("")
                continue
            u = 1.0 if whole else step(v, a, b, sig)
            for c, x in ((central, v), (lo, a), (hi, b)):
                texts[c].append("" if pd.isna(x) else _text(float(x), u, c in sign))
        for c, vals in texts.items():
            out[c] = vals
    for col in df.columns:
        if col in grouped or col in keep or not pd.api.types.is_numeric_dtype(df[col]):
            continue
        if pd.api.types.is_bool_dtype(df[col]):
            continue
        out[col] = [
            ""
            if pd.isna(x)
            else fmt_p(x)
            if col in p
            else fmt_data(x)
            if col in data
            else fmt(x, sig=sig, count=col in counts, sign=col in sign)
            for x in df[col]
        ]
    if index and pd.api.types.is_numeric_dtype(df.index):
        out.index = [fmt(x, sig=sig) for x in df.index]
    return out
