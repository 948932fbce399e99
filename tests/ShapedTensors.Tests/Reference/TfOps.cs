using System;
using System.Collections.Generic;
using System.Linq;

namespace ShapedTensors.Tests.Reference;

/// <summary>
/// Naive TensorFlow primitives. Each runs its TF 1.x shape function first (with TF's exact core text,
/// framed the way graph-mode TF frames shape-function errors) and then, unless the input is symbolic,
/// computes values with plain index loops.
/// </summary>
internal static class TfOps
{
    private static RefShapeException Error(string core, string node, string op, params int[][] shapes) =>
        new(RefErrorKind.IncompatibleShapes, Format.Frame(core, node, op, shapes));

    public static string DimensionsMustBeEqual(long a, long b) => $"Dimensions must be equal, but are {a} and {b}";

    // ---------------------------------------------------------------- reshape / transpose

    /// <summary>
    /// tf.reshape; at most one -1. Only used internally with valid sizes. Like TensorFlow's Reshape kernel, a -1
    /// cannot be inferred when the other target sizes multiply to 0 (see <see cref="KerasOps.Dot"/>).
    /// </summary>
    public static NdArray Reshape(NdArray x, int[] newShape)
    {
        var shape = (int[])newShape.Clone();
        var inferred = Array.IndexOf(shape, -1);
        if (inferred >= 0 && shape.Where((d, i) => i != inferred).Contains(0))
        {
            throw new InvalidOperationException($"reference bug: reshape {Format.Tf(x.Shape)} -> {Format.Tf(newShape)} cannot infer the -1 (TF: 'Reshape cannot infer the missing input size for an empty tensor unless all specified input sizes are non-zero')");
        }
        long known = 1;
        for (var i = 0; i < shape.Length; i++)
        {
            if (i != inferred)
            {
                known *= shape[i];
            }
        }

        var size = NdArray.Size(x.Shape);
        if (inferred >= 0)
        {
            shape[inferred] = (int)(size / known);
            known *= shape[inferred];
        }

        if (known != size)
        {
            throw new InvalidOperationException($"reference bug: reshape {Format.Tf(x.Shape)} -> {Format.Tf(newShape)}");
        }

        return NdArray.Own(shape, x.Data is null ? null : (double[])x.Data.Clone());
    }

    /// <summary>tf.transpose(x, perm): out.shape[i] = x.shape[perm[i]].</summary>
    public static NdArray Transpose(NdArray x, int[] perm)
    {
        if (perm.Length != x.Rank || perm.OrderBy(p => p).Where((p, i) => p != i).Any())
        {
            throw new InvalidOperationException("reference bug: bad perm");
        }

        var outShape = perm.Select(p => x.Shape[p]).ToArray();
        if (x.Data is null)
        {
            return NdArray.Own(outShape, null);
        }

        var data = new double[x.Data.Length];
        var outIndex = new int[outShape.Length];
        var inIndex = new int[outShape.Length];
        for (long o = 0; o < data.Length; o++)
        {
            NdArray.Unravel(o, outShape, outIndex);
            for (var i = 0; i < perm.Length; i++)
            {
                inIndex[perm[i]] = outIndex[i];
            }

            data[o] = x.Data[NdArray.Ravel(inIndex, x.Shape)];
        }

        return NdArray.Own(outShape, data);
    }

    // ---------------------------------------------------------------- broadcasting

    /// <summary>
    /// TF's BroadcastBinaryOpOutputShapeFnHelper: right-align, walk output dims left to right; equal or
    /// one of them 1 is fine, otherwise Merge fails with "Dimensions must be equal, but are a and b".
    /// Returns the broadcast shape, or the core text of the first failure.
    /// </summary>
    public static (int[]? Shape, string? Core) BroadcastShapes(int[] x, int[] y)
    {
        var rank = Math.Max(x.Length, y.Length);
        var result = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            var dx = i < rank - x.Length ? 1 : x[i - (rank - x.Length)];
            var dy = i < rank - y.Length ? 1 : y[i - (rank - y.Length)];
            if (dx == 1)
            {
                result[i] = dy;
            }
            else if (dy == 1)
            {
                result[i] = dx;
            }
            else if (dx == dy)
            {
                result[i] = dx;
            }
            else
            {
                return (null, DimensionsMustBeEqual(dx, dy));
            }
        }

