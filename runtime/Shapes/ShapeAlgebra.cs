// Compiled into the runtime, the generator and the analyzers (netstandard2.0). Which shapes Dot, BatchDot (Keras
// 2.2.4) and MatMul accept, what they return and what they say otherwise is StaticShapeAlgebra's (the single source
// of truth, for fully known and partial shapes alike); this adds how to compute the values.
using System;
using System.Collections.Generic;

namespace ShapedTensors;

/// <summary>
/// The shape rules of <c>keras.backend.dot</c>, <c>keras.backend.batch_dot</c> (Keras 2.2.4, or as Keras 2.2.5 and
/// tf.keras rewrote it: <see cref="BatchDotSemantics"/>) and <c>tf.matmul</c> (TF 2.x), as specified in SEMANTICS.md:
/// result shapes, the exact error texts, and a <see cref="ContractionPlan"/> saying how to compute the values.
/// </summary>
public static partial class ShapeAlgebra
{
    /// <summary>The rule of <c>keras.backend.dot(x, y)</c>.</summary>
    public static ContractionResult Dot(Shape x, Shape y)
    {
        CheckNotNull(x, y);
        var graph = StaticShapeAlgebra.Dot(x.Static, y.Static);
        return graph.Error is { } error ? ContractionResult.Failure(error)
            : x.Rank > 2 || y.Rank > 2 ? DotReshaped(x, y, ResultOf(graph))
            : new Operands(x, y, false, false).ToPlan(ResultOf(graph), new List<BatchAxis>());
    }

    /// <summary>The rule of Keras 2.2.4's <c>keras.backend.batch_dot(x, y)</c>, default axes <c>(rank(x) - 1, rank(y) - 2)</c>.</summary>
    public static ContractionResult BatchDot(Shape x, Shape y) => BatchDot(x, y, BatchDotSemantics.Keras224);

    /// <summary>The rule of Keras 2.2.4's <c>keras.backend.batch_dot(x, y, axes)</c> with an int axis, meaning <c>(axes, axes)</c>.</summary>
    public static ContractionResult BatchDot(Shape x, Shape y, int axes) => BatchDot(x, y, axes, axes, BatchDotSemantics.Keras224);

    /// <summary>The rule of Keras 2.2.4's <c>keras.backend.batch_dot(x, y, (axisX, axisY))</c>.</summary>
    public static ContractionResult BatchDot(Shape x, Shape y, int axisX, int axisY) => BatchDot(x, y, axisX, axisY, BatchDotSemantics.Keras224);

    /// <summary>The rule of <c>keras.backend.batch_dot(x, y)</c> with the default axes of <paramref name="semantics"/>.</summary>
    public static ContractionResult BatchDot(Shape x, Shape y, BatchDotSemantics semantics)
    {
        CheckNotNull(x, y);
        return semantics == BatchDotSemantics.TfKeras
            ? TfKerasBatchDot(x, y, null)
            : BatchDotCore(x, y, x.Rank - 1, y.Rank - 2, validateAxes: false);
    }

    /// <summary>The rule of <c>keras.backend.batch_dot(x, y, axes)</c> with an int axis, meaning <c>(axes, axes)</c>.</summary>
    public static ContractionResult BatchDot(Shape x, Shape y, int axes, BatchDotSemantics semantics) => BatchDot(x, y, axes, axes, semantics);

    /// <summary>The rule of <c>keras.backend.batch_dot(x, y, (axisX, axisY))</c>.</summary>
    public static ContractionResult BatchDot(Shape x, Shape y, int axisX, int axisY, BatchDotSemantics semantics)
    {
        CheckNotNull(x, y);
        return semantics == BatchDotSemantics.TfKeras
            ? TfKerasBatchDot(x, y, (axisX, axisY))
            : BatchDotCore(x, y, axisX, axisY, validateAxes: true);
    }

    /// <summary>The rule of <c>tf.matmul(x, y, transpose_a, transpose_b)</c> (TF 2.x, batch dimensions broadcast).</summary>
    public static ContractionResult MatMul(Shape x, Shape y, bool transposeA = false, bool transposeB = false)
    {
        CheckNotNull(x, y);
        var graph = StaticShapeAlgebra.MatMul(x.Static, y.Static, transposeA, transposeB);
        return graph.Error is { } error ? ContractionResult.Failure(error)
            : x.Rank <= 2 && y.Rank <= 2 ? new Operands(x, y, transposeA, transposeB).ToPlan(ResultOf(graph), new List<BatchAxis>())
            : BatchMatMulV2(x, y, transposeA, transposeB, ResultOf(graph));
    }

    // The plans below compute shapes StaticShapeAlgebra has accepted, with the result shape it gave: they only say
    // how to compute the values, as one strided batched matrix product.

