"""nbval in strict mode catches a changed printed number and a notebook that raises."""

import json
import shutil

import pytest

from conftest import NBVAL, ROOT

pytestmark = pytest.mark.slow


def _tamper(path, old, new):
    """Change ``old`` to ``new`` in a printed output; return nbval's (0-based) code-cell number."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    for i, cell in enumerate(code):
        for out in cell.get("outputs", []):
            text = "".join(out.get("text", []))
            if old in text:
                out["text"] = text.replace(old, new)
                path.write_text(json.dumps(nb), encoding="utf-8")
                return i
    raise AssertionError(f"{old!r} not printed in {path.name}")


def test_changed_printed_number_fails_that_cell(tmp_path, run):
    nb = tmp_path / "00-overview.ipynb"
    shutil.copy(ROOT / "notebooks" / "00-overview.ipynb", nb)
    cell = _tamper(nb, "+51.7%", "+61.7%")
    result = run("-m", "pytest", "-p", "no:cacheprovider", *NBVAL, str(nb), cwd=tmp_path)
    assert result.returncode == 1, result.stdout
    assert f"FAILED 00-overview.ipynb::Cell {cell} " in result.stdout
    assert "Cell outputs differ" in result.stdout
    assert "+61.7%" in result.stdout and "+51.7%" in result.stdout
    assert "1 failed" in result.stdout


def test_untampered_notebook_passes(tmp_path, run):
    nb = tmp_path / "00-overview.ipynb"
    shutil.copy(ROOT / "notebooks" / "00-overview.ipynb", nb)
    result = run("-m", "pytest", "-p", "no:cacheprovider", *NBVAL, str(nb), cwd=tmp_path)
    assert result.returncode == 0, result.stdout


def test_notebook_that_raises_fails_naming_the_cell(tmp_path, run, raising_notebook):
    nb = raising_notebook(tmp_path / "nb")
    result = run("-m", "pytest", "-p", "no:cacheprovider", *NBVAL, str(nb), cwd=tmp_path)
    assert result.returncode == 1
    assert "FAILED nb/01-broken.ipynb::Cell 1 " in result.stdout
    assert "ZeroDivisionError" in result.stdout
