#!/usr/bin/env bash
# Prints the figures of docs/RELIABILITY.md from a build dir (default
# build-rel): spec corpus per placement, each pathological case, each fault
# case. Fuzzing figures come from fuzz/run.sh SECONDS.
#   fuzz/report.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-rel}
cmake --build "$build" >/dev/null
ctest --test-dir "$build" -R 'SpecCorpus|Pathological|FaultSafety|Regressions' -V 2>&1 |
  grep -oE '(spec\[|pathological\[|fault\[).*|[0-9]+% tests passed.*' | sed -E 's#/tmp/mdrisk-test-[A-Za-z0-9]+/#…/#g'
