using System;
using System.Globalization;
using System.Linq;

namespace ShapedTensors.Analyzers.Tests.Support;

/// <summary>A BatchDot call on run-time operands under a given semantics.</summary>
internal delegate DynamicTensor<double> BatchDotCall(DynamicTensor<double> x, DynamicTensor<double> y, BatchDotSemantics semantics);

/// <summary>A call whose shapes and options the shape algebra accepts, drawn from a seeded generator.</summary>
/// <param name="Diverges">A BatchDot that gives another result under tf.keras' batch_dot: ST0008.</param>
internal sealed record CompatibleCase(string Operation, int[] X, int[] Y, string Options, bool Double, Shape Result, bool Diverges)
{
    /// <summary>
    /// Draws operand shapes (ranks 1-4, dims 1-4; y's dims often copied from x so that matches are common) and
    /// options until the runtime's shape algebra accepts them.
    /// </summary>
    public static CompatibleCase Draw(Random random)
    {
        while (true)
        {
            var operation = new[] { "Dot", "BatchDot", "MatMul" }[random.Next(3)];
            var x = Dims(random, random.Next(1, 5), null);
            var y = Dims(random, random.Next(1, 5), x);
            var (options, result, batchDot) = operation switch
            {
                "Dot" => (string.Empty, ShapeAlgebra.Dot(new Shape(x), new Shape(y)), null),
                "MatMul" => MatMul(random, x, y),
                _ => BatchDot(random, x, y),
            };
            if (result.ResultShape is { } shape)
            {
                return new CompatibleCase(operation, x, y, options, random.Next(4) == 0, shape, batchDot is not null && SemanticsDifference.Exists(x, y, batchDot));
            }
        }
    }

    public string Attribute(int[] dims) => (Double ? "[Tensor<double>(" : "[Tensor(") + string.Join(", ", dims.Select(d => d.ToString(CultureInfo.InvariantCulture))) + ")]";

    public override string ToString() => $"{Operation} ({string.Join(",", X)}) . ({string.Join(",", Y)}){Options} -> {Result}";

    private static (string, ContractionResult, BatchDotCall?) MatMul(Random random, int[] x, int[] y)
    {
        var (a, b) = (random.Next(2) == 1, random.Next(2) == 1);
        var options = (a ? ", transposeA: true" : string.Empty) + (b ? ", transposeB: true" : string.Empty);
        return (options, ShapeAlgebra.MatMul(new Shape(x), new Shape(y), a, b), null);
    }

    // The call's rule under Keras 2.2.4's batch_dot (the default), and the call itself under either semantics.
    private static (string, ContractionResult, BatchDotCall?) BatchDot(Random random, int[] x, int[] y)
    {
        var (ax, ay) = (random.Next(-x.Length, x.Length), random.Next(-y.Length, y.Length));
        var (sx, sy) = (new Shape(x), new Shape(y));
        return random.Next(3) switch
        {
            0 => (string.Empty, ShapeAlgebra.BatchDot(sx, sy), (l, r, s) => l.BatchDot(r, s)),
            1 => (", " + ax.ToString(CultureInfo.InvariantCulture), ShapeAlgebra.BatchDot(sx, sy, ax), (l, r, s) => l.BatchDot(r, ax, s)),
            _ => (string.Create(CultureInfo.InvariantCulture, $", ({ax}, {ay})"), ShapeAlgebra.BatchDot(sx, sy, ax, ay), (l, r, s) => l.BatchDot(r, (ax, ay), s)),
        };
    }

    private static int[] Dims(Random random, int rank, int[]? copyFrom)
    {
        var dims = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            dims[i] = copyFrom is not null && random.Next(10) < 7 ? copyFrom[random.Next(copyFrom.Length)] : random.Next(1, 5);
        }

        return dims;
    }
}
