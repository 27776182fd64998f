#!/usr/bin/env bash
# Runs every fuzz target of the module for a while each (default 60s), goes
# on after a target that fails, prints one summary line per target (its last
# progress line: execs, new interesting inputs) and fails if any target did.
# CI runs only their seed corpora, as part of `go test ./...`.
#   scripts/fuzz.sh          # 60s per target
#   scripts/fuzz.sh 5m       # longer
# Each new interesting input is minimized for at most FUZZ_MINIMIZE (1s):
# go's default (60s) lets the targets that decode every payload type spend
# the whole run minimizing instead of fuzzing.
# A failing input is written to testdata/fuzz/<Target>/ of its package, as
# `go test -fuzz` does; rerun it with `go test -run <Target>/<file>`.
set -uo pipefail
cd "$(dirname "$0")/.."
duration=${1:-60s}
minimize=${FUZZ_MINIMIZE:-1s}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
summary=()
failed=0
for pkg in $(go list ./...); do
  for target in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz' || true); do
    echo "== $pkg $target ($duration)"
    if go test -run '^$' -fuzz "^${target}\$" -fuzztime "$duration" -fuzzminimizetime "$minimize" "$pkg" 2>&1 | tee "$log"; then
      result="ok"
    else
      result="FAILED"
      failed=1
    fi
    last=$(grep -E '^fuzz: elapsed' "$log" | tail -n 1)
    summary+=("$result $pkg $target: ${last:-no progress line}")
  done
done
echo
echo "== summary ($duration per target)"
printf '%s\n' "${summary[@]}"
exit $failed
