#!/usr/bin/env bash
# The pathological input benchmark: every class of bench/pathological/gen.py
# at 100 KB, 300 KB and 1 MB, in the preamble, inside an entry and in a
# Summary Table cell (459 files, ~210 MB), each run as `mdrisk FILE` and
# `mdrisk --fix COPY` (and cmark-gfm alone with CMARK=1), recording CPU
# time, peak RSS and the outcome per case in a TSV and a summary.
#
#   bench/pathological/run.sh                  # Release build in build-perf/
#   MDRISK=/path/to/mdrisk bench/pathological/run.sh
#   TIMEOUT=10 CMARK=1 ONLY=html- bench/pathological/run.sh
#
# The bound checked (column `bound`): CPU time at most 2 s per MB + 0.5 s
# for a case mdrisk accepts, wall time under 1 s for a case it refuses.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
OUT=${OUT:-bench/out/pathological}
TIMEOUT=${TIMEOUT:-30}
MEM_MB=${MEM_MB:-4096}
mkdir -p "$OUT"

if [ -z "${MDRISK:-}" ]; then
  BUILD_DIR=${BUILD_DIR:-build-perf}
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD_DIR" --target mdrisk >/dev/null
  MDRISK="$ROOT/$BUILD_DIR/tools/mdrisk/mdrisk"
fi
command -v cmark-gfm >/dev/null || { echo "run.sh: missing cmark-gfm (apt-get install cmark-gfm)" >&2; exit 2; }

[ -s "$OUT/cases/.done" ] || { python3 bench/pathological/gen.py --out "$OUT/cases" >/dev/null && date > "$OUT/cases/.done"; }

tsv="$OUT/results.tsv"
: >"$tsv"
extra=()
[ "${CMARK:-0}" = 1 ] && extra+=(--cmark)
python3 bench/pathological/measure.py --mdrisk "$MDRISK" --cases "$OUT/cases" --out "$tsv" \
  --timeout "$TIMEOUT" --mem-mb "$MEM_MB" --only "${ONLY:-}" "${extra[@]}" >/dev/null
python3 bench/pathological/summarize.py "$tsv"
