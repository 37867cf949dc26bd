#!/usr/bin/env python3
"""Write mdrisk's pathological inputs: every class of construct known to make
a CommonMark parser superlinear, at a given size, in a given place of an
otherwise ordinary tracker.

usage: gen.py --list
       gen.py --out DIR [--sizes 100k,300k,1m] [--classes A,B] [--where preamble,entry,cell]

Each case is DIR/CLASS.WHERE.SIZE.md. The classes come from the public
pathological suites (cmark, cmark-gfm, md4c, commonmark.js, markdown-it), the
2022-2023 cmark-gfm advisories and mdrisk's own history; the inputs are
generated here, by shape, not copied. The payload is sized so the whole file
is about SIZE bytes, and placed:

  preamble  between the title's paragraph and `## Summary Table`
  entry     inside the first detailed entry, as continuation lines of its
            **Context** item (indented two spaces)
  cell      in the Mitigation cell of the Summary Table's first row (one
            line: newlines become spaces, `|` is escaped); for the table
            classes, the Summary Table itself takes the shape (its extra
            columns and rows)

Output is deterministic. bench/pathological/run.sh runs every case.
"""
import argparse
import os
import sys

SIZES = {"100k": 100_000, "300k": 300_000, "1m": 1_000_000}
WHERE = ("preamble", "entry", "cell")


def rep(s, n):
    return s * max(1, n)


def fill(unit, n, prefix="", suffix=""):
    """prefix + unit repeated to reach about n bytes + suffix."""
    k = (n - len(prefix) - len(suffix)) // len(unit)
    return prefix + rep(unit, k) + suffix


# --- inline classes (one paragraph) -----------------------------------------

def emph_nested(n):  # nested strong inside emphasis, balanced
    k = n // 14
    return rep("*a **a ", k) + "b" + rep(" a** a*", k)


def emph_stars(n):  # one long run of openers, text, one long run of closers
    k = n // 2
    return rep("*", k) + "a" + rep("*", k)


def emph_mixed_unclosed(n):  # unclosed emphasis of mixed kinds
    return fill("*a _b **c __d ", n)


def emph_closers(n):
    return fill("a_ ", n)


def emph_openers(n):
    return fill("_a ", n)


def emph_mismatched(n):
    return fill("*a_ ", n)


def emph_star_underscore(n):  # openers of one kind, closers interleaved with the other
    k = n // 8
    return rep("*a ", k) + rep("_a*_ ", k)


def emph_multiple_of_3(n):
    return fill("c* ", n, prefix="a**b")


def emph_triple(n):
    return fill("a***", n)


def link_closers(n):
    return fill("a]", n)


def link_openers(n):
    return fill("[a", n)


def link_openers_emph(n):
    return fill("[ a_", n)


def link_paren_title(n):
    return fill("[ (](", n)


def image_brackets(n):
    return fill("![[]()", n)


def image_openers(n):
    return fill("![a", n)


def brackets_nested(n):
    k = n // 2
    return rep("[", k) + "a" + rep("]", k)


def link_unclosed_angle(n):
    return fill("[a](<b", n)


def link_unclosed_dest(n):
    return fill("[a](b", n)


def many_links(n):
    return fill("[t](/u) ", n)


def html_comment_openers(n):
    return fill("<!--", n, prefix="</")


def html_pi_openers(n):
    return fill("<?", n, prefix="x")


def html_cdata_openers(n):
    return fill("<![CDATA[", n, prefix="x")


def html_decl_openers(n):
    return fill("<!A ", n, prefix="x")


def html_angles(n):
    return fill("<>", n)


def html_tag_openers(n):  # attribute lists that never close
    return fill("<a b='c' ", n, prefix="x")


def autolink_openers(n):
    return fill("<a:", n, prefix="x")


def backtick_runs(n):  # code-span openers of every length, none closed
    out, i = [], 1
    total = 0
    while total < n:
        piece = "e" + "`" * i
        out.append(piece)
        total += len(piece)
        i += 1
    return "".join(out)


def backtick_escapes(n):
    return fill("\\``", n)


def entity_like(n):  # entity openers that never end in ';'
    return fill("&#x1F600&amp&#9999999999&ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ ", n)


def escapes(n):
    return fill("\\*\\[\\`\\<\\&", n)


# --- block classes ---------------------------------------------------------

def blockquote_nested(n):
    return fill("> ", n, suffix="a")


