using System;
using System.Numerics;
using ShapedTensors.Kernels;

namespace ShapedTensors;

/// <summary>
/// A dense row-major tensor whose shape is known only at run time, with the Keras/TensorFlow
/// <see cref="Dot(DynamicTensor{T})"/>, <see cref="BatchDot(DynamicTensor{T}, BatchDotSemantics)"/> and <see cref="MatMul(DynamicTensor{T}, bool, bool)"/>.
/// Shape errors throw <see cref="ShapeMismatchException"/> with TensorFlow's exact text.
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>; other types throw <see cref="NotSupportedException"/>.</typeparam>
/// <remarks>Operations never modify their operands, so they are safe to call from many threads at once.</remarks>
public sealed partial class DynamicTensor<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _data;

    // The storage, for generated shaped types that share it (see GeneratedCodeSupport.ArrayOf).
    internal T[] Data => _data;

    /// <summary>Wraps <paramref name="data"/> (row-major, not copied) as a tensor of the given shape.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/>'s length is not the shape's element count.</exception>
    public DynamicTensor(Shape shape, T[] data)
    {
        EnsureSupported();
        Require.NotNull(shape, nameof(shape));
        Require.NotNull(data, nameof(data));
        GeneratedCodeSupport.CheckLength(shape, data.Length, nameof(data));
        Shape = shape;
        _data = data;
    }

    /// <summary>The shape.</summary>
    public Shape Shape { get; }

    /// <summary>The number of dimensions.</summary>
    public int Rank => Shape.Rank;

    /// <summary>The number of elements.</summary>
    public int Length => _data.Length;

    /// <summary>Gets or sets the element at <paramref name="index"/> (one index per dimension).</summary>
    /// <exception cref="ArgumentException">The number of indices is not <see cref="Rank"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside its dimension.</exception>
    public T this[params ReadOnlySpan<int> index]
    {
        get => _data[Offset(index)];
        set => _data[Offset(index)] = value;
    }

    /// <summary>A tensor of zeros.</summary>
    public static DynamicTensor<T> Zeros(Shape shape) => new(shape, Allocate(shape));

    /// <summary>A tensor of zeros.</summary>
    public static DynamicTensor<T> Zeros(params int[] dims) => Zeros(new Shape(dims));

    /// <summary>A tensor of ones.</summary>
    public static DynamicTensor<T> Ones(Shape shape)
    {
        var data = Allocate(shape);
        Array.Fill(data, T.One);
        return new(shape, data);
    }

    /// <summary>A tensor of ones.</summary>
    public static DynamicTensor<T> Ones(params int[] dims) => Ones(new Shape(dims));

    /// <summary>A tensor of uniform values in [0, 1); the same seed always gives the same values (see <see cref="TensorRandom"/>).</summary>
    public static DynamicTensor<T> Random(Shape shape, int seed)
    {
        var data = Allocate(shape);
        TensorRandom.FillUniform<T>(data, seed);
        return new(shape, data);
    }

    /// <summary>A tensor holding a copy of <paramref name="data"/> (row-major).</summary>
    /// <exception cref="ArgumentException">The length is not the shape's element count.</exception>
    public static DynamicTensor<T> FromArray(Shape shape, T[] data)
    {
        Require.NotNull(data, nameof(data));
        return FromSpan(shape, data);
    }

    /// <summary>A tensor holding a copy of <paramref name="data"/> (row-major).</summary>
    /// <exception cref="ArgumentException">The length is not the shape's element count.</exception>
    public static DynamicTensor<T> FromSpan(Shape shape, ReadOnlySpan<T> data)
    {
        Require.NotNull(shape, nameof(shape));
        GeneratedCodeSupport.CheckLength(shape, data.Length, nameof(data));
        return new(shape, data.ToArray());
    }

    /// <summary>A tensor whose element at each index is <paramref name="valueAt"/>(index), called once per element in row-major order.</summary>
    public static DynamicTensor<T> FromFunction(Shape shape, Func<ReadOnlySpan<int>, T> valueAt)
    {
        Require.NotNull(valueAt, nameof(valueAt));
        var data = Allocate(shape);
        Span<int> index = stackalloc int[shape.Rank];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = valueAt(index);
            for (var axis = shape.Rank - 1; axis >= 0 && ++index[axis] == shape[axis]; axis--)
            {
                index[axis] = 0;
            }
        }

        return new(shape, data);
    }

    /// <summary>The elements, row-major; writes change the tensor.</summary>
    public Span<T> AsSpan() => _data;

    /// <summary>The elements, row-major.</summary>
    public ReadOnlySpan<T> AsReadOnlySpan() => _data;

    /// <summary>A copy of the elements, row-major.</summary>
    public T[] ToArray() => (T[])_data.Clone();

    /// <summary><c>keras.backend.dot(this, y)</c>.</summary>
    /// <exception cref="ShapeMismatchException">The shapes are incompatible.</exception>
    public DynamicTensor<T> Dot(DynamicTensor<T> y) => Compute(Contraction.Dot, y, ShapeAlgebra.Dot(Shape, ShapeOf(y)), null);

    /// <summary><c>keras.backend.dot(this, y)</c>, written into <paramref name="destination"/>.</summary>
    /// <exception cref="ShapeMismatchException">The shapes are incompatible.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong shape or shares memory with an operand.</exception>
    public void Dot(DynamicTensor<T> y, DynamicTensor<T> destination) => Compute(Contraction.Dot, y, ShapeAlgebra.Dot(Shape, ShapeOf(y)), DestinationOf(destination));

    /// <summary><c>keras.backend.batch_dot(this, y)</c> with the default axes.</summary>
    /// <param name="y">The right operand.</param>
    /// <param name="semantics">Keras 2.2.4's <c>batch_dot</c> (the default) or tf.keras' (SEMANTICS.md §9).</param>
    /// <exception cref="ShapeMismatchException">The shapes are incompatible.</exception>
    public DynamicTensor<T> BatchDot(DynamicTensor<T> y, BatchDotSemantics semantics = BatchDotSemantics.Keras224)
        => Compute(Contraction.BatchDot, y, ShapeAlgebra.BatchDot(Shape, ShapeOf(y), semantics), null);

    /// <summary><c>keras.backend.batch_dot(this, y, axes)</c>.</summary>
    /// <param name="y">The right operand.</param>
    /// <param name="axes">The axis of both operands to contract, meaning <c>(axes, axes)</c>.</param>
    /// <param name="semantics">Keras 2.2.4's <c>batch_dot</c> (the default) or tf.keras' (SEMANTICS.md §9).</param>
    /// <exception cref="ShapeMismatchException">The shapes are incompatible.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An axis is outside its operand's rank.</exception>
    public DynamicTensor<T> BatchDot(DynamicTensor<T> y, int axes, BatchDotSemantics semantics = BatchDotSemantics.Keras224)
        => Compute(Contraction.BatchDot, y, ShapeAlgebra.BatchDot(Shape, ShapeOf(y), axes, semantics), null);

    /// <summary><c>keras.backend.batch_dot(this, y, axes)</c> with one axis per operand.</summary>
    /// <param name="y">The right operand.</param>
    /// <param name="axes">The axis of this tensor and the axis of <paramref name="y"/> to contract.</param>
    /// <param name="semantics">Keras 2.2.4's <c>batch_dot</c> (the default) or tf.keras' (SEMANTICS.md §9).</param>
    /// <exception cref="ShapeMismatchException">The shapes are incompatible.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An axis is outside its operand's rank.</exception>
    public DynamicTensor<T> BatchDot(DynamicTensor<T> y, (int X, int Y) axes, BatchDotSemantics semantics = BatchDotSemantics.Keras224)
        => Compute(Contraction.BatchDot, y, ShapeAlgebra.BatchDot(Shape, ShapeOf(y), axes.X, axes.Y, semantics), null);

    /// <summary><c>keras.backend.batch_dot(this, y)</c>, written into <paramref name="destination"/>.</summary>
    /// <param name="y">The right operand.</param>
    /// <param name="destination">A tensor of the result's shape, sharing no memory with an operand.</param>
    /// <param name="semantics">Keras 2.2.4's <c>batch_dot</c> (the default) or tf.keras' (SEMANTICS.md §9).</param>
    public void BatchDot(DynamicTensor<T> y, DynamicTensor<T> destination, BatchDotSemantics semantics = BatchDotSemantics.Keras224)
        => Compute(Contraction.BatchDot, y, ShapeAlgebra.BatchDot(Shape, ShapeOf(y), semantics), DestinationOf(destination));

    /// <summary><c>keras.backend.batch_dot(this, y, axes)</c>, written into <paramref name="destination"/>.</summary>
    /// <param name="y">The right operand.</param>
    /// <param name="axes">The axis of both operands to contract, meaning <c>(axes, axes)</c>.</param>
    /// <param name="destination">A tensor of the result's shape, sharing no memory with an operand.</param>
    /// <param name="semantics">Keras 2.2.4's <c>batch_dot</c> (the default) or tf.keras' (SEMANTICS.md §9).</param>
    public void BatchDot(DynamicTensor<T> y, int axes, DynamicTensor<T> destination, BatchDotSemantics semantics = BatchDotSemantics.Keras224)
        => Compute(Contraction.BatchDot, y, ShapeAlgebra.BatchDot(Shape, ShapeOf(y), axes, semantics), DestinationOf(destination));

    /// <summary><c>keras.backend.batch_dot(this, y, axes)</c>, written into <paramref name="destination"/>.</summary>
    /// <param name="y">The right operand.</param>
    /// <param name="axes">The axis of this tensor and the axis of <paramref name="y"/> to contract.</param>
    /// <param name="destination">A tensor of the result's shape, sharing no memory with an operand.</param>
    /// <param name="semantics">Keras 2.2.4's <c>batch_dot</c> (the default) or tf.keras' (SEMANTICS.md §9).</param>
    public void BatchDot(DynamicTensor<T> y, (int X, int Y) axes, DynamicTensor<T> destination, BatchDotSemantics semantics = BatchDotSemantics.Keras224)
        => Compute(Contraction.BatchDot, y, ShapeAlgebra.BatchDot(Shape, ShapeOf(y), axes.X, axes.Y, semantics), DestinationOf(destination));

    /// <summary><c>tf.matmul(this, y, transpose_a, transpose_b)</c> (batch dimensions broadcast).</summary>
    /// <exception cref="ShapeMismatchException">The shapes are incompatible.</exception>
    public DynamicTensor<T> MatMul(DynamicTensor<T> y, bool transposeA = false, bool transposeB = false)
        => Compute(Contraction.MatMul, y, ShapeAlgebra.MatMul(Shape, ShapeOf(y), transposeA, transposeB), null);

    /// <summary><c>tf.matmul(this, y, transpose_a, transpose_b)</c>, written into <paramref name="destination"/>.</summary>
    public void MatMul(DynamicTensor<T> y, DynamicTensor<T> destination, bool transposeA = false, bool transposeB = false)
        => Compute(Contraction.MatMul, y, ShapeAlgebra.MatMul(Shape, ShapeOf(y), transposeA, transposeB), DestinationOf(destination));

    /// <summary><c>tf.matmul</c> with the transpose flags as a marker (<see cref="Transpose.A"/>).</summary>
    /// <exception cref="ShapeMismatchException">The shapes are incompatible.</exception>
    public DynamicTensor<T> MatMul<TTranspose>(DynamicTensor<T> y, TTranspose transpose)
        where TTranspose : struct, ITransposeMarker
        => MatMul(y, TTranspose.A, TTranspose.B);

    /// <summary><c>tf.matmul</c> with the transpose flags as a marker, written into <paramref name="destination"/>.</summary>
    public void MatMul<TTranspose>(DynamicTensor<T> y, DynamicTensor<T> destination, TTranspose transpose)
        where TTranspose : struct, ITransposeMarker
        => MatMul(y, destination, TTranspose.A, TTranspose.B);

    /// <summary>The values as numpy prints them, e.g. <c>[[19. 22.]\n [43. 50.]]</c>.</summary>
    public override string ToString() => TensorFormatter.Format<T>(Shape, _data);

    private DynamicTensor<T> Compute(string operation, DynamicTensor<T> y, ContractionResult result, DynamicTensor<T>? destination)
    {
        var plan = Contraction.PlanOrThrow(result, operation, Shape, y.Shape);
        if (SizeLimit.Exceeds(plan.Result))
        {
            throw new ArgumentException(SizeLimit.ResultTooLarge(operation, Shape, y.Shape, plan.Result));
        }

        if (destination is null)
        {
            destination = new DynamicTensor<T>(plan.Result, Allocate(plan.Result));
        }
        else
        {
            Contraction.CheckDestination(operation, Shape, y.Shape, plan.Result, destination.Shape, nameof(destination));
        }

        if (destination.Length > 0 && (ReferenceEquals(destination._data, _data) || ReferenceEquals(destination._data, y._data)))
        {
            throw new ArgumentException("The destination must not share memory with an operand.", nameof(destination));
        }

        StridedProduct.Multiply<T>(plan, _data, y._data, destination._data);
        return destination;
    }

    private int Offset(ReadOnlySpan<int> index)
    {
        if (index.Length != Rank)
        {
            throw new ArgumentException($"A tensor of shape {Shape} takes {Rank} indices, but {index.Length} were given.", nameof(index));
        }

        var offset = 0;
        for (var axis = 0; axis < index.Length; axis++)
        {
            if ((uint)index[axis] >= (uint)Shape[axis])
            {
                throw new ArgumentOutOfRangeException(nameof(index), index[axis], $"Index {index[axis]} is out of range for axis {axis} of size {Shape[axis]} in shape {Shape}.");
            }

            offset = (offset * Shape[axis]) + index[axis];
        }

        return offset;
    }

    private static Shape ShapeOf(DynamicTensor<T> y)
    {
        Require.NotNull(y, nameof(y));
        return y.Shape;
    }

    private static DynamicTensor<T> DestinationOf(DynamicTensor<T> destination)
    {
        Require.NotNull(destination, nameof(destination));
        return destination;
    }

    private static T[] Allocate(Shape shape)
    {
        EnsureSupported();
        Require.NotNull(shape, nameof(shape));
        var count = shape.ElementCount;
        if (count > Array.MaxLength)
        {
            throw new ArgumentException($"A tensor of shape {shape} would hold {count} elements, more than an array can.", nameof(shape));
        }

        return new T[count];
    }

    private static void EnsureSupported()
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
        {
            throw new NotSupportedException($"DynamicTensor<{typeof(T).Name}> is not supported: the element type must be float or double.");
        }
    }
}
