#!/usr/bin/env bash
# Benchmarks mdrisk against cmark-gfm and prints every ratio with
# pass/fail against the performance targets (listed in bench/RESULTS.md).
# One command, rerunnable:   bench/run.sh
#
#   RUNS=5            runs per measurement (the median is reported)
#   SIZES="1000 10000 30000"   risks per generated tracker
#   MANY=2000         small trackers (20 risks) for the many-files case
#   STAGES=1          also run the Google Benchmark stages (bench/stages.cpp)
#   MDLINT=1          also time markdownlint-cli2 (installed from npm into
#                     bench/out/node_modules on first use; never committed)
#   BUILD_DIR=build-perf
#
# Times are whole-process runs: wall clock, and CPU (user+sys) and peak RSS
# from the kernel's rusage of the child. Ratios use CPU time, which a busy
# shared machine disturbs much less than wall time; wall ratios are printed
# beside them. The -j rows need wall time (that is what parallelism buys).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. bench/common.sh
BUILD_DIR=${BUILD_DIR:-build-perf}
RUNS=${RUNS:-5}
SIZES=${SIZES:-"1000 10000 30000"}
MANY=${MANY:-2000}
STAGES=${STAGES:-1}
MDLINT=${MDLINT:-1}
OUT=bench/out
mkdir -p "$OUT"

need() { command -v "$1" >/dev/null 2>&1 || { echo "bench/run.sh: missing '$1' (apt-get install $2)" >&2; exit 2; }; }
need cmark-gfm cmark-gfm
need python3 python3

build_perf
generate_inputs "$SIZES"
if [ "$MANY" -gt 0 ] && [ ! -s "$OUT/many/tracker-$(printf %04d "$MANY").md" ]; then
  rm -rf "$OUT/many"
  python3 bench/gen_tracker.py 20 --files "$MANY" --dir "$OUT/many"
fi

# Sanity: the generator's messy tracker fixes into exactly its canonical one.
for n in $SIZES; do
  "$M" --fix - <"$OUT/messy-$n.md" >"$OUT/fixed-$n.md" 2>/dev/null || { echo "mdrisk --fix failed on messy-$n.md" >&2; exit 2; }
  cmp -s "$OUT/fixed-$n.md" "$OUT/valid-$n.md" || { echo "mdrisk --fix of messy-$n.md differs from valid-$n.md" >&2; exit 2; }
  rm -f "$OUT/fixed-$n.md"
done

RESULTS="$OUT/results.tsv"
: >"$RESULTS"
# measure NAME RUNS STDIN CMD...: appends "NAME wall cpu rss_kb" (medians).
# CPU time and peak RSS come from wait4()'s rusage (microseconds, KB).
measure() {
  python3 - "$@" >>"$RESULTS" <<'EOF'
import os, statistics, subprocess, sys, time
name, runs, stdin, cmd = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
walls, cpus, rsss = [], [], []
for _ in range(runs):
    with open(stdin, "rb") as fin, open(os.devnull, "wb") as null:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdin=fin, stdout=null, stderr=null)
        _, status, ru = os.wait4(p.pid, 0)
        walls.append(time.perf_counter() - t0)
    code = os.waitstatus_to_exitcode(status)
    if code >= 2 and not name.startswith("mdlint"):  # mdrisk: 1 = findings, 2 = failure
        sys.exit(f"{name}: exit {code}: {' '.join(cmd[:4])} ...")
    cpus.append(ru.ru_utime + ru.ru_stime)
    rsss.append(ru.ru_maxrss)
print(f"{name}\t{statistics.median(walls):.4f}\t{statistics.median(cpus):.4f}\t{int(statistics.median(rsss))}")
EOF
  tail -n1 "$RESULTS" | awk -F'\t' '{printf "  %-24s wall %8.4f s  cpu %8.4f s  rss %8d KB\n", $1, $2, $3, $4}'
}

echo "== whole runs (median of $RUNS; load average: $(cut -d' ' -f1-3 /proc/loadavg))"
for n in $SIZES; do
  r=$RUNS
  [ "$n" -ge 30000 ] && r=$(( RUNS < 3 ? RUNS : 3 ))
  measure "cmark-valid-$n" "$r" /dev/null cmark-gfm -e table -t html "$OUT/valid-$n.md"
  measure "cmark-messy-$n" "$r" /dev/null cmark-gfm -e table -t html "$OUT/messy-$n.md"
  measure "lint-valid-$n" "$r" /dev/null "$M" "$OUT/valid-$n.md"
  measure "fix-messy-$n" "$r" "$OUT/messy-$n.md" "$M" --fix -
  measure "fix-valid-$n" "$r" "$OUT/valid-$n.md" "$M" --fix -
done

# Control for the -j row: how much faster two CPU-bound processes finish
# side by side than one after the other, right now. On a shared machine
# the second core may be busy elsewhere; then no -j can show a speedup.
python3 - >>"$RESULTS" <<'EOF'
import os, time
def burn():
    x = 0
    for i in range(4_000_000):
        x += i
def run(parallel):
    t = time.perf_counter()
    if parallel:
        pids = [os.fork() for _ in range(2)]
        for p in pids:
            if p == 0:
                burn(); os._exit(0)
        for p in pids:
            os.waitpid(p, 0)
    else:
        burn(); burn()
    return time.perf_counter() - t
serial = min(run(False) for _ in range(3))
par = min(run(True) for _ in range(3))
print(f"control-serial\t{serial:.4f}\t{serial:.4f}\t0")
print(f"control-parallel\t{par:.4f}\t{par:.4f}\t0")
EOF
echo "  control: two busy loops, serial / side by side = $(awk -F'\t' '/^control-serial/{s=$2} /^control-parallel/{p=$2} END{printf "%.2f", s/p}' "$RESULTS")x (2.0 = both cores free)"

