using System;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace ShapedTensors;

/// <summary>A tensor whose shape is fixed by its type. Every generated tensor type implements it.</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <remarks>
/// Most tensor types keep their elements in an array that copies of the value share. Struct types with inline
/// storage (the MSBuild property <c>ShapedTensorsInlineStorage</c>) keep them in the value itself: their spans point
/// into the variable they come from (hence <see cref="UnscopedRefAttribute"/>: a span cannot outlive it), and the
/// members that share an array elsewhere copy it for them.
/// </remarks>
public interface IShapedTensor<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The shape (for a type with sizes known only at run time, this value's).</summary>
    Shape Shape { get; }

    /// <summary>
    /// The shape the type declares, as TensorFlow sees it when it builds the graph: <c>(batch, 784)</c> for
    /// <c>[Tensor("batch", 784)]</c>; for a fully known type, <see cref="Shape"/>.
    /// </summary>
    StaticShape StaticShape => StaticShape.Of(Shape);

    /// <summary>The elements, row-major (for inline storage, inside the value this is called on).</summary>
    [UnscopedRef]
    ReadOnlySpan<T> AsReadOnlySpan();

    /// <summary>The elements, row-major; writes change the tensor (for inline storage, the value this is called on).</summary>
    [UnscopedRef]
    Span<T> AsSpan();

    /// <summary>The same elements as a <see cref="DynamicTensor{T}"/>, without copying (inline storage: a copy).</summary>
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

    /// <summary>
    /// Wraps <paramref name="data"/> (row-major, not copied; inline storage copies it); its length must be the shape's
    /// element count.
    /// </summary>
    static abstract TSelf Wrap(T[] data);

    /// <summary>
    /// A tensor holding a copy of <paramref name="elements"/> (row-major), whose length must be the shape's element count:
    /// a new array, or for inline storage the value itself, so that converting between inline types allocates nothing.
    /// </summary>
    static virtual TSelf CopyOf(ReadOnlySpan<T> elements) => TSelf.Wrap(elements.ToArray());
}
