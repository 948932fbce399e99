using System;
using Xunit;

namespace ShapedTensors.Tests.Operations;

/// <summary>
/// <see cref="PartialOperation"/>: graph time once on the static shapes, then per call TensorFlow's kernel text on the
/// run-time shapes (PARTIAL_SHAPES.md §8.1), the name binding (§8.4) and the result's run-time shape, cached.
/// </summary>
public sealed class PartialOperationKernelTests
{
    [Fact]
    public void A_broadcast_that_fails_at_run_time_throws_the_BinaryOpState_text()
    {
        var add = Create("Add", S("?", 3), S(3));
        Assert.Equal("(None, 3)", add.Result!.ToString());
        Assert.Equal(new Shape(5, 3), add.Check(new Shape(5, 3), new Shape(3)));
        var multiply = Create("Multiply", S("b", 3), S("c", 3));
        var error = Assert.Throws<ShapeMismatchException>(() => multiply.Check(new Shape(4, 3), new Shape(2, 3)));
        Assert.Equal("Incompatible shapes: [4,3] vs. [2,3]", error.Message);
        Assert.Equal("Mul", error.Error.Op);
        Assert.Equal(new Shape(4, 3), multiply.Check(new Shape(4, 3), new Shape(1, 3)));
    }

    [Fact]
    public void BiasAdd_checks_the_bias_op_or_the_add_of_the_reshaped_bias()
    {
        var biasOp = Create("BiasAdd", S("b", "?"), S(10));
        var error = Assert.Throws<ShapeMismatchException>(() => biasOp.Check(new Shape(2, 7), new Shape(10)));
        Assert.Equal("Must provide as many biases as the last dimension of the input tensor: [10] vs. [2,7]", error.Message);
        Assert.Equal(new Shape(2, 10), biasOp.Check(new Shape(2, 10), new Shape(10)));

        var reshaped = Create("BiasAdd", S("b", 4, "?"), S(5));
        error = Assert.Throws<ShapeMismatchException>(() => reshaped.Check(new Shape(2, 4, 3), new Shape(5)));
        Assert.Equal("Incompatible shapes: [2,4,3] vs. [1,1,5]", error.Message);
        Assert.Equal("Add", error.Error.Op);
    }

    [Fact]
    public void Squeeze_reshape_and_concatenate_throw_their_kernel_texts()
    {
        var error = Assert.Throws<ShapeMismatchException>(() => Create("Squeeze", S(2, "?"), axis: 1).Check(new Shape(2, 3)));
        Assert.Equal("Can not squeeze dim[1], expected a dimension of 1, got 3", error.Message);

        error = Assert.Throws<ShapeMismatchException>(() => CreateReshape(S("?", 4), 3, 4).Check(new Shape(2, 4)));
        Assert.Equal("Input to reshape is a tensor with 8 values, but the requested shape has 12", error.Message);
        error = Assert.Throws<ShapeMismatchException>(() => CreateReshape(S("?", 4), -1, 3).Check(new Shape(2, 4)));
        Assert.Equal("Input to reshape is a tensor with 8 values, but the requested shape requires a multiple of 3", error.Message);
        Assert.Equal(new Shape(4, 3), CreateReshape(S("?", 4), -1, 3).Check(new Shape(3, 4)));
        error = Assert.Throws<ShapeMismatchException>(() => CreateReshape(S("?", 4), -1, 0).Check(new Shape(0, 4)));
        Assert.Equal("Reshape cannot infer the missing input size for an empty tensor unless all specified input sizes are non-zero", error.Message);

        var concatenate = Create("Concatenate", S("?", 2), S(3, 2), S("?", "?"), axis: 1);
        error = Assert.Throws<ShapeMismatchException>(() => concatenate.Check(new Shape(3, 2), new Shape(3, 2), new Shape(4, 5)));
        Assert.Equal("ConcatOp : Dimensions of inputs should match: shape[0] = [3,2] vs. shape[2] = [4,5]", error.Message);
        Assert.Equal(new Shape(3, 9), concatenate.Check(new Shape(3, 2), new Shape(3, 2), new Shape(3, 5)));
    }

