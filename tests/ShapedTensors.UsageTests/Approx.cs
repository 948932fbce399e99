using System;
using Xunit;

namespace ShapedTensors.UsageTests;

/// <summary>Compares a generated kernel's values with the dynamic tensor's, within float tolerance.</summary>
internal static class Approx
{
    public static void Equal<T>(ReadOnlySpan<T> expected, ReadOnlySpan<T> actual)
        where T : struct, System.Numerics.IFloatingPointIeee754<T>
    {
        Assert.Equal(expected.Length, actual.Length);
        var tolerance = T.CreateTruncating(typeof(T) == typeof(float) ? 1e-4 : 1e-10);
        for (var i = 0; i < expected.Length; i++)
        {
            var scale = T.Max(T.One, T.Abs(expected[i]));
            Assert.True(T.Abs(expected[i] - actual[i]) <= tolerance * scale, $"element {i}: expected {expected[i]}, got {actual[i]}");
        }
    }
}
