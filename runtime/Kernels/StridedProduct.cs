using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ShapedTensors.Kernels;

/// <summary>
/// The runtime's strided batched matrix product, <c>out[m, n] = sum over k of x[m, k] * y[k, n]</c> for every batch
/// item: the engine behind <see cref="DynamicTensor{T}"/>, and what generated code calls, with constant arguments,
/// for products too large for an unrolled kernel to pay (and for every product in Debug builds, where the caller's
/// own code is not optimized but this precompiled code is).
/// </summary>
/// <remarks>
/// One strategy is chosen per call, from the sizes (<see cref="KernelThresholds"/>) and the hardware, and runs for
/// every batch item: the packed product (<see cref="BlockedGemm"/>) for large products, register-blocked loops
/// over the operands as they are (<c>DirectProduct</c>) for rows at least one vector wide, dot products along k for
/// narrower rows, and plain loops for the rest. A batch whose items are rows or columns of one wider product runs as
/// that product first (<see cref="BatchFolding"/>). Batch axes are given as (size, x stride, y stride, output stride)
/// quadruples, outermost first.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class StridedProduct
{
    /// <summary>One strided batched product.</summary>
    /// <param name="x">The left operand's elements.</param>
    /// <param name="y">The right operand's elements.</param>
    /// <param name="output">The output's elements; every element the product covers is written.</param>
    /// <param name="m">Rows of each product.</param>
    /// <param name="n">Columns of each product.</param>
    /// <param name="k">The contracted length.</param>
    /// <param name="xRowStride">Step through x per row.</param>
    /// <param name="xDepthStride">Step through x per k.</param>
    /// <param name="yDepthStride">Step through y per k.</param>
    /// <param name="yColumnStride">Step through y per column.</param>
    /// <param name="outRowStride">Step through the output per row (the column step is 1).</param>
    /// <param name="batch">The batch axes: (size, x stride, y stride, output stride) for each, outermost first.</param>
    /// <exception cref="ArgumentException">A span is too short for the product, or the batch is not a list of quadruples.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size or a stride is negative.</exception>
    public static void Multiply<T>(
        ReadOnlySpan<T> x,
        ReadOnlySpan<T> y,
        Span<T> output,
        int m,
        int n,
        int k,
        long xRowStride,
        long xDepthStride,
        long yDepthStride,
        long yColumnStride,
        long outRowStride,
        ReadOnlySpan<long> batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var layout = new ProductLayout(m, n, k, (nint)xRowStride, (nint)xDepthStride, (nint)yDepthStride, (nint)yColumnStride, (nint)outRowStride);
        layout.Validate();
        if (!CheckExtents(layout, batch, x.Length, y.Length, output.Length))
        {
            return; // an empty batch: nothing to read or write
        }

        fixed (T* px = x, py = y, po = output)
        {
            Execute(layout, batch, px, py, po);
        }
    }

    /// <summary>Runs a plan of the shape algebra (the dynamic tensor's path).</summary>
    [SkipLocalsInit] // every element of the batch is written below
    internal static void Multiply<T>(ContractionPlan plan, ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<long> batch = stackalloc long[4 * plan.Batch.Count];
        for (var i = 0; i < plan.Batch.Count; i++)
        {
            var axis = plan.Batch[i];
            (batch[4 * i], batch[(4 * i) + 1], batch[(4 * i) + 2], batch[(4 * i) + 3]) = (axis.Size, axis.XStride, axis.YStride, axis.OutStride);
        }

        Multiply(x, y, output, plan.M, plan.N, plan.K, plan.XRowStride, plan.XDepthStride, plan.YDepthStride, plan.YColumnStride, plan.OutRowStride, batch);
    }

    // Every access of the product must fall inside its span: the kernels below use unchecked pointers. False when
    // the batch has no item.
    private static bool CheckExtents(in ProductLayout layout, ReadOnlySpan<long> batch, int xLength, int yLength, int outLength)
    {
        if (batch.Length % 4 != 0)
        {
            throw new ArgumentException($"The batch axes must be (size, x stride, y stride, output stride) quadruples, but {batch.Length} numbers were given.", nameof(batch));
        }

        var (x, y, output) = layout.Extents();
        for (var i = 0; i < batch.Length; i += 4)
        {
            var size = batch[i];
            if (size < 0 || batch[i + 1] < 0 || batch[i + 2] < 0 || batch[i + 3] < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(batch), "Batch sizes and strides must be at least 0.");
            }

            if (size == 0)
            {
                return false;
            }

            x += x < 0 ? 0 : (size - 1) * batch[i + 1];
            y += y < 0 ? 0 : (size - 1) * batch[i + 2];
            output += output < 0 ? 0 : (size - 1) * batch[i + 3];
        }

        if (x >= xLength || y >= yLength || output >= outLength)
        {
            throw new ArgumentException(
                $"A product of [{layout.M}x{layout.K}] . [{layout.K}x{layout.N}] with these strides reaches elements {x}, {y} and {output} of x, y and the output, whose lengths are {xLength}, {yLength} and {outLength}.");
        }

        return output >= 0;
    }

    // A batch whose items are rows or columns of one wider product runs as that product (BatchFolding).
    private static void Execute<T>(in ProductLayout layout, ReadOnlySpan<long> batch, T* x, T* y, T* output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var p = layout;
        BatchFolding.FoldRows(ref p, ref batch);
        if (BatchFolding.ArePackableColumns(p, batch, sizeof(T), out var items, out var yStride))
        {
            RunPackedColumns(p, batch, items, yStride, x, y, output);
        }
        else
        {
            Run(p, batch, x, y, output);
        }
    }

    [SkipLocalsInit] // the odometer clears its counter
    private static void RunPackedColumns<T>(in ProductLayout p, ReadOnlySpan<long> batch, int items, nint yStride, T* x, T* y, T* output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var wide = BatchFolding.Columns(p, items);
        var outer = batch[..^4];
        var odometer = new BatchOdometer(outer, outer.IsEmpty ? default : stackalloc long[outer.Length / 4]);
        fixed (T* block = Scratch<T>.Columns(wide.K * wide.N))
        {
            do
            {
                BatchFolding.PackColumns(p, items, yStride, y + odometer.Y, block);
                Run(wide, ReadOnlySpan<long>.Empty, x + odometer.X, block, output + odometer.Out);
            }
            while (odometer.Next());
        }
    }

    [SkipLocalsInit] // the odometer clears its counter
    private static void Run<T>(in ProductLayout p, ReadOnlySpan<long> batch, T* x, T* y, T* output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Most products have no batch axis: no odometer for them.
        var items = new BatchOdometer(batch, batch.IsEmpty ? default : stackalloc long[batch.Length / 4]);
        if (p.K == 0)
        {
            // An empty sum is zero.
            do
            {
                for (var m = 0; m < p.M; m++)
                {
                    new Span<T>(output + items.Out + (m * p.OutRow), p.N).Clear();
                }
            }
            while (items.Next());
        }
        else if (Vector256.IsHardwareAccelerated
            && (KernelThresholds.IsLarge(p.M, p.N, p.K) || KernelThresholds.IsParallel(p.M, p.N, p.K, ShapedTensorsSettings.MaxDegreeOfParallelism)))
        {
            do
            {
                BlockedGemm.Multiply(
                    p.M, p.N, p.K, ref *(x + items.X), p.XRow, p.XDepth, ref *(y + items.Y), p.YDepth, p.YColumn, ref *(output + items.Out), p.OutRow);
            }
            while (items.Next());
        }
        else if (Vector512.IsHardwareAccelerated && p.N >= Vector512<T>.Count)
        {
            Direct<T, Width512<T>, Vector512<T>>(p, ref items, x, y, output);
        }
        else if (Vector256.IsHardwareAccelerated && p.N >= Vector256<T>.Count)
        {
            Direct<T, Width256<T>, Vector256<T>>(p, ref items, x, y, output);
        }
        else if (Vector128.IsHardwareAccelerated && p.N >= Vector128<T>.Count)
        {
            Direct<T, Width128<T>, Vector128<T>>(p, ref items, x, y, output);
        }
        else if (Vector128.IsHardwareAccelerated && KernelThresholds.IsDotAlongK(p.N, p.K, p.XDepth, sizeof(T)))
        {
            var column = p.YDepth == 1 ? default : Scratch<T>.Operand(p.K);
            do
            {
                NarrowProduct<T>.Run(p, x + items.X, y + items.Y, output + items.Out, column);
            }
            while (items.Next());
        }
        else
        {
            do
            {
                ScalarProduct<T>.Run(p, x + items.X, y + items.Y, output + items.Out);
            }
            while (items.Next());
        }
    }

    // The register-blocked loops need y's columns contiguous; a transposed y is packed row-major first, per item.
    private static void Direct<T, TWidth, TVector>(in ProductLayout p, ref BatchOdometer items, T* x, T* y, T* output)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : struct, IVectorWidth<T, TVector>
        where TVector : struct
    {
        if (p.YColumn == 1)
        {
            do
            {
                DirectProduct<T, TWidth, TVector>.Run(p, x + items.X, y + items.Y, output + items.Out);
            }
            while (items.Next());
            return;
        }

        var packed = p.WithPackedY();
        fixed (T* block = Scratch<T>.Operand(p.K * p.N))
        {
            do
            {
                PackY(p, y + items.Y, block);
                DirectProduct<T, TWidth, TVector>.Run(packed, x + items.X, block, output + items.Out);
            }
            while (items.Next());
        }
    }

    private static void PackY<T>(in ProductLayout p, T* y, T* block)
        where T : unmanaged
    {
        for (var k = 0; k < p.K; k++, block += p.N)
        {
            var row = y + (k * p.YDepth);
            for (var n = 0; n < p.N; n++)
            {
                block[n] = row[n * p.YColumn];
            }
        }
    }

    // The offsets of the current batch item in x, y and the output: an odometer over the batch axes, innermost fastest.
    private ref struct BatchOdometer
    {
        private readonly ReadOnlySpan<long> _axes;
        private readonly Span<long> _counter;

        public BatchOdometer(ReadOnlySpan<long> axes, Span<long> counter)
        {
            _axes = axes;
            _counter = counter;
            counter.Clear();
        }

        public nint X { get; private set; }

        public nint Y { get; private set; }

        public nint Out { get; private set; }

        /// <summary>Moves to the next item; false after the last one.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Next()
        {
            if (_counter.Length == 1)
            {
                // One batch axis, as most plans have once adjacent axes are merged: no carry.
                X += (nint)_axes[1];
                Y += (nint)_axes[2];
                Out += (nint)_axes[3];
                return ++_counter[0] < _axes[0];
            }

            for (var axis = _counter.Length - 1; axis >= 0; axis--)
            {
                var (size, xStride, yStride, outStride) = ((nint)_axes[4 * axis], (nint)_axes[(4 * axis) + 1], (nint)_axes[(4 * axis) + 2], (nint)_axes[(4 * axis) + 3]);
                X += xStride;
                Y += yStride;
                Out += outStride;
                if (++_counter[axis] < size)
                {
                    return true;
                }

                _counter[axis] = 0;
                X -= xStride * size;
                Y -= yStride * size;
                Out -= outStride * size;
            }

            return false;
        }
    }

    // Scratch buffers per thread, grown as needed and then reused (pinned, so a pointer to them stays valid): one for
    // the batch's columns packed together, one for an item's y (or column) packed by the strategy that runs it.
    private static class Scratch<T>
        where T : unmanaged
    {
        [ThreadStatic]
        private static T[]? s_columns;

        [ThreadStatic]
        private static T[]? s_operand;

        public static T[] Columns(int length) => Get(ref s_columns, length);

        public static T[] Operand(int length) => Get(ref s_operand, length);

        private static T[] Get(ref T[]? buffer, int length)
        {
            if (buffer is null || buffer.Length < length)
            {
                buffer = GC.AllocateUninitializedArray<T>(Math.Max(length, 256), pinned: true);
            }

            return buffer;
        }
    }
}
