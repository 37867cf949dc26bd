#!/usr/bin/env bash
# ctest lsp_neovim: Debian's Neovim (scripts/bootstrap.sh installs it), headless,
# as the LSP client of `mdrisk server` (nvim_test.lua), once per position encoding.
# usage: run_nvim_test.sh MDRISK_BINARY TRACKER
set -euo pipefail
bin=$1 tracker=$2
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v nvim >/dev/null; then
  echo "nvim not found: run ./scripts/bootstrap.sh neovim (scripts/test.sh does)" >&2
  exit 1
fi
nvim --version | head -1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/.git"  # the config search stops here: no .mdrisk.toml of the machine applies
status=0
for encoding in utf-16 utf-8; do
  cp "$tracker" "$work/tracker.md"
  # -u NONE: no user config or plugins; the test brings everything it needs.
  if ! MDRISK_BIN=$bin TRACKER=$work/tracker.md ENCODING=$encoding \
      timeout -s KILL 120 nvim --headless -u NONE -i NONE -n -c "luafile $here/nvim_test.lua" </dev/null; then
    status=1
  fi
done
exit $status
