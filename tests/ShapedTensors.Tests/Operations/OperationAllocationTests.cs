using System;
using Xunit;

namespace ShapedTensors.Tests.Operations;

/// <summary>
/// The kernel entry points allocate nothing per call (their layouts live on the stack up to rank 8), nor do the
/// DynamicTensor destination forms that need no shape rule (unary operations, same-shape broadcasts).
/// </summary>
public sealed class OperationAllocationTests
{
    private static readonly Shape Matrix = new(16, 40), Bias = new(40), Column = new(16, 1), Cube = new(4, 6, 40), Half = new(16, 20);

    [Fact]
    public void Kernel_entry_points_allocate_nothing_after_warm_up()
    {
        var (x, y, b, c, output, small) = (new float[640], new float[640], new float[40], new float[16], new float[640], new float[16]);
        var (cube, cubeOut) = (new float[960], new float[960]);
        x.AsSpan().Fill(0.5f);
        cube.AsSpan().Fill(0.25f);
        void Calls()
        {
            GeneratedCodeSupport.Broadcast<float>(ElementwiseOperation.Add, x, Matrix, y, Matrix, output, Matrix);
            GeneratedCodeSupport.Broadcast<float>(ElementwiseOperation.Add, x, Matrix, b, Bias, output, Matrix);
            GeneratedCodeSupport.Broadcast<float>(ElementwiseOperation.Subtract, x, Matrix, c, Column, output, Matrix);
            GeneratedCodeSupport.Broadcast<float>(ElementwiseOperation.Divide, b, Bias, x, Matrix, output, Matrix);
            GeneratedCodeSupport.Unary<float>(UnaryOperation.Tanh, x, output);
            GeneratedCodeSupport.Softmax<float>(x, Matrix, 1, output);
            GeneratedCodeSupport.Softmax<float>(x, Matrix, 0, output);
            GeneratedCodeSupport.Reduce<float>(ReductionOperation.Sum, x, Matrix, [1], small);
            GeneratedCodeSupport.Reduce<float>(ReductionOperation.Max, x, Matrix, [0], b);
            GeneratedCodeSupport.Reduce<float>(ReductionOperation.Mean, cube, Cube, [0, 2], small.AsSpan(0, 6));
            GeneratedCodeSupport.Transpose<float>(x, Matrix, [1, 0], output);
            GeneratedCodeSupport.Transpose<float>(cube, Cube, [2, 0, 1], cubeOut);
            GeneratedCodeSupport.Concatenate<float>(1, output, Matrix, x.AsSpan(0, 320), Half, y.AsSpan(0, 320), Half);
            GeneratedCodeSupport.Copy<float>(x, output);
        }

        AssertNoAllocation(Calls);
    }

    [Fact]
    public void Destination_forms_without_a_shape_rule_allocate_nothing()
    {
        var (x, y, destination) = (DynamicTensor<float>.Random(Matrix, 1), DynamicTensor<float>.Random(Matrix, 2), DynamicTensor<float>.Random(Matrix, 3));
        void Calls()
        {
            x.Relu(destination);
            x.Sigmoid(destination);
            x.Add(y, destination);
            x.Maximum(y, destination);
            destination.Multiply(y, destination);
            destination.Negate(destination);
        }

        AssertNoAllocation(Calls);
    }

    private static void AssertNoAllocation(Action calls)
    {
        for (var i = 0; i < 3; i++)
        {
            calls(); // JIT, the array pool's first rent
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++)
        {
            calls();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
