using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace ShapedTensors;

// The bodies of the members every generated tensor type has, so that each member is one line of generated code
// (every generated line is compiled at every build and analysed at every keystroke).
public static partial class GeneratedCodeSupport
{
    /// <summary>A new array of <paramref name="length"/> elements, each <paramref name="value"/>.</summary>
    public static T[] Filled<T>(int length, T value)
    {
        var elements = new T[length];
        Array.Fill(elements, value);
        return elements;
    }

    /// <summary>A new array of <paramref name="length"/> uniform values in [0, 1) from <paramref name="seed"/> (see <see cref="TensorRandom"/>).</summary>
    public static T[] Uniform<T>(int length, int seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var elements = new T[length];
        TensorRandom.FillUniform<T>(elements, seed);
        return elements;
    }

    /// <summary>A copy of <paramref name="elements"/>, which must hold <paramref name="length"/> elements (the element count of <paramref name="shape"/>).</summary>
    /// <exception cref="ArgumentException">There are not <paramref name="length"/> elements.</exception>
    public static T[] CopyOf<T>(Shape shape, int length, ReadOnlySpan<T> elements, string parameterName)
    {
        CheckLength(shape, length, elements.Length, parameterName);
        return elements.ToArray();
    }

    /// <summary>A copy of <paramref name="elements"/> (not null), which must hold <paramref name="length"/> elements.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="elements"/> is null.</exception>
    /// <exception cref="ArgumentException">There are not <paramref name="length"/> elements.</exception>
    public static T[] CopyOf<T>(Shape shape, int length, T[] elements, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(elements, parameterName);
        return CopyOf<T>(shape, length, elements.AsSpan(), parameterName);
    }

    /// <summary>
    /// Copies <paramref name="elements"/>, which must hold <paramref name="length"/> elements (the element count of
    /// <paramref name="shape"/>), into <paramref name="destination"/>: the storage of a tensor with inline storage.
    /// </summary>
    /// <exception cref="ArgumentException">There are not <paramref name="length"/> elements.</exception>
    public static void CopyInto<T>(Shape shape, int length, ReadOnlySpan<T> elements, Span<T> destination, string parameterName)
    {
        CheckLength(shape, length, elements.Length, parameterName);
        elements.CopyTo(destination);
    }

    /// <summary>Copies <paramref name="elements"/> (not null), which must hold <paramref name="length"/> elements, into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="elements"/> is null.</exception>
    /// <exception cref="ArgumentException">There are not <paramref name="length"/> elements.</exception>
    public static void CopyInto<T>(Shape shape, int length, T[] elements, Span<T> destination, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(elements, parameterName);
        CopyInto<T>(shape, length, elements.AsSpan(), destination, parameterName);
    }

    /// <summary>Copies <paramref name="source"/>'s elements (any strides), which must have <paramref name="shape"/>, into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">The span's shape differs.</exception>
    public static void CopyInto<T>(Shape shape, in ReadOnlyTensorSpan<T> source, Span<T> destination, string typeName)
    {
        CheckShape(shape, TensorInterop.ShapeOf(source), typeName, nameof(source));
        source.FlattenTo(destination);
    }

    /// <summary><paramref name="elements"/> itself (not null), which must hold <paramref name="length"/> elements: the storage of a wrapping tensor.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="elements"/> is null.</exception>
    /// <exception cref="ArgumentException">There are not <paramref name="length"/> elements.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T[] Checked<T>(Shape shape, int length, T[] elements, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(elements, parameterName);
        CheckLength(shape, length, elements.Length, parameterName);
        return elements;
    }

    /// <summary>The array behind <paramref name="tensor"/>, which must have <paramref name="shape"/>: the storage of a tensor of type <paramref name="typeName"/> that shares it.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="tensor"/> is null.</exception>
    /// <exception cref="ArgumentException">The tensor's shape differs.</exception>
    public static T[] StorageOf<T>(Shape shape, DynamicTensor<T> tensor, string typeName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(tensor);
        CheckShape(shape, tensor.Shape, typeName, nameof(tensor));
        return tensor.Data;
    }

    /// <summary>A copy of <paramref name="source"/>'s elements (any strides), which must have <paramref name="shape"/>.</summary>
    /// <exception cref="ArgumentException">The span's shape differs.</exception>
    public static T[] CopyOf<T>(Shape shape, in ReadOnlyTensorSpan<T> source, string typeName)
    {
        CheckShape(shape, TensorInterop.ShapeOf(source), typeName, nameof(source));
        return TensorInterop.CopyToArray(source);
    }

    /// <summary>A copy of a multi-dimensional array's elements, which must have <paramref name="shape"/>.</summary>
    /// <exception cref="ArgumentException">The array's shape or element type differs.</exception>
    public static T[] CopyOf<T>(Shape shape, Array array, string typeName)
        where T : unmanaged
    {
        CheckShape(shape, TensorInterop.ShapeOf<T>(array), typeName, nameof(array));
        return TensorInterop.CopyToArray<T>(array);
    }

    /// <summary><paramref name="array"/>, a new multi-dimensional array of the tensor's shape, filled with its row-major elements.</summary>
    public static Array Filled<T>(Array array, ReadOnlySpan<T> elements)
        where T : unmanaged
    {
        TensorInterop.CopyInto(elements, array);
        return array;
    }

    /// <summary>A new array whose element at each index is <paramref name="valueAt"/>(index), called once per element in row-major order.</summary>
    public static T[] FromFunction<T>(Shape shape, Func<ReadOnlySpan<int>, T> valueAt)
        where T : unmanaged, IFloatingPointIeee754<T>
        => DynamicTensor<T>.FromFunction(shape, valueAt).Data;

    /// <summary>The same storage as a tensor of type <typeparamref name="TOther"/>, whose shape must be <paramref name="shape"/>.</summary>
    /// <exception cref="ArgumentException">The other type's shape differs.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TOther As<TOther, T>(Shape shape, T[] elements)
        where TOther : IShapedTensor<TOther, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckShape<TOther>(TOther.TensorShape, shape);
        return TOther.Wrap(elements);
    }

    /// <summary>
    /// A copy of <paramref name="elements"/> as a tensor of type <typeparamref name="TOther"/>, whose shape must be
    /// <paramref name="shape"/>: <c>As&lt;TOther&gt;</c> and the conversions of a tensor with inline storage.
    /// </summary>
    /// <exception cref="ArgumentException">The other type's shape differs.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TOther CopyAs<TOther, T>(Shape shape, ReadOnlySpan<T> elements)
        where TOther : IShapedTensor<TOther, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckShape<TOther>(TOther.TensorShape, shape);
        return TOther.CopyOf(elements);
    }

    /// <summary><paramref name="index"/>, checked against its dimension: an indexer's bounds check.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the dimension.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Index(int index, int size, int axis)
        => (uint)index < (uint)size ? index : throw IndexOutOfRange(axis, index, size);
}
