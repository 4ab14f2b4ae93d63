"""Every path the project uses, resolved from the repository root.

Notebooks are executed with their own folder as the working directory (nbval, nbclient), so
nothing may depend on the current directory: import paths from here.

Two output places, kept apart:

- ``REPORTS`` (``reports/``) is the built report. Only ``make report`` writes it, by building
  into a temporary folder and swapping that in at the end.
- :func:`output_dir` is where a running notebook writes its charts and results. The report
  builder points it at its build folder with ``ANALYSIS_REPORTS_DIR``; everywhere else (nbval,
  unit tests, papermill what-ifs, an analyst's JupyterLab) it is a scratch folder under the
  system's temporary directory, so a what-if never lands beside the report's findings.
"""

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
NOTEBOOKS = ROOT / "notebooks"
TESTS = ROOT / "tests"
BENCHMARKS = ROOT / "benchmarks"
#: The built report: written by ``make report`` (``python -m analysis.report``) only.
REPORTS = ROOT / "reports"
#: Environment variable naming the folder notebooks write charts and results to.
OUTPUT_ENV = "ANALYSIS_REPORTS_DIR"


def scratch_dir() -> Path:
    """The default output folder outside the report: ``$TMPDIR/pk-vpn-analysis-<user>``."""
    who = os.getuid() if hasattr(os, "getuid") else "user"
    return Path(tempfile.gettempdir()) / f"pk-vpn-analysis-{who}"


def output_dir() -> Path:
    """Return the folder a running notebook writes to (``ANALYSIS_REPORTS_DIR`` or scratch)."""
    override = os.environ.get(OUTPUT_ENV)
    return Path(override).resolve() if override else scratch_dir()


def figures_dir() -> Path:
    """Return the folder chart files (PNG, SVG, CSV) are written to."""
    return output_dir() / "figures"


def results_dir() -> Path:
    """Return the folder notebooks write their headline result tables to."""
    return output_dir() / "results"


@contextmanager
def environ(**values: str) -> Iterator[None]:
    """Set environment variables for the duration of a block, then restore them."""
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
