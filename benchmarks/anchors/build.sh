#!/usr/bin/env bash
# The native anchors of docs/PERFORMANCE.md: installs Debian's OpenBLAS (the BLAS numpy uses there), numpy, Eigen and
# g++ when they are missing, and builds Eigen's fixed-size products into benchmarks/anchors/bin. Prints the path of the
# Eigen library; benchmarks/run.sh exports it as SHAPEDTENSORS_EIGEN_LIBRARY.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

missing=()
[ -e /usr/lib/x86_64-linux-gnu/libopenblas.so.0 ] || [ -e /usr/lib/aarch64-linux-gnu/libopenblas.so.0 ] || missing+=(libopenblas0-pthread)
[ -d /usr/include/eigen3 ] || missing+=(libeigen3-dev)
command -v g++ >/dev/null || missing+=(g++)
/usr/bin/python3 -c "import numpy" 2>/dev/null || missing+=(python3-numpy)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  if [ "$(id -u)" -eq 0 ]; then
    apt-get install -y "${missing[@]}" >&2 || (apt-get update >&2 && apt-get install -y "${missing[@]}" >&2)
  else
    sudo apt-get install -y "${missing[@]}" >&2
  fi
fi

mkdir -p "$here/bin"
g++ -O3 -march=native -DNDEBUG -shared -fPIC -I/usr/include/eigen3 "$here/eigen_anchors.cpp" -o "$here/bin/libshapedtensors_eigen.so"
echo "$here/bin/libshapedtensors_eigen.so"
