using System.Collections.Generic;
using System.Linq;

namespace ShapedTensors.Tests.Reference;

/// <summary>
/// Literal transliterations of keras.backend.dot / batch_dot (Keras 2.2.4, TensorFlow backend on TF 1.x)
/// and tf.matmul (TF 2.x), built only from the naive primitives in <see cref="TfOps"/>, plus the
/// extensions SEMANTICS.md adds where Keras itself crashes.
/// </summary>
internal static class KerasOps
{
    // ------------------------------------------------------------------------------------------ dot

    /// <summary>
    /// keras.backend.dot:
    /// <code>
    /// if ndim(x) &gt; 2 or ndim(y) &gt; 2:
    ///     y_permute_dim = list(range(ndim(y)))
    ///     y_permute_dim = [y_permute_dim.pop(-2)] + y_permute_dim
    ///     xt = tf.reshape(x, [-1, x_shape[-1]])
    ///     yt = tf.reshape(tf.transpose(y, perm=y_permute_dim), [y_shape[-2], -1])
    ///     return tf.reshape(tf.matmul(xt, yt), x_shape[:-1] + y_shape[:-2] + y_shape[-1:])
    /// return tf.matmul(x, y)
    /// </code>
    /// Extension (numpy): ndim(y) == 1 with ndim(x) &gt; 2 contracts x[-1] with y[0] (yt = [y0, 1]).
    /// Extension (numpy): an empty contraction (x[-1] == 0) gives zeros. TF's Reshape kernel cannot infer the
    /// -1 of <c>[-1, 0]</c> and <c>[0, -1]</c> for an empty tensor (a run-time error); the reshapes below then
    /// use the sizes written out, which is what the -1 stands for.
    /// </summary>
    public static NdArray Dot(NdArray x, NdArray y)
    {
        if (x.Rank > 2 || y.Rank > 2)
        {
            if (x.Rank == 0 || y.Rank == 0)
            {
                // Keras raises a Python IndexError here; SEMANTICS.md does not specify this case.
                throw new UnspecifiedCaseException("Dot on the reshape path with a rank-0 operand");
            }

            var xShape = x.Shape;
            var yShape = y.Shape;
            var emptyContraction = xShape[^1] == 0;
            var xt = TfOps.Reshape(x, new[] { emptyContraction ? (int)NdArray.Size(xShape[..^1]) : -1, xShape[^1] });
            if (y.Rank == 1)
            {
                // numpy extension: y is a column [y0, 1]; the result is x[:-1].
                var ytCol = TfOps.Reshape(y, new[] { yShape[0], 1 });
                var prodCol = TfOps.MatMul(xt, ytCol, false, false);
                return TfOps.Reshape(prodCol, xShape[..^1]);
            }

            var yPermute = Enumerable.Range(0, y.Rank).ToList();
            var moved = yPermute[yPermute.Count - 2];
            yPermute.RemoveAt(yPermute.Count - 2);
            yPermute.Insert(0, moved);
            var yt = TfOps.Reshape(TfOps.Transpose(y, yPermute.ToArray()), new[] { yShape[^2], yShape[^2] == 0 ? (int)(NdArray.Size(yShape[..^2]) * yShape[^1]) : -1 });
            var product = TfOps.MatMul(xt, yt, false, false);
            var resultShape = xShape[..^1].Concat(yShape[..^2]).Concat(yShape[^1..]).ToArray();
            return TfOps.Reshape(product, resultShape);
        }

        // Both ranks <= 2: tf.matmul picks the 2-D MatMul op (TF 1.x and 2.x alike).
        return TfOps.MatMul(x, y, false, false);
    }

    // ------------------------------------------------------------------------------------ batch_dot

