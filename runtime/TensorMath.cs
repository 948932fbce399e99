using System;
using System.Numerics;

namespace ShapedTensors;

/// <summary>
/// The operations whose first argument is not a tensor, for <c>using static ShapedTensors.TensorMath;</c>:
/// <c>Einsum("bij,bjk-&gt;bik", a, b)</c> reads as <c>tf.einsum</c> does. On shaped tensors these are the run-time
/// fallbacks: the generator specializes calls with a constant equation and known shapes.
/// </summary>
public static class TensorMath
{
    /// <summary><c>tf.einsum(equation, a)</c> (TF 2.x semantics, OPS.md §9).</summary>
    /// <exception cref="ShapeMismatchException">The equation is malformed or does not fit the shape, with TensorFlow's text.</exception>
    public static DynamicTensor<T> Einsum<T>(string equation, DynamicTensor<T> a)
        where T : unmanaged, IFloatingPointIeee754<T>
        => DynamicTensor<T>.Einsum(equation, a);

    /// <summary><c>tf.einsum(equation, a, b)</c> (TF 2.x semantics, OPS.md §9).</summary>
    /// <exception cref="ShapeMismatchException">The equation is malformed or does not fit the shapes, with TensorFlow's text.</exception>
    public static DynamicTensor<T> Einsum<T>(string equation, DynamicTensor<T> a, DynamicTensor<T> b)
        where T : unmanaged, IFloatingPointIeee754<T>
        => DynamicTensor<T>.Einsum(equation, a, b);

    /// <summary><c>tf.einsum(equation, a)</c> on a shaped tensor, the shape checked at run time.</summary>
    /// <exception cref="ShapeMismatchException">The equation is malformed or does not fit the shape, with TensorFlow's text.</exception>
    public static DynamicTensor<T> Einsum<T>(string equation, IShapedTensor<T> a)
        where T : unmanaged, IFloatingPointIeee754<T>
        => DynamicTensor<T>.Einsum(equation, ShapedTensorFallbacks.CheckedEinsum(equation, a));

    /// <summary><c>tf.einsum(equation, a, b)</c> on shaped tensors, the shapes checked at run time.</summary>
    /// <exception cref="ShapeMismatchException">The equation is malformed or does not fit the shapes, with TensorFlow's text.</exception>
    public static DynamicTensor<T> Einsum<T>(string equation, IShapedTensor<T> a, IShapedTensor<T> b)
        where T : unmanaged, IFloatingPointIeee754<T>
        => DynamicTensor<T>.Einsum(equation, ShapedTensorFallbacks.CheckedEinsum(equation, a, b), b.ToDynamic());
}
