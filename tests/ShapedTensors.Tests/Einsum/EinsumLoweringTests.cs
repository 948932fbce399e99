using System.Linq;
using Xunit;

namespace ShapedTensors.Tests.Einsum;

/// <summary>Which einsums run as the strided batched product of MatMul and BatchDot, and which as the loop over every label.</summary>
public sealed class EinsumLoweringTests
{
    [Fact]
    public void A_batched_matrix_product_is_BatchDots_plan()
    {
        var (x, y) = (new Shape(120, 4, 5), new Shape(120, 5, 8));
        var einsum = Lower("bij,bjk->bik", x, y);
        var batchDot = ShapeAlgebra.BatchDot(x, y).Plan!;
        Assert.False(einsum.Swapped);
        AssertSamePlan(batchDot, einsum.Plan!);
    }

    [Fact]
    public void A_tensordot_of_the_last_axis_is_Dots_plan()
    {
        var (x, y) = (new Shape(2, 3, 4), new Shape(4, 5));
        var rule = OperationRules.TensorDot(StaticShape.Of(x), StaticShape.Of(y), TensorDotAxes.Of(1));
        var lowering = EinsumLowering.Create(rule.Labels!, new[] { x, y });
        Assert.True(lowering.Plan!.ComputesSameAs(ShapeAlgebra.Dot(x, y).Plan!));
    }

    [Theory]
    [InlineData("ij,jk->ik", new[] { 2, 3 }, new[] { 3, 5 })]
    [InlineData("ik,kj->ji", new[] { 2, 3 }, new[] { 3, 5 })]
    [InlineData("i,j->ij", new[] { 2 }, new[] { 3 })]
    [InlineData("ij,ij->ij", new[] { 2, 3 }, new[] { 2, 3 })]
    [InlineData("ij,ij->", new[] { 2, 3 }, new[] { 2, 3 })]
    [InlineData("...ij,...jk->...ik", new[] { 2, 1, 3, 4 }, new[] { 5, 4, 6 })]
    [InlineData("bjk,bij->bik", new[] { 7, 3, 5 }, new[] { 7, 2, 3 })]
    public void Two_operand_forms_run_as_one_product(string equation, int[] a, int[] b)
        => Assert.NotNull(Lower(equation, new Shape(a), new Shape(b)).Plan);

    [Theory]
    [InlineData("ij->ji", new[] { 2, 3 })]
    [InlineData("ii->i", new[] { 3, 3 })]
    [InlineData("ii", new[] { 3, 3 })]
    [InlineData("ijk->", new[] { 2, 3, 4 })]
    [InlineData("ijk->i", new[] { 2, 3, 4 })]
    public void One_operand_forms_run_as_one_product_with_a_constant_one(string equation, int[] a)
    {
        var lowering = Lower(equation, new Shape(a));
        Assert.True(lowering.OneOperand);
        Assert.NotNull(lowering.Plan);
    }

    [Fact]
    public void Summed_labels_in_different_orders_fit_no_single_depth_and_loop()
        => Assert.Null(Lower("ijk,kjl->il", new Shape(2, 3, 4), new Shape(4, 3, 5)).Plan);

    [Fact]
    public void Summed_labels_apart_fit_no_single_depth_and_loop()
        => Assert.Null(Lower("ijk->j", new Shape(2, 3, 4)).Plan);

    private static EinsumLowering Lower(string equation, params Shape[] shapes)
        => EinsumLowering.Create(OperationRules.Einsum(equation, shapes.Select(StaticShape.Of).ToArray()).Labels!, shapes);

    private static void AssertSamePlan(ContractionPlan expected, ContractionPlan actual)
    {
        Assert.Equal(
            (expected.Result, expected.M, expected.N, expected.K, expected.XRowStride, expected.XDepthStride, expected.YDepthStride, expected.YColumnStride, expected.OutRowStride),
            (actual.Result, actual.M, actual.N, actual.K, actual.XRowStride, actual.XDepthStride, actual.YDepthStride, actual.YColumnStride, actual.OutRowStride));
        Assert.Equal(
            expected.Batch.Select(a => (a.Size, a.XStride, a.YStride, a.OutStride)),
            actual.Batch.Select(a => (a.Size, a.XStride, a.YStride, a.OutStride)));
    }
}
