using System;
using ShapedTensors.Kernels.Operations;

namespace ShapedTensors;

// The operations of OPS.md §1–§7 written into an existing tensor, spelled and checked like Dot's and MatMul's
// destination forms: the destination comes after the operands and before the optional arguments, must have the
// result's shape exactly (ArgumentException naming both shapes), and is returned by nothing (void).
//
// Aliasing: the element-by-element operations (broadcast binaries, BiasAdd, the unary ones, Softmax) and the copies
// (Reshape, ExpandDims, Squeeze) accept a destination that is one of their operands: every kernel writes each output
// element after reading the elements at the same position (TensorPrimitives allows exact overlap; a broadcast operand
// that has the result's shape is walked in step with the output; softmax reads a row's maximum before writing it), so
// x.Relu(x) and x.Add(b, x) compute in place. Transposes, reductions and concatenations read elements after writing
// others and reject a destination sharing memory with an operand. Those of the broadcasting, unary and reduction
// operations are written from OperationCatalog (runtime/Surface).
public sealed partial class DynamicTensor<T>
{
    /// <summary><c>keras.backend.bias_add(x, bias)</c> (see <see cref="BiasAdd(DynamicTensor{T})"/>), written into <paramref name="destination"/>.</summary>
    /// <param name="bias">The bias: rank 1, or rank one less than this tensor's.</param>
    /// <param name="destination">A tensor of this shape; may be this tensor (in place).</param>
    /// <exception cref="ShapeMismatchException">The bias does not fit.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong shape.</exception>
    public void BiasAdd(DynamicTensor<T> bias, DynamicTensor<T> destination) => BiasAdded(bias, DestinationOf(destination));

    /// <summary><c>keras.backend.softmax(x)</c> along the last axis (see <see cref="Softmax(int)"/>), written into <paramref name="destination"/>.</summary>
    /// <param name="destination">A tensor of this shape; may be this tensor (in place).</param>
    /// <exception cref="ShapeMismatchException">The tensor is a scalar.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong shape.</exception>
    public void Softmax(DynamicTensor<T> destination) => Softmaxed(-1, DestinationOf(destination));

    /// <summary><c>keras.backend.softmax(x, axis)</c> (see <see cref="Softmax(int)"/>), written into <paramref name="destination"/>.</summary>
    /// <param name="axis">The axis, negative from the end (-1: the last).</param>
    /// <param name="destination">A tensor of this shape; may be this tensor (in place).</param>
    /// <exception cref="ShapeMismatchException">The tensor is a scalar, or the axis is outside <c>[-rank, rank)</c>.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong shape.</exception>
    public void Softmax(int axis, DynamicTensor<T> destination) => Softmaxed(axis, DestinationOf(destination));

    /// <summary><c>keras.backend.transpose(x)</c> (see <see cref="Transpose()"/>), written into <paramref name="destination"/>.</summary>
    /// <param name="destination">A tensor of the reversed shape, sharing no memory with this tensor.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong shape or shares memory with this tensor.</exception>
    public void Transpose(DynamicTensor<T> destination) => Permuted(OperationCatalog.Transpose, OperationOptions.None, DestinationOf(destination));

    /// <summary><c>keras.backend.permute_dimensions(x, pattern)</c> (see <see cref="PermuteDimensions(int[])"/>), written into <paramref name="destination"/>.</summary>
    /// <param name="pattern">A permutation of <c>0 .. rank-1</c>.</param>
    /// <param name="destination">A tensor of the permuted shape, sharing no memory with this tensor.</param>
    /// <exception cref="ShapeMismatchException">The pattern is not a permutation of the axes.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong shape or shares memory with this tensor.</exception>
    public void PermuteDimensions(int[] pattern, DynamicTensor<T> destination)
        => Permuted(OperationCatalog.PermuteDimensions, OperationOptions.WithValues(CopyOf(pattern, nameof(pattern))), DestinationOf(destination));

    /// <summary><c>keras.backend.reshape(x, shape)</c> (see <see cref="Reshape(int[])"/>), written into <paramref name="destination"/>.</summary>
    /// <param name="shape">The target dimensions; one of them may be -1.</param>
    /// <param name="destination">A tensor of the target shape.</param>
    /// <exception cref="ShapeMismatchException">The element counts differ.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong shape.</exception>
    public void Reshape(int[] shape, DynamicTensor<T> destination) => Copied(OperationCatalog.Reshape, OperationOptions.WithValues(CopyOf(shape, nameof(shape))), DestinationOf(destination));

    /// <summary><c>keras.backend.expand_dims(x)</c>, a 1 appended as the last axis, written into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">The destination does not have the result's shape.</exception>
    public void ExpandDims(DynamicTensor<T> destination) => ExpandDims(-1, destination);

    /// <summary><c>keras.backend.expand_dims(x, axis)</c> (see <see cref="ExpandDims(int)"/>), written into <paramref name="destination"/>.</summary>
    /// <param name="axis">Where the new axis goes, in <c>[-rank-1, rank]</c>.</param>
    /// <param name="destination">A tensor of the expanded shape.</param>
    /// <exception cref="ShapeMismatchException">The axis is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong shape.</exception>
    public void ExpandDims(int axis, DynamicTensor<T> destination) => Copied(OperationCatalog.ExpandDims, OperationOptions.WithAxis(axis), DestinationOf(destination));

    /// <summary><c>keras.backend.squeeze(x, axis)</c> (see <see cref="Squeeze(int)"/>), written into <paramref name="destination"/>.</summary>
    /// <param name="axis">The axis, in <c>[-rank, rank)</c>.</param>
    /// <param name="destination">A tensor of the squeezed shape.</param>
    /// <exception cref="ShapeMismatchException">The axis is out of range or not of size 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong shape.</exception>
    public void Squeeze(int axis, DynamicTensor<T> destination) => Copied(OperationCatalog.Squeeze, OperationOptions.WithAxis(axis), DestinationOf(destination));

    /// <summary><c>keras.backend.concatenate([x, y], axis)</c> (see <see cref="Concatenate(DynamicTensor{T}, int)"/>), written into <paramref name="destination"/>.</summary>
    /// <param name="y">The tensor appended.</param>
    /// <param name="destination">A tensor of the joined shape, sharing no memory with either operand.</param>
    /// <param name="axis">The axis; a negative one is taken modulo this tensor's rank (Keras).</param>
    /// <exception cref="ShapeMismatchException">The ranks or the other dimensions differ.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong shape or shares memory with an operand.</exception>
    public void Concatenate(DynamicTensor<T> y, DynamicTensor<T> destination, int axis = -1) => Concatenated(axis, [this, y], DestinationOf(destination));

    /// <summary><c>keras.backend.concatenate(tensors, axis)</c> (see <see cref="Concatenate(int, DynamicTensor{T}[])"/>), written into <paramref name="destination"/>.</summary>
    /// <param name="axis">The axis; a negative one is taken modulo the first tensor's rank (Keras).</param>
    /// <param name="tensors">At least one tensor.</param>
    /// <param name="destination">A tensor of the joined shape, sharing no memory with any of <paramref name="tensors"/>.</param>
    /// <exception cref="ShapeMismatchException">The ranks or the other dimensions differ.</exception>
    /// <exception cref="ArgumentException"><paramref name="tensors"/> is empty; <paramref name="destination"/> has the wrong shape or shares memory with an operand.</exception>
    public static void Concatenate(int axis, DynamicTensor<T>[] tensors, DynamicTensor<T> destination) => Concatenated(axis, tensors, DestinationOf(destination));
}
