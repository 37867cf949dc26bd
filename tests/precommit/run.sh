#!/usr/bin/env bash
# ctest pre_commit_hooks: the repository's .pre-commit-hooks.yaml, end to end,
# with Debian's pre-commit and the built binary on PATH, offline:
#   1. a tracker with errors blocks `git commit` (hook `mdrisk`);
#   2. the fix hook (`mdrisk-fix`) rewrites a fixable tracker, failing that
#      commit as pre-commit does when a hook changes files; the retry passes;
#   3. a good tracker and a non-tracker README commit cleanly;
#   4. the strict hook (`mdrisk-strict`) blocks a tracker whose only
#      findings are warnings, which the plain hook lets through.
# The hook repository is a throwaway git repo holding a copy of the hooks
# file (pre-commit clones hook repos; a local path needs no network).
# usage: run.sh MDRISK_BINARY SOURCE_DIR
set -euo pipefail
bin=$1 src=$2
command -v pre-commit >/dev/null || { echo "pre-commit is not installed (scripts/bootstrap.sh installs it)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin"
ln -s "$(realpath "$bin")" "$work/bin/mdrisk"
export PATH="$work/bin:$PATH" PRE_COMMIT_HOME="$work/cache" HOME="$work/home"
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.invalid GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.invalid
export GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME"
git config --global init.defaultBranch main
git config --global protocol.file.allow always

# The hook repository.
git init -q "$work/hooks"
cp "$src/.pre-commit-hooks.yaml" "$work/hooks/"
git -C "$work/hooks" add .pre-commit-hooks.yaml
git -C "$work/hooks" commit -qm hooks
rev=$(git -C "$work/hooks" rev-parse HEAD)

# The project that uses them.
proj="$work/project"
git init -q "$proj"
cd "$proj"
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $work/hooks
    rev: $rev
    hooks:
      - id: mdrisk-fix
      - id: mdrisk
YAML
git add .pre-commit-config.yaml
git commit -qm config --no-verify
pre-commit install >/dev/null

good='# Risks

## Summary Table

| Risk      | Impact | Likelihood | Mitigation | Owner | Status |
| --------- | ------ | ---------- | ---------- | ----- | ------ |
| Disk full | High   | Low        | Alerts     | Ops   | Open   |

## Detailed Entries

### Disk full

- **Context**: Logs grow.
- **Mitigation**
  - Rotate logs.
- **Monitoring**
  - Disk alert.'
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. Errors block the commit.
printf '%s\n' "$good" | sed 's/| High   |/| Huge   |/' >bad.md
git add bad.md
if git commit -qm bad >"$work/log1" 2>&1; then cat "$work/log1"; fail "a tracker with errors was committed"; fi
grep -q "MR105" "$work/log1" || { cat "$work/log1"; fail "the lint hook did not report MR105"; }
git rm -qf --cached bad.md && rm bad.md

# 2. The fix hook rewrites a fixable tracker; the retried commit passes.
printf '%s\n' "$good" | sed -e 's/^| Disk full | High   |/| Disk full | high |/' -e 's/^- \*\*/* **/' >fixable.md
cp fixable.md "$work/before.md"
git add fixable.md
if git commit -qm fixable >"$work/log2" 2>&1; then cat "$work/log2"; fail "the fix hook changed nothing"; fi
cmp -s fixable.md "$work/before.md" && { cat "$work/log2"; fail "fixable.md was not rewritten"; }
grep -q "files were modified by this hook" "$work/log2" || { cat "$work/log2"; fail "pre-commit did not see the rewrite"; }
mdrisk --format concise fixable.md >/dev/null || fail "the rewritten tracker still has errors"
git add fixable.md
git commit -qm fixable >"$work/log3" 2>&1 || { cat "$work/log3"; fail "the fixed tracker did not commit"; }

# 3. A good tracker and a README without a tracker pass.
printf '%s\n' "$good" >good.md
printf '# Readme\n\nNo tracker here.\n' >README.md
git add good.md README.md
git commit -qm good >"$work/log4" 2>&1 || { cat "$work/log4"; fail "a good tracker was blocked"; }
# 4. The strict hook fails on warnings alone; the plain hook does not.
warn=$(printf '%s\n' "$good" | sed 's/^| Disk full | High   |/| Disk full | high   |/')
grep -q '| high   |' <<<"$warn" || fail "could not make the warning-only tracker"
printf '%s\n' "$warn" >warn.md
mdrisk --format concise warn.md >"$work/plain" || fail "warn.md has errors, not only warnings: $(cat "$work/plain")"
grep -q 'warning: .*\[MR106\]' "$work/plain" || fail "warn.md has no warning"
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $work/hooks
    rev: $rev
    hooks:
      - id: mdrisk-strict
YAML
git add .pre-commit-config.yaml warn.md
if git commit -qm strict >"$work/log5" 2>&1; then cat "$work/log5"; fail "the strict hook let a tracker with a warning through"; fi
grep -q "MR106" "$work/log5" || { cat "$work/log5"; fail "the strict hook did not show the warning"; }
grep -q "more than --max-warnings 0" "$work/log5" || { cat "$work/log5"; fail "the strict hook did not say why it failed"; }
printf '%s\n' "$good" >warn.md
git add warn.md
git commit -qm strict-clean >"$work/log6" 2>&1 || { cat "$work/log6"; fail "the strict hook blocked a clean tracker"; }
echo "pre-commit hooks: 4 passed, 0 failed"
