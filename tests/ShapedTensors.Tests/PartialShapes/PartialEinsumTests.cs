using System;
using Xunit;

namespace ShapedTensors.Tests.PartialShapes;

/// <summary>
/// <see cref="PartialEinsum"/>, what generated einsum and tensordot calls on partially known shapes run: the result's
/// static and run-time shapes, TensorFlow's text where a label joins two sizes, the binding rule's where one name has
/// two sizes, its cache, and the texts of the rule and of a value that does not fit.
/// </summary>
public sealed class PartialEinsumTests
{
    private static readonly StaticShape W = StaticShape.Parse("batch", 4, 5);
    private static readonly StaticShape K = StaticShape.Parse("batch", 5, 8);

    [Fact]
    public void The_result_keeps_the_name_and_has_the_run_time_size()
    {
        var call = PartialEinsum.Einsum("bij,bjk->bik", W, K);
        Assert.Equal("(batch, 4, 8)", call.Result!.ToString());
        Assert.Equal(new Shape(3, 4, 8), call.Check(new Shape(3, 4, 5), new Shape(3, 5, 8)));
        Assert.Equal(new Shape(7, 5, 4), PartialEinsum.Einsum("bij->bji", W).Check(new Shape(7, 4, 5)));
        Assert.Equal(new Shape(2, 4, 8), PartialEinsum.TensorDot(W, StaticShape.Parse(5, 8), 1).Check(new Shape(2, 4, 5), new Shape(5, 8)));
        Assert.Equal(new Shape(4, 8), PartialEinsum.TensorDot(W, K, ([0, 2], [0, 1])).Check(new Shape(2, 4, 5), new Shape(2, 5, 8)));
        Assert.Equal(new Shape(3, 3), PartialEinsum.TensorDot(StaticShape.Parse("?", 3), StaticShape.Parse("?", 3), (0, 0)).Check(new Shape(6, 3), new Shape(6, 3)));
    }

    [Fact]
    public void A_label_of_two_sizes_throws_TensorFlows_text_and_a_name_of_two_sizes_the_binding_rule()
    {
        var joined = Assert.Throws<ShapeMismatchException>(() => PartialEinsum.Einsum("bij,bjk->bik", W, K).Check(new Shape(2, 4, 5), new Shape(3, 5, 8)));
        Assert.StartsWith("Dimensions must be equal, but are 2 and 3 for 'einsum/Einsum' (op: 'Einsum') with input shapes: [2,4,5], [3,5,8].", joined.Message, StringComparison.Ordinal);

        var named = Assert.Throws<ShapeMismatchException>(() => PartialEinsum.Einsum("bij,cjk->bik", W, K).Check(new Shape(2, 4, 5), new Shape(3, 5, 8)));
        Assert.StartsWith("Dimension 'batch' must have the same size wherever it appears in one call, but is 2 at x[0] and 3 at y[0].", named.Message, StringComparison.Ordinal);
        Assert.Equal(ShapeErrorKind.InconsistentNamedSize, named.Error.Kind);
        Assert.Equal("Einsum", named.Operation);

        var tensorDot = Assert.Throws<ShapeMismatchException>(() => PartialEinsum.TensorDot(W, K, (2, 1)).Check(new Shape(2, 4, 5), new Shape(3, 5, 8)));
        Assert.Equal("TensorDot", tensorDot.Operation);
        Assert.Equal(ShapeErrorKind.InconsistentNamedSize, tensorDot.Error.Kind);
    }

    [Fact]
    public void The_result_of_the_last_sizes_is_reused()
    {
        var call = PartialEinsum.Einsum("bij,bjk->bik", W, K);
        var first = call.Check(new Shape(32, 4, 5), new Shape(32, 5, 8));
        Assert.Same(first, call.Check(new Shape(32, 4, 5), new Shape(32, 5, 8)));
        var other = call.Check(new Shape(16, 4, 5), new Shape(16, 5, 8));
        Assert.Same(first, call.Check(new Shape(32, 4, 5), new Shape(32, 5, 8)));
        Assert.Same(other, call.Check(new Shape(16, 4, 5), new Shape(16, 5, 8)));
    }

    [Fact]
    public void Graph_time_errors_and_values_that_do_not_fit_are_thrown()
    {
        var graph = PartialEinsum.Einsum("bij,bkj->bik", W, K);
        Assert.Null(graph.Result);
        Assert.Throws<ShapeMismatchException>(() => graph.Check(new Shape(2, 4, 5), new Shape(2, 5, 8)));
        Assert.Throws<ArgumentOutOfRangeException>(() => PartialEinsum.TensorDot(W, K, 4).Check(new Shape(2, 4, 5), new Shape(2, 5, 8)));
        var fit = Assert.Throws<ArgumentException>(() => PartialEinsum.Einsum("bij->bji", W).Check(new Shape(2, 4, 6)));
        Assert.StartsWith("A value of shape (2, 4, 6) cannot be an operand of static shape (batch, 4, 5).", fit.Message, StringComparison.Ordinal);
    }
}
