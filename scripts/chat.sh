#!/usr/bin/env bash
# Command 1 of the README: set up, then chat with WinStreak in this terminal (SQLite, offline AI).
# Arguments go to `winstreak chat`, e.g. scripts/chat.sh --user alice
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/winstreak chat "$@"
