using System;
using System.Linq;
using System.Numerics;
using Xunit;

namespace ShapedTensors.Tests.Operations;

/// <summary>Random shapes and values for the operation tests, and the comparison with the double reference.</summary>
internal static class OperationData
{
    /// <summary>Dimensions of the given rank, each in [1, max] (or [0, max] with <paramref name="allowEmpty"/>).</summary>
    public static int[] Dims(Random random, int rank, int max = 4, bool allowEmpty = false)
        => Enumerable.Range(0, rank).Select(_ => random.Next(allowEmpty ? 0 : 1, max + 1)).ToArray();

    /// <summary>Values in [-2, 2), as <typeparamref name="T"/> and as the doubles they are exactly.</summary>
    public static (T[] Values, double[] Exact) Values<T>(Random random, int count, double low = -2, double high = 2)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = Enumerable.Range(0, count).Select(_ => T.CreateTruncating(low + ((high - low) * random.NextDouble()))).ToArray();
        return (values, values.Select(double.CreateTruncating).ToArray());
    }

    /// <summary>The kernel's values equal the reference's within the type's tolerance (NaN and infinities exactly).</summary>
    public static void AssertClose<T>(double[] expected, ReadOnlySpan<T> actual, string context)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.True(expected.Length == actual.Length, $"{context}: {actual.Length} elements, expected {expected.Length}");
        var tolerance = typeof(T) == typeof(float) ? 1e-4 : 1e-11;
        for (var i = 0; i < expected.Length; i++)
        {
            var (e, a) = (expected[i], double.CreateTruncating(actual[i]));
            var close = double.IsNaN(e) ? double.IsNaN(a) : double.IsInfinity(e) ? e == a : Math.Abs(e - a) <= tolerance * (1 + Math.Abs(e));
            Assert.True(close, $"{context}: element {i} is {a}, expected {e}");
        }
    }

    public static string Text(int[] dims) => "(" + string.Join(",", dims) + ")";
}
