using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace ShapedTensors.Kernels;

/// <summary>
/// Products whose output rows are narrower than a vector (matrix · vector, a dot product as (1, K) · (K, 1)): each
/// output element is one dot product along k, vectorized along k by <see cref="TensorPrimitives.Dot{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/>.
/// x's rows must be contiguous along k; y's columns are read in place when they are, and gathered into a scratch
/// row otherwise.
/// </summary>
internal static unsafe class NarrowProduct<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static void Run(in ProductLayout p, T* x, T* y, T* output, Span<T> column)
    {
        for (var n = 0; n < p.N; n++)
        {
            var source = y + (n * p.YColumn);
            ReadOnlySpan<T> yColumn;
            if (p.YDepth == 1)
            {
                yColumn = new ReadOnlySpan<T>(source, p.K);
            }
            else
            {
                for (var k = 0; k < p.K; k++)
                {
                    column[k] = source[k * p.YDepth];
                }

                yColumn = column[..p.K];
            }

            for (var m = 0; m < p.M; m++)
            {
                output[(m * p.OutRow) + n] = TensorPrimitives.Dot(new ReadOnlySpan<T>(x + (m * p.XRow), p.K), yColumn);
            }
        }
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
