#!/usr/bin/env python3
"""Write a synthetic Markdown risk tracker for benchmarking mdrisk.

usage: gen_tracker.py RISKS [--seed N] [--messy] [-o FILE]
       gen_tracker.py RISKS --files K --dir DIR [--seed N] [--messy]

The second form writes K trackers DIR/tracker-0001.md ... with seeds
N, N+1, ... (the many-small-files benchmark).

The output is deterministic for a given (RISKS, seed, messy). Canonical
mode writes a tracker that `mdrisk` accepts with no finding: the Summary
Table padded by display width, '-' bullets, headings equal to the table's
risk names, sections in Context / Mitigation / Monitoring order. --messy
writes the same risks the way people type them: an unpadded table, values
in lower case, '*' bullets, entry headings in Title Case, so `mdrisk --fix`
has table, value, bullet and heading fixes to make in every entry.

Text mixes ASCII prose with inline code, links, emphasis, an escaped pipe
in table cells and wide / combining characters (CJK, Hangul, emoji, accents)
so both cmark-gfm and the table printer's display-width code do real work.
"""
import argparse
import os
import random
import sys
import unicodedata

VOCAB = (
    "ingest retry shard quorum ledger cutover rollback canary tenant quota "
    "backfill snapshot lease broker webhook cursor replica failover audit "
    "vendor contract budget staffing schema migration index throttle cache "
    "parser fixture release freeze sandbox credential rotation alerting"
).split()

# Spans a real tracker contains; each is valid Markdown inside a table cell
# and inside a list item.
FLAVOUR = [
    "`make verify`", "[playbook](https://example.org/playbook)", "**hard stop**",
    "_best effort_", "Malmö office", "東京リージョン", "서비스 중단", "📦 packaging",
    "façade layer", "p99 ≥ 250 ms",
]
CELL_ONLY = ["x \\| y", "`a \\| b`"]  # escaped pipes only make sense in cells

LEVELS = ("High", "Medium", "Low")
STATUSES = ("Open", "Planned", "In Progress", "Mitigated", "Accepted", "Closed")
OWNERS = ("Platform", "SRE", "Data Eng", "Security", "Legal", "Release Mgmt",
          "Frontend", "Support", "基盤チーム", "Équipe Ops")


def words(rng, lo, hi, extras=FLAVOUR):
    out = [rng.choice(VOCAB) for _ in range(rng.randint(lo, hi))]
    if rng.random() < 0.35:
        out.insert(rng.randrange(len(out) + 1), rng.choice(extras))
    return " ".join(out)


def sentence(rng, lo, hi):
    s = words(rng, lo, hi)
    return s[0].upper() + s[1:] + "."


def width(s):
    """Display width the way a terminal (and mdrisk's printer) counts it."""
    w = 0
    for ch in s:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return w


def make_risks(n, rng):
    risks = []
    for i in range(n):
        # Plain words only in names: headings and table cells must agree
        # after normalisation, and the number keeps every name unique.
        name = " ".join(rng.choice(VOCAB) for _ in range(rng.randint(2, 4)))
        name = f"{name[0].upper()}{name[1:]} {i + 1}"
        mitig = "; ".join(words(rng, 2, 5, FLAVOUR + CELL_ONLY) for _ in range(rng.randint(1, 3)))
        risks.append({
            "name": name,
            "impact": rng.choice(LEVELS),
            "likelihood": rng.choice(LEVELS),
            "mitigation": mitig,
            "owner": rng.choice(OWNERS),
            "status": rng.choice(STATUSES),
            "context": sentence(rng, 6, 18),
            "actions": [sentence(rng, 3, 10) for _ in range(rng.randint(1, 4))],
            "monitoring": [sentence(rng, 3, 8) for _ in range(rng.randint(1, 3))],
        })
    return risks


HEADER = ["Risk", "Impact", "Likelihood", "Mitigation", "Owner", "Status"]


def table(risks, messy):
    rows = [[r["name"], r["impact"], r["likelihood"], r["mitigation"], r["owner"], r["status"]]
            for r in risks]
    if messy:
        for row in rows:
            row[1] = row[1].lower()
            row[2] = row[2].lower()
            row[5] = row[5].lower()
        lines = ["|" + "|".join(HEADER) + "|", "|" + "|".join("---" for _ in HEADER) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return lines
    widths = [max(3, width(h)) for h in HEADER]
    for row in rows:
        widths = [max(w, width(c)) for w, c in zip(widths, row)]

    def line(cells):
        return "|" + "".join(f" {c}{' ' * (w - width(c))} |" for c, w in zip(cells, widths))

    return [line(HEADER), "|" + "".join(f" {'-' * w} |" for w in widths)] + [line(r) for r in rows]


def entry(r, messy):
    b = "*" if messy else "-"
    title = r["name"].title() if messy else r["name"]
    lines = [f"### {title}", "", f"{b} **Context**: {r['context']}", f"{b} **Mitigation**"]
    lines += [f"  {b} {a}" for a in r["actions"]]
    lines.append(f"{b} **Monitoring**")
    lines += [f"  {b} {m}" for m in r["monitoring"]]
    return lines


def render(n, seed, messy):
    rng = random.Random(seed)
    risks = make_risks(n, rng)
    out = [
        "# Program Risk Register",
        "",
        "Generated for benchmarks: every risk has a table row and a detailed entry.",
        "",
        "## Summary Table",
        "",
    ]
    out += table(risks, messy)
    out += ["", "## Detailed Entries", ""]
    for k, r in enumerate(risks):
        if k:
            out.append("")
        out += entry(r, messy)
    return "\n".join(out) + "\n"


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("risks", type=int)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--messy", action="store_true")
    ap.add_argument("-o", "--output")
    ap.add_argument("--files", type=int, default=0)
    ap.add_argument("--dir")
    a = ap.parse_args(argv)
    if a.files:
        if not a.dir:
            ap.error("--files needs --dir")
        os.makedirs(a.dir, exist_ok=True)
        for k in range(a.files):
            path = os.path.join(a.dir, f"tracker-{k + 1:04d}.md")
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(render(a.risks, a.seed + k, a.messy))
        return
    text = render(a.risks, a.seed, a.messy)
    if a.output:
        with open(a.output, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main(sys.argv[1:])
