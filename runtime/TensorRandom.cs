using System;
using System.Numerics;

namespace ShapedTensors;

/// <summary>
/// Seeded uniform values in [0, 1), the same on every platform and .NET version (SplitMix64), so a
/// seed written in a test or sample always gives the same tensor.
/// </summary>
public static class TensorRandom
{
    /// <summary>Fills <paramref name="destination"/> with uniform values in [0, 1) drawn from <paramref name="seed"/>.</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    public static void FillUniform<T>(Span<T> destination, int seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL);
        for (var i = 0; i < destination.Length; i++)
        {
            var bits = Next(ref state);
            destination[i] = typeof(T) == typeof(float)
                ? T.CreateTruncating((bits >> 40) * (1.0f / (1 << 24)))
                : T.CreateTruncating((bits >> 11) * (1.0 / (1UL << 53)));
        }
    }

    private static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
