using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using ShapedTensors.Kernels.Operations;

namespace ShapedTensors;

// The kernels of OPS.md §1–§7 as generated code calls them. The generator checked the shapes at compile time, so only
// the span lengths are checked here (a mismatch is a bug in the caller: ArgumentException); the kernels index spans
// with bounds checks, so even an inconsistent shape cannot write outside them.
public static partial class GeneratedCodeSupport
{
    /// <summary><c>output = x op y</c> with numpy broadcasting; <paramref name="resultShape"/> is the broadcast shape.</summary>
    public static void Broadcast<T>(ElementwiseOperation operation, ReadOnlySpan<T> x, Shape xShape, ReadOnlySpan<T> y, Shape yShape, Span<T> output, Shape resultShape)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckKernelLengths(x.Length, Count(xShape), y.Length, Count(yShape), output.Length, Count(resultShape));
        BroadcastKernel.Run(operation, x, xShape, y, yShape, output, resultShape);
    }

    /// <summary><c>output = op(x)</c>, element by element.</summary>
    public static void Unary<T>(UnaryOperation operation, ReadOnlySpan<T> x, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckKernelLengths(x.Length, output.Length, 0, 0, output.Length, x.Length);
        UnaryKernel.Run(operation, x, output);
    }

    /// <summary>The softmax of <paramref name="x"/> along <paramref name="axis"/> (normalized: in [0, rank)).</summary>
    public static void Softmax<T>(ReadOnlySpan<T> x, Shape shape, int axis, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var count = Count(shape);
        CheckKernelLengths(x.Length, count, 0, 0, output.Length, count);
        CheckAxis(axis, shape.Rank);
        SoftmaxKernel.Run(x, shape, axis, output);
    }

    /// <summary>
    /// <paramref name="x"/> reduced over <paramref name="axes"/> (normalized, sorted, distinct) into the kept axes in
    /// row-major order (the same elements with or without <c>keepdims</c>).
    /// </summary>
    public static void Reduce<T>(ReductionOperation operation, ReadOnlySpan<T> x, Shape shape, ReadOnlySpan<int> axes, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Require.NotNull(shape, nameof(shape));
        long kept = 1;
        for (var axis = 0; axis < shape.Rank; axis++)
        {
            kept *= axes.Contains(axis) ? 1 : shape[axis];
        }

        foreach (var axis in axes)
        {
            CheckAxis(axis, shape.Rank);
        }

        CheckKernelLengths(x.Length, Count(shape), 0, 0, output.Length, (int)kept);
        ReductionKernel.Run(operation, x, shape, axes, output);
    }

    /// <summary><c>np.transpose(x, permutation)</c>: output axis i is x's axis <c>permutation[i]</c>.</summary>
    public static void Transpose<T>(ReadOnlySpan<T> x, Shape shape, ReadOnlySpan<int> permutation, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var count = Count(shape);
        CheckKernelLengths(x.Length, count, permutation.Length, shape.Rank, output.Length, count);
        foreach (var axis in permutation)
        {
            CheckAxis(axis, shape.Rank);
        }

        TransposeKernel.Run(x, shape, permutation, output);
    }

    /// <summary><c>np.concatenate([x, y], axis)</c> (<paramref name="axis"/> normalized).</summary>
    public static void Concatenate<T>(int axis, Span<T> output, Shape resultShape, ReadOnlySpan<T> x, Shape xShape, ReadOnlySpan<T> y, Shape yShape)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckConcatenation(axis, output, resultShape, xShape[axis] + yShape[axis]);
        Place(axis, output, resultShape, x, xShape, 0);
        Place(axis, output, resultShape, y, yShape, xShape[axis]);
    }

    /// <summary><c>np.concatenate([x, y, z], axis)</c> (<paramref name="axis"/> normalized).</summary>
    public static void Concatenate<T>(int axis, Span<T> output, Shape resultShape, ReadOnlySpan<T> x, Shape xShape, ReadOnlySpan<T> y, Shape yShape, ReadOnlySpan<T> z, Shape zShape)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckConcatenation(axis, output, resultShape, xShape[axis] + yShape[axis] + zShape[axis]);
        Place(axis, output, resultShape, x, xShape, 0);
        Place(axis, output, resultShape, y, yShape, xShape[axis]);
        Place(axis, output, resultShape, z, zShape, xShape[axis] + yShape[axis]);
    }

    /// <summary><c>np.concatenate([x, y, z, w], axis)</c> (<paramref name="axis"/> normalized).</summary>
    public static void Concatenate<T>(int axis, Span<T> output, Shape resultShape, ReadOnlySpan<T> x, Shape xShape, ReadOnlySpan<T> y, Shape yShape, ReadOnlySpan<T> z, Shape zShape, ReadOnlySpan<T> w, Shape wShape)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckConcatenation(axis, output, resultShape, xShape[axis] + yShape[axis] + zShape[axis] + wShape[axis]);
        Place(axis, output, resultShape, x, xShape, 0);
        Place(axis, output, resultShape, y, yShape, xShape[axis]);
        Place(axis, output, resultShape, z, zShape, xShape[axis] + yShape[axis]);
        Place(axis, output, resultShape, w, wShape, xShape[axis] + yShape[axis] + zShape[axis]);
    }

    /// <summary>
    /// Checks that a destination has the shape an operation on partially known shapes gives at run time (its type
    /// says only what the compiler knew), with the text of <c>DynamicTensor</c>'s destination forms.
    /// </summary>
    /// <exception cref="ArgumentException">The destination has another shape.</exception>
    public static void CheckDestination(string operation, Shape destination, Shape result, Shape x)
    {
        if (!destination.Equals(result))
        {
            throw WrongDestination(operation, destination, result, x);
        }
    }

    /// <inheritdoc cref="CheckDestination(string, Shape, Shape, Shape)"/>
    public static void CheckDestination(string operation, Shape destination, Shape result, Shape x, Shape y)
    {
        if (!destination.Equals(result))
        {
            throw WrongDestination(operation, destination, result, x, y);
        }
    }

    private static ArgumentException WrongDestination(string operation, Shape destination, Shape result, params Shape[] operands)
        => new(DestinationText.WrongShape(destination, operation, result, operands), nameof(destination));

    /// <summary>The elements of <paramref name="x"/> in the same order (<c>Reshape</c>, <c>ExpandDims</c>, <c>Squeeze</c>).</summary>
    public static void Copy<T>(ReadOnlySpan<T> x, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckKernelLengths(x.Length, output.Length, 0, 0, output.Length, x.Length);
        x.CopyTo(output);
    }

    // Concatenation operand i: its length, then its place.
    private static void Place<T>(int axis, Span<T> output, Shape resultShape, ReadOnlySpan<T> x, Shape xShape, int before)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckKernelLengths(x.Length, Count(xShape), 0, 0, output.Length, Count(resultShape));
        ConcatenateKernel.Place(axis, x, xShape, before, output, resultShape);
    }

    private static void CheckConcatenation<T>(int axis, Span<T> output, Shape resultShape, int axisSum)
    {
        CheckAxis(axis, resultShape.Rank);
        if (resultShape[axis] != axisSum)
        {
            throw new ArgumentException($"A concatenation into {resultShape} along axis {axis} was given operands of {axisSum} there in all.", nameof(resultShape));
        }

        CheckKernelLengths(0, 0, 0, 0, output.Length, Count(resultShape));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CheckAxis(int axis, int rank)
    {
        if ((uint)axis >= (uint)rank)
        {
            throw new ArgumentOutOfRangeException(nameof(axis), axis, $"A kernel axis must be normalized to [0, {rank}).");
        }
    }

    // The element count as the int a span length is (a shape beyond int is no span's).
    private static int Count(Shape shape)
    {
        Require.NotNull(shape, nameof(shape));
        return (int)Math.Min(shape.ElementCount, int.MaxValue);
    }
}
