using System;
using ShapedTensors;
using ShapedTensors.Generated.ShapedTensors.UsageTests;
using Xunit;

#pragma warning disable ST0010 // Calls whose checks run at run time are what these tests exercise.

namespace ShapedTensors.UsageTests;

[Tensor("batch", 784)] public partial struct DigitsInput;
[Tensor(784, 128)] public partial struct DigitsW1;
[Tensor(128)] public partial struct DigitsB1;
[Tensor(128, 10)] public partial struct DigitsW2;
[Tensor(10)] public partial struct DigitsB2;
[Tensor("batch", 12)] public partial struct DigitsOdd;
[Tensor("?", 12)] public partial struct DigitsAny;

/// <summary>
/// The operations of OPS.md §1–§7 on partially known shapes through a real build (PARTIAL_SHAPES.md): specialized, they
/// return the canonical types with the names carried, compute on the run-time sizes, and throw TensorFlow's kernel
/// texts (§8.1) when the run-time sizes do not fit.
/// </summary>
[Collection(MeasuredAlone.Name)]
public class PartialOperationTests
{
    [Fact]
    public void The_digits_model_runs_at_any_batch_size_through_the_same_code()
    {
        var w1 = DigitsW1.Random(seed: 2);
        var b1 = DigitsB1.Random(seed: 3);
        var w2 = DigitsW2.Random(seed: 4);
        var b2 = DigitsB2.Random(seed: 5);
        foreach (var batch in new[] { 32, 5 })
        {
            var x = DigitsInput.Random(seed: batch, batch: batch);
            var h = (x.MatMul(w1) + b1).Relu();
            var p = h.MatMul(w2).BiasAdd(b2).Softmax();
            var loss = p.Mean();

            Assert.IsType<Float32_batchx128>(h);
            Assert.IsType<Float32_batchx10>(p);
            Assert.IsType<Float32_Scalar>(loss);
            Assert.Equal(new Shape(batch, 10), p.Shape);

            var dx = x.ToDynamic();
            var expected = dx.MatMul(w1.ToDynamic()).Add(b1.ToDynamic()).Relu().MatMul(w2.ToDynamic()).BiasAdd(b2.ToDynamic()).Softmax();
            Approx.Equal(expected.AsReadOnlySpan(), p.AsReadOnlySpan());
            Approx.Equal(expected.Mean().AsReadOnlySpan(), loss.AsReadOnlySpan());
        }
    }

    [Fact]
    public void A_loop_allocates_only_its_results()
    {
        // The checks and the result shape come from the cache, and the kernels allocate nothing.
        var x = DigitsInput.Random(seed: 1, batch: 8);
        var h = x.MatMul(DigitsW1.Random(seed: 2));
        var b = DigitsB1.Random(seed: 3);
        _ = (h + b).Relu().Softmax();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            _ = (h + b).Relu().Softmax();
        }

        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;

        // Three results of 8x128 floats, each an array with its header; nothing else.
        Assert.InRange(perCall, 3 * 8 * 128 * sizeof(float), (3 * 8 * 128 * sizeof(float)) + 96);
    }

    [Fact]
    public void A_run_time_mismatch_throws_the_kernel_text()
    {
        var x = DigitsOdd.Random(seed: 1, batch: 4);
        var y = DigitsOdd.Random(seed: 2, batch: 1);
        var error = Assert.Throws<ShapeMismatchException>(() => x + y);
        Assert.Equal("Dimension 'batch' must have the same size wherever it appears in one call, but is 4 at x[0] and 1 at y[0].", error.Message);
        var a = DigitsAny.Random(1, 4);
        var b = DigitsAny.Random(2, 3);
        error = Assert.Throws<ShapeMismatchException>(() => a * b);
        Assert.Equal("Incompatible shapes: [4,12] vs. [3,12]", error.Message);
        var product = a * DigitsAny.Random(3, 1);
        Assert.Equal(new Shape(4, 12), product.Shape);
    }
    [Fact]
    public void A_scalar_computed_from_a_generated_size_member_is_a_scalar_operand()
    {
        // x.Batch is generated: the generator types 1f / x.Batch as the float it will be, so the operator exists.
        DigitsInput x = DigitsInput.Random(seed: 1, batch: 4);
        var scaled = x * (1f / x.Batch);
        var halved = x.Multiply(x.Length / (2f * x.Length));

        Assert.IsType<Float32_batchx784>(scaled);
        Approx.Equal((x.ToDynamic() * 0.25f).AsReadOnlySpan(), scaled.AsReadOnlySpan());
        Approx.Equal((x.ToDynamic() * 0.5f).AsReadOnlySpan(), halved.AsReadOnlySpan());
    }
}
