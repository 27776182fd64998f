#!/usr/bin/env bash
# Runs the whole comparison of BENCHMARKS.md and prints its tables.
#
#   scripts/bench.sh [COUNT]      (default 10; run it on a quiet machine)
#
# The raw output goes to benchmarks/<UTC date>-<commit>.txt (kept in the repository
# beside BENCHMARKS.md); the tables come from scripts/benchreport. Every
# benchmark line is one run in which the implementations took turns, and
# the runs of the different benchmarks are interleaved (-count 1, repeated),
# so that a slow spell of the machine falls on all of them alike.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10}
out=benchmarks/$(date -u +%Y-%m-%d)-$(git rev-parse --short HEAD).txt
mkdir -p benchmarks
{
  echo "# scripts/bench.sh $count: $(date -u +%FT%TZ), $(go version), $(nproc) CPUs, commit $(git rev-parse --short HEAD)"
  go test -c -o /tmp/quanshi-bench.test . >&2
  for i in $(seq "$count"); do
    echo "# round $i of $count" >&2
    /tmp/quanshi-bench.test -test.run '^$' -test.bench '^Benchmark(Turns|Phases|Throughput64)$' -test.benchtime 2s -test.count 1
    /tmp/quanshi-bench.test -test.run '^$' -test.bench '^BenchmarkInMemory$' -test.benchtime 200x -test.count 1
  done
  go run ./scripts/coldstart -batches "$count" -runs 10
} | tee "$out" | grep -E '^(Benchmark|#|FAIL|panic)' >&2 || true
rm -f /tmp/quanshi-bench.test
if grep -qE '^(FAIL|panic|--- FAIL)' "$out"; then
  echo "a benchmark failed: see $out" >&2
  exit 1
fi
echo "raw output: $out" >&2
go run ./scripts/benchreport "$out"
