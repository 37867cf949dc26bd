#!/usr/bin/env bash
# Installs the Debian packages mdrisk needs, and only those that are missing,
# so that a fresh Debian 12 machine (or a clean CI clone) builds with no
# manual step. Run as root or with sudo available.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config python3
  libcmark-gfm-dev libcmark-gfm-extensions-dev cmark-gfm
  libfmt-dev libspdlog-dev libgtest-dev libgmock-dev libbenchmark-dev
  libcli11-dev libutf8proc-dev libtomlplusplus-dev nlohmann-json3-dev
  libdtl-dev
  libgit2-dev git pre-commit
  libxml2-utils python3-jsonschema zsh fish dpkg-dev man-db binutils
)
# Extra packages a caller asks for (e.g. the test script wants clang for fuzzing).
packages+=("$@")

missing=()
for p in "${packages[@]}"; do
  # npm counts as present when the machine has one of its own (not from apt):
  # the tests use it to fetch data packages (CommonMark spec, SARIF schema).
  if [[ "$p" == npm ]] && command -v npm >/dev/null 2>&1; then continue; fi
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "bootstrap: installing ${missing[*]}" >&2
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