def blockquote_markers(n):  # '>' without spaces, one line
    return fill(">", n, suffix=" a")


def blockquote_emph(n):  # emphasis inside a deep block quote
    k = n // 3
    return rep(">", k) + rep("a*", k)


def blockquote_many_lines(n):  # a 60-deep quote continued over many lines
    return fill(rep(">", 60) + " a\n", n)


def list_nested(n):
    return fill("- ", n, suffix="x")


def list_nested_blank_lines(n):  # deep list followed by blank lines
    k = n // 3
    return rep("- ", k) + "x" + rep("\n", k)


def list_in_quote_blank_lines(n):
    k = n // 4
    return "> " + rep("- ", k) + "x\n" + rep(">\n", k)


def list_indented(n):  # each item two spaces deeper than the last
    out, i, total = [], 0, 0
    while total < n:
        line = "  " * i + "* a\n"
        out.append(line)
        total += len(line)
        i += 1
    return "".join(out)


def item_many_lists(n):  # one list item holding thousands of short lists (blank-line separated)
    return fill(" - - =\na\n\n", n)


def list_ordered_nested(n):
    return fill("1. ", n, suffix="x")


def thematic_break_broken(n):  # '* * * ... a': a deep list, not a rule
    return fill("* ", n, suffix="a")


def reference_definitions(n):  # many definitions, then uses of an undefined label
    defs, uses, i = [], [], 1
    while (sum(map(len, defs)) + len(uses) * 4) < n:
        defs.append("[%d]: u\n" % i)
        uses.append("[0] ")
        i += 1
    return "".join(defs) + "\n" + "".join(uses)


def reference_nested_brackets(n):
    k = (n - 20) // 2
    return rep("[", k) + rep("]", k) + "\n\n[a]: /b"


def reference_collisions(n):  # labels that fall in one bucket of a 16-slot table
    def bad(ref):
        h = 0
        for c in ref:
            h = (ord(c) + ((h << 6) & 0xFFFFFFFF) + ((h << 16) & 0xFFFFFFFF) - h) & 0xFFFFFFFF
        return h % 16 == 0
    keys, i = [], 0
    total = 0
    while total < n:
        key = "x%d" % i
        i += 1
        if bad(key):
            keys.append(key)
            total += 2 * len(key) + 14
    first = keys[0]
    return "".join("[%s]: /url\n\n[%s]\n\n" % (k, first) for k in keys[1:])


def setext_underlines(n):  # paragraph lines each followed by '=' candidates
    return fill("a\n=\n", n)


def fenced_unclosed(n):  # many fence openers that never close
    return fill("```a\n", n)


def directive_comment_openers(n):  # '<!--' openers, one per line, never closed on their line
    return fill("x <!--\n", n)


def lone_cr_lines(n):  # CR line endings between table-like lines
    return fill("aaa\rbbb\n-\v\n", n)


# --- table classes ---------------------------------------------------------
# Each returns (header_cells_extra, rows) for the `cell` placement, and a
# standalone table (text) for the others.

def _table(columns, rows, row_cells):
    head = "|" + "|".join("c%d" % i for i in range(columns)) + "|\n"
    delim = "|" + "|".join("-" for _ in range(columns)) + "|\n"
    return head, delim, ["|" + "|".join(row_cells(r)) + "|\n" for r in range(rows)]


def table_wide(n):  # as many columns as the size allows, two rows
    cols = n // 10
    return _table(cols, 2, lambda r: ["x"] * cols)


