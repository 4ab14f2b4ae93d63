"""Notebooks are committed executed, without errors, with the portable kernel name."""

import json

import pytest

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks_and_they_are_numbered():
    assert NOTEBOOKS
    assert all(p.name[:2].isdigit() and p.name[2] == "-" for p in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_executed(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    code = [c for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]
    assert code, "a notebook with no code cells tests nothing"
    counts = [c["execution_count"] for c in code]
    assert None not in counts, f"unexecuted code cells: {counts}"
    assert counts == list(range(1, len(code) + 1)), "cells not executed top to bottom in one run"
    errors = [o for c in code for o in c["outputs"] if o["output_type"] == "error"]
    assert not errors


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_path_hacks(path):
    text = path.read_text(encoding="utf-8")
    assert "sys.path" not in text and "read_csv(" not in text


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_and_its_text_twin_agree(path):
    """Each notebook has a py:percent twin (jupytext) with the same cells, for review."""
    import jupytext

    twin = path.with_suffix(".py")
    assert twin.exists(), f"{twin.name} missing: run `jupytext --sync {path}`"
    a, b = jupytext.read(path), jupytext.read(twin)
    cells = [(c.cell_type, c.source.strip()) for c in a.cells]
    assert cells == [(c.cell_type, c.source.strip()) for c in b.cells], (
        f"{path.name} and {twin.name} differ: edit one, then `jupytext --sync {path}`"
    )
