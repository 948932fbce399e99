using System;
using ShapedTensors;
using ShapedTensors.Generated.ShapedTensors.UsageTests;
using Xunit;

#pragma warning disable ST0010 // Calls whose checks run at run time are what these tests exercise.

namespace ShapedTensors.UsageTests;

/// <summary>
/// Calls on partially known shapes through a real build (PARTIAL_SHAPES.md): they bind to the overloads generated for
/// them, return canonical types that carry the run-time sizes, and throw TensorFlow's kernel texts (§8.1) or the
/// name-binding text (§8.4) when the run-time sizes do not fit.
/// </summary>
[Collection(MeasuredAlone.Name)]
public class PartialCallTests
{
    [Fact]
    public void A_dense_layer_at_any_batch_size_matches_the_runtime()
    {
        var w = CallWeights.Random(seed: 2);
        foreach (var batch in new[] { 1, 3, 32, 0 })
        {
            var x = CallBatch.Random(seed: batch, batch: batch);
            var h = x.Dot(w);
            Assert.IsType<Float32_batchx16>(h);
            Assert.Equal("(batch, 16)", Float32_batchx16.StaticShape.ToString());
            Assert.Equal(new Shape(batch, 16), h.Shape);
            Assert.Equal(batch, h.Batch);
            Approx.Equal(x.ToDynamic().Dot(w.ToDynamic()).AsReadOnlySpan(), h.AsReadOnlySpan());
        }
    }

    [Fact]
    public void Chains_keep_the_names_and_the_destination_form_allocates_nothing()
    {
        var x = CallBatch.Random(seed: 1, batch: 5);
        var h = x.Dot(CallWeights.Random(seed: 2)).MatMul(CallHead.Random(seed: 3));
        Assert.IsType<Float32_batchx4>(h);
        Assert.Equal(new Shape(5, 4), h.Shape);

        var w = CallWeights.Random(seed: 2);
        var destination = Float32_batchx16.Zeros(batch: 5);
        x.Dot(w, destination);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            x.Dot(w, destination);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Approx.Equal(x.ToDynamic().Dot(w.ToDynamic()).AsReadOnlySpan(), destination.AsReadOnlySpan());
    }

    [Fact]
    public void The_seed_with_a_run_time_batch_runs_its_kernel()
    {
        foreach (var b in new[] { 10, 1, 3 })
        {
            var x = SeedBatchX.Random(seed: 1, b: b);
            var y = SeedBatchY.Random(seed: 2, b: b);
            var z = x.BatchDot(y);
            Assert.IsType<Float32_bx12x4x8>(z);
            Assert.Equal(new Shape(b, 12, 4, 8), z.Shape);
            Approx.Equal(x.ToDynamic().BatchDot(y.ToDynamic()).AsReadOnlySpan(), z.AsReadOnlySpan());
            Approx.Equal(x.ToDynamic().MatMul(y.ToDynamic()).AsReadOnlySpan(), x.MatMul(y).AsReadOnlySpan());
        }
    }

    [Fact]
    public void A_kernel_check_that_fails_throws_TensorFlows_kernel_text()
    {
        // PARTIAL_SHAPES.md §10 D7: (2,3,k)·(4,5) passes graph time; with k = 7 the MatMul kernel fails.
        var x = DeferredX.Zeros(k: 7);
        var error = Assert.Throws<ShapeMismatchException>(() => x.Dot(DeferredY.Zeros()));
        Assert.Equal("Matrix size-incompatible: In[0]: [6,7], In[1]: [4,5]", error.Message);
        Assert.Equal(ShapeErrorKind.IncompatibleSizes, error.Error.Kind);
        Assert.Equal("MatMul", error.Error.Op);

        // With k = 4 it runs, and the result is fully known: (2, 3, 5).
        var ok = DeferredX.Random(seed: 1, k: 4).Dot(DeferredY.Random(seed: 2));
        Assert.IsType<Float32_2x3x5>(ok);
    }

    [Fact]
    public void A_name_with_two_sizes_in_one_call_throws_the_binding_text()
    {
        // §10 M1: MatMul (b,4,5)·(b,5,8) with b = 2 and 9 fails the kernel; b = 1 and 9 passes TF and breaks the name.
        var error = Assert.Throws<ShapeMismatchException>(() => SharedB.Zeros(b: 2).MatMul(SharedB2.Zeros(b: 9)));
        Assert.Equal("In[0] and In[1] must have compatible batch dimensions: [2,4,5] vs. [9,5,8]", error.Message);
        error = Assert.Throws<ShapeMismatchException>(() => SharedB.Zeros(b: 1).MatMul(SharedB2.Zeros(b: 9)));
        Assert.Equal("Dimension 'b' must have the same size wherever it appears in one call, but is 1 at x[0] and 9 at y[0].", error.Message);
        Assert.Equal(ShapeErrorKind.InconsistentNamedSize, error.Error.Kind);
    }

    [Fact]
    public void A_destination_of_other_sizes_is_rejected()
    {
        var x = CallBatch.Zeros(batch: 4);
        var error = Assert.Throws<ArgumentException>(() => x.Dot(CallWeights.Zeros(), Float32_batchx16.Zeros(batch: 3)));
        Assert.Equal("The destination has shape (3, 16), but Dot of (4, 8) and (8, 16) has shape (4, 16). (Parameter 'destination')", error.Message);
    }

    [Fact]
    public void A_default_operand_is_rejected_before_anything_runs()
    {
        Assert.Throws<InvalidOperationException>(() => default(CallBatch).Dot(CallWeights.Zeros()));
    }
}

/// <summary>A batch of inputs.</summary>
[Tensor("batch", 8)]
public partial struct CallBatch;

/// <summary>Weights.</summary>
[Tensor(8, 16)]
public partial struct CallWeights;

/// <summary>A second layer.</summary>
[Tensor(16, 4)]
public partial struct CallHead;

/// <summary>The seed's left operand with a run-time batch.</summary>
[Tensor("b", 12, 4, 5)]
public partial struct SeedBatchX;

/// <summary>The seed's right operand with a run-time batch.</summary>
[Tensor("b", 12, 5, 8)]
public partial struct SeedBatchY;

/// <summary>§10 D7's x.</summary>
[Tensor(2, 3, "k")]
public partial struct DeferredX;

/// <summary>§10 D7's y.</summary>
[Tensor(4, 5)]
public partial struct DeferredY;

/// <summary>§10 M1's x.</summary>
[Tensor("b", 4, 5)]
public partial struct SharedB;

/// <summary>§10 M1's y.</summary>
[Tensor("b", 5, 8)]
public partial struct SharedB2;
