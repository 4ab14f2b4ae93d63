"""Every path the project uses, resolved from the repository root.

Notebooks are executed with their own folder as the working directory (nbval, nbclient), so
nothing may depend on the current directory: import paths from here.

``REPORTS`` can be redirected with the ``ANALYSIS_REPORTS_DIR`` environment variable; the
report builder uses this to build into a temporary folder and swap it in at the end.
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
NOTEBOOKS = ROOT / "notebooks"
TESTS = ROOT / "tests"
BENCHMARKS = ROOT / "benchmarks"


def reports_dir() -> Path:
    """Return the folder the report is written to (``reports/`` unless redirected)."""
    override = os.environ.get("ANALYSIS_REPORTS_DIR")
    return Path(override).resolve() if override else ROOT / "reports"


def figures_dir() -> Path:
    """Return the folder chart files (PNG, SVG, CSV) are written to."""
    return reports_dir() / "figures"


def results_dir() -> Path:
    """Return the folder notebooks write their headline result tables to."""
    return reports_dir() / "results"
