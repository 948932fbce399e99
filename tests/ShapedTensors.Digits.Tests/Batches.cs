using System;
using Digits;

namespace ShapedTensors.Digits.Tests;

/// <summary>Real images for the tests, and a model whose biases are not zero (so that their use is tested too).</summary>
internal static class Batches
{
    public static DigitsData All { get; } = DigitsData.Load(DigitsData.DefaultPath);

    /// <summary>The first <paramref name="count"/> images of the data set, and their labels.</summary>
    public static (float[] Images, int[] Labels) First(int count)
        => (All.Images.AsSpan(0, count * DigitsData.Pixels).ToArray(), All.Labels.AsSpan(0, count).ToArray());

    public static OneHot OneHotOf(int[] labels)
    {
        var oneHot = OneHot.Zeros(batch: labels.Length);
        for (var i = 0; i < labels.Length; i++)
        {
            oneHot[i, labels[i]] = 1;
        }

        return oneHot;
    }

    public static Parameters Model(int seed)
    {
        var model = Parameters.Initialize(seed);
        model.B1 = B1.FromFunction(i => 0.05f * ((i % 5) - 2));
        model.B2 = B2.FromFunction(i => 0.1f * ((i % 3) - 1));
        return model;
    }
}
