#!/usr/bin/env bash
# Builds the libFuzzer target fuzz/fuzz_pipeline.cpp with clang
# (-fsanitize=fuzzer,address,undefined) in build-fuzz/ and runs it for
# SECONDS (default 60), seeded with fixtures/*/input.md and the saved
# regression inputs in fuzz/regressions/. Prints executions and crashes;
# exits non-zero when a property breaks or a sanitizer fires (the input is
# saved as build-fuzz/artifacts/crash-*; add it to fuzz/regressions/).
#   fuzz/run.sh 60            # one minute
#   FUZZ_SEED=1 fuzz/run.sh 30   # reproducible mutation sequence (CI); 0 = random (default)
set -euo pipefail
cd "$(dirname "$0")/.."
. fuzz/common.sh
seconds=${1:-60}
out=${FUZZ_BUILD_DIR:-build-fuzz}
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"

build_fuzzer "$out" RelWithDebInfo "-O1 $san" fuzz/fuzz_pipeline.cpp "$out/fuzz_pipeline"

corpus="$out/corpus"
mkdir -p "$corpus" "$out/artifacts"
for f in fixtures/*/input.md fuzz/regressions/*; do
  [[ -f "$f" ]] && cp "$f" "$corpus/seed-$(echo "$f" | tr '/' '_')"
done

log="$out/fuzz.log"
set +e
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ASAN_OPTIONS=detect_leaks=1 \
  "$out/fuzz_pipeline" "$corpus" -dict=fuzz/markdown.dict -max_len=16384 -timeout=30 \
  -rss_limit_mb=4096 -max_total_time="$seconds" -print_final_stats=1 -seed="${FUZZ_SEED:-0}" \
  -artifact_prefix="$out/artifacts/" >"$log" 2>&1
rc=$?
set -e
summarise_run fuzz "$seconds" "$log" "$out/artifacts" "$out/fuzz_pipeline" "$corpus" "$rc" crashes
exit $rc
