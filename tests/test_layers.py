"""The package's layers, as folders: data -> models -> charts -> report, one way only."""

import ast

import pytest

from conftest import ROOT

PKG = ROOT / "analysis"
LAYERS = ("data", "models", "charts", "report")


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
            out |= {f"{node.module}.{a.name}" for a in node.names}
    return out


def _modules(layer):
    return sorted((PKG / layer).glob("*.py"))


def test_every_layer_is_a_folder_with_modules():
    for layer in LAYERS:
        assert (PKG / layer / "__init__.py").exists()
    assert len(_modules("models")) >= 6 and len(_modules("charts")) >= 8


@pytest.mark.parametrize("path", _modules("models"), ids=lambda p: p.name)
def test_models_are_pure(path):
    """No drawing, no paths, no data loading, no file I/O in a model."""
    bad = {
        m
        for m in _imports(path)
        if m.split(".")[0] in ("matplotlib", "seaborn")
        or m.startswith(
            (
                "analysis.paths",
                "analysis.data",
                "analysis.events",
                "analysis.charts",
                "analysis.report",
            )
        )
    }
    assert not bad, f"{path.name} imports {sorted(bad)}"
    text = path.read_text(encoding="utf-8")
    for call in ("open(", "read_csv(", "to_csv(", "savefig(", "write_text(", "read_text("):
        assert call not in text, f"{path.name} does file I/O ({call})"


@pytest.mark.parametrize("path", _modules("data"), ids=lambda p: p.name)
def test_data_layer_draws_nothing(path):
    bad = {
        m
        for m in _imports(path)
        if m.split(".")[0] in ("matplotlib", "seaborn")
        or m.startswith(("analysis.charts", "analysis.report"))
    }
    assert not bad, f"{path.name} imports {sorted(bad)}"


@pytest.mark.parametrize("path", _modules("charts"), ids=lambda p: p.name)
def test_charts_do_not_build_the_report(path):
    assert not {m for m in _imports(path) if m.startswith("analysis.report")}
