// Compiled into the runtime, the generator and the analyzers (netstandard2.0): the single source of
// truth for which shapes Dot, BatchDot and MatMul accept, what they return and what they say otherwise.
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
    private const string MatMulNode = "MatMul";

    /// <summary>The rule of <c>keras.backend.dot(x, y)</c>.</summary>
    public static ContractionResult Dot(Shape x, Shape y)
    {
        CheckNotNull(x, y);
        return x.Rank > 2 || y.Rank > 2 ? DotReshaped(x, y) : MatMul2D(x, y, false, false);
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
        return x.Rank <= 2 && y.Rank <= 2 ? MatMul2D(x, y, transposeA, transposeB) : BatchMatMulV2(x, y, transposeA, transposeB);
    }

    // keras.backend.dot for rank > 2: x flattened to rows [prod(x[:-1]), x[-1]], y with axis -2 moved to the
    // front and flattened to [y[-2], prod(y[:-2]) * y[-1]], one MatMul. Every leading dimension survives.
    private static ContractionResult DotReshaped(Shape x, Shape y)
    {
        // Keras crashes on a scalar here; we report it in TensorFlow's words (a deliberate extension).
        if (x.Rank == 0 || y.Rank == 0)
        {
            return Fail(ShapeError.MustBeAtLeastRank(1, 0), MatMulNode, "MatMul", x, y);
        }

        var rows = Product(x, 0, x.Rank - 1);
        var depth = x[x.Rank - 1];
        var rightIsVector = y.Rank == 1; // numpy's rule (Keras raises IndexError): contract with y[0]
        var depthY = rightIsVector ? y[0] : y[y.Rank - 2];
        var batch = rightIsVector ? 1 : Product(y, 0, y.Rank - 2);
        var columns = rightIsVector ? 1 : y[y.Rank - 1];
        if (depth != depthY)
        {
            var xt = Shape.Own(new[] { (int)rows, depth });
            var yt = Shape.Own(rightIsVector ? new[] { depthY, 1 } : new[] { depthY, (int)(batch * columns) });
            return Fail(ShapeError.DimensionsMustBeEqual(depth, depthY), MatMulNode, "MatMul", xt, yt);
        }

        var result = new List<int>(x.Rank + y.Rank - 2);
        Append(result, x, 0, x.Rank - 1);
        if (!rightIsVector)
        {
            Append(result, y, 0, y.Rank - 2);
            result.Add(columns);
        }

        // out[p, b, n] = sum_k x[p, k] * y[b, k, n]: one product per b, rows p of stride batch * columns.
        var batchAxes = new List<BatchAxis>(1) { new((int)batch, 0, (long)depth * columns, columns) };
        return Plan(result, batchAxes, (int)rows, columns, depth, depth, 1, columns, 1, batch * columns);
    }

    // The MatMul op: both operands rank 2 (input 0 checked first), then the inner dimensions.
    private static ContractionResult MatMul2D(Shape x, Shape y, bool transposeA, bool transposeB)
    {
        const string op = "MatMul";
        if (x.Rank != 2 || y.Rank != 2)
        {
            return Fail(ShapeError.MustBeRank(2, x.Rank != 2 ? x.Rank : y.Rank), MatMulNode, op, x, y);
        }

        var operands = new Operands(x, y, transposeA, transposeB);
        if (operands.Depth != operands.DepthY)
        {
            return Fail(ShapeError.DimensionsMustBeEqual(operands.Depth, operands.DepthY), MatMulNode, op, x, y);
        }

        return operands.ToPlan(new List<int>(), new List<BatchAxis>());
    }

    // tf.matmul on TF 2.x (BatchMatMulV2): inner dimensions first, then batch dimensions broadcast like numpy.
    private static ContractionResult BatchMatMulV2(Shape x, Shape y, bool transposeA, bool transposeB)
    {
        const string op = "BatchMatMulV2";
        if (x.Rank < 2 || y.Rank < 2)
        {
            return Fail(ShapeError.MustBeAtLeastRank(2, x.Rank < 2 ? x.Rank : y.Rank), MatMulNode, op, x, y);
        }

        var operands = new Operands(x, y, transposeA, transposeB);
        if (operands.Depth != operands.DepthY)
        {
            return Fail(ShapeError.DimensionsMustBeEqual(operands.Depth, operands.DepthY), MatMulNode, op, x, y);
        }

        var batchRank = Math.Max(x.Rank, y.Rank) - 2;
        var resultBatch = new List<int>(batchRank);
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
            if (dx != dy && dx != 1 && dy != 1)
            {
                return Fail(ShapeError.DimensionsMustBeEqual(dx, dy), MatMulNode, op, x, y);
            }

            var size = Broadcast(dx, dy);
            resultBatch.Add(size);
            batchAxes.Add(new BatchAxis(size, dx == 1 ? 0 : xStrides[ix], dy == 1 ? 0 : yStrides[iy], 0));
        }

        return operands.ToPlan(resultBatch, WithContiguousOutput(batchAxes, (long)operands.Rows * operands.Columns));
    }

    // keras.backend.batch_dot at Keras 2.2.4 on TF 1.x.
    private static ContractionResult BatchDotCore(Shape x, Shape y, int axisX, int axisY, bool validateAxes)
    {
        // Explicit axes are checked first: no axis is in range for a scalar operand.
        if (validateAxes && (!InRange(axisX, x.Rank) || !InRange(axisY, y.Rank)))
        {
            return ContractionResult.Failure(ShapeError.AxesOutOfRange(x, y, axisX, axisY));
        }

        // Keras has no meaningful behaviour for a scalar operand; we reject it in TensorFlow's words.
        if (x.Rank == 0 || y.Rank == 0)
        {
            return Fail(ShapeError.MustBeAtLeastRank(1, 0), "BatchDot", "BatchDot", x, y);
        }

        // 1. Pad the lower-rank operand with trailing 1s (a reshape: the data layout is unchanged).
        var rank = Math.Max(x.Rank, y.Rank);
        var diff = Math.Abs(x.Rank - y.Rank);
        var xp = PadTrailing(x, rank);
        var yp = PadTrailing(y, rank);

        var product = rank switch
        {
            1 => MatMul2D(xp, yp, false, false), // tf.matmul on rank-1 operands: the MatMul op rejects them
            2 => MultiplyAndSum(xp, yp, axisX, axisY),
            _ => BatchMatMulV1(xp, yp, adjointX: axisX != rank - 1, adjointY: axisY == rank - 1),
        };
        if (!product.Succeeded)
        {
            return product;
        }

        var plan = product.Plan!;
        var result = Dims(plan.Result);

        // 4. Squeeze the padded axes back out of the result.
        if (diff > 0)
        {
            var first = x.Rank > y.Rank ? x.Rank + y.Rank - 3 : x.Rank - 1;
            var error = Squeeze(result, first, diff);
            if (error is not null)
            {
                return ContractionResult.Failure(error);
            }
        }

        // 5. A rank-1 result becomes a column.
        if (result.Count == 1)
        {
            result.Add(1);
        }

        return ContractionResult.Success(plan.WithResult(Shape.Own(result.ToArray())));
    }

    // batch_dot on rank-2 operands: tf.reduce_sum(tf.multiply(x or transpose(x), y), axis).
    private static ContractionResult MultiplyAndSum(Shape x, Shape y, int axisX, int axisY)
    {
        var transposed = axisX != axisY;
        var left = transposed ? Shape.Own(new[] { x[1], x[0] }) : x;
        var leftStrides = transposed ? new long[] { 1, x[1] } : new long[] { x[1], 1 };
        var rightStrides = new long[] { y[1], 1 };

        // tf.multiply broadcasts, checking dimensions left to right.
        var broadcast = new int[2];
        for (var i = 0; i < 2; i++)
        {
            if (left[i] != y[i] && left[i] != 1 && y[i] != 1)
            {
                return Fail(ShapeError.DimensionsMustBeEqual(left[i], y[i]), "Mul", "Mul", left, y);
            }

            broadcast[i] = Broadcast(left[i], y[i]);
        }

        var summed = transposed ? axisY : axisX;
        if (summed < 0)
        {
            summed += 2;
        }

        var kept = 1 - summed;
        long Step(long[] strides, Shape shape, int axis) => shape[axis] == 1 ? 0 : strides[axis];

        // out[j] = sum_i left[i, j] * y[i, j] (or with the axes swapped): one 1x1 product per kept index.
        var batchAxes = new List<BatchAxis>(1) { new(broadcast[kept], Step(leftStrides, left, kept), Step(rightStrides, y, kept), 1) };
        return Plan(new List<int> { broadcast[kept] }, batchAxes, 1, 1, broadcast[summed], 0, Step(leftStrides, left, summed), Step(rightStrides, y, summed), 0, 1);
    }

    // TF 1.x BatchMatMul: identical batch dimensions, then the inner dimensions.
    private static ContractionResult BatchMatMulV1(Shape x, Shape y, bool adjointX, bool adjointY)
    {
        const string op = "BatchMatMul";
        for (var i = 0; i < x.Rank - 2; i++)
        {
            if (x[i] != y[i])
            {
                return Fail(ShapeError.DimensionInBothShapes(i, x[i], y[i], Leading(x, x.Rank - 2), Leading(y, y.Rank - 2)), MatMulNode, op, x, y);
            }
        }

        var operands = new Operands(x, y, adjointX, adjointY);
        if (operands.Depth != operands.DepthY)
        {
            return Fail(ShapeError.DimensionsMustBeEqual(operands.Depth, operands.DepthY), MatMulNode, op, x, y);
        }

        var batch = new List<int>(x.Rank - 2);
        var batchAxes = new List<BatchAxis>(x.Rank - 2);
        var xStrides = RowMajorStrides(x);
        var yStrides = RowMajorStrides(y);
        for (var i = 0; i < x.Rank - 2; i++)
        {
            batch.Add(x[i]);
            batchAxes.Add(new BatchAxis(x[i], xStrides[i], yStrides[i], 0));
        }

        return operands.ToPlan(batch, WithContiguousOutput(batchAxes, (long)operands.Rows * operands.Columns));
    }

    // tf.squeeze(out, list(range(first, first + count))): every entry of that list is range-checked first (an
    // error names its position in the list), then each squeezed dimension, in order, must be 1. Removes the
    // axes from result on success.
    private static ShapeError? Squeeze(List<int> result, int first, int count)
    {
        var input = Shape.Own(result.ToArray());
        var squeezed = new bool[result.Count];
        for (var position = 0; position < count; position++)
        {
            var axis = first + position;
            if (axis < -result.Count || axis >= result.Count)
            {
                return ShapeError.Framed(ShapeError.SqueezeIndexOutOfRange(position, result.Count), "Squeeze", "Squeeze", input);
            }

            squeezed[axis < 0 ? axis + result.Count : axis] = true;
        }

        for (var i = 0; i < result.Count; i++)
        {
            if (squeezed[i] && result[i] != 1)
            {
                return ShapeError.Framed(ShapeError.CannotSqueeze(i, result[i]), "Squeeze", "Squeeze", input);
            }
        }

        for (var i = result.Count - 1; i >= 0; i--)
        {
            if (squeezed[i])
            {
                result.RemoveAt(i);
            }
        }

        return null;
    }

    // The last two axes of both operands of a matrix product, with transposes folded into the strides.
    private readonly struct Operands
    {
        private readonly int _xCols;
        private readonly int _yCols;
        private readonly bool _transposeX;
        private readonly bool _transposeY;

        public Operands(Shape x, Shape y, bool transposeX, bool transposeY)
        {
            var x0 = x[x.Rank - 2];
            _xCols = x[x.Rank - 1];
            var y0 = y[y.Rank - 2];
            _yCols = y[y.Rank - 1];
            _transposeX = transposeX;
            _transposeY = transposeY;
            Rows = transposeX ? _xCols : x0;
            Depth = transposeX ? x0 : _xCols;
            DepthY = transposeY ? _yCols : y0;
            Columns = transposeY ? y0 : _yCols;
        }

        public int Rows { get; }

        public int Depth { get; }

        public int DepthY { get; }

        public int Columns { get; }

        public ContractionResult ToPlan(List<int> batch, List<BatchAxis> batchAxes)
        {
            batch.Add(Rows);
            batch.Add(Columns);
            return Plan(
                batch,
                batchAxes,
                Rows,
                Columns,
                Depth,
                xRowStride: _transposeX ? 1 : _xCols,
                xDepthStride: _transposeX ? _xCols : 1,
                yDepthStride: _transposeY ? 1 : _yCols,
                yColumnStride: _transposeY ? _yCols : 1,
                outRowStride: Columns);
        }
    }

    private static ContractionResult Plan(List<int> result, List<BatchAxis> batch, int m, int n, int k, long xRowStride, long xDepthStride, long yDepthStride, long yColumnStride, long outRowStride)
        => ContractionResult.Success(new ContractionPlan(Shape.Own(result.ToArray()), batch, m, n, k, xRowStride, xDepthStride, yDepthStride, yColumnStride, outRowStride));

    private static ContractionResult Fail(string core, string node, string op, Shape x, Shape y)
        => ContractionResult.Failure(ShapeError.Framed(core, node, op, x, y));

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

    // shape[:count], e.g. the batch dimensions x[:-2].
    private static Shape Leading(Shape shape, int count)
    {
        var dims = new int[count];
        for (var i = 0; i < count; i++)
        {
            dims[i] = shape[i];
        }

        return Shape.Own(dims);
    }

    private static Shape PadTrailing(Shape shape, int rank)
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

    private static bool InRange(int axis, int rank) => axis >= -rank && axis < rank;

    // The size of a broadcast dimension whose sizes are compatible: a 1 stretches to the other size, 0 included.
    private static int Broadcast(int dx, int dy) => dx == 1 ? dy : dx;

    private static long Product(Shape shape, int start, int end)
    {
        long product = 1;
        for (var i = start; i < end; i++)
        {
            product *= shape[i];
        }

        return product;
    }

    private static void Append(List<int> list, Shape shape, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            list.Add(shape[i]);
        }
    }

    private static List<int> Dims(Shape shape)
    {
        var dims = new List<int>(shape.Rank + 1);
        Append(dims, shape, 0, shape.Rank);
        return dims;
    }

    private static void CheckNotNull(Shape x, Shape y)
    {
        Require.NotNull(x, nameof(x));
        Require.NotNull(y, nameof(y));
    }
}
