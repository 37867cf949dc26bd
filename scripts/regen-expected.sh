#!/usr/bin/env bash
# Regenerates fixtures/<name>/expected.txt from the current build, for a
# human to REVIEW with `git diff fixtures/` before committing. CI never runs
# this: golden files change only in a reviewed commit.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${MDRISK_BIN:-build/tools/mdrisk/mdrisk}")
summary='^(Found [0-9]+ problem|[0-9]+ fixable with|All checks passed|Fixed [0-9]+ problem)'
for dir in fixtures/*/; do
  [[ -f "$dir/input.md" ]] || continue
  name=$(basename "$dir")
  select=()  # a folder named for a rule runs that rule alone (tests/golden_test.cpp)
  if [[ $name =~ ^(MR[0-9]{3})- ]]; then select=(--select "${BASH_REMATCH[1]}"); fi
  (cd "$dir" && { "$bin" --format concise "${select[@]}" input.md 2>/dev/null || true; } | grep -Ev "$summary" > expected.txt || true)
done
echo "review before committing: git diff --stat fixtures/"
