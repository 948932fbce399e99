using System.Numerics;

namespace ShapedTensors.Benchmarks.Infrastructure;

/// <summary>The plain-C# baselines: textbook triple loops over arrays (i, j, then the sum over k), no SIMD, no blocking.</summary>
public static class Naive
{
    /// <summary><c>out[b, i, j] = sum_k x[b, i, k] * y[b, k, j]</c> for <paramref name="batch"/> contiguous row-major products.</summary>
    public static void BatchedProduct<T>(T[] x, T[] y, T[] output, int batch, int m, int k, int n)
        where T : INumberBase<T>
    {
        for (var b = 0; b < batch; b++)
        {
            int xb = b * m * k, yb = b * k * n, ob = b * m * n;
            for (var i = 0; i < m; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    var sum = T.Zero;
                    for (var p = 0; p < k; p++)
                    {
                        sum += x[xb + (i * k) + p] * y[yb + (p * n) + j];
                    }

                    output[ob + (i * n) + j] = sum;
                }
            }
        }
    }

    /// <summary>
    /// <c>keras.backend.dot</c> of x (rows..., k) and y (groups, k, n): <c>out[r, g, j] = sum_p x[r, p] * y[g, p, j]</c>
    /// with x's leading axes flattened into <paramref name="rows"/>.
    /// </summary>
    public static void KerasDot<T>(T[] x, T[] y, T[] output, int rows, int k, int groups, int n)
        where T : INumberBase<T>
    {
        for (var r = 0; r < rows; r++)
        {
            for (var g = 0; g < groups; g++)
            {
                for (var j = 0; j < n; j++)
                {
                    var sum = T.Zero;
                    for (var p = 0; p < k; p++)
                    {
                        sum += x[(r * k) + p] * y[(g * k * n) + (p * n) + j];
                    }

                    output[(((r * groups) + g) * n) + j] = sum;
                }
            }
        }
    }

    /// <summary>Any plan of the shape algebra: the textbook loops over its batch items, rows, columns and k, through its strides.</summary>
    public static void Plan<T>(ContractionPlan plan, T[] x, T[] y, T[] output)
        where T : INumberBase<T>
    {
        var count = plan.BatchCount;
        for (long item = 0; item < count; item++)
        {
            // The item's offsets: its index in each batch axis (innermost fastest) times that axis' strides.
            long xb = 0, yb = 0, ob = 0, rest = item;
            for (var axis = plan.Batch.Count - 1; axis >= 0; axis--)
            {
                var a = plan.Batch[axis];
                var index = rest % a.Size;
                rest /= a.Size;
                (xb, yb, ob) = (xb + (index * a.XStride), yb + (index * a.YStride), ob + (index * a.OutStride));
            }

            for (var i = 0; i < plan.M; i++)
            {
                for (var j = 0; j < plan.N; j++)
                {
                    var sum = T.Zero;
                    for (var p = 0; p < plan.K; p++)
                    {
                        sum += x[xb + (i * plan.XRowStride) + (p * plan.XDepthStride)] * y[yb + (p * plan.YDepthStride) + (j * plan.YColumnStride)];
                    }

                    output[ob + (i * plan.OutRowStride) + j] = sum;
                }
            }
        }
    }
}
