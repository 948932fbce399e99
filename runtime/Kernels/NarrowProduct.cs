using System;
using System.Numerics;
using System.Runtime.Intrinsics;

namespace ShapedTensors.Kernels;

/// <summary>
/// Products whose output rows are narrower than a vector (matrix · vector, a dot product as (1, K) · (K, 1)): each
/// output element is one dot product along k, vectorized along k in the widest vectors k fills. x's rows must be
/// contiguous along k (<see cref="KernelThresholds.IsDotAlongK"/>); y's columns are read in place when they are, and
/// gathered into a scratch row otherwise.
/// </summary>
internal static unsafe class NarrowProduct<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static void Run(in ProductLayout p, T* x, T* y, T* output, Span<T> column)
    {
        if (Vector512.IsHardwareAccelerated && p.K >= Vector512<T>.Count)
        {
            Run<Width512<T>, Vector512<T>>(p, x, y, output, column);
        }
        else if (Vector256.IsHardwareAccelerated && p.K >= Vector256<T>.Count)
        {
            Run<Width256<T>, Vector256<T>>(p, x, y, output, column);
        }
        else
        {
            Run<Width128<T>, Vector128<T>>(p, x, y, output, column);
        }
    }

    private static void Run<TWidth, TVector>(in ProductLayout p, T* x, T* y, T* output, Span<T> column)
        where TWidth : struct, IVectorWidth<T, TVector>
        where TVector : struct
    {
        fixed (T* gathered = column)
        {
            for (var n = 0; n < p.N; n++)
            {
                var yColumn = y + (n * p.YColumn);
                if (p.YDepth != 1)
                {
                    for (var k = 0; k < p.K; k++)
                    {
                        gathered[k] = yColumn[k * p.YDepth];
                    }

                    yColumn = gathered;
                }

                for (var m = 0; m < p.M; m++)
                {
                    output[(m * p.OutRow) + n] = Dot<TWidth, TVector>(x + (m * p.XRow), yColumn, p.K);
                }
            }
        }
    }

    // Four independent accumulators keep the FMA units busy (one chain would wait out each FMA's latency); k must
    // be at least one vector long.
    private static T Dot<TWidth, TVector>(T* a, T* b, int k)
        where TWidth : struct, IVectorWidth<T, TVector>
        where TVector : struct
    {
        var lanes = TWidth.Count;
        TVector sum0;
        int i;
        if (k >= 8 * lanes)
        {
            // A load that straddles two cache lines costs two: the loop starts where a's loads are aligned, and the
            // first vector adds only the lanes before that point. b's loads fall where they may (only one operand
            // can be aligned; both are when they are equally misaligned, as arrays of one type usually are).
            var bytes = (nuint)(lanes * sizeof(T));
            i = (int)((bytes - ((nuint)a % bytes)) % bytes) / sizeof(T);
            sum0 = TWidth.KeepFirst(TWidth.Multiply(TWidth.Load(a), TWidth.Load(b)), i);
        }
        else
        {
            sum0 = TWidth.Multiply(TWidth.Load(a), TWidth.Load(b));
            i = lanes;
        }

        if (k - i >= 4 * lanes)
        {
            var sum1 = TWidth.Multiply(TWidth.Load(a + i), TWidth.Load(b + i));
            var sum2 = TWidth.Multiply(TWidth.Load(a + i + lanes), TWidth.Load(b + i + lanes));
            var sum3 = TWidth.Multiply(TWidth.Load(a + i + (2 * lanes)), TWidth.Load(b + i + (2 * lanes)));
            sum0 = TWidth.MultiplyAdd(TWidth.Load(a + i + (3 * lanes)), TWidth.Load(b + i + (3 * lanes)), sum0);
            for (i += 4 * lanes; i <= k - (4 * lanes); i += 4 * lanes)
            {
                sum0 = TWidth.MultiplyAdd(TWidth.Load(a + i), TWidth.Load(b + i), sum0);
                sum1 = TWidth.MultiplyAdd(TWidth.Load(a + i + lanes), TWidth.Load(b + i + lanes), sum1);
                sum2 = TWidth.MultiplyAdd(TWidth.Load(a + i + (2 * lanes)), TWidth.Load(b + i + (2 * lanes)), sum2);
                sum3 = TWidth.MultiplyAdd(TWidth.Load(a + i + (3 * lanes)), TWidth.Load(b + i + (3 * lanes)), sum3);
            }

            sum0 = TWidth.Add(TWidth.Add(sum0, sum1), TWidth.Add(sum2, sum3));
        }

        for (; i <= k - lanes; i += lanes)
        {
            sum0 = TWidth.MultiplyAdd(TWidth.Load(a + i), TWidth.Load(b + i), sum0);
        }

        var total = TWidth.Sum(sum0);
        for (; i < k; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }
}

/// <summary>The plain triple loop, for what no vector path covers (no vector hardware; short, narrow or strided rows).</summary>
internal static unsafe class ScalarProduct<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static void Run(in ProductLayout p, T* x, T* y, T* output)
    {
        for (var m = 0; m < p.M; m++)
        {
            for (var n = 0; n < p.N; n++)
            {
                var xs = x + (m * p.XRow);
                var ys = y + (n * p.YColumn);
                var sum = T.Zero;
                for (var k = 0; k < p.K; k++, xs += p.XDepth, ys += p.YDepth)
                {
                    sum += *xs * *ys;
                }

                output[(m * p.OutRow) + n] = sum;
            }
        }
    }
}
