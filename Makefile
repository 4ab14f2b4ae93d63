# Two commands on a fresh clone (only Python 3.11+ and make needed):
#   make report   set up .venv, execute every notebook, build reports/
#   make test     set up .venv, lint, unit tests, nbval (strict) on every notebook
# Also: make unit (lint + unit tests, seconds), make lab, make bench, make notebooks.

PY := .venv/bin/python
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with=tests/sanitize.cfg

.PHONY: setup browser report test unit lint pytest lab bench notebooks lock data findings clean

setup:
	@bash scripts/venv.sh

# Installs Debian's chromium for the PDF when it is missing and it can (as root).
report: setup
	@bash scripts/browser.sh --optional
	$(PY) -m analysis.report

test: setup lint pytest

# The fast loop: lint and the unit tests (serial: worker start-up costs more than it saves);
# no chromium, no kernels, no notebooks.
unit: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest tests -m "not slow" -q

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# Debian's chromium and chromedriver for the report's browser test (installed when absent).
browser:
	@bash scripts/browser.sh

# Unit tests, the browser test of the report, and every notebook re-executed and compared
# cell by cell (strict nbval), on both cores (a notebook's cells stay on one worker). Then
# nbval again with every numeric input perturbed by 1e-9 (ANALYSIS_PERTURB), far more than
# the rounding differences between CPUs, with the default BLAS threads and with one thread:
# printed numbers that survive this survive any machine.
XDIST := -n 2 --dist loadfile
pytest: setup browser
	$(PY) -m pytest tests notebooks $(NBVAL) $(XDIST)
	ANALYSIS_PERTURB=1e-9 $(PY) -m pytest notebooks $(NBVAL) $(XDIST) -q
	ANALYSIS_PERTURB=1e-9 OPENBLAS_NUM_THREADS=1 $(PY) -m pytest notebooks $(NBVAL) $(XDIST) -q

# JupyterLab refuses to run as root without --allow-root (containers, CI machines).
lab: setup
	.venv/bin/jupyter lab notebooks $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

bench: setup
	@for b in benchmarks/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

# Re-execute the committed notebooks in place after changing code or data.
notebooks: setup
	$(PY) -m analysis.report --in-place

# Refresh data/datapackage.json checksums and regenerate data/README.md.
data: setup
	$(PY) -m analysis.data.package

# Rewrite the README's Findings from the results the committed notebooks print.
findings: setup
	$(PY) -m analysis.report.results

# Resolve requirements.lock from pyproject.toml (the dependencies, the dev extra and the
# build backend) with uv, every file's hash included, for any Python 3.11+ (requires-python).
# Every version already in the lock is kept unless a change in pyproject.toml needs another,
# or it is named in UPGRADE (make lock UPGRADE="pandas numpy"). Then mirror the lock into
# environment.yml. Needs no .venv: `make setup` (or any target) then installs the new lock.
UV := bash scripts/uv.sh
TOOLS_PY := .venv-tools/bin/python
lock:
	@$(UV) --version
	grep '^#' requirements.lock > requirements.lock.head
	$(TOOLS_PY) scripts/lock.py --build-requires | $(UV) pip compile --quiet pyproject.toml - \
	  --extra dev --generate-hashes --python-version 3.11 --no-header \
	  $(UPGRADE:%=--upgrade-package %) -o requirements.lock
	cat requirements.lock.head requirements.lock > requirements.lock.new
	mv requirements.lock.new requirements.lock && rm requirements.lock.head
	$(TOOLS_PY) scripts/lock.py

clean:
	rm -rf reports .reports-build-* .reports-old .pytest_cache
