#!/usr/bin/env bash
# Installs the LSP client library the protocol test and the latency
# benchmark drive `mdrisk server` with (vscode-languageserver-protocol, the
# one VS Code's own client is built on, at a pinned 3.17 version) into CACHE,
# under the build dir and never committed, once.
# usage: install_client.sh CACHE_DIR   (prints nothing on success)
set -euo pipefail
cache=$1
packages=(vscode-languageserver-protocol@3.17.5)
stamp="$cache/.installed-$(echo "${packages[*]}" | md5sum | cut -c1-12)"
if [[ ! -f $stamp ]]; then
  mkdir -p "$cache"
  [[ -f $cache/package.json ]] || echo '{"private": true}' >"$cache/package.json"
  npm install --prefix "$cache" --no-audit --no-fund --loglevel=error "${packages[@]}" >&2
  touch "$stamp"
fi
