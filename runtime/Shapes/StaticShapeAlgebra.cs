// Compiled into the runtime, the generator and the analyzers (netstandard2.0): the single source of truth for which
// shapes Dot, BatchDot (Keras 2.2.4) and MatMul accept at graph time and what they return. ShapeAlgebra asks it about
// fully known shapes and only adds how to compute the values.
using System;
using System.Collections.Generic;

namespace ShapedTensors;

/// <summary>
/// The graph-time rules of SEMANTICS.md §2–§4 on static shapes, whose dimensions may be unknown or named
/// (PARTIAL_SHAPES.md §4–§7): TensorFlow's shape functions run on the known sizes, skip every pair with a side not
/// known, and print such a dimension as <c>?</c> in their frames. Fully known shapes are the special case.
/// </summary>
internal static partial class StaticShapeAlgebra
{
    private const string MatMulNode = "MatMul";

    /// <summary>The rule of <c>keras.backend.dot(x, y)</c>.</summary>
    public static StaticContraction Dot(StaticShape x, StaticShape y)
        => x.Rank > 2 || y.Rank > 2 ? DotReshaped(x, y) : MatMul2D(x, y, false, false, new DimensionRules());

    /// <summary>The rule of <c>tf.matmul(x, y, transpose_a, transpose_b)</c> (BatchMatMulV2 semantics).</summary>
    public static StaticContraction MatMul(StaticShape x, StaticShape y, bool transposeA = false, bool transposeB = false)
        => x.Rank <= 2 && y.Rank <= 2 ? MatMul2D(x, y, transposeA, transposeB, new DimensionRules()) : BatchMatMulV2(x, y, transposeA, transposeB);

    // keras.backend.dot for rank > 2 (§5.2): one MatMul of xt = [P, K] and yt = [K', Q], whose flattened P and Q are
    // known only when their operand is fully known. The result keeps every other dimension of both, names included.
    private static StaticContraction DotReshaped(StaticShape x, StaticShape y)
    {
        // Keras crashes on a scalar here; we report it in TensorFlow's words (SEMANTICS.md §7).
        if (x.Rank == 0 || y.Rank == 0)
        {
            return Fail(ShapeError.MustBeAtLeastRank(1, 0), MatMulNode, "MatMul", x, y);
        }

        var xs = TracedDimension.Of(x, isX: true);
        var ys = TracedDimension.Of(y, isX: false);
        var rightIsVector = y.Rank == 1; // numpy's rule (Keras raises IndexError): contract with y[0]
        var depth = xs[x.Rank - 1];
        var depthY = rightIsVector ? ys[0] : ys[y.Rank - 2];
        var rules = new DimensionRules();
        if (!rules.TryMerge(depth, depthY, out _))
        {
            var xt = StaticShape.Own(new[] { Flattened(x, 0, x.Rank - 1, -1), depth.Dimension });
            var yt = StaticShape.Own(rightIsVector
                ? new[] { depthY.Dimension, Dimension.Known(1) }
                : new[] { depthY.Dimension, Flattened(y, 0, y.Rank - 2, y.Rank - 1) });
            return Fail(ShapeError.DimensionsMustBeEqual(depth.Dimension.Value, depthY.Dimension.Value), MatMulNode, "MatMul", xt, yt);
        }

        var result = new List<TracedDimension>(x.Rank + y.Rank - 2);
        result.AddRange(Slice(xs, 0, x.Rank - 1));
        if (!rightIsVector)
        {
            result.AddRange(Slice(ys, 0, y.Rank - 2));
            result.Add(ys[y.Rank - 1]);
        }

        return StaticContraction.Success(result.ToArray(), rules.Deferred, new KernelChecks(x, y, KernelRoute.DotReshaped));
    }

    // The MatMul op (§5.1, §7.1): both operands rank 2 (input 0 checked first), then the inner dimensions.
    private static StaticContraction MatMul2D(StaticShape x, StaticShape y, bool transposeA, bool transposeB, DimensionRules rules)
    {
        if (x.Rank != 2 || y.Rank != 2)
        {
            return Fail(ShapeError.MustBeRank(2, x.Rank != 2 ? x.Rank : y.Rank), MatMulNode, "MatMul", x, y);
        }

        var matrices = new Matrices(TracedDimension.Of(x, isX: true), TracedDimension.Of(y, isX: false), transposeA, transposeB);
        if (!rules.TryMerge(matrices.Depth, matrices.DepthY, out _))
        {
            return Fail(matrices.InnerError(), MatMulNode, "MatMul", x, y);
        }

        var result = new[] { matrices.Rows, matrices.Columns };
        return StaticContraction.Success(result, rules.Deferred, new KernelChecks(x, y, KernelRoute.MatMul, transposeA, transposeB));
    }

