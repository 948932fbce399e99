using System;
using System.IO;
using System.Runtime.InteropServices;

namespace ShapedTensors.Benchmarks.Infrastructure;

/// <summary>
/// OpenBLAS, the BLAS that numpy uses on Debian 12 (package libopenblas0-pthread, which benchmarks/run.sh installs),
/// called directly through its C interface: <c>cblas_sgemm</c> / <c>cblas_dgemm</c> into a preallocated output.
/// </summary>
public static unsafe class OpenBlas
{
    private const string Library = "libopenblas.so.0";
    private const int RowMajor = 101;
    private const int NoTranspose = 111;

    /// <summary>How many threads OpenBLAS uses (it defaults to every core).</summary>
    public static void SetThreads(int threads) => openblas_set_num_threads(threads);

    /// <summary>out = x · y for row-major n×n matrices.</summary>
    public static void Multiply(float[] x, float[] y, float[] output, int n)
    {
        fixed (float* a = x, b = y, c = output)
        {
            cblas_sgemm(RowMajor, NoTranspose, NoTranspose, n, n, n, 1, a, n, b, n, 0, c, n);
        }
    }

    /// <summary>out = x · y for row-major n×n matrices.</summary>
    public static void Multiply(double[] x, double[] y, double[] output, int n)
    {
        fixed (double* a = x, b = y, c = output)
        {
            cblas_dgemm(RowMajor, NoTranspose, NoTranspose, n, n, n, 1, a, n, b, n, 0, c, n);
        }
    }

    [DllImport(Library)]
    private static extern void openblas_set_num_threads(int threads);

    [DllImport(Library)]
    private static extern void cblas_sgemm(int layout, int transA, int transB, int m, int n, int k, float alpha, float* a, int lda, float* b, int ldb, float beta, float* c, int ldc);

    [DllImport(Library)]
    private static extern void cblas_dgemm(int layout, int transA, int transB, int m, int n, int k, double alpha, double* a, int lda, double* b, int ldb, double beta, double* c, int ldc);
}

/// <summary>The case ids of eigen_anchors.cpp.</summary>
public enum EigenCase
{
    Square4,
    Square8,
    Square16,
    Square32,
    SeedBatchDot,
    SeedMatMul,
}

/// <summary>
/// Eigen's fixed-size products (benchmarks/anchors/eigen_anchors.cpp, built by benchmarks/run.sh into the library
/// named by the environment variable <c>SHAPEDTENSORS_EIGEN_LIBRARY</c>).
/// </summary>
public static unsafe class EigenAnchors
{
    private static delegate* unmanaged<int, float*, float*, float*, long, int> s_run;

    /// <summary>Runs a case <paramref name="repetitions"/> times.</summary>
    public static void Run(EigenCase id, float[] x, float[] y, float[] output, long repetitions)
    {
        if (s_run == null)
        {
            var path = Environment.GetEnvironmentVariable("SHAPEDTENSORS_EIGEN_LIBRARY");
            if (string.IsNullOrEmpty(path) || !File.Exists(path))
            {
                throw new DllNotFoundException("Eigen's anchors are not built: run benchmarks/run.sh, which builds them and sets SHAPEDTENSORS_EIGEN_LIBRARY.");
            }

            s_run = (delegate* unmanaged<int, float*, float*, float*, long, int>)NativeLibrary.GetExport(NativeLibrary.Load(path), "shapedtensors_eigen_run");
        }

        fixed (float* a = x, b = y, c = output)
        {
            if (s_run((int)id, a, b, c, repetitions) != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(id), id, "Not a case of eigen_anchors.cpp.");
            }
        }
    }
}
