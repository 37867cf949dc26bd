#!/usr/bin/env bash
# The performance ratios of bench/run.sh in instructions instead of CPU
# time: `valgrind --tool=callgrind` counts the instructions each process
# executes, which is the same on every run of the same binary and input,
# however busy the machine is. A shared machine cannot disturb these
# figures; it can only make them slow to collect (callgrind runs ~50x
# slower). Instructions are not time (cache misses and branch
# mispredictions cost no instructions), so bench/run.sh stays the
# measurement of record; this one tells whether a change moved the work.
#   bench/instructions.sh                 # 1,000 and 10,000 risks
#   SIZES="1000" bench/instructions.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. bench/common.sh
BUILD_DIR=${BUILD_DIR:-build-perf}
SIZES=${SIZES:-"1000 10000"}
OUT=bench/out
mkdir -p "$OUT"

for tool in valgrind:valgrind cmark-gfm:cmark-gfm python3:python3; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || { echo "bench/instructions.sh: missing '${tool%%:*}' (apt-get install ${tool#*:})" >&2; exit 2; }
done

build_perf
generate_inputs "$SIZES"

# count STDIN CMD...: the instructions CMD executes (its whole process).
count() {
  local stdin=$1
  shift
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" <"$stdin" 2>&1 >/dev/null |
    sed -n 's/^==[0-9]*== Collected : \([0-9]*\)$/\1/p'
}

echo "== instructions (callgrind; load average: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '| %s | %s | %s | %s | %s | %s |\n' "risks" "cmark-gfm" "lint" "lint / cmark" "fix messy / cmark" "fix canonical / lint"
printf '|---|---|---|---|---|---|\n'
for n in $SIZES; do
  cmark_valid=$(count /dev/null cmark-gfm -e table -t html "$OUT/valid-$n.md")
  cmark_messy=$(count /dev/null cmark-gfm -e table -t html "$OUT/messy-$n.md")
  lint=$(count /dev/null "$M" --no-config "$OUT/valid-$n.md")
  fix_messy=$(count "$OUT/messy-$n.md" "$M" --no-config --fix -)
  fix_valid=$(count "$OUT/valid-$n.md" "$M" --no-config --fix -)
  python3 - "$n" "$cmark_valid" "$cmark_messy" "$lint" "$fix_messy" "$fix_valid" <<'PY'
import sys
n, cv, cm, lint, fm, fv = sys.argv[1], *map(int, sys.argv[2:])
print(f"| {int(n):,} | {cv:,} | {lint:,} | {lint / cv:.2f} | {fm / cm:.2f} | {fv / lint:.2f} |")
PY
done
