"""The lock and environment.yml carry the same exact pins; the Makefile sets up from the lock.

requirements.lock is a hashed requirements file: each requirement is one logical line
(``name==version \\`` then ``--hash=sha256:...`` continuation lines), followed by comments.
"""

import re

from conftest import ROOT

HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}")


def _requirements(path):
    """Logical requirement lines of a requirements file: continuations joined, comments out."""
    text = re.sub(r"\\\n", " ", path.read_text(encoding="utf-8"))
    lines = (re.sub(r"(^|\s)#.*", "", ln).strip() for ln in text.splitlines())
    return [ln for ln in lines if ln]


def _lock_pins():
    return {ln.split()[0].lower() for ln in _requirements(ROOT / "requirements.lock")}


def _env_pins():
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    return {m.lower() for m in re.findall(r"^\s+- ([A-Za-z0-9_.\-]+==\S+)\s*$", text, re.M)}


def test_every_lock_line_is_an_exact_pin():
    assert all(re.fullmatch(r"[a-z0-9_.\-]+==[^=\s]+", p) for p in _lock_pins())


def test_every_lock_requirement_carries_a_hash():
    reqs = _requirements(ROOT / "requirements.lock")
    assert len(reqs) > 100
    unhashed = [ln.split()[0] for ln in reqs if not HASH.search(ln)]
    assert unhashed == [], "requirements without --hash=sha256: (refresh with `make lock`)"
    for ln in reqs:  # nothing but hashes after the pin
        assert all(HASH.fullmatch(opt) for opt in ln.split()[1:]), ln


def test_setup_installs_the_lock_with_hashes_required():
    venv = (ROOT / "scripts" / "venv.sh").read_text(encoding="utf-8")
    assert re.search(r"uv pip sync .*--require-hashes requirements\.lock", venv)
    uv_pin = _requirements(ROOT / "scripts" / "uv-requirements.txt")
    assert len(uv_pin) == 1 and re.match(r"uv==[0-9.]+ ", uv_pin[0]) and HASH.search(uv_pin[0])


def test_lock_and_environment_yml_agree():
    lock, env = _lock_pins(), _env_pins()
    assert lock - env == set(), "in requirements.lock but not environment.yml"
    assert env - lock == set(), "in environment.yml but not requirements.lock"


def test_environment_yml_installs_the_package_editable():
    assert re.search(r"^\s+- -e \.\s*$", (ROOT / "environment.yml").read_text(), re.M)


def test_lock_pins_the_design_card():
    names = {p.split("==")[0] for p in _lock_pins()}
    for needed in (
        "jupyterlab",
        "pandas",
        "matplotlib",
        "seaborn",
        "statsmodels",
        "nbval",
        "pytest",
        "papermill",
        "nbconvert",
        "nbclient",
        "ruff",
        "ipykernel",
    ):
        assert needed in names


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [
        ln for ln in ci.splitlines() if ln.strip() and not ln.startswith(("#", "set ", "cd "))
    ]
    assert commands == ["make test"]
    assert "make test" in readme and "make report" in readme
