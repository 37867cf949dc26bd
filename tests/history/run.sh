#!/usr/bin/env bash
# ctest history_git: `mdrisk --base REV` (MR820-MR822) and `mdrisk diff`
# against real git repositories built here with the git CLI: a deleted open
# risk, a deleted closed one, an ID reused for another risk, a risk renamed
# under its ID, a reopened risk with and without a note, a score change; a
# file new since REV; then the errors: a shallow clone missing REV, an
# unknown REV, a folder that is no repository (one line each, exit 2).
# usage: run.sh MDRISK_BINARY
set -euo pipefail
bin=$(realpath "$1")
command -v git >/dev/null || { echo "FAIL: git is not installed (scripts/bootstrap.sh installs it)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1 HOME=$work LC_ALL=C.UTF-8
checks=0
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_eq() {  # NAME WANT GOT
  if [[ "$2" != "$3" ]]; then
    diff -u <(printf '%s\n' "$2") <(printf '%s\n' "$3") >&2 || true
    fail "$1"
  fi
  checks=$((checks + 1))
}
run() {  # run ARGS...: sets out, err, rc
  set +e
  out=$("$bin" "$@" 2>"$work/err")
  rc=$?
  set -e
  err=$(cat "$work/err")
}

repo=$work/repo
mkdir -p "$repo"
cd "$repo"
git init -q -b main .
git config user.name "mdrisk tests"
git config user.email "tests@mdrisk.invalid"
cat >.mdrisk.toml <<'TOML'
[tracker]
entries-required = false

[[columns]]
key = "id"
header = "ID"

[[columns]]
key = "risk"
header = "Risk"

[[columns]]
key = "status"
header = "Status"
values = ["Open", "Closed"]
qualifiers = true

[[columns]]
key = "score"
header = "Score"
TOML
cat >tracker.md <<'MD'
# Release risks

## Summary Table

| ID  | Risk                     | Status | Score |
| --- | ------------------------ | ------ | ----- |
| R-1 | Token expiry breaks sync | Closed | 4     |
| R-2 | Data loss on upgrade     | Open   | 6     |
| R-3 | Vendor API rate limits   | Open   | 3     |
| R-4 | Build server outage      | Closed | 2     |
| R-5 | Signing key rotation     | Open   | 5     |
| R-7 | Cache poisoning          | Closed | 3     |
MD
git add .mdrisk.toml tracker.md
git commit -q -m "first register"
first=$(git rev-parse --short HEAD)

# The register now: R-1 reopened (no note) and rescored, R-2 deleted while
# open, R-3 renamed, R-4 deleted once closed, R-5's ID given to another
# risk, R-6 added, R-7 reopened with a note.
cat >tracker.md <<'MD'
# Release risks

## Summary Table

| ID  | Risk                                 | Status                     | Score |
| --- | ------------------------------------ | -------------------------- | ----- |
| R-1 | Token expiry breaks sync             | Open                       | 8     |
| R-3 | Vendor API rate limiting             | Open                       | 3     |
| R-5 | Office lease renewal                 | Open                       | 2     |
| R-6 | Licence audit                        | Open                       | 4     |
| R-7 | Cache poisoning                      | Open (reopened in 2.3)     | 3     |
MD

# --- lint with --base ---------------------------------------------------
run tracker.md --base HEAD --format concise --select MR8
expect_eq "--base HEAD: findings" "tracker.md:5:1: error: risk 'R-2' (Data loss on upgrade) was 'Open' at HEAD and is gone without having been closed first [MR820]
tracker.md:5:1: error: risk 'R-5' (Signing key rotation) was 'Open' at HEAD and is gone without having been closed first [MR820]
tracker.md:7:48: warning: risk 'R-1' (Token expiry breaks sync) was 'Closed' at HEAD and is 'Open' again with no note saying why (write \"reopened\" and the reason in its row or entry) [MR822]
tracker.md:9:3: error: ID 'R-5' named 'Signing key rotation' at HEAD and now names 'Office lease renewal'; a new risk needs a new ID [MR821]
Found 4 problems (3 errors, 1 warning) in 1 file." "$out"
expect_eq "--base HEAD: exit 1 (errors)" 1 "$rc"
expect_eq "--base HEAD: nothing on stderr" "" "$err"
# Without --base the history rules find nothing.
run tracker.md --format concise --select MR8
expect_eq "no --base: no history finding" "" "$(grep -F '[MR8' <<<"$out" || true)"
expect_eq "no --base: exit 0" 0 "$rc"
# The revision the file did not exist at: nothing to compare, no finding.
cp tracker.md new.md
run new.md --base HEAD --format concise --select MR8
expect_eq "file new since REV: no finding" "" "$(grep -F '[MR8' <<<"$out" || true)"
rm new.md

# --- diff ------------------------------------------------------------------
run diff HEAD tracker.md
expect_eq "diff text" "tracker.md: HEAD -> working tree: 8 changes
  status     R-1  Token expiry breaks sync: Closed -> Open
  score      R-1  Token expiry breaks sync: 4 -> 8
  renamed    R-3  Vendor API rate limiting (was 'Vendor API rate limits')
  id reused  R-5  Office lease renewal (was 'Signing key rotation')
  added      R-6  Licence audit (Open)
  status     R-7  Cache poisoning: Closed -> Open (reopened in 2.3)
  removed    R-2  Data loss on upgrade (was Open)
  removed    R-4  Build server outage (was Closed)" "$out"
expect_eq "diff text: exit 0" 0 "$rc"
run diff HEAD tracker.md --format markdown
expect_eq "diff markdown" "### Register changes in \`tracker.md\`

\`HEAD\` → the working tree: 8 changes.

| change | ID | risk | before | after |
|---|---|---|---|---|
| status | R-1 | Token expiry breaks sync | Closed | Open |
| score | R-1 | Token expiry breaks sync | 4 | 8 |
| renamed | R-3 | Vendor API rate limiting | Vendor API rate limits | Vendor API rate limiting |
| id reused | R-5 | Office lease renewal | Signing key rotation | Office lease renewal |
| added | R-6 | Licence audit |  | Open |
| status | R-7 | Cache poisoning | Closed | Open (reopened in 2.3) |
| removed | R-2 | Data loss on upgrade | Open |  |
| removed | R-4 | Build server outage | Closed |  |" "$out"
# The markdown table is one the register's own parser reads: as many rows as changes.
printf '%s\n' "$out" >"$work/comment.md"
expect_eq "diff markdown: 8 table rows" 8 "$(grep -c '^| [a-z]' "$work/comment.md" | awk '{print $1 - 1}')"

# Two revisions: commit the new version, diff the two commits by name.
git commit -q -am "second register"
run diff "$first" HEAD tracker.md
expect_eq "diff REV REV: same changes" "tracker.md: $first -> HEAD: 8 changes" "$(head -1 <<<"$out")"
expect_eq "diff REV REV: 8 change lines" 8 "$(tail -n +2 <<<"$out" | wc -l)"
run diff HEAD tracker.md
expect_eq "diff HEAD with a clean tree" "tracker.md: HEAD -> working tree: no changes" "$out"
# No FILE: the trackers of the working directory.
run diff "$first"
expect_eq "diff without FILE walks the folder" "tracker.md: $first -> working tree: 8 changes" "$(head -1 <<<"$out")"
run tracker.md --base HEAD~1 --format concise --select MR820,MR821,MR822
expect_eq "--base HEAD~1 after the commit: same 4 findings" 4 "$(grep -c '\[MR82' <<<"$out")"

# A register without IDs is matched by name.
cat >names.md <<'MD'
# Names only

## Summary Table

| Risk               | Status |
| ------------------ | ------ |
| Disk fills up      | Open   |
| Certificate lapses | Closed |
MD
git add names.md && git commit -q -m "names"
cat >names.md <<'MD'
# Names only

## Summary Table

| Risk               | Status |
| ------------------ | ------ |
| Certificate lapses | Open   |
MD
run names.md --base HEAD --format concise --select MR8
expect_eq "by name: removed open + reopened" "names.md:5:1: error: risk 'Disk fills up' was 'Open' at HEAD and is gone without having been closed first [MR820]
names.md:7:24: warning: risk 'Certificate lapses' was 'Closed' at HEAD and is 'Open' again with no note saying why (write \"reopened\" and the reason in its row or entry) [MR822]" "$(grep -F '[MR8' <<<"$out")"
git checkout -q names.md

# A tracker deleted since REV, named: every risk removed.
git rm -q names.md
run diff HEAD names.md
expect_eq "diff of a deleted file" "names.md: HEAD -> working tree (file deleted): 2 changes
  removed    Disk fills up (was Open)
  removed    Certificate lapses (was Closed)" "$out"
git checkout -q HEAD names.md

# Folders: `diff REV docs/` finds its files as lint does (nested folders, the
# root config's exclude, .gitignore, a file without a Summary Table skipped),
# and reads each register with the config that applies to it: docs/deep has
# its own .mdrisk.toml with other headers, which the root schema cannot read.
mkdir -p docs/deep docs/drafts
cat >>.mdrisk.toml <<'TOML'

[files]
exclude = ["drafts"]
TOML
printf 'docs/ignored.md\n' >.gitignore
cat >docs/deep/.mdrisk.toml <<'TOML'
[tracker]
entries-required = false

[[columns]]
key = "id"
header = "Ref"

[[columns]]
key = "risk"
header = "Threat"

[[columns]]
key = "status"
header = "State"
TOML
register() {  # register NAME ROW...: a tracker in the root schema
  printf '# %s\n\n## Summary Table\n\n| ID  | Risk | Status | Score |\n| --- | ---- | ------ | ----- |\n' "$1"
  shift
  printf '%s\n' "$@"
}
register "Docs" "| D-1 | Stale manuals | Open | 2 |" >docs/a.md
printf '# Deep\n\n## Summary Table\n\n| Ref | Threat | State |\n| --- | ------ | ----- |\n| T-1 | Phishing | Open |\n' >docs/deep/b.md
register "Drafts" "| X-1 | Draft risk | Open | 1 |" >docs/drafts/c.md
printf '# Notes\n\nNo register here.\n' >docs/notes.md
git add .mdrisk.toml .gitignore docs && git commit -q -m "docs registers"
register "Docs" "| D-1 | Stale manuals | Closed | 2 |" >docs/a.md
printf '# Deep\n\n## Summary Table\n\n| Ref | Threat | State |\n| --- | ------ | ----- |\n| T-1 | Phishing | Open |\n| T-2 | Tailgating | Open |\n' >docs/deep/b.md
register "Drafts" "| X-1 | Draft risk | Closed | 1 |" >docs/drafts/c.md
register "Ignored" "| I-1 | Ignored risk | Open | 1 |" >docs/ignored.md
docs_changes="docs/a.md: HEAD -> working tree: 1 change
  status     D-1  Stale manuals: Open -> Closed
docs/deep/b.md: HEAD -> working tree: 1 change
  added      T-2  Tailgating (Open)"
run diff HEAD docs/
expect_eq "diff REV docs/: walked as lint walks" "$docs_changes" "$out"
expect_eq "diff REV docs/: exit 0, nothing on stderr" "0:" "$rc:$err"
expect_eq "diff REV docs/: the files lint would check" "docs/a.md
docs/deep/b.md" "$("$bin" --show-files docs/ | grep -v '^skipped: ')"
run diff HEAD docs
expect_eq "diff REV docs (no slash): the same" "$docs_changes" "$out"
run diff HEAD docs -o "$work/changes.txt"
expect_eq "diff -o FILE: nothing on standard output, exit 0" "0:" "$rc:$out"
expect_eq "diff -o FILE: the changes in the file" "$docs_changes" "$(cat "$work/changes.txt")"
run diff HEAD docs -o "$work/no-such-dir/changes.txt"
expect_eq "diff -o into a missing folder: one line, exit 2" "2:mdrisk: $work/no-such-dir/changes.txt: cannot open for writing" "$rc:$err"
run diff HEAD HEAD docs/
expect_eq "diff REV REV docs/: no changes" "docs/a.md: HEAD -> HEAD: no changes
docs/deep/b.md: HEAD -> HEAD: no changes" "$out"
run diff HEAD --exclude deep docs/
expect_eq "diff REV --exclude: honoured" "docs/a.md: HEAD -> working tree: 1 change
  status     D-1  Stale manuals: Open -> Closed" "$out"
run diff HEAD --no-respect-gitignore docs/
expect_eq "diff REV --no-respect-gitignore: the ignored file too" "$docs_changes
docs/ignored.md: HEAD -> working tree (new file): 1 change
  added      I-1  Ignored risk (Open)" "$out"
# A file named comes first, as given; a folder's files follow in path order, each once.
run diff HEAD docs/deep/b.md docs/
expect_eq "diff REV FILE FOLDER: arguments in order, each file once" "docs/deep/b.md: HEAD -> working tree: 1 change
  added      T-2  Tailgating (Open)
docs/a.md: HEAD -> working tree: 1 change
  status     D-1  Stale manuals: Open -> Closed" "$out"
# No PATH from inside docs/: the working directory, with the root config's exclude.
(cd docs && run diff HEAD && printf '%s\n%s' "$rc" "$out" >"$work/sub")
expect_eq "diff REV from a subfolder: its trackers" "0
a.md: HEAD -> working tree: 1 change
  status     D-1  Stale manuals: Open -> Closed
deep/b.md: HEAD -> working tree: 1 change
  added      T-2  Tailgating (Open)" "$(cat "$work/sub")"
# A folder with no register: nothing to compare, said on stderr, exit 0.
mkdir -p empty && printf '# Notes\n' >empty/notes.md
run diff HEAD empty
expect_eq "diff REV of a folder without registers" "0::mdrisk: no tracker files found" "$rc:$out:$err"
rm -r empty docs/ignored.md
git checkout -q docs

# --- errors: one line, exit 2 --------------------------------------------
run tracker.md --base no-such-rev
expect_eq "unknown REV: message" "mdrisk: tracker.md: unknown revision 'no-such-rev'" "$err"
expect_eq "unknown REV: exit 2" 2 "$rc"
run diff no-such-rev tracker.md
expect_eq "diff unknown REV: message" "mdrisk: tracker.md: unknown revision 'no-such-rev'" "$err"
expect_eq "diff unknown REV: exit 2" 2 "$rc"

git clone -q --depth 1 "file://$repo" "$work/shallow"
cd "$work/shallow"
run tracker.md --base HEAD~1
expect_eq "shallow clone: message" "mdrisk: tracker.md: revision 'HEAD~1' is not in this shallow clone (fetch more history: git fetch --unshallow, or a deeper fetch-depth in CI)" "$err"
expect_eq "shallow clone: exit 2" 2 "$rc"
run diff "$first" tracker.md
expect_eq "shallow clone, a hash past the cut: message" "mdrisk: tracker.md: revision '$first' is not in this shallow clone (fetch more history: git fetch --unshallow, or a deeper fetch-depth in CI)" "$err"
expect_eq "shallow clone, diff: exit 2" 2 "$rc"
run tracker.md --base HEAD --format concise --select MR8
expect_eq "shallow clone, REV present: works" 0 "$rc"

mkdir "$work/plain"
cp "$repo/tracker.md" "$repo/.mdrisk.toml" "$work/plain/"
cd "$work/plain"
run tracker.md --base HEAD
expect_eq "not a repository: message" "mdrisk: tracker.md: not in a git repository (history needs one)" "$err"
expect_eq "not a repository: exit 2" 2 "$rc"
run diff HEAD tracker.md
expect_eq "diff, not a repository: exit 2" 2 "$rc"
run - --base HEAD <tracker.md
expect_eq "stdin with --base: message" "mdrisk: <stdin>: --base reads the file's history from git; standard input has none" "$err"
expect_eq "stdin with --base: exit 2" 2 "$rc"
echo "history_git: $checks checks passed"
