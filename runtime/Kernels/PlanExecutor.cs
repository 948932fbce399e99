using System;
using System.Buffers;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ShapedTensors.Kernels;

/// <summary>
/// Executes a <see cref="ContractionPlan"/> for shapes known only at run time: the dynamic tensor's engine.
/// Columns are vectorized with <see cref="Vector{T}"/> in register blocks of four rows; a right operand
/// whose columns are not contiguous (a transpose) is first packed into a contiguous scratch block.
/// </summary>
internal static class PlanExecutor
{
    private const int RowBlock = 4;

    public static void Execute<T>(ContractionPlan plan, ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Zero-sized dimensions: an empty result has nothing to compute, and a sum over an empty contraction
        // is 0 (numpy's and TensorFlow's answer). Past this point every size is at least 1.
        if (output.IsEmpty || plan.K == 0)
        {
            output.Clear();
            return;
        }

        if (UseBlocked(plan))
        {
            ExecuteBlocked(plan, x, y, output);
            return;
        }

        var vectorize = Vector.IsHardwareAccelerated && plan.N >= Vector<T>.Count;
        var packY = vectorize && plan.YColumnStride != 1;
        var packed = packY ? ArrayPool<T>.Shared.Rent(plan.K * plan.N) : null;
        try
        {
            var cursor = new BatchCursor(plan, stackalloc int[plan.Batch.Count]);
            for (long item = 0, count = plan.BatchCount; item < count; item++, cursor.Advance())
            {
                if (packed is not null)
                {
                    Pack(plan, y, cursor.Y, packed);
                    MatrixProduct(plan, x, cursor.X, packed, 0, plan.N, output, cursor.Out);
                }
                else if (vectorize)
                {
                    MatrixProduct(plan, x, cursor.X, y, cursor.Y, plan.YDepthStride, output, cursor.Out);
                }
                else
                {
                    ScalarProduct(plan, x, cursor.X, y, cursor.Y, output, cursor.Out);
                }
            }
        }
        finally
        {
            if (packed is not null)
            {
                ArrayPool<T>.Shared.Return(packed);
            }
        }
    }

    /// <summary>Products big enough that packing pays for itself go to <see cref="BlockedGemm"/>.</summary>
    public static bool UseBlocked(ContractionPlan plan)
        => Vector256.IsHardwareAccelerated && (long)plan.M * plan.N * plan.K >= BlockedThreshold && plan.M >= BlockedGemm.MR && plan.N >= 8;

    private const long BlockedThreshold = 32 * 32 * 32;

    private static void ExecuteBlocked<T>(ContractionPlan plan, ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref var xs = ref MemoryMarshal.GetReference(x);
        ref var ys = ref MemoryMarshal.GetReference(y);
        ref var os = ref MemoryMarshal.GetReference(output);
        var cursor = new BatchCursor(plan, stackalloc int[plan.Batch.Count]);
        for (long item = 0, count = plan.BatchCount; item < count; item++, cursor.Advance())
        {
            BlockedGemm.Multiply(
                plan.M, plan.N, plan.K,
                ref Unsafe.Add(ref Unsafe.AsRef(in xs), (nint)cursor.X), (nint)plan.XRowStride, (nint)plan.XDepthStride,
                ref Unsafe.Add(ref Unsafe.AsRef(in ys), (nint)cursor.Y), (nint)plan.YDepthStride, (nint)plan.YColumnStride,
                ref Unsafe.Add(ref os, (nint)cursor.Out), (nint)plan.OutRowStride);
        }
    }

    // Copies y[k, n] of one batch item into a row-major K x N block.
    private static void Pack<T>(ContractionPlan plan, ReadOnlySpan<T> y, long yOffset, Span<T> packed)
    {
        for (var k = 0; k < plan.K; k++)
        {
            var source = yOffset + (k * plan.YDepthStride);
            var row = packed.Slice(k * plan.N, plan.N);
            for (var n = 0; n < row.Length; n++)
            {
                row[n] = y[(int)(source + (n * plan.YColumnStride))];
            }
        }
    }

