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
seconds=${1:-60}
out=${FUZZ_BUILD_DIR:-build-fuzz-large}

cmake -S . -B "$out" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER=clang++ -DMDRISK_BUILD_TESTS=OFF \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link" >/dev/null
cmake --build "$out" --target mdrisk_lib -j "$(nproc)" >/dev/null
lib=$(find "$out/lib" -name 'libmdrisk.a' | head -1)
# shellcheck disable=SC2046
clang++ -std=c++20 -O2 -g -fsanitize=fuzzer -Ilib/include -Ilib/src \
  fuzz/fuzz_large.cpp "$lib" $(pkg-config --libs libcmark-gfm libutf8proc) -lcmark-gfm-extensions -lfmt \
  -o "$out/fuzz_large"

corpus="$out/corpus"
mkdir -p "$corpus" "$out/artifacts"
python3 bench/pathological/gen.py --seeds "$corpus" >/dev/null

log="$out/fuzz.log"
set +e
"$out/fuzz_large" "$corpus" -max_len=96 -timeout=120 -rss_limit_mb=4096 -max_total_time="$seconds" \
  -print_final_stats=1 -seed="${FUZZ_SEED:-0}" -artifact_prefix="$out/artifacts/" >"$log" 2>&1
rc=$?
set -e
execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
crashes=$(find "$out/artifacts" -type f -newer "$out/fuzz_large" | wc -l)
echo "fuzz-large: ${seconds}s, ${execs} executions, corpus $(ls "$corpus" | wc -l) inputs, ${crashes} broken (exit $rc)"
if [[ $rc -ne 0 ]]; then
  grep -E '\*\*\* property|ERROR: |SUMMARY' "$log" | head -20
  echo "log: $log; inputs: $out/artifacts/" >&2
fi
exit $rc
