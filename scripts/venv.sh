#!/usr/bin/env bash
# Create .venv from requirements.lock with uv, or reuse it when the lock and pyproject are unchanged.
# Needs only Python 3.11+ (PYTHON, default python3) on the machine: scripts/uv.sh installs the
# pinned uv from PyPI first, and uv installs exactly the lock, checking every file's hash.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
  echo "error: Python 3.11 or newer is needed as '$PY' (set PYTHON=/path/to/python3.11)" >&2
  exit 1
fi
want=$(cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)
stamp=.venv/.installed
if [ -x .venv/bin/python ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "using .venv (requirements.lock unchanged)"
  exit 0
fi
echo "setting up .venv from requirements.lock with uv ..."
start=$(date +%s)
uv() { PYTHON=$PY bash scripts/uv.sh "$@"; }
if [ ! -x .venv/bin/python ]; then
  uv venv --quiet --clear --python "$("$PY" -c 'import sys; print(sys.executable)')" .venv \
    || { echo "error: could not create .venv with '$PY' (see above)" >&2; exit 1; }
fi
# sync: install exactly the lock (and remove anything else), every file checked against its hash.
uv pip sync --quiet --python .venv/bin/python --require-hashes requirements.lock \
  || { echo "error: could not install requirements.lock into .venv (see above)" >&2; exit 1; }
uv pip install --quiet --python .venv/bin/python --no-deps --no-build-isolation -e . \
  || { echo "error: could not install the package into .venv (see above)" >&2; exit 1; }
echo "$want" > "$stamp"
echo ".venv ready in $(( $(date +%s) - start )) s"