    // keras.backend.dot for rank > 2: x flattened to rows [prod(x[:-1]), x[-1]], y with axis -2 moved to the
    // front and flattened to [y[-2], prod(y[:-2]) * y[-1]], one MatMul. Every leading dimension survives.
    private static ContractionResult DotReshaped(Shape x, Shape y, Shape result)
    {
        var rows = Product(x, 0, x.Rank - 1);
        var depth = x[x.Rank - 1];
        var rightIsVector = y.Rank == 1; // numpy's rule (Keras raises IndexError): contract with y[0]
        var batch = rightIsVector ? 1 : Product(y, 0, y.Rank - 2);
        var columns = rightIsVector ? 1 : y[y.Rank - 1];

        // out[p, b, n] = sum_k x[p, k] * y[b, k, n]: one product per b, rows p of stride batch * columns.
        var batchAxes = new List<BatchAxis>(1) { new((int)batch, 0, (long)depth * columns, columns) };
        return Plan(result, batchAxes, (int)rows, columns, depth, depth, 1, columns, 1, batch * columns);
    }

    // tf.matmul on TF 2.x (BatchMatMulV2): batch dimensions broadcast like numpy; a 1 gets stride 0.
    private static ContractionResult BatchMatMulV2(Shape x, Shape y, bool transposeA, bool transposeB, Shape result)
    {
        var operands = new Operands(x, y, transposeA, transposeB);
        var batchRank = result.Rank - 2;
        var batchAxes = new List<BatchAxis>(batchRank);
        var xStrides = RowMajorStrides(x);
        var yStrides = RowMajorStrides(y);
        for (var i = 0; i < batchRank; i++)
        {
            // Right-aligned: a missing leading dimension counts as 1.
            var ix = i - (batchRank - (x.Rank - 2));
            var iy = i - (batchRank - (y.Rank - 2));
            var dx = ix >= 0 ? x[ix] : 1;
            var dy = iy >= 0 ? y[iy] : 1;
            batchAxes.Add(new BatchAxis(result[i], dx == 1 ? 0 : xStrides[ix], dy == 1 ? 0 : yStrides[iy], 0));
        }

        return operands.ToPlan(result, WithContiguousOutput(batchAxes, (long)operands.Rows * operands.Columns));
    }

    // keras.backend.batch_dot at Keras 2.2.4 on TF 1.x: operands padded with trailing 1s to one rank (a reshape: the
    // data layout is unchanged), one product, then the padded axes squeezed out (moving no data).
    private static ContractionResult BatchDotCore(Shape x, Shape y, int axisX, int axisY, bool validateAxes)
    {
        var graph = StaticShapeAlgebra.BatchDot(x.Static, y.Static, axisX, axisY, validateAxes);
        if (graph.Error is { } error)
        {
            return ContractionResult.Failure(error);
        }

        var rank = Math.Max(x.Rank, y.Rank); // at least 2: rank-1 operands fail at graph time
        var xp = PadTrailing(x, rank);
        var yp = PadTrailing(y, rank);
        return rank == 2
            ? MultiplyAndSum(xp, yp, axisX, axisY, ResultOf(graph))
            : BatchMatMulV1(xp, yp, adjointX: axisX != rank - 1, adjointY: axisY == rank - 1, ResultOf(graph));
    }

    // batch_dot on rank-2 operands: tf.reduce_sum(tf.multiply(x or transpose(x), y), axis). The result is the kept
    // axis, squeezed or made a column (moving no data).
    private static ContractionResult MultiplyAndSum(Shape x, Shape y, int axisX, int axisY, Shape result)
    {
        var transposed = axisX != axisY;
        var left = transposed ? Shape.Own(new[] { x[1], x[0] }) : x;
        var leftStrides = transposed ? new long[] { 1, x[1] } : new long[] { x[1], 1 };
        var rightStrides = new long[] { y[1], 1 };
        var broadcast = new[] { Broadcast(left[0], y[0]), Broadcast(left[1], y[1]) };
        var summed = transposed ? axisY : axisX;
        if (summed < 0)
        {
            summed += 2;
        }

        var kept = 1 - summed;
        long Step(long[] strides, Shape shape, int axis) => shape[axis] == 1 ? 0 : strides[axis];

        // out[j] = sum_i left[i, j] * y[i, j] (or with the axes swapped): one 1x1 product per kept index.
        var batchAxes = new List<BatchAxis>(1) { new(broadcast[kept], Step(leftStrides, left, kept), Step(rightStrides, y, kept), 1) };
        return Plan(result, batchAxes, 1, 1, broadcast[summed], 0, Step(leftStrides, left, summed), Step(rightStrides, y, summed), 0, 1);
    }

