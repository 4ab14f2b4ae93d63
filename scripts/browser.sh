#!/usr/bin/env bash
# Make sure Debian's chromium and chromedriver are installed (for the report's browser test).
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "error: the browser test needs Debian's chromium and chromium-driver;" \
       "install them (sudo apt-get install chromium chromium-driver) and re-run" >&2
  exit 1
fi
echo "installing chromium and chromium-driver (apt) for the browser test ..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
echo "chromium ready: $(chromium --version 2>/dev/null | head -1)"
