#!/usr/bin/env bash
# ctest release_pins: the version in CMakeLists.txt, the man page header and
# the pre-commit `rev:` in README.md agree, so the README pins the release
# tag (vMAJOR.MINOR.PATCH) of the version it documents.
# usage: release_pins.sh SOURCE_DIR VERSION
set -euo pipefail
src=$1 version=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
revs=$(grep -oE '^ +rev: v[0-9]+\.[0-9]+\.[0-9]+' "$src/README.md" | sed 's/.*rev: v//' | sort -u)
[[ -n $revs ]] || fail "README.md has no 'rev: vX.Y.Z'"
[[ $revs == "$version" ]] || fail "README.md pins rev v$revs; the project version is $version"
th=$(sed -n 's/^\.TH MDRISK 1 "[^"]*" "mdrisk \([^"]*\)".*/\1/p' "$src/docs/mdrisk.1")
[[ $th == "$version" ]] || fail "docs/mdrisk.1 says mdrisk '$th'; the project version is $version"
grep -q "mdrisk_${version}_amd64.deb" "$src/README.md" || fail "README.md does not name mdrisk_${version}_amd64.deb"
echo "release pins: README rev, man page and package name all at $version"
