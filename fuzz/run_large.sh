#!/usr/bin/env bash
# Builds the size fuzzer fuzz/fuzz_large.cpp with clang (-fsanitize=fuzzer,
# no sanitizers: it measures CPU time) in build-fuzz-large/ and runs it for
# SECONDS (default 60), seeded with the pathological classes' units
# (bench/pathological/gen.py --seeds). Prints executions and broken
# properties; exits non-zero when P12 (time per byte) or P1-P11 break (the
# input is saved as build-fuzz-large/artifacts/crash-*).
#   fuzz/run_large.sh 600
#   FUZZ_SEED=1 fuzz/run_large.sh 60
set -euo pipefail
cd "$(dirname "$0")/.."
. fuzz/common.sh
seconds=${1:-60}
out=${FUZZ_BUILD_DIR:-build-fuzz-large}

build_fuzzer "$out" Release -O2 fuzz/fuzz_large.cpp "$out/fuzz_large"

corpus="$out/corpus"
mkdir -p "$corpus" "$out/artifacts"
python3 bench/pathological/gen.py --seeds "$corpus" >/dev/null

log="$out/fuzz.log"
set +e
"$out/fuzz_large" "$corpus" -max_len=96 -timeout=120 -rss_limit_mb=4096 -max_total_time="$seconds" \
  -print_final_stats=1 -seed="${FUZZ_SEED:-0}" -artifact_prefix="$out/artifacts/" >"$log" 2>&1
rc=$?
set -e
summarise_run fuzz-large "$seconds" "$log" "$out/artifacts" "$out/fuzz_large" "$corpus" "$rc" broken
exit $rc
