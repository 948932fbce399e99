#!/usr/bin/env bash
# Runs every benchmark, then writes docs/PERFORMANCE.md (between its report markers) and docs/performance.png.
#   bash benchmarks/run.sh            quick: BenchmarkDotNet's short job (~15 minutes on 2 cores)
#   bash benchmarks/run.sh --full     BenchmarkDotNet's default job (much longer, tighter error bars)
#   bash benchmarks/run.sh -- ARGS    any BenchmarkDotNet arguments instead, e.g. -- --filter '*Square0064*' --job short
set -euo pipefail
cd "$(dirname "$0")/.."

args=(--filter '*' --job short)
if [ "${1:-}" = "--full" ]; then
  args=(--filter '*')
elif [ "${1:-}" = "--" ]; then
  shift
  args=("$@")
fi

rm -rf BenchmarkDotNet.Artifacts/results
dotnet run -c Release --project benchmarks/ShapedTensors.Benchmarks -- "${args[@]}"
dotnet run -c Release --project benchmarks/ShapedTensors.Report
