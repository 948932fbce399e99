using System;
using System.Linq;
using Xunit;

namespace ShapedTensors.Tests.Einsum;

/// <summary>The run-time forms: destinations, the fallbacks on shaped tensors, tensordot's axis texts.</summary>
public sealed class EinsumApiTests
{
    private static readonly DynamicTensor<double> A = DynamicTensor<double>.Random(new Shape(2, 3), seed: 1);
    private static readonly DynamicTensor<double> B = DynamicTensor<double>.Random(new Shape(3, 5), seed: 2);

    [Fact]
    public void Einsum_writes_into_a_destination_of_the_result_shape()
    {
        var destination = DynamicTensor<double>.Zeros(2, 5);
        DynamicTensor<double>.Einsum("ij,jk->ik", A, B, destination);
        Assert.Equal(A.Dot(B).ToArray(), destination.ToArray());
    }

    [Fact]
    public void Einsum_rejects_a_destination_of_another_shape()
    {
        var thrown = Assert.Throws<ArgumentException>(() => DynamicTensor<double>.Einsum("ij,jk->ik", A, B, DynamicTensor<double>.Zeros(5, 2)));
        Assert.StartsWith("The destination has shape (5, 2), but Einsum of (2, 3) and (3, 5) has shape (2, 5).", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TensorMath_reads_as_tf_einsum_on_dynamic_and_shaped_tensors()
    {
        var shaped = new PartialTensor(StaticShape.Parse(2, 3), 2, 3);
        Assert.Equal(A.Transpose().ToArray(), TensorMath.Einsum("ij->ji", A).ToArray());
        Assert.Equal(new Shape(3), TensorMath.Einsum("ij->j", shaped).Shape);
        Assert.Equal(new Shape(2, 2), TensorMath.Einsum("ij,kj->ik", shaped, shaped).Shape);
    }

    [Fact]
    public void A_partial_shape_fails_at_graph_time_with_its_unknown_sizes_in_the_frame()
    {
        var x = new PartialTensor(StaticShape.Parse("?", 3), 2, 3);
        var y = new PartialTensor(StaticShape.Parse(4, 5), 4, 5);
        var thrown = Assert.Throws<ShapeMismatchException>(() => TensorMath.Einsum("ij,jk->ik", x, y));
        Assert.Equal("Dimensions must be equal, but are 3 and 4 for 'einsum/Einsum' (op: 'Einsum') with input shapes: [?,3], [4,5].", thrown.Message);
    }

    [Fact]
    public void A_partial_shape_that_passes_graph_time_is_checked_on_its_run_time_sizes()
    {
        var x = new PartialTensor(StaticShape.Parse(2, "k"), 2, 3);
        var y = new PartialTensor(StaticShape.Parse(4, 5), 4, 5);
        var thrown = Assert.Throws<ShapeMismatchException>(() => TensorMath.Einsum("ij,jk->ik", x, y));
        Assert.Equal("Dimensions must be equal, but are 3 and 4 for 'einsum/Einsum' (op: 'Einsum') with input shapes: [2,3], [4,5].", thrown.Message);
        Assert.Equal(new Shape(2, 5), TensorMath.Einsum("ij,jk->ik", x, new PartialTensor(StaticShape.Parse(3, 5), 3, 5)).Shape);
    }

    [Fact]
    public void TensorDot_on_shaped_tensors_matches_the_dynamic_form()
    {
        var x = new PartialTensor(StaticShape.Parse(2, 3, 4), 2, 3, 4);
        var y = new PartialTensor(StaticShape.Parse(4, 3, 5), 4, 3, 5);
        var expected = x.ToDynamic().TensorDot(y.ToDynamic(), ([1, 2], [1, 0]));
        Assert.Equal(expected.ToArray(), x.TensorDot(y, ([1, 2], [1, 0])).ToArray());
        Assert.Equal(new Shape(2, 3, 3, 5), x.TensorDot(y, (2, 0)).Shape);
        Assert.Equal(new Shape(2, 3, 3, 5), x.TensorDot(y, 1).Shape);
    }

    [Fact]
    public void TensorDot_writes_into_a_destination()
    {
        var destination = DynamicTensor<double>.Zeros(2, 5);
        A.TensorDot(B, 1, destination);
        Assert.Equal(A.Dot(B).ToArray(), destination.ToArray());
        A.TensorDot(B, ([1], [0]), destination);
        Assert.Equal(A.Dot(B).ToArray(), destination.ToArray());
    }

    [Fact]
    public void A_negative_tensordot_count_is_pythons_error()
        => Assert.Equal("'axes' must be at least 0.", Assert.Throws<ShapeMismatchException>(() => A.TensorDot(B, -1)).Message);

    [Fact]
    public void Tensordot_lists_of_different_lengths_are_pythons_error()
        => Assert.Equal(
            "Different number of contraction axes 'a' and 'b', 1 != 2.",
            Assert.Throws<ShapeMismatchException>(() => A.TensorDot(B, ([1], [0, 1]))).Message);

    [Fact]
    public void A_tensordot_count_above_a_rank_is_out_of_range()
    {
        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => A.TensorDot(B, 3));
        Assert.Equal("axes", thrown.ParamName);
        Assert.StartsWith("Tensordot axes 3 are out of range for input shapes [2,3], [3,5].", thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 2 }, new[] { 0 }, "Tensordot axes [[2],[0]] are out of range for input shapes [2,3], [3,5].")]
    [InlineData(new[] { -3 }, new[] { 0 }, "Tensordot axes [[-3],[0]] are out of range for input shapes [2,3], [3,5].")]
    [InlineData(new[] { 1, 1 }, new[] { 0, 1 }, "Tensordot axes [[1,1],[0,1]] are out of range for input shapes [2,3], [3,5].")]
    public void A_tensordot_axis_outside_its_rank_or_repeated_is_out_of_range(int[] a, int[] b, string text)
    {
        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => A.TensorDot(B, (a, b)));
        Assert.StartsWith(text, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_tensordot_axes_count_from_the_end()
        => Assert.Equal(A.Dot(B).ToArray(), A.TensorDot(B, ([-1], [-2])).ToArray());

    [Fact]
    public void Operands_are_not_modified_and_an_empty_sum_is_zero()
    {
        var before = A.ToArray();
        var empty = TensorMath.Einsum("ij,jk->ik", DynamicTensor<double>.Zeros(2, 0), DynamicTensor<double>.Zeros(0, 4));
        Assert.Equal(new double[8], empty.ToArray());
        _ = TensorMath.Einsum("ij,jk->ik", A, B);
        Assert.Equal(before, A.ToArray());
        Assert.All(TensorMath.Einsum("ijk->j", DynamicTensor<double>.Zeros(2, 0, 3)).ToArray(), v => Assert.Equal(0, v));
    }

    [Fact]
    public void A_repeated_call_reuses_its_plan_and_another_equation_on_the_same_shapes_gets_its_own()
    {
        var first = TensorMath.Einsum("ij,jk->ik", A, B);
        var lowering = EinsumPlans.Find("ij,jk->ik", A.Shape, B.Shape);
        Assert.NotNull(lowering);
        Assert.Equal(first.ToArray(), TensorMath.Einsum("ij,jk->ik", A, B).ToArray());
        Assert.Same(lowering, EinsumPlans.Find("ij,jk->ik", A.Shape, B.Shape));
        Assert.Equal(first.Transpose().ToArray(), TensorMath.Einsum("ij,jk->ki", A, B).ToArray());
        Assert.Null(EinsumPlans.Find("ij,jk->ik", B.Shape, A.Shape));
    }
}
