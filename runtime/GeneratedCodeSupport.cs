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
public static partial class GeneratedCodeSupport
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
            ThrowLength(shape, length, parameterName);
        }
    }

    /// <summary>
    /// Checks that <paramref name="length"/> is <paramref name="expectedLength"/>, the element count of
    /// <paramref name="shape"/> (a generated type's constant): one comparison, the message built only on failure.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckLength(Shape shape, int expectedLength, int length, string parameterName)
    {
        if (length != expectedLength)
        {
            ThrowLength(shape, length, parameterName);
        }
    }

    /// <summary>Checks that a dynamic tensor has the shape of the type it converts to.</summary>
    public static void CheckShape(Shape expected, Shape actual, string typeName, string parameterName)
    {
        if (expected != actual)
        {
            ThrowShape(expected, actual, typeName, parameterName);
        }
    }

    /// <summary>
    /// Checks that a tensor of shape <paramref name="actual"/> can become a <typeparamref name="TOther"/>, whose shape
    /// is <paramref name="expected"/> (<c>As&lt;TOther&gt;</c>, and the conversions between same-shape types): the
    /// type's name is looked up only on failure.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckShape<TOther>(Shape expected, Shape actual)
    {
        if (!ReferenceEquals(expected, actual) && expected != actual)
        {
            ThrowShape(expected, actual, typeof(TOther).Name, nameof(TOther));
        }
    }

    [DoesNotReturn]
    private static void ThrowLength(Shape shape, int length, string parameterName)
        => throw new ArgumentException($"A tensor of shape {shape} needs {shape.ElementCount} elements, but {length} were given.", parameterName);

    [DoesNotReturn]
    private static void ThrowShape(Shape expected, Shape actual, string typeName, string parameterName)
        => throw new ArgumentException($"A tensor of shape {actual} cannot become a {typeName}, whose shape is {expected}.", parameterName);

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

    /// <summary>
    /// A hash of tensor values consistent with their equality (<see cref="MemoryExtensions.SequenceEqual{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/>,
    /// which compares elements with <c>Equals</c>: every NaN equals every NaN, and 0 equals -0): the bytes of the values
    /// with -0 made 0 and every NaN made one NaN, a block at a time.
    /// </summary>
    public static int HashOf<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int BlockLength = 256;
        var hash = default(HashCode);
        Span<T> block = stackalloc T[BlockLength];
        for (var start = 0; start < values.Length; start += BlockLength)
        {
            var source = values.Slice(start, Math.Min(BlockLength, values.Length - start));
            var normal = block[..source.Length];
            var i = 0;
            if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
            {
                var nan = new Vector<T>(T.NaN);
                for (; i <= source.Length - Vector<T>.Count; i += Vector<T>.Count)
                {
                    var value = new Vector<T>(source[i..]);
                    value = Vector.ConditionalSelect(Vector.Equals(value, Vector<T>.Zero), Vector<T>.Zero, value);
                    Vector.ConditionalSelect(Vector.Equals(value, value), value, nan).CopyTo(normal[i..]);
                }
            }

            for (; i < source.Length; i++)
            {
                var value = source[i];
                normal[i] = T.IsNaN(value) ? T.NaN : value == T.Zero ? T.Zero : value;
            }

            hash.AddBytes(MemoryMarshal.AsBytes(normal));
        }

        return hash.ToHashCode();
    }

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
        Require.NotNull(x, nameof(x));
        Require.NotNull(y, nameof(y));
        Require.NotNull(destination, nameof(destination));
        Contract(operation, result, x.Shape, x.AsReadOnlySpan(), y.Shape, y.AsReadOnlySpan(), destination.Shape, destination.AsSpan());
    }

    /// <summary>
    /// <see cref="Contract{T}(string, ContractionResult, IShapedTensor{T}, IShapedTensor{T}, IShapedTensor{T})"/> on the
    /// tensors' shapes and elements: the form for a destination with inline storage, which an interface would box (the
    /// result would then go into the box, not into the caller's value).
    /// </summary>
    /// <exception cref="ShapeMismatchException">The shapes are incompatible for these options.</exception>
    /// <exception cref="InvalidOperationException">These options give a result shape other than the destination's.</exception>
    public static void Contract<T>(string operation, ContractionResult result, Shape xShape, ReadOnlySpan<T> x, Shape yShape, ReadOnlySpan<T> y, Shape destinationShape, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Require.NotNull(result, nameof(result));
        var plan = Contraction.PlanOrThrow(result, operation, xShape, yShape);
        if (plan.Result != destinationShape)
        {
            throw new InvalidOperationException($"{operation} of {xShape} and {yShape} with these options has shape {plan.Result}, not the shape {destinationShape} of the type this overload returns; pass the options as constants or use the dynamic tensor.");
        }

        StridedProduct.Multiply(plan, x, y, destination);
    }
}
