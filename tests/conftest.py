"""Shared fixtures: run the project's own commands in subprocesses, isolated from reports/."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NBVAL = [
    "--color=no",
    "--nbval",
    "--nbval-current-env",
    f"--nbval-sanitize-with={ROOT / 'tests' / 'sanitize.cfg'}",
]


@pytest.fixture
def run(tmp_path):
    """Run ``python -m ...`` with reports redirected into tmp_path; return CompletedProcess."""

    def _run(*args, cwd=ROOT, reports=None):
        if cwd != ROOT:  # an isolated pytest run: its own rootdir, not the project's config
            (Path(cwd) / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
        env = dict(os.environ, ANALYSIS_REPORTS_DIR=str(reports or tmp_path / "reports"))
        return subprocess.run(
            [sys.executable, *args],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )

    return _run


@pytest.fixture(autouse=True)
def _reports_in_tmp(tmp_path, monkeypatch):
    """No test writes into the real reports/ folder."""
    monkeypatch.setenv("ANALYSIS_REPORTS_DIR", str(tmp_path / "reports"))


def write_notebook(path: Path, *sources: str) -> Path:
    """Write an executed-looking notebook whose code cells are ``sources`` (no outputs)."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    nb = new_notebook()
    nb.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
    }
    nb.cells = [new_markdown_cell(f"# {path.stem}")]
    nb.cells += [new_code_cell(s, execution_count=i) for i, s in enumerate(sources, 1)]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


@pytest.fixture
def raising_notebook():
    """Return a function writing ``01-broken.ipynb`` whose second code cell divides by zero."""

    def _make(folder: Path) -> Path:
        return write_notebook(folder / "01-broken.ipynb", "import analysis", "1 / 0")

    return _make
