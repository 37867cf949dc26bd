#!/usr/bin/env bash
# ctest ci_formats: the gitlab, rdjson, junit and json-lines formats against
# their consumers' schemas (tests/ci_formats/*.schema.json, junit.xsd: our
# own, written from each format's documentation) and against the json
# format's findings, for every fixture, a whole-folder run, standard input
# with an odd name, a clean file, and a folder with no tracker (the empty
# reports every format must still write, also through -o).
# Tools: xmllint (libxml2-utils) and python3-jsonschema, from Debian.
# usage: run.sh MDRISK_BINARY FIXTURES_DIR
set -euo pipefail
bin=$1 fixtures=$2
here=$(cd "$(dirname "$0")" && pwd)
command -v xmllint >/dev/null || { echo "xmllint is not installed (scripts/bootstrap.sh installs libxml2-utils)" >&2; exit 1; }
python3 -c 'import jsonschema' 2>/dev/null || { echo "python3-jsonschema is not installed (scripts/bootstrap.sh installs it)" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

formats=(json:json gitlab:gitlab rdjson:rdjson json-lines:jsonl junit:junit)
report() {  # report CASE ARGS... : every format of one run (standard input: $stdin_file)
  local name=$1; shift
  for f in "${formats[@]}"; do
    "$bin" --format "${f%%:*}" "$@" <"${stdin_file:-/dev/null}" >"$out/$name.${f#*:}" || [[ $? == 1 ]]
  done
}
n=0
for input in "$fixtures"/*/input.md; do
  n=$((n + 1))
  report "f$n" "$input"
  cp "$input" "$out/f$n.src"
done
report all --no-respect-gitignore "$fixtures"
stdin_file="$fixtures/seed/risk-mitigation.md" report stdin --stdin-filename 'dir with space/a&b<c>"d".md' -
cp "$fixtures/seed/risk-mitigation.md" "$out/stdin.src"
printf '# Empty\n' >"$out/clean.md"
report clean "$out/clean.md"
# No tracker at all: each format still writes a valid empty report, to -o too.
mkdir "$out/none"
for f in "${formats[@]}"; do
  rm -f "$out/none.${f#*:}"
  "$bin" --format "${f%%:*}" -o "$out/none.${f#*:}" "$out/none" 2>/dev/null
  [[ -f $out/none.${f#*:} ]] || { echo "FAIL: --format ${f%%:*} -o wrote no file when no tracker was found" >&2; exit 1; }
done
[[ $(cat "$out/none.json") == "[]" ]] || { echo "FAIL: empty json report is not []" >&2; exit 1; }
rmdir "$out/none"

xmllint --noout --schema "$here/junit.xsd" "$out"/*.junit 2>"$out/xmllint.log" || { cat "$out/xmllint.log"; exit 1; }
echo "junit: $(ls "$out"/*.junit | wc -l) reports valid against junit.xsd"
python3 "$here/check.py" "$here" "$out"
