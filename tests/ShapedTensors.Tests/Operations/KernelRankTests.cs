using System;
using Xunit;
using static ShapedTensors.Tests.Operations.NaiveOperations;
using static ShapedTensors.Tests.Operations.OperationData;

namespace ShapedTensors.Tests.Operations;

/// <summary>
/// What <see cref="KernelTests"/>' random shapes of ranks 0–5 do not reach: ranks above the 8 whose layouts live on the
/// stack (beyond them the kernels take their scratch from the heap).
/// </summary>
public sealed class KernelRankTests
{
    [Fact]
    public void Ranks_above_the_stack_layouts_match_numpy()
    {
        var random = new Random(10);
        int[] dims = [2, 1, 3, 2, 1, 2, 3, 1, 2, 2], stretched = [3, 1, 1, 2, 1, 1, 2, 2], permutation = [9, 0, 8, 1, 7, 2, 6, 3, 5, 4];
        var (x, xe) = Values<double>(random, Count(dims));
        var (y, ye) = Values<double>(random, Count(stretched));
        var output = new double[Count(dims)];
        GeneratedCodeSupport.Broadcast<double>(ElementwiseOperation.Multiply, x, new Shape(dims), y, new Shape(stretched), output, new Shape(dims));
        AssertClose(Broadcast(ElementwiseOperation.Multiply, xe, dims, ye, stretched), output, "broadcast");

        GeneratedCodeSupport.Transpose<double>(x, new Shape(dims), permutation, output);
        AssertClose(Transpose(xe, dims, permutation), output, "transpose");

        int[] axes = [0, 3, 6, 9];
        var reduced = new double[Count(dims) / (2 * 2 * 3 * 2)];
        GeneratedCodeSupport.Reduce<double>(ReductionOperation.Mean, x, new Shape(dims), axes, reduced);
        AssertClose(Reduce(ReductionOperation.Mean, xe, dims, axes), reduced, "mean");
    }
}
