using System;
using Xunit;

namespace ShapedTensors.Tests.PartialShapes;

/// <summary>Static shapes with known, unknown and named dimensions: their printing (PARTIAL_SHAPES.md §2) and spelling (§1).</summary>
public sealed class PartialStaticShapeTests
{
    [Theory]
    [InlineData(new object[] { "?", 784 }, "(None, 784)", "[?,784]")]
    [InlineData(new object[] { "batch", 784 }, "(batch, 784)", "[?,784]")]
    [InlineData(new object[] { "?" }, "(None,)", "[?]")]
    [InlineData(new object[] { "t" }, "(t,)", "[?]")]
    [InlineData(new object[] { "b", "?", 4, 0 }, "(b, None, 4, 0)", "[?,?,4,0]")]
    [InlineData(new object[0], "()", "[]")]
    public void Prints_the_Keras_way_and_as_TensorFlow_frames_do(object[] dims, string keras, string frame)
    {
        var shape = StaticShape.Parse(dims);
        Assert.Equal(keras, shape.ToString());
        Assert.Equal(frame, shape.ToTensorFlowString());
    }

    [Fact]
    public void A_fully_known_shape_prints_as_Shape_does()
    {
        var shape = new Shape(10, 12, 4, 8);
        Assert.Equal(shape.ToString(), StaticShape.Of(shape).ToString());
        Assert.Equal(shape.ToTensorFlowString(), StaticShape.Of(shape).ToTensorFlowString());
        Assert.Equal(shape, StaticShape.Of(shape).ToShape());
        Assert.Equal("(3,)", StaticShape.Of(new Shape(3)).ToString());
    }

    [Theory]
    [InlineData("batch")]
    [InlineData("_t0")]
    [InlineData("B")]
    public void Names_are_identifiers(string name)
    {
        var dim = Dimension.Named(name);
        Assert.False(dim.IsKnown);
        Assert.Equal(name, dim.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0b")]
    [InlineData("a-b")]
    [InlineData("a b")]
    [InlineData("??")]
    [InlineData("é")]
    public void Other_spellings_are_not_names(string name)
        => Assert.Throws<ArgumentException>(() => Dimension.Named(name));

    [Fact]
    public void Unknown_dimensions_are_independent_and_names_are_case_sensitive()
    {
        Assert.False(Dimension.Unknown.IsSameNameAs(Dimension.Unknown));
        Assert.True(Dimension.Named("b").IsSameNameAs(Dimension.Named("b")));
        Assert.False(Dimension.Named("b").IsSameNameAs(Dimension.Named("B")));
        Assert.Throws<ArgumentOutOfRangeException>(() => Dimension.Known(-1));
        Assert.Throws<InvalidOperationException>(() => Dimension.Unknown.Value);
    }

    [Fact]
    public void Admits_run_time_shapes_of_the_same_rank_and_known_sizes()
    {
        var shape = StaticShape.Parse("b", 784);
        Assert.True(shape.Admits(new Shape(32, 784)));
        Assert.True(shape.Admits(new Shape(0, 784)));
        Assert.False(shape.Admits(new Shape(32, 783)));
        Assert.False(shape.Admits(new Shape(784)));
    }
}
