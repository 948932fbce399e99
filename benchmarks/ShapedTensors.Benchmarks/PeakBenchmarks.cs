using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using ShapedTensors.Benchmarks.Infrastructure;

namespace ShapedTensors.Benchmarks;

/// <summary>
/// This core's float32 FMA throughput: 12 independent accumulators (more than FMA latency × FMA ports, 4 × 2
/// on current x86 cores) each doing <see cref="Iterations"/> dependent multiply-adds. Fma256 is the peak for
/// Vector256 code, which is what the generated kernels emit; Fma512 shows what AVX-512 would add where the
/// core has it (otherwise it reports the emulated rate).
/// </summary>
public class Peak
{
    private const int Iterations = 4096;
    private const int Accumulators = 12;

    private float _multiplier = 0.999f;
    private float _addend = 1e-3f;

    /// <summary>Vector256 FMAs: the peak the reports compare against.</summary>
    [Benchmark(Baseline = true)]
    [Workload("peak", 2L * 8 * Accumulators * Iterations)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public float Fma256()
    {
        var m = Vector256.Create(_multiplier);
        var c = Vector256.Create(_addend);
        Vector256<float> a0 = c, a1 = c * 2, a2 = c * 3, a3 = c * 4, a4 = c * 5, a5 = c * 6;
        Vector256<float> a6 = c * 7, a7 = c * 8, a8 = c * 9, a9 = c * 10, a10 = c * 11, a11 = c * 12;
        for (var i = 0; i < Iterations; i++)
        {
            a0 = Vector256.FusedMultiplyAdd(a0, m, c);
            a1 = Vector256.FusedMultiplyAdd(a1, m, c);
            a2 = Vector256.FusedMultiplyAdd(a2, m, c);
            a3 = Vector256.FusedMultiplyAdd(a3, m, c);
            a4 = Vector256.FusedMultiplyAdd(a4, m, c);
            a5 = Vector256.FusedMultiplyAdd(a5, m, c);
            a6 = Vector256.FusedMultiplyAdd(a6, m, c);
            a7 = Vector256.FusedMultiplyAdd(a7, m, c);
            a8 = Vector256.FusedMultiplyAdd(a8, m, c);
            a9 = Vector256.FusedMultiplyAdd(a9, m, c);
            a10 = Vector256.FusedMultiplyAdd(a10, m, c);
            a11 = Vector256.FusedMultiplyAdd(a11, m, c);
        }

        return Vector256.Sum(((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)) + ((a8 + a9) + (a10 + a11)));
    }

    /// <summary>Vector512 FMAs (AVX-512), for reference.</summary>
    [Benchmark]
    [Workload("peak", 2L * 16 * Accumulators * Iterations)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public float Fma512()
    {
        var m = Vector512.Create(_multiplier);
        var c = Vector512.Create(_addend);
        Vector512<float> a0 = c, a1 = c * 2, a2 = c * 3, a3 = c * 4, a4 = c * 5, a5 = c * 6;
        Vector512<float> a6 = c * 7, a7 = c * 8, a8 = c * 9, a9 = c * 10, a10 = c * 11, a11 = c * 12;
        for (var i = 0; i < Iterations; i++)
        {
            a0 = Vector512.FusedMultiplyAdd(a0, m, c);
            a1 = Vector512.FusedMultiplyAdd(a1, m, c);
            a2 = Vector512.FusedMultiplyAdd(a2, m, c);
            a3 = Vector512.FusedMultiplyAdd(a3, m, c);
            a4 = Vector512.FusedMultiplyAdd(a4, m, c);
            a5 = Vector512.FusedMultiplyAdd(a5, m, c);
            a6 = Vector512.FusedMultiplyAdd(a6, m, c);
            a7 = Vector512.FusedMultiplyAdd(a7, m, c);
            a8 = Vector512.FusedMultiplyAdd(a8, m, c);
            a9 = Vector512.FusedMultiplyAdd(a9, m, c);
            a10 = Vector512.FusedMultiplyAdd(a10, m, c);
            a11 = Vector512.FusedMultiplyAdd(a11, m, c);
        }

        return Vector512.Sum(((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)) + ((a8 + a9) + (a10 + a11)));
    }
}
