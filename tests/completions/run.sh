#!/usr/bin/env bash
# ctest completions: the bash, zsh and fish completions offer exactly the
# options and --format values that `mdrisk --help` lists, plus the
# subcommands and `init --force`; the man page documents every option.
#   bash: the completion function is run on real command lines;
#   fish: `complete -C` asks fish itself what it would offer;
#   zsh:  `zsh -n` checks the syntax, and the _arguments specs (one option
#         per line) are read from the file (zsh needs a terminal to complete).
# usage: run.sh MDRISK_BINARY SOURCE_DIR
set -euo pipefail
bin=$1 src=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin"
ln -s "$(realpath "$bin")" "$work/bin/mdrisk"
export PATH="$work/bin:$PATH"
checks=0

# The real option set.
help=$(mdrisk --help)
grep -oE '^  (-[a-zA-Z],)?--[a-z][a-z-]*' <<<"$help" | tr ',' '\n' | sed 's/^ *//' | sort -u >"$work/want"
[[ $(wc -l <"$work/want") -ge 20 ]] || fail "could not read the options from --help"
grep -oE -- '--format TEXT:\{[^}]*\}' <<<"$help" | sed 's/.*{//; s/}//' | tr ',' '\n' | sort >"$work/formats"
[[ -s $work/formats ]] || fail "could not read the --format values from --help"
grep -qxF -- --force <<<"$(mdrisk init --help | grep -oE -- '--[a-z-]+')" || fail "init has no --force"

same() {  # same NAME WANT GOT
  if ! diff -u "$2" "$3" >"$work/diff"; then
    cat "$work/diff" >&2
    fail "$1 (- missing from the completion, + not in mdrisk --help)"
  fi
  checks=$((checks + 1))
}

# bash: run the completion function.
bash_complete() {  # words...; completes the last word
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _mdrisk; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$src/completions/mdrisk.bash" "$@" | sort -u
}
bash_complete mdrisk - >"$work/got"
same "bash: options" "$work/want" "$work/got"
bash_complete mdrisk --format "" >"$work/got"
same "bash: --format values" "$work/formats" "$work/got"
bash_complete mdrisk --format = "" >"$work/got"   # --format=<TAB>: bash splits at '='
same "bash: --format= values" "$work/formats" "$work/got"
bash_complete mdrisk init --f >"$work/got"
[[ $(cat "$work/got") == --force ]] || fail "bash: 'mdrisk init --f' completes to '$(cat "$work/got")'"
bash_complete mdrisk rule MR20 | grep -qx MR201 || fail "bash: 'mdrisk rule MR20' does not offer MR201"
bash_complete mdrisk in | grep -qx init || fail "bash: 'mdrisk in' does not offer init"
checks=$((checks + 3))

# fish: ask fish.
command -v fish >/dev/null || fail "fish is not installed (scripts/bootstrap.sh installs it)"
fish_complete() {
  fish --no-config -c "source '$src/completions/mdrisk.fish'; complete -C '$1'" | cut -f1 | sort -u
}
fish_complete 'mdrisk -' | grep -E '^-' >"$work/got"
same "fish: options" "$work/want" "$work/got"
fish_complete 'mdrisk --format ' >"$work/got"
same "fish: --format values" "$work/formats" "$work/got"
fish_complete 'mdrisk init --f' | grep -qx -- --force || fail "fish: 'mdrisk init --f' does not offer --force"
fish_complete 'mdrisk rule MR20' | grep -qx MR201 || fail "fish: 'mdrisk rule MR20' does not offer MR201"
fish_complete 'mdrisk ' | grep -qx rules || fail "fish: 'mdrisk ' does not offer rules"
checks=$((checks + 3))

# zsh: syntax, then the specs.
command -v zsh >/dev/null || fail "zsh is not installed (scripts/bootstrap.sh installs it)"
zsh -n "$src/completions/_mdrisk" || fail "zsh: syntax error"
specs=$(sed -n '/_arguments -s -S/,/^ *.\*:/p' "$src/completions/_mdrisk")
{
  grep -oE -- "(^|[^a-z-])--[a-z][a-z-]*" <<<"$specs" | grep -oE -- '--[a-z-]+'
  grep -oE -- "[{,]-[a-zA-Z][+=]?[,}]" <<<"$specs" | grep -oE -- '-[a-zA-Z]'
} | sort -u >"$work/got"
same "zsh: options" "$work/want" "$work/got"
grep -oE ':format:\([^)]*\)' "$src/completions/_mdrisk" | sed 's/.*(//; s/)//' | tr ' ' '\n' | sort >"$work/got"
same "zsh: --format values" "$work/formats" "$work/got"
grep -q "'--force\[" "$src/completions/_mdrisk" || fail "zsh: init has no --force"
checks=$((checks + 2))
# `mdrisk report`: its options and formats, as `mdrisk report --help` lists them.
report_help=$(mdrisk report --help)
grep -oE -- '--format TEXT:\{[^}]*\}' <<<"$report_help" | sed 's/.*{//; s/}//' | tr ',' '\n' | sort >"$work/report_formats"
[[ $(wc -l <"$work/report_formats") -eq 4 ]] || fail "could not read the report formats from mdrisk report --help"
bash_complete mdrisk report --format "" >"$work/got"
same "bash: report --format values" "$work/report_formats" "$work/got"
fish_complete 'mdrisk report --format ' >"$work/got"
same "fish: report --format values" "$work/report_formats" "$work/got"
grep -oE ':report-format:\([^)]*\)' "$src/completions/_mdrisk" | sed 's/.*(//; s/)//' | tr ' ' '\n' | sort >"$work/got"
same "zsh: report --format values" "$work/report_formats" "$work/got"
for o in --format --top; do
  grep -qe "$o" <<<"$report_help" || fail "mdrisk report --help lacks $o"
  bash_complete mdrisk report -- | grep -qx -- "$o" || fail "bash: 'mdrisk report -' does not offer $o"
  fish_complete 'mdrisk report -' | grep -qx -- "$o" || fail "fish: 'mdrisk report -' does not offer $o"
  grep -q "'$o=\[" "$src/completions/_mdrisk" || fail "zsh: report has no $o"
done
bash_complete mdrisk rep | grep -qx report || fail "bash: 'mdrisk rep' does not offer report"
fish_complete 'mdrisk ' | grep -qx report || fail "fish: 'mdrisk ' does not offer report"
checks=$((checks + 5))

# The man page documents the same options (written by hand, so checked here).
man_opts=$(MANWIDTH=200 man -l -P cat "$src/docs/mdrisk.1" 2>/dev/null | grep -oE -- '(^|[ ,])--?[a-z][a-z-]*' | grep -oE -- '--?[a-z][a-z-]*' | sort -u)
while read -r o; do
  grep -qxF -- "$o" <<<"$man_opts" || fail "docs/mdrisk.1 does not document $o"
done <"$work/want"
checks=$((checks + 1))
echo "completions: $checks checks passed ($(wc -l <"$work/want") options, $(wc -l <"$work/formats") formats)"
