#!/usr/bin/env python3
"""Checks that the code and documents speak of mdrisk, not of how it was made.

A reader of the repository has the code and its commits, nothing else: a
comment or report that names a numbered work period or ticket, or says "the same ...", or
"the lead measured" points at something they cannot see. History belongs in
commit hashes and dates. This check scans the tracked files of the folders
that hold code, tests, scripts and documentation and prints FILE:LINE for
every such reference; it exits 1 if there is any.

Not scanned: golden fixtures and saved fuzz inputs (their text is register
content, where "Tokens expire mid-session" is a risk, not a remark), and this
file, which has to spell the patterns out.

The patterns are narrow on purpose: "session" alone is a word of the domain
(a language-server session, a session token), so only the forms that name a
work period are caught (a numbered session, "same-session", "earlier in the
session", "end of the session", ...). Issue references are caught in any form
that carries a number (the self-test below lists the forms).

Usage: check.py SOURCE_DIR
"""
import os
import pathlib
import re
import subprocess
import sys

SCANNED = ["lib", "tools", "tests", "bench", "docs", "scripts", "cmake", "fuzz",
           ".ci", "completions", "README.md", "CMakeLists.txt"]
SELF = "tests/self_reference/check.py"


def excluded(rel):
    parts = rel.split("/")
    return rel == SELF or "fixtures" in parts or rel.startswith("fuzz/regressions/")


PATTERNS = [
    # work sessions
    r"\bsessions?[- ]?#?\d+",                                   # a numbered period
    r"\b(?:same|previous|next|earlier|later|quieter|work)[- ]sessions?\b",
    r"\b(?:earlier|later) (?:in|during) (?:the|this|that) session\b",
    r"\b(?:end|start|beginning|rest) of (?:the|this|that) session\b",
    r"\b(?:older|newer) than (?:the|this|that) session\b",
    r"\bbetween sessions\b",
    # issue numbers
    r"\bissues? ?#?\d+",                                        # a numbered ticket
    r"\bissue-\d+",                                             # a hyphenated ticket number
    r"\(#\d+\)",                                                # (#12)
    r"\b(?:fix(?:es|ed)?|close[sd]?|resolve[sd]?|see|refs?) #\d+\b",
    # people and roles of the work, not of the program
    r"\bthe lead\b(?![- ]time)",
    r"\b(?:other|another) engineers?\b",
    r"\bthe coordinator\b",
]
REFERENCE = re.compile("|".join(f"(?:{p})" for p in PATTERNS), re.IGNORECASE)

# The patterns must catch what they are for and leave register text alone;
# if an edit to them breaks either, the check fails before it scans anything.
# Written with {S} for the word for a work period and {I} for a ticket, so
# that this file does not itself read as such a reference.
MUST_MATCH = [
    m.format(S="sess" "ion", I="iss" "ue")
    for m in [
        "Current figures first ({S} 3, commit 632d38e)",
        "the {S}-2 figure was 175 / 171",
        "## History: {S} 1",
        "{S} 2's final run",
        "# mdrisk performance ({I} 7)",
        "every ratio vs {I}-7 targets",
        "// Output ({I} 5).",
        "see {I} #12 for the plan",
        "Handle empty tables (#42)",
        "the same-{S} baseline",
        "A run earlier in the {S}, at c3dd863",
        "measured at the end of the {S}",
        "(older than the {S})",
        "Measured by the lead",
        "other engineers' builds ran during every measurement",
        "another engineer fixed it",
    ]
]
MUST_NOT_MATCH = [
    "- **Context**: Tokens expire mid-session.",
    'split_heading("{id}", "SEC-001 Session tokens")',
    "class Session {",
    "const s = new Session(bin, { cwd: work });",
    "| R-005 | Event collector duplicates mobile sessions | 2026-08-05 |",
    "Resolved: session key fixed in the SDK",
    "Two sessions per rota, one super-user per site",
    "// GitLab Code Quality: an array of issues (description, check_name,",
    "bug 7, bug 11, P3, MR201, 2026-11-25, 8bbb4fc..5d53622",
    "Reduce the lead time of a release",
    "## 1. Sanitizers",
    "| 4. Pathological inputs | issues found: 0 |",
]


def self_test():
    bad = [s for s in MUST_MATCH if not REFERENCE.search(s)]
    bad += [s for s in MUST_NOT_MATCH if REFERENCE.search(s)]
    for s in bad:
        print(f"speaks_of_itself: pattern self-test failed on: {s}")
    return not bad


def tracked_files(root):
    try:
        out = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--", *SCANNED],
                             check=True, capture_output=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    return [p for p in out.decode("utf-8", "surrogateescape").split("\0") if p]


def files_on_disk(root):
    # A source tree without git (an unpacked archive): the same folders, less
    # what is never committed (benchmark output, build folders).
    found = []
    for top in SCANNED:
        path = root / top
        if path.is_file():
            found.append(top)
            continue
        for dirpath, dirnames, filenames in os.walk(path):
            rel_dir = pathlib.Path(dirpath).relative_to(root).as_posix()
            dirnames[:] = [d for d in dirnames
                           if d not in ("node_modules", ".git") and not d.startswith("build")
                           and f"{rel_dir}/{d}" != "bench/out"]
            found += [f"{rel_dir}/{f}" for f in filenames]
    return found


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: check.py SOURCE_DIR")
    root = pathlib.Path(sys.argv[1]).resolve()
    if not self_test():
        return 1
    files = tracked_files(root)
    if files is None:
        print("speaks_of_itself: not a git checkout (or no git); scanning the files on disk")
        files = files_on_disk(root)
    files = sorted(f for f in files if not excluded(f))
    # An empty or misplaced scan would pass vacuously: the documents this
    # check exists for must be among the files read.
    for needed in ("README.md", "bench/RESULTS.md", "docs/RELIABILITY.md", "bench/run.sh"):
        if needed not in files:
            print(f"speaks_of_itself: {needed} is not among the scanned files; is {root} the source tree?")
            return 1

    hits = 0
    for rel in files:
        try:
            data = (root / rel).read_bytes()
        except OSError:
            continue  # tracked but deleted in the work tree
        if b"\0" in data:
            continue  # binary
        for n, line in enumerate(data.decode("utf-8", "replace").splitlines(), 1):
            m = REFERENCE.search(line)
            if m:
                hits += 1
                print(f"{rel}:{n}: \"{m.group(0)}\": {line.strip()}")
    print(f"speaks_of_itself: {len(files)} files, {hits} references to work sessions, "
          f"issue numbers or people")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
