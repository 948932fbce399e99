// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
using System.Collections.Generic;

namespace ShapedTensors;

/// <content>
/// <c>keras.backend.batch_dot</c> as Keras 2.2.5 rewrote it and tf.keras adopted it in TensorFlow 2.0
/// (<see cref="BatchDotSemantics.TfKeras"/>; SEMANTICS.md §9).
/// </content>
public static partial class ShapeAlgebra
{
    private const string AxisZero = "Cannot perform batch_dot over axis 0. If your inputs are not batched, add a dummy batch dimension to your inputs using K.expand_dims(x, 0)";

    // Its checks run in Python before any op exists, so their errors are unframed (the texts are tf.keras'; Keras
    // 2.2.5 spells "Can not"). Past them, the ops it builds (expand_dims, transpose, reshape, matmul, squeeze) cannot
    // fail: only axis 0 is a batch axis, and every other axis of x, then of y, but the contracted ones is kept.
    private static ContractionResult TfKerasBatchDot(Shape x, Shape y, (int X, int Y)? axes)
    {
        if (x.Rank < 2 || y.Rank < 2)
        {
            return Unframed($"Cannot do batch_dot on inputs with rank < 2. Received inputs with shapes {x} and {y}.", x, y);
        }

        if (x[0] != y[0])
        {
            return Unframed($"Cannot do batch_dot on inputs with different batch sizes. Received inputs with shapes {x} and {y}.", x, y);
        }

        // Where Keras would index past an operand's shape (or wrap around), we reject the axes, as for Keras 2.2.4.
        if (axes is { } given && (!StaticShapeAlgebra.InRange(given.X, x.Rank) || !StaticShapeAlgebra.InRange(given.Y, y.Rank)))
        {
            return ContractionResult.Failure(ShapeError.AxesOutOfRange(StaticShape.Of(x), StaticShape.Of(y), given.X, given.Y));
        }

        // The default contracts x's last axis with y's second-to-last, or with its last when y is rank 2.
        var (a0, a1) = axes ?? (x.Rank - 1, y.Rank == 2 ? 1 : y.Rank - 2);
        a0 = a0 < 0 ? a0 + x.Rank : a0;
        a1 = a1 < 0 ? a1 + y.Rank : a1;
        if (a0 == 0 || a1 == 0)
        {
            return Unframed(AxisZero, x, y);
        }

        if (x[a0] != y[a1])
        {
            return Unframed($"Cannot do batch_dot on inputs with shapes {x} and {y} with axes=[{a0}, {a1}]. x.shape[{a0}] != y.shape[{a1}] ({x[a0]} != {y[a1]}).", x, y);
        }

        return TfKerasPlan(x, y, a0, a1);
    }

    // out[b, i.., j..] = sum over k of x[b, i.. with k at a0] * y[b, j.. with k at a1]. A rank-2 operand keeps no axis
    // (Keras expands it and squeezes the 1 back out), except that two rank-2 operands leave a trailing 1: (b, 1).
    private static ContractionResult TfKerasPlan(Shape x, Shape y, int a0, int a1)
    {
        var xKept = KeptAxes(x, a0);
        var yKept = KeptAxes(y, a1);
        var result = new List<int>(2 + xKept.Count + yKept.Count) { x[0] };
        result.AddRange(Sizes(x, xKept));
        result.AddRange(Sizes(y, yKept));
        if (x.Rank == 2 && y.Rank == 2)
        {
            result.Add(1);
        }

        var outStrides = RowMajorStrides(Shape.Own(result.ToArray()));
        var xStrides = RowMajorStrides(x);
        var yStrides = RowMajorStrides(y);

        // Each kept axis steps through one operand only. Adjacent ones that step uniformly merge, and the innermost
        // group of each operand becomes the rows (x) or the columns (y) of the products; the rest are batch axes.
        var rows = new List<BatchAxis>(xKept.Count);
        for (var i = 0; i < xKept.Count; i++)
        {
            rows.Add(new BatchAxis(x[xKept[i]], xStrides[xKept[i]], 0, outStrides[1 + i]));
        }

        var columns = new List<BatchAxis>(yKept.Count);
        for (var j = 0; j < yKept.Count; j++)
        {
            columns.Add(new BatchAxis(y[yKept[j]], 0, yStrides[yKept[j]], outStrides[1 + xKept.Count + j]));
        }

        var rowGroups = ContractionPlan.Normalize(rows);
        var columnGroups = ContractionPlan.Normalize(columns);
        var m = rowGroups.Length > 0 ? rowGroups[rowGroups.Length - 1] : new BatchAxis(1, 0, 0, 0);
        var n = columnGroups.Length > 0 ? columnGroups[columnGroups.Length - 1] : new BatchAxis(1, 0, 0, 1);
        var batch = new List<BatchAxis>(rowGroups.Length + columnGroups.Length) { new(x[0], xStrides[0], yStrides[0], outStrides[0]) };
        batch.AddRange(AllButLast(rowGroups));
        batch.AddRange(AllButLast(columnGroups));
        return Plan(Shape.Own(result.ToArray()), batch, m.Size, n.Size, x[a0], m.XStride, xStrides[a0], yStrides[a1], n.YStride, m.OutStride);
    }

    // The axes of a rank >= 3 operand other than the batch axis and the contracted one, in order (none for rank 2).
    private static List<int> KeptAxes(Shape shape, int contracted)
    {
        var kept = new List<int>(shape.Rank);
        for (var axis = 1; shape.Rank > 2 && axis < shape.Rank; axis++)
        {
            if (axis != contracted)
            {
                kept.Add(axis);
            }
        }

        return kept;
    }

    private static IEnumerable<int> Sizes(Shape shape, List<int> axes)
    {
        foreach (var axis in axes)
        {
            yield return shape[axis];
        }
    }

    private static IEnumerable<BatchAxis> AllButLast(BatchAxis[] groups)
    {
        for (var i = 0; i < groups.Length - 1; i++)
        {
            yield return groups[i];
        }
    }

    private static ContractionResult Unframed(string message, Shape x, Shape y) => ContractionResult.Failure(ShapeError.Unframed(message, x, y));
}
