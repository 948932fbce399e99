using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ShapedTensors.Kernels;

namespace ShapedTensors;

/// <summary>Helpers that code emitted by the ShapedTensors generator calls; not meant for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedCodeSupport
{
    /// <summary>The array behind a dynamic tensor, so that shaped tensors can share it without copying.</summary>
    public static T[] ArrayOf<T>(DynamicTensor<T> tensor)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Require.NotNull(tensor, nameof(tensor));
        return tensor.Data;
    }

    /// <summary>Checks that <paramref name="length"/> is the element count of <paramref name="shape"/>.</summary>
    public static void CheckLength(Shape shape, int length, string parameterName)
    {
        Require.NotNull(shape, nameof(shape));
        if (length != shape.ElementCount)
        {
            throw new ArgumentException($"A tensor of shape {shape} needs {shape.ElementCount} elements, but {length} were given.", parameterName);
        }
    }

    /// <summary>Checks that a dynamic tensor has the shape of the type it converts to.</summary>
    public static void CheckShape(Shape expected, Shape actual, string typeName, string parameterName)
    {
        if (expected != actual)
        {
            throw new ArgumentException($"A tensor of shape {actual} cannot become a {typeName}, whose shape is {expected}.", parameterName);
        }
    }

    /// <summary>
    /// Checks that a destination is not stored in the same array as an operand, which kernels read while writing it.
    /// </summary>
    /// <remarks>
    /// Every shaped tensor is stored in a whole array whose length is its element count (shared only by
    /// <c>As</c>, <c>FromDynamic</c> and the like, never sliced), so two of them share memory exactly when their
    /// spans start at the same element: one comparison per operand instead of a general overlap test, which
    /// costs more than a 4×4 product. An empty destination holds no memory to share (empty tensors may all wrap
    /// the same empty array).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckNotSameStorage<T>(ReadOnlySpan<T> destination, ReadOnlySpan<T> x, ReadOnlySpan<T> y, string parameterName)
    {
        ref var start = ref MemoryMarshal.GetReference(destination);
        if (!destination.IsEmpty && (Unsafe.AreSame(ref start, ref MemoryMarshal.GetReference(x)) || Unsafe.AreSame(ref start, ref MemoryMarshal.GetReference(y))))
        {
            ThrowSameStorage(parameterName);
        }
    }

    [DoesNotReturn] // not NoInlining: the JIT sees that it only throws, keeps it out of line and treats its calls as never returning
    private static void ThrowSameStorage(string parameterName)
        => throw new ArgumentException("The destination must not share memory with an operand.", parameterName);

    /// <summary>Checks that a kernel's spans have the lengths of its shapes, so its unchecked loads and stores stay inside them.</summary>
    /// <remarks>Inlined into every call, so the message is built out of line.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckKernelLengths(int x, int expectedX, int y, int expectedY, int output, int expectedOutput)
    {
        if (x != expectedX || y != expectedY || output != expectedOutput)
        {
            ThrowKernelLengths(x, expectedX, y, expectedY, output, expectedOutput);
        }
    }

    [DoesNotReturn] // not NoInlining: the JIT sees that it only throws, keeps it out of line and treats its calls as never returning
    private static void ThrowKernelLengths(int x, int expectedX, int y, int expectedY, int output, int expectedOutput)
        => throw new ArgumentException($"A kernel for {expectedX}, {expectedY} -> {expectedOutput} elements was given {x}, {y} -> {output}.");

    /// <summary>The exception for a default value of a struct tensor type, which has no storage.</summary>
    public static InvalidOperationException Uninitialized(string typeName)
        => new($"This {typeName} is a default value with no storage; create one with new {typeName}(), {typeName}.Zeros() or another factory.");

    /// <summary>The exception for an index outside its dimension.</summary>
    public static ArgumentOutOfRangeException IndexOutOfRange(int axis, int index, int size)
        => new($"i{axis}", index, $"Index {index} is out of range for axis {axis} of size {size}.");

    /// <summary>
    /// Computes an operation whose option values the generator did not specialize (they were not
    /// compile-time constants) through the runtime, into a destination of the overload's result type.
    /// </summary>
    /// <exception cref="ShapeMismatchException">The shapes are incompatible for these options.</exception>
    /// <exception cref="InvalidOperationException">These options give a result shape other than the destination's.</exception>
    public static void Contract<T>(string operation, ContractionResult result, IShapedTensor<T> x, IShapedTensor<T> y, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Require.NotNull(result, nameof(result));
        Require.NotNull(x, nameof(x));
        Require.NotNull(y, nameof(y));
        Require.NotNull(destination, nameof(destination));
        var plan = Contraction.PlanOrThrow(result, operation, x.Shape, y.Shape);
        if (plan.Result != destination.Shape)
        {
            throw new InvalidOperationException($"{operation} of {x.Shape} and {y.Shape} with these options has shape {plan.Result}, not the shape {destination.Shape} of the type this overload returns; pass the options as constants or use the dynamic tensor.");
        }

        PlanExecutor.Execute(plan, x.AsReadOnlySpan(), y.AsReadOnlySpan(), destination.AsSpan());
    }
}
