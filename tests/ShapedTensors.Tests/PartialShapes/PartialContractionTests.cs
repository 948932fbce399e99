using System;
using ShapedTensors.Tests.Reference;
using Xunit;

namespace ShapedTensors.Tests.PartialShapes;

/// <summary>
/// <see cref="PartialContraction"/>, what generated calls on partially known shapes run: the run-time texts of
/// PARTIAL_SHAPES.md §10 as exceptions, the plan for the run-time sizes, its cache, the destination check and the count
/// of products an emitted kernel is given.
/// </summary>
public sealed class PartialContractionTests
{
    public static TheoryData<string, string, string, string, string, string, string, string> RunTimeRows => PartialShapeTableTests.RunTimeRows;

    [Theory]
    [MemberData(nameof(RunTimeRows))]
    public void Run_time_rows_throw_their_text_or_plan_their_result(string id, string op, string x, string y, string options, string runX, string runY, string expected)
    {
        var call = Contraction(PartialCase.Parse(op, x, y, options));
        var (rx, ry) = (ToShape(runX), ToShape(runY));
        if (expected.StartsWith('('))
        {
            Assert.Equal(expected, call.Plan(rx, ry).Result.ToString());
            return;
        }

        var error = Assert.Throws<ShapeMismatchException>(() => call.Plan(rx, ry));
        Assert.Equal(expected, error.Message);
        Assert.Equal(op, error.Operation);
        Assert.True(error.Error.Kind is ShapeErrorKind.IncompatibleSizes or ShapeErrorKind.InconsistentNamedSize, id);
    }

    [Fact]
    public void A_graph_time_error_is_thrown_with_its_frame()
    {
        var call = PartialContraction.Dot(StaticShape.Parse("?", 3, 4), StaticShape.Parse(5, 6));
        Assert.Null(call.Result);
        var error = Assert.Throws<ShapeMismatchException>(() => call.Plan(new Shape(2, 3, 4), new Shape(5, 6)));
        Assert.Equal("Dimensions must be equal, but are 4 and 5 for 'MatMul' (op: 'MatMul') with input shapes: [?,4], [5,6].", error.Message);
    }

    [Fact]
    public void The_plan_of_the_last_sizes_is_reused()
    {
        var call = PartialContraction.Dot(StaticShape.Parse("batch", 784), StaticShape.Parse(784, 128));
        var first = call.Plan(new Shape(32, 784), new Shape(784, 128));
        Assert.Same(first, call.Plan(new Shape(32, 784), new Shape(784, 128)));
        var other = call.Plan(new Shape(64, 784), new Shape(784, 128));
        Assert.Equal(new Shape(64, 128), other.Result);
        Assert.NotSame(first, other);
    }

    [Fact]
    public void A_value_that_does_not_fit_its_static_shape_is_rejected()
    {
        var call = PartialContraction.Dot(StaticShape.Parse("batch", 784), StaticShape.Parse(784, 128));
        var error = Assert.Throws<ArgumentException>(() => call.Plan(new Shape(32, 783), new Shape(784, 128)));
        Assert.StartsWith("A value of shape (32, 783) cannot be an operand of static shape (batch, 784).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_destination_must_have_the_run_time_result_shape()
    {
        var call = PartialContraction.Dot(StaticShape.Parse("batch", 784), StaticShape.Parse(784, 128));
        var error = Assert.Throws<ArgumentException>(() => call.Plan(new Shape(32, 784), new Shape(784, 128), new Shape(16, 128)));
        Assert.Equal("The destination has shape (16, 128), but Dot of (32, 784) and (784, 128) has shape (32, 128). (Parameter 'destination')", error.Message);
    }

    [Fact]
    public void A_result_too_large_for_an_array_is_rejected_with_its_element_count()
    {
        var call = PartialContraction.Dot(StaticShape.Parse("a", 1), StaticShape.Parse(1, "b"));
        var error = Assert.Throws<ArgumentException>(() => call.Plan(new Shape(100_000, 1), new Shape(1, 100_000)));
        Assert.Equal("Dot of (100000, 1) and (1, 100000) has shape (100000, 100000): 10000000000 elements, more than the 2147483591 an array can hold.", error.Message);
    }

    [Theory]
    [InlineData(10, 120)]
    [InlineData(1, 12)]
    [InlineData(0, 0)]
    public void The_seed_with_a_run_time_batch_runs_its_kernel_over_twelve_products_per_batch_item(int b, long products)
    {
        var call = PartialContraction.BatchDot(StaticShape.Parse("b", 12, 4, 5), StaticShape.Parse("b", 12, 5, 8));
        var plan = call.Plan(new Shape(b, 12, 4, 5), new Shape(b, 12, 5, 8));
        Assert.Equal(products, call.KernelBatchCount(plan));
    }

    [Fact]
    public void A_run_time_number_of_rows_has_no_kernel_layout()
    {
        var call = PartialContraction.Dot(StaticShape.Parse("batch", 784), StaticShape.Parse(784, 128));
        Assert.Equal(-1, call.KernelBatchCount(call.Plan(new Shape(32, 784), new Shape(784, 128))));
    }

    [Fact]
    public void A_broadcast_operand_keeps_its_kernel_layout_and_size_one_batches_fall_back_only_when_the_loop_nest_changes()
    {
        // MatMul (b,4,5)·(5,8): b products, y shared (stride 0).
        var call = PartialContraction.MatMul(StaticShape.Parse("b", 4, 5), StaticShape.Parse(5, 8), false, false);
        Assert.Equal(7, call.KernelBatchCount(call.Plan(new Shape(7, 4, 5), new Shape(5, 8))));
        Assert.Equal(1, call.KernelBatchCount(call.Plan(new Shape(1, 4, 5), new Shape(5, 8))));
    }

    internal static PartialContraction Contraction(PartialCase c) => c.Op switch
    {
        ContractionOp.Dot => PartialContraction.Dot(c.StaticX, c.StaticY),
        ContractionOp.MatMul => PartialContraction.MatMul(c.StaticX, c.StaticY, c.TransposeA, c.TransposeB),
        _ => c.AxesForm switch
        {
            AxesForm.Default => PartialContraction.BatchDot(c.StaticX, c.StaticY),
            AxesForm.Int => PartialContraction.BatchDot(c.StaticX, c.StaticY, c.Axis0, c.Axis0),
            _ => PartialContraction.BatchDot(c.StaticX, c.StaticY, c.Axis0, c.Axis1),
        },
    };

    private static Shape ToShape(string tuple) => new(Array.ConvertAll(PartialCase.ParseDims(tuple), d => int.Parse(d, System.Globalization.CultureInfo.InvariantCulture)));
}
