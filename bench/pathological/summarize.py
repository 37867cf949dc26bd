#!/usr/bin/env python3
"""Summarise measure.py results as Markdown tables.

usage: summarize.py AFTER.tsv [--before BEFORE.tsv] [--mode lint|fix|cmark]

One row per class, one column per placement and size; a cell is the CPU
seconds and the outcome: `0.12` accepted, `R0.01` refused (exit 2),
`T>10` timed out, `OOM`/`ABRT` killed. With --before, `before → after`.
Then the cases outside the bound, and counts.
"""
import argparse
import collections

TIMEOUT = 10  # the --timeout the runs were made with (seconds of CPU)

WHERE = ("preamble", "entry", "cell")
SIZES = ("100k", "300k", "1m")


def load(path):
    rows = {}
    with open(path) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 9:
                continue
            case, mode, size, wall, cpu, rss, outcome, msg, bound = parts[:9]
            cls, where, sz, _ = case.rsplit(".", 3)
            rows[(cls, where, sz, mode)] = dict(cpu=cpu, wall=wall, rss=rss, outcome=outcome, msg=msg, bound=bound)
    return rows


def cell(r):
    if r is None:
        return "-"
    o = r["outcome"]
    if o == "ok":
        return "%.2f" % float(r["cpu"])
    if o == "refused":
        return "R%.2f" % float(r["cpu"])
    if o == "timeout":
        return "T>%.0f" % float(r["cpu"]) if float(r["cpu"]) >= 0.5 * TIMEOUT else "W%.2f" % float(r["cpu"])
    if o == "skipped":
        return "(T)"
    if o.startswith("killed:"):
        return {"SIGABRT": "ABRT", "SIGKILL": "KILL", "SIGSEGV": "SEGV"}.get(o[7:], o[7:])
    return o


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("after")
    ap.add_argument("--before")
    ap.add_argument("--mode", default="lint")
    ap.add_argument("--timeout", type=float, default=10)
    a = ap.parse_args()
    global TIMEOUT
    TIMEOUT = a.timeout
    after = load(a.after)
    before = load(a.before) if a.before else {}
    classes = sorted({k[0] for k in after} | {k[0] for k in before})
    head = ["class"] + ["%s %s" % (w, s) for w in WHERE for s in SIZES]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for c in classes:
        cells = []
        for w in WHERE:
            for s in SIZES:
                x = cell(after.get((c, w, s, a.mode)))
                if before:
                    x = cell(before.get((c, w, s, a.mode))) + " → " + x
                cells.append(x)
        print("| %s | %s |" % (c, " | ".join(cells)))
    print()
    counts = collections.Counter()
    out = []
    for k, r in sorted(after.items()):
        if k[3] == "cmark":
            continue
        # Judged by CPU time: on a shared machine wall time says more about
        # the neighbours than about mdrisk (measure.py kills at 2x the
        # timeout of wall time; such a run with little CPU is "wall").
        size = {"100k": 1e5, "300k": 3e5, "1m": 1e6}[k[2]]
        cpu = float(r["cpu"]) if r["cpu"] != "-" else 0.0
        outcome = r["outcome"]
        if outcome == "timeout" and cpu < 0.5 * float(TIMEOUT):
            outcome = "wall"
        counts[(k[3], outcome)] += 1
        within = (outcome == "ok" and cpu <= 2.0 * size / 1e6 + 0.5) or (outcome == "refused" and cpu <= 1.0)
        if not within and outcome != "wall":
            out.append("%s.%s.%s %s: %s cpu %s s, wall %s s %s" % (k[0], k[1], k[2], k[3], r["outcome"], r["cpu"],
                                                                  r["wall"], r["msg"][:100]))
    print("counts: " + ", ".join("%s %s: %d" % (m, o, n) for (m, o), n in sorted(counts.items())))
    print("outside the bound: %d" % len(out))
    for line in out:
        print("  " + line)


if __name__ == "__main__":
    main()
