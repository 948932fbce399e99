using System;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ShapedTensors;

/// <summary>
/// Conversions between ShapedTensors' row-major storage and System.Numerics.Tensors, spans and
/// multi-dimensional arrays. Views share storage; everything else copies.
/// </summary>
public static class TensorInterop
{
    /// <summary>The shape's dimensions as the <c>nint</c> lengths System.Numerics.Tensors uses.</summary>
    public static nint[] Lengths(Shape shape)
    {
        Require.NotNull(shape, nameof(shape));
        var lengths = new nint[shape.Rank];
        for (var i = 0; i < lengths.Length; i++)
        {
            lengths[i] = shape[i];
        }

        return lengths;
    }

    /// <summary>A writable tensor view of row-major <paramref name="elements"/> with the given shape.</summary>
    public static TensorSpan<T> AsTensorSpan<T>(T[] elements, Shape shape)
    {
        Require.NotNull(elements, nameof(elements));
        return AsTensorSpan(elements.AsSpan(), shape);
    }

    /// <summary>A read-only tensor view of row-major <paramref name="elements"/> with the given shape.</summary>
    public static ReadOnlyTensorSpan<T> AsReadOnlyTensorSpan<T>(T[] elements, Shape shape)
    {
        Require.NotNull(elements, nameof(elements));
        return AsReadOnlyTensorSpan((ReadOnlySpan<T>)elements, shape);
    }

    /// <summary>A writable tensor view of row-major <paramref name="elements"/> with the given shape (for storage that is not an array).</summary>
    public static TensorSpan<T> AsTensorSpan<T>(Span<T> elements, Shape shape)
    {
        GeneratedCodeSupport.CheckLength(shape, elements.Length, nameof(elements));
        return new TensorSpan<T>(elements, Lengths(shape), default);
    }

    /// <summary>A read-only tensor view of row-major <paramref name="elements"/> with the given shape (for storage that is not an array).</summary>
    public static ReadOnlyTensorSpan<T> AsReadOnlyTensorSpan<T>(ReadOnlySpan<T> elements, Shape shape)
    {
        GeneratedCodeSupport.CheckLength(shape, elements.Length, nameof(elements));
        return new ReadOnlyTensorSpan<T>(elements, Lengths(shape), default);
    }

    /// <summary>A <see cref="Tensor{T}"/> over <paramref name="elements"/> (shared, not copied) with the given shape.</summary>
    public static Tensor<T> ToTensor<T>(T[] elements, Shape shape)
    {
        CheckLength(elements, shape);
        return Tensor.Create(elements, Lengths(shape));
    }

    /// <summary>The shape of a tensor span (a length of 0 is an empty dimension).</summary>
    /// <exception cref="ArgumentException">A dimension is longer than <see cref="int.MaxValue"/>.</exception>
    public static Shape ShapeOf<T>(in ReadOnlyTensorSpan<T> source)
    {
        var lengths = source.Lengths;
        var dims = new int[lengths.Length];
        for (var i = 0; i < dims.Length; i++)
        {
            if (lengths[i] > int.MaxValue)
            {
                throw new ArgumentException($"Dimension {i} of the tensor span is {lengths[i]}; ShapedTensors needs every dimension in [0, {int.MaxValue}].", nameof(source));
            }

            dims[i] = (int)lengths[i];
        }

        return new Shape(dims);
    }

    /// <summary>The elements of <paramref name="source"/> in row-major order (any strides), copied into a new array.</summary>
    public static T[] CopyToArray<T>(in ReadOnlyTensorSpan<T> source)
    {
        var elements = new T[checked((int)source.FlattenedLength)];
        source.FlattenTo(elements);
        return elements;
    }

    /// <summary>The shape of a multi-dimensional array (<c>float[,,]</c>) of element type <typeparamref name="T"/>.</summary>
    /// <exception cref="ArgumentException">The array's element type is not <typeparamref name="T"/>.</exception>
    public static Shape ShapeOf<T>(Array array)
    {
        Require.NotNull(array, nameof(array));
        if (array.GetType().GetElementType() != typeof(T))
        {
            throw new ArgumentException($"Expected an array of {typeof(T).Name}, but got {array.GetType().Name}.", nameof(array));
        }

        var dims = new int[array.Rank];
        for (var i = 0; i < dims.Length; i++)
        {
            dims[i] = array.GetLength(i);
        }

        return new Shape(dims);
    }

    /// <summary>The elements of a multi-dimensional array in row-major order (C# arrays are row-major), copied.</summary>
    public static T[] CopyToArray<T>(Array array)
        where T : unmanaged
    {
        ShapeOf<T>(array);
        var source = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(array)), array.Length);
        return source.ToArray();
    }

    /// <summary>A new multi-dimensional array (<c>float[,,]</c> for rank 3) holding a copy of row-major <paramref name="elements"/>.</summary>
    /// <exception cref="ArgumentException">The shape has rank 0: .NET arrays have at least one dimension.</exception>
    [RequiresDynamicCode("Creates an array type of a rank known only at run time; shaped tensor types offer a typed ToMultidimensionalArray().")]
    public static Array ToMultidimensionalArray<T>(ReadOnlySpan<T> elements, Shape shape)
        where T : unmanaged
    {
        Require.NotNull(shape, nameof(shape));
        if (shape.Rank == 0)
        {
            throw new ArgumentException("A scalar has no multi-dimensional array form; read its single element instead.", nameof(shape));
        }

        var array = Array.CreateInstance(typeof(T), shape.ToArray());
        CopyInto(elements, array);
        return array;
    }

    /// <summary>Copies row-major <paramref name="elements"/> into a multi-dimensional array of the same element count.</summary>
    /// <exception cref="ArgumentException">The element type or the element count differs.</exception>
    public static void CopyInto<T>(ReadOnlySpan<T> elements, Array destination)
        where T : unmanaged
    {
        Require.NotNull(destination, nameof(destination));
        if (destination.GetType().GetElementType() != typeof(T) || destination.Length != elements.Length)
        {
            throw new ArgumentException($"Expected an array of {elements.Length} {typeof(T).Name} elements, but got {destination.GetType().Name} of {destination.Length}.", nameof(destination));
        }

        elements.CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(destination)), destination.Length));
    }

    private static void CheckLength<T>(T[] elements, Shape shape)
    {
        Require.NotNull(elements, nameof(elements));
        GeneratedCodeSupport.CheckLength(shape, elements.Length, nameof(elements));
    }
}
