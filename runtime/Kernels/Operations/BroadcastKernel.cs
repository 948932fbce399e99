using System;
using System.Numerics;

namespace ShapedTensors.Kernels.Operations;

/// <summary>Binary operations with numpy broadcasting (OPS.md §1) on shapes already checked.</summary>
/// <remarks>
/// Every case is one walk over a coalesced <see cref="StridedLayout"/> whose innermost run is one vectorized row
/// operation: same shapes coalesce to a single row, a scalar side to a row against one element, a bias-like
/// <c>(m,n) op (n)</c> to m rows against the same row, <c>(m,n) op (m,1)</c> to m rows against one element each;
/// any other broadcast walks its outer axes by strides.
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
        var layout = StridedLayout.Coalesce(resultShape.ToArray(), StridedLayout.Broadcast(xShape, rank), StridedLayout.Broadcast(yShape, rank));
        var (inner, outer) = (layout.Inner, layout.Rank - 1);
        var (xStep, yStep) = (layout.A[^1], layout.B[^1]);
        var walk = new StridedWalk(layout, stackalloc int[outer], outer);
        for (int row = 0, count = layout.Count(outer), start = 0; row < count; row++, start += inner)
        {
            var destination = output.Slice(start, inner);
            // Both steps are 0 only for a one-element result; an innermost step that is not 0 is 1 (row-major).
            if (yStep == 0 && inner > 1)
            {
                RowOperations.RowScalar(operation, x.Slice(walk.OffsetA, inner), y[walk.OffsetB], destination);
            }
            else if (xStep == 0 && inner > 1)
            {
                RowOperations.ScalarRow(operation, x[walk.OffsetA], y.Slice(walk.OffsetB, inner), destination);
            }
            else
            {
                RowOperations.Rows(operation, x.Slice(walk.OffsetA, inner), y.Slice(walk.OffsetB, inner), destination);
            }

            walk.Next();
        }
    }
}
