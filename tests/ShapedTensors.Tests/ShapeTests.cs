using System;
using Xunit;

namespace ShapedTensors.Tests;

public sealed class ShapeTests
{
    [Theory]
    [InlineData(new[] { 10, 12, 4, 8 }, "(10, 12, 4, 8)", "[10,12,4,8]")]
    [InlineData(new[] { 3, 4 }, "(3, 4)", "[3,4]")]
    [InlineData(new[] { 3 }, "(3,)", "[3]")]
    [InlineData(new int[0], "()", "[]")]
    [InlineData(new[] { 60, 2 }, "(60, 2)", "[60,2]")]
    [InlineData(new[] { 1, 1, 1 }, "(1, 1, 1)", "[1,1,1]")]
    [InlineData(new[] { 123456, 7 }, "(123456, 7)", "[123456,7]")]
    public void Formats_as_python_tuple_and_tensorflow_list(int[] dims, string python, string tensorflow)
    {
        var shape = new Shape(dims);
        Assert.Equal(python, shape.ToString());
        Assert.Equal(tensorflow, shape.ToTensorFlowString());
    }

    [Fact]
    public void Scalar_is_rank_zero_with_one_element()
    {
        Assert.Equal(0, Shape.Scalar.Rank);
        Assert.Equal(1, Shape.Scalar.ElementCount);
        Assert.Equal("()", Shape.Scalar.ToString());
        Assert.Equal("[]", Shape.Scalar.ToTensorFlowString());
        Assert.Equal(Shape.Scalar, new Shape());
        Assert.True(Shape.Scalar == new Shape(Array.Empty<int>()));
        Assert.Empty(Shape.Scalar.ToArray());
    }

    [Fact]
    public void Exposes_rank_dims_and_element_count()
    {
        var shape = new Shape(10, 12, 4, 8);
        Assert.Equal(4, shape.Rank);
        Assert.Equal(10, shape[0]);
        Assert.Equal(12, shape[1]);
        Assert.Equal(4, shape[2]);
        Assert.Equal(8, shape[3]);
        Assert.Equal(3840L, shape.ElementCount);
        Assert.Equal(new[] { 10, 12, 4, 8 }, shape.ToArray());
    }

    [Fact]
    public void Element_count_does_not_overflow_int()
    {
        var shape = new Shape(100_000, 100_000, 1_000);
        Assert.Equal(10_000_000_000_000L, shape.ElementCount);
    }

    [Fact]
    public void Indexer_outside_the_rank_throws()
    {
        var shape = new Shape(2, 3);
        var e = Record.Exception(() => shape[2]);
        Assert.True(e is IndexOutOfRangeException or ArgumentOutOfRangeException, $"got {e?.GetType().Name ?? "no exception"}");
        e = Record.Exception(() => shape[-1]);
        Assert.True(e is IndexOutOfRangeException or ArgumentOutOfRangeException, $"got {e?.GetType().Name ?? "no exception"}");
    }

    [Fact]
    public void Is_immutable_the_constructor_and_ToArray_copy()
    {
        var dims = new[] { 2, 3 };
        var shape = new Shape(dims);
        dims[0] = 99;
        Assert.Equal(2, shape[0]);

        var copy = shape.ToArray();
        copy[1] = 77;
        Assert.Equal(3, shape[1]);
        Assert.Equal("(2, 3)", shape.ToString());
    }

    [Fact]
    public void Equality_and_hash_code_follow_the_dims()
    {
        var a = new Shape(2, 3, 4);
        var b = new Shape(2, 3, 4);
        var c = new Shape(2, 4, 3);
        var d = new Shape(2, 3, 4, 1);
        var e = new Shape(2, 3);

        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());

        foreach (var other in new[] { c, d, e })
        {
            Assert.False(a.Equals(other));
            Assert.False(a.Equals((object)other));
            Assert.False(a == other);
            Assert.True(a != other);
        }

        Assert.False(a.Equals(null));
        Assert.False(a.Equals((object?)null));
        Assert.False(a.Equals("(2, 3, 4)"));
        Shape? nothing = null;
        Assert.False(a == nothing);
        Assert.False(nothing == a);
        Assert.True(nothing == null);
        Assert.True(a != nothing);
    }

    [Fact]
    public void Can_key_a_dictionary()
    {
        var map = new System.Collections.Generic.Dictionary<Shape, string>
        {
            [new Shape(3, 4)] = "a",
            [new Shape(4, 3)] = "b",
            [Shape.Scalar] = "s",
        };
        Assert.Equal("a", map[new Shape(3, 4)]);
        Assert.Equal("b", map[new Shape(4, 3)]);
        Assert.Equal("s", map[new Shape()]);
    }

    [Theory]
    [InlineData(new[] { 2, -5 }, 1, -5)]
    [InlineData(new[] { -1, 2, 3 }, 0, -1)]
    [InlineData(new[] { 1, 0, 3, int.MinValue }, 3, int.MinValue)]
    public void Rejects_negative_dims_naming_the_index_and_value(int[] dims, int badIndex, int badValue)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Shape(dims));
        Assert.Equal("dims", e.ParamName);
        Assert.Equal(badValue, e.ActualValue);
        Assert.Equal(new ArgumentOutOfRangeException(nameof(dims), badValue, $"Dimension {badIndex} of a shape must not be negative, but is {badValue}.").Message, e.Message);
    }

    [Theory]
    [InlineData(new[] { 0 }, "(0,)", "[0]")]
    [InlineData(new[] { 0, 5 }, "(0, 5)", "[0,5]")]
    [InlineData(new[] { 3, 0, 4 }, "(3, 0, 4)", "[3,0,4]")]
    public void Zero_dims_make_an_empty_shape_printed_as_tensorflow_does(int[] dims, string python, string tensorFlow)
    {
        var shape = new Shape(dims);
        Assert.Equal(python, shape.ToString());
        Assert.Equal(tensorFlow, shape.ToTensorFlowString());
        Assert.Equal(0, shape.ElementCount);
        Assert.True(shape.IsEmpty);
        Assert.False(new Shape(3, 4).IsEmpty);
        Assert.False(Shape.Scalar.IsEmpty);
    }

    [Fact]
    public void A_zero_makes_the_element_count_zero_however_large_the_other_dims()
    {
        Assert.Equal(0, new Shape(int.MaxValue, int.MaxValue, int.MaxValue, 0).ElementCount);
        Assert.Throws<OverflowException>(() => new Shape(int.MaxValue, int.MaxValue, int.MaxValue).ElementCount);
    }

    [Fact]
    public void Rejects_null_dims()
    {
        Assert.Throws<ArgumentNullException>(() => new Shape(null!));
    }
}
