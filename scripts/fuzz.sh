#!/usr/bin/env bash
# Runs every fuzz target of the module for a while each (default 60s).
# CI runs only their seed corpora, as part of `go test ./...`.
#   scripts/fuzz.sh          # 60s per target
#   scripts/fuzz.sh 5m       # longer
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-60s}
for pkg in $(go list ./...); do
  for target in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz' || true); do
    echo "== $pkg $target ($duration)"
    go test -run '^$' -fuzz "^${target}\$" -fuzztime "$duration" "$pkg"
  done
done
