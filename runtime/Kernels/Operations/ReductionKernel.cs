using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace ShapedTensors.Kernels.Operations;

/// <summary>
/// <c>Sum</c>, <c>Mean</c>, <c>Max</c>, <c>Min</c>, <c>Prod</c> over a sorted set of axes (OPS.md §4), into the kept
/// axes in row-major order (with or without <c>keepdims</c>: the same elements).
/// </summary>
/// <remarks>
/// The input is walked with the output as an accumulator whose stride is 0 along every reduced axis. After coalescing,
/// the innermost run is either reduced (the last axis is: one TensorPrimitives reduction per row, folded into one
/// accumulator) or kept (a leading axis is: the row is combined into a row of accumulators).
/// </remarks>
internal static class ReductionKernel
{
    public static void Run<T>(ReductionOperation operation, ReadOnlySpan<T> x, Shape shape, ReadOnlySpan<int> axes, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var combine = operation switch
        {
            ReductionOperation.Max => ElementwiseOperation.Maximum,
            ReductionOperation.Min => ElementwiseOperation.Minimum,
            ReductionOperation.Prod => ElementwiseOperation.Multiply,
            _ => ElementwiseOperation.Add,
        };

        // The identity of each combination: an empty reduction gives it (numpy: sum 0, prod 1; TensorFlow: max -inf,
        // min +inf).
        output.Fill(combine switch
        {
            ElementwiseOperation.Maximum => T.NegativeInfinity,
            ElementwiseOperation.Minimum => T.PositiveInfinity,
            ElementwiseOperation.Multiply => T.One,
            _ => T.Zero,
        });

        var rank = shape.Rank;
        Span<int> scratch = rank <= StridedLayout.StackRank ? stackalloc int[4 * StridedLayout.StackRank] : new int[StridedLayout.Scratch(rank)];
        StridedLayout.Split(scratch, rank, out var dims, out var source, out var accumulator, out var index);
        StridedLayout.DimensionsOf(shape, dims[..rank]);
        StridedLayout.RowMajor(dims[..rank], source[..rank]);
        var reduced = 1;
        var stride = 1;
        for (var axis = rank - 1; axis >= 0; axis--)
        {
            if (axes.Contains(axis))
            {
                accumulator[axis] = 0;
                reduced *= shape[axis];
            }
            else
            {
                accumulator[axis] = stride;
                stride *= shape[axis];
            }
        }

        if (!x.IsEmpty)
        {
            Accumulate(combine, x, StridedLayout.Coalesce(dims, source, accumulator, rank), index, output);
        }

        if (operation == ReductionOperation.Mean)
        {
            // A mean over no elements is 0 / 0 = NaN, as numpy's.
            TensorPrimitives.Divide(output, T.CreateChecked(reduced), output);
        }
    }

    private static void Accumulate<T>(ElementwiseOperation combine, ReadOnlySpan<T> x, StridedLayout layout, Span<int> index, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (inner, outer) = (layout.Inner, layout.Rank - 1);
        if (outer <= 1 && layout.B[^1] == 0 && (outer == 0 || layout.A[0] == inner))
        {
            // The last axes reduced, rows laid end to end (Sum(-1) of a matrix): one reduction per row, written
            // straight into its element, without the walk or the fold into the identity.
            var step = outer == 0 ? 0 : layout.B[0];
            for (int row = 0, count = layout.Count(outer), start = 0; row < count; row++, start += inner)
            {
                output[row * step] = Reduce(combine, x.Slice(start, inner));
            }

            return;
        }

        var walk = new StridedWalk(layout, index, outer);
        var keptInner = layout.B[^1] != 0;
        for (int row = 0, count = layout.Count(outer); row < count; row++)
        {
            var source = x.Slice(walk.OffsetA, inner);
            if (keptInner)
            {
                var target = output.Slice(walk.OffsetB, inner);
                RowOperations.Rows(combine, target, source, target);
            }
            else
            {
                output[walk.OffsetB] = RowOperations.Scalar(combine, output[walk.OffsetB], Reduce(combine, source));
            }

            walk.Next();
        }
    }

    private static T Reduce<T>(ElementwiseOperation combine, ReadOnlySpan<T> row)
        where T : unmanaged, IFloatingPointIeee754<T>
        => combine switch
        {
            ElementwiseOperation.Maximum => TensorPrimitives.Max(row),
            ElementwiseOperation.Minimum => TensorPrimitives.Min(row),
            ElementwiseOperation.Multiply => TensorPrimitives.Product(row),
            _ => TensorPrimitives.Sum(row),
        };
}