    [Fact]
    public void A_name_with_two_sizes_throws_the_binding_text_after_the_kernels_passed()
    {
        var add = Create("Add", S("n", 3), S("n", 1));
        var error = Assert.Throws<ShapeMismatchException>(() => add.Check(new Shape(1, 3), new Shape(4, 1)));
        Assert.Equal("Dimension 'n' must have the same size wherever it appears in one call, but is 1 at x[0] and 4 at y[0].", error.Message);
        var concatenate = Create("Concatenate", S("n", 2), S(3, 2), S("n", 1), axis: -1);
        error = Assert.Throws<ShapeMismatchException>(() => concatenate.Check(new Shape(3, 2), new Shape(3, 2), new Shape(4, 1)));
        Assert.StartsWith("ConcatOp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_time_errors_are_thrown_with_the_unknown_dimension_printed()
    {
        var error = Assert.Throws<ShapeMismatchException>(() => Create("Add", S("?", 3), S(4)).Check(new Shape(2, 3), new Shape(4)));
        Assert.Equal("Dimensions must be equal, but are 3 and 4 for 'add' (op: 'Add') with input shapes: [?,3], [4].", error.Message);
    }

    [Fact]
    public void Operations_that_cannot_fail_at_run_time_give_the_run_time_shape()
    {
        Assert.Equal(new Shape(7, 10), Create("Softmax", S("batch", 10)).Check(new Shape(7, 10)));
        Assert.Equal(Shape.Scalar, Create("Mean", S("batch", 10), axis: -1, values: null).Check(new Shape(7, 10)));
        Assert.Equal(new Shape(10, 7), Create("Transpose", S("batch", 10)).Check(new Shape(7, 10)));
        Assert.Equal(new Shape(7, 10, 1), Create("ExpandDims", S("batch", 10), axis: -1).Check(new Shape(7, 10)));
        Assert.Throws<ArgumentException>(() => Create("Relu", S("batch", 10)).Check(new Shape(7, 11)));
    }

    [Fact]
    public void A_loop_over_one_batch_size_allocates_nothing()
    {
        var add = Create("Add", S("batch", 128), S(128));
        var softmax = Create("Softmax", S("batch", 10));
        var (x, b, p) = (new Shape(32, 128), new Shape(128), new Shape(32, 10));
        add.Check(x, b);
        softmax.Check(p);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            add.Check(x, b);
            softmax.Check(p);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void The_fallbacks_throw_the_kernel_text()
    {
        var error = Assert.Throws<ShapeMismatchException>(() => new PartialTensor(S("b", "?"), 2, 7).BiasAdd(new PartialTensor(S(10), 10)));
        Assert.Equal("Must provide as many biases as the last dimension of the input tensor: [10] vs. [2,7]", error.Message);
        error = Assert.Throws<ShapeMismatchException>(() => new PartialTensor(S("n", 3), 2, 3).Add(new PartialTensor(S("n", 3), 1, 3)));
        Assert.Equal("Dimension 'n' must have the same size wherever it appears in one call, but is 2 at x[0] and 1 at y[0].", error.Message);
    }

    private static StaticShape S(params object[] dims) => StaticShape.Parse(dims);

    private static PartialOperation Create(string operation, params StaticShape[] operands) => PartialOperation.Create(operation, -1, null, false, false, operands);

    private static PartialOperation Create(string operation, StaticShape x, int axis) => PartialOperation.Create(operation, axis, null, false, false, x);

    private static PartialOperation Create(string operation, StaticShape x, StaticShape y, StaticShape z, int axis) => PartialOperation.Create(operation, axis, null, false, false, x, y, z);

    private static PartialOperation Create(string operation, StaticShape x, int axis, int[]? values) => PartialOperation.Create(operation, axis, values, false, false, x);

    private static PartialOperation CreateReshape(StaticShape x, params int[] target) => PartialOperation.Create("Reshape", -1, target, false, false, x);
}
