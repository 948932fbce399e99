using System.Runtime.CompilerServices;

namespace ShapedTensors.Kernels;

/// <summary>
/// A register-blocked product over the operands as they are (no packing): tiles of up to six output rows by two
/// vectors of columns (twelve accumulators), one pass over k each, then the stores. y's columns must be contiguous
/// (column stride 1) and a row must hold at least one vector (<c>N &gt;= TWidth.Count</c>); a row that is not a
/// whole number of vectors ends with a vector that overlaps the one before it (recomputing a few columns costs
/// less than a scalar tail, and the stores write the same values twice).
/// </summary>
/// <remarks>
/// This is what the generator used to emit for every mid-sized product, with the sizes and strides as
/// arguments instead of constants: the k loop dominates, so constants buy nothing there.
/// </remarks>
internal static unsafe class DirectProduct<T, TWidth, TVector>
    where T : unmanaged
    where TWidth : struct, IVectorWidth<T, TVector>
    where TVector : struct
{
    private const int MaxRows = 6;

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the loop over batch items: tiny items pay for every call
    public static void Run(in ProductLayout p, T* x, T* y, T* output)
    {
        var lanes = TWidth.Count;
        var block = 2 * lanes;
        nint n0 = 0;
        for (; n0 + block <= p.N; n0 += block)
        {
            Columns<Two>(p, x, y + (n0 * p.YColumn), output + n0, lanes);
        }

        var rest = p.N - (int)n0;
        if (rest == 0)
        {
            return;
        }

        // The last columns: two vectors (the second overlapping) or one, moved back so they end at the row's end.
        if (rest > lanes)
        {
            n0 = rest == p.N ? 0 : p.N - block;
            Columns<Two>(p, x, y + (n0 * p.YColumn), output + n0, p.N - n0 - lanes);
        }
        else
        {
            n0 = p.N - lanes;
            Columns<One>(p, x, y + (n0 * p.YColumn), output + n0, 0);
        }
    }

    // Every row of one block of one or two vectors of columns; the second vector starts `second` columns after the first.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Columns<TColumns>(in ProductLayout p, T* x, T* y, T* output, nint second)
        where TColumns : struct, IConstant
    {
        // Eight rows left over are two tiles of four, not six and two: a two-row tile keeps too few accumulators busy
        // to hide the multiply-add latency (32 rows: 6 x 4 + 4 + 4 instead of 6 x 5 + 2).
        var sixes = (p.M / MaxRows) - (p.M >= 8 && p.M % MaxRows == 2 ? 1 : 0);
        var m = 0;
        for (; m < sixes * MaxRows; m += MaxRows)
        {
            Tile<Six, TColumns>(p, x + (m * p.XRow), y, output + (m * p.OutRow), second);
        }

        for (; p.M - m >= 4; m += 4)
        {
            Tile<Four, TColumns>(p, x + (m * p.XRow), y, output + (m * p.OutRow), second);
        }

        var rest = p.M - m;
        if (rest >= 2)
        {
            Tile<Two, TColumns>(p, x + (m * p.XRow), y, output + (m * p.OutRow), second);
            m += 2;
            rest -= 2;
        }

        if (rest == 1)
        {
            Tile<One, TColumns>(p, x + (m * p.XRow), y, output + (m * p.OutRow), second);
        }
    }

    // TRows rows by TColumns vectors: x's value of each row broadcast, y's vectors loaded once per k for every row.
    // The row and column counts are type arguments, so each instantiation keeps only its own accumulators.
    private static void Tile<TRows, TColumns>(in ProductLayout p, T* x, T* y, T* output, nint second)
        where TRows : struct, IConstant
        where TColumns : struct, IConstant
    {
        TVector c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        TVector c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        var (rows, two) = (TRows.Value, TColumns.Value == 2);
        nint r1 = p.XRow, r2 = 2 * p.XRow, r3 = 3 * p.XRow, r4 = 4 * p.XRow, r5 = 5 * p.XRow;
        nint xDepth = p.XDepth, yDepth = p.YDepth;
        for (var k = p.K; k > 0; k--, x += xDepth, y += yDepth)
        {
            var b0 = TWidth.Load(y);
            var b1 = two ? TWidth.Load(y + second) : b0;
            var a = TWidth.Broadcast(x[0]);
            c00 = TWidth.MultiplyAdd(a, b0, c00);
            if (two)
            {
                c01 = TWidth.MultiplyAdd(a, b1, c01);
            }

            if (rows > 1)
            {
                a = TWidth.Broadcast(x[r1]);
                c10 = TWidth.MultiplyAdd(a, b0, c10);
                if (two)
                {
                    c11 = TWidth.MultiplyAdd(a, b1, c11);
                }
            }

            if (rows > 2)
            {
                a = TWidth.Broadcast(x[r2]);
                c20 = TWidth.MultiplyAdd(a, b0, c20);
                if (two)
                {
                    c21 = TWidth.MultiplyAdd(a, b1, c21);
                }

                a = TWidth.Broadcast(x[r3]);
                c30 = TWidth.MultiplyAdd(a, b0, c30);
                if (two)
                {
                    c31 = TWidth.MultiplyAdd(a, b1, c31);
                }
            }

            if (rows > 4)
            {
                a = TWidth.Broadcast(x[r4]);
                c40 = TWidth.MultiplyAdd(a, b0, c40);
                if (two)
                {
                    c41 = TWidth.MultiplyAdd(a, b1, c41);
                }

                a = TWidth.Broadcast(x[r5]);
                c50 = TWidth.MultiplyAdd(a, b0, c50);
                if (two)
                {
                    c51 = TWidth.MultiplyAdd(a, b1, c51);
                }
            }
        }

        var o = p.OutRow;
        Store(output, c00, c01, two, second);
        if (rows > 1)
        {
            Store(output + o, c10, c11, two, second);
        }

        if (rows > 2)
        {
            Store(output + (2 * o), c20, c21, two, second);
            Store(output + (3 * o), c30, c31, two, second);
        }

        if (rows > 4)
        {
            Store(output + (4 * o), c40, c41, two, second);
            Store(output + (5 * o), c50, c51, two, second);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(T* row, TVector first, TVector next, bool two, nint second)
    {
        TWidth.Store(first, row);
        if (two)
        {
            TWidth.Store(next, row + second);
        }
    }
}

/// <summary>A number known to the JIT: kernels take it as a struct type argument and are compiled once per value.</summary>
internal interface IConstant
{
    static abstract int Value { get; }
}

internal readonly struct One : IConstant
{
    public static int Value => 1;
}

internal readonly struct Two : IConstant
{
    public static int Value => 2;
}

internal readonly struct Four : IConstant
{
    public static int Value => 4;
}

internal readonly struct Six : IConstant
{
    public static int Value => 6;
}
