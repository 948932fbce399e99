using System;
using System.Numerics;
using TorchSharp;

namespace ShapedTensors.Benchmarks.Infrastructure;

/// <summary>Input data and the conversions each baseline needs.</summary>
public static class Data
{
    /// <summary>Uniform values in [0, 1), the same for a seed on every run.</summary>
    public static T[] Random<T>(int length, int seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var data = new T[length];
        TensorRandom.FillUniform<T>(data, seed);
        return data;
    }

    /// <summary>A libtorch tensor holding a copy of <paramref name="data"/> with the given shape.</summary>
    public static torch.Tensor Torch<T>(T[] data, params long[] shape)
        => data switch
        {
            float[] f => torch.tensor(f, shape),
            double[] d => torch.tensor(d, shape),
            _ => throw new NotSupportedException(typeof(T).Name),
        };

    /// <summary>
    /// Throws when <paramref name="actual"/> differs from <paramref name="expected"/> beyond float tolerance, so
    /// that a benchmark never times a wrong kernel.
    /// </summary>
    public static void Check<T>(string what, ReadOnlySpan<T> expected, ReadOnlySpan<T> actual)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (expected.Length != actual.Length)
        {
            throw new InvalidOperationException($"{what}: {actual.Length} elements, expected {expected.Length}.");
        }

        var tolerance = T.CreateChecked(typeof(T) == typeof(float) ? 1e-3 : 1e-9);
        for (var i = 0; i < expected.Length; i++)
        {
            var scale = T.Max(T.One, T.Abs(expected[i]));
            if (T.Abs(expected[i] - actual[i]) > tolerance * scale)
            {
                throw new InvalidOperationException($"{what}: element {i} is {actual[i]}, expected {expected[i]}.");
            }
        }
    }
}
