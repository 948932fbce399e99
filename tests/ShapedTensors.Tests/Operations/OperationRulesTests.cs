using System;
using Xunit;

namespace ShapedTensors.Tests.Operations;

/// <summary>What the OPS.md tables do not show: the kernel's axes, Keras' reshaped bias, partial frames, deferred checks.</summary>
public sealed class OperationRulesTests
{
    [Fact]
    public void The_add_path_of_bias_add_reports_the_reshaped_bias()
    {
        var outcome = OperationRules.BiasAdd(StaticShape.Parse(8, 5, 1), StaticShape.Parse(3));
        Assert.Equal("(1, 1, 3)", outcome.ReshapedRight!.ToString());
        Assert.Null(OperationRules.BiasAdd(StaticShape.Parse(32, 10), StaticShape.Parse(10)).ReshapedRight);
        Assert.Equal("(1, 5, 3)", OperationRules.BiasAdd(StaticShape.Parse(8, 5, 3), StaticShape.Parse(5, 3)).ReshapedRight!.ToString());
    }

    [Fact]
    public void Axes_are_normalized_for_the_kernel()
    {
        Assert.Equal(new[] { 0, 2 }, OperationRules.Reduce(OperationCatalog.Mean, StaticShape.Parse(2, 3, 4), new[] { -1, 0, 2 }, false, false).Axes);
        Assert.Equal(new[] { 0, 1 }, OperationRules.Reduce(OperationCatalog.Max, StaticShape.Parse(2, 3), null, false, true).Axes);
        Assert.Equal(new[] { 1 }, OperationRules.Softmax(StaticShape.Parse(2, 3, 4), -2).Axes);
        Assert.Equal(new[] { 2 }, OperationRules.Softmax(StaticShape.Parse(2, 3, 4), -1).Axes);
        Assert.Equal(new[] { 2, 1, 0 }, OperationRules.Transpose(StaticShape.Parse(2, 3, 4)).Axes);
        Assert.Equal(new[] { 2 }, OperationRules.ExpandDims(StaticShape.Parse(2, 3), -1).Axes);
        Assert.Equal(new[] { 1 }, OperationRules.Squeeze(StaticShape.Parse(2, 1), -1).Axes);
        Assert.Equal(new[] { 1 }, OperationRules.Concatenate(new[] { StaticShape.Parse(2, 3), StaticShape.Parse(2, 3) }, -3).Axes);
        Assert.Empty(OperationRules.Unary(OperationCatalog.Relu, StaticShape.Parse(2)).Axes);
    }

    [Fact]
    public void Apply_dispatches_on_the_catalogue()
    {
        var x = StaticShape.Parse(2, 3);
        Assert.Equal("(3, 2)", OperationRules.Apply(OperationCatalog.PermuteDimensions, new[] { x }, OperationOptions.WithValues(new[] { 1, 0 })).ToString());
        Assert.Equal("(6,)", OperationRules.Apply(OperationCatalog.Reshape, new[] { x }, OperationOptions.WithValues(new[] { -1 })).ToString());
        Assert.Equal("(2, 3, 1)", OperationRules.Apply(OperationCatalog.ExpandDims, new[] { x }, OperationOptions.WithAxis(-1)).ToString());
        Assert.Equal("(2,)", OperationRules.Apply(OperationCatalog.Sum, new[] { x }, OperationOptions.Reduction(new[] { 1 }, true, false)).ToString());
        Assert.Equal("(2, 6)", OperationRules.Apply(OperationCatalog.Concatenate, new[] { x, x }, OperationOptions.WithAxis(1)).ToString());
        Assert.Throws<ArgumentException>(() => OperationRules.Apply(OperationCatalog.Dot, new[] { x, x }, OperationOptions.None));
    }

