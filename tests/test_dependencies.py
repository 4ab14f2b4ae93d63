"""pyproject.toml declares exactly what the code imports, plus a few needs used another way."""

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from conftest import ROOT

FIRST_PARTY = {"analysis", "conftest"}
# Declared but never imported, each for a reason (anything else declared must be imported).
NOT_IMPORTED = {
    "runtime": {
        "ipykernel",  # the notebooks' kernel, started by nbclient and nbval
        "papermill",  # a command: .venv/bin/papermill
    },
    "dev": {
        "pytest-xdist",  # a pytest plugin (`-n 2` in the Makefile)
        "ruff",  # a command: `make lint`
        "jupyterlab",  # a command: `make lab`
    },
}


def _norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def _names(requirements):
    return {_norm(re.match(r"[A-Za-z0-9_.\-]+", r).group()) for r in requirements}


def _declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {
        "runtime": _names(project["dependencies"]),
        "dev": _names(project["optional-dependencies"]["dev"]),
    }


def _guarded(tree):
    """Nodes inside ``try: ... except ImportError`` (optional imports)."""
    inside = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Try) and any(
            isinstance(h.type, ast.Name) and h.type.id in ("ImportError", "ModuleNotFoundError")
            for h in node.handlers
        ):
            for stmt in node.body:
                inside.update(ast.walk(stmt))
    return inside


def _imported(folders):
    """Third-party distributions imported by the .py files under ``folders``.

    Returns (required, optional): optional ones are imported only under ``except ImportError``.
    """
    dists = packages_distributions()
    required, optional = set(), set()
    files = [f for d in folders for f in sorted((ROOT / d).rglob("*.py"))]  # subpackages too
    assert files
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        guarded = _guarded(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                mods = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                mods = [node.module]
            else:
                continue
            for mod in mods:
                top = mod.split(".")[0]
                if top in sys.stdlib_module_names or top in FIRST_PARTY:
                    continue
                assert top in dists, f"{path.name} imports {top}, which no installed package has"
                (optional if node in guarded else required).update(_norm(d) for d in dists[top])
    return required, optional


def test_what_the_package_and_notebooks_import_is_a_runtime_dependency():
    required, _ = _imported(["analysis", "notebooks"])
    assert required - _declared()["runtime"] == set()


def test_every_import_is_declared():
    required, optional = _imported(["analysis", "notebooks", "tests", "benchmarks", "scripts"])
    declared = _declared()
    assert (required | optional) - declared["runtime"] - declared["dev"] == set()


def test_every_declared_dependency_is_imported_or_has_a_stated_reason():
    required, optional = _imported(["analysis", "notebooks", "tests", "benchmarks", "scripts"])
    declared = _declared()
    assert declared["runtime"] - required - optional - NOT_IMPORTED["runtime"] == set()
    assert declared["dev"] - required - optional - NOT_IMPORTED["dev"] == set()
    # and a stated reason is still true: the package is declared and really not imported
    for kind in ("runtime", "dev"):
        assert NOT_IMPORTED[kind] <= declared[kind]
        assert NOT_IMPORTED[kind].isdisjoint(required | optional)
