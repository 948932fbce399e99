using System;

namespace ShapedTensors.Kernels;

/// <summary>
/// Turns the innermost batch axis of a strided batched product into rows or columns of one wider product, where its
/// items are exactly that: a batch of small products runs as one product the kernels handle at full width (and the
/// packed product, or both cores, once it is large enough).
/// </summary>
/// <remarks>
/// Two patterns are common. Items that share y and follow each other in x and the output are rows of one product
/// (<c>tf.matmul</c> of a batch by one matrix: (5, 16, 4, 7, 52)·(52, 42) is one 2240·52·42 product, not 320 of 7 rows).
/// Items that share x and sit side by side in the output's rows are columns of one product (<c>K.dot</c> of a matrix
/// by a stack of narrow matrices: (8, 60, 22)·(2, 8, 22, 3) is one 480·22·48 product, not 16 products three columns
/// wide, each column a dot product); their columns of y, strided apart, are first packed into one row-major block.
/// </remarks>
internal static class BatchFolding
{
    /// <summary>Above this many elements the columns' block is not packed (the items are run one by one instead).</summary>
    private const long MaxPackedElements = 1L << 20;

    /// <summary>
    /// Folds the innermost batch axes whose items are rows of one product (y shared, x and the output stepping by
    /// whole products) into the rows, as long as they are.
    /// </summary>
    public static void FoldRows(ref ProductLayout p, ref ReadOnlySpan<long> batch)
    {
        while (batch.Length >= 4)
        {
            var (size, xStride, yStride, outStride) = Innermost(batch);
            if (yStride != 0 || p.M == 0 || p.N == 0 || size > int.MaxValue / p.M)
            {
                return;
            }

            if (p.M == 1)
            {
                // One row per item: the items' own steps become the row strides.
                p = new ProductLayout((int)size, p.N, p.K, (nint)xStride, p.XDepth, p.YDepth, p.YColumn, (nint)outStride);
            }
            else if (xStride == p.M * p.XRow && outStride == p.M * p.OutRow)
            {
                p = new ProductLayout((int)(p.M * size), p.N, p.K, p.XRow, p.XDepth, p.YDepth, p.YColumn, p.OutRow);
            }
            else
            {
                return;
            }

            batch = batch[..^4];
        }
    }

    /// <summary>
    /// Whether the innermost batch axis is columns of one product worth packing: x shared, each item's columns right
    /// after the previous item's in the output rows, and rows narrower than the widest vector (wider rows already run
    /// at full width one item at a time), with enough rows to pay for the packing.
    /// </summary>
    /// <param name="p">One item's product.</param>
    /// <param name="batch">The batch axes.</param>
    /// <param name="elementSize">The size of an element in bytes.</param>
    /// <param name="items">The number of items to fold: the innermost axis' size.</param>
    /// <param name="yStride">The step through y from one item to the next.</param>
    public static bool ArePackableColumns(in ProductLayout p, ReadOnlySpan<long> batch, int elementSize, out int items, out nint yStride)
    {
        (items, yStride) = (0, 0);
        if (batch.Length < 4 || p.K == 0 || p.M < 4 || p.N * elementSize >= 64)
        {
            return false;
        }

        var (size, xStride, itemYStride, outStride) = Innermost(batch);
        if (xStride != 0 || outStride != p.N || size * p.N * p.K > MaxPackedElements || p.OutRow < size * p.N)
        {
            return false;
        }

        (items, yStride) = ((int)size, (nint)itemYStride);
        return true;
    }

    /// <summary>Copies the items' y into one row-major K x (items · N) block: item i's columns are block columns i·N to i·N + N − 1.</summary>
    public static unsafe void PackColumns<T>(in ProductLayout p, int items, nint yStride, T* y, T* block)
        where T : unmanaged
    {
        var width = (nint)items * p.N;
        for (var k = 0; k < p.K; k++)
        {
            var row = block + (k * width);
            for (var item = 0; item < items; item++, row += p.N)
            {
                var source = y + (item * yStride) + (k * p.YDepth);
                for (var n = 0; n < p.N; n++)
                {
                    row[n] = source[n * p.YColumn];
                }
            }
        }
    }

    /// <summary>The product of all the items' columns, reading y from the packed block.</summary>
    public static ProductLayout Columns(in ProductLayout p, int items)
    {
        var width = items * p.N;
        return new ProductLayout(p.M, width, p.K, p.XRow, p.XDepth, width, 1, p.OutRow);
    }

    private static (long Size, long XStride, long YStride, long OutStride) Innermost(ReadOnlySpan<long> batch)
        => (batch[^4], batch[^3], batch[^2], batch[^1]);
}
