using System;
using Digits;
using Xunit;

namespace ShapedTensors.Digits.Tests;

/// <summary>The training step writes every result into tensors made once per batch size.</summary>
/// <remarks>
/// Not run beside the other tests: each call site of the step keeps the checks' results of its last two run-time shapes
/// in a static cache, so another test's batch size running on another thread would make a step here plan again.
/// </remarks>
[Collection(MeasuredAlone.Name)]
public class AllocationTests
{
    [Theory]
    [InlineData(30)]
    [InlineData(64)]
    public void After_the_first_step_of_a_batch_size_a_step_allocates_at_most_its_destinations_conversions(int batch)
    {
        var (images, labels) = Batches.First(batch);
        var x = Images.FromArray(images);
        var y = Batches.OneHotOf(labels);
        var step = new TrainingStep(Batches.Model(seed: 8));
        step.ComputeGradients(x, y);     // makes the buffers of this batch size, and the checks' plans for its shapes

        var before = GC.GetAllocatedBytesForCurrentThread();
        step.ComputeGradients(x, y);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Not 0 yet: the step passes a Hidden or Scores buffer as the destination of 13 calls, whose parameter is the
        // result's generated type (Float32_batchx32, Float32_batchx10). That conversion shares the elements, but the
        // generator writes it as FromDynamic(value.ToDynamic()) (the declared type's array is private to it), so each
        // one allocates a DynamicTensor<float> object, and nothing else does. At most: once the JIT has optimized the
        // conversions (after many steps, or with tiered compilation off) it keeps some of those objects on the stack.
        const int ConversionsPerStep = 13;
        Assert.InRange(allocated, 0, ConversionsPerStep * BytesOfOneToDynamic(x));
    }

    [Fact]
    public void An_epoch_alternating_two_batch_sizes_does_not_plan_again()
    {
        // Each call site keeps the checks' results of its last two run-time shapes: 64, 30, 64 as an epoch's end and the
        // next epoch's start, and no step re-plans.
        var full = Batch(64);
        var last = Batch(30);
        var step = new TrainingStep(Batches.Model(seed: 9));
        step.ComputeGradients(full.X, full.Y);
        step.ComputeGradients(last.X, last.Y);

        var before = GC.GetAllocatedBytesForCurrentThread();
        step.ComputeGradients(full.X, full.Y);
        step.ComputeGradients(last.X, last.Y);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        const int ConversionsPerStep = 13;
        Assert.InRange(allocated, 0, 2 * ConversionsPerStep * BytesOfOneToDynamic(full.X));
    }

    private static (Images X, OneHot Y) Batch(int batch)
    {
        var (images, labels) = Batches.First(batch);
        return (Images.FromArray(images), Batches.OneHotOf(labels));
    }

    private static long BytesOfOneToDynamic(Images x)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(x.ToDynamic());
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}

/// <summary>The tests that measure a step's allocations, run after the others and alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAlone
{
    public const string Name = "Allocations";
}
