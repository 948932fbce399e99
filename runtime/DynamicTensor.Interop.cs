using System;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Numerics.Tensors;

namespace ShapedTensors;

/// <content>Conversions to and from System.Numerics.Tensors and multi-dimensional arrays.</content>
public sealed partial class DynamicTensor<T>
{
    /// <summary>A writable <see cref="TensorSpan{T}"/> over this tensor's elements (shared, not copied).</summary>
    public TensorSpan<T> AsTensorSpan() => TensorInterop.AsTensorSpan(_data, Shape);

    /// <summary>A <see cref="ReadOnlyTensorSpan{T}"/> over this tensor's elements (shared, not copied).</summary>
    public ReadOnlyTensorSpan<T> AsReadOnlyTensorSpan() => TensorInterop.AsReadOnlyTensorSpan(_data, Shape);

    /// <summary>A <see cref="Tensor{T}"/> over this tensor's elements (shared, not copied).</summary>
    public Tensor<T> ToTensor() => TensorInterop.ToTensor(_data, Shape);

    /// <summary>A copy of this tensor as a multi-dimensional array: <c>float[,]</c> for rank 2, and so on.</summary>
    /// <exception cref="ArgumentException">The tensor is a scalar (rank 0).</exception>
    [RequiresDynamicCode("Creates an array type of a rank known only at run time; shaped tensor types offer a typed ToMultidimensionalArray().")]
    public Array ToMultidimensionalArray() => TensorInterop.ToMultidimensionalArray<T>(_data, Shape);

    /// <summary>A tensor holding a copy of <paramref name="source"/>'s elements in row-major order (any strides).</summary>
    /// <exception cref="ArgumentException">A dimension of <paramref name="source"/> is longer than <see cref="int.MaxValue"/>.</exception>
    public static DynamicTensor<T> FromTensorSpan(in ReadOnlyTensorSpan<T> source)
        => new(TensorInterop.ShapeOf(source), TensorInterop.CopyToArray(source));

    /// <summary>A tensor holding a copy of <paramref name="source"/>'s elements.</summary>
    public static DynamicTensor<T> FromTensor(Tensor<T> source)
    {
        Require.NotNull(source, nameof(source));
        return FromTensorSpan(source.AsReadOnlyTensorSpan());
    }

    /// <summary>A tensor holding a copy of a multi-dimensional array (<c>new float[,] { { 1, 2 }, { 3, 4 } }</c>), shaped like it.</summary>
    /// <exception cref="ArgumentException">The array's element type is not <typeparamref name="T"/>.</exception>
    public static DynamicTensor<T> FromMultidimensionalArray(Array array)
        => new(TensorInterop.ShapeOf<T>(array), TensorInterop.CopyToArray<T>(array));
}
