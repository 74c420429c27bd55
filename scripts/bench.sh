#!/usr/bin/env bash
# Micro-benchmarks of the hot path (BenchmarkDotNet, allocations included). See docs/PERFORMANCE.md.
#   scripts/bench.sh                 every benchmark, short-run job (3 warm-ups, 3 iterations: figures in minutes)
#   scripts/bench.sh full            every benchmark, BenchmarkDotNet's default job (slower, tighter intervals)
#   scripts/bench.sh '*Jwt*'         a filter, short-run job (further arguments go to BenchmarkDotNet)
# Benchmarks run in-process (--inProcess): BenchmarkDotNet's default toolchain rebuilds the solution without the
# shared compiler and gives up after 2 minutes on a busy 2-core machine.
# Results: tests/ChatOps.Benchmarks/BenchmarkDotNet.Artifacts/results/*.md
set -euo pipefail
cd "$(dirname "$0")/.."
filter='*'
job=(--job short)
if [ "${1:-}" = full ]; then job=(); shift; fi
if [ $# -gt 0 ] && [[ $1 != -* ]]; then filter=$1; shift; fi
cd tests/ChatOps.Benchmarks
exec dotnet run -c Release -- --filter "$filter" "${job[@]}" --inProcess --artifacts BenchmarkDotNet.Artifacts "$@"
