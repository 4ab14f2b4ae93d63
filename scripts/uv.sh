#!/usr/bin/env bash
# Run the project's pinned uv: `bash scripts/uv.sh ARGS...` is `uv ARGS...`.
# The first run installs uv from PyPI into .venv-tools/ with pip, checking the hashes in
# scripts/uv-requirements.txt; it is reinstalled only when that file changes.
# Needs only Python 3.11+ (PYTHON, default python3) on the machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools=$root/.venv-tools
want=$(sha256sum < "$root/scripts/uv-requirements.txt" | cut -d' ' -f1)
if ! { [ -x "$tools/bin/uv" ] && [ "$(cat "$tools/.installed" 2>/dev/null)" = "$want" ]; }; then
  PY=${PYTHON:-python3}
  if ! "$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
    echo "error: Python 3.11 or newer is needed as '$PY' (set PYTHON=/path/to/python3.11)" >&2
    exit 1
  fi
  rm -rf "$tools"
  "$PY" -m venv "$tools" \
    || { echo "error: '$PY -m venv' failed (on Debian: apt-get install python3-venv)" >&2; exit 1; }
  "$tools/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps \
    --require-hashes -r "$root/scripts/uv-requirements.txt" \
    || { echo "error: could not install uv from PyPI into .venv-tools/ (see above)" >&2; exit 1; }
  echo "$want" > "$tools/.installed"
fi
# Never fetch a Python of uv's own: the environment uses the machine's (PYTHON). Trust the
# machine's certificate store, as pip does (uv's built-in roots fail behind a TLS proxy).
export UV_PYTHON_DOWNLOADS=never UV_SYSTEM_CERTS=${UV_SYSTEM_CERTS:-1}
exec "$tools/bin/uv" "$@"
