// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
using System;
using System.Collections.Generic;

namespace ShapedTensors;

/// <content>
/// <c>keras.backend.batch_dot</c> at Keras 2.2.4 on TF 1.x (SEMANTICS.md §3, PARTIAL_SHAPES.md §6). The axes, the
/// padding and the choice of ops depend on the ranks alone, which are always known.
/// </content>
internal static partial class StaticShapeAlgebra
{
    /// <summary>The rule of Keras 2.2.4's <c>batch_dot(x, y)</c>, default axes <c>(rank(x) - 1, rank(y) - 2)</c>.</summary>
    public static StaticContraction BatchDot(StaticShape x, StaticShape y) => BatchDot(x, y, x.Rank - 1, y.Rank - 2, validateAxes: false);

    /// <summary>
    /// The rule of Keras 2.2.4's <c>batch_dot(x, y, (axisX, axisY))</c>; <paramref name="validateAxes"/> is false for
    /// the default axes <c>(rank(x) - 1, rank(y) - 2)</c>, which are never out of range.
    /// </summary>
    public static StaticContraction BatchDot(StaticShape x, StaticShape y, int axisX, int axisY, bool validateAxes)
    {
        // Explicit axes are checked first: no axis is in range for a scalar operand.
        if (validateAxes && (!InRange(axisX, x.Rank) || !InRange(axisY, y.Rank)))
        {
            return StaticContraction.Failure(ShapeError.AxesOutOfRange(x, y, axisX, axisY));
        }

        // Keras has no meaningful behaviour for a scalar operand; we reject it in TensorFlow's words.
        if (x.Rank == 0 || y.Rank == 0)
        {
            return Fail(ShapeError.MustBeAtLeastRank(1, 0), "BatchDot", "BatchDot", x, y);
        }

        // 1. Pad the lower-rank operand with trailing 1s (a reshape that keeps every dimension, unknown ones included).
        var rank = Math.Max(x.Rank, y.Rank);
        var diff = Math.Abs(x.Rank - y.Rank);
        var xp = PadTrailing(TracedDimension.Of(x, isX: true), rank);
        var yp = PadTrailing(TracedDimension.Of(y, isX: false), rank);
        var rules = new DimensionRules();
        var transposedLeft = axisX != axisY;
        var summed = transposedLeft ? axisY : axisX;
        summed = summed < 0 ? summed + 2 : summed;
        if (rank == 1)
        {
            // tf.matmul on rank-1 operands: the MatMul op rejects them.
            return MatMul2D(TracedDimension.ToShape(xp), TracedDimension.ToShape(yp), false, false, rules);
        }

        var product = rank == 2
            ? MultiplyAndSum(xp, yp, transposedLeft, summed, rules, out var error)
            : BatchMatMulV1(xp, yp, axisX != rank - 1, axisY == rank - 1, rules, out error);
        if (product is null)
        {
            return StaticContraction.Failure(error!);
        }

        // 4. Squeeze the padded axes back out of the product.
        var first = x.Rank > y.Rank ? x.Rank + y.Rank - 3 : x.Rank - 1;
        var result = diff > 0 ? Squeeze(product, first, diff, rules, out error) : product;
        if (result is null)
        {
            return StaticContraction.Failure(error!);
        }

        // 5. A rank-1 result becomes a column.
        if (result.Length == 1)
        {
            result = new[] { result[0], TracedDimension.One };
        }

        var runTime = new KernelChecks(
            x,
            y,
            rank == 2 ? KernelRoute.MultiplyAndSum : KernelRoute.BatchMatMulV1,
            adjointX: rank == 2 ? transposedLeft : axisX != rank - 1,
            adjointY: rank > 2 && axisY == rank - 1,
            paddedRank: rank,
            summedAxis: summed,
            squeezeFirst: first,
            squeezeCount: diff);
        return StaticContraction.Success(result, rules.Deferred, runTime);
    }