    // out[m, n] = sum_k x[m, k] * y[k, n] with y's columns contiguous; four rows share each load of y.
    private static void MatrixProduct<T>(ContractionPlan plan, ReadOnlySpan<T> x, long xOffset, ReadOnlySpan<T> y, long yOffset, long yDepthStride, Span<T> output, long outOffset)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = 0, width = Vector<T>.Count, lastVector = plan.N - width;
        for (; m + RowBlock <= plan.M; m += RowBlock)
        {
            var x0 = xOffset + (m * plan.XRowStride);
            var o0 = outOffset + (m * plan.OutRowStride);
            for (var n = 0; n <= lastVector; n += width)
            {
                Vector<T> acc0 = default, acc1 = default, acc2 = default, acc3 = default;
                for (var k = 0; k < plan.K; k++)
                {
                    var column = new Vector<T>(y.Slice((int)(yOffset + (k * yDepthStride) + n), width));
                    var xk = x0 + (k * plan.XDepthStride);
                    acc0 = KernelMath.MultiplyAdd(new Vector<T>(x[(int)xk]), column, acc0);
                    acc1 = KernelMath.MultiplyAdd(new Vector<T>(x[(int)(xk + plan.XRowStride)]), column, acc1);
                    acc2 = KernelMath.MultiplyAdd(new Vector<T>(x[(int)(xk + (2 * plan.XRowStride))]), column, acc2);
                    acc3 = KernelMath.MultiplyAdd(new Vector<T>(x[(int)(xk + (3 * plan.XRowStride))]), column, acc3);
                }

                acc0.CopyTo(output.Slice((int)(o0 + n), width));
                acc1.CopyTo(output.Slice((int)(o0 + plan.OutRowStride + n), width));
                acc2.CopyTo(output.Slice((int)(o0 + (2 * plan.OutRowStride) + n), width));
                acc3.CopyTo(output.Slice((int)(o0 + (3 * plan.OutRowStride) + n), width));
            }
        }

        for (; m < plan.M; m++)
        {
            var x0 = xOffset + (m * plan.XRowStride);
            var o0 = outOffset + (m * plan.OutRowStride);
            for (var n = 0; n <= lastVector; n += width)
            {
                Vector<T> acc = default;
                for (var k = 0; k < plan.K; k++)
                {
                    var column = new Vector<T>(y.Slice((int)(yOffset + (k * yDepthStride) + n), width));
                    acc = KernelMath.MultiplyAdd(new Vector<T>(x[(int)(x0 + (k * plan.XDepthStride))]), column, acc);
                }

                acc.CopyTo(output.Slice((int)(o0 + n), width));
            }
        }

        // The columns past the last whole vector.
        var tail = plan.N - (plan.N % width);
        for (m = 0; m < plan.M; m++)
        {
            for (var n = tail; n < plan.N; n++)
            {
                output[(int)(outOffset + (m * plan.OutRowStride) + n)] = DotAlong(plan, x, xOffset + (m * plan.XRowStride), y, yOffset + n, yDepthStride);
            }
        }
    }

    private static void ScalarProduct<T>(ContractionPlan plan, ReadOnlySpan<T> x, long xOffset, ReadOnlySpan<T> y, long yOffset, Span<T> output, long outOffset)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var m = 0; m < plan.M; m++)
        {
            for (var n = 0; n < plan.N; n++)
            {
                output[(int)(outOffset + (m * plan.OutRowStride) + n)] = DotAlong(plan, x, xOffset + (m * plan.XRowStride), y, yOffset + (n * plan.YColumnStride), plan.YDepthStride);
            }
        }
    }

    // sum_k x[xStart + k * XDepthStride] * y[yStart + k * yDepthStride], vectorized when both are contiguous.
    private static T DotAlong<T>(ContractionPlan plan, ReadOnlySpan<T> x, long xStart, ReadOnlySpan<T> y, long yStart, long yDepthStride)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var k = 0;
        var sum = T.Zero;
        if (plan.XDepthStride == 1 && yDepthStride == 1 && Vector.IsHardwareAccelerated && plan.K >= Vector<T>.Count)
        {
            var width = Vector<T>.Count;
            Vector<T> acc = default;
            for (; k <= plan.K - width; k += width)
            {
                acc = KernelMath.MultiplyAdd(new Vector<T>(x.Slice((int)xStart + k, width)), new Vector<T>(y.Slice((int)yStart + k, width)), acc);
            }

            sum = Vector.Sum(acc);
        }

        for (; k < plan.K; k++)
        {
            sum += x[(int)(xStart + (k * plan.XDepthStride))] * y[(int)(yStart + (k * yDepthStride))];
        }

        return sum;
    }

    // The offsets of the current batch item in x, y and the output: an odometer over the batch axes, innermost fastest.
    private ref struct BatchCursor
    {
        private readonly IReadOnlyList<BatchAxis> _batch;
        private readonly Span<int> _counter;

        public BatchCursor(ContractionPlan plan, Span<int> counter)
        {
            _batch = plan.Batch;
            _counter = counter;
            X = Y = Out = 0;
        }

        public long X { get; private set; }

        public long Y { get; private set; }

        public long Out { get; private set; }

        public void Advance()
        {
            for (var axis = _batch.Count - 1; axis >= 0; axis--)
            {
                var a = _batch[axis];
                X += a.XStride;
                Y += a.YStride;
                Out += a.OutStride;
                if (++_counter[axis] < a.Size)
                {
                    return;
                }

                _counter[axis] = 0;
                X -= a.XStride * a.Size;
                Y -= a.YStride * a.Size;
                Out -= a.OutStride * a.Size;
            }
        }
    }
}
