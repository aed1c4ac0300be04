#!/usr/bin/env bash
# Command 2 of the README: set up with the dev tools, then lint, type-check, check the layering and run
# every test (SQLite and a throwaway PostgreSQL the suite starts itself). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --dev
export NO_PROXY="127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}"
bin=.venv/bin

echo "== ruff (lint and format)"
"$bin/ruff" check .
"$bin/ruff" format --check .
echo "== mypy --strict"
"$bin/mypy" .
echo "== import-linter (core stays pure)"
"$bin/lint-imports"
echo "== pytest"
set +e
"$bin/pytest" "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "test.sh: pytest collected no tests — that is a failure, not a pass" >&2
  exit 1
fi
exit "$status"
