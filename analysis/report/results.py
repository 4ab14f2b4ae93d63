"""Headline results: what a notebook records so the report and the README can read it.

A notebook calls :func:`record` with its headline figures. Each figure travels with its
interval, unit and notebook, and goes two ways:

- into ``reports/results/<notebook>.csv`` (gathered by the report into ``results.csv``);
- into the notebook's own output, as one ``RESULT {json}`` line per figure. nbval checks that
  output against the code on every test run, and :func:`from_notebooks` reads it back, so the
  README's Findings section (``python -m analysis.report.results``) can be checked against the
  committed notebooks and cannot drift from what the code computes.
"""

from __future__ import annotations

import json
import math
import re
import sys
from pathlib import Path

import pandas as pd

from analysis import paths, precision

COLUMNS = [
    "notebook",
    "key",
    "finding",
    "value",
    "low",
    "high",
    "unit",
    "interval",
    "interval_kind",
]
#: What an interval is, in words a reader can quote. ``interval`` holds its level ("90%").
INTERVAL_KINDS = {
    "confidence": "confidence interval",
    "prediction": "prediction interval",
    "calibrated": "simulation-calibrated interval",
    "credible": "credible interval",
    "scenario": "range across scenarios",
    "reports": "range of published reports",
    "inputs": "range of inputs",
}
PREFIX = "RESULT "
#: Units of counts of people, firms or things: never below zero.
COUNT_UNITS = ("VPNs", "firms", "companies", "million people", "thousand freelancers")
START, END = "<!-- findings:start -->", "<!-- findings:end -->"
#: README blocks written from the one copy of the narrative prose (``report/text/*.md``).
PROSE_BLOCKS = ("summary", "method", "caveats")


def _check(notebook: str, rows: list[dict]) -> pd.DataFrame:
    out = []
    for i, row in enumerate(rows):
        missing = [c for c in COLUMNS[1:] if c not in row]
        if missing:
            raise ValueError(f"results.record({notebook!r}): row {i} misses {', '.join(missing)}")
        if row["interval_kind"] not in INTERVAL_KINDS:
            raise ValueError(
                f"results.record({notebook!r}): row {row['key']!r} has interval_kind "
                f"{row['interval_kind']!r}; expected one of {', '.join(INTERVAL_KINDS)}"
            )
        v, lo, hi = (float(row[k]) for k in ("value", "low", "high"))
        if not all(math.isfinite(x) for x in (v, lo, hi)):
            raise ValueError(f"results.record({notebook!r}): row {row['key']!r} is not finite")
        if not lo <= v <= hi:
            raise ValueError(
                f"results.record({notebook!r}): row {row['key']!r} has value {v} "
                f"outside its interval [{lo}, {hi}]"
            )
        unit = str(row["unit"])
        if (unit.startswith("share") and not 0 <= lo <= hi <= 1) or (
            unit == "percent" and "share" in row["key"] and not 0 <= lo <= hi <= 100
        ):
            raise ValueError(
                f"results.record({notebook!r}): row {row['key']!r} is a share ({unit}) "
                f"outside [0, 1] (or 0-100%): {lo} to {hi}"
            )
        if (unit in COUNT_UNITS or row.get("count", False)) and lo < 0:
            raise ValueError(
                f"results.record({notebook!r}): row {row['key']!r} is a count ({unit}) below 0"
            )
        if row.get("count", False):  # a count from the data: whole, as the data give it
            v, lo, hi = (float(round(x)) for x in (v, lo, hi))
        else:
            v, lo, hi = precision.rounded(v, lo, hi)
        out.append(
            {
                "notebook": notebook,
                **{k: row[k] for k in COLUMNS[1:]},
                "value": v,
                "low": lo,
                "high": hi,
            }
        )
    return pd.DataFrame(out, columns=COLUMNS)


def record(notebook: str, rows: list[dict]) -> None:
    """Write and print ``rows`` (key, finding, value, low, high, unit, interval, interval_kind).

    ``interval`` is the interval's level (``"90%"``, or ``""`` for a range of reports) and
    ``interval_kind`` says what kind of interval it is (:data:`INTERVAL_KINDS`).

    Values are rounded by the precision policy (:func:`analysis.precision.rounded`: the step
    their interval supports, three significant figures at most) before they are written or
    printed; a row with ``"count": True`` is a count from the data and is kept as it is.

    Raises:
        ValueError: a row misses a field, has an unknown interval kind, a non-finite value,
            or low > value > high.
    """
    frame = _check(notebook, rows)
    folder = paths.results_dir()
    folder.mkdir(parents=True, exist_ok=True)
    frame.to_csv(folder / f"{notebook}.csv", index=False)
    for row in frame.to_dict("records"):
        print(PREFIX + json.dumps(row, sort_keys=True))


