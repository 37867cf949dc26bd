# Sourced by fuzz/run.sh and fuzz/run_large.sh: what both fuzzers share.

# build_fuzzer OUT BUILD_TYPE "FLAGS" SOURCE BINARY
# Builds mdrisk's library with clang for libFuzzer into OUT and links the
# fuzz target SOURCE against it and the libraries the library links.
# FLAGS (sanitizers, optimisation) apply to both.
build_fuzzer() {
  local out=$1 type=$2 flags=$3 source=$4 binary=$5
  cmake -S . -B "$out" -G Ninja -DCMAKE_BUILD_TYPE="$type" \
    -DCMAKE_CXX_COMPILER=clang++ -DMDRISK_BUILD_TESTS=OFF \
    -DCMAKE_CXX_FLAGS="$flags -fsanitize=fuzzer-no-link" >/dev/null
  cmake --build "$out" --target mdrisk_lib -j "$(nproc)" >/dev/null
  local lib
  lib=$(find "$out/lib" -name 'libmdrisk.a' | head -1)
  # shellcheck disable=SC2046,SC2086
  clang++ -std=c++20 -g $flags -fsanitize=fuzzer -Ilib/include -Ilib/src \
    "$source" "$lib" $(pkg-config --libs libcmark-gfm libutf8proc tomlplusplus) -lcmark-gfm-extensions -lfmt \
    -o "$binary"
}

# summarise_run NAME SECONDS LOG ARTIFACTS BINARY CORPUS RC WHAT
# Prints the one-line summary (executions, corpus, new artifacts as WHAT)
# and, when the run failed, the lines of the log that say why.
summarise_run() {
  local name=$1 seconds=$2 log=$3 artifacts=$4 binary=$5 corpus=$6 rc=$7 what=$8
  local execs found
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  found=$(find "$artifacts" -type f -newer "$binary" | wc -l)
  echo "$name: ${seconds}s, ${execs} executions, corpus $(ls "$corpus" | wc -l) inputs, ${found} ${what} (exit $rc)"
  if [[ $rc -ne 0 ]]; then
    grep -E '\*\*\* property|ERROR: |SUMMARY|runtime error' "$log" | head -20
    echo "log: $log; inputs: $artifacts/" >&2
  fi
}
