// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
using System;

namespace ShapedTensors;

internal static partial class OperationRules
{
    /// <summary>
    /// <c>x + y</c>, <c>x - y</c>, <c>x * y</c>, <c>x / y</c>, <c>K.maximum</c>, <c>K.minimum</c> (OPS.md §1):
    /// numpy broadcasting as <c>BroadcastBinaryOpOutputShapeFnHelper</c> checks it (common_shape_fns.cc:1234-1300),
    /// left to right, x's size first in the error. A C# scalar operand is a rank-0 shape.
    /// </summary>
    public static StaticOperation Broadcast(OperationDescriptor op, StaticShape x, StaticShape y)
    {
        var xs = TracedDimension.Of(x, isX: true);
        var ys = TracedDimension.Of(y, isX: false);
        var rank = Math.Max(x.Rank, y.Rank);
        var rules = new DimensionRules();
        var result = new TracedDimension[rank];
        for (var i = 0; i < rank; i++)
        {
            var dx = LeftPadded(xs, i, rank);
            var dy = LeftPadded(ys, i, rank);
            if (!rules.TryBroadcast(dx, dy, out result[i]))
            {
                return Fail(ShapeError.DimensionsMustBeEqual(dx.Dimension.Value, dy.Dimension.Value), op, x, y);
            }
        }

        return StaticOperation.Success(TracedDimension.ToShape(result), rules.Deferred);
    }

    /// <summary>
    /// <c>K.bias_add(x, bias)</c>, channels_last (OPS.md §2): Keras' rank check (unframed), then either its
    /// reshape-and-add path (<see cref="StaticOperation.ReshapedRight"/> is the reshaped bias) or <c>tf.nn.bias_add</c>.
    /// </summary>
    public static StaticOperation BiasAdd(StaticShape x, StaticShape bias)
    {
        int r = x.Rank, q = bias.Rank;

        // tensorflow_backend.py:4065-4068 prints ndim(x), not ndim(x) - 1.
        if (q != 1 && q != r - 1)
        {
            return FailUnframed($"Unexpected bias dimensions {q}, expect to be 1 or {r} dimensions", x, bias);
        }

        if (r == 5 || r == 3 || (r == 4 && q == r - 1))
        {
            var reshaped = ReshapedBias(bias, r);
            var added = Broadcast(OperationCatalog.Add, x, reshaped);
            return added.Succeeded ? StaticOperation.Success(added.Result!, added.Deferred, reshapedRight: reshaped) : added;
        }

        return BiasAddOp(x, bias);
    }

    // Keras' b' (tensorflow_backend.py:4071-4088): (1,)*(r-1) + (b0,) for a vector bias, else (1,) + bias.shape
    // (transpose_shape is the identity for channels_last).
    private static StaticShape ReshapedBias(StaticShape bias, int rank)
    {
        var dims = new Dimension[bias.Rank == 1 ? rank : bias.Rank + 1];
        for (var i = 0; i < dims.Length; i++)
        {
            dims[i] = Dimension.Known(1);
        }

        for (var i = 0; i < bias.Rank; i++)
        {
            dims[dims.Length - bias.Rank + i] = bias[i];
        }

        return StaticShape.Own(dims);
    }

    // BiasAddShape (common_shape_fns.cc:202-259), NHWC: x at least rank 2, bias rank 1, then x's last dimension merged
    // with the bias's; the result is x with that merged dimension.
    private static StaticOperation BiasAddOp(StaticShape x, StaticShape bias)
    {
        var op = OperationCatalog.BiasAdd;
        if (x.Rank < 2)
        {
            return Fail(ShapeError.MustBeAtLeastRank(2, x.Rank), op, x, bias);
        }

        if (bias.Rank != 1)
        {
            return Fail(ShapeError.MustBeRank(1, bias.Rank), op, x, bias);
        }

        var xs = TracedDimension.Of(x, isX: true);
        var last = xs[x.Rank - 1];
        var channels = TracedDimension.Of(bias, isX: false)[0];
        var rules = new DimensionRules();
        if (!rules.TryMerge(last, channels, out xs[x.Rank - 1]))
        {
            return Fail(ShapeError.DimensionsMustBeEqual(last.Dimension.Value, channels.Dimension.Value), op, x, bias);
        }

        return StaticOperation.Success(TracedDimension.ToShape(xs), rules.Deferred);
    }

    // Dimension i of a shape left-padded with 1s to `rank` (§1 step 1).
    private static TracedDimension LeftPadded(TracedDimension[] dims, int i, int rank)
    {
        var axis = i - (rank - dims.Length);
        return axis >= 0 ? dims[axis] : TracedDimension.One;
    }
}
