#!/usr/bin/env bash
# Latency of `mdrisk server` after an edit on a 1,000-risk tracker (target:
# diagnostics under 50 ms), with the default debounce and with none (the
# server's own work). Results go in bench/RESULTS.md by hand, with the date
# and commit. No test asserts a timing.
#   BUILD_DIR=build  RISKS=1000  ITERATIONS=60
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BUILD_DIR=${BUILD_DIR:-build}
RISKS=${RISKS:-1000}
ITERATIONS=${ITERATIONS:-60}
OUT=bench/out
mkdir -p "$OUT"
cmake --build "$BUILD_DIR" --target mdrisk >/dev/null
tests/lsp/install_client.sh "$ROOT/$BUILD_DIR/npm-lsp"
python3 bench/gen_tracker.py "$RISKS" -o "$OUT/lsp-$RISKS.md"
python3 bench/gen_tracker.py "$RISKS" --messy -o "$OUT/lsp-$RISKS-messy.md"
echo "commit $(git rev-parse --short HEAD), $(date -u +%F), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
for f in "$OUT/lsp-$RISKS.md" "$OUT/lsp-$RISKS-messy.md"; do
  for debounce in 50 0; do
    NODE_PATH="$ROOT/$BUILD_DIR/npm-lsp/node_modules" node bench/lsp_latency.js \
      "$BUILD_DIR/tools/mdrisk/mdrisk" "$f" "$ITERATIONS" "$debounce"
  done
done
