using System.Collections.Generic;
using System.Linq;

namespace ShapedTensors.Tests.Reference;

/// <summary>
/// <c>keras.backend.batch_dot</c> as Keras 2.2.5 and tf.keras (TensorFlow 2.0) define it, written from its
/// contract rather than transliterated from Keras' code (which expands, transposes, squashes, multiplies and
/// reshapes): its checks in Keras' order with its texts, then
/// <c>out[b, i.., j..] = sum over k of x[b, i.. with k at a0] * y[b, j.. with k at a1]</c> by index loops.
/// </summary>
internal static class TfKerasOps
{
    /// <summary>batch_dot(x, y, axes); <paramref name="axes"/> null means the default.</summary>
    public static NdArray BatchDot(NdArray x, NdArray y, (int A0, int A1)? axes)
    {
        var shapes = $"{Format.Tuple(x.Shape)} and {Format.Tuple(y.Shape)}";
        if (x.Rank < 2 || y.Rank < 2)
        {
            throw Error($"Cannot do batch_dot on inputs with rank < 2. Received inputs with shapes {shapes}.");
        }

        if (x.Shape[0] != y.Shape[0])
        {
            throw Error($"Cannot do batch_dot on inputs with different batch sizes. Received inputs with shapes {shapes}.");
        }

        // Our extension: an axis outside [-rank, rank) is rejected where Keras would index out of range or wrap.
        if (axes is { } given && (given.A0 < -x.Rank || given.A0 >= x.Rank || given.A1 < -y.Rank || given.A1 >= y.Rank))
        {
            throw new RefShapeException(RefErrorKind.InvalidAxes, $"axes ({given.A0}, {given.A1}) out of range for ranks {x.Rank} and {y.Rank}");
        }

        // Default: x's last axis against y's second-to-last, or y's last when y is a matrix.
        var (a0, a1) = axes ?? (x.Rank - 1, y.Rank == 2 ? 1 : y.Rank - 2);
        if (a0 < 0)
        {
            a0 += x.Rank;
        }

        if (a1 < 0)
        {
            a1 += y.Rank;
        }

        if (a0 == 0 || a1 == 0)
        {
            throw Error("Cannot perform batch_dot over axis 0. If your inputs are not batched, add a dummy batch dimension to your inputs using K.expand_dims(x, 0)");
        }

        if (x.Shape[a0] != y.Shape[a1])
        {
            throw Error($"Cannot do batch_dot on inputs with shapes {shapes} with axes=[{a0}, {a1}]. x.shape[{a0}] != y.shape[{a1}] ({x.Shape[a0]} != {y.Shape[a1]}).");
        }

        // The result keeps the batch axis, then every other axis of x, then of y; a matrix keeps none of its own, and two
        // matrices give (batch, 1).
        var xKept = Kept(x, a0);
        var yKept = Kept(y, a1);
        var shape = new List<int> { x.Shape[0] };
        shape.AddRange(xKept.Select(axis => x.Shape[axis]));
        shape.AddRange(yKept.Select(axis => y.Shape[axis]));
        if (x.Rank == 2 && y.Rank == 2)
        {
            shape.Add(1);
        }

        var outShape = shape.ToArray();
        if (x.Data is null || y.Data is null)
        {
            return NdArray.Own(outShape, null);
        }

        var data = new double[NdArray.Size(outShape)];
        var outIndex = new int[outShape.Length];
        var xIndex = new int[x.Rank];
        var yIndex = new int[y.Rank];
        for (long o = 0; o < data.Length; o++)
        {
            NdArray.Unravel(o, outShape, outIndex);
            xIndex[0] = yIndex[0] = outIndex[0];
            for (var i = 0; i < xKept.Count; i++)
            {
                xIndex[xKept[i]] = outIndex[1 + i];
            }

            for (var j = 0; j < yKept.Count; j++)
            {
                yIndex[yKept[j]] = outIndex[1 + xKept.Count + j];
            }

            double sum = 0;
            for (var k = 0; k < x.Shape[a0]; k++)
            {
                xIndex[a0] = k;
                yIndex[a1] = k;
                sum += x.At(xIndex) * y.At(yIndex);
            }

            data[o] = sum;
        }

        return NdArray.Own(outShape, data);
    }

    private static List<int> Kept(NdArray operand, int contracted)
        => operand.Rank == 2 ? new List<int>() : Enumerable.Range(1, operand.Rank - 1).Where(axis => axis != contracted).ToList();

    private static RefShapeException Error(string message) => new(RefErrorKind.IncompatibleShapes, message);
}
