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

    /// <summary>How many columns of y are packed at once (DepthBlock x ColumnBlock: 2 MB of floats, in L2 and L3).</summary>
    public const int ColumnBlock = 2048;

    /// <summary>Tests set this to run the Vector256 micro-kernel on hardware that has Vector512.</summary>
    internal static bool DisableVector512 { get; set; }

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
        if (m == 0 || n == 0)
        {
            return;
        }

        if (k == 0)
        {
            // A sum over nothing: every output element is 0, and neither operand is read.
            for (var row = 0; row < m; row++)
            {
                MemoryMarshal.CreateSpan(ref Unsafe.Add(ref output, row * outRowStride), n).Clear();
            }

            return;
        }

        // The pointers stay valid: callers hold the arrays for the duration, and every worker finishes before this returns.
        fixed (T* px = &x, py = &y, po = &output)
        {
            var job = new Job<T>(m, n, k, px, xRowStride, xDepthStride, py, yDepthStride, yColumnStride, po, outRowStride);
            var panels = (m + MR - 1) / MR;
            var threads = Math.Min(panels, ShapedTensorsSettings.MaxDegreeOfParallelism);
            if (threads < 2 || (long)m * n * k < KernelThresholds.ParallelProduct || !ParallelRows<T>.TryRun(job, panels, threads))
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

            // Read once per product: packing and tiles must agree on the width even if a test flips the switch meanwhile.
            Wide = Vector512.IsHardwareAccelerated && !DisableVector512;
        }

        // Vector512 where the hardware has it (twice the FMA width), else Vector256.
        private bool Wide { get; }

        /// <summary>The output's row count.</summary>
        public int Rows => _m;

        private int NR => Wide ? 2 * Vector512<T>.Count : 2 * Vector256<T>.Count;

        /// <summary>
        /// Rows [first, first + count) of the output. For each block of columns and of depth, y is packed once
        /// into panels of NR columns; then each block of <see cref="RowBlock"/> rows packs its x and runs every
        /// tile, each y panel staying in L1 while the block's row panels use it.
        /// </summary>
        public void RunRows(int first, int count)
        {
            var panels = (Math.Min(_n, ColumnBlock) + NR - 1) / NR;
            var buffers = Buffers<T>.Get(RowBlock * DepthBlock, panels * NR * DepthBlock);
            fixed (T* packedX = buffers.X, packedY = buffers.Y)
            {
                for (var n0 = 0; n0 < _n; n0 += ColumnBlock)
                {
                    var columns = Math.Min(ColumnBlock, _n - n0);
                    for (var k0 = 0; k0 < _k; k0 += DepthBlock)
                    {
                        var depth = Math.Min(DepthBlock, _k - k0);
                        for (var panel = 0; panel * NR < columns; panel++)
                        {
                            PackY(packedY + (panel * NR * depth), k0, depth, n0 + (panel * NR), Math.Min(NR, columns - (panel * NR)));
                        }

                        for (var m0 = first; m0 < first + count; m0 += RowBlock)
                        {
                            var rows = Math.Min(RowBlock, first + count - m0);
                            PackX(packedX, m0, rows, k0, depth);
                            RunTiles(packedX, packedY, m0, rows, n0, columns, depth, accumulate: k0 > 0);
                        }
                    }
                }
            }
        }

        // Every tile of a block of rows and columns, for one packed depth block of x and y.
        private void RunTiles(T* packedX, T* packedY, int m0, int rows, int n0, int columns, int depth, bool accumulate)
        {
            for (var panel = 0; panel * NR < columns; panel++)
            {
                var panelY = packedY + (panel * NR * depth);
                var panelColumns = Math.Min(NR, columns - (panel * NR));
                for (var r0 = 0; r0 < rows; r0 += MR)
                {
                    var target = _o + ((m0 + r0) * _oRow) + n0 + (panel * NR);
                    var panelX = packedX + (r0 * depth);
                    var tileRows = Math.Min(MR, rows - r0);
                    if (Wide)
                    {
                        MicroKernel<Width512, Vector512<T>>(panelX, panelY, depth, target, _oRow, tileRows, panelColumns, accumulate);
                    }
                    else
                    {
                        MicroKernel<Width256, Vector256<T>>(panelX, panelY, depth, target, _oRow, tileRows, panelColumns, accumulate);
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

        // A tile of up to MR x NR outputs from a packed x panel and a packed y panel: 6 rows x 2 vectors.
        private static void MicroKernel<TWidth, TVector>(T* x, T* y, int depth, T* output, nint outRow, int rows, int columns, bool accumulate)
            where TWidth : struct, IWidth<TVector>
            where TVector : struct
        {
            var width = TWidth.Count;
            TVector c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
            TVector c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
            for (var p = 0; p < depth; p++)
            {
                var b0 = TWidth.Load(y);
                var b1 = TWidth.Load(y + width);
                var a = TWidth.Broadcast(x[0]);
                c00 = TWidth.MultiplyAdd(a, b0, c00);
                c01 = TWidth.MultiplyAdd(a, b1, c01);
                a = TWidth.Broadcast(x[1]);
                c10 = TWidth.MultiplyAdd(a, b0, c10);
                c11 = TWidth.MultiplyAdd(a, b1, c11);
                a = TWidth.Broadcast(x[2]);
                c20 = TWidth.MultiplyAdd(a, b0, c20);
                c21 = TWidth.MultiplyAdd(a, b1, c21);
                a = TWidth.Broadcast(x[3]);
                c30 = TWidth.MultiplyAdd(a, b0, c30);
                c31 = TWidth.MultiplyAdd(a, b1, c31);
                a = TWidth.Broadcast(x[4]);
                c40 = TWidth.MultiplyAdd(a, b0, c40);
                c41 = TWidth.MultiplyAdd(a, b1, c41);
                a = TWidth.Broadcast(x[5]);
                c50 = TWidth.MultiplyAdd(a, b0, c50);
                c51 = TWidth.MultiplyAdd(a, b1, c51);
                x += MR;
                y += 2 * width;
            }

            var stride = 2 * width;
            if (rows == MR && columns == stride)
            {
                StoreRow<TWidth, TVector>(output, c00, c01, accumulate);
                StoreRow<TWidth, TVector>(output + outRow, c10, c11, accumulate);
                StoreRow<TWidth, TVector>(output + (2 * outRow), c20, c21, accumulate);
                StoreRow<TWidth, TVector>(output + (3 * outRow), c30, c31, accumulate);
                StoreRow<TWidth, TVector>(output + (4 * outRow), c40, c41, accumulate);
                StoreRow<TWidth, TVector>(output + (5 * outRow), c50, c51, accumulate);
                return;
            }

            // An edge tile: write only the rows and columns that exist.
            var tile = stackalloc T[MR * 2 * Vector512<T>.Count];
            StoreRow<TWidth, TVector>(tile, c00, c01, accumulate: false);
            StoreRow<TWidth, TVector>(tile + stride, c10, c11, accumulate: false);
            StoreRow<TWidth, TVector>(tile + (2 * stride), c20, c21, accumulate: false);
            StoreRow<TWidth, TVector>(tile + (3 * stride), c30, c31, accumulate: false);
            StoreRow<TWidth, TVector>(tile + (4 * stride), c40, c41, accumulate: false);
            StoreRow<TWidth, TVector>(tile + (5 * stride), c50, c51, accumulate: false);
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    output[(r * outRow) + c] = accumulate ? output[(r * outRow) + c] + tile[(r * stride) + c] : tile[(r * stride) + c];
                }
            }
        }

        // Two vectors of one output row, added to what is there when a previous depth block wrote it.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void StoreRow<TWidth, TVector>(T* row, TVector left, TVector right, bool accumulate)
            where TWidth : struct, IWidth<TVector>
            where TVector : struct
        {
            if (accumulate)
            {
                left = TWidth.Add(left, TWidth.Load(row));
                right = TWidth.Add(right, TWidth.Load(row + TWidth.Count));
            }

            TWidth.Store(left, row);
            TWidth.Store(right, row + TWidth.Count);
        }

        // The vector operations of one micro-kernel width. The JIT compiles a copy of the micro-kernel per
        // width (struct type arguments), with these calls inlined: the code of two hand-written copies, written once.
        private interface IWidth<TVector>
            where TVector : struct
        {
            static abstract int Count { get; }

            static abstract TVector Load(T* source);

            static abstract void Store(TVector value, T* destination);

            static abstract TVector Broadcast(T value);

            static abstract TVector MultiplyAdd(TVector a, TVector b, TVector c);

            static abstract TVector Add(TVector a, TVector b);
        }

        private readonly struct Width256 : IWidth<Vector256<T>>
        {
            public static int Count => Vector256<T>.Count;

            public static Vector256<T> Load(T* source) => Vector256.Load(source);

            public static void Store(Vector256<T> value, T* destination) => Vector256.Store(value, destination);

            public static Vector256<T> Broadcast(T value) => Vector256.Create(value);

            public static Vector256<T> MultiplyAdd(Vector256<T> a, Vector256<T> b, Vector256<T> c) => KernelMath.MultiplyAdd(a, b, c);

            public static Vector256<T> Add(Vector256<T> a, Vector256<T> b) => a + b;
        }

        private readonly struct Width512 : IWidth<Vector512<T>>
        {
            public static int Count => Vector512<T>.Count;

            public static Vector512<T> Load(T* source) => Vector512.Load(source);

            public static void Store(Vector512<T> value, T* destination) => Vector512.Store(value, destination);

            public static Vector512<T> Broadcast(T value) => Vector512.Create(value);

            public static Vector512<T> MultiplyAdd(Vector512<T> a, Vector512<T> b, Vector512<T> c) => KernelMath.MultiplyAdd(a, b, c);

            public static Vector512<T> Add(Vector512<T> a, Vector512<T> b) => a + b;
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
