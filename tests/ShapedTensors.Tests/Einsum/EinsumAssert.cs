using System;
using Xunit;

namespace ShapedTensors.Tests.Einsum;

internal static class EinsumAssert
{
    /// <summary>Equal up to rounding: the kernels sum in another order than the reference.</summary>
    public static void Close(double[] expected, double[] actual, string name)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-9 * Math.Max(1, Math.Abs(expected[i])), $"{name}: element {i} is {actual[i]}, expected {expected[i]}");
        }
    }
}
