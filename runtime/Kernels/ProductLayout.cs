using System;

namespace ShapedTensors.Kernels;

/// <summary>
/// One matrix product of a strided batched contraction: <c>out[m, n] = sum over k of x[m, k] * y[k, n]</c>, each
/// operand addressed through its strides (in elements); the output's column stride is 1.
/// </summary>
internal readonly struct ProductLayout
{
    public ProductLayout(int m, int n, int k, nint xRow, nint xDepth, nint yDepth, nint yColumn, nint outRow)
    {
        M = m;
        N = n;
        K = k;
        XRow = xRow;
        XDepth = xDepth;
        YDepth = yDepth;
        YColumn = yColumn;
        OutRow = outRow;
    }

    public int M { get; }

    public int N { get; }

    public int K { get; }

    public nint XRow { get; }

    public nint XDepth { get; }

    public nint YDepth { get; }

    public nint YColumn { get; }

    public nint OutRow { get; }

    /// <summary>Multiply-adds of one product.</summary>
    public long MultiplyAdds => (long)M * N * K;

    /// <summary>The same product with y read from a packed, row-major K x N block.</summary>
    public ProductLayout WithPackedY() => new(M, N, K, XRow, XDepth, N, 1, OutRow);

    /// <summary>The last element of one product's x, y or output (from its first), or -1 when it reads or writes none.</summary>
    public (long X, long Y, long Out) Extents()
    {
        if (M == 0 || N == 0)
        {
            return (-1, -1, -1);
        }

        var output = ((M - 1L) * OutRow) + (N - 1L);
        return K == 0
            ? (-1, -1, output)
            : (((M - 1L) * XRow) + ((K - 1L) * XDepth), ((K - 1L) * YDepth) + ((N - 1L) * YColumn), output);
    }

    /// <summary>Throws unless every stride is at least 0 and every size at least 0.</summary>
    public void Validate()
    {
        if (M < 0 || N < 0 || K < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(M), $"A product of [{M}x{K}] . [{K}x{N}] has a negative size.");
        }

        if (XRow < 0 || XDepth < 0 || YDepth < 0 || YColumn < 0 || OutRow < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(XRow), "The strides of a product must be at least 0.");
        }
    }
}