    [Fact]
    public void Partial_shapes_defer_checks_and_print_question_marks()
    {
        var add = OperationRules.Broadcast(OperationCatalog.Add, StaticShape.Parse("batch", 3), StaticShape.Parse("?", 3));
        Assert.Equal("(None, 3)", add.Result!.ToString());
        Assert.Equal("x[0] ('batch') and y[0] (?) must be equal or one of them 1", Assert.Single(add.Deferred).Describe());

        var error = OperationRules.Broadcast(OperationCatalog.Add, StaticShape.Parse("batch", 3), StaticShape.Parse(4));
        Assert.Equal("Dimensions must be equal, but are 3 and 4 for 'add' (op: 'Add') with input shapes: [?,3], [4].", error.Error!.Message);

        var squeeze = OperationRules.Squeeze(StaticShape.Parse(2, "k"), 1);
        Assert.Equal("(2,)", squeeze.Result!.ToString());
        Assert.Equal("x[1] ('k') must be 1", Assert.Single(squeeze.Deferred).Describe());

        var bias = OperationRules.BiasAdd(StaticShape.Parse("batch", "?"), StaticShape.Parse(10));
        Assert.Equal("(batch, 10)", bias.Result!.ToString());
        Assert.Single(bias.Deferred);

        var concat = OperationRules.Concatenate(new[] { StaticShape.Parse(2, "n"), StaticShape.Parse("?", 3) }, 0);
        Assert.Equal("(None, 3)", concat.Result!.ToString());
        Assert.Equal(
            "Dimension 0 in both shapes must be equal, but are 4 and 3. Shapes are [4] and [3]. for 'concat' (op: 'ConcatV2') with input shapes: [?,4], [2,3], [] and with computed input tensors: input[2] = <0>.",
            OperationRules.Concatenate(new[] { StaticShape.Parse("?", 4), StaticShape.Parse(2, 3) }, 0).Error!.Message);
    }

    [Fact]
    public void Reshape_of_a_partial_shape_takes_the_target()
    {
        Assert.Equal("(batch, 3)", OperationRules.Reshape(StaticShape.Parse("batch", 3), new[] { -1, 3 }).ToString());
        Assert.Equal("(batch, 6)", OperationRules.Reshape(StaticShape.Parse("batch", 2, 3), new[] { -1, 6 }).ToString());
        Assert.Equal("(None, 6)", OperationRules.Reshape(StaticShape.Parse("batch", "k", 6), new[] { -1, 6 }).ToString());
        Assert.Equal("(5, 5)", OperationRules.Reshape(StaticShape.Parse("?", 3), new[] { 5, 5 }).ToString());
        Assert.Equal(
            "Only one input size may be -1, not both 0 and 2 for 'Reshape' (op: 'Reshape') with input shapes: [?,3], [3] and with input tensors computed as partial shapes: input[1] = [?,2,?].",
            OperationRules.Reshape(StaticShape.Parse("?", 3), new[] { -1, 2, -1 }).ToString());
    }

    [Fact]
    public void Remaining_texts_of_the_rules()
    {
        Assert.Equal(
            "Reshape cannot infer the missing input size for an empty tensor unless all specified input sizes are non-zero for 'Reshape' (op: 'Reshape') with input shapes: [0,3], [2] and with input tensors computed as partial shapes: input[1] = [0,?].",
            OperationRules.Reshape(StaticShape.Parse(0, 3), new[] { 0, -1 }).ToString());
        Assert.Equal(
            "Shape must be rank 1 but is rank 5 for 'BiasAdd' (op: 'BiasAdd') with input shapes: [1,2,3,4,5,6], [2,3,4,5,6].",
            OperationRules.BiasAdd(StaticShape.Parse(1, 2, 3, 4, 5, 6), StaticShape.Parse(2, 3, 4, 5, 6)).ToString());
        Assert.Equal("Unexpected bias dimensions 0, expect to be 1 or 0 dimensions", OperationRules.BiasAdd(StaticShape.Parse(), StaticShape.Parse()).ToString());
        Assert.Equal("(3,)", OperationRules.Concatenate(new[] { StaticShape.Parse(3) }, 7).ToString()); // tf.identity: no checks
        Assert.Equal("<" + string.Join(" ", new int[256]) + "...>", ShapeError.ComputedInput(1, new int[300])[^(256 * 2 + 4)..]);
    }
}
