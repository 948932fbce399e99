using System;
using Xunit;

namespace ShapedTensors.Tests;

/// <summary>
/// <see cref="GeneratedCodeSupport.HashOf{T}"/>, which generated <c>GetHashCode</c> calls: equal values (by
/// <c>Equals</c>: any NaN equals any NaN, 0 equals -0) hash equal, in the vectorized blocks and in their tails.
/// </summary>
public sealed class HashTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(256)]
    [InlineData(1000)]
    public void Zeros_of_either_sign_and_NaNs_of_any_payload_hash_alike(int length)
    {
        var random = new Random(length);
        var plain = new float[length];
        var varied = new float[length];
        for (var i = 0; i < length; i++)
        {
            switch (random.Next(4))
            {
                case 0:
                    plain[i] = 0f;
                    varied[i] = -0f;
                    break;
                case 1:
                    plain[i] = float.NaN;
                    varied[i] = BitConverter.Int32BitsToSingle(unchecked((int)0xFF800000) | random.Next(1, 0x400000));
                    break;
                default:
                    plain[i] = varied[i] = (float)random.NextDouble();
                    break;
            }
        }

        Assert.True(plain.AsSpan().SequenceEqual(varied));
        Assert.Equal(GeneratedCodeSupport.HashOf<float>(plain), GeneratedCodeSupport.HashOf<float>(varied));
        Assert.Equal(
            GeneratedCodeSupport.HashOf<double>(Array.ConvertAll(plain, v => (double)v)),
            GeneratedCodeSupport.HashOf<double>(Array.ConvertAll(varied, v => (double)v)));
    }

    [Fact]
    public void Different_values_hash_differently()
    {
        var values = new double[300];
        var first = GeneratedCodeSupport.HashOf<double>(values);
        values[299] = 1;
        Assert.NotEqual(first, GeneratedCodeSupport.HashOf<double>(values));
    }
}
