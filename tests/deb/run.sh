#!/usr/bin/env bash
# ctest deb_package: builds the Debian package of this build tree with
# `cpack -G DEB` and checks it without touching the machine's package
# database:
#   1. the file is mdrisk_<version>_<arch>.deb and dpkg-deb accepts it;
#   2. its control fields: name, version, architecture, and Depends that are
#      Debian packages, each installed here at a version that satisfies it
#      (so `apt-get install ./mdrisk_*.deb` needs nothing new on this system);
#   3. its files: binary, man page, bash/zsh/fish completions, licence,
#      library, headers and CMake package, all under /usr;
#   4. the binary is stripped and runs from the unpacked tree; `man` renders
#      the unpacked man page;
#   5. dpkg installs and removes it in a throwaway root (`dpkg --root`),
#      leaving nothing behind.
# usage: run.sh BUILD_DIR VERSION WORK_DIR
set -euo pipefail
build=$1 version=$2 work=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
for tool in cpack dpkg-deb dpkg-shlibdeps man readelf; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (scripts/bootstrap.sh installs dpkg-dev, man-db, binutils)"
done
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack failed"; }
arch=$(dpkg --print-architecture)
deb="$work/out/mdrisk_${version}_${arch}.deb"
[[ -f $deb ]] || { ls -l "$work/out"; fail "no $(basename "$deb")"; }
checks=0

# 1-2. Control fields.
field() { dpkg-deb --field "$deb" "$1"; }
[[ $(field Package) == mdrisk ]] || fail "Package: $(field Package)"
[[ $(field Version) == "$version" ]] || fail "Version: $(field Version), expected $version"
[[ $(field Architecture) == "$arch" ]] || fail "Architecture: $(field Architecture)"
depends=$(field Depends)
[[ -n $depends ]] || fail "no Depends"
echo "Depends: $depends"
checks=$((checks + 3))
# Every name an installed package provides, read once into a variable: a
# `dpkg-query | ... | grep -q` pipeline fails under pipefail when grep stops
# reading early and dpkg-query dies of SIGPIPE, which happens once the
# package list outgrows a pipe buffer (as on a CI machine with a browser).
provided=$(dpkg-query -W -f='${db:Status-Abbrev}|${Provides}\n' | awk -F'|' '/^ii/ {print $2}' | tr ',' '\n' |
  sed 's/ *(.*//; s/^ *//')
declare -A dpkg_op=([">="]=ge ["<="]=le ["="]=eq [">>"]=gt ["<<"]=lt)
# Each comma-separated item: "pkg", "pkg (>= v)" or alternatives "a | b".
IFS=',' read -ra items <<<"$depends"
for item in "${items[@]}"; do
  ok=0
  IFS='|' read -ra alts <<<"$item"
  for alt in "${alts[@]}"; do
    if [[ $alt =~ ^\ *([a-z0-9.+-]+)\ *(\((<<|<=|=|>=|>>)\ *([^\)]+)\))?\ *$ ]]; then
      pkg=${BASH_REMATCH[1]} op=${BASH_REMATCH[3]} want=${BASH_REMATCH[4]}
    else
      fail "cannot read dependency '$alt'"
    fi
    have=$(dpkg-query -W -f='${Status} ${Version}' "$pkg" 2>/dev/null | sed -n 's/^install ok installed //p')
    if [[ -z $have ]]; then
      # A virtual package (libspdlog1.10 provides libspdlog1.10-fmt9): an
      # installed package must provide it; unversioned only, as Debian's shlibs use it.
      [[ -z $op ]] || continue
      grep -qxF "$pkg" <<<"$provided" && { ok=1; break; }
      continue
    fi
    if [[ -z $op ]]; then ok=1; break; fi
    if dpkg --compare-versions "$have" "${dpkg_op[$op]}" "$want"; then ok=1; break; fi
  done
  ((ok)) || fail "dependency '$item' is not satisfied by an installed Debian package"
  checks=$((checks + 1))
done
# The binary's shared libraries, and libgit2 (dlopened), must be covered.
for lib in cmark-gfm utf8proc fmt spdlog git2; do
  [[ $depends == *"lib$lib"* ]] || fail "Depends names no package for lib$lib"
  checks=$((checks + 1))
done

# 3. Contents.
dpkg-deb --contents "$deb" | awk '{print $6}' >"$work/contents"
grep -qv '^\./usr/' "$work/contents" && { grep -v '^\./usr/' "$work/contents"; fail "files outside /usr"; }
for f in ./usr/bin/mdrisk ./usr/share/man/man1/mdrisk.1.gz ./usr/share/bash-completion/completions/mdrisk \
         ./usr/share/zsh/vendor-completions/_mdrisk ./usr/share/fish/vendor_completions.d/mdrisk.fish \
         ./usr/share/doc/mdrisk/copyright ./usr/include/mdrisk/linter.hpp ./usr/include/mdrisk/output.hpp; do
  grep -qxF "$f" "$work/contents" || fail "the package has no $f"
  checks=$((checks + 1))
done
grep -qE '^\./usr/lib/([a-z0-9_-]+/)?libmdrisk\.a$' "$work/contents" || fail "the package has no libmdrisk.a"
grep -qE '^\./usr/lib/([a-z0-9_-]+/)?cmake/mdrisk/mdriskConfig\.cmake$' "$work/contents" || fail "the package has no mdriskConfig.cmake"
checks=$((checks + 2))

# 4. Unpacked: stripped, runs, man page renders.
dpkg-deb -x "$deb" "$work/root"
sections=$(readelf -S "$work/root/usr/bin/mdrisk")
grep -qE '\.debug_|\.symtab' <<<"$sections" && fail "usr/bin/mdrisk is not stripped"
got=$("$work/root/usr/bin/mdrisk" --version)
[[ $got == "mdrisk $version" ]] || fail "--version printed '$got'"
MANWIDTH=80 man -l -P cat "$work/root/usr/share/man/man1/mdrisk.1.gz" 2>"$work/man.err" >"$work/man.txt"
[[ -s $work/man.err ]] && { cat "$work/man.err"; fail "man reported problems with the page"; }
grep -q '^NAME' "$work/man.txt" && grep -q 'mdrisk - lint' "$work/man.txt" || fail "man did not render the page"
checks=$((checks + 3))

# 5. dpkg install and remove in a throwaway root. The root has no other
# packages, so dependencies are not checked there (step 2 checked them
# against this machine's database).
root="$work/dpkg-root"
mkdir -p "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/info"
touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
dpkg --root="$root" --log=/dev/null --force-depends --force-not-root -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg -i failed"; }
[[ $(dpkg --root="$root" -s mdrisk | sed -n 's/^Status: //p') == "install ok installed" ]] || fail "dpkg does not list mdrisk as installed"
[[ $("$root/usr/bin/mdrisk" --version) == "mdrisk $version" ]] || fail "the installed binary does not run"
dpkg --root="$root" --log=/dev/null --force-not-root -r mdrisk >>"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg -r failed"; }
left=$(find "$root" -path "$root/var" -prune -o -type f -print | wc -l)
[[ $left == 0 ]] || { find "$root" -path "$root/var" -prune -o -type f -print; fail "dpkg -r left $left files"; }
checks=$((checks + 3))
echo "deb package $(basename "$deb") ($(stat -c %s "$deb") bytes): $checks checks passed"