    // BatchMatMulV2 (§7.2): rank at least 2, the inner dimensions first, then the batch dimensions broadcast
    // (right-aligned, a missing one is a known 1).
    private static StaticContraction BatchMatMulV2(StaticShape x, StaticShape y, bool transposeA, bool transposeB)
    {
        const string op = "BatchMatMulV2";
        if (x.Rank < 2 || y.Rank < 2)
        {
            return Fail(ShapeError.MustBeAtLeastRank(2, x.Rank < 2 ? x.Rank : y.Rank), MatMulNode, op, x, y);
        }

        var xs = TracedDimension.Of(x, isX: true);
        var ys = TracedDimension.Of(y, isX: false);
        var rules = new DimensionRules();
        var matrices = new Matrices(xs, ys, transposeA, transposeB);
        if (!rules.TryMerge(matrices.Depth, matrices.DepthY, out _))
        {
            return Fail(matrices.InnerError(), MatMulNode, op, x, y);
        }

        var batchRank = Math.Max(x.Rank, y.Rank) - 2;
        var result = new List<TracedDimension>(batchRank + 2);
        for (var i = 0; i < batchRank; i++)
        {
            var dx = RightAligned(xs, i, batchRank);
            var dy = RightAligned(ys, i, batchRank);
            if (!rules.TryBroadcast(dx, dy, out var size))
            {
                return Fail(ShapeError.DimensionsMustBeEqual(dx.Dimension.Value, dy.Dimension.Value), MatMulNode, op, x, y);
            }

            result.Add(size);
        }

        result.Add(matrices.Rows);
        result.Add(matrices.Columns);
        return StaticContraction.Success(result.ToArray(), rules.Deferred, new KernelChecks(x, y, KernelRoute.BatchMatMulV2, transposeA, transposeB));
    }

    // Batch dimension i of the broadcast batch rank, counted from the left; a missing leading dimension counts as 1.
    private static TracedDimension RightAligned(TracedDimension[] dims, int i, int batchRank)
    {
        var axis = i - (batchRank - (dims.Length - 2));
        return axis >= 0 ? dims[axis] : TracedDimension.One;
    }

    // The -1 of Keras' reshape: the product of shape[start..end) times shape[times] (when times >= 0), which
    // Reshape infers only when the operand is fully known; otherwise TensorFlow's ?. Cast to int as the fully
    // known frames always were.
    private static Dimension Flattened(StaticShape shape, int start, int end, int times)
    {
        if (!shape.IsFullyKnown)
        {
            return Dimension.Unknown;
        }

        long product = 1;
        for (var i = start; i < end; i++)
        {
            product *= shape[i].Value;
        }

        if (times >= 0)
        {
            product *= shape[times].Value;
        }

        return Dimension.Trusted(product);
    }

    private static IEnumerable<TracedDimension> Slice(TracedDimension[] dims, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            yield return dims[i];
        }
    }

    private static StaticContraction Fail(string core, string node, string op, params StaticShape[] inputShapes)
        => StaticContraction.Failure(ShapeError.Framed(core, node, op, inputShapes));

    // The last two axes of both operands of a matrix product, with the transposes applied.
    private readonly struct Matrices
    {
        public Matrices(TracedDimension[] x, TracedDimension[] y, bool transposeX, bool transposeY)
        {
            var x0 = x[x.Length - 2];
            var x1 = x[x.Length - 1];
            var y0 = y[y.Length - 2];
            var y1 = y[y.Length - 1];
            Rows = transposeX ? x1 : x0;
            Depth = transposeX ? x0 : x1;
            DepthY = transposeY ? y1 : y0;
            Columns = transposeY ? y0 : y1;
        }

        public TracedDimension Rows { get; }

        public TracedDimension Depth { get; }

        public TracedDimension DepthY { get; }

        public TracedDimension Columns { get; }

        public string InnerError() => ShapeError.DimensionsMustBeEqual(Depth.Dimension.Value, DepthY.Dimension.Value);
    }
}
