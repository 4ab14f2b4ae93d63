#!/usr/bin/env bash
# Make sure Debian's chromium and chromedriver are installed: for the report's browser test
# (`make test`) and its PDF (`make report`).
# --optional: when they are missing and cannot be installed (not root), say so and go on
# (`make report` then builds everything but the PDF) instead of failing.
set -euo pipefail
optional=0
[ "${1:-}" = "--optional" ] && optional=1
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  if [ "$optional" = 1 ]; then
    echo "note: no chromium, so the report will have no PDF;" \
         "install it (sudo apt-get install chromium chromium-driver) to get one" >&2
    exit 0
  fi
  echo "error: the browser test needs Debian's chromium and chromium-driver;" \
       "install them (sudo apt-get install chromium chromium-driver) and re-run" >&2
  exit 1
fi
echo "installing chromium and chromium-driver (apt) for the report's PDF and browser test ..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
echo "chromium ready: $(chromium --version 2>/dev/null | head -1)"
