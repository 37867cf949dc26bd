# Sourced by bench/run.sh and bench/instructions.sh: the Release build they
# measure and the generated trackers they measure it on.

# build_perf: builds BUILD_DIR (Release, with the bench targets) and sets M
# to its mdrisk binary.
build_perf() {
  echo "== build (Release, $BUILD_DIR)"
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMDRISK_BUILD_BENCH=ON >/dev/null
  cmake --build "$BUILD_DIR" >/dev/null
  M="$ROOT/$BUILD_DIR/tools/mdrisk/mdrisk"
}

# generate_inputs SIZES: valid-N.md and messy-N.md in OUT for each N (kept
# between runs: the generator is deterministic).
generate_inputs() {
  echo "== generate inputs into $OUT"
  local n
  for n in $1; do
    [ -s "$OUT/valid-$n.md" ] || python3 bench/gen_tracker.py "$n" -o "$OUT/valid-$n.md"
    [ -s "$OUT/messy-$n.md" ] || python3 bench/gen_tracker.py "$n" --messy -o "$OUT/messy-$n.md"
  done
}