def table_short_rows(n):  # 200 columns, many one-cell rows: every row padded
    cols = 200
    header = 2 * (cols * 4)
    rows = max(1, (n - header) // 4)
    return _table(cols, rows, lambda r: ["a"])


def table_grid(n):  # 100 columns, full rows
    cols = 100
    rows = max(1, n // (cols * 2 + 2) - 2)
    return _table(cols, rows, lambda r: ["y"] * cols)


def table_many_rows(n):  # 6 columns, very many rows
    rows = n // 20
    return _table(6, rows, lambda r: ["r%d" % r, "a", "b", "c", "d", "e"])


# Every function defined above this line, except the two helpers, is a class.
CLASSES = {
    name.replace("_", "-"): fn for name, fn in list(globals().items())
    if callable(fn) and getattr(fn, "__module__", None) == __name__ and not name.startswith("_")
    and name not in ("rep", "fill")
}
TABLE_CLASSES = {"table-wide", "table-short-rows", "table-grid", "table-many-rows"}

INTRO = "Operational risks of the platform team, reviewed every sprint.\n"
ROWS = [
    ("Alpha outage", "High", "Low", "Failover drill", "Ops", "Open"),
    ("Beta data loss", "medium", "Medium", "Nightly backups", "DBA", "Planned"),
    ("Gamma vendor exit", "Low", "high", "Second supplier", "Legal", "Open"),
]


def entry(name, context_extra=""):
    return ("### %s\n\n- **Context**: why %s matters.\n%s- **Mitigation**: what we do.\n"
            "- **Monitoring**: what we watch.\n\n" % (name, name.lower(), context_extra))


def tracker(preamble="", context_extra="", cell_extra="", table=None):
    out = ["# Risk register\n\n", INTRO, "\n"]
    if preamble:
        out += [preamble, "\n\n"]
    out.append("## Summary Table\n\n")
    if table is None:
        out.append("| Risk | Impact | Likelihood | Mitigation | Owner | Status |\n|---|---|---|---|---|---|\n")
        for i, r in enumerate(ROWS):
            cells = list(r)
            if i == 0 and cell_extra:
                cells[3] = cells[3] + " " + cell_extra
            out.append("| " + " | ".join(cells) + " |\n")
    else:
        out.append(table)
    out.append("\n## Detailed Entries\n\n")
    for i, r in enumerate(ROWS):
        out.append(entry(r[0], context_extra if i == 0 else ""))
    return "".join(out)


def place(cls, where, size):
    fn = CLASSES[cls]
    base = len(tracker())
    n = max(64, size - base)
    if cls in TABLE_CLASSES:
        if where == "cell":
            head, delim, rows = fn(n)
            std = ["| Risk | Impact | Likelihood | Mitigation | Owner | Status ",
                   "|---|---|---|---|---|---",
                   ]
            table = (std[0] + head + std[1] + delim +
                     "".join("| " + " | ".join(r) + " " + body for r, body in zip(ROWS, rows)) +
                     "".join(rows[len(ROWS):]))
            return tracker(table=table)
        head, delim, rows = fn(n)
        payload = head + delim + "".join(rows)
    else:
        payload = fn(n)
    if where == "preamble":
        return tracker(preamble=payload.rstrip("\n"))
    if where == "entry":
        lines = payload.rstrip("\n").split("\n")
        return tracker(context_extra="".join("  " + l + "\n" if l else "\n" for l in lines))
    if where == "cell":
        flat = " ".join(payload.replace("\r", " ").split("\n")).replace("|", "\\|")
        return tracker(cell_extra=flat)
    raise ValueError(where)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", action="store_true", help="print the class names")
    ap.add_argument("--out", help="folder for the cases")
    ap.add_argument("--sizes", default="100k,300k,1m")
    ap.add_argument("--classes", default="all")
    ap.add_argument("--where", default=",".join(WHERE))
    ap.add_argument("--seeds", help="write fuzz/fuzz_large.cpp seeds (placement, size, unit) into this folder")
    a = ap.parse_args()
    if a.seeds:
        # A unit is the class's payload at a few dozen bytes: fuzz_large repeats it.
        os.makedirs(a.seeds, exist_ok=True)
        for c in sorted(CLASSES):
            unit = CLASSES[c](48)
            if c in TABLE_CLASSES:
                head, delim, rows = unit
                unit = head[:40] + delim[:40] + "".join(rows)[:40]
            for w in range(3):
                with open(os.path.join(a.seeds, "%s.%d" % (c, w)), "wb") as f:
                    f.write(bytes([w, 1]) + unit[:90].encode("utf-8"))
        return 0
    if a.list:
        print("\n".join(sorted(CLASSES)))
        return 0
    if not a.out:
        ap.error("--out DIR is required")
    classes = sorted(CLASSES) if a.classes == "all" else a.classes.split(",")
    for c in classes:
        if c not in CLASSES:
            ap.error("unknown class %r (see --list)" % c)
    os.makedirs(a.out, exist_ok=True)
    for c in classes:
        for w in a.where.split(","):
            for s in a.sizes.split(","):
                path = os.path.join(a.out, "%s.%s.%s.md" % (c, w, s))
                text = place(c, w, SIZES[s])
                with open(path, "w", encoding="utf-8", newline="") as f:
                    f.write(text)
                print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
