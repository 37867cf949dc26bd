#!/usr/bin/env bash
# ctest lsp_protocol: the protocol suite (protocol_test.js) with its npm
# client library installed under the build dir on first use.
# usage: run_protocol_test.sh MDRISK_BINARY CACHE_DIR FIXTURES_DIR
set -euo pipefail
bin=$1 cache=$2 fixtures=$3
here=$(cd "$(dirname "$0")" && pwd)
"$here/install_client.sh" "$cache"
NODE_PATH="$cache/node_modules" exec node "$here/protocol_test.js" "$bin" "$fixtures"