    // TF 1.x BatchMatMul: identical batch dimensions, then one product per batch item. The result is the product's
    // shape with the padded axes squeezed out (moving no data).
    private static ContractionResult BatchMatMulV1(Shape x, Shape y, bool adjointX, bool adjointY, Shape result)
    {
        var operands = new Operands(x, y, adjointX, adjointY);
        var batchAxes = new List<BatchAxis>(x.Rank - 2);
        var xStrides = RowMajorStrides(x);
        var yStrides = RowMajorStrides(y);
        for (var i = 0; i < x.Rank - 2; i++)
        {
            batchAxes.Add(new BatchAxis(x[i], xStrides[i], yStrides[i], 0));
        }

        return operands.ToPlan(result, WithContiguousOutput(batchAxes, (long)operands.Rows * operands.Columns));
    }

    // The result shape graph time gave, fully known because its operands are.
    private static Shape ResultOf(StaticContraction graph) => graph.Result!.ToShape();

    // The last two axes of both operands of a matrix product, with transposes folded into the strides.
    private readonly struct Operands
    {
        private readonly int _xCols;
        private readonly int _yCols;
        private readonly bool _transposeX;
        private readonly bool _transposeY;
        private readonly int _depth;

        public Operands(Shape x, Shape y, bool transposeX, bool transposeY)
        {
            var x0 = x[x.Rank - 2];
            _xCols = x[x.Rank - 1];
            var y0 = y[y.Rank - 2];
            _yCols = y[y.Rank - 1];
            _transposeX = transposeX;
            _transposeY = transposeY;
            Rows = transposeX ? _xCols : x0;
            _depth = transposeX ? x0 : _xCols;
            Columns = transposeY ? y0 : _yCols;
        }

        public int Rows { get; }

        public int Columns { get; }

        public ContractionResult ToPlan(Shape result, List<BatchAxis> batchAxes)
        {
            return Plan(
                result,
                batchAxes,
                Rows,
                Columns,
                _depth,
                xRowStride: _transposeX ? 1 : _xCols,
                xDepthStride: _transposeX ? _xCols : 1,
                yDepthStride: _transposeY ? 1 : _yCols,
                yColumnStride: _transposeY ? _yCols : 1,
                outRowStride: Columns);
        }
    }

    private static ContractionResult Plan(Shape result, List<BatchAxis> batch, int m, int n, int k, long xRowStride, long xDepthStride, long yDepthStride, long yColumnStride, long outRowStride)
        => ContractionResult.Success(new ContractionPlan(result, batch, m, n, k, xRowStride, xDepthStride, yDepthStride, yColumnStride, outRowStride));

    // Output batch axes are laid out row-major in front of each [rows, columns] block.
    private static List<BatchAxis> WithContiguousOutput(List<BatchAxis> axes, long blockSize)
    {
        var stride = blockSize;
        for (var i = axes.Count - 1; i >= 0; i--)
        {
            axes[i] = new BatchAxis(axes[i].Size, axes[i].XStride, axes[i].YStride, stride);
            stride *= axes[i].Size;
        }

        return axes;
    }

    private static long[] RowMajorStrides(Shape shape)
    {
        var strides = new long[shape.Rank];
        long stride = 1;
        for (var i = shape.Rank - 1; i >= 0; i--)
        {
            strides[i] = stride;
            stride *= shape[i];
        }

        return strides;
    }

    // BatchDot's padding with trailing 1s (a reshape: the data layout is unchanged); also its run-time kernel checks'.
    internal static Shape PadTrailing(Shape shape, int rank)
    {
        if (shape.Rank == rank)
        {
            return shape;
        }

        var dims = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            dims[i] = i < shape.Rank ? shape[i] : 1;
        }

        return Shape.Own(dims);
    }

    // Keras' bias reshape to (1, ..., b) (bias_add's reshape-and-add path): leading 1s, the data layout unchanged.
    internal static Shape PadLeading(Shape shape, int rank)
    {
        if (shape.Rank == rank)
        {
            return shape;
        }

        var dims = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            var axis = i - (rank - shape.Rank);
            dims[i] = axis >= 0 ? shape[axis] : 1;
        }

        return Shape.Own(dims);
    }

    // The size of a broadcast dimension whose sizes are compatible: a 1 stretches to the other size, 0 included.
    private static int Broadcast(int dx, int dy) => dx == 1 ? dy : dx;

    // The product of shape[start..end) (1 when empty); also the flattened sizes of Dot's run-time kernel check.
    internal static long Product(Shape shape, int start, int end)
    {
        long product = 1;
        for (var i = start; i < end; i++)
        {
            product *= shape[i];
        }

        return product;
    }

    private static void CheckNotNull(Shape x, Shape y)
    {
        Require.NotNull(x, nameof(x));
        Require.NotNull(y, nameof(y));
    }
}
