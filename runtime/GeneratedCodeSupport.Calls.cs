using System;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using ShapedTensors.Kernels;

namespace ShapedTensors;

/// <content>The calls on partially known shapes: the runtime's product of a plan, and the checks of kernels with a run-time count of products.</content>
public static partial class GeneratedCodeSupport
{
    /// <summary>Computes a plan (from <see cref="PartialContraction.Plan(Shape, Shape, Shape)"/>) with the runtime's product.</summary>
    public static void Multiply<T>(ContractionPlan plan, ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Require.NotNull(plan, nameof(plan));
        StridedProduct.Multiply(plan, x, y, output);
    }

    /// <summary>
    /// Checks that an emitted kernel with a run-time count of products reads and writes only inside its spans: each
    /// operand's item <c>i</c> starts at <c>i · stride</c> and spans <c>item</c> elements.
    /// </summary>
    public static void CheckKernelExtents(long batch, int x, long xStride, long xItem, int y, long yStride, long yItem, int output, long outStride, long outItem)
    {
        if (batch < 0 || (batch > 0 && (!Fits(batch, x, xStride, xItem) || !Fits(batch, y, yStride, yItem) || !Fits(batch, output, outStride, outItem))))
        {
            ThrowKernelExtents(batch, x, y, output);
        }
    }

    private static bool Fits(long batch, int length, long stride, long item) => ((batch - 1) * stride) + item <= length;

    [DoesNotReturn]
    private static void ThrowKernelExtents(long batch, int x, int y, int output)
        => throw new ArgumentException($"A kernel for {batch} products was given {x}, {y} -> {output} elements, too few for them.");
}
