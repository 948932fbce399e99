using System;
using System.Numerics;

namespace ShapedTensors;

/// <summary>A tensor whose shape is fixed by its type. Every generated tensor type implements it.</summary>
/// <typeparam name="T">The element type.</typeparam>
public interface IShapedTensor<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The shape.</summary>
    Shape Shape { get; }

    /// <summary>The elements, row-major.</summary>
    ReadOnlySpan<T> AsReadOnlySpan();

    /// <summary>The elements, row-major; writes change the tensor.</summary>
    Span<T> AsSpan();

    /// <summary>The same elements as a <see cref="DynamicTensor{T}"/>, without copying.</summary>
    DynamicTensor<T> ToDynamic();
}

/// <summary>A tensor type whose shape is fixed: lets generic code create and convert such types.</summary>
/// <typeparam name="TSelf">The tensor type itself.</typeparam>
/// <typeparam name="T">The element type.</typeparam>
public interface IShapedTensor<TSelf, T> : IShapedTensor<T>
    where TSelf : IShapedTensor<TSelf, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The shape every value of the type has.</summary>
    static abstract Shape TensorShape { get; }

    /// <summary>Wraps <paramref name="data"/> (row-major, not copied); its length must be the shape's element count.</summary>
    static abstract TSelf Wrap(T[] data);
}
