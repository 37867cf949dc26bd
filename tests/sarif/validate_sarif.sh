#!/usr/bin/env bash
# ctest sarif_schema: mdrisk's SARIF output validates against the official
# SARIF 2.1.0 schema. The validator (ajv) and the schema (carried by
# @microsoft/jest-sarif) are installed from npm into CACHE (under the build
# dir, never committed) on first use, at pinned versions.
# usage: validate_sarif.sh MDRISK_BINARY CACHE_DIR FIXTURES_DIR
set -euo pipefail
bin=$1 cache=$2 fixtures=$3
here=$(cd "$(dirname "$0")" && pwd)
packages=(ajv@8.17.1 ajv-draft-04@1.0.0 ajv-formats@3.0.1 @microsoft/jest-sarif@1.0.0-beta.0)
stamp="$cache/.installed-$(echo "${packages[*]}" | md5sum | cut -c1-12)"
if [[ ! -f $stamp ]]; then
  mkdir -p "$cache"
  (cd "$cache" && [[ -f package.json ]] || echo '{"private": true}' >"$cache/package.json")
  npm install --prefix "$cache" --no-audit --no-fund --loglevel=error "${packages[@]}" >&2
  touch "$stamp"
fi
schema="$cache/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"
[[ -f $schema ]] || { echo "schema not found: $schema" >&2; exit 1; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Every fixture (rule findings, related locations, fixes), the whole folder in one
# run, a clean file (no results) and standard input with an odd name.
n=0
for input in "$fixtures"/*/input.md; do
  n=$((n + 1))
  "$bin" --format sarif "$input" >"$out/f$n.sarif" || [[ $? == 1 ]]
done
"$bin" --format sarif --no-respect-gitignore "$fixtures" >"$out/all.sarif" || [[ $? == 1 ]]
"$bin" --format sarif --stdin-filename 'dir with space/a,b:c.md' - <"$fixtures/seed/risk-mitigation.md" \
  >"$out/stdin.sarif" || [[ $? == 1 ]]
printf '# Empty\n' >"$out/clean.md"
"$bin" --format sarif "$out/clean.md" >"$out/clean.sarif" || [[ $? == 1 ]]
NODE_PATH="$cache/node_modules" node "$here/validate.js" "$schema" "$out"/*.sarif
