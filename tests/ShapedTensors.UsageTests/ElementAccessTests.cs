using System;
using System.Collections.Generic;
using ShapedTensors;
using ShapedTensors.Generated.ShapedTensors.UsageTests;
using Xunit;

namespace ShapedTensors.UsageTests;

/// <summary>Indexers, factories and text of generated types agree with row-major order and the dynamic tensor.</summary>
public class ElementAccessTests
{
    [Fact]
    public void Indexer_and_FromFunction_follow_row_major_order()
    {
        var w = W.FromFunction((i0, i1, i2, i3) => (((i0 * 12) + i1) * 4 + i2) * 5 + i3);
        var span = w.AsReadOnlySpan();
        var dynamic = w.ToDynamic();
        for (var i0 = 0; i0 < 10; i0++)
        for (var i1 = 0; i1 < 12; i1++)
        for (var i2 = 0; i2 < 4; i2++)
        for (var i3 = 0; i3 < 5; i3++)
        {
            var offset = (((i0 * 12) + i1) * 4 + i2) * 5 + i3;
            Assert.Equal(offset, span[offset]);
            Assert.Equal(offset, w[i0, i1, i2, i3]);
            Assert.Equal(offset, dynamic[i0, i1, i2, i3]);
        }

        w[9, 11, 3, 4] = -1;
        Assert.Equal(-1, span[^1]);
    }

    [Fact]
    public void Indexer_rejects_an_index_outside_its_dimension()
    {
        var w = W.Zeros();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => w[0, 12, 0, 0]);
        Assert.Equal("i1", error.ParamName);
        Assert.Contains("Index 12 is out of range for axis 1 of size 12.", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => w[-1, 0, 0, 0]);
    }

    [Fact]
    public void Factories_check_lengths_and_share_or_copy_as_documented()
    {
        var data = new float[20];
        var wrapped = Right.Wrap(data);
        var copied = Right.FromArray(data);
        data[3] = 5;
        Assert.Equal(5, wrapped[0, 3]);
        Assert.Equal(0, copied[0, 3]);

        var error = Assert.Throws<ArgumentException>(() => Right.FromArray(new float[19]));
        Assert.Contains("needs 20 elements, but 19 were given", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => Right.Wrap(null!));
        Assert.Throws<ArgumentException>(() => Right.FromDynamic(DynamicTensor<float>.Zeros(5, 4)));
        Assert.Equal(Right.Ones(), Right.FromDynamic(DynamicTensor<float>.Ones(4, 5)));
    }

    [Fact]
    public void Default_struct_has_no_storage_and_says_so()
    {
        var error = Assert.Throws<InvalidOperationException>(() => default(Left).AsSpan().Length);
        Assert.Contains("default value with no storage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_text_and_random_are_value_based()
    {
        Assert.Equal(Left.Random(seed: 4), Left.Random(seed: 4));
        Assert.NotEqual(Left.Random(seed: 4), Left.Random(seed: 5));
        Assert.True(Left.Ones() == Left.FromArray([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]));
        Assert.Equal(Left.Ones().GetHashCode(), Left.Ones().GetHashCode());
        Assert.Equal(DynamicTensor<float>.Ones(3, 4).ToString(), Left.Ones().ToString());
        Assert.Equal("[[1. 1.]\n [1. 1.]\n [1. 1.]]", Tall.Ones().ToString());
        Assert.Equal(DynamicTensor<float>.Random(new Shape(3, 4), seed: 9).ToArray(), Left.Random(seed: 9).ToArray());
    }

    [Fact]
    public void Equality_is_numpys_array_equal_with_equal_nan_and_the_hash_agrees_with_it()
    {
        // 0 and -0 are equal, and every NaN (any payload, any sign) equals every NaN: Equals is reflexive, as .NET's
        // float.Equals is, so a tensor holding a NaN is found again in a HashSet.
        var payloadNaN = BitConverter.Int32BitsToSingle(unchecked((int)0xFFC00001));
        var plus = Tall.FromArray([0f, float.NaN, 1, 2, 3, 4]);
        var minus = Tall.FromArray([-0f, payloadNaN, 1, 2, 3, 4]);
        Assert.True(float.IsNaN(payloadNaN) && BitConverter.SingleToInt32Bits(payloadNaN) != BitConverter.SingleToInt32Bits(float.NaN));
        Assert.True(plus == minus);
        Assert.True(plus.Equals(minus));
        Assert.True(plus.Equals((object)minus));
        Assert.False(plus != minus);
        Assert.Equal(plus.GetHashCode(), minus.GetHashCode());
        Assert.Contains(minus, new HashSet<Tall> { plus });
        Assert.True(plus.Equals(plus));

        var doubles = DoubleLeft.FromFunction((i, j, k) => i + j + k == 0 ? double.NaN : -0.0);
        var other = DoubleLeft.FromFunction((i, j, k) => i + j + k == 0 ? -double.NaN : 0.0);
        Assert.True(doubles == other);
        Assert.Equal(doubles.GetHashCode(), other.GetHashCode());
        Assert.False(doubles == DoubleLeft.Zeros());
    }

    [Fact]
    public void As_checks_the_shape()
    {
        var error = Assert.Throws<ArgumentException>(() => Left.Ones().As<Float32_3x5>());
        Assert.Contains("cannot become a Float32_3x5", error.Message, StringComparison.Ordinal);
    }
}