        return (result, null);
    }

    /// <summary>Maps an output multi-index to the operand's offset under numpy broadcasting.</summary>
    private static long BroadcastOffset(int[] outIndex, int outOffsetStart, int outRank, int[] operandShape, int operandDims)
    {
        // operandShape's first operandDims dims are right-aligned to outIndex[outOffsetStart .. outOffsetStart+outRank).
        long offset = 0;
        var lead = outRank - operandDims;
        for (var i = 0; i < operandDims; i++)
        {
            var idx = operandShape[i] == 1 ? 0 : outIndex[outOffsetStart + lead + i];
            offset = (offset * operandShape[i]) + idx;
        }

        return offset;
    }

    /// <summary>tf.multiply with numpy broadcasting (node and op 'Mul').</summary>
    public static NdArray Multiply(NdArray x, NdArray y)
    {
        var (shape, core) = BroadcastShapes(x.Shape, y.Shape);
        if (shape is null)
        {
            throw Error(core!, "Mul", "Mul", x.Shape, y.Shape);
        }

        if (x.Data is null || y.Data is null)
        {
            return NdArray.Own(shape, null);
        }

        var data = new double[NdArray.Size(shape)];
        var index = new int[shape.Length];
        for (long o = 0; o < data.Length; o++)
        {
            NdArray.Unravel(o, shape, index);
            var a = x.Data[BroadcastOffset(index, 0, shape.Length, x.Shape, x.Rank)];
            var b = y.Data[BroadcastOffset(index, 0, shape.Length, y.Shape, y.Rank)];
            data[o] = a * b;
        }

        return NdArray.Own(shape, data);
    }

    // ---------------------------------------------------------------- reductions and dims

    /// <summary>tf.reduce_sum(x, axis) (keepdims=False); negative axis counts from the end.</summary>
    public static NdArray ReduceSum(NdArray x, int axis)
    {
        if (axis < -x.Rank || axis >= x.Rank)
        {
            throw new UnspecifiedCaseException($"reduce_sum axis {axis} out of range for rank {x.Rank}");
        }

        var a = axis < 0 ? axis + x.Rank : axis;
        var outShape = x.Shape.Where((_, i) => i != a).ToArray();
        if (x.Data is null)
        {
            return NdArray.Own(outShape, null);
        }

        var data = new double[NdArray.Size(outShape)];
        var inIndex = new int[x.Rank];
        var outIndex = new int[outShape.Length];
        for (long i = 0; i < x.Data.Length; i++)
        {
            NdArray.Unravel(i, x.Shape, inIndex);
            for (int k = 0, j = 0; k < x.Rank; k++)
            {
                if (k != a)
                {
                    outIndex[j++] = inIndex[k];
                }
            }

            data[NdArray.Ravel(outIndex, outShape)] += x.Data[i];
        }

        return NdArray.Own(outShape, data);
    }

    /// <summary>
    /// tf.squeeze(x, axes) with TF's Squeeze shape function: every axis must be in range first, then each
    /// dimension (in order) listed in axes must be 1. Node and op 'Squeeze'.
    /// </summary>
    public static NdArray Squeeze(NdArray x, IReadOnlyList<int> axes)
    {
        var rank = x.Rank;
        var wrapped = new HashSet<int>();
        for (var i = 0; i < axes.Count; i++)
        {
            // array_ops.cc (v1.13.1 l.1998): the error names the entry's index in squeeze_dims.
            var axis = axes[i];
            if (axis < -rank || axis >= rank)
            {
                throw Error($"squeeze_dims[{i}] not in [{-rank},{rank}).", "Squeeze", "Squeeze", x.Shape);
            }

            wrapped.Add(axis < 0 ? axis + rank : axis);
        }

        var outShape = new List<int>();
        for (var i = 0; i < rank; i++)
        {
            var d = x.Shape[i];
            if (wrapped.Count == 0)
            {
                if (d != 1)
                {
                    outShape.Add(d);
                }
            }
            else if (wrapped.Contains(i))
            {
                if (d != 1)
                {
                    throw Error($"Can not squeeze dim[{i}], expected a dimension of 1, got {d}", "Squeeze", "Squeeze", x.Shape);
                }
            }
            else
            {
                outShape.Add(d);
            }
        }

        return NdArray.Own(outShape.ToArray(), x.Data is null ? null : (double[])x.Data.Clone());
    }

    /// <summary>tf.expand_dims(x, axis) for axis in [-rank-1, rank].</summary>
    public static NdArray ExpandDims(NdArray x, int axis)
    {
        var a = axis < 0 ? axis + x.Rank + 1 : axis;
        var shape = x.Shape.ToList();
        shape.Insert(a, 1);
        return NdArray.Own(shape.ToArray(), x.Data is null ? null : (double[])x.Data.Clone());
    }

    // ---------------------------------------------------------------- matrix products

    /// <summary>The MatMul op (common_shape_fns.cc MatMulShape): both rank 2, then the inner dims.</summary>
    public static NdArray MatMul(NdArray a, NdArray b, bool transposeA, bool transposeB)
    {
        const string Node = "MatMul";
        const string Op = "MatMul";
        if (a.Rank != 2)
        {
            throw Error($"Shape must be rank 2 but is rank {a.Rank}", Node, Op, a.Shape, b.Shape);
        }

        if (b.Rank != 2)
        {
            throw Error($"Shape must be rank 2 but is rank {b.Rank}", Node, Op, a.Shape, b.Shape);
        }

        var rows = transposeA ? a.Shape[1] : a.Shape[0];
        var cols = transposeB ? b.Shape[0] : b.Shape[1];
        var innerA = transposeA ? a.Shape[0] : a.Shape[1];
        var innerB = transposeB ? b.Shape[1] : b.Shape[0];
        if (innerA != innerB)
        {
            throw Error(DimensionsMustBeEqual(innerA, innerB), Node, Op, a.Shape, b.Shape);
        }

        var outShape = new[] { rows, cols };
        if (a.Data is null || b.Data is null)
        {
            return NdArray.Own(outShape, null);
        }

        // Plain triple loop on row-major storage: a is [a0, a1], b is [b0, b1].
        var ad = a.Data;
        var bd = b.Data;
        var a1 = a.Shape[1];
        var b1 = b.Shape[1];
        var data = new double[(long)rows * cols];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                double sum = 0;
                for (var k = 0; k < innerA; k++)
                {
                    var av = transposeA ? ad[(k * a1) + i] : ad[(i * a1) + k];
                    var bv = transposeB ? bd[(j * b1) + k] : bd[(k * b1) + j];
                    sum += av * bv;
                }

                data[(i * cols) + j] = sum;
            }
        }

        return NdArray.Own(outShape, data);
    }

    /// <summary>
    /// TF 1.x BatchMatMul (BatchMatMulShape): rank &gt;= 2 each; batch dims merged (must be identical:
    /// "Dimension i in both shapes must be equal, but are a and b. Shapes are [..] and [..]."); then inner dims.
    /// Node 'MatMul', op 'BatchMatMul'.
    /// </summary>
    public static NdArray BatchMatMul(NdArray a, NdArray b, bool adjX, bool adjY)
    {
        const string Node = "MatMul";
        const string Op = "BatchMatMul";
        CheckAtLeastRank2(a, b, Node, Op);
        var ra = a.Rank;
        var rb = b.Rank;
        var rows = adjX ? a.Shape[ra - 1] : a.Shape[ra - 2];
        var cols = adjY ? b.Shape[rb - 2] : b.Shape[rb - 1];

        var batchA = a.Shape[..(ra - 2)];
        var batchB = b.Shape[..(rb - 2)];
        if (batchA.Length != batchB.Length)
        {
            throw Error($"Shapes must be equal rank, but are {batchA.Length} and {batchB.Length}", Node, Op, a.Shape, b.Shape);
        }

        for (var i = 0; i < batchA.Length; i++)
        {
            if (batchA[i] != batchB[i])
            {
                // shape_inference.cc Merge of shapes, TF >= 1.5: the sub-shapes follow.
                throw Error($"Dimension {i} in both shapes must be equal, but are {batchA[i]} and {batchB[i]}. Shapes are {Format.Tf(batchA)} and {Format.Tf(batchB)}.", Node, Op, a.Shape, b.Shape);
            }
        }

        var innerA = adjX ? a.Shape[ra - 2] : a.Shape[ra - 1];
        var innerB = adjY ? b.Shape[rb - 1] : b.Shape[rb - 2];
        if (innerA != innerB)
        {
            throw Error(DimensionsMustBeEqual(innerA, innerB), Node, Op, a.Shape, b.Shape);
        }

        return Compute(a, b, adjX, adjY, batchA, rows, cols, innerA);
    }

    /// <summary>
    /// BatchMatMulV2 (TF 2.x): rank &gt;= 2 each; inner dims checked first; batch dims broadcast.
    /// Node 'MatMul', op 'BatchMatMulV2'.
    /// </summary>
    public static NdArray BatchMatMulV2(NdArray a, NdArray b, bool adjX, bool adjY)
    {
        const string Node = "MatMul";
        const string Op = "BatchMatMulV2";
        CheckAtLeastRank2(a, b, Node, Op);
        var ra = a.Rank;
        var rb = b.Rank;
        var rows = adjX ? a.Shape[ra - 1] : a.Shape[ra - 2];
        var cols = adjY ? b.Shape[rb - 2] : b.Shape[rb - 1];
        var innerA = adjX ? a.Shape[ra - 2] : a.Shape[ra - 1];
        var innerB = adjY ? b.Shape[rb - 1] : b.Shape[rb - 2];
        if (innerA != innerB)
        {
            throw Error(DimensionsMustBeEqual(innerA, innerB), Node, Op, a.Shape, b.Shape);
        }

        var (batch, core) = BroadcastShapes(a.Shape[..(ra - 2)], b.Shape[..(rb - 2)]);
        if (batch is null)
        {
            throw Error(core!, Node, Op, a.Shape, b.Shape);
        }

        return Compute(a, b, adjX, adjY, batch, rows, cols, innerA);
    }

    private static void CheckAtLeastRank2(NdArray a, NdArray b, string node, string op)
    {
        if (a.Rank < 2)
        {
            throw Error($"Shape must be at least rank 2 but is rank {a.Rank}", node, op, a.Shape, b.Shape);
        }

        if (b.Rank < 2)
        {
            throw Error($"Shape must be at least rank 2 but is rank {b.Rank}", node, op, a.Shape, b.Shape);
        }
    }

    /// <summary>Batched product over a (possibly broadcast) batch shape, by naive index arithmetic.</summary>
    private static NdArray Compute(NdArray a, NdArray b, bool adjX, bool adjY, int[] batch, int rows, int cols, int inner)
    {
        var outShape = batch.Concat(new[] { rows, cols }).ToArray();
        if (a.Data is null || b.Data is null)
        {
            return NdArray.Own(outShape, null);
        }

        var ra = a.Rank;
        var rb = b.Rank;
        var data = new double[NdArray.Size(outShape)];
        var outIndex = new int[outShape.Length];
        var aIndex = new int[ra];
        var bIndex = new int[rb];
        for (long o = 0; o < data.Length; o++)
        {
            NdArray.Unravel(o, outShape, outIndex);
            var i = outIndex[batch.Length];
            var j = outIndex[batch.Length + 1];

            // Batch part of each operand's index, right-aligned, 1-dims pinned to 0.
            for (var t = 0; t < ra - 2; t++)
            {
                aIndex[t] = a.Shape[t] == 1 ? 0 : outIndex[batch.Length - (ra - 2) + t];
            }

            for (var t = 0; t < rb - 2; t++)
            {
                bIndex[t] = b.Shape[t] == 1 ? 0 : outIndex[batch.Length - (rb - 2) + t];
            }

            double sum = 0;
            for (var k = 0; k < inner; k++)
            {
                if (adjX)
                {
                    aIndex[ra - 2] = k;
                    aIndex[ra - 1] = i;
                }
                else
                {
                    aIndex[ra - 2] = i;
                    aIndex[ra - 1] = k;
                }

                if (adjY)
                {
                    bIndex[rb - 2] = j;
                    bIndex[rb - 1] = k;
                }
                else
                {
                    bIndex[rb - 2] = k;
                    bIndex[rb - 1] = j;
                }

                sum += a.Data[NdArray.Ravel(aIndex, a.Shape)] * b.Data[NdArray.Ravel(bIndex, b.Shape)];
            }

            data[o] = sum;
        }

        return NdArray.Own(outShape, data);
    }
}
