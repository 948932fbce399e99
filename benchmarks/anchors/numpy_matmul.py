"""numpy.matmul of square float32 matrices on one thread (OPENBLAS_NUM_THREADS=1), the cross-check of the OpenBlas rows
of docs/PERFORMANCE.md (which call the same OpenBLAS directly). Prints one line per size: size, best time in
microseconds, GFLOP/s."""
import os
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402  (after the thread count is set)

for n in (int(arg) for arg in (sys.argv[1:] or ["256", "512", "1024"])):
    rng = np.random.default_rng(1)
    a = rng.random((n, n), dtype=np.float32)
    b = rng.random((n, n), dtype=np.float32)
    c = np.empty((n, n), dtype=np.float32)
    repeats = max(3, int(2e9 / (2 * n**3)))
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        np.matmul(a, b, out=c)
        best = min(best, time.perf_counter() - start)
    print(f"numpy {np.__version__} matmul {n}x{n}: {best * 1e6:.1f} us, {2 * n**3 / best / 1e9:.1f} GFLOP/s")
