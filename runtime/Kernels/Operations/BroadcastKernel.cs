using System;
using System.Numerics;

namespace ShapedTensors.Kernels.Operations;

/// <summary>Binary operations with numpy broadcasting (OPS.md §1) on shapes already checked.</summary>
/// <remarks>
/// Every case is one walk over a coalesced <see cref="StridedLayout"/> whose innermost run is one vectorized row
/// operation: same shapes coalesce to a single row, a scalar side to a row against one element, a bias-like
/// <c>(m,n) op (n)</c> to m rows against the same row, <c>(m,n) op (m,1)</c> to m rows against one element each;
/// any other broadcast walks its outer axes by strides. Which of the three row forms applies is decided once per call,
/// not per row, and two coalesced axes (the bias-like cases) step by multiplication without a walk.
/// </remarks>
internal static class BroadcastKernel
{
    public static void Run<T>(ElementwiseOperation operation, ReadOnlySpan<T> x, Shape xShape, ReadOnlySpan<T> y, Shape yShape, Span<T> output, Shape resultShape)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (output.IsEmpty)
        {
            return;
        }

        if (xShape == yShape)
        {
            RowOperations.Rows(operation, x, y, output); // the common case, without building a layout
            return;
        }

        var rank = resultShape.Rank;
        Span<int> scratch = rank <= StridedLayout.StackRank ? stackalloc int[4 * StridedLayout.StackRank] : new int[StridedLayout.Scratch(rank)];
        StridedLayout.Split(scratch, rank, out var dims, out var a, out var b, out var index);
        StridedLayout.DimensionsOf(resultShape, dims[..rank]);
        StridedLayout.Broadcast(xShape, a[..rank]);
        StridedLayout.Broadcast(yShape, b[..rank]);
        var layout = StridedLayout.Coalesce(dims, a, b, rank);

        // Both steps are 0 only for a one-element result; an innermost step that is not 0 is 1 (row-major).
        var (inner, outer) = (layout.Inner, layout.Rank - 1);
        var form = inner == 1 || (layout.A[^1] != 0 && layout.B[^1] != 0) ? Form.Rows : layout.B[^1] == 0 ? Form.RowScalar : Form.ScalarRow;
        var count = layout.Count(outer);
        if (outer <= 1)
        {
            var (xStep, yStep) = outer == 0 ? (0, 0) : (layout.A[0], layout.B[0]);
            for (int row = 0, start = 0; row < count; row++, start += inner)
            {
                Row(operation, form, x, row * xStep, y, row * yStep, output.Slice(start, inner));
            }

            return;
        }

        var walk = new StridedWalk(layout, index, outer);
        for (int row = 0, start = 0; row < count; row++, start += inner)
        {
            Row(operation, form, x, walk.OffsetA, y, walk.OffsetB, output.Slice(start, inner));
            walk.Next();
        }
    }

    private static void Row<T>(ElementwiseOperation operation, Form form, ReadOnlySpan<T> x, int xOffset, ReadOnlySpan<T> y, int yOffset, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (form)
        {
            case Form.RowScalar: RowOperations.RowScalar(operation, x.Slice(xOffset, destination.Length), y[yOffset], destination); break;
            case Form.ScalarRow: RowOperations.ScalarRow(operation, x[xOffset], y.Slice(yOffset, destination.Length), destination); break;
            default: RowOperations.Rows(operation, x.Slice(xOffset, destination.Length), y.Slice(yOffset, destination.Length), destination); break;
        }
    }

    // How the innermost run combines the operands.
    private enum Form
    {
        Rows,
        RowScalar,
        ScalarRow,
    }
}
