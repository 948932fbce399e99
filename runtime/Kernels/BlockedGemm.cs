using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ShapedTensors.Kernels;

/// <summary>
/// A cache-blocked, packed matrix product for large sizes, in the manner of BLIS/GotoBLAS: panels of y
/// (<see cref="DepthBlock"/> x <c>NR</c>) and of x (<c>MR</c> x <see cref="DepthBlock"/>) are packed into
/// contiguous buffers that stay in cache, and a register-blocked micro-kernel (6 rows x 2 vectors, twelve
/// FMA accumulators) computes each tile. Strides may be anything (transposes are absorbed by packing).
/// Rows are shared among several threads when the product is large enough (see <see cref="ParallelRows{T}"/>).
/// </summary>
/// <remarks>
/// Generated kernels call this beyond their unroll range, with every argument a constant at the call site;
/// the dynamic tensor calls it for large plans. Buffers are per thread and reused: a single-threaded product
/// allocates nothing.
/// </remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class BlockedGemm
{
    /// <summary>Rows of the micro-kernel.</summary>
    public const int MR = 6;

    /// <summary>How much of k a packed panel spans (its rows of y fit in L1 with a panel of x).</summary>
    public const int DepthBlock = 256;

    /// <summary>How many rows of x a packed block spans (it stays in L2).</summary>
    public const int RowBlock = 96;

    /// <summary>Tests set this to run the Vector256 micro-kernel on hardware that has Vector512.</summary>
    internal static bool DisableVector512 { get; set; }

    /// <summary>Products below this many multiply-adds run on one thread: splitting costs more than it saves.</summary>
    public const long ParallelThreshold = 1L << 22;

    /// <summary>
    /// <c>out[m, n] = sum over k of x[m, k] * y[k, n]</c> for one product, every operand addressed through its
    /// strides (the output's column stride is 1).
    /// </summary>
    /// <param name="m">Rows.</param>
    /// <param name="n">Columns.</param>
    /// <param name="k">The contracted length.</param>
    /// <param name="x">x[0, 0].</param>
    /// <param name="xRowStride">Step through x per row.</param>
    /// <param name="xDepthStride">Step through x per k.</param>
    /// <param name="y">y[0, 0].</param>
    /// <param name="yDepthStride">Step through y per k.</param>
    /// <param name="yColumnStride">Step through y per column.</param>
    /// <param name="output">out[0, 0].</param>
    /// <param name="outRowStride">Step through the output per row.</param>
    public static unsafe void Multiply<T>(int m, int n, int k, ref T x, nint xRowStride, nint xDepthStride, ref T y, nint yDepthStride, nint yColumnStride, ref T output, nint outRowStride)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // The pointers stay valid: callers hold the arrays for the duration, and every worker finishes before this returns.
        fixed (T* px = &x, py = &y, po = &output)
        {
            var job = new Job<T>(m, n, k, px, xRowStride, xDepthStride, py, yDepthStride, yColumnStride, po, outRowStride);
            var panels = (m + MR - 1) / MR;
            var threads = Math.Min(panels, ShapedTensorsSettings.MaxDegreeOfParallelism);
            if (threads < 2 || (long)m * n * k < ParallelThreshold || !ParallelRows<T>.TryRun(job, panels, threads))
            {
                job.RunRows(0, m);
            }
        }
    }

    internal readonly unsafe struct Job<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly int _m, _n, _k;
        private readonly T* _x, _y, _o;
        private readonly nint _xRow, _xDepth, _yDepth, _yColumn, _oRow;

        public Job(int m, int n, int k, T* x, nint xRow, nint xDepth, T* y, nint yDepth, nint yColumn, T* o, nint oRow)
        {
            _m = m;
            _n = n;
            _k = k;
            _x = x;
            _xRow = xRow;
            _xDepth = xDepth;
            _y = y;
            _yDepth = yDepth;
            _yColumn = yColumn;
            _o = o;
            _oRow = oRow;
        }

        /// <summary>The output's row count.</summary>
        public int Rows => _m;

        // Vector512 where the hardware has it (twice the FMA width), else Vector256.
        private static bool Wide => Vector512.IsHardwareAccelerated && !DisableVector512;

        private static int NR => Wide ? 2 * Vector512<T>.Count : 2 * Vector256<T>.Count;

        /// <summary>Rows [first, first + count) of the output, in blocks of <see cref="RowBlock"/> rows.</summary>
        public void RunRows(int first, int count)
        {
            for (var m0 = first; m0 < first + count; m0 += RowBlock)
            {
                RunRowBlock(m0, Math.Min(RowBlock, first + count - m0));
            }
        }

        // One block of rows: for each depth block, pack its x panel, then for each column panel pack y and run the tiles.
        private void RunRowBlock(int m0, int rows)
        {
            var rowPanels = (rows + MR - 1) / MR;
            var columnPanels = (_n + NR - 1) / NR;
            var buffers = Buffers<T>.Get(rowPanels * MR * DepthBlock, NR * DepthBlock);
            fixed (T* packedX = buffers.X, packedY = buffers.Y)
            {
                for (var k0 = 0; k0 < _k; k0 += DepthBlock)
                {
                    var depth = Math.Min(DepthBlock, _k - k0);
                    PackX(packedX, m0, rows, k0, depth);
                    for (var panel = 0; panel < columnPanels; panel++)
                    {
                        var n0 = panel * NR;
                        var columns = Math.Min(NR, _n - n0);
                        PackY(packedY, k0, depth, n0, columns);
                        for (var rowPanel = 0; rowPanel < rowPanels; rowPanel++)
                        {
                            var r0 = rowPanel * MR;
                            var tileRows = Math.Min(MR, rows - r0);
                            var target = _o + ((m0 + r0) * _oRow) + n0;
                            if (Wide)
                            {
                                WideMicroKernel(packedX + (rowPanel * MR * depth), packedY, depth, target, _oRow, tileRows, columns, accumulate: k0 > 0);
                            }
                            else
                            {
                                MicroKernel(packedX + (rowPanel * MR * depth), packedY, depth, target, _oRow, tileRows, columns, accumulate: k0 > 0);
                            }
                        }
                    }
                }
            }
        }

        // x[m0 + r, k0 + p] into panels of MR rows, k-major within a panel (MR values per k), zero-padded.
        private void PackX(T* packed, int m0, int rows, int k0, int depth)
        {
            for (var r0 = 0; r0 < rows; r0 += MR)
            {
                var panel = packed + (r0 * depth);
                for (var p = 0; p < depth; p++)
                {
                    var source = _x + ((m0 + r0) * _xRow) + ((k0 + p) * _xDepth);
                    for (var r = 0; r < MR; r++)
                    {
                        panel[(p * MR) + r] = r0 + r < rows ? source[r * _xRow] : T.Zero;
                    }
                }
            }
        }

        // y[k0 + p, n0 + c] into one panel of NR columns, NR values per k, zero-padded.
        private void PackY(T* packed, int k0, int depth, int n0, int columns)
        {
            for (var p = 0; p < depth; p++)
            {
                var source = _y + ((k0 + p) * _yDepth) + (n0 * _yColumn);
                var row = packed + (p * NR);
                if (_yColumn == 1 && columns == NR)
                {
                    new ReadOnlySpan<T>(source, NR).CopyTo(new Span<T>(row, NR));
                    continue;
                }

                for (var c = 0; c < NR; c++)
                {
                    row[c] = c < columns ? source[c * _yColumn] : T.Zero;
                }
            }
        }

        // A tile of up to MR x NR outputs from a packed x panel and a packed y panel.
        private static void MicroKernel(T* x, T* y, int depth, T* output, nint outRow, int rows, int columns, bool accumulate)
        {
            var width = Vector256<T>.Count;
            Vector256<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
            Vector256<T> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
            for (var p = 0; p < depth; p++)
            {
                var b0 = Vector256.Load(y);
                var b1 = Vector256.Load(y + width);
                var a = Vector256.Create(x[0]);
                c00 = KernelMath.MultiplyAdd(a, b0, c00);
                c01 = KernelMath.MultiplyAdd(a, b1, c01);
                a = Vector256.Create(x[1]);
                c10 = KernelMath.MultiplyAdd(a, b0, c10);
                c11 = KernelMath.MultiplyAdd(a, b1, c11);
                a = Vector256.Create(x[2]);
                c20 = KernelMath.MultiplyAdd(a, b0, c20);
                c21 = KernelMath.MultiplyAdd(a, b1, c21);
                a = Vector256.Create(x[3]);
                c30 = KernelMath.MultiplyAdd(a, b0, c30);
                c31 = KernelMath.MultiplyAdd(a, b1, c31);
                a = Vector256.Create(x[4]);
                c40 = KernelMath.MultiplyAdd(a, b0, c40);
                c41 = KernelMath.MultiplyAdd(a, b1, c41);
                a = Vector256.Create(x[5]);
                c50 = KernelMath.MultiplyAdd(a, b0, c50);
                c51 = KernelMath.MultiplyAdd(a, b1, c51);
                x += MR;
                y += 2 * width;
            }

            if (rows == MR && columns == 2 * width)
            {
                Store(output, c00, c01, accumulate);
                Store(output + outRow, c10, c11, accumulate);
                Store(output + (2 * outRow), c20, c21, accumulate);
                Store(output + (3 * outRow), c30, c31, accumulate);
                Store(output + (4 * outRow), c40, c41, accumulate);
                Store(output + (5 * outRow), c50, c51, accumulate);
                return;
            }

            // An edge tile: write only the rows and columns that exist.
            var tile = stackalloc T[MR * 2 * Vector256<T>.Count];
            var stride = 2 * width;
            Vector256.Store(c00, tile); Vector256.Store(c01, tile + width);
            Vector256.Store(c10, tile + stride); Vector256.Store(c11, tile + stride + width);
            Vector256.Store(c20, tile + (2 * stride)); Vector256.Store(c21, tile + (2 * stride) + width);
            Vector256.Store(c30, tile + (3 * stride)); Vector256.Store(c31, tile + (3 * stride) + width);
            Vector256.Store(c40, tile + (4 * stride)); Vector256.Store(c41, tile + (4 * stride) + width);
            Vector256.Store(c50, tile + (5 * stride)); Vector256.Store(c51, tile + (5 * stride) + width);
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    output[(r * outRow) + c] = accumulate ? output[(r * outRow) + c] + tile[(r * stride) + c] : tile[(r * stride) + c];
                }
            }
        }

        // The same tile with Vector512: 6 rows x 2 vectors of 16 floats (or 8 doubles).
        private static void WideMicroKernel(T* x, T* y, int depth, T* output, nint outRow, int rows, int columns, bool accumulate)
        {
            var width = Vector512<T>.Count;
            Vector512<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
            Vector512<T> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
            for (var p = 0; p < depth; p++)
            {
                var b0 = Vector512.Load(y);
                var b1 = Vector512.Load(y + width);
                var a = Vector512.Create(x[0]);
                c00 = KernelMath.MultiplyAdd(a, b0, c00);
                c01 = KernelMath.MultiplyAdd(a, b1, c01);
                a = Vector512.Create(x[1]);
                c10 = KernelMath.MultiplyAdd(a, b0, c10);
                c11 = KernelMath.MultiplyAdd(a, b1, c11);
                a = Vector512.Create(x[2]);
                c20 = KernelMath.MultiplyAdd(a, b0, c20);
                c21 = KernelMath.MultiplyAdd(a, b1, c21);
                a = Vector512.Create(x[3]);
                c30 = KernelMath.MultiplyAdd(a, b0, c30);
                c31 = KernelMath.MultiplyAdd(a, b1, c31);
                a = Vector512.Create(x[4]);
                c40 = KernelMath.MultiplyAdd(a, b0, c40);
                c41 = KernelMath.MultiplyAdd(a, b1, c41);
                a = Vector512.Create(x[5]);
                c50 = KernelMath.MultiplyAdd(a, b0, c50);
                c51 = KernelMath.MultiplyAdd(a, b1, c51);
                x += MR;
                y += 2 * width;
            }

            var stride = 2 * width;
            if (rows == MR && columns == stride)
            {
                StoreWide(output, c00, c01, accumulate);
                StoreWide(output + outRow, c10, c11, accumulate);
                StoreWide(output + (2 * outRow), c20, c21, accumulate);
                StoreWide(output + (3 * outRow), c30, c31, accumulate);
                StoreWide(output + (4 * outRow), c40, c41, accumulate);
                StoreWide(output + (5 * outRow), c50, c51, accumulate);
                return;
            }

            // An edge tile: write only the rows and columns that exist.
            var tile = stackalloc T[MR * 2 * Vector512<T>.Count];
            Vector512.Store(c00, tile); Vector512.Store(c01, tile + width);
            Vector512.Store(c10, tile + stride); Vector512.Store(c11, tile + stride + width);
            Vector512.Store(c20, tile + (2 * stride)); Vector512.Store(c21, tile + (2 * stride) + width);
            Vector512.Store(c30, tile + (3 * stride)); Vector512.Store(c31, tile + (3 * stride) + width);
            Vector512.Store(c40, tile + (4 * stride)); Vector512.Store(c41, tile + (4 * stride) + width);
            Vector512.Store(c50, tile + (5 * stride)); Vector512.Store(c51, tile + (5 * stride) + width);
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    output[(r * outRow) + c] = accumulate ? output[(r * outRow) + c] + tile[(r * stride) + c] : tile[(r * stride) + c];
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void StoreWide(T* row, Vector512<T> left, Vector512<T> right, bool accumulate)
        {
            var width = Vector512<T>.Count;
            if (accumulate)
            {
                left += Vector512.Load(row);
                right += Vector512.Load(row + width);
            }

            Vector512.Store(left, row);
            Vector512.Store(right, row + width);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Store(T* row, Vector256<T> left, Vector256<T> right, bool accumulate)
        {
            var width = Vector256<T>.Count;
            if (accumulate)
            {
                left += Vector256.Load(row);
                right += Vector256.Load(row + width);
            }

            Vector256.Store(left, row);
            Vector256.Store(right, row + width);
        }
    }

    // Packing buffers, one pair per thread, grown as needed and then reused.
    private static class Buffers<T>
        where T : unmanaged
    {
        [ThreadStatic]
        private static T[]? s_x;

        [ThreadStatic]
        private static T[]? s_y;

        public static (T[] X, T[] Y) Get(int xLength, int yLength)
        {
            if (s_x is null || s_x.Length < xLength)
            {
                s_x = GC.AllocateUninitializedArray<T>(xLength, pinned: true);
            }

            if (s_y is null || s_y.Length < yLength)
            {
                s_y = GC.AllocateUninitializedArray<T>(yLength, pinned: true);
            }

            return (s_x, s_y);
        }
    }
}