if [ "$MANY" -gt 0 ]; then
  echo "== $MANY small trackers in one invocation"
  mapfile -t FILES < <(ls "$OUT"/many/*.md)
  measure "many-cmark" "$RUNS" /dev/null cmark-gfm -e table -t html "${FILES[@]}"
  # The help text is read whole first: `--help | grep -q` fails under
  # pipefail when grep stops early and mdrisk dies of SIGPIPE.
  help_text=$("$M" --help 2>&1)
  if grep -qE -- '(^|[ ,])-j' <<<"$help_text"; then
    measure "many-j1" "$RUNS" /dev/null "$M" -j 1 "${FILES[@]}"
    measure "many-j2" "$RUNS" /dev/null "$M" -j 2 "${FILES[@]}"
  else
    echo "  (mdrisk has no -j yet: one invocation with every path)"
    measure "many-j1" "$RUNS" /dev/null "$M" "${FILES[@]}"
  fi
  if [ "$MDLINT" = 1 ]; then
    MDL="$OUT/node_modules/.bin/markdownlint-cli2"
    if [ ! -x "$MDL" ] && command -v npm >/dev/null 2>&1; then
      echo "  installing markdownlint-cli2 into $OUT/node_modules (benchmark only)"
      npm install --silent --no-audit --no-fund --prefix "$OUT" markdownlint-cli2 >/dev/null 2>&1 || true
    fi
    if [ -x "$MDL" ]; then
      # Its own glob, so the comparison is not about argv handling.
      measure "mdlint-many" 1 /dev/null "$MDL" "$OUT/many/*.md"
    else
      echo "  markdownlint-cli2 unavailable (npm failed); skipping that row"
    fi
  fi
fi

echo
echo "== ratios (CPU time; wall in brackets)"
python3 - "$RESULTS" "$SIZES" <<'EOF'
import sys
res = {}
for line in open(sys.argv[1]):
    name, wall, cpu, rss = line.rstrip("\n").split("\t")
    res[name] = (float(wall), float(cpu), int(rss))
sizes = sys.argv[2].split()
rows = []
def ratio(label, a, b, target, le=True, use_wall=False):
    if a not in res or b not in res:
        rows.append((label, "pending", "", f"{'<=' if le else '>='} {target}", "PENDING"))
        return
    i = 0 if use_wall else 1
    r = res[a][i] / res[b][i] if res[b][i] > 0 else float("inf")
    w = res[a][0] / res[b][0] if res[b][0] > 0 else float("inf")
    ok = r <= target if le else r >= target
    rows.append((label, f"{r:.2f}", f"[{w:.2f}]", f"{'<=' if le else '>='} {target}", "PASS" if ok else "FAIL"))
def rss(label, a, b, target):
    if a in res and b in res:
        r = res[a][2] / res[b][2]
        rows.append((label, f"{r:.2f}", f"[{res[a][2]//1024}/{res[b][2]//1024} MB]", f"<= {target}", "PASS" if r <= target else "FAIL"))
for n in sizes:
    ratio(f"lint / cmark, {n} risks", f"lint-valid-{n}", f"cmark-valid-{n}", 1.3)
    ratio(f"fix messy / cmark, {n}", f"fix-messy-{n}", f"cmark-messy-{n}", 2.5)
    ratio(f"fix canonical / lint, {n}", f"fix-valid-{n}", f"lint-valid-{n}", 1.1)
    rss(f"RSS lint / cmark, {n}", f"lint-valid-{n}", f"cmark-valid-{n}", 1.5)
    rss(f"RSS fix / cmark, {n}", f"fix-messy-{n}", f"cmark-messy-{n}", 1.5)
if "10000" in sizes and "30000" in sizes:
    ratio("lint 30k / 10k", "lint-valid-30000", "lint-valid-10000", 3.3)
    ratio("fix 30k / 10k", "fix-messy-30000", "fix-messy-10000", 3.3)
    ratio("(cmark 30k / 10k)", "cmark-valid-30000", "cmark-valid-10000", 3.3)
if "many-j2" in res:
    ratio("many: -j1 / -j2 (wall)", "many-j1", "many-j2", 1.7, le=False, use_wall=True)
else:
    rows.append(("many: -j1 / -j2 (wall)", "pending", "", ">= 1.7", "PENDING (-j not in mdrisk yet)"))
ratio("(control: 2 cores free?)", "control-serial", "control-parallel", 1.7, le=False, use_wall=True)
ratio("many: markdownlint / mdrisk", "mdlint-many", "many-j2" if "many-j2" in res else "many-j1", 50, le=False, use_wall=True)
ratio("many: mdrisk / cmark", "many-j1", "many-cmark", 1.3)
w = max(len(r[0]) for r in rows)
for r in rows:
    print(f"  {r[0]:<{w}}  {r[1]:>7} {r[2]:<18} target {r[3]:<7}  {r[4]}")
EOF

if [ "$STAGES" = 1 ] && [ -x "$BUILD_DIR/bench/mdrisk_stages" ]; then
  echo
  echo "== stages (Google Benchmark, 10k-risk files where generated)"
  big=10000
  for n in $SIZES; do [ "$n" = 10000 ] && big=10000; done
  case " $SIZES " in *" 10000 "*) ;; *) big=$(echo "$SIZES" | awk '{print $NF}') ;; esac
  MDRISK_BENCH_VALID="$OUT/valid-$big.md" MDRISK_BENCH_MESSY="$OUT/messy-$big.md" \
    "$BUILD_DIR/bench/mdrisk_stages" --benchmark_min_time=0.3 2>/dev/null | grep -E '^(BM_|Benchmark|-)' || true
fi