    /// <summary>
    /// keras.backend.batch_dot at Keras 2.2.4 (TF 1.x). <paramref name="axes"/> null means the default
    /// <c>[x_ndim - 1, y_ndim - 2]</c>; an int is passed as (a, a).
    /// Extensions (SEMANTICS / our spec): explicit axes are validated first against the original ranks;
    /// a rank-0 operand is an error framed as node/op 'BatchDot'.
    /// </summary>
    public static NdArray BatchDot(NdArray x, NdArray y, (int A0, int A1)? axes)
    {
        var xNdim = x.Rank;
        var yNdim = y.Rank;

        if (axes is { } explicitAxes)
        {
            if (explicitAxes.A0 < -xNdim || explicitAxes.A0 >= xNdim || explicitAxes.A1 < -yNdim || explicitAxes.A1 >= yNdim)
            {
                throw new RefShapeException(
                    RefErrorKind.InvalidAxes,
                    $"axes ({explicitAxes.A0}, {explicitAxes.A1}) out of range for ranks {xNdim} and {yNdim}");
            }
        }

        if (xNdim == 0 || yNdim == 0)
        {
            var bad = xNdim == 0 ? xNdim : yNdim;
            throw new RefShapeException(
                RefErrorKind.IncompatibleShapes,
                Format.Frame($"Shape must be at least rank 1 but is rank {bad}", "BatchDot", "BatchDot", x.Shape, y.Shape));
        }

        var (a0, a1) = axes ?? (xNdim - 1, yNdim - 2);

        int diff;
        if (xNdim > yNdim)
        {
            diff = xNdim - yNdim;
            y = TfOps.Reshape(y, y.Shape.Concat(Enumerable.Repeat(1, diff)).ToArray());
        }
        else if (yNdim > xNdim)
        {
            diff = yNdim - xNdim;
            x = TfOps.Reshape(x, x.Shape.Concat(Enumerable.Repeat(1, diff)).ToArray());
        }
        else
        {
            diff = 0;
        }

        NdArray output;
        if (x.Rank == 2 && y.Rank == 2)
        {
            if (a0 == a1)
            {
                output = TfOps.ReduceSum(TfOps.Multiply(x, y), a0);
            }
            else
            {
                output = TfOps.ReduceSum(TfOps.Multiply(TfOps.Transpose(x, new[] { 1, 0 }), y), a1);
            }
        }
        else
        {
            var adjX = a0 != x.Rank - 1;
            var adjY = a1 == y.Rank - 1;
            output = TfMatMul1(x, y, adjX, adjY);
        }

        if (diff != 0)
        {
            var idx = xNdim > yNdim ? xNdim + yNdim - 3 : xNdim - 1;
            output = TfOps.Squeeze(output, Enumerable.Range(idx, diff).ToArray());
        }

        if (output.Rank == 1)
        {
            output = TfOps.ExpandDims(output, 1);
        }

        return output;
    }

    /// <summary>
    /// TF 1.x tf.matmul(a, b, adjoint_a, adjoint_b): if either rank &gt; 2 → BatchMatMul op (no broadcasting),
    /// else the MatMul op with transpose flags (conj is the identity on reals).
    /// </summary>
    public static NdArray TfMatMul1(NdArray a, NdArray b, bool adjointA, bool adjointB)
    {
        if (a.Rank > 2 || b.Rank > 2)
        {
            return TfOps.BatchMatMul(a, b, adjointA, adjointB);
        }

        return TfOps.MatMul(a, b, adjointA, adjointB);
    }

    // ------------------------------------------------------------------------------ tf.matmul (TF2)

    /// <summary>
    /// TF 2.x tf.matmul(a, b, transpose_a, transpose_b): either rank &gt; 2 → BatchMatMulV2 (adj flags,
    /// broadcasting batch dims), else the 2-D MatMul op.
    /// </summary>
    public static NdArray MatMul(NdArray a, NdArray b, bool transposeA, bool transposeB)
    {
        if (a.Rank > 2 || b.Rank > 2)
        {
            return TfOps.BatchMatMulV2(a, b, transposeA, transposeB);
        }

        return TfOps.MatMul(a, b, transposeA, transposeB);
    }

    // ------------------------------------------------------------------------------ case dispatcher

    /// <summary>Runs one described case on the reference.</summary>
    public static NdArray Run(ContractionCase c, NdArray x, NdArray y) => c.Op switch
    {
        ContractionOp.Dot => Dot(x, y),
        ContractionOp.BatchDot => c.TfKeras ? TfKerasOps.BatchDot(x, y, c.Axes) : BatchDot(x, y, c.Axes),
        ContractionOp.MatMul => MatMul(x, y, c.TransposeA, c.TransposeB),
        _ => throw new KeyNotFoundException(c.Op.ToString()),
    };
}
