#!/usr/bin/env python3
"""`mdrisk report` against a count made here, from the Markdown itself.

For each tracker (the seed fixture, and trackers written by
bench/gen_tracker.py in canonical and messy form), this script reads the
Summary Table with its own small parser (cells split on unescaped pipes,
values matched case-insensitively against High/Medium/Low), counts the
likelihood x impact cells, statuses and owners, ranks the risks by
likelihood x impact (Low 1, Medium 2, High 3), and compares every number
with `mdrisk report --format json`. It also checks the combined report of
several files, and that the Markdown format's matrix shows the same counts.
The seed's matrix is also compared with counts written out by hand.

usage: hand_count.py MDRISK_BINARY SOURCE_DIR [GENERATOR]
(GENERATOR: another gen_tracker.py writing to stdout; default bench/gen_tracker.py)
"""
import json
import os
import re
import subprocess
import sys
import tempfile

mdrisk, src = sys.argv[1], sys.argv[2]
generator = sys.argv[3] if len(sys.argv) > 3 else os.path.join(src, "bench", "gen_tracker.py")
LEVELS = ["Low", "Medium", "High"]  # lowest first
checks = 0


def fail(msg):
    sys.exit("FAIL: " + msg)


def split_cells(line):
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [c.strip() for c in re.split(r"(?<!\\)\|", line)]


def read_table(path):
    """The rows under `## Summary Table`, as dicts keyed by header."""
    lines = open(path, encoding="utf-8").read().split("\n")
    start = next(i for i, l in enumerate(lines) if l.strip().lower() == "## summary table")
    i = start + 1
    while not lines[i].lstrip().startswith("|"):
        i += 1
    header = [h.lower() for h in split_cells(lines[i])]
    rows = []
    i += 2  # header and delimiter row
    while i < len(lines) and lines[i].lstrip().startswith("|"):
        rows.append(dict(zip(header, split_cells(lines[i]))))
        i += 1
    return rows


def level(v):
    for name in LEVELS:
        if v.strip().lower() == name.lower():
            return name
    return None


def hand_count(rows):
    matrix = {(l, i): [] for l in LEVELS for i in LEVELS}
    status, owner, scored = {}, {}, []
    for k, r in enumerate(rows):
        l, i = level(r["likelihood"]), level(r["impact"])
        name = r["risk"].replace("\\|", "|")
        if l and i:
            matrix[(l, i)].append(name)
            scored.append(((LEVELS.index(l) + 1) * (LEVELS.index(i) + 1), k, name))
        s = r["status"].strip()
        for canon in ["Open", "Planned", "In Progress", "Mitigated", "Accepted", "Closed"]:
            if s.lower() == canon.lower():
                s = canon
        status[s] = status.get(s, 0) + 1
        owner[r["owner"]] = owner.get(r["owner"], 0) + 1
    scored.sort(key=lambda t: (-t[0], t[1]))
    return matrix, status, owner, scored


def report(paths, fmt="json", top=10):
    p = subprocess.run([mdrisk, "report", "--no-config", "--format", fmt, "--top", str(top)] + paths,
                       capture_output=True, text=True)
    if p.returncode != 0:
        fail(f"mdrisk report {paths} exited {p.returncode}: {p.stderr}")
    return p.stdout


def compare(name, got, rows, top=10):
    global checks
    matrix, status, owner, scored = hand_count(rows)
    if got["risks"] != len(rows):
        fail(f"{name}: {got['risks']} risks reported, the table has {len(rows)}")
    if got["likelihood"]["values"] != LEVELS or got["impact"]["values"] != LEVELS:
        fail(f"{name}: axes {got['likelihood']['values']} x {got['impact']['values']}")
    cells = {(c["likelihood"], c["impact"]): c for c in got["matrix"]}
    if len(cells) != 9:
        fail(f"{name}: {len(cells)} matrix cells, expected 9")
    for key, names in matrix.items():
        c = cells[key]
        if c["count"] != len(names) or c["risks"] != names:
            fail(f"{name}: cell {key}: mdrisk {c['count']} {c['risks'][:3]}..., by hand {len(names)} {names[:3]}...")
        checks += 1
    got_status = {c["value"]: c["count"] for c in got["counts"]["status"] if c["count"]}
    if got_status != status:
        fail(f"{name}: status counts {got_status}, by hand {status}")
    got_owner = {c["value"]: c["count"] for c in got["counts"]["owner"]}
    if got_owner != owner:
        fail(f"{name}: owner counts {got_owner}, by hand {owner}")
    want_top = [(s, n) for s, _, n in scored[:top]]
    got_top = [(t["score"], t["name"]) for t in got["top"]]
    if got_top != want_top:
        fail(f"{name}: top {got_top[:3]}..., by hand {want_top[:3]}...")
    if sum(c["count"] for c in got["matrix"]) + got["unrated"] != len(rows):
        fail(f"{name}: matrix plus unrated is not every risk")
    checks += 3


def markdown_matrix(text):
    """{(likelihood, impact): count} from the first matrix table of a Markdown report."""
    lines = text.split("\n")
    i = next(k for k, l in enumerate(lines) if l.startswith("| Likelihood \\ Impact"))
    impacts = split_cells(lines[i])[1:]
    out = {}
    for l in lines[i + 2:]:
        if not l.startswith("|"):
            break
        cells = split_cells(l)
        for imp, c in zip(impacts, cells[1:]):
            out[(cells[0], imp)] = int(c.split(":")[0])
    return out


seed = os.path.join(src, "fixtures", "seed", "risk-mitigation.md")
# Counted by reading the seed's nine rows.
by_hand = {("Medium", "High"): 3, ("Medium", "Medium"): 4, ("Medium", "Low"): 1, ("Low", "High"): 1}
got = json.loads(report([seed]))["files"][0]
for c in got["matrix"]:
    if c["count"] != by_hand.get((c["likelihood"], c["impact"]), 0):
        fail(f"seed: cell {c['likelihood']} x {c['impact']} holds {c['count']}")
checks += 1
compare("seed", got, read_table(seed))

with tempfile.TemporaryDirectory() as tmp:
    files = []
    for n, seed_no, messy in [(40, 1, False), (300, 7, False), (120, 3, True), (1000, 11, False)]:
        path = os.path.join(tmp, f"gen-{n}-{seed_no}{'-messy' if messy else ''}.md")
        args = [sys.executable, generator, str(n), "--seed", str(seed_no)]
        if messy:
            args.append("--messy")
        with open(path, "w", encoding="utf-8") as out:
            subprocess.run(args, check=True, stdout=out)
        rows = read_table(path)
        if len(rows) != n:
            fail(f"{path}: read {len(rows)} rows, generated {n}")
        compare(os.path.basename(path), json.loads(report([path], top=25))["files"][0], rows, top=25)
        md = markdown_matrix(report([path], fmt="markdown"))
        want = {k: len(v) for k, v in hand_count(rows)[0].items()}
        if md != want:
            fail(f"{path}: Markdown matrix {md}, by hand {want}")
        checks += 1
        files.append((path, rows))
    # Several files: one combined report (all rows) and one per file.
    out = json.loads(report([p for p, _ in files]))
    if len(out["files"]) != len(files):
        fail(f"{len(out['files'])} per-file reports for {len(files)} files")
    compare("combined", out["combined"], [r for _, rows in files for r in rows])
    for (path, rows), got in zip(files, out["files"]):
        compare("per file " + os.path.basename(path), got, rows)

print(f"hand_count: {checks} checks passed")
