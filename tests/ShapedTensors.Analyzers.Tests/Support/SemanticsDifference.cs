using System;

namespace ShapedTensors.Analyzers.Tests.Support;

/// <summary>
/// Whether a BatchDot gives another result under tf.keras' batch_dot than under Keras 2.2.4's, found by running it
/// on the runtime (not through the analyzer's reasoning): another shape, an error on one side only, or other values
/// for the same seeded operands. That is when ST0008 must fire.
/// </summary>
internal static class SemanticsDifference
{
    public static bool Exists(int[] x, int[] y, BatchDotCall batchDot)
    {
        var left = DynamicTensor<double>.Random(new Shape(x), seed: 1);
        var right = DynamicTensor<double>.Random(new Shape(y), seed: 2);
        var keras = Run(() => batchDot(left, right, BatchDotSemantics.Keras224));
        var tf = Run(() => batchDot(left, right, BatchDotSemantics.TfKeras));
        if (keras is null || tf is null)
        {
            return (keras is null) != (tf is null);
        }

        if (keras.Shape != tf.Shape)
        {
            return true;
        }

        var a = keras.AsReadOnlySpan();
        var b = tf.AsReadOnlySpan();
        for (var i = 0; i < a.Length; i++)
        {
            if (Math.Abs(a[i] - b[i]) > 1e-9 * Math.Max(1, Math.Abs(a[i])))
            {
                return true;
            }
        }

        return false;
    }

    private static DynamicTensor<double>? Run(Func<DynamicTensor<double>> call)
    {
        try
        {
            return call();
        }
        catch (ShapeMismatchException)
        {
            return null;
        }
    }
}