    // batch_dot on rank-2 operands: tf.reduce_sum(tf.multiply(x or transpose(x), y), axis). Mul broadcasts, checking
    // dimensions left to right; the sum removes the summed axis.
    private static TracedDimension[]? MultiplyAndSum(TracedDimension[] x, TracedDimension[] y, bool transposed, int summed, DimensionRules rules, out ShapeError? error)
    {
        var left = transposed ? new[] { x[1], x[0] } : x;
        var broadcast = new TracedDimension[2];
        for (var i = 0; i < 2; i++)
        {
            if (!rules.TryBroadcast(left[i], y[i], out broadcast[i]))
            {
                error = ShapeError.Framed(ShapeError.DimensionsMustBeEqual(left[i].Dimension.Value, y[i].Dimension.Value), "Mul", "Mul", TracedDimension.ToShape(left), TracedDimension.ToShape(y));
                return null;
            }
        }

        error = null;
        return new[] { broadcast[1 - summed] };
    }

    // TF 1.x BatchMatMul: the batch dimensions merged as shapes (the first known pair that differs fails), then
    // the inner dimensions. A merged batch dimension is known if either side is.
    private static TracedDimension[]? BatchMatMulV1(TracedDimension[] x, TracedDimension[] y, bool adjointX, bool adjointY, DimensionRules rules, out ShapeError? error)
    {
        const string op = "BatchMatMul";
        var n = x.Length;
        var result = new TracedDimension[n];
        for (var i = 0; i < n - 2; i++)
        {
            if (!rules.TryMerge(x[i], y[i], out result[i]))
            {
                var core = ShapeError.DimensionInBothShapes(i, x[i].Dimension.Value, y[i].Dimension.Value, BatchShape(x), BatchShape(y));
                error = ShapeError.Framed(core, MatMulNode, op, TracedDimension.ToShape(x), TracedDimension.ToShape(y));
                return null;
            }
        }

        var matrices = new Matrices(x, y, adjointX, adjointY);
        if (!rules.TryMerge(matrices.Depth, matrices.DepthY, out _))
        {
            error = ShapeError.Framed(matrices.InnerError(), MatMulNode, op, TracedDimension.ToShape(x), TracedDimension.ToShape(y));
            return null;
        }

        result[n - 2] = matrices.Rows;
        result[n - 1] = matrices.Columns;
        error = null;
        return result;
    }

    // tf.squeeze(product, list(range(first, first + count))): every entry is range-checked first (an error names its
    // position in the list, and depends on ranks only), then each squeezed dimension, in order: a known size must
    // be 1, and one not known is assumed to be 1 and removed (the run time checks it).
    private static TracedDimension[]? Squeeze(TracedDimension[] product, int first, int count, DimensionRules rules, out ShapeError? error)
    {
        error = null;
        var squeezed = new bool[product.Length];
        for (var position = 0; position < count; position++)
        {
            var axis = first + position;
            if (axis < -product.Length || axis >= product.Length)
            {
                error = ShapeError.Framed(ShapeError.SqueezeIndexOutOfRange(position, product.Length), "Squeeze", "Squeeze", TracedDimension.ToShape(product));
                return null;
            }

            squeezed[axis < 0 ? axis + product.Length : axis] = true;
        }

        var kept = new List<TracedDimension>(product.Length);
        for (var i = 0; i < product.Length; i++)
        {
            if (!squeezed[i])
            {
                kept.Add(product[i]);
            }
            else if (!rules.TrySqueeze(product[i], i))
            {
                error = ShapeError.Framed(ShapeError.CannotSqueeze(i, product[i].Dimension.Value), "Squeeze", "Squeeze", TracedDimension.ToShape(product));
                return null;
            }
        }

        return kept.ToArray();
    }

    // The batch sub-shape t[:-2] that the shape merge's text shows.
    private static StaticShape BatchShape(TracedDimension[] dims)
    {
        var batch = new TracedDimension[dims.Length - 2];
        Array.Copy(dims, batch, batch.Length);
        return TracedDimension.ToShape(batch);
    }

    private static TracedDimension[] PadTrailing(TracedDimension[] dims, int rank)
    {
        if (dims.Length == rank)
        {
            return dims;
        }

        var padded = new TracedDimension[rank];
        for (var i = 0; i < rank; i++)
        {
            padded[i] = i < dims.Length ? dims[i] : TracedDimension.One;
        }

        return padded;
    }

    internal static bool InRange(int axis, int rank) => axis >= -rank && axis < rank;
}
