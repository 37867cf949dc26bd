#!/usr/bin/env bash
# README command 1: install what is missing, build mdrisk, run it on the
# bundled example tracker. Exit code is mdrisk's (1: the example has errors).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --target mdrisk
echo "\$ mdrisk fixtures/seed/risk-mitigation.md"
exec build/tools/mdrisk/mdrisk fixtures/seed/risk-mitigation.md "$@"
