#!/usr/bin/env bash
# Creates .venv (Python >= 3.11) and installs WinStreak into it; re-runs only when pyproject.toml changed.
# Usage: scripts/setup.sh [--dev]     (--dev adds the test and lint tools)
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
[ "${1:-}" = "--dev" ] && extras="[dev]"

python=""
for candidate in python3.13 python3.12 python3.11 python3; do
  if command -v "$candidate" >/dev/null 2>&1 &&
     "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
    python="$candidate"; break
  fi
done
if [ -z "$python" ]; then
  echo "setup: WinStreak needs Python 3.11 or newer (on Debian: sudo apt-get install python3)" >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  if ! "$python" -m venv .venv 2>/dev/null; then
    rm -rf .venv
    echo "setup: '$python -m venv' is not available (on Debian: sudo apt-get install python3-venv)" >&2
    exit 1
  fi
fi

stamp=".venv/.winstreak-installed$extras"
wanted="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  echo "setup: installing WinStreak$extras into .venv (first run takes a few minutes)..." >&2
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".$extras"
  echo "$wanted" > "$stamp"
fi