def gather(folder: Path | None = None) -> pd.DataFrame:
    """All results written under ``reports/results/``, in notebook order."""
    folder = Path(folder) if folder else paths.results_dir()
    files = sorted(folder.glob("*.csv"))
    if not files:
        return pd.DataFrame(columns=COLUMNS)
    return pd.concat([pd.read_csv(f) for f in files], ignore_index=True)


def from_notebooks(folder: Path | None = None) -> pd.DataFrame:
    """Results as printed in the committed notebooks' outputs, in notebook order."""
    import nbformat

    rows = []
    for path in sorted((Path(folder) if folder else paths.NOTEBOOKS).glob("[0-9][0-9]-*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            for out in cell.get("outputs", []):
                for line in out.get("text", "").splitlines():
                    if line.startswith(PREFIX):
                        rows.append(json.loads(line[len(PREFIX) :]))
    return pd.DataFrame(rows, columns=COLUMNS)


def render_findings(results: pd.DataFrame) -> str:
    """Markdown bullets, one per result: finding, value, interval, unit and notebook."""
    lines = []
    for r in results.itertuples():
        unit = "" if r.unit in ("rank", "") or pd.isna(r.unit) else f" {r.unit}"
        value, low, high = value_texts(r.value, r.low, r.high)
        if low is None:
            lines.append(
                f"- {r.finding}: **{value}{unit}** ({POINT_WORDS[r.interval_kind]}; `{r.notebook}`)"
            )
        else:
            lines.append(
                f"- {r.finding}: **{value}{unit}** ({interval_words(r.interval, r.interval_kind)} "
                f"{low} to {high}; `{r.notebook}`)"
            )
    return "\n".join(lines)


#: How a single number (no interval) was obtained, by the kind its interval would have.
POINT_WORDS = {
    "confidence": "from the model's standard error",
    "prediction": "from the model's prediction error",
    "calibrated": "calibrated on simulated or placebo data",
    "credible": "from the posterior",
    "scenario": "one scenario",
    "reports": "as reported",
    "inputs": "from the inputs",
}


def value_texts(value: float, low: float, high: float) -> tuple[str, str | None, str | None]:
    """A result's value, low and high as text; ``(value, None, None)`` for a single number.

    A single whole number (a count from the data) is printed in full; any other number at
    the precision policy's step.
    """
    if low == value == high:
        whole = abs(value - round(value)) <= precision.SAME_FIGURE_RTOL * max(1.0, abs(value))
        return precision.fmt(value, count=whole), None, None
    return (
        precision.fmt(value, low, high),
        precision.fmt(low, low, high),
        precision.fmt(high, low, high),
    )


def interval_words(level: object, kind: str) -> str:
    """``"90% simulation-calibrated interval"``: an interval's level and kind in words."""
    level = "" if level is None or (isinstance(level, float) and math.isnan(level)) else level
    return f"{level} {INTERVAL_KINDS[kind]}".strip()


def _replace_block(readme: str, name: str, body: str) -> str:
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
    if not pattern.search(readme):
        raise ValueError(f"README has no {start} ... {end} markers")
    return pattern.sub(lambda _: f"{start}\n{body}\n{end}", readme)


def readme_with_findings(readme: str, results: pd.DataFrame) -> str:
    """Return ``readme`` with its findings and prose blocks rewritten.

    The findings come from ``results``; the summary, method and caveats from the report's
    markdown (:func:`analysis.report.site.prose`), so the two never say different things.
    """
    from analysis.report import site

    readme = _replace_block(readme, "findings", render_findings(results))
    for name in PROSE_BLOCKS:
        readme = _replace_block(readme, name, site.prose(name))
    return readme


def main() -> int:
    """Rewrite the README's Findings from the committed notebooks' recorded results."""
    readme = paths.ROOT / "README.md"
    new = readme_with_findings(readme.read_text(encoding="utf-8"), from_notebooks())
    readme.write_text(new, encoding="utf-8")
    print("README.md findings updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
