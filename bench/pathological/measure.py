#!/usr/bin/env python3
"""Run every pathological case and record time, peak memory and outcome.

usage: measure.py --mdrisk BIN --cases DIR --out TSV [--timeout S] [--mem-mb M]
                  [--cmark] [--modes lint,fix] [--only SUBSTRING]

For each DIR/CLASS.WHERE.SIZE.md it runs, each in a fresh process under a
CPU-time and wall-clock limit (--timeout) and an address-space limit
(--mem-mb, so a runaway case fails instead of swapping a shared machine):

  cmark   cmark-gfm -e table -t html FILE     (the parser alone, for reference)
  lint    mdrisk FILE
  fix     mdrisk --fix COPY                    (on a copy; the case stays as generated)

and appends one TSV line per run: case, mode, bytes, wall s, cpu s, peak RSS KB,
outcome, message. Outcomes: `ok` (exit 0 or 1), `refused` (exit 2, one line on
stderr: the message column), `timeout`, `killed:SIGNAL`, `exit:N`.
The bound checked is the one mdrisk documents: CPU at most 2 s per MB + 0.5 s,
and a refusal within 1 s of CPU; the `bound` column says `in` or `OUT`.
"""
import argparse
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def run(cmd, timeout, mem_mb):
    def limits():
        resource.setrlimit(resource.RLIMIT_CPU, (int(timeout) + 1, int(timeout) + 2))
        if mem_mb:
            resource.setrlimit(resource.RLIMIT_AS, (mem_mb << 20, mem_mb << 20))
    with open(os.devnull, "rb") as null_in, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdin=null_in, stdout=subprocess.DEVNULL, stderr=err, preexec_fn=limits)
        deadline = t0 + timeout * 2 + 5  # wall-clock backstop on a busy machine
        while True:
            pid, status, ru = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                p.kill()
            time.sleep(0.01)
        wall = time.perf_counter() - t0
        err.seek(0)
        msg = err.read(4096).decode("utf-8", "replace")
    cpu = ru.ru_utime + ru.ru_stime
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        outcome = "timeout" if sig in (signal.SIGXCPU, signal.SIGKILL) and cpu >= timeout * 0.9 or \
            wall > timeout * 2 else "killed:" + signal.Signals(sig).name
    else:
        code = os.WEXITSTATUS(status)
        outcome = {0: "ok", 1: "ok", 2: "refused"}.get(code, "exit:%d" % code)
    first = msg.strip().split("\n")[0] if msg.strip() else ""
    return wall, cpu, ru.ru_maxrss, outcome, first


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mdrisk", required=True)
    ap.add_argument("--cases", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--timeout", type=float, default=30)
    ap.add_argument("--mem-mb", type=int, default=4096)
    ap.add_argument("--cmark", action="store_true")
    ap.add_argument("--modes", default="lint,fix")
    ap.add_argument("--only", default="")
    a = ap.parse_args()
    modes = (["cmark"] if a.cmark else []) + a.modes.split(",")
    files = sorted(f for f in os.listdir(a.cases) if f.endswith(".md") and a.only in f)
    work = tempfile.mkdtemp(prefix="mdrisk-patho-")
    with open(a.out, "a") as out:
        for f in files:
            path = os.path.join(a.cases, f)
            size = os.path.getsize(path)
            bound = 2.0 * size / 1e6 + 0.5
            lint_outcome = None
            for mode in [m for m in modes if m]:
                if mode == "cmark":
                    cmd = ["cmark-gfm", "-e", "table", "-t", "html", path]
                elif mode == "lint":
                    cmd = [a.mdrisk, "--no-config", path]
                elif mode == "fix":
                    if lint_outcome in ("timeout",):
                        out.write("%s\tfix\t%d\t-\t-\t-\tskipped\tlint timed out\t-\n" % (f, size))
                        continue
                    copy = os.path.join(work, f)
                    shutil.copyfile(path, copy)
                    cmd = [a.mdrisk, "--no-config", "--fix", copy]
                else:
                    sys.exit("unknown mode " + mode)
                wall, cpu, rss, outcome, msg = run(cmd, a.timeout, a.mem_mb)
                if mode == "lint":
                    lint_outcome = outcome
                if mode == "fix":
                    os.unlink(copy)
                    msg = msg.replace(copy, path)
                within = "-"
                if mode != "cmark":
                    # CPU time: on a shared machine wall time measures the neighbours.
                    ok = outcome == "ok" and cpu <= bound or outcome == "refused" and cpu <= 1.0
                    within = "in" if ok else "OUT"
                line = "%s\t%s\t%d\t%.3f\t%.3f\t%d\t%s\t%s\t%s" % (f, mode, size, wall, cpu, rss, outcome,
                                                                  msg.replace("\t", " ")[:160], within)
                out.write(line + "\n")
                out.flush()
                print(line, flush=True)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
