#!/usr/bin/env bash
# Runs every benchmark, then writes docs/PERFORMANCE.md (between its report markers) and docs/performance.png.
# First installs and builds the anchors (OpenBLAS, numpy, Eigen; benchmarks/anchors/build.sh, which may apt-get install).
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

# The anchors: OpenBLAS and numpy (Debian packages) and Eigen's fixed-size products, built here.
SHAPEDTENSORS_EIGEN_LIBRARY="$(bash benchmarks/anchors/build.sh)"
export SHAPEDTENSORS_EIGEN_LIBRARY

rm -rf BenchmarkDotNet.Artifacts/results
dotnet run -c Release --project benchmarks/ShapedTensors.Benchmarks -- "${args[@]}"
# numpy's own matmul on one thread, beside the OpenBlas rows (same library, through Python).
/usr/bin/python3 benchmarks/anchors/numpy_matmul.py | tee BenchmarkDotNet.Artifacts/results/numpy.txt
dotnet run -c Release --project benchmarks/ShapedTensors.Report
